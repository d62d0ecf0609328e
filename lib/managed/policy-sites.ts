/**
 * The organisation's sites (the policy's `sites`) as the background uses them from its first
 * moment. Chromium answers the first `storage.managed` read of a browser session only once its
 * policy service has loaded, 3–8 s after start (measured here: ~7 s; Ghostery and Privacy Badger
 * report the same), and nothing may be evaluated before the sites are known or a vendor's tickets
 * could be recorded meanwhile. So the sites of the last reading are kept in `storage.local` and
 * serve until this session's reading lands; where it differs, the stored tickets are evaluated
 * again, as for any change of policy. Only a browser that never read its policy waits for it.
 */
import { readManaged } from './read';

export interface PolicySitesStore {
  get(): Promise<unknown>;
  set(sites: string[]): Promise<void>;
}

export interface PolicySites {
  /** Resolves once the sites are known: kept from the last reading, or read. */
  readonly known: Promise<void>;
  sites(): readonly string[];
  /**
   * This session's reading of the policy's sites. True when they differ from the sites in use
   * until now (kept or read), so what was evaluated with those must be evaluated again.
   */
  read(sites: readonly string[]): boolean;
  /** The policy could not be read: what is known (kept, or none) serves, and nothing waits longer. */
  settle(): void;
}

export function createPolicySites(store: PolicySitesStore, onStoreError: (error: unknown) => void = () => undefined): PolicySites {
  let sites: readonly string[] = [];
  let inUse = false;
  let readThisSession = false;
  let resolve = () => {};
  const known = new Promise<void>((r) => (resolve = r));
  void store.get().then(
    (kept) => {
      // A reading that came first is this session's truth.
      if (readThisSession || kept === undefined) return;
      // Checked as the policy itself is: a list of host names.
      const checked = readManaged({ sites: kept }).settings.sites;
      if (!checked) return;
      sites = checked;
      inUse = true;
      resolve();
    },
    (error: unknown) => onStoreError(error),
  );
  return {
    known,
    sites: () => sites,
    read(next) {
      const changed = inUse && next.join(' ') !== sites.join(' ');
      const keep = !readThisSession || changed;
      sites = [...next];
      inUse = true;
      readThisSession = true;
      resolve();
      if (keep) void store.set([...next]).catch(onStoreError);
      return changed;
    },
    settle: () => resolve(),
  };
}
