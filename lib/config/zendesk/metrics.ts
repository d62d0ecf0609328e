import { t, type MessageKey } from '../../i18n/core';
import { commaList } from '../format';
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
const ZENDESK_WORDS: Readonly<Record<MetricKey, MessageKey>> = {
  firstResponse: 'cfgz_metric_first_reply',
  resolution: 'cfgz_metric_resolution',
  nextReply: 'cfgz_metric_next_reply',
  periodicUpdate: 'cfgz_metric_periodic_update',
  pausableUpdate: 'cfgz_metric_pausable_update',
  requesterWait: 'cfgz_metric_requester_wait',
  agentWork: 'cfgz_metric_agent_work',
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
    problems.error(where, t('cfgz_metrics_list', { policy, value: describe(metrics) }));
    return null;
  }
  const out: TargetsByHours = { business: {}, calendar: {} };
  const warned = new Set<string>();
  let ok = true;
  metrics.forEach((raw: unknown, i) => {
    const at = child(where, i);
    if (!isRecord(raw) || typeof raw.metric !== 'string') {
      problems.error(isRecord(raw) ? child(at, 'metric') : at, t('cfgz_metric_shape', { policy, value: describe(isRecord(raw) ? raw.metric : raw) }));
      ok = false;
      return;
    }
    const key = Object.hasOwn(MEASURED, raw.metric) ? MEASURED[raw.metric] : undefined;
    if (key === undefined) {
      if (!warned.has(raw.metric)) {
        warned.add(raw.metric);
        problems.warn(child(at, 'metric'), t('cfgz_metric_unknown', { policy, metric: raw.metric }));
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
    problems.error(child(at, 'priority'), t('cfgz_priority_unknown', { policy, value: describe(raw.priority), priorities: commaList(PRIORITIES) }));
    return false;
  }
  const seconds = targetSeconds(raw);
  if (seconds === null) {
    problems.error(child(at, 'target'), t('cfgz_target_invalid', { policy, value: describe(raw.target) }));
    return false;
  }
  if (typeof raw.business_hours !== 'boolean') {
    problems.error(child(at, 'business_hours'), t('cfgz_business_hours_invalid', { policy, value: describe(raw.business_hours) }));
    return false;
  }
  if (out.business[priority]?.[key] !== undefined || out.calendar[priority]?.[key] !== undefined) {
    problems.error(child(at, 'metric'), t('cfgz_target_twice', { policy, metric: t(ZENDESK_WORDS[key]), priority }));
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
    problems.warn(where, t('cfgz_settings_shape', { policy, value: describe(settings) }));
    return [];
  }
  const notes: NoteMetric[] = [];
  for (const [metric, flags] of Object.entries(settings)) {
    if (!isRecord(flags)) continue;
    for (const [flag, on] of Object.entries(flags)) {
      if (on !== true) continue;
      const honoured = HONOURED[`${metric}.${flag}`];
      if (honoured) notes.push(honoured);
      else problems.warn(child(child(where, metric), flag), t('cfgz_setting_ignored', { policy, setting: `${metric}.${flag}` }));
    }
  }
  return notes;
}

const HONOURED: Readonly<Record<string, NoteMetric>> = {
  'next_reply_time.fulfill_on_non_requesting_agent_internal_note_after_activation': 'nextReply',
  'periodic_update_time.activate_on_agent_internal_note': 'periodicUpdate',
};
