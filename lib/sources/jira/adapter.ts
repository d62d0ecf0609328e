/**
 * The Jira source adapter: which pages it handles, the ticket elements on them, and their facts
 * from Jira's own REST API (same origin, the user's session). Cloud and Data Center alike.
 */
import { limitFetch } from '../limit';
import type { SourceAdapter } from '../types';
import { createEnricher, type FieldMemory } from './enrich';
import { jiraMaskUrl, jiraShownTickets } from './page-kind';
import { diagnose, find, jiraPageKind } from './read-page';
import type { Fetch } from '../http';
import type { SearchTarget } from './rest';
import { S } from './selectors';
import { isCloudHost } from './urls';

export interface JiraAdapterOptions {
  /** Defaults to the page's `fetch`, looked up at call time. */
  fetch?: Fetch;
  /** The page's document, for Data Center's `ajs-*` meta tags; defaults to the global one. */
  document?: () => Document | undefined;
  /** JSM's request-type field; by default each site is asked (`GET /rest/api/2/field`), as it varies. */
  requestTypeField?: string;
  /** Keeps the request-type field a site named between page loads (enrich.ts). */
  fieldMemory?: FieldMemory;
  /** How long facts stay fresh (default 60 s). */
  ttlMs?: number;
  /** Calls within this window share one request (default 50 ms). */
  coalesceMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

const meta = (doc: Document | undefined, name: string) => doc?.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;

/**
 * Cloud hosts use the v3 search. Elsewhere, `ajs-version-number` marks Data Center, whose API lives
 * under `ajs-base-url` (jira-dom.md §1); the base URL is only trusted on the page's own origin.
 * Anything else starts as Cloud and falls back to DC when the v3 endpoint answers 404. The page's
 * meta tags never take the base off the page's origin: a context path or base URL that would is
 * ignored, and the base is then the origin itself.
 */
export function searchTarget(origin: string, doc: Document | undefined): SearchTarget {
  const url = new URL(origin);
  const site = url.hostname;
  if (isCloudHost(url)) return { kind: 'cloud', baseUrl: url.origin, site };
  // A context path as Data Center writes it (`/jira`, `/a/b`, or empty at the root): path segments
  // only, none of them `.` or `..`. Anything else (`.evil.example`, `@evil.example`, `/../x`) could
  // move the base to another host or out of the application.
  const contextPath = /^(?:\/(?!\.{1,2}(?:\/|$))[\w.~-]+)*$/;
  const baseOn = (path: string): string | null => {
    const trimmed = path.replace(/\/$/, '');
    if (!contextPath.test(trimmed)) return null;
    try {
      return new URL(`${url.origin}${trimmed}`).origin === url.origin ? `${url.origin}${trimmed}` : null;
    } catch {
      return null;
    }
  };
  const context = baseOn(meta(doc, 'ajs-context-path') ?? '') ?? url.origin;
  // Unknown: try Cloud's API first; the 404 fallback keeps this base, context path included.
  if (!doc?.querySelector(S.dcVersion)) return { kind: 'cloud', baseUrl: context, site };
  let declared: URL | null = null;
  try {
    declared = new URL(meta(doc, 'ajs-base-url') ?? '');
  } catch {
    // No usable ajs-base-url: the context path is enough.
  }
  const base = declared && declared.origin === url.origin && declared.username === '' && declared.password === '' ? baseOn(declared.pathname) : null;
  return { kind: 'dc', baseUrl: base ?? context, site };
}

export function createJiraAdapter(options: JiraAdapterOptions = {}): SourceAdapter {
  const getDocument = options.document ?? (() => (typeof document === 'undefined' ? undefined : document));
  const enricher = createEnricher({
    // One page's requests share a few slots, the rows in view first (../limit.ts).
    fetch: limitFetch(options.fetch ?? ((input, init) => fetch(input, init))),
    target: (origin) => searchTarget(origin, getDocument()),
    requestTypeField: options.requestTypeField,
    fieldMemory: options.fieldMemory,
    ttlMs: options.ttlMs,
    coalesceMs: options.coalesceMs,
    backoffBaseMs: options.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs,
  });
  return {
    source: 'jira',
    ownsHost: isCloudHost,
    recognises: (_url, doc) => doc.querySelector(S.app) !== null,
    find,
    pageKind: jiraPageKind,
    shownTickets: (root) => jiraShownTickets(root),
    diagnose,
    maskUrl: jiraMaskUrl,
    enrich: enricher.enrich,
    prioritize: enricher.prioritize,
  };
}

/** An adapter on the page's own `fetch` and document (the content script builds its own, with storage). */
export const jiraAdapter: SourceAdapter = createJiraAdapter();
