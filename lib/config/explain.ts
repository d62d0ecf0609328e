import type { TicketFacts } from '../sla/index';
import { metricLabel } from './format';
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
  if (policy.calendarId === null) return 'a base for other policies (no calendar or targets of its own)';
  const period = policy.effectiveMs;
  if (period) {
    const outside = (period.from !== undefined && ticket.created < period.from) || (period.until !== undefined && ticket.created >= period.until);
    if (outside) return `outside its effective period (${formatPeriod(policy.effective)}); the ticket was created on ${dateIn(ticket.created, timeZone)}`;
  }
  for (const match of policy.match) {
    const failed = firstFailure(match, ticket);
    if (failed !== null) return failed;
  }
  if (targetFor(policy, ticket.priority?.toLowerCase(), metric) === undefined) {
    const priority = ticket.priority ? `priority ${ticket.priority}` : 'tickets without a priority';
    return `no target for ${priority} and metric ${metricLabel(metric)}`;
  }
  return null;
}

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const either = (values: string[]) => values.join(' or ');

/** Same order as `compileMatch`: source, site, the name keys, labels, tags, custom fields. */
function firstFailure(match: Match, ticket: TicketFacts): string | null {
  if (match.source !== undefined && ticket.source !== match.source) {
    return `source is ${match.source}, the ticket's is ${ticket.source}`;
  }
  if (match.site !== undefined) {
    const globs = list(match.site);
    if (!globs.some((g) => siteGlob(g).test(ticket.site))) {
      return `site is ${either(globs)}, the ticket's is ${ticket.site || '(none)'}`;
    }
  }
  for (const key of NAME_KEYS) {
    const expected = match[key];
    if (key === 'site' || expected === undefined) continue;
    const allowed = list(expected);
    const actual = ticket[key];
    const names = namesOf(ticket, key);
    if (names.length === 0) return `${words(key)} is ${either(allowed)}, the ticket has none`;
    if (!allowed.some((a) => names.includes(a.toLowerCase()))) {
      return `${words(key)} is ${either(allowed)}, the ticket's is ${actual ?? names.join(' / ')}`;
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
      const theirs = actual === undefined || actual === null ? 'the ticket has none' : `the ticket's is ${Array.isArray(actual) ? actual.join(', ') : String(actual)}`;
      return `field ${key} is ${String(value)}, ${theirs}`;
    }
  }
  return null;
}

function labelFailure(word: 'labels' | 'tags', set: LabelSet, labels: string[]): string | null {
  const have = new Set(labels.map((l) => l.toLowerCase()));
  const theirs = labels.length > 0 ? `the ticket's are ${labels.join(', ')}` : `the ticket has no ${word}`;
  if (set.any?.length && !set.any.some((l) => have.has(l.toLowerCase()))) return `${word} include any of ${set.any.join(', ')}; ${theirs}`;
  if (set.all?.length) {
    const missing = set.all.filter((l) => !have.has(l.toLowerCase()));
    if (missing.length > 0) return `${word} include all of ${set.all.join(', ')}; the ticket lacks ${missing.join(', ')}`;
  }
  const present = (set.none ?? []).filter((l) => have.has(l.toLowerCase()));
  if (present.length > 0) return `${word} include none of ${set.none!.join(', ')}; the ticket has ${present.join(', ')}`;
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

const WORDS: Record<(typeof NAME_KEYS)[number], string> = {
  site: 'site',
  project: 'project',
  issueType: 'issue type',
  requestType: 'request type',
  priority: 'priority',
  status: 'status',
  group: 'group',
  organization: 'organization',
  assignee: 'assignee',
};
const words = (key: (typeof NAME_KEYS)[number]) => WORDS[key];

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
  if (!p?.from) return p?.to ? `until ${p.to}` : 'always';
  return p.to ? `${p.from} to ${p.to}` : `from ${p.from}`;
}
