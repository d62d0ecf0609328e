/**
 * One round of watching (issue 16 §2), run by the background on its alarm or when scopes change:
 * every due scope is listed on its site; then, a site at a time, the tickets that joined, left or
 * changed are read together through the overlay's own enrichment, and the approximate ones and
 * the next in rotation take what is left of the round's requests; what was read is recorded in
 * the same store as the tickets seen on pages (one ticket, one row). Rounds take turns; a site's
 * scopes have their state written as soon as the site is done, so a service worker stopped
 * mid-round lists the rest again from where their last round left them.
 */
import type { SlaLensDatabase } from '../db/database';
import type { TicketFacts } from '../sla/index';
import { afterListing, changesSince, emptyScopeState, newlyChanged, planReads, WATCH_DEFAULT_MINUTES, type ReadPlan, type ScopeState } from './state';
import { approximateKeys, keepStatesOf, readScopes, readWatchState, writeScopeState } from './store';
import type { ScopeFailure, ScopeListing, WatchScope } from './types';

export interface ReadOutcome {
  facts: TicketFacts[];
  /** Why some of the tickets could not be read (their site's failure), if any could not. */
  failure?: { failure: ScopeFailure; message: string };
}

export interface WatchDeps {
  db: SlaLensDatabase;
  now(): number;
  /**
   * Lists the scope on its site (lib/watch/jira.ts, zendesk.ts), saying which tickets changed
   * since `since` where it can; `previous` is what the last listing held, for a lister that can
   * follow a scope rather than list it whole.
   */
  list(scope: WatchScope, signal: AbortSignal, since?: number, previous?: PreviousListing): Promise<ScopeListing>;
  /** Reads these tickets' facts through the site's enrichment; `fresh`: however recently they were read (they changed). */
  read(scope: WatchScope, keys: readonly string[], signal: AbortSignal, fresh?: boolean): Promise<ReadOutcome>;
  /** Records the facts as the overlays' sightings are recorded. */
  record(scope: WatchScope, facts: readonly TicketFacts[]): Promise<void>;
  /**
   * Whether a scope's tickets that did not change are read again in turn (default yes): not where
   * each read costs a request of its own (Zendesk's audits), once the site says what changed.
   */
  rotateExact?(scope: WatchScope): boolean;
  /** Minutes between rounds (default 2). */
  intervalMinutes?: number;
  /** Requests the sources have sent so far (a running count): what lets a round keep to `roundRequests`. Without it, a round reads every turn. */
  spent?(): number;
  /** The round's requests (default `ROUND_REQUESTS`). */
  roundRequests?: number;
  /** Tickets one request reads on the scope's site: 100 for a search or a Show Many, 1 where each costs a request of its own (Zendesk's audits). Default 100. */
  perRequest?(scope: WatchScope): number;
}

/**
 * Requests a round makes at most beyond what it must (issue 16 §4: 30 a refresh round): the
 * listings and the tickets that joined, left or changed are read whatever they cost; the tickets
 * stored approximate and the rotation take what is left, and wait for a later round past it.
 */
export const ROUND_REQUESTS = 30;

interface Planned {
  scope: WatchScope;
  before: ScopeState;
  listing: Extract<ScopeListing, { ok: true }>;
  plan: ReadPlan;
}

export interface PreviousListing {
  keys: readonly string[];
  walk?: number;
}

export interface RoundReport {
  /** Scopes listed this round, by id, with how it went. */
  listed: Array<{ id: string; ok: boolean; tickets: number; read: number; requests: number }>;
}

export function createWatchRunner(deps: WatchDeps) {
  let turn: Promise<unknown> = Promise.resolve();
  const intervalMs = () => (deps.intervalMinutes ?? WATCH_DEFAULT_MINUTES) * 60_000;

  async function round(force: boolean, only: ReadonlySet<string> | null, signal: AbortSignal): Promise<RoundReport> {
    const scopes = await readScopes(deps.db);
    await keepStatesOf(deps.db, new Set(scopes.map((s) => s.id)));
    const states = await readWatchState(deps.db);
    const report: RoundReport = { listed: [] };
    const spentAtStart = deps.spent?.() ?? 0;
    const allowance = deps.roundRequests ?? ROUND_REQUESTS;

    // Every due scope listed first, so what must be read on a site is read together, and what
    // can wait shares what the round has left.
    const planned: Planned[] = [];
    for (const scope of scopes) {
      if (signal.aborted) break;
      if (only && !only.has(scope.id)) continue;
      const now = deps.now();
      const before = states[scope.id] ?? emptyScopeState(now);
      if (!force && before.nextTryAt > now) continue;
      const since = changesSince(before);
      const listing = await deps.list(scope, signal, since, since === undefined ? undefined : { keys: before.keys, ...(before.walk !== undefined ? { walk: before.walk } : {}) });
      if (!listing.ok) {
        await writeScopeState(deps.db, scope.id, afterListing(before, listing, before.cursor, deps.now(), intervalMs()));
        report.listed.push({ id: scope.id, ok: false, tickets: 0, read: 0, requests: listing.requests });
        continue;
      }
      // Tickets read without their history (the audit budget ran out) are read again first.
      const approximate = await approximateKeys(deps.db, scope.site);
      const rotateExact = !listing.changed || (deps.rotateExact?.(scope) ?? true);
      const changed = newlyChanged(listing.changed, listing.stamps, before.readStamps);
      planned.push({ scope, before, listing, plan: planReads(before, listing.keys, changed, { approximate, rotateExact }) });
    }

    const sites = [...new Set(planned.map((p) => p.scope.site))];
    for (const [i, site] of sites.entries()) {
      const mine = planned.filter((p) => p.scope.site === site);
      const read = new Set<string>();
      let failure: ReadOutcome['failure'];
      const readNow = async (keys: string[], changed: boolean) => {
        const unread = keys.filter((k) => !read.has(k));
        if (unread.length === 0 || signal.aborted) return;
        const outcome = await deps.read(mine[0]!.scope, unread, signal, changed);
        for (const f of outcome.facts) read.add(f.key);
        failure ??= outcome.failure;
        if (outcome.facts.length > 0) await deps.record(mine[0]!.scope, outcome.facts);
      };
      await readNow(
        mine.flatMap((p) => p.plan.must),
        true,
      );
      // The turns share what is left of the round's requests with the sites still to come, a ticket of each scope in turn.
      const queues = mine.map((p) => ({ keys: p.plan.turn, at: 0 }));
      const perRequest = deps.perRequest?.(mine[0]!.scope) ?? 100;
      for (;;) {
        const left = Math.floor((allowance - ((deps.spent?.() ?? 0) - spentAtStart)) / (sites.length - i));
        // A request for the facts, and one for each ticket where each costs its own (Zendesk's audits).
        const fits = deps.spent ? (perRequest === 1 ? left - 1 : left * perRequest) : Infinity;
        const most = Math.min(fits, perRequest === 1 ? 100 : perRequest);
        const chunk: string[] = [];
        for (let progressed = true; progressed && chunk.length < most;) {
          progressed = false;
          for (const q of queues) {
            while (q.at < q.keys.length && (read.has(q.keys[q.at]!) || chunk.includes(q.keys[q.at]!))) q.at++;
            if (chunk.length < most && q.at < q.keys.length) {
              chunk.push(q.keys[q.at++]!);
              progressed = true;
            }
          }
        }
        if (chunk.length === 0 || signal.aborted || failure) break;
        await readNow(chunk, false);
      }
      for (const [j, p] of mine.entries()) {
        const taken = queues[j]!.at;
        const cursor = taken >= p.plan.turn.length ? p.plan.cursor : p.plan.cursorAfter(taken);
        const after = afterListing(p.before, p.listing, cursor, deps.now(), intervalMs(), failure);
        const stamps = p.listing.stamps ?? {};
        const readStamps = Object.fromEntries(Object.entries(stamps).filter(([k]) => read.has(k)));
        await writeScopeState(deps.db, p.scope.id, Object.keys(readStamps).length > 0 ? { ...after, readStamps } : after);
        const ofScope = new Set([...p.plan.must, ...p.plan.turn]);
        report.listed.push({ id: p.scope.id, ok: true, tickets: p.listing.keys.length, read: [...read].filter((k) => ofScope.has(k)).length, requests: p.listing.requests });
      }
    }
    return report;
  }

  return {
    /**
     * Lists every due scope (every scope with `force`, or only those named by `only`). Rounds
     * take turns, so two alarms never read the same scope at once.
     */
    run(options: { force?: boolean; only?: readonly string[]; signal?: AbortSignal } = {}): Promise<RoundReport> {
      const signal = options.signal ?? new AbortController().signal;
      const go = () => round(options.force ?? false, options.only ? new Set(options.only) : null, signal);
      const mine = turn.then(go, go);
      turn = mine.catch(() => undefined);
      return mine;
    },
  };
}
