/**
 * The wallboard (issue 16 §3): its one setting, and what it reads. All tickets is the popup's own
 * snapshot; one watched scope is the stored tickets its last listing named, counted from the
 * indexed moments (`phase`, `riskAt`, `dueAt`, as ticket-state.ts) and read at the caller's `now`
 * only for the at-risk and breached ones, so `advanceSnapshot` ticks it as it ticks the popup's.
 */
import type { SlaView } from '../view/types';
import type { CalendarSpecs } from '../view/calendars';
import { readScopes, readWatchState } from '../watch/store';
import type { ScopeState } from '../watch/state';
import type { WatchScope } from '../watch/types';
import type { SlaLensDatabase, StoredTicket } from './database';
import { loadPopup, summaryOf, type PopupSnapshot, type SiteSeen } from './popup-query';

export const WALLBOARD_KEY = 'wallboard';

export interface WallboardSettings {
  /** For screens in public spaces: keys and assignees only. */
  hideTitles: boolean;
}

export const DEFAULT_WALLBOARD: WallboardSettings = { hideTitles: false };

/** The settings as stored: anything unusable falls back to the default. */
export function wallboardSettingsFrom(value: unknown): WallboardSettings {
  const v = (value ?? {}) as Partial<Record<keyof WallboardSettings, unknown>>;
  return { hideTitles: v.hideTitles === true };
}

export async function readWallboardSettings(db: SlaLensDatabase): Promise<WallboardSettings> {
  return wallboardSettingsFrom((await db.meta.get(WALLBOARD_KEY))?.value);
}

export async function saveWallboardSettings(db: SlaLensDatabase, settings: WallboardSettings): Promise<WallboardSettings> {
  const clean = wallboardSettingsFrom(settings);
  await db.meta.put({ key: WALLBOARD_KEY, value: clean });
  return clean;
}

/** The popup's snapshot over the tickets `keys` names on `site` (those not stored yet count nowhere). */
export async function loadScopeSnapshot(db: SlaLensDatabase, now: number, site: string, keys: readonly string[]): Promise<PopupSnapshot> {
  const [found, calendars] = await db.transaction('r', [db.tickets, db.calendars], async () =>
    Promise.all([db.tickets.bulkGet(keys.map((key): [string, string] => [site, key])), db.calendars.toArray()]),
  );
  const specs: CalendarSpecs = Object.fromEntries(calendars.map((c) => [c.id, c.spec]));
  const counts = { breached: 0, atRisk: 0, ok: 0, paused: 0, approximate: 0 };
  const urgentRows: StoredTicket[] = [];
  let reloadAt = Infinity;
  const rows = found.filter((r): r is StoredTicket => r !== undefined);
  for (const row of rows) {
    if (row.phase === 'paused') counts.paused++;
    else if (row.phase !== 'running') continue;
    else if (row.dueAt <= now) counts.breached++;
    else if (row.riskAt <= now) counts.atRisk++;
    else {
      counts.ok++;
      reloadAt = Math.min(reloadAt, row.riskAt);
    }
    if (row.phase === 'running' && row.riskAt <= now) urgentRows.push(row);
    counts.approximate += row.approx;
  }
  const urgent = urgentRows.map((r) => summaryOf(r, r.view, specs, now));
  const order = urgent.map((_, i) => i).sort((a, b) => urgent[a]!.dueAt - urgent[b]!.dueAt || urgent[a]!.key.localeCompare(urgent[b]!.key));
  const sites: SiteSeen[] = rows.length > 0 ? [{ site, source: rows[0]!.facts.source, tickets: rows.length }] : [];
  return {
    now,
    counts,
    urgent: order.map((i) => urgent[i]!),
    sites,
    tracked: rows.length,
    reloadAt,
    urgentTotal: counts.breached + counts.atRisk,
    views: order.map((i): SlaView => urgentRows[i]!.view),
    calendars: specs,
  };
}

export interface WallboardData {
  scopes: WatchScope[];
  states: Record<string, ScopeState>;
  /** The scope asked for; undefined: every tracked ticket. */
  scope?: WatchScope;
  /** Null when the scope asked for is not watched (any more). */
  snapshot: PopupSnapshot | null;
  /** The newest of what is shown: a scope's last listing or a ticket last seen (null: nothing yet). */
  updatedAt: number | null;
}

/** Everything the wallboard shows, in one read, so one live query follows it all. */
export async function loadWallboard(db: SlaLensDatabase, now: number, scopeId: string | null): Promise<WallboardData> {
  const [scopes, states] = await Promise.all([readScopes(db), readWatchState(db)]);
  const newest = (...times: Array<number | undefined>) => {
    const known = times.filter((t): t is number => typeof t === 'number' && Number.isFinite(t));
    return known.length > 0 ? Math.max(...known) : null;
  };
  if (scopeId === null) {
    const [snapshot, last] = await Promise.all([loadPopup(db, now), db.tickets.orderBy('lastSeen').last()]);
    return { scopes, states, snapshot, updatedAt: newest(last?.lastSeen, ...scopes.map((s) => states[s.id]?.lastSuccessAt)) };
  }
  const scope = scopes.find((s) => s.id === scopeId);
  if (!scope) return { scopes, states, snapshot: null, updatedAt: null };
  const state = states[scope.id];
  const snapshot = await loadScopeSnapshot(db, now, scope.site, state?.keys ?? []);
  return { scopes, states, scope, snapshot, updatedAt: newest(state?.lastSuccessAt) };
}
