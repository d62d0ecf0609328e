/**
 * A ticket's SLA clocks under the active configuration: which policy sets each metric's target,
 * when each clock started, paused and stopped. Pure; the background runs it for every ticket an
 * overlay reports, and the content script ticks the result locally with the engine.
 */
import { listAnd, t } from '../i18n/core';
import type { AgingView, BadgeMetric, ClockView, SlaView } from '../view/types';
import { agentWorkCycle, agingWatches, nextReplyCycles, pausableUpdateCycles, periodicUpdateCycles, requesterWaitCycle } from '../sla/index';
import type { Cycle, CycleOptions, MetricTimeline, OpenPause, StatusChange, TicketFacts } from '../sla/index';
import { matchPolicy, policyMatches, type MetricName } from './match';
import { BADGE_METRIC, type NoteMetric } from './metrics';
import { metricLabel } from './format';
import type { ResolvedConfig, ResolvedPolicy } from './types';

const METRICS: ReadonlyArray<[MetricName, BadgeMetric]> = [
  ['resolution', 'resolution'],
  ['firstResponse', 'first-response'],
];

/**
 * The clocks that run in cycles over the ticket's timeline (issue 18; lib/sla/cycles.ts), with
 * the statuses each pauses on by itself, as Zendesk's metrics do: a policy's `pauseOn` adds to
 * these (a Jira workflow's "Waiting for customer" is its pending), and does not touch next reply
 * or periodic update, which never pause.
 */
const CYCLE_METRICS: ReadonlyArray<{ name: MetricName; paused: readonly string[]; comments: boolean; cycles: (t: MetricTimeline, o: CycleOptions) => Cycle[] }> = [
  { name: 'nextReply', paused: [], comments: true, cycles: nextReplyCycles },
  { name: 'periodicUpdate', paused: [], comments: true, cycles: periodicUpdateCycles },
  { name: 'pausableUpdate', paused: ['pending'], comments: true, cycles: pausableUpdateCycles },
  { name: 'requesterWait', paused: ['pending'], comments: false, cycles: (t, o) => [requesterWaitCycle(t, o)] },
  { name: 'agentWork', paused: ['pending', 'hold'], comments: false, cycles: (t, o) => [agentWorkCycle(t, o)] },
];

/** The cycle a badge shows: the one running, else the last one (met or missed). */
const shownCycle = (cycles: readonly Cycle[]): Cycle | undefined => cycles.find((c) => c.stop === null) ?? cycles[cycles.length - 1];

function cycleOptions(policy: ResolvedPolicy, name: MetricName, paused: readonly string[]): CycleOptions {
  const pauseOn = paused.length > 0 ? [...new Set([...paused, ...policy.pauseOn])] : [];
  const notes = policy.internalNotesCount?.includes(name as NoteMetric) ?? false;
  return { pauseOn, internalNotesCount: notes };
}

/**
 * The status intervals that stop the clock: every stretch spent in one of `pauseOn` (lower-cased),
 * the last one still open when the ticket is in it now.
 */
export function pausesFrom(history: readonly StatusChange[], pauseOn: readonly string[]): OpenPause[] {
  if (pauseOn.length === 0) return [];
  const pauses: OpenPause[] = [];
  history.forEach((entry, i) => {
    if (!pauseOn.includes(entry.status.toLowerCase())) return;
    const next = history[i + 1];
    const last = pauses[pauses.length - 1];
    // Two pause statuses in a row are one pause.
    if (last && last.to === entry.at) last.to = next ? next.at : null;
    else pauses.push({ from: entry.at, to: next ? next.at : null });
  });
  return pauses;
}

export interface ViewOptions {
  /**
   * Statuses the background observed for this ticket over time, used when the site gave no
   * history; figures built on them are approximate.
   */
  observed?: readonly StatusChange[];
}

/** Done, as far as the source says: the current status's category, or the last one in its history. */
function isDone(ticket: TicketFacts): boolean {
  if (ticket.statusCategory === 'done') return true;
  return ticket.statusHistory?.[ticket.statusHistory.length - 1]?.category === 'done';
}

export function viewFor(config: ResolvedConfig, ticket: TicketFacts, options: ViewOptions = {}): SlaView {
  // Done, but not since when (facts from the page): a running clock would be a confident wrong figure.
  if (ticket.resolvedAt == null && isDone(ticket)) {
    return { key: ticket.key, kind: 'unknown', clocks: [], exact: false, note: t('note_resolved_unknown_when') };
  }
  const clocks: ClockView[] = [];
  let history: readonly StatusChange[] | undefined = ticket.statusHistory;
  let exact = ticket.exact;
  let note: string | undefined;
  if (!history) {
    exact = false;
    history = options.observed && options.observed.length > 0 ? options.observed : ticket.status ? [{ at: ticket.created, status: ticket.status }] : [];
    note = options.observed?.length ? t('note_no_history_observed') : t('note_no_history');
  }
  for (const [name, metric] of METRICS) {
    const match = matchPolicy(config, ticket, name);
    if (!match) continue;
    const { policy, targetMs } = match;
    const stop = name === 'resolution' ? (ticket.resolvedAt ?? null) : (ticket.firstResponseAt ?? ticket.resolvedAt ?? null);
    clocks.push({
      metric,
      policyId: policy.id,
      policyName: policy.name,
      calendarId: policy.calendarId,
      businessTime: policy.calendarId !== '24x7',
      clock: { start: ticket.created, targetMs, pauses: pausesFrom(history ?? [], policy.pauseOn), stop, warnAt: policy.warnAt },
    });
  }
  const commentsMissing: string[] = [];
  for (const { name, paused, comments, cycles } of CYCLE_METRICS) {
    const match = matchPolicy(config, ticket, name);
    if (!match) continue;
    // Without the whole thread a reply clock would start and stop in the wrong places: not shown, and said.
    if (comments && ticket.comments === undefined) {
      commentsMissing.push(metricLabel(name));
      continue;
    }
    const { policy, targetMs } = match;
    const all = cycles({ created: ticket.created, statusHistory: history ?? [], comments: ticket.comments ?? [] }, cycleOptions(policy, name, paused));
    const cycle = shownCycle(all);
    // Nothing owed yet (no message waiting for a reply): no clock.
    if (!cycle) continue;
    const earlier = all.slice(0, all.indexOf(cycle));
    clocks.push({
      metric: BADGE_METRIC[name],
      policyId: policy.id,
      policyName: policy.name,
      calendarId: policy.calendarId,
      businessTime: policy.calendarId !== '24x7',
      clock: { start: cycle.start, targetMs, pauses: cycle.pauses, stop: cycle.stop, warnAt: policy.warnAt },
      ...(earlier.length > 0 ? { earlier } : {}),
    });
  }
  if (commentsMissing.length > 0) {
    exact = false;
    const missing = t('note_comments_missing', { metrics: listAnd(commentsMissing) });
    note = note ? t('note_and', { first: note, second: missing }) : missing;
  }
  const aging = agingOf(config, ticket, history);
  const agingView = aging ? { aging } : {};
  // The tool's own SLA state, shown beside ours; where the tool keeps one, "not reported" is kept apart from "none".
  const vendor = ticket.vendorSla !== undefined ? { vendor: ticket.vendorSla } : ticket.vendorSlaExpected ? { vendor: null } : {};
  if (clocks.length === 0) return { key: ticket.key, kind: 'none', clocks: [], exact: true, ...vendor, ...agingView };
  const lead = clocks[0]!;
  return { key: ticket.key, kind: 'clocks', policyId: lead.policyId, policyName: lead.policyName, clocks, exact, ...(note ? { note } : {}), ...vendor, ...agingView };
}

/**
 * The aging flags of the first policy that matches the ticket and defines them, and what the data
 * cannot support, for the tooltip (no flag without data).
 */
function agingOf(config: ResolvedConfig, ticket: TicketFacts, history: readonly StatusChange[] | undefined): AgingView | null {
  const policy = config.policies.find((p) => p.aging && policyMatches(p, ticket));
  if (!policy?.aging) return null;
  const rule = policy.aging;
  // An observed or guessed history is no ground for "in this status since": only the site's own.
  const { watches, unknown } = agingWatches(
    { created: ticket.created, statusHistory: ticket.statusHistory ? history : undefined, comments: ticket.comments, done: isDone(ticket) || ticket.resolvedAt != null },
    rule,
  );
  const words = unknown.map((k) => (k === 'no-update' ? t('aging_unknown_update') : t('aging_unknown_status')));
  return { policyId: policy.id, calendarId: policy.calendarId ?? '24x7', watches, ...(words.length > 0 ? { unknown: listAnd(words) } : {}) };
}

/** Only the calendars the views refer to, so the content script compiles no more than it needs. */
export function calendarsFor(config: ResolvedConfig, views: readonly SlaView[]): ResolvedConfig['calendars'] {
  const ids = new Set(views.flatMap((v) => [...v.clocks.map((c) => c.calendarId), ...(v.aging ? [v.aging.calendarId] : [])]));
  return Object.fromEntries(Object.entries(config.calendars).filter(([id]) => ids.has(id)));
}
