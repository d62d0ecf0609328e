/**
 * The words SLA Lens says about a ticket's view, wherever it says them: the page badge and its
 * tooltip, the popup, the toolbar, alerts and the options page. One file, so a metric is called
 * the same thing everywhere and a due time reads the same in the badge and the popup. Pure; the
 * locale and zone are parameters (default: the browser's).
 */
import { compactWallSpan, countdownWords } from './durations';
import type { AgingKind } from '../sla/index';
import type { BadgeMetric, BadgeState } from './types';

const MINUTE = 60_000;

export const METRIC_WORDS: Record<BadgeMetric, string> = {
  resolution: 'resolution',
  'first-response': 'first response',
  'next-reply': 'next reply',
  'periodic-update': 'periodic update',
  'pausable-update': 'pausable update',
  'requester-wait': 'requester wait',
  'agent-work': 'agent work',
};

/** `first response`, or `First response` at the start of a sentence. */
export function metricWords(metric: BadgeMetric | null, capital = false): string {
  const words = metric ? (METRIC_WORDS[metric] ?? metric) : 'no running metric';
  return capital ? words.charAt(0).toUpperCase() + words.slice(1) : words;
}

/** How a state is said out loud (a colour is never the only signal). */
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

/** The pill's text when there is no figure to show. */
export const SLA_UNKNOWN = 'SLA unknown';
export const NO_SLA = 'no SLA';
/** The view's note while no configuration is active. */
export const NO_CONFIG = 'No SLA configuration has been imported';

/**
 * The pill's text, as every list says it: `12m left`, `~3h left`, `paused · 2h left`,
 * `breached 40m ago`, `SLA unknown`, `no SLA` (approximate figures carry `~`).
 */
export function pillText(t: { state: BadgeState; dueAt: number; remainingMs: number; exact: boolean }, now: number): string {
  if (t.state === 'unknown') return SLA_UNKNOWN;
  if (t.state === 'none') return NO_SLA;
  return countdownWords({ state: t.state, dueAt: t.dueAt, remainingMs: t.remainingMs }, now, !t.exact);
}

/** Why the site's API gave no facts for a ticket, as its badge's tooltip says it. */
export function failureWords(failure: 'signed-out' | 'forbidden' | 'rate-limited' | 'server-error' | 'network' | 'bad-response'): string {
  switch (failure) {
    case 'signed-out':
      return 'the site’s API did not answer as if you were signed in: sign in again and reload';
    case 'forbidden':
      return 'the site’s API would not give it to your account (no permission to read it)';
    case 'rate-limited':
      return 'the site asked SLA Lens to slow down (rate limit); it asks again shortly';
    case 'server-error':
      return 'the site’s API answered with an error';
    case 'network':
      return 'the site’s API could not be reached';
    case 'bad-response':
      return 'the site’s API answered in a form SLA Lens could not read';
  }
}

/** `1 ticket`, `2 tickets`, `1,234 tickets`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The user's locale and time zone for clock times; both default to the browser's. */
export interface TimeFormat {
  locale?: string | readonly string[];
  timeZone?: string;
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

function formatKey({ locale, timeZone }: TimeFormat): string {
  return `${String(locale ?? '')}|${timeZone ?? ''}`;
}

export function formatter(kind: keyof typeof FORMATS, format: TimeFormat): Intl.DateTimeFormat {
  const key = `${kind}|${formatKey(format)}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = format.locale as string | string[] | undefined;
    const options: Intl.DateTimeFormatOptions = { ...FORMATS[kind], timeZone: format.timeZone };
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

// A tick redraws up to a thousand tooltips: each due instant is formatted once per format.
const dueTexts = new Map<string, Map<number, string>>();

/**
 * A due time: `Tue 26 Nov, 14:05`, with the year only when it is not `now`'s year; `never` for a
 * clock that will not breach.
 */
export function formatDue(instant: number, now: number, format: TimeFormat = {}): string {
  if (!Number.isFinite(instant)) return 'never';
  const key = formatKey(format);
  let texts = dueTexts.get(key);
  if (!texts) dueTexts.set(key, (texts = new Map()));
  let text = texts.get(instant);
  if (text === undefined) {
    const year = formatter('yearOnly', format);
    const sameYear = Math.abs(instant - now) < 370 * 24 * 60 * MINUTE && year.format(instant) === year.format(now);
    text = formatter(sameYear ? 'day' : 'year', format).format(instant);
    if (texts.size > 4096) texts.clear();
    texts.set(instant, text);
  }
  return text;
}

/**
 * What an aging flag says (issue 18 §2), on its mark beside the badge and in the popup's list:
 * `no update 3d 4h`, `in Waiting for customer 5d` (the status cut to `statusChars` where a pill
 * must stay short).
 */
export function staleWords(kind: AgingKind, status: string | undefined, ageMs: number, statusChars = Infinity): string {
  const span = compactWallSpan(Math.max(0, ageMs));
  if (kind === 'no-update') return `no update ${span}`;
  const name = status ?? 'its status';
  return `in ${name.length > statusChars ? `${name.slice(0, statusChars - 1)}…` : name} ${span}`;
}
