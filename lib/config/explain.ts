import type { TicketFacts } from '../sla/index';
import { t, type MessageKey } from '../i18n/core';
import { commaList, metricLabel, orList } from './format';
import { fieldEquals, namesOf, siteGlob, targetFor, type MetricName } from './match';
import type { LabelSet, Match } from './schema';
import { NAME_KEYS } from './schema-match';
import type { ApplicablePolicy, ResolvedConfig, ResolvedPolicy } from './types';

/**
 * Why a ticket gets the policy it gets: the policy tester on the options page. Mirrors
 * `matchPolicy` (./match.ts) rule for rule — same order of policies, same effective period, same
 * case-insensitive names, label sets, custom fields and site globs, same "*" fallback — but
 * instead of stopping at the first failed check it says which check failed, in words.
 * `explain.test.ts` holds the two to the same answer over a table of tickets and random ones.
 */
export interface Explanation {
  applied: { policy: ApplicablePolicy; targetMs: number } | null;
  /** Every policy before the applied one (all of them when none applies), in order, with the first reason it was passed over. */
  rejected: Array<{ policy: ResolvedPolicy; reason: string }>;
}

export function explainMatch(config: ResolvedConfig, ticket: TicketFacts, metric: MetricName): Explanation {
  const rejected: Explanation['rejected'] = [];
  for (const policy of config.policies) {
    const reason = rejection(policy, ticket, metric, zoneOf(config, policy));
    if (reason === null) {
      const targetMs = targetFor(policy, ticket.priority?.toLowerCase(), metric)!;
      return { applied: { policy: policy as ApplicablePolicy, targetMs }, rejected };
    }
    rejected.push({ policy, reason });
  }
  return { applied: null, rejected };
}

/**
 * The first reason the policy does not apply, or null when it does. The conditions come first
 * (they say most about the ticket), then the target: matchPolicy checks the target first only
 * because it is cheaper, and every check must pass either way, so the verdict is the same.
 */
export function rejection(policy: ResolvedPolicy, ticket: TicketFacts, metric: MetricName, timeZone = 'UTC'): string | null {
  if (policy.calendarId === null) return t('cfgf_why_base');
  const period = policy.effectiveMs;
  if (period) {
    const outside = (period.from !== undefined && ticket.created < period.from) || (period.until !== undefined && ticket.created >= period.until);
    if (outside) return t('cfgf_why_outside', { period: formatPeriod(policy.effective), date: dateIn(ticket.created, timeZone) });
  }
  for (const match of policy.match) {
    const failed = firstFailure(match, ticket);
    if (failed !== null) return failed;
  }
  if (targetFor(policy, ticket.priority?.toLowerCase(), metric) === undefined) {
    const words = metricLabel(metric);
    return ticket.priority ? t('cfgf_why_no_target', { priority: ticket.priority, metric: words }) : t('cfgf_why_no_target_unprioritized', { metric: words });
  }
  return null;
}

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const either = (values: string[]) => orList(values);

/** Same order as `compileMatch`: source, site, the name keys, labels, tags, custom fields. */
function firstFailure(match: Match, ticket: TicketFacts): string | null {
  if (match.source !== undefined && ticket.source !== match.source) {
    return t('cfgf_why_source', { expected: match.source, actual: ticket.source });
  }
  if (match.site !== undefined) {
    const globs = list(match.site);
    if (!globs.some((g) => siteGlob(g).test(ticket.site))) {
      return t('cfgf_why_site', { expected: either(globs), actual: ticket.site || t('cfgf_none_paren') });
    }
  }
  for (const key of NAME_KEYS) {
    const expected = match[key];
    if (key === 'site' || expected === undefined) continue;
    const allowed = list(expected);
    const actual = ticket[key];
    const names = namesOf(ticket, key);
    if (names.length === 0) return t(WHY[key].missing, { expected: either(allowed) });
    if (!allowed.some((a) => names.includes(a.toLowerCase()))) {
      return t(WHY[key].other, { expected: either(allowed), actual: actual ?? names.join(' / ') });
    }
  }
  for (const key of ['labels', 'tags'] as const) {
    const set = match[key];
    if (set) {
      const failed = labelFailure(key, set, ticket.labels ?? []);
      if (failed !== null) return failed;
    }
  }
  for (const [key, value] of Object.entries(match.field ?? {})) {
    const actual = fieldValue(ticket, key);
    if (!fieldEquals(actual, String(value).toLowerCase())) {
      if (actual === undefined || actual === null) return t('cfgf_why_field_missing', { field: key, expected: String(value) });
      return t('cfgf_why_field', {
        field: key,
        expected: String(value),
        actual: Array.isArray(actual) ? commaList(actual.map((v: unknown) => (v === null || v === undefined ? '' : String(v)))) : String(actual),
      });
    }
  }
  return null;
}

const LABEL_WHY = {
  labels: { any: 'cfgf_why_labels_any', anyEmpty: 'cfgf_why_labels_any_empty', all: 'cfgf_why_labels_all', excluded: 'cfgf_why_labels_excluded' },
  tags: { any: 'cfgf_why_tags_any', anyEmpty: 'cfgf_why_tags_any_empty', all: 'cfgf_why_tags_all', excluded: 'cfgf_why_tags_excluded' },
} as const satisfies Record<'labels' | 'tags', Record<string, MessageKey>>;

function labelFailure(word: 'labels' | 'tags', set: LabelSet, labels: string[]): string | null {
  const have = new Set(labels.map((l) => l.toLowerCase()));
  const why = LABEL_WHY[word];
  if (set.any?.length && !set.any.some((l) => have.has(l.toLowerCase()))) {
    const expected = commaList(set.any);
    return labels.length > 0 ? t(why.any, { expected, actual: commaList(labels) }) : t(why.anyEmpty, { expected });
  }
  if (set.all?.length) {
    const missing = set.all.filter((l) => !have.has(l.toLowerCase()));
    if (missing.length > 0) return t(why.all, { expected: commaList(set.all), missing: commaList(missing) });
  }
  const present = (set.none ?? []).filter((l) => have.has(l.toLowerCase()));
  if (present.length > 0) return t(why.excluded, { expected: commaList(set.none!), present: commaList(present) });
  return null;
}

/** Exact key first, then case-insensitively, as in match.ts. */
function fieldValue(ticket: TicketFacts, key: string): unknown {
  const fields = ticket.fields;
  if (!fields) return undefined;
  if (Object.hasOwn(fields, key)) return fields[key];
  const actual = Object.keys(fields).find((k) => k.toLowerCase() === key.toLowerCase());
  return actual === undefined ? undefined : fields[actual];
}

/** Why a name condition failed, per key: the ticket's names are others, or it has none. (The site is checked on its own, above.) */
const WHY: Record<Exclude<(typeof NAME_KEYS)[number], 'site'>, { other: MessageKey; missing: MessageKey }> = {
  project: { other: 'cfgf_why_project', missing: 'cfgf_why_project_missing' },
  issueType: { other: 'cfgf_why_issue_type', missing: 'cfgf_why_issue_type_missing' },
  requestType: { other: 'cfgf_why_request_type', missing: 'cfgf_why_request_type_missing' },
  priority: { other: 'cfgf_why_priority', missing: 'cfgf_why_priority_missing' },
  status: { other: 'cfgf_why_status', missing: 'cfgf_why_status_missing' },
  group: { other: 'cfgf_why_group', missing: 'cfgf_why_group_missing' },
  organization: { other: 'cfgf_why_organization', missing: 'cfgf_why_organization_missing' },
  assignee: { other: 'cfgf_why_assignee', missing: 'cfgf_why_assignee_missing' },
};

/** The zone in which the policy's effective dates are read: its calendar's, UTC for 24x7 (as in resolve.ts). */
function zoneOf(config: ResolvedConfig, policy: ResolvedPolicy): string {
  const calendar = policy.calendarId === null || policy.calendarId === '24x7' ? undefined : config.calendars[policy.calendarId];
  return calendar?.timeZone ?? 'UTC';
}

function dateIn(instant: number, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD, the way the file does.
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  return timeZone === 'UTC' ? `${date} (UTC)` : `${date} (${timeZone})`;
}

function formatPeriod(p: { from?: string; to?: string } | undefined): string {
  if (!p?.from) return p?.to ? t('cfgf_period_until', { to: p.to }) : t('cfgf_period_always');
  return p.to ? t('cfgf_date_range', { from: p.from, to: p.to }) : t('cfgf_period_from', { from: p.from });
}
