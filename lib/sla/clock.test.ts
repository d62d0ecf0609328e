import { describe, expect, it } from 'vitest';
import { atRiskFrom, compileCalendar, evaluateClock, type ClockInput } from './index';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const cal = compileCalendar({
  timeZone: 'UTC',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
});
// Monday 2026-11-23 09:00, 8 business hours: due Monday 17:00.
const base: ClockInput = { start: at('2026-11-23T09:00Z'), targetMs: 8 * H };

describe('evaluateClock', () => {
  it('ok while under the warning share', () => {
    const s = evaluateClock(cal, base, at('2026-11-23T11:00Z'));
    expect(s).toEqual({ state: 'ok', dueAt: at('2026-11-23T17:00Z'), elapsedMs: 2 * H, remainingMs: 6 * H, fraction: 0.25 });
  });

  it('at risk from 75 % consumed by default', () => {
    expect(evaluateClock(cal, base, at('2026-11-23T14:59Z')).state).toBe('ok');
    expect(evaluateClock(cal, base, at('2026-11-23T15:00Z')).state).toBe('at-risk');
  });

  it('honours a share or a time-left threshold', () => {
    expect(evaluateClock(cal, { ...base, warnAt: '50%' }, at('2026-11-23T13:00Z')).state).toBe('at-risk');
    expect(evaluateClock(cal, { ...base, warnAt: '1h' }, at('2026-11-23T15:59Z')).state).toBe('ok');
    expect(evaluateClock(cal, { ...base, warnAt: { remainingMs: H } }, at('2026-11-23T16:00Z')).state).toBe('at-risk');
  });

  it('breached once no time is left, with the due instant in the past and negative time left', () => {
    const s = evaluateClock(cal, base, at('2026-11-24T10:00Z'));
    expect(s.state).toBe('breached');
    expect(iso(s.dueAt)).toBe('2026-11-23T17:00:00.000Z');
    expect(s.remainingMs).toBe(-1 * H);
    expect(s.fraction).toBe(9 / 8);
    expect(evaluateClock(cal, base, at('2026-11-23T17:00Z')).state).toBe('breached');
  });

  it('outside business hours the clock holds still but the due time is still the next open stretch', () => {
    const s = evaluateClock(cal, { ...base, start: at('2026-11-27T15:00Z') }, at('2026-11-28T12:00Z'));
    expect(s.remainingMs).toBe(6 * H);
    expect(iso(s.dueAt)).toBe('2026-11-30T15:00:00.000Z');
  });

  it('paused inside a pause; the due time assumes the clock runs again from now', () => {
    const input = { ...base, pauses: [{ from: at('2026-11-23T11:00Z'), to: null }] };
    const s = evaluateClock(cal, input, at('2026-11-23T16:00Z'));
    expect(s.state).toBe('paused');
    expect(s.elapsedMs).toBe(2 * H);
    expect(iso(s.dueAt)).toBe('2026-11-24T14:00:00.000Z');
  });

  it('a closed pause shifts the due time and the clock runs again', () => {
    const input = { ...base, pauses: [{ from: at('2026-11-23T10:00Z'), to: at('2026-11-23T12:00Z') }] };
    const s = evaluateClock(cal, input, at('2026-11-23T13:00Z'));
    expect(s.state).toBe('ok');
    expect(s.elapsedMs).toBe(2 * H);
    expect(iso(s.dueAt)).toBe('2026-11-24T11:00:00.000Z');
  });

  it('a breach is not hidden by a later pause', () => {
    const input = { ...base, pauses: [{ from: at('2026-11-24T10:00Z'), to: null }] };
    const s = evaluateClock(cal, input, at('2026-11-24T12:00Z'));
    expect(s.state).toBe('breached');
    expect(iso(s.dueAt)).toBe('2026-11-23T17:00:00.000Z');
    expect(s.remainingMs).toBe(-1 * H);
  });

  it('met or missed once stopped, measured to the stop', () => {
    const met = evaluateClock(cal, { ...base, stop: at('2026-11-23T17:00Z') }, at('2026-11-30T12:00Z'));
    expect(met).toMatchObject({ state: 'met', elapsedMs: 8 * H, remainingMs: 0, dueAt: at('2026-11-23T17:00Z') });
    const missed = evaluateClock(cal, { ...base, stop: at('2026-11-24T09:30Z') }, at('2026-11-30T12:00Z'));
    expect(missed).toMatchObject({ state: 'missed', remainingMs: -0.5 * H });
  });

  it('a stop still in the future does not stop the clock yet', () => {
    expect(evaluateClock(cal, { ...base, stop: at('2026-11-23T16:00Z') }, at('2026-11-23T12:00Z')).state).toBe('ok');
  });

  it('a clock that has not started yet counts from its start', () => {
    const s = evaluateClock(cal, base, at('2026-11-20T12:00Z'));
    expect(s).toMatchObject({ state: 'ok', elapsedMs: 0, remainingMs: 8 * H, dueAt: at('2026-11-23T17:00Z') });
  });

  it('does not depend on the order of the pauses', () => {
    const pauses = [
      { from: at('2026-11-23T14:00Z'), to: at('2026-11-23T15:00Z') },
      { from: at('2026-11-23T10:00Z'), to: at('2026-11-23T11:00Z') },
    ];
    const a = evaluateClock(cal, { ...base, pauses }, at('2026-11-23T16:00Z'));
    const b = evaluateClock(cal, { ...base, pauses: [...pauses].reverse() }, at('2026-11-23T16:00Z'));
    expect(a).toEqual(b);
    expect(a.elapsedMs).toBe(5 * H);
  });
});

describe('atRiskFrom', () => {
  it('is the instant the warning threshold is reached, across closed hours', () => {
    // 8 business hours from Monday 09:00: at risk at 75 % = Monday 15:00.
    expect(iso(atRiskFrom(cal, base, at('2026-11-23T10:00Z')))).toBe('2026-11-23T15:00:00.000Z');
    // A one-hour threshold on a 12-hour target from Monday 09:00: due Tuesday 13:00, at risk Tuesday 12:00.
    expect(iso(atRiskFrom(cal, { ...base, targetMs: 12 * H, warnAt: '1h' }, at('2026-11-23T16:30Z')))).toBe('2026-11-24T12:00:00.000Z');
  });

  it('agrees with evaluateClock on either side of it', () => {
    for (const input of [base, { ...base, warnAt: '50%' }, { ...base, warnAt: '90m', targetMs: 20 * H }]) {
      const t = atRiskFrom(cal, input, at('2026-11-23T09:30Z'));
      expect(evaluateClock(cal, input, t - 1).state).toBe('ok');
      expect(evaluateClock(cal, input, t).state).toBe('at-risk');
    }
  });

  it('is now once at risk or breached, and never for paused or stopped clocks', () => {
    const now = at('2026-11-23T16:00Z');
    expect(atRiskFrom(cal, base, now)).toBe(now);
    expect(atRiskFrom(cal, base, at('2026-11-24T16:00Z'))).toBe(at('2026-11-24T16:00Z'));
    expect(atRiskFrom(cal, { ...base, pauses: [{ from: at('2026-11-23T10:00Z'), to: null }] }, now)).toBe(Infinity);
    expect(atRiskFrom(cal, { ...base, stop: at('2026-11-23T12:00Z') }, now)).toBe(Infinity);
  });
});
