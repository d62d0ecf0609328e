/**
 * Lists the tickets in a watched Jira scope (issue 16) from the background, with no Jira page open:
 * a JQL query or a saved filter through the search API, a JSM queue through the service desk API.
 * Only keys are asked: their facts come afterwards from the overlay's enrichment (its GET mode).
 * Every request is a GET: a background POST carries the extension's `Origin`, which Atlassian's
 * XSRF protection may refuse, and a GET is not checked. Every request goes through `requestJson`
 * (../sources/http.ts): the site's origin only, no redirects, a timeout and a size cap. Never throws.
 *
 * Page sizes, as Atlassian documents them:
 * - Cloud `GET /rest/api/3/search/jql`, `maxResults`: "The greatest number of items returned per
 *   page is achieved when requesting `id` or `key` only. It returns max 5000 issues." (default 50;
 *   Jira Cloud platform OpenAPI spec, operation "Search for issues using JQL enhanced search (GET)").
 *   The same text warns that the API "may return fewer items per page", so the pages are followed
 *   by `nextPageToken` until `isLast`, never counted from `maxResults`.
 * - Data Center `GET /rest/api/2/search`: `startAt`/`maxResults`/`total`, at most
 *   `jira.search.views.default.max` a page (1,000 unless an admin changed it), 50 when
 *   `maxResults` is not given (Atlassian KB, "How to use the maxResults API parameter for Jira
 *   Issue Search REST API"). A `total` over the cap is refused from the first page.
 * - JSM `GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/queue/{queueId}/issue`: `start`,
 *   `limit` ("Default: 50"), and `isLastPage` on each page (JSM Cloud REST API, "Get issues in
 *   queue"). The spec does not mark it experimental, so it needs no `X-ExperimentalApi: opt-in`
 *   (clients generated from the spec, such as jira.js, send that header for the operations it
 *   marks, and not for this one).
 */
import { t, tp, uiLocale } from '../i18n/core';
import { requestJson, type JsonAnswer, type RequestContext } from '../sources/http';
import { requestSearchPage, type SearchTarget } from '../sources/jira/rest';
import { parseJiraDate } from '../sources/jira/dates';
import { isValidIssueKey } from '../sources/jira/urls';
import { arr, obj, str } from '../sources/json';
import type { EnrichFailure } from '../sources/types';
import { oneLine } from './one-line';
import { MAX_SCOPE_TICKETS, type JiraScopeQuery, type ScopeFailure, type ScopeListing } from './types';

/** Cloud's page when only keys are asked (see above). */
const CLOUD_KEYS_PAGE = 5000;
/** Data Center's usual page cap: a 10,000-ticket scope is ten pages. */
const DC_PAGE = 1000;
/** JSM's documented default page; its maximum is not documented, so the default is what is asked. */
const QUEUE_PAGE = 50;
/**
 * The smallest page a listing follows to its end: 50 is each of these APIs' default. A server
 * giving fewer is stopped after `ceil(maxTickets / 50) + 1` pages rather than followed for ever.
 */
const SMALLEST_PAGE = 50;
/** JQL longer than this is not sent: it travels in the URL of a GET, which servers cap at a few kB. */
export const MAX_JQL_CHARS = 4000;
/** How much of a scope's JQL, or of Jira's own message, a sentence quotes. */
const QUOTED_CHARS = 120;

/** Where the next page starts: Cloud's token, the others' offset. */
interface Cursor {
  offset: number;
  token?: string;
}

/** What one page of an API says: its issues (each with a `key`), and where the next starts (null: none). */
interface PageRead {
  issues: unknown[];
  next: Cursor | null;
  /** Data Center says how many the whole search holds. */
  total?: number;
}

interface Pager {
  ask(cursor: Cursor): Promise<JsonAnswer>;
  /** A 200's body as a page of this API, or null when it is not one. */
  read(body: unknown, cursor: Cursor): PageRead | null;
}

/** Text as one line of a sentence, cut to `max` characters. */
const quoted = (text: string, max = QUOTED_CHARS) => oneLine(text, max);

/** The scope as a sentence names it: `the query “…”`, `filter 10001`, `queue 7 of service desk 2`. */
function described(query: JiraScopeQuery): string {
  switch (query.kind) {
    case 'jql':
      return t('watch_scope_jql', { jql: quoted(query.jql, 80) });
    case 'filter':
      return t('watch_scope_filter', { filter: quoted(query.filter, 30) });
    case 'queue':
      return t('watch_scope_queue', { queue: quoted(query.queue, 30), desk: quoted(query.serviceDesk, 30) });
  }
}

/** The scope's words at the start of a sentence. */
const capitalised = (text: string): string => text.charAt(0).toLocaleUpperCase(uiLocale().tag) + text.slice(1);

/** Why a page was not read, in one sentence naming the site. */
function failureMessage(failure: EnrichFailure | 'not-found', query: JiraScopeQuery, site: string, aborted: boolean): string {
  const scope = described(query);
  switch (failure) {
    case 'not-found':
      return query.kind === 'queue' ? t('watch_jira_queue_not_found', { queue: quoted(query.queue, 30), desk: quoted(query.serviceDesk, 30), site }) : t('watch_jira_no_search_api', { site, scope });
    case 'signed-out':
      return t('watch_jira_signed_out', { site, scope });
    case 'forbidden':
      return t('watch_jira_forbidden', { site, scope });
    case 'rate-limited':
      return t('watch_jira_rate_limited', { site, scope });
    case 'server-error':
      return t('watch_jira_server_error', { site, scope });
    case 'network':
      return aborted ? t('watch_listing_stopped', { scope, site }) : t('watch_unreachable', { site, scope });
    case 'bad-response':
      return t('watch_jira_bad_response', { site, scope });
  }
}

/** Jira's first error message: `errorMessages[0]` (platform APIs) or `errorMessage` (the service desk API). */
function jiraMessage(body: unknown): string | undefined {
  const b = obj(body);
  const first = arr(b?.errorMessages).find((m): m is string => typeof m === 'string' && m.trim() !== '');
  return first ?? str(b?.errorMessage);
}

/** Why a query is refused before anything is sent, or null when it may be asked. */
function refusedQuery(query: JiraScopeQuery, site: string): string | null {
  const digits = (id: string) => /^\d{1,18}$/.test(id.trim());
  switch (query.kind) {
    case 'jql':
      if (query.jql.trim() === '') return t('watch_jira_empty_query', { site });
      return query.jql.length > MAX_JQL_CHARS ? tp('watch_jira_query_too_long', MAX_JQL_CHARS, { site }) : null;
    case 'filter':
      return digits(query.filter) ? null : t('watch_jira_bad_filter', { filter: quoted(query.filter, 30), site, example: '…/issues/?filter=10001' });
    case 'queue':
      return digits(query.serviceDesk) && digits(query.queue)
        ? null
        : t('watch_jira_bad_queue', { queue: quoted(query.queue, 30), desk: quoted(query.serviceDesk, 30), site, example: '…/servicedesk/2/queue/7' });
  }
}

function pagerFor(context: RequestContext, target: SearchTarget, query: JiraScopeQuery, maxTickets: number): Pager {
  // One more than the cap: a first page that full already says the scope is too large.
  const size = (page: number) => Math.min(page, maxTickets + 1);
  if (query.kind === 'queue') {
    const base = `${target.baseUrl.replace(/\/$/, '')}/rest/servicedeskapi/servicedesk/${query.serviceDesk.trim()}/queue/${query.queue.trim()}/issue`;
    return {
      ask: ({ offset }) =>
        requestJson(context, `${base}?${new URLSearchParams({ start: String(offset), limit: String(size(QUEUE_PAGE)) })}`, { method: 'GET', headers: { Accept: 'application/json' } }),
      read(body, { offset }) {
        const page = obj(body);
        if (!page || !Array.isArray(page.values)) return null;
        return { issues: page.values, next: page.isLastPage === false ? { offset: offset + page.values.length } : null };
      },
    };
  }
  const jql = query.kind === 'jql' ? query.jql : `filter = ${query.filter.trim()}`;
  if (target.kind === 'cloud') {
    return {
      ask: ({ token }) => requestSearchPage(context, target, { jql, fields: ['key'], maxResults: size(CLOUD_KEYS_PAGE), nextPageToken: token }, 'GET'),
      read(body, { offset }) {
        const page = obj(body);
        if (!page || !Array.isArray(page.issues)) return null;
        const token = str(page.nextPageToken);
        // The last page has no token (and says `isLast`); a token on a page that says it is last is not followed.
        return { issues: page.issues, next: token !== undefined && page.isLast !== true ? { offset: offset + page.issues.length, token } : null };
      },
    };
  }
  return {
    ask: ({ offset }) => requestSearchPage(context, target, { jql, fields: ['key'], maxResults: size(DC_PAGE), startAt: offset }, 'GET'),
    read(body, { offset }) {
      const page = obj(body);
      if (!page || !Array.isArray(page.issues) || typeof page.total !== 'number') return null;
      const end = offset + page.issues.length;
      return { issues: page.issues, next: end < page.total ? { offset: end } : null, total: page.total };
    },
  };
}

/**
 * The keys of the tickets `query` holds on `target`'s site, each once, in the site's order; or why
 * not, in one sentence naming the site. A scope of more than `maxTickets` is refused as soon as
 * that is known (Data Center's `total`, or the keys gathered so far), never cut short.
 */
export async function listJiraScope(context: RequestContext, target: SearchTarget, query: JiraScopeQuery, maxTickets = MAX_SCOPE_TICKETS, since?: number): Promise<ScopeListing> {
  const listing = await listKeys(context, target, query, maxTickets);
  if (!listing.ok || since === undefined) return strip(listing);
  if (query.kind === 'queue') return listing.updated ? withChanged(listing, since) : strip(listing);
  // JQL's relative dates are the server's own clock and zone: "updated >= -7m", a minute to spare.
  const minutes = Math.max(1, Math.ceil((context.now - since) / 60_000) + 1);
  // JQL takes ORDER BY only at the end of the whole query: the scope's own goes, order does not matter here.
  const scopeJql = query.kind === 'jql' ? query.jql.replace(/\s+ORDER\s+BY\s[\s\S]*$/i, '') : `filter = ${query.filter.trim()}`;
  const jql = `(${scopeJql}) AND updated >= -${minutes}m`;
  const changed = await listKeys(context, target, { kind: 'jql', jql }, maxTickets);
  const requests = listing.requests + changed.requests;
  // Without the second answer the runner reads in rotation: the scope itself was listed.
  if (!changed.ok) return { ok: true, keys: listing.keys, requests };
  const held = new Set(listing.keys);
  return { ok: true, keys: listing.keys, requests, changed: changed.keys.filter((k) => held.has(k)) };
}

type KeysListing = ScopeListing & { updated?: Map<string, number> };

function strip(listing: KeysListing): ScopeListing {
  if (!listing.ok) return listing;
  return { ok: true, keys: listing.keys, requests: listing.requests };
}

function withChanged(listing: Extract<KeysListing, { ok: true }>, since: number): ScopeListing {
  return { ok: true, keys: listing.keys, requests: listing.requests, changed: listing.keys.filter((k) => (listing.updated?.get(k) ?? Infinity) >= since) };
}

async function listKeys(context: RequestContext, target: SearchTarget, query: JiraScopeQuery, maxTickets: number): Promise<KeysListing> {
  const { site } = target;
  let requests = 0;
  const failed = (failure: ScopeFailure, message: string, retryAfterMs?: number): ScopeListing => ({ ok: false, failure, message, requests, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  const tooMany = () => failed('too-many', tp('watch_jira_too_many', maxTickets, { scope: capitalised(described(query)), site }));

  const refused = refusedQuery(query, site);
  if (refused) return failed('invalid-query', refused);

  const pager = pagerFor(context, target, query, maxTickets);
  const maxPages = Math.ceil(maxTickets / SMALLEST_PAGE) + 1;
  const keys = new Set<string>();
  const updated = new Map<string, number>();
  let cursor: Cursor = { offset: 0 };
  for (let page = 0; page < maxPages; page++) {
    // Checked here, not left to the request: one not sent is not counted.
    if (context.signal.aborted) return failed('network', failureMessage('network', query, site, true));
    const answer = await pager.ask(cursor);
    if (answer.ok || answer.refused !== 'origin') requests++;
    if (!answer.ok) {
      // A 404 whose body is not JSON (an HTML "page not found") is a 404 all the same.
      const notFound = answer.status === 404 && answer.failure === 'bad-response' && !answer.refused;
      const failure = notFound ? 'not-found' : answer.failure;
      return failed(failure, failureMessage(failure, query, site, context.signal.aborted), answer.retryAfterMs);
    }
    if (answer.status === 404) return failed('not-found', failureMessage('not-found', query, site, false));
    if (answer.status === 400) {
      const said = jiraMessage(answer.body);
      if (said !== undefined) return failed('invalid-query', t('watch_jira_refused', { site, scope: described(query), said: quoted(said, QUOTED_CHARS) }));
    }
    const read = answer.status === 200 ? pager.read(answer.body, cursor) : null;
    if (!read) return failed('bad-response', failureMessage('bad-response', query, site, false));
    if (read.total !== undefined && read.total > maxTickets) return tooMany();
    for (const issue of read.issues) {
      const key = str(obj(issue)?.key);
      // A key that is not one cannot be watched; it is left out rather than guessed.
      if (key !== undefined && isValidIssueKey(key)) {
        keys.add(key);
        // A JSM queue gives each issue's fields: its last change says whether to read it again.
        const stamp = parseJiraDate(obj(obj(issue)?.fields)?.updated);
        if (stamp !== null) updated.set(key, stamp);
      }
    }
    if (keys.size > maxTickets) return tooMany();
    if (!read.next) return { ok: true, keys: [...keys], requests, ...(updated.size > 0 ? { updated } : {}) };
    // A page that gives nothing yet says more follow would be asked again and again.
    if (read.issues.length === 0) return failed('bad-response', failureMessage('bad-response', query, site, false));
    cursor = read.next;
  }
  return failed('bad-response', tp('watch_jira_pages_too_small', maxPages, { site, scope: described(query) }));
}
