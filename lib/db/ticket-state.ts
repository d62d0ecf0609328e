/**
 * What a stored ticket's clocks say at a given instant, and the few numbers the store indexes so
 * the popup, the toolbar count and the alerts find tickets without evaluating every one:
 *
 * - `phase` changes only with new facts: `running` (some clock runs, or is breached), `paused`,
 *   `stopped`, `none`, `unknown`;
 * - `riskAt` and `dueAt`, for a running ticket, are when its most urgent clock turns at-risk and
 *   breaches if nothing changes. So at any `now`: breached ⟺ dueAt ≤ now; at risk ⟺ riskAt ≤ now
 *   < dueAt; ok otherwise. A read re-evaluates the clocks of the rows it shows, with its own `now`.
 */
import type { BadgeMetric, BadgeState, SlaView, TicketPhase } from '../view/types';
export type { TicketPhase } from '../view/types';
import { atRiskFrom, compileCalendar, evaluateClock, type Calendar, type CalendarSpec } from '../sla/index';
import type { SlaLensDatabase } from './database';


export interface DerivedState {
  phase: TicketPhase;
  /** The badge's state at `now`. */
  state: BadgeState;
  metric: BadgeMetric | null;
  /** When the shown clock breaches (or did); Infinity when it never will. */
  dueAt: number;
  /** Business time left on the shown clock; negative once breached; Infinity without a clock. */
  remainingMs: number;
  /** When the ticket turns at-risk, for a running one; Infinity otherwise. */
  riskAt: number;
}

export type CalendarSpecs = Readonly<Record<string, CalendarSpec>>;

/**
 * Running tickets whose moment (`riskAt`: turning at-risk, `dueAt`: breaching) is at most `upTo`,
 * in that order: at-risk-or-worse at `now` is `[phase+riskAt]` up to now, breached `[phase+dueAt]`.
 */
export function runningUpTo(db: SlaLensDatabase, index: '[phase+riskAt]' | '[phase+dueAt]', upTo: number) {
  return db.tickets.where(index).between(['running', -Infinity], ['running', upTo], true, true);
}

/** Breached and at-risk tickets at `now`, counted over their own (small) index ranges. */
export async function urgentCounts(db: SlaLensDatabase, now: number): Promise<{ breached: number; atRisk: number }> {
  const [breached, riskOrWorse] = await Promise.all([runningUpTo(db, '[phase+dueAt]', now).count(), runningUpTo(db, '[phase+riskAt]', now).count()]);
  return { breached, atRisk: riskOrWorse - breached };
}

// Compiled once per spec object: compiling again would drop the engine's cached blocks.
const compiled = new WeakMap<CalendarSpec, Calendar>();
let always: Calendar | undefined;

/** The compiled calendar for a clock, or null when the configuration no longer has it. */
export function calendarFrom(specs: CalendarSpecs, id: string): Calendar | null {
  if (id === '24x7' && !specs[id]) return (always ??= compileCalendar('24x7'));
  const spec = specs[id];
  if (spec === undefined) return null;
  let cal = compiled.get(spec);
  if (!cal) compiled.set(spec, (cal = compileCalendar(spec)));
  return cal;
}

const RANK: Record<string, number> = { breached: 0, 'at-risk': 1, ok: 2, paused: 2, missed: 3, met: 3 };

/**
 * The ticket's state at `now`, as its badge would show it: the most urgent running clock
 * (breached, then at risk, then the least time left), else the resolution clock's met / missed.
 */
export function deriveState(view: SlaView, specs: CalendarSpecs, now: number): DerivedState {
  const none = (phase: TicketPhase, state: BadgeState): DerivedState => ({ phase, state, metric: null, dueAt: Infinity, remainingMs: Infinity, riskAt: Infinity });
  if (view.kind === 'none') return none('none', 'none');
  if (view.kind !== 'clocks' || view.clocks.length === 0) return none('unknown', 'unknown');
  let best: { state: BadgeState; metric: BadgeMetric; dueAt: number; remainingMs: number } | null = null;
  let running = false;
  let paused = false;
  let riskAt = Infinity;
  let dueAt = Infinity;
  for (const c of view.clocks) {
    const cal = calendarFrom(specs, c.calendarId);
    if (!cal) return none('unknown', 'unknown');
    const s = evaluateClock(cal, c.clock, now);
    if (s.state === 'ok' || s.state === 'at-risk' || s.state === 'breached') {
      running = true;
      riskAt = Math.min(riskAt, atRiskFrom(cal, c.clock, now));
      dueAt = Math.min(dueAt, s.dueAt);
    } else if (s.state === 'paused') paused = true;
    const r = RANK[s.state]!;
    const rb = best ? RANK[best.state]! : Infinity;
    const better = r < rb || (r === rb && (r < 3 ? s.remainingMs < best!.remainingMs : c.metric === 'resolution' && best!.metric !== 'resolution'));
    if (better) best = { state: s.state, metric: c.metric, dueAt: s.dueAt, remainingMs: s.remainingMs };
  }
  const shown = best!;
  // A breached clock turned at-risk before it breached; riskAt only needs to be no later than now.
  return { phase: running ? 'running' : paused ? 'paused' : 'stopped', state: shown.state, metric: shown.metric, dueAt: running ? dueAt : shown.dueAt, remainingMs: shown.remainingMs, riskAt: running ? Math.min(riskAt, dueAt) : Infinity };
}
