/**
 * The Jira source adapter: which pages it handles, the ticket elements on them, and their facts
 * from Jira's own REST API (same origin, the user's session). Cloud and Data Center alike.
 */
import type { SourceAdapter } from '../types';
import { createEnricher } from './enrich';
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
 * Anything else starts as Cloud and falls back to DC when the v3 endpoint answers 404.
 */
export function searchTarget(origin: string, doc: Document | undefined): SearchTarget {
  const url = new URL(origin);
  const site = url.hostname;
  if (isCloudHost(url)) return { kind: 'cloud', baseUrl: url.origin, site };
  if (!doc?.querySelector(S.dcVersion)) {
    // Unknown: try Cloud's API first; the 404 fallback keeps this base, context path included.
    return { kind: 'cloud', baseUrl: `${url.origin}${(meta(doc, 'ajs-context-path') ?? '').replace(/\/$/, '')}`, site };
  }
  let base = `${url.origin}${(meta(doc, 'ajs-context-path') ?? '').replace(/\/$/, '')}`;
  try {
    const declared = new URL(meta(doc, 'ajs-base-url') ?? '');
    if (declared.origin === url.origin) base = `${declared.origin}${declared.pathname.replace(/\/$/, '')}`;
  } catch {
    // No usable ajs-base-url: the context path is enough.
  }
  return { kind: 'dc', baseUrl: base, site };
}

export function createJiraAdapter(options: JiraAdapterOptions = {}): SourceAdapter {
  const getDocument = options.document ?? (() => (typeof document === 'undefined' ? undefined : document));
  const enricher = createEnricher({
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    target: (origin) => searchTarget(origin, getDocument()),
    requestTypeField: options.requestTypeField,
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
  };
}

/** The adapter the content script uses: the page's own `fetch` and document. */
export const jiraAdapter: SourceAdapter = createJiraAdapter();
