/**
 * The words SLA Lens says about a ticket's view, wherever it says them: the page badge and its
 * tooltip, the popup, the toolbar, alerts and the options page. One file, so a metric is called
 * the same thing everywhere and a due time reads the same in the badge and the popup. The words
 * are the language in use's (lib/i18n: examples here are English); dates take the locale and zone
 * as parameters (default: that language's regional form in this browser, and the browser's zone).
 */
import { compactWallSpan, countdownWords } from './durations';
import { formatLocale, t, uiLocale, type MessageKey } from '../i18n/core';
import type { AgingKind } from '../sla/index';
import type { BadgeMetric, BadgeState } from './types';

const MINUTE = 60_000;

const METRIC_KEYS: Record<BadgeMetric, MessageKey> = {
  resolution: 'metric_resolution',
  'first-response': 'metric_first_response',
  'next-reply': 'metric_next_reply',
  'periodic-update': 'metric_periodic_update',
  'pausable-update': 'metric_pausable_update',
  'requester-wait': 'metric_requester_wait',
  'agent-work': 'metric_agent_work',
};

/** `first response`, or `First response` at the start of a sentence (in the locale in use). */
export function metricWords(metric: BadgeMetric | null, capital = false): string {
  const key = metric ? METRIC_KEYS[metric] : 'metric_none';
  const words = key ? t(key) : (metric ?? '');
  return capital ? words.charAt(0).toLocaleUpperCase(uiLocale().tag) + words.slice(1) : words;
}

const STATE_KEYS: Record<BadgeState, MessageKey> = {
  ok: 'state_ok',
  'at-risk': 'state_at_risk',
  breached: 'state_breached',
  paused: 'state_paused',
  met: 'state_met',
  missed: 'state_missed',
  unknown: 'state_unknown',
  none: 'state_none',
};

/** How a state is said out loud (a colour is never the only signal): `On track`, `At risk`… */
export function stateWords(state: BadgeState): string {
  return t(STATE_KEYS[state]);
}

/**
 * The pill's text, as every list says it: `12m left`, `~3h left`, `paused · 2h left`,
 * `breached 40m ago`, `SLA unknown`, `no SLA` (approximate figures carry `~`).
 */
export function pillText(ticket: { state: BadgeState; dueAt: number; remainingMs: number; exact: boolean }, now: number): string {
  if (ticket.state === 'unknown') return t('pill_unknown');
  if (ticket.state === 'none') return t('pill_none');
  return countdownWords({ state: ticket.state, dueAt: ticket.dueAt, remainingMs: ticket.remainingMs }, now, !ticket.exact);
}

const FAILURE_KEYS = {
  'signed-out': 'failure_signed_out',
  forbidden: 'failure_forbidden',
  'rate-limited': 'failure_rate_limited',
  'server-error': 'failure_server_error',
  network: 'failure_network',
  'bad-response': 'failure_bad_response',
} as const satisfies Record<string, MessageKey>;

/** Why the site's API gave no facts for a ticket, as its badge's tooltip says it. */
export function failureWords(failure: keyof typeof FAILURE_KEYS): string {
  return t(FAILURE_KEYS[failure]);
}

/** `1 ticket`, `2 tickets`, `1,234 tickets` (English only: the surfaces not yet translated use it). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The user's locale and time zone for clock times; by default the language in use (lib/i18n) and the browser's zone. */
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
  return `${String(locale ?? formatLocale())}|${timeZone ?? ''}`;
}

export function formatter(kind: keyof typeof FORMATS, format: TimeFormat): Intl.DateTimeFormat {
  const key = `${kind}|${formatKey(format)}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = (format.locale as string | string[] | undefined) ?? formatLocale();
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
  if (!Number.isFinite(instant)) return t('due_never');
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
  if (kind === 'no-update') return t('stale_no_update', { span });
  const name = status ?? t('stale_its_status');
  return t('stale_in_status', { status: name.length > statusChars ? `${name.slice(0, statusChars - 1)}…` : name, span });
}
