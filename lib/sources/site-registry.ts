/**
 * Self-hosted sites at runtime: the optional host permission for each one, and a content script
 * registered for it. The browser keeps both (granted permissions, `persistAcrossSessions`); this
 * module keeps them in step, and remembers what kind of site the admin said each one is.
 *
 * Written against the few browser calls it needs, so tests can pass fakes; the options page and the
 * background pass `browser` (same APIs in Chrome and Firefox MV3).
 */
import { SITE_KIND_KEY_PREFIX, SUBSCRIPTION_KEY, siteKindKey } from '../storage-keys';
import { canonicalOrigin, matchPatternFor, originFromMatchPattern, originFromScriptId, scriptIdFor, type SiteKind } from './self-hosted';

/** The built content script (WXT names it after `entrypoints/content/`); the manifest's entry uses the same file. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

/**
 * The fields of `scripting.RegisteredContentScript` we set and compare; possibly undefined, as the
 * browser's own type declares them (so its `scripting` can be passed as ours).
 */
export interface ContentScriptRegistration {
  id: string;
  matches?: string[] | undefined;
  js?: string[] | undefined;
  runAt?: 'document_start' | 'document_end' | 'document_idle' | undefined;
  persistAcrossSessions?: boolean | undefined;
}

/** A registration with every field set. */
type FullRegistration = { [K in keyof ContentScriptRegistration]-?: Exclude<ContentScriptRegistration[K], undefined> };

export interface SiteApis {
  permissions: {
    request(permissions: { origins: string[] }): Promise<boolean>;
    remove(permissions: { origins: string[] }): Promise<boolean>;
    getAll(): Promise<{ origins?: string[] }>;
  };
  scripting: {
    registerContentScripts(scripts: ContentScriptRegistration[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<ContentScriptRegistration[]>;
  };
  /** `storage.local`: one key per site for its kind (and the subscription, whose host is not a site). */
  storage: {
    get(keys: null | string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string): Promise<void>;
  };
}

export interface SelfHostedSite {
  origin: string;
  /** What the admin said it is; null if the browser granted the origin without us asking. */
  kind: SiteKind | null;
  /** The host permission is granted: without it the script does not run, even if registered. */
  permitted: boolean;
  /** Our content script is registered for it, as this build would register it. */
  registered: boolean;
}

export interface ReconcileReport {
  /** Origins granted without a (current) script, now registered. */
  registered: string[];
  /** Origins with a script but no permission (revoked in the browser's own UI), now unregistered. */
  unregistered: string[];
}

export function createSiteRegistry({ permissions, scripting, storage }: SiteApis) {
  /**
   * Asks for the site's host permission, then registers the script for it. The request is the
   * first thing this does, before any await: the browser only shows the prompt inside the user's
   * click (Firefox rejects the call outright once the handler has awaited), so call `add` straight
   * from the click or submit handler.
   */
  async function add(origin: string, kind: SiteKind | null): Promise<'added' | 'declined'> {
    const pattern = matchPatternFor(checked(origin));
    if (!(await permissions.request({ origins: [pattern] }))) return 'declined';
    // null: allowing a listed site again, whose kind is kept (or was never known).
    if (kind !== null) await storage.set({ [siteKindKey(origin)]: kind });
    await ensureRegistered(origin);
    return 'added';
  }

  /**
   * Revokes the permission first, then unregisters: a reconcile running meanwhile (the background
   * hears `onRemoved`) then never sees "granted, no script" and registers it again.
   */
  async function remove(origin: string): Promise<void> {
    await permissions.remove({ origins: [matchPatternFor(checked(origin))] });
    await unregister([scriptIdFor(origin)]);
    await storage.remove(siteKindKey(origin));
  }

  /**
   * Makes registered scripts match granted origins: a script whose permission is gone (revoked
   * from the browser's UI) is unregistered, a granted origin without its script (or with one from
   * an older build) is registered. Safe to run any number of times, from any extension page.
   */
  async function reconcile(): Promise<ReconcileReport> {
    // Scripts before permissions: `add` grants before it registers, so any script seen here has
    // its grant visible below, and a site being added is never mistaken for a revoked one.
    const scripts = await ourScripts();
    const granted = await grantedOrigins();
    const unregistered = [...scripts.keys()].filter((origin) => !granted.has(origin));
    await unregister(unregistered.map(scriptIdFor));
    const registered: string[] = [];
    for (const origin of granted) {
      if (await ensureRegistered(origin)) registered.push(origin);
    }
    return { registered, unregistered };
  }

  /** Every self-hosted site the browser or we know of, whatever its state, sorted by origin. */
  async function list(): Promise<SelfHostedSite[]> {
    const scripts = await ourScripts();
    const stored = await storage.get(null);
    const granted = await grantedOrigins(stored);
    const kinds = new Map<string, SiteKind>();
    for (const [key, kind] of Object.entries(stored)) {
      const origin = key.startsWith(SITE_KIND_KEY_PREFIX) ? canonicalOrigin(key.slice(SITE_KIND_KEY_PREFIX.length)) : null;
      if (origin && (kind === 'jira' || kind === 'zendesk')) kinds.set(origin, kind);
    }
    const origins = new Set([...granted, ...scripts.keys(), ...kinds.keys()]);
    return [...origins].sort().map((origin) => {
      const script = scripts.get(origin);
      return { origin, kind: kinds.get(origin) ?? null, permitted: granted.has(origin), registered: script !== undefined && isCurrent(script, origin) };
    });
  }

  /**
   * The origins granted as sites. The host of a configuration file subscribed to by URL is granted
   * too (lib/options/subscription-store.ts), and is no ticketing site: without a kind an admin
   * gave it, it gets no content script and its tickets would not count.
   */
  async function grantedOrigins(stored?: Record<string, unknown>): Promise<Set<string>> {
    const [{ origins = [] }, local] = await Promise.all([permissions.getAll(), stored ?? storage.get(SUBSCRIPTION_KEY)]);
    const granted = new Set(origins.map(originFromMatchPattern).filter((origin) => origin !== null));
    const fileOrigin = subscribedOrigin(local[SUBSCRIPTION_KEY]);
    if (fileOrigin && granted.has(fileOrigin)) {
      const kinds = stored ?? (await storage.get(siteKindKey(fileOrigin)));
      if (kinds[siteKindKey(fileOrigin)] === undefined) granted.delete(fileOrigin);
    }
    return granted;
  }

  async function ourScripts(): Promise<Map<string, ContentScriptRegistration>> {
    const scripts = new Map<string, ContentScriptRegistration>();
    for (const script of await scripting.getRegisteredContentScripts()) {
      const origin = originFromScriptId(script.id);
      if (origin) scripts.set(origin, script);
    }
    return scripts;
  }

  /** True if it registered the script now, false if it was already there. */
  async function ensureRegistered(origin: string): Promise<boolean> {
    const id = scriptIdFor(origin);
    const [current] = await scripting.getRegisteredContentScripts({ ids: [id] });
    if (current && isCurrent(current, origin)) return false;
    if (current) await unregister([id]);
    try {
      await scripting.registerContentScripts([registrationFor(origin)]);
      return true;
    } catch (error) {
      // Another extension page or the background registered it meanwhile ("duplicate id").
      const [now] = await scripting.getRegisteredContentScripts({ ids: [id] });
      if (now && isCurrent(now, origin)) return false;
      throw error;
    }
  }

  async function unregister(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    try {
      await scripting.unregisterContentScripts({ ids });
    } catch (error) {
      // Chrome and Firefox reject the whole call when any id is already gone (unregistered by
      // another page meanwhile): unregister what is left.
      const left = (await scripting.getRegisteredContentScripts({ ids })).map((script) => script.id);
      if (left.length === ids.length) throw error;
      if (left.length > 0) await scripting.unregisterContentScripts({ ids: left });
    }
  }

  /**
   * The hosts of the self-hosted sites that count as the organisation's: those the browser holds a
   * host permission for, which only the user can grant. The kinds in storage.local do not decide:
   * a content script can write there.
   */
  async function trustedHosts(): Promise<Set<string>> {
    return new Set([...(await grantedOrigins())].map((origin) => new URL(origin).hostname));
  }

  return { add, remove, reconcile, list, trustedHosts };
}

/** The origin of the configuration file subscribed to, from the stored subscription (anything, until checked). */
function subscribedOrigin(value: unknown): string | null {
  const url = (value as { url?: unknown } | null | undefined)?.url;
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export type SiteRegistry = ReturnType<typeof createSiteRegistry>;

export function registrationFor(origin: string): FullRegistration {
  return {
    id: scriptIdFor(origin),
    matches: [matchPatternFor(origin)],
    js: [CONTENT_SCRIPT_FILE],
    // As the manifest's content script: the overlay expects a parsed page.
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
}

/** Registered as this build would register it (Firefox reports js paths with a leading slash). */
function isCurrent(script: ContentScriptRegistration, origin: string): boolean {
  const wanted = registrationFor(origin);
  const same = (a: string[] | undefined, b: string[]) => a !== undefined && a.length === b.length && a.every((x, i) => x.replace(/^\//, '') === b[i]);
  return same(script.matches, wanted.matches) && same(script.js, wanted.js) && (script.runAt ?? 'document_idle') === wanted.runAt && script.persistAcrossSessions !== false;
}

function checked(origin: string): string {
  if (canonicalOrigin(origin) !== origin) throw new Error(`Not a site origin: ${origin} (use parseSiteAddress first).`);
  return origin;
}
