/**
 * What a ticket's view says at `now`: the one place the rule "which clock a ticket shows" lives.
 * The badge, the stored ticket's indexed moments, the popup rows, the toolbar count and alerts
 * all read a view through here, so they cannot disagree.
 *
 *   const reading = readView(view, calendars, now);
 *   reading.state;     // 'at-risk'
 *   reading.shown;     // the most urgent running clock, with its engine state
 *   reading.changesAt; // redraw then (Infinity: only new facts change it)
 */
import { atRiskFrom, evaluateClock, isOpen, nextOpen, warningThresholdMs, type Calendar, type ClockState } from '../sla/index';
import { calendarFor, type CalendarSpecs } from './calendars';
import type { BadgeMetric, BadgeState, ClockView, SlaView, TicketPhase } from './types';

const MINUTE = 60_000;
/** Within this much business time left, a shown countdown moves every second. */
export const FAST_WINDOW_MS = 10 * MINUTE;

/** One clock at `now`. */
export interface ClockReading {
  clock: ClockView;
  state: ClockState;
  /** When it turns at-risk if it keeps running: at most `now` once it has; Infinity unless running. NaN without `moments`. */
  riskAt: number;
}

export interface ReadOptions {
  /**
   * Work out `riskAt` (default true): the store indexes it; a badge redrawn every second does not
   * need it, and it costs a business-time addition per running clock. Without it, `riskAt` is NaN,
   * which compares false with every instant.
   */
  moments?: boolean;
}

const runs = (s: ClockState) => s.state === 'ok' || s.state === 'at-risk' || s.state === 'breached';

/** Why a view reads `unknown`: each says something different to the user. */
export type UnknownReason = { why: 'facts' } | { why: 'no-clock' } | { why: 'calendar'; calendarId: string } | { why: 'error' };

export interface ViewReading {
  /** Changes only with new facts (the store indexes it). */
  phase: TicketPhase;
  /** What the badge, the popup row and the counts show. */
  state: BadgeState;
  /** The shown clock: the most urgent running one (breached, then at risk, then least time left), else resolution's outcome. */
  shown: ClockReading | null;
  metric: BadgeMetric | null;
  /** A running ticket's earliest breach (breached ⟺ dueAt ≤ now); else the shown clock's due instant; Infinity without one. */
  dueAt: number;
  /** Business time left on the shown clock; negative once breached; Infinity without one. */
  remainingMs: number;
  /** When a running ticket turns at-risk (at risk ⟺ riskAt ≤ now < dueAt); Infinity otherwise; NaN without `moments`. */
  riskAt: number;
  /** The earliest instant at which a clock's state or figures can change (Infinity: only new facts). */
  changesAt: number;
  /** The shown countdown moves every second (its last 10 minutes, or its first minute breached). */
  fast: boolean;
  /** Every clock of the view, in its order. */
  clocks: ClockReading[];
  unknown?: UnknownReason;
}

/** Lower is more urgent: breached, then at risk, then running; stopped clocks last. */
function rank(state: ClockState['state']): number {
  switch (state) {
    case 'breached':
      return 0;
    case 'at-risk':
      return 1;
    case 'ok':
    case 'paused':
      return 2;
    default:
      return 3;
  }
}

function nothing(phase: TicketPhase, state: BadgeState, unknown?: UnknownReason): ViewReading {
  return { phase, state, shown: null, metric: null, dueAt: Infinity, remainingMs: Infinity, riskAt: Infinity, changesAt: Infinity, fast: false, clocks: [], ...(unknown ? { unknown } : {}) };
}

export function readView(view: SlaView, calendars: CalendarSpecs, now: number, options: ReadOptions = {}): ViewReading {
  const moments = options.moments !== false;
  if (view.kind === 'none') return nothing('none', 'none');
  if (view.kind !== 'clocks') return nothing('unknown', 'unknown', { why: 'facts' });
  if (view.clocks.length === 0) return nothing('unknown', 'unknown', { why: 'no-clock' });

  const clocks: ClockReading[] = [];
  let best = -1;
  let running = false;
  let paused = false;
  let dueAt = Infinity;
  let riskAt = moments ? Infinity : NaN;
  let changesAt = Infinity;
  for (let i = 0; i < view.clocks.length; i++) {
    const clock = view.clocks[i]!;
    const cal = calendarFor(calendars, clock.calendarId);
    if (!cal) return nothing('unknown', 'unknown', { why: 'calendar', calendarId: clock.calendarId });
    let state: ClockState;
    try {
      state = evaluateClock(cal, clock.clock, now);
    } catch {
      return nothing('unknown', 'unknown', { why: 'error' });
    }
    let clockRiskAt = moments ? Infinity : NaN;
    if (runs(state)) {
      running = true;
      if (state.dueAt < dueAt) dueAt = state.dueAt;
      if (moments) {
        try {
          clockRiskAt = atRiskFrom(cal, clock.clock, now, state);
        } catch {
          return nothing('unknown', 'unknown', { why: 'error' });
        }
        if (clockRiskAt < riskAt) riskAt = clockRiskAt;
      }
    } else if (state.state === 'paused') paused = true;
    clocks.push({ clock, state, riskAt: clockRiskAt });
    const at = nextChange(state, clock, cal, now);
    if (at < changesAt) changesAt = at;

    if (best < 0) {
      best = i;
      continue;
    }
    const b = clocks[best]!;
    const r = rank(state.state);
    const rb = rank(b.state.state);
    // Equal urgency: the least time left while running; once stopped, resolution's outcome.
    if (r < rb || (r === rb && (r < 3 ? state.remainingMs < b.state.remainingMs : clock.metric === 'resolution' && b.clock.metric !== 'resolution'))) best = i;
  }

  const shown = clocks[best]!;
  const cs = shown.state;
  let fast = false;
  if (cs.state === 'breached') fast = now - cs.dueAt < MINUTE;
  else if (cs.state === 'ok' || cs.state === 'at-risk') fast = cs.remainingMs <= FAST_WINDOW_MS && isOpen(calendarFor(calendars, shown.clock.calendarId)!, now);
  return {
    phase: running ? 'running' : paused ? 'paused' : 'stopped',
    state: cs.state,
    shown,
    metric: shown.clock.metric,
    dueAt: running ? dueAt : cs.dueAt,
    remainingMs: cs.remainingMs,
    // A breached clock turned at-risk before it breached: riskAt only needs to be no later than now.
    riskAt: !moments ? NaN : running ? Math.min(riskAt, dueAt) : Infinity,
    changesAt,
    fast,
    clocks,
  };
}

/**
 * When one clock's state or figures can next change. Figures are shown to the minute (the last
 * one as "<1m left"); a running clock's time left falls with wall time only while its
 * calendar is open; its state changes at the warning threshold and at the breach; "breached …
 * ago" and a paused clock's "due … if it resumes now" move with wall time.
 */
function nextChange(cs: ClockState, clock: ClockView, cal: Calendar, now: number): number {
  const nextWallMinute = (from: number) => now + MINUTE - ((((now - from) % MINUTE) + MINUTE) % MINUTE);
  switch (cs.state) {
    case 'met':
    case 'missed':
      return Infinity;
    case 'paused':
      return nextWallMinute(0);
    case 'breached':
      return nextWallMinute(cs.dueAt);
  }
  if (!isOpen(cal, now)) return Math.max(now + 1, nextOpen(cal, now));
  const r = cs.remainingMs;
  // Figures round down: "5m left" turns into "4m" the moment a whole minute is no longer left;
  // the last minute says "<1m left" until the breach.
  let wait = r >= MINUTE ? (r % MINUTE) + 1 : r;
  const untilWarning = r - warningThresholdMs(clock.clock);
  if (untilWarning > 0 && untilWarning < wait) wait = untilWarning;
  // Entering the last ten minutes switches the tab to one-second ticks.
  const untilFast = r - FAST_WINDOW_MS;
  if (untilFast > 0 && untilFast < wait) wait = untilFast;
  if (r < wait) wait = r;
  return now + Math.max(1, wait);
}
