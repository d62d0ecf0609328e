/**
 * The timelines of the metrics beyond first response and resolution, as Zendesk defines them
 * (support.zendesk.com/hc/en-us/articles/4408829459866, "Defining and using SLA policies"):
 *
 * | metric           | starts                                        | pauses                        | stops                              |
 * |------------------|-----------------------------------------------|-------------------------------|------------------------------------|
 * | next reply       | the oldest unanswered end-user public comment | never                         | the next public agent comment      |
 * | periodic update  | each public agent comment (first: creation)   | never                         | the next public agent comment      |
 * | pausable update  | as periodic                                   | pending                       | as periodic                        |
 * | requester wait   | creation                                      | pending                       | solved; resumes on reopen          |
 * | agent work       | creation                                      | pending and on-hold           | solved; resumes on reopen          |
 *
 * Each function turns a ticket's status history and comments into cycles: a clock's start, stop
 * and pauses. A cycle is a `ClockInput` without its target, so the caller evaluates it with the
 * engine as it does every other clock: `evaluateClock(cal, { ...cycle, targetMs, warnAt }, now)`.
 * No `now` is needed here: the timeline holds only what has happened, and `evaluateClock` cuts a
 * running cycle (stop `null`) and a pause still going on (to `null`) at its `now`.
 *
 * Conventions shared by all five:
 * - "Solved" is any status whose category is `done` (Zendesk's solved and closed both map to it).
 *   A later status that is not done is a reopen. Solved then closed is one solve.
 * - Input is not trusted to be in order: status changes and comments are sorted by time, stably,
 *   so entries at the same instant keep their input order.
 * - At one instant, status changes come before comments: the status in force at `t` is the one
 *   set at `t` (a comment submitted with "Submit as Solved" lands on a solved ticket; an end-user
 *   comment that reopens a ticket lands on the reopened one).
 * - Nothing happens before the ticket exists: earlier comments count as made at `created`, and
 *   the status at `created` is the last one set at or before it.
 * - Cycles are in time order and never overlap (one stops at or before the next starts); only the
 *   last can be running. A cycle's pauses are sorted, disjoint, non-empty and lie inside it; only
 *   the last pause of a running cycle can still be going on.
 */
import type { StatusChange } from './ticket';
import type { Instant, OpenPause } from './types';

/** One comment on the ticket: who wrote it and whether the requester can see it. */
export interface CommentEvent {
  at: Instant;
  by: 'agent' | 'end-user';
  /** False for an internal note. */
  public: boolean;
}

/** One run of a metric's clock: a `ClockInput` without `targetMs` and `warnAt`. */
export interface Cycle {
  start: Instant;
  /** null while the cycle is running. */
  stop: Instant | null;
  pauses: OpenPause[];
}

/** What the metrics read off a ticket. */
export interface MetricTimeline {
  created: Instant;
  /** Statuses with their categories; `done` means solved. Any order. */
  statusHistory: readonly StatusChange[];
  /** Any order; same-instant comments keep their input order. */
  comments: readonly CommentEvent[];
}

export interface CycleOptions {
  /**
   * Statuses (compared lower-cased) during which the clock pauses. Default: `pending` for
   * pausable update and requester wait, `pending` and `hold` for agent work (Zendesk's status
   * names). Ignored by next reply and periodic update, which never pause.
   */
  pauseOn?: readonly string[];
  /**
   * Zendesk's advanced SLA setting that lets internal notes (non-public agent comments) fulfil
   * next reply and periodic / pausable updates, not only public replies. Default false.
   */
  internalNotesCount?: boolean;
}

const DEFAULT_PENDING: readonly string[] = ['pending'];
const DEFAULT_PENDING_HOLD: readonly string[] = ['pending', 'hold'];

/** Oldest first; entries at one instant keep their input order (Array#sort is stable). */
function sortedHistory(history: readonly StatusChange[]): StatusChange[] {
  return [...history].sort((a, b) => a.at - b.at);
}

/**
 * The stretches the ticket spent in statuses passing `test`, oldest first. Consecutive matching
 * statuses are one stretch; an entry superseded at the same instant lasted no time and is skipped;
 * the last stretch is open (`to: null`) when the ticket is in such a status now.
 */
function stretches(history: readonly StatusChange[], test: (s: StatusChange) => boolean): OpenPause[] {
  const out: OpenPause[] = [];
  for (let i = 0; i < history.length; i++) {
    const entry = history[i]!;
    const to = i + 1 < history.length ? history[i + 1]!.at : null;
    if (to !== null && to <= entry.at) continue;
    if (!test(entry)) continue;
    const last = out[out.length - 1];
    if (last && last.to === entry.at) last.to = to;
    else out.push({ from: entry.at, to });
  }
  return out;
}

const isDone = (s: StatusChange) => s.category === 'done';

function pauseTest(pauseOn: readonly string[]): (s: StatusChange) => boolean {
  const names = new Set(pauseOn.map((p) => p.toLowerCase()));
  return (s) => names.has(s.status.toLowerCase());
}

/** Union of stretches, sorted and merged where they touch or overlap. */
function union(spans: readonly OpenPause[]): OpenPause[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const out: OpenPause[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && (last.to === null || s.from <= last.to)) {
      if (last.to !== null && (s.to === null || s.to > last.to)) last.to = s.to;
    } else out.push({ ...s });
  }
  return out;
}

/** The parts of sorted, disjoint stretches inside [start, stop] (stop null: from start on). */
function clip(spans: readonly OpenPause[], start: Instant, stop: Instant | null): OpenPause[] {
  const out: OpenPause[] = [];
  for (const s of spans) {
    const from = s.from > start ? s.from : start;
    let to = s.to;
    if (stop !== null && (to === null || to > stop)) to = stop;
    if (to === null || to > from) out.push({ from, to });
  }
  return out;
}

type Event = { at: Instant; kind: 'solve' } | { at: Instant; kind: 'reopen' } | { at: Instant; kind: 'comment'; comment: CommentEvent };

interface Walk {
  /** Whether the ticket was solved when it was created. */
  solvedAtCreation: boolean;
  /** Solves, reopens and comments after creation (comments at creation included), in order. */
  events: Event[];
}

/**
 * The ticket's solves, reopens and comments in time order, status changes first at an instant,
 * comments in input order among themselves.
 */
function walkOf(t: MetricTimeline): Walk {
  const solved = stretches(sortedHistory(t.statusHistory), isDone);
  const events: Event[] = [];
  let solvedAtCreation = false;
  for (const s of solved) {
    if (s.from <= t.created) {
      if (s.to === null || s.to > t.created) solvedAtCreation = true;
    } else events.push({ at: s.from, kind: 'solve' });
    if (s.to !== null && s.to > t.created) events.push({ at: s.to, kind: 'reopen' });
  }
  for (const c of t.comments) events.push({ at: c.at > t.created ? c.at : t.created, kind: 'comment', comment: c });
  const rank = (e: Event) => (e.kind === 'comment' ? 1 : 0);
  events.sort((a, b) => a.at - b.at || rank(a) - rank(b));
  return { solvedAtCreation, events };
}

/** An agent comment that fulfils a reply or update target: public, or any with `internalNotesCount`. */
function fulfils(c: CommentEvent, o: CycleOptions): boolean {
  return c.by === 'agent' && (c.public || o.internalNotesCount === true);
}

/** Collects cycles, at most one running. */
class Cycles {
  readonly list: Cycle[] = [];
  private running: Cycle | null = null;
  begin(at: Instant): void {
    if (this.running) return;
    this.running = { start: at, stop: null, pauses: [] };
    this.list.push(this.running);
  }
  end(at: Instant): void {
    if (!this.running) return;
    this.running.stop = at;
    this.running = null;
  }
}

/**
 * Next reply time: one cycle per exchange, from the oldest end-user public comment not yet
 * answered to the next agent reply (public; internal notes too with `internalNotesCount`).
 * Later end-user comments while a cycle runs do not restart it: the oldest unanswered comment
 * sets the start (Zendesk: next reply "begins with the oldest unanswered customer's comment").
 * Never pauses: status changes other than Solved do not stop reply clocks.
 *
 * Decisions (Zendesk's rules, and where they leave a gap, ours):
 * - **The first exchange is first reply time's.** Zendesk measures replies as one repeating
 *   metric whose first instance is the first reply and whose later instances are next replies
 *   (ticket metric events: `reply_time` `instance_id` 1 is the first reply; Zendesk's own SLA app
 *   maps the two that way). So end-user comments before the first public agent comment start no
 *   cycle here; the first-response clock covers them. The first exchange also ends at a solve, as
 *   the first-response clock stops at resolution when no reply came. Only a *public* agent comment
 *   ends it even with `internalNotesCount`, because the first-response clock stops at the first
 *   public reply and the two must not overlap.
 * - **A solve ends the running cycle** at the solve (met or missed by then): Solved is the one
 *   status change that stops a reply clock, and a solved ticket owes no reply.
 * - **While solved**, end-user comments start nothing; if the ticket is reopened before an agent
 *   answers them, a cycle starts at the reopen (the clock cannot run on a solved ticket). An
 *   end-user comment that itself reopens the ticket (Zendesk's usual case) lands on the reopened
 *   ticket, since status changes come first at an instant, and starts a cycle at once.
 * - **Ties:** an agent comment at the same instant as an end-user comment answers it only if it
 *   comes later in the input; that cycle lasts no time and is met. An agent comment listed
 *   before it answers only older comments, and the end-user comment starts a new cycle.
 */
export function nextReplyCycles(t: MetricTimeline, o: CycleOptions = {}): Cycle[] {
  const { solvedAtCreation, events } = walkOf(t);
  const cycles = new Cycles();
  let solved = solvedAtCreation;
  let firstExchangeOver = solvedAtCreation;
  let waiting = false; // end-user comments made while solved, not answered yet
  for (const e of events) {
    if (e.kind === 'solve') {
      solved = true;
      firstExchangeOver = true;
      waiting = false;
      cycles.end(e.at);
    } else if (e.kind === 'reopen') {
      solved = false;
      if (waiting) cycles.begin(e.at);
      waiting = false;
    } else {
      const c = e.comment;
      if (c.by === 'end-user') {
        if (!c.public || !firstExchangeOver) continue;
        if (solved) waiting = true;
        else cycles.begin(e.at);
      } else {
        if (fulfils(c, o)) {
          cycles.end(e.at);
          waiting = false;
        }
        if (c.public) firstExchangeOver = true;
      }
    }
  }
  return cycles.list;
}

/**
 * Periodic update time: cycles back to back, each from one agent update (public comment; any
 * agent comment with `internalNotesCount`) to the next; the first runs from creation. Never pauses.
 *
 * Decisions:
 * - **A solve ends the running cycle** at the solve, and no cycle runs while the ticket is solved:
 *   a solved ticket owes no updates, and Zendesk lists Solved as what ends the metric. An update
 *   submitted together with the solve (same instant) ends the cycle and starts none, because the
 *   ticket is already solved at that instant.
 * - **A reopen starts a new cycle at the reopen**, as creation starts the first: the ticket is
 *   back in the agents' hands without an update since it was reopened, and the time it spent
 *   solved, when no updates were owed, is not charged to anyone.
 * - An agent update at the instant of another one ends a cycle that lasts no time (met); end-user
 *   comments do nothing.
 */
export function periodicUpdateCycles(t: MetricTimeline, o: CycleOptions = {}): Cycle[] {
  const { solvedAtCreation, events } = walkOf(t);
  const cycles = new Cycles();
  let solved = solvedAtCreation;
  if (!solved) cycles.begin(t.created);
  for (const e of events) {
    if (e.kind === 'solve') {
      solved = true;
      cycles.end(e.at);
    } else if (e.kind === 'reopen') {
      solved = false;
      cycles.begin(e.at);
    } else if (!solved && fulfils(e.comment, o)) {
      cycles.end(e.at);
      cycles.begin(e.at);
    }
  }
  return cycles.list;
}

/**
 * Pausable update time: the cycles of periodic update, paused while the ticket is in a `pauseOn`
 * status (default pending; Zendesk: counts in New, Open and On-hold, pauses on Pending). A pending
 * ticket does not restart the cycle: only an agent update does.
 */
export function pausableUpdateCycles(t: MetricTimeline, o: CycleOptions = {}): Cycle[] {
  const paused = stretches(sortedHistory(t.statusHistory), pauseTest(o.pauseOn ?? DEFAULT_PENDING));
  return periodicUpdateCycles(t, o).map((c) => ({ ...c, pauses: clip(paused, c.start, c.stop) }));
}

/**
 * One clock from creation to the final solve: it pauses in the `pauseOn` statuses, and time spent
 * solved before a reopen is a pause too, so a reopen resumes the clock where the solve left it
 * (Zendesk: requester wait and agent work stop at Solved and resume on reopen). Stopped when the
 * ticket is solved now, at the start of its final solve (a solved ticket closed later stays
 * stopped at the solve); running otherwise.
 */
function untilSolved(t: MetricTimeline, pauseOn: readonly string[]): Cycle {
  const history = sortedHistory(t.statusHistory);
  const solved = stretches(history, isDone);
  const last = solved[solved.length - 1];
  const stop = last && last.to === null ? (last.from > t.created ? last.from : t.created) : null;
  const solvedThenReopened = solved.filter((s) => s.to !== null);
  const pauses = clip(union([...stretches(history, pauseTest(pauseOn)), ...solvedThenReopened]), t.created, stop);
  return { start: t.created, stop, pauses };
}

/** Requester wait time: counts New, Open and On-hold; pauses on `pauseOn` (default pending). */
export function requesterWaitCycle(t: MetricTimeline, o: CycleOptions = {}): Cycle {
  return untilSolved(t, o.pauseOn ?? DEFAULT_PENDING);
}

/** Agent work time: counts New and Open; pauses on `pauseOn` (default pending and on-hold). */
export function agentWorkCycle(t: MetricTimeline, o: CycleOptions = {}): Cycle {
  return untilSolved(t, o.pauseOn ?? DEFAULT_PENDING_HOLD);
}
