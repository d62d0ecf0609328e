import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SlaLensDatabase } from '../db/database';
import { forgetSite } from '../db/upkeep';
import { createHistoryStore, type HistoryDeps, type HistoryStore } from './history-store';
import { createImportStore, type ImportDeps, type ImportStore } from './import-store';
import { loadOptionsData, type OptionsData } from './options-data';
import { createSitesStore, type SitesDeps, type SitesStore } from './sites-store';
import { createSubscriptionStore, type SubscriptionDeps, type SubscriptionStore } from './subscription-store';
import { createManagedStore, type ManagedDeps, type ManagedStore } from './managed-store';
import { createTesterStore, type TesterStore } from './tester';
import { useLiveQuery, type LiveResult } from './use-live-query';
import type { ScopeDraft } from '../watch/input';
import type { ScopeListing } from '../watch/types';

/** What the options page needs from outside: the database and the few browser facilities. */
export interface OptionsEnv extends ImportDeps, HistoryDeps {
  now(): number;
  /** Self-hosted sites: the registry over the browser's permissions and scripting APIs. */
  sites: SitesDeps;
  /** Desktop alerts: the optional `notifications` permission, asked for (true when granted) or looked up. */
  alerts: { requestPermission(): Promise<boolean>; hasPermission(): Promise<boolean> };
  /**
   * What the background last met writing the ticket store, kept outside IndexedDB (lib/storage-keys.ts
   * STORAGE_PROBLEM_KEY): the message, or null. Absent where there is no background (tests).
   */
  storageProblem?: { read(): Promise<string | null>; onChanged(listener: () => void): () => void };
  /** The configuration subscribed by URL, in extension storage; absent where there is no background to check it (tests). */
  subscription?: SubscriptionDeps;
  /** What the organisation's policy set, as the background recorded it; absent in tests without a policy. */
  managed?: ManagedDeps;
  /** Watched scopes (issue 16): list one on its site now (the Test button), and ask the background for a round. */
  watch?: { test(scope: ScopeDraft): Promise<ScopeListing>; request(options: { force?: boolean; only?: string[] }): Promise<void> };
  /** The wallboard page's address (`browser.runtime.getURL`, which components cannot call); no link without it. */
  wallboardUrl?: string;
  /** The SLA report page's address, linked from the header; no link without it. */
  reportUrl?: string;
  /** The language chosen over the browser's (a `_locales` folder, null: the browser's), and choosing one; absent in tests that do not need it. */
  language?: { chosen(): Promise<string | null>; choose(folder: string | null): Promise<void> };
}

export interface OptionsStores {
  db: SlaLensDatabase;
  env: OptionsEnv;
  importer: ImportStore;
  history: HistoryStore;
  tester: TesterStore;
  sites: SitesStore;
  subscription: SubscriptionStore | null;
  managed: ManagedStore;
}

export function createOptionsStores(db: SlaLensDatabase, env: OptionsEnv): OptionsStores {
  const managed = createManagedStore(env.managed ?? null);
  const locked = () => managed.isLocked();
  return {
    db,
    env,
    importer: createImportStore(db, { ...env, locked }),
    history: createHistoryStore(db, { ...env, locked }),
    tester: createTesterStore(env.now),
    sites: createSitesStore(env.sites, (host) => forgetSite(db, host)),
    subscription: env.subscription ? createSubscriptionStore(env.subscription, env.now) : null,
    managed,
  };
}

export const OptionsContext = createContext<OptionsStores | null>(null);

export function useOptions(): OptionsStores {
  const stores = useContext(OptionsContext);
  if (!stores) throw new Error('useOptions() needs an <OptionsContext.Provider> (see entrypoints/options/main.tsx).');
  return stores;
}

/** The active configuration and history, kept current across tabs. */
export function useOptionsData(): LiveResult<OptionsData> {
  const { db } = useOptions();
  return useLiveQuery(() => loadOptionsData(db), [db]);
}
