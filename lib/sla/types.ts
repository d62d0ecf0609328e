/** Instants are epoch milliseconds; durations are milliseconds. */
export type Instant = number;

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** Wall-clock intervals "HH:MM"; an end may be "24:00"; an end before its start is an overnight shift. */
export type Hours = Array<[string, string]>;

export type HolidaySpec = string | { date: string; hours?: Hours; name?: string } | { from: string; to: string; name?: string };

export interface CalendarSpec {
  timeZone: string;
  week: Partial<Record<Weekday, Hours>>;
  holidays?: HolidaySpec[];
  /** Descriptive only; the config layer carries them through. */
  id?: string;
  name?: string;
}

export interface Pause {
  from: Instant;
  to: Instant;
}

export interface OpenPause {
  from: Instant;
  /** null while the pause is still going on. */
  to: Instant | null;
}

/** Warn when this share of the target is consumed, or when this much business time remains. */
export type WarnAt = { fraction: number } | { remainingMs: number };

export interface ClockInput {
  start: Instant;
  targetMs: number;
  pauses?: readonly OpenPause[];
  stop?: Instant | null;
  /** `"75%"`, `"1h"`, or the parsed form; default 75 %. */
  warnAt?: WarnAt | string;
}

export type ClockStateName = 'ok' | 'at-risk' | 'breached' | 'paused' | 'met' | 'missed';

export interface ClockState {
  state: ClockStateName;
  /** Wall-clock instant the target is reached if the clock runs from now on (in the past once breached). */
  dueAt: Instant;
  elapsedMs: number;
  /** Business time left; negative once breached. */
  remainingMs: number;
  /** Consumed share of the target (elapsed / target). */
  fraction: number;
}
