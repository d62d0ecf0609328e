/**
 * In-memory `permissions`, `scripting` and `storage.local`, behaving as Chrome's do where the site
 * registry depends on it: a duplicate or unknown script id rejects the whole call; getAll lists
 * the manifest's host permissions too. (WXT's fakeBrowser leaves permissions and scripting
 * unimplemented.)
 */
import type { ContentScriptRegistration, SiteApis } from '../../lib/sources/site-registry';

type PermissionListener = (permissions: { origins?: string[] }) => void;

export interface FakeSiteApis extends SiteApis {
  /** Patterns granted so far, the manifest's first. */
  readonly granted: Set<string>;
  readonly scripts: Map<string, ContentScriptRegistration>;
  readonly stored: Map<string, unknown>;
  /** The origins of every permissions.request, in order. */
  readonly requests: string[][];
  /** What the user answers to the next prompts (default: allow). */
  answer: (origins: string[]) => boolean;
  /** The user revokes an origin from the browser's own UI (site access menu, extension details). */
  revokeFromBrowser(pattern: string): void;
  /** The user grants an origin from the browser's own UI. */
  grantFromBrowser(pattern: string): void;
  onPermissionsChanged(listener: () => void): () => void;
}

export const MANIFEST_HOST_PERMISSIONS = ['https://*.atlassian.net/*', 'https://*.zendesk.com/*'];

export function createFakeSiteApis(): FakeSiteApis {
  const granted = new Set(MANIFEST_HOST_PERMISSIONS);
  const scripts = new Map<string, ContentScriptRegistration>();
  const stored = new Map<string, unknown>();
  const requests: string[][] = [];
  const added = new Set<PermissionListener>();
  const removed = new Set<PermissionListener>();
  // Browser events arrive as tasks of their own, after the call that caused them.
  const emit = (listeners: Set<PermissionListener>, origins: string[]) => setTimeout(() => listeners.forEach((l) => l({ origins })), 0);
  const copy = (script: ContentScriptRegistration): ContentScriptRegistration => structuredClone(script);

  const fake: FakeSiteApis = {
    granted,
    scripts,
    stored,
    requests,
    answer: () => true,
    permissions: {
      request({ origins }) {
        requests.push(origins);
        const fresh = origins.filter((o) => !granted.has(o));
        if (fresh.length === 0) return Promise.resolve(true);
        if (!fake.answer(origins)) return Promise.resolve(false);
        fresh.forEach((o) => granted.add(o));
        emit(added, fresh);
        return Promise.resolve(true);
      },
      async remove({ origins }) {
        if (origins.some((o) => MANIFEST_HOST_PERMISSIONS.includes(o))) throw new Error('You cannot remove required permissions.');
        const gone = origins.filter((o) => granted.delete(o));
        if (gone.length > 0) emit(removed, gone);
        return gone.length > 0;
      },
      async getAll() {
        return { origins: [...granted], permissions: ['storage', 'alarms', 'scripting'] };
      },
    },
    scripting: {
      async registerContentScripts(list) {
        for (const script of list) {
          if (script.id.startsWith('_')) throw new Error(`Invalid content script id '${script.id}'.`);
          if (scripts.has(script.id) || list.filter((s) => s.id === script.id).length > 1) throw new Error(`Duplicate script ID '${script.id}'`);
          if (!script.matches?.length || !script.js?.length) throw new Error('Script with ID must specify matches and js');
        }
        for (const script of list) scripts.set(script.id, copy(script));
      },
      async unregisterContentScripts({ ids }) {
        const unknown = ids.find((id) => !scripts.has(id));
        if (unknown !== undefined) throw new Error(`Nonexistent script ID '${unknown}'`);
        ids.forEach((id) => scripts.delete(id));
      },
      async getRegisteredContentScripts(filter) {
        return [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map(copy);
      },
    },
    storage: {
      async get(keys) {
        // As storage.local.get: null is everything, a key is that key if present.
        return Object.fromEntries([...stored].filter(([key]) => keys === null || key === keys));
      },
      async set(items) {
        for (const [key, value] of Object.entries(items)) stored.set(key, structuredClone(value));
      },
      async remove(key) {
        stored.delete(key);
      },
    },
    revokeFromBrowser(pattern) {
      if (granted.delete(pattern)) emit(removed, [pattern]);
    },
    grantFromBrowser(pattern) {
      if (!granted.has(pattern)) {
        granted.add(pattern);
        emit(added, [pattern]);
      }
    },
    onPermissionsChanged(listener) {
      added.add(listener);
      removed.add(listener);
      return () => {
        added.delete(listener);
        removed.delete(listener);
      };
    },
  };
  return fake;
}
