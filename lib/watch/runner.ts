/**
 * One round of watching (issue 16 §2), run by the background on its alarm or when scopes change:
 * each due scope is listed on its site, the tickets that joined or left it and the next ones in
 * rotation are read through the overlay's own enrichment, and what was read is recorded in the
 * same store as the tickets seen on pages (one ticket, one row). Rounds take turns; each scope's
 * state is written as soon as its part is done, so a service worker stopped mid-round goes on
 * where it was.
 */
import type { SlaLensDatabase } from '../db/database';
import type { TicketFacts } from '../sla/index';
import { afterListing, changesSince, emptyScopeState, planReads, WATCH_DEFAULT_MINUTES } from './state';
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
  /** Reads these tickets' facts through the site's enrichment. */
  read(scope: WatchScope, keys: readonly string[], signal: AbortSignal): Promise<ReadOutcome>;
  /** Records the facts as the overlays' sightings are recorded. */
  record(scope: WatchScope, facts: readonly TicketFacts[]): Promise<void>;
  /**
   * Whether a scope's tickets that did not change are read again in turn (default yes): not where
   * each read costs a request of its own (Zendesk's audits), once the site says what changed.
   */
  rotateExact?(scope: WatchScope): boolean;
  /** Minutes between rounds (default 2). */
  intervalMinutes?: number;
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
      const plan = planReads(before, listing.keys, listing.changed, { approximate, rotateExact });
      const outcome = plan.read.length > 0 ? await deps.read(scope, plan.read, signal) : { facts: [] };
      if (outcome.facts.length > 0) await deps.record(scope, outcome.facts);
      await writeScopeState(deps.db, scope.id, afterListing(before, listing, plan.cursor, deps.now(), intervalMs(), outcome.failure));
      report.listed.push({ id: scope.id, ok: true, tickets: listing.keys.length, read: outcome.facts.length, requests: listing.requests });
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
