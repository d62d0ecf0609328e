import { describe, expect, it } from 'vitest';
import { EMEA, HOUR, MINUTE, NOW, clock, running, view } from '../overlay/__fixtures__/views';
import { calendarFor } from './calendars';
import { readView } from './read-view';

const calendars = { emea: EMEA };

describe('readView', () => {
  it('shows the most urgent running clock: breached, then at risk, then the least time left', () => {
    const r = readView(view([running('first-response', 5 * HOUR, 8 * HOUR), running('resolution', 50 * HOUR, 100 * HOUR)]), calendars, NOW);
    expect(r).toMatchObject({ phase: 'running', state: 'ok', metric: 'first-response', remainingMs: 5 * HOUR });
    const risky = readView(view([running('first-response', 5 * HOUR, 8 * HOUR), running('resolution', 10 * HOUR, 100 * HOUR)]), calendars, NOW);
    expect(risky).toMatchObject({ state: 'at-risk', metric: 'resolution' });
    const late = readView(view([running('first-response', -MINUTE, 8 * HOUR), running('resolution', 10 * HOUR, 100 * HOUR)]), calendars, NOW);
    expect(late).toMatchObject({ state: 'breached', metric: 'first-response' });
  });

  it('a running ticket’s moments: at risk from riskAt, breached from the earliest dueAt', () => {
    const v = view([running('first-response', 5 * HOUR, 8 * HOUR), running('resolution', 60 * HOUR, 100 * HOUR)]);
    const r = readView(v, calendars, NOW);
    // First response turns at-risk with 2 h left (75 % of 8 h), three hours from now.
    expect(r.riskAt).toBe(NOW + 3 * HOUR);
    expect(r.dueAt).toBe(NOW + 5 * HOUR);
    expect(readView(v, calendars, r.riskAt - 1).state).toBe('ok');
    expect(readView(v, calendars, r.riskAt).state).toBe('at-risk');
    expect(readView(v, calendars, r.dueAt).state).toBe('breached');
  });

  it('without moments (a badge’s redraw) the same state and clock, and no riskAt to misuse', () => {
    const v = view([running('first-response', 5 * HOUR, 8 * HOUR), running('resolution', 60 * HOUR, 100 * HOUR)]);
    const full = readView(v, calendars, NOW);
    const quick = readView(v, calendars, NOW, { moments: false });
    const same = (r: typeof full) => ({
      phase: r.phase,
      state: r.state,
      metric: r.metric,
      dueAt: r.dueAt,
      remainingMs: r.remainingMs,
      changesAt: r.changesAt,
      fast: r.fast,
      shown: r.shown?.state,
      clocks: r.clocks.map((c) => c.state),
    });
    expect(same(quick)).toEqual(same(full));
    expect(quick.riskAt).toBeNaN();
    expect(quick.riskAt <= NOW || quick.riskAt > NOW).toBe(false);
  });

  it('stopped clocks show resolution’s outcome; a paused one makes the ticket paused', () => {
    const met = clock('first-response', { start: NOW - HOUR, targetMs: 2 * HOUR, stop: NOW - 30 * MINUTE });
    const missed = clock('resolution', { start: NOW - 10 * HOUR, targetMs: 2 * HOUR, stop: NOW - HOUR });
    expect(readView(view([met, missed]), calendars, NOW)).toMatchObject({ phase: 'stopped', state: 'missed', metric: 'resolution', riskAt: Infinity });
    const paused = clock('resolution', { start: NOW - HOUR, targetMs: 4 * HOUR, pauses: [{ from: NOW - 10 * MINUTE, to: null }] });
    expect(readView(view([met, paused]), calendars, NOW)).toMatchObject({ phase: 'paused', state: 'paused', metric: 'resolution', riskAt: Infinity });
  });

  it('says why a view reads unknown, and never throws', () => {
    expect(readView({ key: 'A', kind: 'none', clocks: [], exact: true }, calendars, NOW)).toMatchObject({ phase: 'none', state: 'none', shown: null });
    expect(readView({ key: 'A', kind: 'unknown', clocks: [], exact: false }, calendars, NOW).unknown).toEqual({ why: 'facts' });
    expect(readView(view([]), calendars, NOW).unknown).toEqual({ why: 'no-clock' });
    expect(readView(view([clock('resolution', { start: NOW, targetMs: HOUR }, 'gone')]), calendars, NOW).unknown).toEqual({ why: 'calendar', calendarId: 'gone' });
    const bad = { bad: { timeZone: 'Mars/Olympus', week: {} } };
    expect(readView(view([clock('resolution', { start: NOW, targetMs: HOUR }, 'bad')]), bad, NOW)).toMatchObject({
      phase: 'unknown',
      state: 'unknown',
      unknown: { why: 'calendar', calendarId: 'bad' },
    });
  });
});

describe('calendarFor: one cache for the extension', () => {
  it('compiles a calendar once, whichever object its spec arrives in; 24x7 is implied', () => {
    const a = calendarFor({ emea: EMEA }, 'emea');
    expect(a).not.toBeNull();
    expect(calendarFor({ x: structuredClone(EMEA) }, 'x')).toBe(a);
    expect(calendarFor({}, '24x7')).toBe(calendarFor({}, '24x7'));
    expect(calendarFor({}, 'emea')).toBeNull();
  });
});
