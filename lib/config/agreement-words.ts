/**
 * The agreement in plain words, for the people held to it (issue 15 §3 "Our agreements"): which
 * tickets a policy takes, when its clocks count and stop, and for which period, said as a
 * sentence an agent reads once, not as the file's keys. Pure: the page and its tests share it.
 */
import type { HolidaySpec, Hours, WarnAt, Weekday } from '../sla/index';
import { describeCredits, formatMoney, formatPercent, metricLabel } from './format';
import type { LabelSet, Match } from './schema-match';
import type { ResolvedPolicy } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A list said the way a person says it: "A", "A or B", "A, B or C". */
export function spoken(items: readonly string[], last: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

const names = (value: string | string[]) => [value].flat();

function labelWords(set: LabelSet, noun: 'labelled' | 'tagged'): string[] {
  const out: string[] = [];
  if (set.any?.length) out.push(`${noun} ${spoken(set.any, 'or')}`);
  if (set.all?.length) out.push(`${noun} ${spoken(set.all, 'and')}`);
  if (set.none?.length) out.push(`not ${noun} ${spoken(set.none, 'or')}`);
  return out;
}

/** One condition of a match, as words that follow "Tickets". */
function conditionWords(key: string, value: unknown): string[] {
  switch (key) {
    case 'source':
      return [value === 'zendesk' ? 'in Zendesk' : 'in Jira'];
    case 'site': {
      const sites = names(value as string | string[]);
      return [sites.some((s) => s.includes('*')) ? `on sites matching ${spoken(sites, 'or')}` : `on ${spoken(sites, 'or')}`];
    }
    case 'project': {
      const v = names(value as string | string[]);
      return [`in project${v.length > 1 ? 's' : ''} ${spoken(v, 'or')}`];
    }
    case 'issueType':
      return [`of type ${spoken(names(value as string | string[]), 'or')}`];
    case 'requestType':
      return [`raised as ${spoken(names(value as string | string[]), 'or')}`];
    case 'priority':
      return [`with priority ${spoken(names(value as string | string[]), 'or')}`];
    case 'status':
      return [`in status ${spoken(names(value as string | string[]), 'or')}`];
    case 'group':
      return [`in group ${spoken(names(value as string | string[]), 'or')}`];
    case 'organization':
      return [`from ${spoken(names(value as string | string[]), 'or')}`];
    case 'assignee':
      return [`assigned to ${spoken(names(value as string | string[]), 'or')}`];
    case 'labels':
      return labelWords(value as LabelSet, 'labelled');
    case 'tags':
      return labelWords(value as LabelSet, 'tagged');
    case 'field':
      return Object.entries(value as Record<string, unknown>).map(([field, v]) => `whose ${field} is ${String(v)}`);
    default:
      return [];
  }
}

/** "Tickets in Jira project SUP with priority High or Urgent, labelled enterprise"; "Every ticket". */
export function whichTickets(match: readonly Match[]): string {
  const parts = match.flatMap((m) => Object.entries(m).flatMap(([key, value]) => (value === undefined ? [] : conditionWords(key, value))));
  if (parts.length === 0) return 'Every ticket';
  // "in Jira" and "project SUP" read as one phrase: "in Jira project SUP".
  const joined = parts.join(', ').replace(/^in (Jira|Zendesk), in (projects?) /, 'in $1 $2 ');
  return `Tickets ${joined}`;
}

/** A target as a person says it: "30 minutes", "4 hours", "1 hour 30 minutes", "2 days 4 hours" for round days of 24 h. */
export function durationWords(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.round((ms % HOUR) / MINUTE);
  const parts: string[] = [];
  // Business targets are hours ("40 hours"), not days: a business day is not 24 hours.
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes) parts.push(unit(minutes, 'minute'));
  return parts.length > 0 ? parts.join(' ') : 'no time';
}

/** What stops the clocks: the policy's pause statuses. */
export function pauseWords(pauseOn: readonly string[], display: (status: string) => string = (s) => s): string {
  if (pauseOn.length === 0) return 'The clocks never stop for a status: they count until the target is met.';
  return `The clocks stop while a ticket is ${spoken(pauseOn.map(display), 'or')}, and go on when it leaves that status.`;
}

/** When a ticket is shown at risk. */
export function warnWords(warnAt: WarnAt): string {
  if ('fraction' in warnAt) return `A ticket is shown at risk once ${+(warnAt.fraction * 100).toFixed(2)}% of its time is used.`;
  return `A ticket is shown at risk when ${durationWords(warnAt.remainingMs)} are left.`;
}

/**
 * What the agreement promises and owes when it falls short: "Promised: 95% of targets met.
 * Credits: 5% of the fee below 95%, 10% below 90% (at most 25%); the fee is €12,000." Null when
 * the policy states none of it.
 */
export function creditWords(policy: Pick<ResolvedPolicy, 'objective' | 'credits' | 'creditCap' | 'fee'>): string | null {
  const parts: string[] = [];
  if (policy.objective !== undefined) parts.push(`Promised: ${formatPercent(policy.objective)} of targets met.`);
  const cap = policy.creditCap === undefined ? '' : formatPercent(policy.creditCap);
  const fee = policy.fee && formatMoney(policy.fee.amount, policy.fee.currency);
  if (policy.credits?.length) {
    parts.push(`Credits: ${describeCredits(policy.credits)}${cap ? ` (at most ${cap})` : ''}${fee ? `; the fee is ${fee}` : ''}.`);
  } else {
    if (cap) parts.push(`Credits: at most ${cap} of the fee.`);
    if (fee) parts.push(`The fee is ${fee}.`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

function dateParts(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** "1 January 2026" from "2026-01-01" (the date as written: no zone moves it). */
export function dateWords(date: string, style: 'long' | 'short' = 'long'): string {
  const at = dateParts(date);
  return at === null ? date : (style === 'long' ? longDate : shortDate).format(at);
}

/** The agreement's period, compared with when a ticket was created. */
export function effectiveWords(effective: ResolvedPolicy['effective']): string {
  const from = effective?.from;
  const to = effective?.to;
  if (from && to) return `For tickets created from ${dateWords(from)} to ${dateWords(to)}, both days included.`;
  if (from) return `For tickets created on or after ${dateWords(from)}.`;
  if (to) return `For tickets created up to ${dateWords(to)}, that day included.`;
  return 'For every ticket, whenever it was created.';
}

/**
 * Whether the agreement is in force for a ticket created on `today` (YYYY-MM-DD in the
 * calendar's zone): 'before' its start, 'after' its end, else 'now'.
 */
export function effectiveNow(effective: ResolvedPolicy['effective'], today: string): 'before' | 'now' | 'after' {
  if (effective?.from && today < effective.from) return 'before';
  if (effective?.to && today > effective.to) return 'after';
  return 'now';
}

const DAYS: Array<[Weekday, string]> = [
  ['mon', 'Monday'],
  ['tue', 'Tuesday'],
  ['wed', 'Wednesday'],
  ['thu', 'Thursday'],
  ['fri', 'Friday'],
  ['sat', 'Saturday'],
  ['sun', 'Sunday'],
];

function hoursText(hours: Hours): string {
  return spoken(
    hours.map(([a, b]) => (a === '00:00' && b === '24:00' ? 'all day' : `${a}–${b}`)),
    'and',
  );
}

/**
 * The week as lines, consecutive days with the same hours together: "Monday to Friday:
 * 09:00–17:00", "Saturday and Sunday: closed".
 */
export function weekWords(week: Partial<Record<Weekday, Hours>>): string[] {
  const runs: Array<{ first: string; last: string; count: number; text: string }> = [];
  for (const [day, name] of DAYS) {
    const hours = week[day];
    const text = hours && hours.length > 0 ? hoursText(hours) : 'closed';
    const run = runs.at(-1);
    if (run && run.text === text) {
      run.last = name;
      run.count += 1;
    } else runs.push({ first: name, last: name, count: 1, text });
  }
  return runs.map((r) => `${r.count === 1 ? r.first : r.count === 2 ? `${r.first} and ${r.last}` : `${r.first} to ${r.last}`}: ${r.text}`);
}

/** A holiday's first day, for ordering and for "upcoming". */
export function holidayStart(h: HolidaySpec): string {
  return typeof h === 'string' ? h : 'from' in h ? h.from : h.date;
}

/** A holiday's last day. */
export function holidayEnd(h: HolidaySpec): string {
  return typeof h === 'string' ? h : 'from' in h ? h.to : h.date;
}

/** "Thu 24 Dec 2026: closed (Christmas Eve)", "Thu 31 Dec 2026: open 09:00–13:00". */
export function holidayWords(h: HolidaySpec): string {
  if (typeof h === 'string') return `${dateWords(h, 'short')}: closed`;
  const name = h.name ? ` (${h.name})` : '';
  if ('from' in h) return `${dateWords(h.from, 'short')} to ${dateWords(h.to, 'short')}: closed${name}`;
  return `${dateWords(h.date, 'short')}: ${h.hours?.length ? `open ${hoursText(h.hours)} only` : 'closed'}${name}`;
}

/**
 * The holidays not yet over on `today` (YYYY-MM-DD in the calendar's zone), soonest first, and
 * how many are past.
 */
export function upcomingHolidays(holidays: readonly HolidaySpec[], today: string): { upcoming: HolidaySpec[]; past: number } {
  const upcoming = holidays.filter((h) => holidayEnd(h) >= today).sort((a, b) => (holidayStart(a) < holidayStart(b) ? -1 : holidayStart(a) > holidayStart(b) ? 1 : 0));
  return { upcoming, past: holidays.length - upcoming.length };
}

/** "A ticket is flagged stale after 48 hours with no public update, or after 72 hours in “Waiting”." — the policy's aging rule (issue 18 §2); null without one. */
export function agingWords(aging: ResolvedPolicy['aging'], display: (status: string) => string = (s) => s): string | null {
  if (!aging) return null;
  const parts: string[] = [];
  if (aging.noPublicUpdateMs !== undefined) parts.push(`after ${durationWords(aging.noPublicUpdateMs)} with no public update from an agent`);
  if (aging.inStatusMs !== undefined) parts.push(`after ${durationWords(aging.inStatusMs)} in ${aging.statuses?.length ? spoken(aging.statuses.map(display), 'or') : 'the same open status'}`);
  return parts.length > 0 ? `A ticket is flagged stale ${parts.join(', or ')}.` : null;
}

/** "An agent’s internal note counts as a periodic update." — where the policy lets notes count; null where only public comments do. */
export function internalNoteWords(metrics: ResolvedPolicy['internalNotesCount']): string | null {
  if (!metrics || metrics.length === 0) return null;
  return `An agent’s internal note counts as a ${spoken(
    metrics.map((m) => metricLabel(m)),
    'or',
  )}.`;
}
