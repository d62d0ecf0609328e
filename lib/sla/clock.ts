import type { Calendar } from './calendar';
import { addBusinessTime, businessTimeBetween, dueAt, inOrder, pausedBusinessTime } from './business-time';
import { parseWarnAt } from './duration';
import type { ClockInput, ClockState, Instant, OpenPause, Pause, WarnAt } from './types';

export const DEFAULT_WARN_AT: WarnAt = { fraction: 0.75 };

const parsedWarnAt = new Map<string, WarnAt>();

function resolveWarnAt(w: ClockInput['warnAt']): WarnAt {
  if (w === undefined) return DEFAULT_WARN_AT;
  if (typeof w !== 'string') return w;
  let parsed = parsedWarnAt.get(w);
  if (!parsed) {
    parsed = parseWarnAt(w);
    parsedWarnAt.set(w, parsed);
  }
  return parsed;
}

function pausedAt(pauses: readonly OpenPause[], t: number): boolean {
  for (let i = 0; i < pauses.length; i++) {
    const p = pauses[i]!;
    if (p.from <= t && (p.to === null || p.to > t)) return true;
  }
  return false;
}

function closedPauses(pauses: readonly OpenPause[], end: number): Pause[] {
  return inOrder(pauses).map((p) => ({ from: p.from, to: p.to === null || p.to > end ? end : p.to }));
}

/**
 * Where an SLA clock stands at `now`. Running clocks are `breached` once no time is left (even
 * while paused), `paused` inside a pause, `at-risk` past the warning threshold, else `ok`. A
 * stopped clock is `met` if it used no more than its target, else `missed`.
 */
export function evaluateClock(cal: Calendar, input: ClockInput, now: number): ClockState {
  const { start, targetMs } = input;
  const pauses = input.pauses ?? [];
  const stopped = input.stop != null && input.stop <= now;
  const end = stopped ? (input.stop as number) : now;

  const elapsedMs = businessTimeBetween(cal, start, end) - pausedBusinessTime(cal, pauses, start, end);
  const remainingMs = targetMs - elapsedMs;
  const fraction = targetMs > 0 ? elapsedMs / targetMs : elapsedMs > 0 ? Infinity : 1;

  if (stopped || remainingMs <= 0) {
    // The instant the target was (or would have been) reached, with the pauses taken so far.
    const due = pauses.length === 0 ? addBusinessTime(cal, start, targetMs) : dueAt(cal, start, targetMs, closedPauses(pauses, end));
    const state = stopped ? (remainingMs >= 0 ? 'met' : 'missed') : 'breached';
    return { state, dueAt: due, elapsedMs, remainingMs, fraction };
  }

  const due = addBusinessTime(cal, now > start ? now : start, remainingMs);
  let state: ClockState['state'];
  if (pauses.length > 0 && pausedAt(pauses, now)) {
    state = 'paused';
  } else {
    const warn = resolveWarnAt(input.warnAt);
    const atRisk = 'fraction' in warn ? fraction >= warn.fraction : remainingMs <= warn.remainingMs;
    state = atRisk ? 'at-risk' : 'ok';
  }
  return { state, dueAt: due, elapsedMs, remainingMs, fraction };
}

/**
 * How much business time is left when a clock turns at-risk: the warning threshold of its
 * `warnAt` (75 % of the target used, by default), as remaining time.
 */
export function warningThresholdMs(input: ClockInput): number {
  const warn = resolveWarnAt(input.warnAt);
  return 'fraction' in warn ? input.targetMs * (1 - warn.fraction) : warn.remainingMs;
}

/**
 * When a clock running at `now` turns at-risk, if it keeps running: the instant its remaining
 * business time reaches the warning threshold (`now` or earlier when it already has). Infinity
 * for a clock that is stopped or paused at `now`, whose state only new facts can change. Lets a
 * store index tickets by the moment they need attention instead of re-evaluating every one.
 * Pass the clock's state at `now` when it is known, to save evaluating it again.
 */
export function atRiskFrom(cal: Calendar, input: ClockInput, now: number, state: ClockState = evaluateClock(cal, input, now)): Instant {
  const s = state;
  if (s.state === 'met' || s.state === 'missed' || s.state === 'paused') return Infinity;
  if (s.state !== 'ok') return now;
  return addBusinessTime(cal, now > input.start ? now : input.start, s.remainingMs - warningThresholdMs(input));
}
