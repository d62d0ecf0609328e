/**
 * Where watched scopes live (issue 16 §1): the team's come with the active configuration
 * (`watch`), a person's are kept in the database beside it, and each scope's state between rounds
 * (state.ts) too, so a service worker stopped mid-round loses nothing.
 */
import Dexie from 'dexie';
import { withWatch } from '../config/watch';
import { activeVersion } from '../db/active-version';
import { t, tp } from '../i18n/core';
import type { SlaLensDatabase } from '../db/database';
import { storedScopeStates, type ScopeState } from './state';
import type { ScopeQuery, WatchScope } from './types';

export const PERSONAL_SCOPES_KEY = 'watchScopes';
export const WATCH_STATE_KEY = 'watchState';
/** A person's own scopes: the configuration's `watch` allows 50, a person as many again. */
export const MAX_PERSONAL_SCOPES = 50;

function storedScopes(value: unknown): WatchScope[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (s): s is WatchScope => !!s && typeof s === 'object' && typeof (s as WatchScope).id === 'string' && typeof (s as WatchScope).site === 'string' && typeof (s as WatchScope).query === 'object',
  );
}

export async function readPersonalScopes(db: SlaLensDatabase): Promise<WatchScope[]> {
  return storedScopes((await db.meta.get(PERSONAL_SCOPES_KEY))?.value);
}

/** The team's scopes (the active version's `watch`: its document alone, no policy or calendar read), then this person's. */
export async function readScopes(db: SlaLensDatabase): Promise<WatchScope[]> {
  const [version, personal] = await Promise.all([activeVersion(db), readPersonalScopes(db)]);
  return [...((version && withWatch(version.document).watch) ?? []), ...personal];
}

/** Whether two scopes ask the same of a site (the configuration's ids and a person's are normalised alike). */
export const sameQuery = (a: ScopeQuery, b: ScopeQuery) => JSON.stringify(a) === JSON.stringify(b);

export class ScopeRefused extends Error {}

/** Adds a person's scope; refuses one already watched (theirs or the team's) and one past the limit. */
export async function addPersonalScope(db: SlaLensDatabase, scope: { site: string; name?: string; query: ScopeQuery }, id = `personal:${crypto.randomUUID()}`): Promise<WatchScope> {
  return db.transaction('rw', [db.meta, db.configVersions], async () => {
    const [all, personal] = await Promise.all([readScopes(db), readPersonalScopes(db)]);
    const twin = all.find((s) => s.site === scope.site && sameQuery(s.query, scope.query));
    if (twin) throw new ScopeRefused(twin.origin === 'team' ? t('watch_store_team_has') : t('watch_store_already'));
    if (personal.length >= MAX_PERSONAL_SCOPES) throw new ScopeRefused(tp('watch_store_limit', MAX_PERSONAL_SCOPES));
    const added: WatchScope = { id, site: scope.site, query: scope.query, origin: 'personal', ...(scope.name ? { name: scope.name } : {}) };
    await db.meta.put({ key: PERSONAL_SCOPES_KEY, value: [...personal, added] });
    return added;
  });
}

export async function removePersonalScope(db: SlaLensDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const personal = await readPersonalScopes(db);
    await db.meta.put({ key: PERSONAL_SCOPES_KEY, value: personal.filter((s) => s.id !== id) });
    const states = await readWatchState(db);
    if (id in states) {
      delete states[id];
      await db.meta.put({ key: WATCH_STATE_KEY, value: states });
    }
  });
}

export async function readWatchState(db: SlaLensDatabase): Promise<Record<string, ScopeState>> {
  return storedScopeStates((await db.meta.get(WATCH_STATE_KEY))?.value);
}

/** One scope's state, written as soon as its round is over. */
export async function writeScopeState(db: SlaLensDatabase, id: string, state: ScopeState): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const states = await readWatchState(db);
    await db.meta.put({ key: WATCH_STATE_KEY, value: { ...states, [id]: state } });
  });
}

/** Forgets the state of scopes no longer watched (a configuration that dropped them). */
export async function keepStatesOf(db: SlaLensDatabase, ids: ReadonlySet<string>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const states = await readWatchState(db);
    const kept = Object.fromEntries(Object.entries(states).filter(([id]) => ids.has(id)));
    if (Object.keys(kept).length !== Object.keys(states).length) await db.meta.put({ key: WATCH_STATE_KEY, value: kept });
  });
}

/** The tickets of `site` stored with approximate figures (no history read yet), by key. */
export async function approximateKeys(db: SlaLensDatabase, site: string): Promise<Set<string>> {
  // Keys only: the rows themselves are never read (a filter on them would be, every round).
  const keys = await db.tickets.where('[approx+phase]').between([1, Dexie.minKey], [1, Dexie.maxKey]).primaryKeys();
  return new Set(keys.filter(([s]) => s === site).map(([, key]) => key));
}
