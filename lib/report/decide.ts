/**
 * A target is decided once (issue 17 §1, DESIGN's compliance rule): *met* at the instant its clock
 * stopped within target, *missed* at the instant it breached, whether the clock has stopped since
 * or still runs. It counts in the period in which it was decided, whatever happens after.
 */
import { readView } from '../view/read-view';
import type { CalendarSpecs } from '../view/calendars';
import type { BadgeMetric, ClockView, SlaView } from '../view/types';
import type { TicketFacts } from '../sla/index';

export interface DecidedTarget {
  site: string;
  key: string;
  source: TicketFacts['source'];
  title?: string | undefined;
  url?: string | undefined;
  organization?: string | undefined;
  priority?: string | undefined;
  team?: string | undefined;
  policyId: string;
  policyName: string;
  metric: BadgeMetric;
  /** Which of its metric's cycles (0 for a metric that does not recur, and for the first). */
  cycle: number;
  targetMs: number;
  startedAt: number;
  /** When the target is (or was) reached. */
  dueAt: number;
  /** When the clock stopped; null while it runs (a breached clock still running). */
  stoppedAt: number | null;
  decidedAt: number;
  outcome: 'met' | 'missed';
  /** Business time the clock used, to its stop or to `now`. */
  usedMs: number;
  /** From inferred times or history: counted, and shown apart. */
  approximate: boolean;
}

/** What decide reads of a stored ticket. */
export interface DecidableRow {
  site: string;
  key: string;
  team?: string | undefined;
  view: SlaView;
  facts: TicketFacts;
}

/** The targets of `row` decided by `now`: none for a running clock within target, a paused one, or an unknown view. */
export function decidedTargets(row: DecidableRow, calendars: CalendarSpecs, now: number): DecidedTarget[] {
  const out: DecidedTarget[] = [];
  const { facts } = row;
  // Every cycle of a recurring metric is a target of its own: its earlier cycles are read as clocks beside the shown one.
  const cycleOf = new Map<ClockView, number>();
  const clocks = row.view.clocks.flatMap((shown) => {
    const all = [...(shown.earlier ?? []).map((e): ClockView => ({ ...shown, clock: { ...shown.clock, ...e }, earlier: undefined })), shown];
    all.forEach((c, i) => cycleOf.set(c, i));
    return all;
  });
  const view = clocks.length === row.view.clocks.length ? row.view : { ...row.view, clocks };
  for (const { clock: c, state: s } of readView(view, calendars, now, { moments: false }).clocks) {
    const stop = c.clock.stop ?? null;
    let decidedAt: number;
    let outcome: DecidedTarget['outcome'];
    if (s.state === 'met' && stop !== null) [decidedAt, outcome] = [stop, 'met'];
    else if (s.state === 'missed' || s.state === 'breached') [decidedAt, outcome] = [s.dueAt, 'missed'];
    else continue;
    if (decidedAt > now) continue;
    out.push({
      site: row.site,
      key: row.key,
      source: facts.source,
      title: facts.title,
      url: facts.url,
      organization: facts.organization,
      priority: facts.priority,
      team: row.team,
      policyId: c.policyId,
      policyName: c.policyName || c.policyId,
      metric: c.metric,
      cycle: cycleOf.get(c) ?? 0,
      targetMs: c.clock.targetMs,
      startedAt: c.clock.start,
      dueAt: s.dueAt,
      stoppedAt: stop,
      decidedAt,
      outcome,
      usedMs: s.elapsedMs,
      approximate: !row.view.exact,
    });
  }
  return out;
}
