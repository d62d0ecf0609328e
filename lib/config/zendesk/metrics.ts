import { durationText } from './duration-text';
import { child, describe, isRecord, type Problems, type Where } from './problems';
import type { NoteMetric } from '../metrics';
import type { MetricKey, TargetsV1Like } from './types';

/** Zendesk's priorities, the keys of our targets. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * Zendesk's seven SLA metrics, all measured (issue 18), under our names. The metric for
 * resolution is `total_resolution_time` (time to solved, never paused); `full_resolution_time` is
 * the same measure under its ticket-metrics name, accepted because exports and hand-written files
 * use both.
 */
const MEASURED: Readonly<Record<string, MetricKey>> = {
  first_reply_time: 'firstResponse',
  total_resolution_time: 'resolution',
  full_resolution_time: 'resolution',
  next_reply_time: 'nextReply',
  periodic_update_time: 'periodicUpdate',
  pausable_update_time: 'pausableUpdate',
  requester_wait_time: 'requesterWait',
  agent_work_time: 'agentWork',
};

/** How Zendesk's admin UI names each metric, for the messages. */
const ZENDESK_WORDS: Readonly<Record<MetricKey, string>> = {
  firstResponse: 'first reply',
  resolution: 'resolution',
  nextReply: 'next reply',
  periodicUpdate: 'periodic update',
  pausableUpdate: 'pausable update',
  requesterWait: 'requester wait time',
  agentWork: 'agent work time',
};

export interface TargetsByHours {
  /** Targets counted in the schedule's business hours. */
  business: TargetsV1Like;
  /** Targets counted around the clock. */
  calendar: TargetsV1Like;
}

/**
 * `policy_metrics` as targets per priority, split by `business_hours`. A metric SLA Lens does not
 * measure is left out with one warning per policy and metric — never dropped silently.
 */
export function targetsFromMetrics(metrics: unknown, where: Where, policy: string, problems: Problems): TargetsByHours | null {
  if (metrics === undefined || metrics === null) return { business: {}, calendar: {} };
  if (!Array.isArray(metrics)) {
    problems.error(where, `Policy ${policy}: expected a list of policy metrics, got ${describe(metrics)}.`);
    return null;
  }
  const out: TargetsByHours = { business: {}, calendar: {} };
  const warned = new Set<string>();
  let ok = true;
  metrics.forEach((raw: unknown, i) => {
    const at = child(where, i);
    if (!isRecord(raw) || typeof raw.metric !== 'string') {
      problems.error(
        isRecord(raw) ? child(at, 'metric') : at,
        `Policy ${policy}: expected a policy metric {"priority", "metric", "target", "business_hours"}, got ${describe(isRecord(raw) ? raw.metric : raw)}.`,
      );
      ok = false;
      return;
    }
    const key = Object.hasOwn(MEASURED, raw.metric) ? MEASURED[raw.metric] : undefined;
    if (key === undefined) {
      if (!warned.has(raw.metric)) {
        warned.add(raw.metric);
        problems.warn(child(at, 'metric'), `Policy ${policy}: the metric ${raw.metric} is not known to SLA Lens; its targets were left out.`);
      }
      return;
    }
    ok = addTarget(raw, key, at, policy, out, problems) && ok;
  });
  return ok ? out : null;
}

function addTarget(raw: Record<string, unknown>, key: MetricKey, at: Where, policy: string, out: TargetsByHours, problems: Problems): boolean {
  const priority = typeof raw.priority === 'string' ? raw.priority.toLowerCase() : raw.priority;
  if (typeof priority !== 'string' || !(PRIORITIES as readonly string[]).includes(priority)) {
    problems.error(child(at, 'priority'), `Policy ${policy}: ${describe(raw.priority)} is not a Zendesk priority; expected ${PRIORITIES.join(', ')}.`);
    return false;
  }
  const seconds = targetSeconds(raw);
  if (seconds === null) {
    problems.error(child(at, 'target'), `Policy ${policy}: the target must be a number of minutes above 0; got ${describe(raw.target)}.`);
    return false;
  }
  if (typeof raw.business_hours !== 'boolean') {
    problems.error(child(at, 'business_hours'), `Policy ${policy}: business_hours must be true or false; got ${describe(raw.business_hours)}.`);
    return false;
  }
  if (out.business[priority]?.[key] !== undefined || out.calendar[priority]?.[key] !== undefined) {
    problems.error(child(at, 'metric'), `Policy ${policy}: a second ${ZENDESK_WORDS[key]} target for ${priority} priority; a policy has one per priority.`);
    return false;
  }
  const targets = raw.business_hours ? out.business : out.calendar;
  (targets[priority] ??= {})[key] = durationText(seconds);
  return true;
}

/** `target_in_seconds` where present (finer than minutes), else `target` in minutes. */
function targetSeconds(raw: Record<string, unknown>): number | null {
  const valid = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
  if (valid(raw.target_in_seconds)) return raw.target_in_seconds;
  if (valid(raw.target)) return raw.target * 60;
  return null;
}

/**
 * The policy's advanced settings (`metric_settings`, as Zendesk's SLA policy API carries them;
 * the field names as go-zendesk declares them, see README) that SLA Lens honours: an agent's
 * internal note fulfils next reply (`next_reply_time.fulfill_on_non_requesting_agent_internal_note_after_activation`)
 * and counts as a periodic update (`periodic_update_time.activate_on_agent_internal_note`). Every
 * other setting turned on is named in a warning, never dropped silently; an absent or empty
 * object is Zendesk's defaults.
 */
export function notesFromSettings(settings: unknown, where: Where, policy: string, problems: Problems): NoteMetric[] {
  if (settings === undefined || settings === null) return [];
  if (!isRecord(settings)) {
    problems.warn(where, `Policy ${policy}: the advanced settings (metric_settings) are not an object (${describe(settings)}); Zendesk's defaults were assumed.`);
    return [];
  }
  const notes: NoteMetric[] = [];
  for (const [metric, flags] of Object.entries(settings)) {
    if (!isRecord(flags)) continue;
    for (const [flag, on] of Object.entries(flags)) {
      if (on !== true) continue;
      const honoured = HONOURED[`${metric}.${flag}`];
      if (honoured) notes.push(honoured);
      else problems.warn(child(child(where, metric), flag), `Policy ${policy}: the advanced setting ${metric}.${flag} is not honoured by SLA Lens; its clocks follow Zendesk's default for it.`);
    }
  }
  return notes;
}

const HONOURED: Readonly<Record<string, NoteMetric>> = {
  'next_reply_time.fulfill_on_non_requesting_agent_internal_note_after_activation': 'nextReply',
  'periodic_update_time.activate_on_agent_internal_note': 'periodicUpdate',
};
