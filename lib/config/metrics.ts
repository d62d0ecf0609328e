/**
 * The clocks a policy can name (issue 18): Zendesk's seven SLA metrics under the configuration's
 * names, and the word each goes by on a badge (`data-sla-metric`, a public contract). One list,
 * so the schema, inheritance, resolution, matching and the words cannot disagree.
 */
import type { BadgeMetric } from '../view/types';

export const METRIC_NAMES = ['firstResponse', 'resolution', 'nextReply', 'periodicUpdate', 'pausableUpdate', 'requesterWait', 'agentWork'] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

export const BADGE_METRIC: Readonly<Record<MetricName, BadgeMetric>> = {
  firstResponse: 'first-response',
  resolution: 'resolution',
  nextReply: 'next-reply',
  periodicUpdate: 'periodic-update',
  pausableUpdate: 'pausable-update',
  requesterWait: 'requester-wait',
  agentWork: 'agent-work',
};

/** The metrics that recur (a cycle per exchange or per update), for which an agent's internal note may count (Zendesk's advanced settings). */
export const NOTE_METRICS = ['nextReply', 'periodicUpdate', 'pausableUpdate'] as const satisfies readonly MetricName[];
export type NoteMetric = (typeof NOTE_METRICS)[number];
