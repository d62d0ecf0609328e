/**
 * What the popup reads: counts by state, the at-risk and breached tickets most urgent first, the
 * sites seen, and compliance per policy. States are computed from the stored clocks at the
 * caller's `now`, so nothing shown is stale; candidates are found through the store's indexes
 * (`[phase+riskAt]`, `[phase+dueAt]`, `[approx+phase]`, `lastSeen`), and counts never load rows.
 */
import type { SlaView } from '../view/types';
import type { ComplianceBar, StaleTicket, TicketCounts, TicketSummary, ConfigLabel } from '../view/summary';
import type { TicketSource } from '../sla/index';
import type { SlaLensDatabase, StoredTicket } from './database';
import { readTallies } from './tallies';
import type { CalendarSpecs } from '../view/calendars';
import { readAging } from '../view/aging';
import { readView } from '../view/read-view';
import { decidedTargets } from '../report/decide';
import { runningUpTo, urgentCounts } from './ticket-state';

export interface SiteSeen {
  site: string;
  source: TicketSource;
  tickets: number;
}

export interface PopupSnapshot {
  now: number;
  counts: TicketCounts;
  /** At-risk and breached tickets, most urgent first (soonest breach; breached longest ago first). */
  urgent: TicketSummary[];
  sites: SiteSeen[];
  /** Every stored ticket, whatever its state. */
  tracked: number;
  /** When a ticket not in `urgent` turns at-risk: load again then (Infinity: only new data changes it). */
  reloadAt: number;
  /** How many tickets are at risk or breached; more than `urgent` holds when only a first page was loaded. */
  urgentTotal: number;
  /** Stale tickets (an aging flag on), oldest first (issue 18 §2). */
  stale?: StaleTicket[];
  /** Each urgent ticket's view, in `urgent`'s order, and the calendars they name: `advanceSnapshot` reads them at a later `now`. */
  views: SlaView[];
  calendars: CalendarSpecs;
}

/** More rows than the popup's list shows at once. */
export const POPUP_FIRST_PAGE = 40;

export interface LoadOptions {
  /**
   * Only the most urgent this many, for a first render that does not wait for every at-risk
   * ticket; load again without it for grouping, filters and search over all of them.
   */
  firstPage?: number;
}

const DAY = 24 * 60 * 60_000;
const MAX = Infinity;

/** A stored ticket as the popup's and the wallboard's rows show it, read from its view at `now`. */
export function summaryOf(row: StoredTicket, view: SlaView, calendars: CalendarSpecs, now: number): TicketSummary {
  const d = readView(view, calendars, now, { moments: false });
  const shown = d.shown?.clock;
  return {
    site: row.site,
    key: row.key,
    source: row.facts.source,
    title: row.facts.title,
    url: row.facts.url,
    team: row.team,
    assignee: row.facts.assignee,
    policyId: shown?.policyId ?? view.policyId,
    policyName: shown?.policyName ?? view.policyName,
    metric: d.metric,
    state: d.state,
    dueAt: d.dueAt,
    remainingMs: d.remainingMs,
    businessTime: shown?.businessTime ?? false,
    exact: view.exact,
    firstSeen: row.firstSeen,
    lastSeen: row.lastSeen,
  };
}

/** Most urgent first: the soonest breach (a breach long ago before a recent one), then by key. */
function byUrgency(a: TicketSummary, b: TicketSummary): number {
  return a.dueAt - b.dueAt || a.site.localeCompare(b.site) || a.key.localeCompare(b.key);
}

export async function calendarsOf(db: SlaLensDatabase): Promise<CalendarSpecs> {
  return Object.fromEntries((await db.calendars.toArray()).map((c) => [c.id, c.spec]));
}

export async function loadPopup(db: SlaLensDatabase, now: number, options: LoadOptions = {}): Promise<PopupSnapshot> {
  return db.transaction('r', [db.tickets, db.calendars, db.meta], async () => {
    // Phases, sites and exactness change only with writes: their totals are kept by the writes.
    // What depends on now (at risk, breached) is counted over its own, small, index ranges.
    const page = options.firstPage;
    const [tallies, { breached, atRisk }, urgentRows, nextRisk, calendars, staleRows] = await Promise.all([
      readTallies(db),
      urgentCounts(db, now),
      // By due instant: at-risk and breached tickets breach first, so the walk stops early.
      page === undefined
        ? runningUpTo(db, '[phase+riskAt]', now).toArray()
        : runningUpTo(db, '[phase+dueAt]', MAX)
            .filter((r) => r.riskAt <= now)
            .limit(page)
            .toArray(),
      db.tickets.where('[phase+riskAt]').between(['running', now], ['running', MAX], false, true).first(),
      calendarsOf(db),
      // Stale since `staleAt`; the rows are few (a flag marks what has waited too long).
      db.tickets.where('staleAt').belowOrEqual(now).toArray(),
    ]);
    const stale = staleRows.flatMap((row) => staleOf(row, calendars, now)).sort((a, b) => a.since - b.since);
    const views = urgentRows.map((r) => r.view);
    const urgent = urgentRows.map((r) => summaryOf(r, r.view, calendars, now));
    const order = urgent.map((_, i) => i).sort((a, b) => byUrgency(urgent[a]!, urgent[b]!));
    const snapshot: PopupSnapshot = {
      now,
      counts: {
        breached,
        atRisk,
        ok: tallies.phases.running - breached - atRisk,
        paused: tallies.phases.paused,
        approximate: tallies.approx.running + tallies.approx.paused,
        stale: stale.length,
      },
      stale,
      urgent: order.map((i) => urgent[i]!),
      sites: Object.entries(tallies.sites)
        .map(([site, { source, tickets }]) => ({ site, source, tickets }))
        .sort((a, b) => a.site.localeCompare(b.site)),
      tracked: tallies.total,
      reloadAt: nextRisk?.riskAt ?? Infinity,
      urgentTotal: breached + atRisk,
      views: order.map((i) => views[i]!),
      calendars,
    };
    return snapshot;
  });
}

/** What flags a stale row at `now`: its oldest stale watch. */
function staleOf(row: StoredTicket, calendars: CalendarSpecs, now: number): StaleTicket[] {
  const on = readAging(row.view.aging, calendars, now).stale;
  if (!on) return [];
  return [
    { site: row.site, key: row.key, source: row.facts.source, title: row.facts.title, url: row.facts.url, kind: on.kind, since: on.since, ...(on.status !== undefined ? { status: on.status } : {}) },
  ];
}

/** The same snapshot at a later `now`: the urgent tickets' states and countdowns, counts adjusted. Pure. */
export function advanceSnapshot(snapshot: PopupSnapshot, now: number): PopupSnapshot {
  let breached = 0;
  const urgent = snapshot.urgent.map((t, i) => {
    const d = readView(snapshot.views[i]!, snapshot.calendars, now, { moments: false });
    if (d.state === 'breached') breached++;
    return { ...t, state: d.state, metric: d.metric, dueAt: d.dueAt, remainingMs: d.remainingMs };
  });
  const wasBreached = snapshot.urgent.filter((t) => t.state === 'breached').length;
  const moved = breached - wasBreached;
  return { ...snapshot, now, urgent, counts: { ...snapshot.counts, breached: snapshot.counts.breached + moved, atRisk: snapshot.counts.atRisk - moved } };
}

/**
 * Per policy, the tickets whose target was decided in the last `days` days, among those seen in
 * that time: met when every decided target of the policy was met, missed when one was not. A
 * target is decided when its clock stops, or when it breaches while still running.
 */
export async function loadCompliance(db: SlaLensDatabase, now: number, days: number): Promise<ComplianceBar[]> {
  const since = now - days * DAY;
  const [rows, calendars] = await db.transaction('r', [db.tickets, db.calendars], () => Promise.all([db.tickets.where('lastSeen').aboveOrEqual(since).toArray(), calendarsOf(db)]));
  const bars = new Map<string, ComplianceBar>();
  for (const row of rows) {
    const outcome = new Map<string, { missed: ComplianceBar['missedTickets'][number] | null }>();
    // The report's decisions: every cycle of a recurring metric counts (issue 18), each at the instant it was decided.
    for (const t of decidedTargets(row, calendars, now)) {
      if (t.decidedAt < since) continue;
      if (!bars.has(t.policyId)) bars.set(t.policyId, { policyId: t.policyId, policyName: t.policyName, met: 0, missed: 0, missedTickets: [] });
      const was = outcome.get(t.policyId);
      const missed = t.outcome === 'met' ? null : { site: row.site, key: row.key, source: row.facts.source, title: row.facts.title, url: row.facts.url, metric: t.metric, dueAt: t.dueAt };
      if (!was || (was.missed === null && missed)) outcome.set(t.policyId, { missed });
    }
    for (const [policyId, { missed }] of outcome) {
      const bar = bars.get(policyId)!;
      if (missed) {
        bar.missed++;
        bar.missedTickets.push(missed);
      } else bar.met++;
    }
  }
  const out = [...bars.values()];
  for (const bar of out) bar.missedTickets.sort((a, b) => b.dueAt - a.dueAt);
  return out.sort((a, b) => a.policyName.localeCompare(b.policyName));
}

/** What the background keeps in `storage.session` for the popup's first paint (no Dexie needed). */

export interface StoredSnapshot {
  snapshot: Omit<PopupSnapshot, 'reloadAt'> & { reloadAt: number | null };
  config: ConfigLabel | null;
}

/** A snapshot in a form extension storage keeps (JSON: Infinity would come back as null). */
export function storableSnapshot(snapshot: PopupSnapshot, config: StoredSnapshot['config']): StoredSnapshot {
  return { snapshot: { ...snapshot, reloadAt: Number.isFinite(snapshot.reloadAt) ? snapshot.reloadAt : null }, config };
}

/** The snapshot back from storage, ready for `advanceSnapshot`; null when it is not one of ours. */
export function restoreSnapshot(value: unknown): { snapshot: PopupSnapshot; config: StoredSnapshot['config'] } | null {
  const v = value as StoredSnapshot | undefined;
  const s = v?.snapshot;
  if (!s || !Array.isArray(s.urgent) || !Array.isArray(s.views) || s.views.length !== s.urgent.length || typeof s.calendars !== 'object' || s.calendars === null) return null;
  return { snapshot: { ...s, reloadAt: s.reloadAt ?? Infinity }, config: v.config ?? null };
}
