import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agentWorkCycle,
  compileCalendar,
  evaluateClock,
  isOpen,
  nextOpen,
  nextReplyCycles,
  pausableUpdateCycles,
  periodicUpdateCycles,
  requesterWaitCycle,
  WEEKDAYS,
  type Calendar,
  type CalendarSpec,
  type CommentEvent,
  type Cycle,
  type CycleOptions,
  type MetricTimeline,
  type StatusChange,
  type Weekday,
} from './index';

const M = 60_000;
const H = 60 * M;
const DAY = 24 * H;
const STEP = 15 * M; // a coarse grid, so that same-instant events are common
const FROM = Date.UTC(2025, 0, 1) / M;
const TO = Date.UTC(2027, 0, 1) / M;

const METRICS: ReadonlyArray<[string, (t: MetricTimeline, o?: CycleOptions) => Cycle[]]> = [
  ['nextReply', nextReplyCycles],
  ['periodicUpdate', periodicUpdateCycles],
  ['pausableUpdate', pausableUpdateCycles],
  ['requesterWait', (t, o) => [requesterWaitCycle(t, o)]],
  ['agentWork', (t, o) => [agentWorkCycle(t, o)]],
];

const STATUSES: ReadonlyArray<Omit<StatusChange, 'at'>> = [
  { status: 'new' },
  { status: 'open' },
  { status: 'pending' },
  { status: 'hold' },
  { status: 'solved', category: 'done' },
  { status: 'closed', category: 'done' },
];

const offset = fc.integer({ min: 0, max: (10 * DAY) / STEP });

/** A ticket: 'new' at creation, then statuses and comments in random order, often at one instant. */
const timelineArb: fc.Arbitrary<MetricTimeline> = fc
  .record({
    created: fc.integer({ min: FROM, max: TO }).map((m) => m * M),
    statuses: fc.array(fc.record({ offset, s: fc.constantFrom(...STATUSES) }), { maxLength: 12 }),
    comments: fc.array(fc.record({ offset, by: fc.constantFrom<CommentEvent['by']>('agent', 'end-user'), public: fc.boolean() }), { maxLength: 15 }),
  })
  .map(({ created, statuses, comments }) => ({
    created,
    statusHistory: [{ at: created, status: 'new' }, ...statuses.map(({ offset, s }) => ({ ...s, at: created + offset * STEP }))],
    comments: comments.map((c) => ({ at: created + c.offset * STEP, by: c.by, public: c.public })),
  }));

const optionsArb: fc.Arbitrary<CycleOptions> = fc.record({ pauseOn: fc.subarray(['pending', 'HOLD', 'Open', 'new']), internalNotesCount: fc.boolean() }, { requiredKeys: [] });

/** Weeks with closed time: each day closed or open for one stretch on whole hours. */
const businessSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
    days: fc.array(fc.option(fc.tuple(fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 12 }))), { minLength: 7, maxLength: 7 }),
  })
  .filter(({ days }) => days.some((d) => d !== null))
  .map(({ timeZone, days }) => {
    const week: Partial<Record<Weekday, Array<[string, string]>>> = {};
    const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
    WEEKDAYS.forEach((name, i) => {
      const d = days[i];
      if (d) week[name] = [[hh(d[0]), hh(Math.min(24, d[0] + d[1]))]];
    });
    return { timeZone, week };
  });

const calendars = new Map<string, Calendar>();
function compiled(spec: CalendarSpec | '24x7'): Calendar {
  const key = JSON.stringify(spec);
  let cal = calendars.get(key);
  if (!cal) calendars.set(key, (cal = compileCalendar(spec)));
  return cal;
}

const target = fc.integer({ min: 1, max: 48 }).map((h) => h * H);

/** The last entry at or before `t`, later input entries winning ties (as the functions read history). */
function statusAt(history: readonly StatusChange[], t: number): StatusChange | undefined {
  let found: StatusChange | undefined;
  for (const s of [...history].sort((a, b) => a.at - b.at)) if (s.at <= t) found = s;
  return found;
}

describe('cycle properties', () => {
  it('cycles are in time order and never overlap; pauses are ordered, disjoint and inside their cycle', () => {
    fc.assert(
      fc.property(timelineArb, optionsArb, (t, o) => {
        for (const [name, f] of METRICS) {
          const cycles = f(t, o);
          cycles.forEach((c, i) => {
            const where = `${name} cycle ${i}`;
            expect(c.start, where).toBeGreaterThanOrEqual(t.created);
            if (c.stop !== null) expect(c.stop, where).toBeGreaterThanOrEqual(c.start);
            else expect(i, `${where}: only the last cycle runs`).toBe(cycles.length - 1);
            const next = cycles[i + 1];
            if (next) expect(next.start, where).toBeGreaterThanOrEqual(c.stop!);
            c.pauses.forEach((p, j) => {
              expect(p.from, where).toBeGreaterThanOrEqual(c.start);
              if (p.to === null) {
                expect(c.stop, `${where}: an open pause only in a running cycle`).toBeNull();
                expect(j, `${where}: only the last pause is open`).toBe(c.pauses.length - 1);
              } else {
                expect(p.to, where).toBeGreaterThan(p.from);
                if (c.stop !== null) expect(p.to, where).toBeLessThanOrEqual(c.stop);
              }
              const after = c.pauses[j + 1];
              if (after) expect(after.from, where).toBeGreaterThan(p.to!);
            });
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('pausable update has the cycles of periodic update, and next reply and periodic update never pause', () => {
    fc.assert(
      fc.property(timelineArb, optionsArb, (t, o) => {
        const periodic = periodicUpdateCycles(t, o);
        expect(pausableUpdateCycles(t, o).map(({ start, stop }) => ({ start, stop }))).toEqual(periodic.map(({ start, stop }) => ({ start, stop })));
        for (const c of [...periodic, ...nextReplyCycles(t, o)]) expect(c.pauses).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('input order of entries at different instants does not matter', () => {
    fc.assert(
      fc.property(timelineArb, optionsArb, (t, o) => {
        // Stable sorts: ascending and descending by time, same-instant entries keeping their input order.
        const up = <T extends { at: number }>(xs: readonly T[]) => [...xs].sort((a, b) => a.at - b.at);
        const down = <T extends { at: number }>(xs: readonly T[]) => [...xs].sort((a, b) => b.at - a.at);
        const ascending: MetricTimeline = { created: t.created, statusHistory: up(t.statusHistory), comments: up(t.comments) };
        const descending: MetricTimeline = { created: t.created, statusHistory: down(t.statusHistory), comments: down(t.comments) };
        for (const [name, f] of METRICS) {
          const cycles = f(t, o);
          expect(f(ascending, o), name).toEqual(cycles);
          expect(f(descending, o), name).toEqual(cycles);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a pending stretch outside the calendar’s open time changes no cycle’s business time used', () => {
    fc.assert(
      fc.property(timelineArb, businessSpec, target, fc.integer({ min: 1, max: (10 * DAY) / M }), fc.integer({ min: 0, max: 12 * DAY }), (t, spec, targetMs, where, later) => {
        const cal = compiled(spec);
        const from = t.created + where * M;
        fc.pre(!isOpen(cal, from));
        const to = nextOpen(cal, from);
        fc.pre(to !== Infinity);
        const before = statusAt(t.statusHistory, from)!;
        fc.pre(before.category !== 'done');
        fc.pre(!t.statusHistory.some((s) => s.at >= from && s.at <= to));
        const withPause: MetricTimeline = { ...t, statusHistory: [...t.statusHistory, { at: from, status: 'pending' }, { at: to, status: before.status }] };
        const now = from + later;
        for (const [name, f] of METRICS) {
          const plain = f(t, { pauseOn: ['pending', 'hold'] });
          const paused = f(withPause, { pauseOn: ['pending', 'hold'] });
          expect(
            paused.map(({ start, stop }) => ({ start, stop })),
            name,
          ).toEqual(plain.map(({ start, stop }) => ({ start, stop })));
          plain.forEach((c, i) => {
            const used = (x: Cycle) => evaluateClock(cal, { ...x, targetMs }, now).elapsedMs;
            expect(used(paused[i]!), `${name} cycle ${i}`).toBe(used(c));
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reopen resumes: requester wait and agent work count on from where the solve left them', () => {
    fc.assert(
      fc.property(
        timelineArb,
        fc.oneof(fc.constant<'24x7'>('24x7'), businessSpec),
        target,
        fc.integer({ min: 0, max: (2 * DAY) / M }),
        fc.integer({ min: 1, max: (5 * DAY) / M }),
        fc.integer({ min: 0, max: (5 * DAY) / M }),
        (t, spec, targetMs, solveGap, reopenGap, afterReopen) => {
          const cal = compiled(spec);
          const last = Math.max(...t.statusHistory.map((s) => s.at));
          // Not solved already: the appended solve is the final one.
          fc.pre(statusAt(t.statusHistory, last)!.category !== 'done');
          const solvedAt = last + STEP + solveGap * M;
          const reopenAt = solvedAt + reopenGap * M;
          const solved: MetricTimeline = { ...t, statusHistory: [...t.statusHistory, { at: solvedAt, status: 'solved', category: 'done' }] };
          const reopened: MetricTimeline = { ...solved, statusHistory: [...solved.statusHistory, { at: reopenAt, status: 'open' }] };
          for (const f of [requesterWaitCycle, agentWorkCycle]) {
            const atSolve = f(solved);
            expect(atSolve.stop).toBe(solvedAt);
            const usedBefore = evaluateClock(cal, { ...atSolve, targetMs }, reopenAt).elapsedMs;
            const again = f(reopened);
            expect(again.stop).toBeNull();
            expect(again.start).toBe(atSolve.start);
            // Nothing counts while solved: at the reopen the clock stands where the solve left it ...
            expect(evaluateClock(cal, { ...again, targetMs }, reopenAt).elapsedMs).toBe(usedBefore);
            // ... and from there it only goes on.
            expect(evaluateClock(cal, { ...again, targetMs }, reopenAt + afterReopen * M).elapsedMs).toBeGreaterThanOrEqual(usedBefore);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an internal note changes nothing unless internal notes count, and then it counts as a public reply would for updates', () => {
    fc.assert(
      fc.property(timelineArb, optionsArb, offset, fc.nat(), (t, o, at, index) => {
        const note: CommentEvent = { at: t.created + at * STEP, by: 'agent', public: false };
        const i = index % (t.comments.length + 1);
        const withNote: MetricTimeline = { ...t, comments: [...t.comments.slice(0, i), note, ...t.comments.slice(i)] };
        const off: CycleOptions = { ...o, internalNotesCount: false };
        for (const [name, f] of METRICS) expect(f(withNote, off), name).toEqual(f(t, off));
        for (const f of [requesterWaitCycle, agentWorkCycle]) expect(f(withNote, { ...o, internalNotesCount: true })).toEqual(f(t, o));
        const asPublic: MetricTimeline = { ...t, comments: [...t.comments.slice(0, i), { ...note, public: true }, ...t.comments.slice(i)] };
        const on: CycleOptions = { ...o, internalNotesCount: true };
        for (const f of [periodicUpdateCycles, pausableUpdateCycles]) expect(f(withNote, on)).toEqual(f(asPublic, on));
      }),
      { numRuns: 300 },
    );
  });
});
