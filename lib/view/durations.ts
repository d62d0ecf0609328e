/**
 * Compact spans for badges. Business time stays in hours (`38h`): a business "day" is not 24
 * hours, so turning business time into days would mislead. Wall-clock spans ("breached 2d 3h
 * ago") may use days. Figures are floored, like every countdown: `3h 12m` means at least that.
 * The words are the locale's (`span_*` messages: `3 Std. 12 Min.`, `3時間12分`); examples here are English.
 */
import { formatNumber, t, type MessageKey } from '../i18n/core';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// A span's figures never take a thousands separator: `1000h` stays one word in a pill.
const plain = (n: number): string => formatNumber(n, { useGrouping: false });
const one = (key: MessageKey, n: number): string => t(key, { n: plain(n) });
const two = (key: 'span_hm' | 'span_dh', a: number, b: number): string => t(key, { a: plain(a), b: plain(b) });

/** Hours and minutes, minutes dropped from 10h on: `45m`, `3h 12m`, `2h`, `38h`. Seconds under a minute. */
export function compactBusinessSpan(ms: number): string {
  if (ms < MINUTE) return one('span_s', Math.max(1, Math.floor(ms / SECOND)));
  const totalMinutes = Math.floor(ms / MINUTE);
  if (totalMinutes < 60) return one('span_m', totalMinutes);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  return h >= 10 || m === 0 ? one('span_h', h) : two('span_hm', h, m);
}

/**
 * Hours and minutes, never days, for tooltips: `38h 12m`, `45m`, `2h`, `under a minute`. No
 * seconds: the pill already counts them, and a label that changed every second would cost two
 * attribute writes a second per badge (and chatter for screen readers) to say nothing new.
 */
export function fullBusinessSpan(ms: number): string {
  if (ms < MINUTE) return t('span_under_minute');
  const totalMinutes = Math.floor(ms / MINUTE);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  if (h === 0) return one('span_m', m);
  return m === 0 ? one('span_h', h) : two('span_hm', h, m);
}

/** Elapsed wall-clock time: `40m`, `3h 12m`, `14h`, `2d 3h`, `12d`. Callers handle under a minute. */
export function compactWallSpan(ms: number): string {
  if (ms < DAY) return compactBusinessSpan(ms < MINUTE ? MINUTE : ms);
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  return d >= 10 || h === 0 ? one('span_d', d) : two('span_dh', d, h);
}

/** The part of a clock's state a countdown is worded from (the engine's `ClockState`, or a stored summary). */
export interface CountdownFacts {
  state: 'ok' | 'at-risk' | 'breached' | 'paused' | 'met' | 'missed';
  remainingMs: number;
  dueAt: number;
}

/**
 * Never seconds: a countdown of seconds would change a badge's text every second in a ticket's
 * last minute, and each change lays the page out again (Jira and Zendesk count in minutes too).
 */
function leftText(remainingMs: number, approximate: boolean): string {
  if (remainingMs < MINUTE) return t('pill_left_under_minute');
  return t('pill_left', { span: `${approximate ? '~' : ''}${compactBusinessSpan(remainingMs)}` });
}

/**
 * The figure alone, for a pill in a cell too narrow for its words (a queue's key column): `2h 48m`,
 * `~45m`, `<1m`, as Jira's own SLA column shows a figure; the pill's colour and its pause mark say
 * the state, and its tooltip says everything. A breach says only that it is one: how long ago
 * matters less than that, and a minus sign reads differently in a right-to-left pill.
 */
export function countdownFigure(cs: CountdownFacts, now: number, approximate: boolean): string {
  switch (cs.state) {
    case 'ok':
    case 'at-risk':
    case 'paused':
      return cs.remainingMs < MINUTE ? t('pill_short_under_minute') : `${approximate ? '~' : ''}${compactBusinessSpan(cs.remainingMs)}`;
    case 'breached':
      return t('state_breached');
    default:
      return countdownWords(cs, now, approximate);
  }
}

/**
 * A clock's words on a badge or in the popup (DESIGN.md, "Badges in the page"): `12m left`,
 * `paused · 2h left`, `breached 40m ago`, `met`; approximate figures carry `~`.
 */
export function countdownWords(cs: CountdownFacts, now: number, approximate: boolean): string {
  switch (cs.state) {
    case 'ok':
    case 'at-risk':
      return leftText(cs.remainingMs, approximate);
    case 'paused':
      return t('pill_paused', { left: leftText(cs.remainingMs, approximate) });
    case 'breached': {
      const since = now - cs.dueAt;
      if (!Number.isFinite(since) || since < MINUTE) return t('pill_breached_now');
      return t('pill_breached_ago', { span: `${approximate ? '~' : ''}${compactWallSpan(since)}` });
    }
    case 'met':
      return t('pill_met');
    case 'missed':
      return t('pill_missed');
  }
}
