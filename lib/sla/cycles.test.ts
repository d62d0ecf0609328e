import { describe, expect, it } from 'vitest';
import examplesFile from './__fixtures__/metric-examples.json';
import {
  agentWorkCycle,
  compileCalendar,
  evaluateClock,
  nextReplyCycles,
  pausableUpdateCycles,
  periodicUpdateCycles,
  requesterWaitCycle,
  type CalendarSpec,
  type CommentEvent,
  type Cycle,
  type CycleOptions,
  type MetricTimeline,
  type StatusChange,
} from './index';

type Metric = 'nextReply' | 'periodicUpdate' | 'pausableUpdate' | 'requesterWait' | 'agentWork';

interface Example {
  id: string;
  metric: Metric;
  source: { url: string; publisher: string; kind: string };
  description: string;
  timeline: {
    created: string;
    statusHistory: Array<{ at: string; status: string; category?: StatusChange['category'] }>;
    comments: Array<{ at: string; by: CommentEvent['by']; public: boolean }>;
  };
  options?: { pauseOn?: string[]; internalNotesCount?: boolean };
  target_minutes: number;
  calendar: '24x7' | { timezone: string; schedule: CalendarSpec['week']; holidays?: string[] };
  now: string;
  expected: {
    cycles: Array<{ start: string; stop: string | null; pauses: Array<{ from: string; to: string | null }>; state: string; dueAt?: string }>;
  };
  expected_value_provenance?: string;
}

const examples = (examplesFile as unknown as { examples: Example[] }).examples;
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

const run: Record<Metric, (t: MetricTimeline, o: CycleOptions) => Cycle[]> = {
  nextReply: nextReplyCycles,
  periodicUpdate: periodicUpdateCycles,
  pausableUpdate: pausableUpdateCycles,
  requesterWait: (t, o) => [requesterWaitCycle(t, o)],
  agentWork: (t, o) => [agentWorkCycle(t, o)],
};

function timelineOf(e: Example): MetricTimeline {
  return {
    created: at(e.timeline.created),
    statusHistory: e.timeline.statusHistory.map((s) => ({ at: at(s.at), status: s.status, ...(s.category ? { category: s.category } : {}) })),
    comments: e.timeline.comments.map((c) => ({ at: at(c.at), by: c.by, public: c.public })),
  };
}

function calendarOf(e: Example) {
  return e.calendar === '24x7' ? compileCalendar('24x7') : compileCalendar({ timeZone: e.calendar.timezone, week: e.calendar.schedule, holidays: e.calendar.holidays ?? [] });
}

/** Instants as ISO strings in UTC, so a failure names the instant and offsets in the file do not matter. */
function shown(c: Cycle) {
  return { start: iso(c.start), stop: iso(c.stop), pauses: c.pauses.map((p) => ({ from: iso(p.from), to: iso(p.to) })) };
}

function label(e: Example) {
  return `${e.id} (${e.metric}${e.expected_value_provenance?.startsWith('computed') ? ', computed from the definition' : ''})`;
}

describe('metric worked examples', () => {
  it('has at least six examples per metric, business hours, internal notes and reopens', () => {
    const per = (m: Metric) => examples.filter((e) => e.metric === m);
    for (const m of Object.keys(run) as Metric[]) {
      expect(per(m).length, m).toBeGreaterThanOrEqual(6);
      expect(per(m).filter((e) => e.calendar !== '24x7').length, m).toBeGreaterThanOrEqual(2);
    }
    expect(examples.length).toBeGreaterThanOrEqual(30);
    expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
    for (const m of ['nextReply', 'periodicUpdate'] as const) expect(per(m).some((e) => e.options?.internalNotesCount)).toBe(true);
    for (const e of examples) expect(e.source.url).toMatch(/^https:\/\//);
  });

  it.each(examples.map((e) => [label(e), e] as const))('%s', (_name, e) => {
    const options: CycleOptions = {
      ...(e.options?.pauseOn ? { pauseOn: e.options.pauseOn } : {}),
      ...(e.options?.internalNotesCount !== undefined ? { internalNotesCount: e.options.internalNotesCount } : {}),
    };
    const cycles = run[e.metric](timelineOf(e), options);
    const expected = e.expected.cycles;
    expect(cycles.map(shown)).toEqual(
      expected.map((c) => ({
        start: iso(at(c.start)),
        stop: c.stop === null ? null : iso(at(c.stop)),
        pauses: c.pauses.map((p) => ({ from: iso(at(p.from)), to: p.to === null ? null : iso(at(p.to)) })),
      })),
    );
    const cal = calendarOf(e);
    cycles.forEach((cycle, i) => {
      const state = evaluateClock(cal, { ...cycle, targetMs: e.target_minutes * MIN }, at(e.now));
      expect(state.state, `cycle ${i}`).toBe(expected[i]!.state);
      if (expected[i]!.dueAt) expect(iso(state.dueAt), `cycle ${i} due`).toBe(iso(at(expected[i]!.dueAt!)));
    });
  });
});

// Unit cases: a Monday in UTC, minutes after 09:00.
const T0 = Date.UTC(2025, 1, 3, 9);
const m = (minutes: number) => T0 + minutes * MIN;
const eu = (minutes: number, pub = true): CommentEvent => ({ at: m(minutes), by: 'end-user', public: pub });
const ag = (minutes: number, pub = true): CommentEvent => ({ at: m(minutes), by: 'agent', public: pub });
const st = (minutes: number, status: string, category?: StatusChange['category']): StatusChange => ({ at: m(minutes), status, ...(category ? { category } : {}) });
const solved = (minutes: number) => st(minutes, 'solved', 'done');
const timeline = (statusHistory: StatusChange[], comments: CommentEvent[]): MetricTimeline => ({ created: T0, statusHistory, comments });
const cyc = (start: number, stop: number | null, pauses: Array<[number, number | null]> = []): Cycle => ({
  start: m(start),
  stop: stop === null ? null : m(stop),
  pauses: pauses.map(([f, t]) => ({ from: m(f), to: t === null ? null : m(t) })),
});

describe('no comments', () => {
  const t = timeline([st(0, 'new')], []);
  it('next reply has no cycle', () => expect(nextReplyCycles(t)).toEqual([]));
  it('periodic and pausable updates run from creation', () => {
    expect(periodicUpdateCycles(t)).toEqual([cyc(0, null)]);
    expect(pausableUpdateCycles(t)).toEqual([cyc(0, null)]);
  });
  it('requester wait and agent work run from creation', () => {
    expect(requesterWaitCycle(t)).toEqual(cyc(0, null));
    expect(agentWorkCycle(t)).toEqual(cyc(0, null));
  });
  it('an empty status history is a ticket never solved and never paused', () => {
    const bare = timeline([], []);
    expect(requesterWaitCycle(bare)).toEqual(cyc(0, null));
    expect(periodicUpdateCycles(bare)).toEqual([cyc(0, null)]);
  });
});

describe('next reply', () => {
  it('leaves the first exchange to first reply time', () => {
    expect(nextReplyCycles(timeline([st(0, 'new')], [eu(0), eu(10)]))).toEqual([]);
    expect(nextReplyCycles(timeline([st(0, 'new')], [eu(0), eu(10), ag(30), eu(40)]))).toEqual([cyc(40, null)]);
  });

  it('an internal note does not end the first exchange, even when notes count', () => {
    const t = timeline([st(0, 'new')], [eu(0), ag(10, false), eu(20), ag(30), eu(40), ag(50, false)]);
    expect(nextReplyCycles(t)).toEqual([cyc(40, null)]);
    expect(nextReplyCycles(t, { internalNotesCount: true })).toEqual([cyc(40, 50)]);
  });

  it('a solve before any reply ends the first exchange', () => {
    const t = timeline([st(0, 'new'), solved(20), st(60, 'open')], [eu(0), eu(60), ag(90)]);
    expect(nextReplyCycles(t)).toEqual([cyc(60, 90)]);
  });

  it('a solve with no agent reply ends the cycle at the solve', () => {
    const t = timeline([st(0, 'new'), st(10, 'open'), solved(100)], [eu(0), ag(10), eu(30), eu(50)]);
    expect(nextReplyCycles(t)).toEqual([cyc(30, 100)]);
  });

  it('end-user comments while solved start a cycle at the reopen, unless an agent answered them first', () => {
    const history = [st(0, 'new'), st(10, 'open'), solved(20), st(60, 'open')];
    expect(nextReplyCycles(timeline(history, [eu(0), ag(10), eu(30), ag(90)]))).toEqual([cyc(60, 90)]);
    expect(nextReplyCycles(timeline(history, [eu(0), ag(10), eu(30), ag(40), ag(90)]))).toEqual([]);
    expect(nextReplyCycles(timeline([st(0, 'new'), st(10, 'open'), solved(20)], [eu(0), ag(10), eu(30)]))).toEqual([]);
  });

  it('ignores non-public end-user comments', () => {
    expect(nextReplyCycles(timeline([st(0, 'new')], [eu(0), ag(10), eu(20, false)]))).toEqual([]);
  });

  it('same instant: an agent comment answers an end-user comment only when listed after it', () => {
    const after = timeline([st(0, 'new')], [eu(0), ag(10), eu(30), ag(30)]);
    expect(nextReplyCycles(after)).toEqual([cyc(30, 30)]);
    const before = timeline([st(0, 'new')], [eu(0), ag(10), ag(30), eu(30)]);
    expect(nextReplyCycles(before)).toEqual([cyc(30, null)]);
    // A same-instant reply to an older comment still answers it, and the newer comment starts the next cycle.
    const both = timeline([st(0, 'new')], [eu(0), ag(10), eu(20), ag(30), eu(30)]);
    expect(nextReplyCycles(both)).toEqual([cyc(20, 30), cyc(30, null)]);
  });

  it('a comment that reopens the ticket at the same instant starts a cycle', () => {
    const t = timeline([st(0, 'new'), solved(10), st(60, 'open')], [eu(0), ag(10), eu(60)]);
    expect(nextReplyCycles(t)).toEqual([cyc(60, null)]);
  });
});

describe('unsorted input', () => {
  it('is sorted by time, stably, before use', () => {
    const sorted = timeline([st(0, 'new'), st(10, 'open'), st(40, 'pending'), st(70, 'open'), solved(120), st(200, 'open')], [eu(0), ag(10), eu(30), ag(30), eu(50), ag(80), eu(200)]);
    const shuffled: MetricTimeline = { created: T0, statusHistory: [...sorted.statusHistory].reverse(), comments: [eu(200), ag(80), eu(50), eu(30), ag(30), ag(10), eu(0)] };
    // Same-instant comments keep their relative input order: eu(30) before ag(30) in both.
    for (const f of [nextReplyCycles, periodicUpdateCycles, pausableUpdateCycles]) expect(f(shuffled)).toEqual(f(sorted));
    expect(requesterWaitCycle(shuffled)).toEqual(requesterWaitCycle(sorted));
    expect(agentWorkCycle(shuffled)).toEqual(agentWorkCycle(sorted));
    expect(nextReplyCycles(sorted)).toEqual([cyc(30, 30), cyc(50, 80), cyc(200, null)]);
    expect(pausableUpdateCycles(sorted)).toEqual([cyc(0, 10), cyc(10, 30), cyc(30, 80, [[40, 70]]), cyc(80, 120), cyc(200, null)]);
    expect(requesterWaitCycle(sorted)).toEqual(
      cyc(0, null, [
        [40, 70],
        [120, 200],
      ]),
    );
  });

  it('does not change the caller’s arrays', () => {
    const statusHistory = [solved(50), st(0, 'new')];
    const comments = [ag(20), eu(0)];
    periodicUpdateCycles({ created: T0, statusHistory, comments });
    requesterWaitCycle({ created: T0, statusHistory, comments });
    expect(statusHistory).toEqual([solved(50), st(0, 'new')]);
    expect(comments).toEqual([ag(20), eu(0)]);
  });

  it('two statuses at one instant: the later in the input holds', () => {
    const t = timeline([st(0, 'new'), st(30, 'open'), st(30, 'pending'), st(60, 'open')], []);
    expect(requesterWaitCycle(t)).toEqual(cyc(0, null, [[30, 60]]));
    const back = timeline([st(0, 'new'), st(30, 'pending'), st(30, 'open')], []);
    expect(requesterWaitCycle(back)).toEqual(cyc(0, null));
  });
});

describe('periodic and pausable updates', () => {
  it('an update submitted as solved ends the cycle and starts none; a reopen starts one', () => {
    const t = timeline([st(0, 'new'), solved(60), st(120, 'open')], [eu(0), ag(60), ag(90), eu(120)]);
    expect(periodicUpdateCycles(t)).toEqual([cyc(0, 60), cyc(120, null)]);
  });

  it('agent comments while solved do nothing', () => {
    const t = timeline([st(0, 'new'), solved(30)], [eu(0), ag(40), ag(50)]);
    expect(periodicUpdateCycles(t)).toEqual([cyc(0, 30)]);
  });

  it('a ticket created solved has no cycle until reopened', () => {
    const t = timeline([st(0, 'solved', 'done'), st(30, 'open')], [ag(0)]);
    expect(periodicUpdateCycles(t)).toEqual([cyc(30, null)]);
    expect(nextReplyCycles({ ...t, comments: [eu(30)] })).toEqual([cyc(30, null)]);
  });

  it('same-instant updates give a cycle that lasts no time', () => {
    expect(periodicUpdateCycles(timeline([st(0, 'new')], [ag(0), ag(20), ag(20)]))).toEqual([cyc(0, 0), cyc(0, 20), cyc(20, 20), cyc(20, null)]);
  });

  it('pausable pauses are cut to each cycle, and a pause still going on stays open', () => {
    const t = timeline([st(0, 'new'), st(20, 'pending'), st(60, 'open'), st(90, 'pending')], [ag(40), ag(100)]);
    expect(pausableUpdateCycles(t)).toEqual([
      cyc(0, 40, [[20, 40]]),
      cyc(40, 100, [
        [40, 60],
        [90, 100],
      ]),
      cyc(100, null, [[100, null]]),
    ]);
    expect(pausableUpdateCycles(t, { pauseOn: ['HOLD'] })).toEqual([cyc(0, 40), cyc(40, 100), cyc(100, null)]);
  });
});

describe('requester wait and agent work', () => {
  const history = [st(0, 'new'), st(10, 'hold'), st(40, 'pending'), st(60, 'open'), solved(100), st(160, 'closed', 'done')];

  it('pause on pending (requester wait) or pending and on-hold (agent work), merged where they touch', () => {
    expect(requesterWaitCycle(timeline(history, []))).toEqual(cyc(0, 100, [[40, 60]]));
    expect(agentWorkCycle(timeline(history, []))).toEqual(cyc(0, 100, [[10, 60]]));
    expect(agentWorkCycle(timeline(history, []), { pauseOn: [] })).toEqual(cyc(0, 100));
  });

  it('reopen: the solved stretch is a pause and the clock resumes; stop is the final solve', () => {
    const reopened = [...history, st(200, 'open'), st(220, 'pending'), solved(300)];
    expect(requesterWaitCycle(timeline(reopened, []))).toEqual(
      cyc(0, 300, [
        [40, 60],
        [100, 200],
        [220, 300],
      ]),
    );
    expect(agentWorkCycle(timeline(reopened.slice(0, -1), []))).toEqual(
      cyc(0, null, [
        [10, 60],
        [100, 200],
        [220, null],
      ]),
    );
    const solvedFromPending = [st(0, 'new'), st(20, 'pending'), solved(50), st(80, 'open')];
    expect(requesterWaitCycle(timeline(solvedFromPending, []))).toEqual(cyc(0, null, [[20, 80]]));
  });

  it('history before creation counts from creation', () => {
    const t: MetricTimeline = { created: m(30), statusHistory: [st(0, 'pending'), st(60, 'open'), solved(90)], comments: [] };
    expect(requesterWaitCycle(t)).toEqual(cyc(30, 90, [[30, 60]]));
  });
});
