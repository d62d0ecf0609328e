/**
 * Words and times the popup shows: countdown text worded like the page badges (DESIGN.md,
 * "Badges in the page"), metric and state names, and clock times in the user's locale and zone.
 * Pure; `now` and the zone are parameters so tests do not depend on the machine.
 */
import type { BadgeMetric, BadgeState } from '../../lib/view/types';
import type { TicketSummary } from '../../lib/view/summary';
import { countdownWords } from '../../lib/overlay/duration-text';

const MINUTE = 60_000;

/** The user's locale and time zone for clock times; both default to the browser's. */
export interface TimeFormat {
  locale?: string;
  timeZone?: string;
}

export const METRIC_WORDS: Record<BadgeMetric, string> = { resolution: 'resolution', 'first-response': 'first response' };

export function metricWords(metric: BadgeMetric | null): string {
  return metric ? METRIC_WORDS[metric] : 'no running metric';
}

/** How a state is said out loud (the pill's colour is never the only signal). */
export const STATE_WORDS: Record<BadgeState, string> = {
  ok: 'On track',
  'at-risk': 'At risk',
  breached: 'Breached',
  paused: 'Paused',
  met: 'Met',
  missed: 'Missed',
  unknown: 'Unknown',
  none: 'No SLA',
};

/**
 * The pill's text, as the badge says it: `12m left`, `~3h left`, `paused · 2h left`,
 * `breached 40m ago`, `breached ~2d 3h ago` (approximate figures carry `~`).
 */
export function countdownText(t: Pick<TicketSummary, 'state' | 'dueAt' | 'remainingMs' | 'exact'>, now: number): string {
  if (t.state === 'unknown') return 'SLA unknown';
  if (t.state === 'none') return 'no SLA';
  return countdownWords({ state: t.state, dueAt: t.dueAt, remainingMs: t.remainingMs }, now, !t.exact);
}

const FORMATS = {
  clock: { hour: 'numeric', minute: '2-digit' },
  hour: { hour: 'numeric' },
  day: { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
  year: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  yearOnly: { year: 'numeric' },
  parts: { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: keyof typeof FORMATS, { locale, timeZone }: TimeFormat): Intl.DateTimeFormat {
  const key = `${kind}|${locale ?? ''}|${timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { ...FORMATS[kind], timeZone };
    f = new Intl.DateTimeFormat(locale, options);
    // 24-hour locales write `09:05` and `14:00`; 12-hour ones keep `9:05 AM` and `2 PM`.
    const cycle = f.resolvedOptions().hourCycle;
    if ('hour' in FORMATS[kind] && kind !== 'parts' && (cycle === 'h23' || cycle === 'h24')) {
      f = new Intl.DateTimeFormat(locale, { ...options, hour: '2-digit', minute: '2-digit' });
    }
    formatters.set(key, f);
  }
  return f;
}

/** Local clock time: `14:05` (or `2:05 PM`, as the locale writes it). */
export function formatClock(instant: number, format: TimeFormat = {}): string {
  return formatter('clock', format).format(instant);
}

/** A whole hour for an axis: `14:00` in 24-hour locales, `2 PM` in 12-hour ones (shorter than `2:00 PM`). */
export function formatHour(instant: number, format: TimeFormat = {}): string {
  return formatter('hour', format).format(instant);
}

/** Local day and time: `Tue 26 Nov, 14:05`; the year only when it is not `now`'s. */
export function formatDue(instant: number, now: number, format: TimeFormat = {}): string {
  if (!Number.isFinite(instant)) return 'never';
  const year = formatter('yearOnly', format);
  const sameYear = Math.abs(instant - now) < 370 * 24 * 60 * MINUTE && year.format(instant) === year.format(now);
  return formatter(sameYear ? 'day' : 'year', format).format(instant);
}

/** The next whole local hour after `now` (zones with half-hour offsets included). */
export function nextLocalHour(now: number, format: TimeFormat = {}): number {
  const parts = formatter('parts', format).formatToParts(now);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  const second = Number(parts.find((p) => p.type === 'second')?.value ?? 0);
  const intoHour = (minute * 60 + second) * 1000 + (((now % 1000) + 1000) % 1000);
  return now - intoHour + 60 * MINUTE;
}

/** `1 ticket`, `2 tickets`, `1,234 tickets`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
