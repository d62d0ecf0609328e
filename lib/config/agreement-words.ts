/**
 * The agreement in plain words, for the people held to it (issue 15 §3 "Our agreements"): which
 * tickets a policy takes, when its clocks count and stop, and for which period, said as a
 * sentence an agent reads once, not as the file's keys. Pure: the page and its tests share it.
 */
import type { HolidaySpec, Hours, WarnAt, Weekday } from '../sla/index';
import { formatLocale, formatNumber, t, tp, uiLocale, type MessageKey } from '../i18n/core';
import { metricLabel } from './format';
import type { LabelSet, Match } from './schema-match';
import type { ResolvedPolicy } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The locale lists and dates are written in: the language in use's regional form in this browser.
 * The English messages are British English ("labelled", "1 January 2026", no comma before "or"),
 * so English is written the British way in every English browser.
 */
function writtenIn(): string {
  return uiLocale().tag === 'en' ? 'en-GB' : formatLocale();
}

const lists = new Map<string, Intl.ListFormat>();

function listFormat(type: Intl.ListFormatType, style: Intl.ListFormatStyle = 'long'): Intl.ListFormat {
  const locale = writtenIn();
  const key = `${locale}|${type}|${style}`;
  let f = lists.get(key);
  if (!f) lists.set(key, (f = new Intl.ListFormat(locale, { type, style })));
  return f;
}

/** A list said the way a person says it: "A", "A or B", "A, B or C" (as the language in use says it). */
export function spoken(items: readonly string[], last: 'or' | 'and'): string {
  return listFormat(last === 'or' ? 'disjunction' : 'conjunction').format(items);
}

/** Items one after the other, with no "and" in English: "A, B, C". */
function listed(items: readonly string[]): string {
  return listFormat('unit', 'short').format(items);
}

/** The first letter in capitals, for a line that starts with a word the language writes in lower case (French "lundi"). */
function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase(uiLocale().tag) + text.slice(1);
}

/** 95 → "95%", 99.5 → "99.5%": as the file writes it, in the language's form. */
function percentWords(percent: number, decimals = 4): string {
  return formatNumber(percent / 100, { style: 'percent', maximumFractionDigits: decimals });
}

/** "€12,000", "€12,000.50", "CHF 900": whole amounts without cents. */
function moneyWords(amount: number, currency: string): string {
  const whole = Number.isInteger(amount) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  return formatNumber(amount, { style: 'currency', currency, ...whole });
}

const names = (value: string | string[]) => [value].flat();

function labelWords(set: LabelSet, kind: 'labels' | 'tags'): string[] {
  const [yes, no]: [MessageKey, MessageKey] = kind === 'labels' ? ['agr_cond_labelled', 'agr_cond_not_labelled'] : ['agr_cond_tagged', 'agr_cond_not_tagged'];
  const out: string[] = [];
  if (set.any?.length) out.push(t(yes, { [kind]: spoken(set.any, 'or') }));
  if (set.all?.length) out.push(t(yes, { [kind]: spoken(set.all, 'and') }));
  if (set.none?.length) out.push(t(no, { [kind]: spoken(set.none, 'or') }));
  return out;
}

const tool = (source: unknown) => (source === 'zendesk' ? 'Zendesk' : 'Jira');

/** One condition of a match, as words that follow "Tickets". */
function conditionWords(key: string, value: unknown): string[] {
  const or = () => spoken(names(value as string | string[]), 'or');
  switch (key) {
    case 'source':
      return [t('agr_cond_tool', { tool: tool(value) })];
    case 'site': {
      const sites = names(value as string | string[]);
      return [t(sites.some((s) => s.includes('*')) ? 'agr_cond_sites_matching' : 'agr_cond_sites', { sites: spoken(sites, 'or') })];
    }
    case 'project':
      return [tp('agr_cond_project', names(value as string | string[]).length, { projects: or() })];
    case 'issueType':
      return [t('agr_cond_issue_type', { types: or() })];
    case 'requestType':
      return [t('agr_cond_request_type', { types: or() })];
    case 'priority':
      return [t('agr_cond_priority', { priorities: or() })];
    case 'status':
      return [t('agr_cond_status', { statuses: or() })];
    case 'group':
      return [t('agr_cond_group', { groups: or() })];
    case 'organization':
      return [t('agr_cond_organization', { organizations: or() })];
    case 'assignee':
      return [t('agr_cond_assignee', { people: or() })];
    case 'labels':
      return labelWords(value as LabelSet, 'labels');
    case 'tags':
      return labelWords(value as LabelSet, 'tags');
    case 'field':
      return Object.entries(value as Record<string, unknown>).map(([field, v]) => t('agr_cond_field', { field, value: String(v) }));
    default:
      return [];
  }
}

/** "Tickets in Jira project SUP, with priority High or Urgent, labelled enterprise"; "Every ticket". */
export function whichTickets(match: readonly Match[]): string {
  const parts = match.flatMap((m) => Object.entries(m).flatMap(([key, value]) => (value === undefined ? [] : conditionWords(key, value).map((text) => ({ key, value: value as unknown, text })))));
  if (parts.length === 0) return t('agr_every_ticket');
  // "in Jira" and "project SUP" read as one phrase: "in Jira project SUP".
  const [first, second] = parts;
  if (first?.key === 'source' && second?.key === 'project') {
    const projects = names(second.value as string | string[]);
    parts.splice(0, 2, { ...second, text: tp('agr_cond_tool_project', projects.length, { tool: tool(first.value), projects: spoken(projects, 'or') }) });
  }
  return t('agr_tickets', { conditions: listed(parts.map((p) => p.text)) });
}

/** A target as a person says it: "30 minutes", "4 hours", "1 hour 30 minutes" (hours, never days). */
export function durationWords(ms: number): string {
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.round((ms % HOUR) / MINUTE);
  // Business targets are hours ("40 hours"), not days: a business day is not 24 hours.
  const h = hours ? tp('agr_duration_hours', hours) : '';
  const m = minutes ? tp('agr_duration_minutes', minutes) : '';
  if (h && m) return t('agr_duration_hours_minutes', { hours: h, minutes: m });
  return h || m || t('agr_duration_none');
}

/** What stops the clocks: the policy's pause statuses. */
export function pauseWords(pauseOn: readonly string[], display: (status: string) => string = (s) => s): string {
  if (pauseOn.length === 0) return t('agr_pause_never');
  return t('agr_pause', { statuses: spoken(pauseOn.map(display), 'or') });
}

/** When a ticket is shown at risk. */
export function warnWords(warnAt: WarnAt): string {
  if ('fraction' in warnAt) return t('agr_warn_fraction', { percent: formatNumber(warnAt.fraction, { style: 'percent', maximumFractionDigits: 2 }) });
  return t('agr_warn_remaining', { time: durationWords(warnAt.remainingMs) });
}

/** Sentences one after the other, as the language writes them. */
function sentences(items: readonly string[]): string {
  return items.reduce((first, second) => t('agr_then', { first, second }));
}

/** "5% of the fee below 95%, 10% below 90%": what each tier owes. */
function creditTiers(tiers: ReadonlyArray<{ below: number; credit: number }>): string {
  return listed(tiers.map((tier, i) => t(i === 0 ? 'agr_credit_tier_first' : 'agr_credit_tier', { credit: percentWords(tier.credit), below: percentWords(tier.below) })));
}

/**
 * What the agreement promises and owes when it falls short: "Promised: 95% of targets met.
 * Credits: 5% of the fee below 95%, 10% below 90% (at most 25%); the fee is €12,000." Null when
 * the policy states none of it.
 */
export function creditWords(policy: Pick<ResolvedPolicy, 'objective' | 'credits' | 'creditCap' | 'fee'>): string | null {
  const parts: string[] = [];
  if (policy.objective !== undefined) parts.push(t('agr_promised', { percent: percentWords(policy.objective) }));
  const cap = policy.creditCap === undefined ? undefined : percentWords(policy.creditCap);
  const fee = policy.fee ? moneyWords(policy.fee.amount, policy.fee.currency) : undefined;
  if (policy.credits?.length) {
    const tiers = creditTiers(policy.credits);
    if (cap !== undefined && fee !== undefined) parts.push(t('agr_credits_cap_fee', { tiers, cap, fee }));
    else if (cap !== undefined) parts.push(t('agr_credits_cap', { tiers, cap }));
    else if (fee !== undefined) parts.push(t('agr_credits_fee', { tiers, fee }));
    else parts.push(t('agr_credits', { tiers }));
  } else {
    if (cap !== undefined) parts.push(t('agr_credit_cap_only', { cap }));
    if (fee !== undefined) parts.push(t('agr_fee', { fee }));
  }
  return parts.length > 0 ? sentences(parts) : null;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(style: 'long' | 'short' | 'weekday'): Intl.DateTimeFormat {
  const locale = writtenIn();
  const key = `${locale}|${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : style === 'short' ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : { weekday: 'long' };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options })));
  }
  return f;
}

function dateParts(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** "1 January 2026" from "2026-01-01" (the date as written: no zone moves it). */
export function dateWords(date: string, style: 'long' | 'short' = 'long'): string {
  const at = dateParts(date);
  return at === null ? date : dateFormat(style).format(at);
}

/** The agreement's period, compared with when a ticket was created. */
export function effectiveWords(effective: ResolvedPolicy['effective']): string {
  const from = effective?.from;
  const to = effective?.to;
  if (from && to) return t('agr_effective_range', { from: dateWords(from), to: dateWords(to) });
  if (from) return t('agr_effective_from', { from: dateWords(from) });
  if (to) return t('agr_effective_to', { to: dateWords(to) });
  return t('agr_effective_always');
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

/** The days of the week, Monday first, with a date (UTC) that falls on each: their names come from Intl. */
const DAYS: Array<[Weekday, number]> = [
  ['mon', Date.UTC(2024, 0, 1)],
  ['tue', Date.UTC(2024, 0, 2)],
  ['wed', Date.UTC(2024, 0, 3)],
  ['thu', Date.UTC(2024, 0, 4)],
  ['fri', Date.UTC(2024, 0, 5)],
  ['sat', Date.UTC(2024, 0, 6)],
  ['sun', Date.UTC(2024, 0, 7)],
];

function hoursText(hours: Hours): string {
  return spoken(
    hours.map(([a, b]) => (a === '00:00' && b === '24:00' ? t('agr_hours_all_day') : t('agr_hours_range', { from: a, to: b }))),
    'and',
  );
}

/**
 * The week as lines, consecutive days with the same hours together: "Monday to Friday:
 * 09:00–17:00", "Saturday and Sunday: closed".
 */
export function weekWords(week: Partial<Record<Weekday, Hours>>): string[] {
  const runs: Array<{ first: string; last: string; count: number; text: string }> = [];
  const dayName = dateFormat('weekday');
  for (const [day, at] of DAYS) {
    const name = dayName.format(at);
    const hours = week[day];
    const text = hours && hours.length > 0 ? hoursText(hours) : t('agr_closed');
    const run = runs.at(-1);
    if (run && run.text === text) {
      run.last = name;
      run.count += 1;
    } else runs.push({ first: name, last: name, count: 1, text });
  }
  return runs.map((r) => {
    const days = r.count === 1 ? r.first : t(r.count === 2 ? 'agr_days_pair' : 'agr_days_range', { first: r.first, last: r.last });
    return capitalised(t('agr_week_line', { days, hours: r.text }));
  });
}

/** A holiday's first day, for ordering and for "upcoming". */
export function holidayStart(h: HolidaySpec): string {
  return typeof h === 'string' ? h : 'from' in h ? h.from : h.date;
}

/** A holiday's last day. */
export function holidayEnd(h: HolidaySpec): string {
  return typeof h === 'string' ? h : 'from' in h ? h.to : h.date;
}

/** "Thu, 24 Dec 2026: closed (Christmas Eve)", "Thu, 31 Dec 2026: open 09:00–13:00 only". */
export function holidayWords(h: HolidaySpec): string {
  if (typeof h === 'string') return t('agr_holiday_closed', { date: dateWords(h, 'short') });
  const name = h.name;
  if ('from' in h) {
    const span = { from: dateWords(h.from, 'short'), to: dateWords(h.to, 'short') };
    return name ? t('agr_holiday_range_closed_named', { ...span, name }) : t('agr_holiday_range_closed', span);
  }
  const date = dateWords(h.date, 'short');
  if (h.hours?.length) {
    const hours = hoursText(h.hours);
    return name ? t('agr_holiday_open_named', { date, hours, name }) : t('agr_holiday_open', { date, hours });
  }
  return name ? t('agr_holiday_closed_named', { date, name }) : t('agr_holiday_closed', { date });
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
  const update = aging.noPublicUpdateMs === undefined ? undefined : durationWords(aging.noPublicUpdateMs);
  const time = aging.inStatusMs === undefined ? undefined : durationWords(aging.inStatusMs);
  const statuses = aging.statuses?.length ? spoken(aging.statuses.map(display), 'or') : undefined;
  if (update !== undefined && time !== undefined) return statuses ? t('agr_stale_both', { update, time, statuses }) : t('agr_stale_both_same', { update, time });
  if (update !== undefined) return t('agr_stale_update', { time: update });
  if (time !== undefined) return statuses ? t('agr_stale_status', { time, statuses }) : t('agr_stale_status_same', { time });
  return null;
}

/** "An agent’s internal note counts as a periodic update." — where the policy lets notes count; null where only public comments do. */
export function internalNoteWords(metrics: ResolvedPolicy['internalNotesCount']): string | null {
  if (!metrics || metrics.length === 0) return null;
  return t('agr_internal_note', {
    metrics: spoken(
      metrics.map((m) => metricLabel(m)),
      'or',
    ),
  });
}
