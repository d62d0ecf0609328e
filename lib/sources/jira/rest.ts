/**
 * The requests to the Jira the page belongs to, with the user's session (same origin, no token:
 * jira-dom.md §5.1), classified into what they read or a failure. Searches: Cloud
 * `POST /rest/api/3/search/jql` (§5.2; the old `/search` is gone there), or the same search by
 * `GET` with the changelog embedded where a POST may not be sent (`SearchMethod`), Data Center
 * `GET {base}/rest/api/2/search` (§5.3) with the changelog embedded. Cloud's status histories,
 * when searching by POST: `POST /rest/api/3/changelog/bulkfetch`, up to 1,000 issues a call.
 * Every request goes through `requestJson` (../http.ts): the page's origin only, no redirects, a
 * timeout and a size cap. Never throws.
 */
import { requestJson, type JsonAnswer, type RequestContext } from '../http';
import type { EnrichFailure } from '../types';
import { addBulkChangelogPage, readSearch, type IssueRead } from './parse';

export interface SearchTarget {
  kind: 'cloud' | 'dc';
  /** Origin (Cloud) or `ajs-base-url` (DC, may end in a context path). */
  baseUrl: string;
  site: string;
}

/** The issues a search found, each read as far as its changes (`finishIssue` makes the facts), or why it failed. */
export type SearchOutcome = { ok: true; issues: IssueRead[] } | { ok: false; failure: EnrichFailure; retryAfterMs?: number; notFound?: boolean; invalidKeys?: string[] };

/** What SLA Lens reads (jira-dom.md §5.4); the request-type field id varies per site. */
export function searchFields(requestTypeField: string): string[] {
  return ['summary', 'created', 'updated', 'priority', 'status', 'statuscategorychangedate', 'issuetype', 'labels', 'project', 'assignee', 'reporter', 'resolutiondate', 'comment', requestTypeField];
}

/** The request-type field on most Cloud sites (jira-dom.md §3.3); sites created otherwise differ. */
export const DEFAULT_REQUEST_TYPE_FIELD = 'customfield_10010';
/** The JSM request-type field's type key in `GET /rest/api/2/field`. */
const REQUEST_TYPE_SCHEMA = 'com.atlassian.servicedesk:vp-origin';

/** The id of the JSM request-type field in a `GET /field` answer, or null when the site has none. */
export function requestTypeFieldOf(body: unknown): string | null {
  if (!Array.isArray(body)) return null;
  for (const f of body as Array<{ id?: unknown; schema?: { custom?: unknown } } | null>) {
    if (f && typeof f.id === 'string' && f.schema?.custom === REQUEST_TYPE_SCHEMA) return f.id;
  }
  return null;
}

/** What the site says holds the request type: its field id, `none` when it listed its fields and none is one, null when it could not be asked. */
export async function askRequestTypeField(context: RequestContext, target: SearchTarget): Promise<string | null> {
  const answer = await requestJson(context, `${target.baseUrl.replace(/\/$/, '')}/rest/api/2/field`, { method: 'GET', headers: { Accept: 'application/json' } });
  if (!answer.ok || answer.status !== 200 || !Array.isArray(answer.body)) return null;
  return requestTypeFieldOf(answer.body) ?? 'none';
}

/** A field id as a site names its custom fields: what may be remembered for it and sent back in `fields`. */
export const isFieldId = (value: unknown): value is string => typeof value === 'string' && /^customfield_\d{1,12}$/.test(value);

/** Keys Jira's JQL validation names as not existing (or not visible): `An issue with key 'SUP-9' does not exist…`. */
function invalidKeys(body: unknown): string[] {
  const messages = (body as { errorMessages?: unknown } | null)?.errorMessages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((m) => (typeof m === 'string' ? [...m.matchAll(/'([A-Z][A-Z0-9_]+-\d+)'/g)].map((x) => x[1]!) : []));
}

/** Keys a search asks for at once: one page of Cloud's search when fields are asked. */
export const SEARCH_KEYS = 100;
/**
 * Pages followed for one search before giving up on the rest: a server that gives as few as a
 * tenth of what was asked still answers every key.
 */
const MAX_PAGES = 10;
/** Cloud caps a page at 100 issues when fields are asked; asking more would only be cut. */
const CLOUD_PAGE = 100;
/** Data Center's default cap (`jira.search.views.default.max`): a 100-key search is one page. */
const DC_PAGE = 1000;

/** Cloud's XSRF protection refuses a POST from a browser without it (Atlassian KB: "XSRF check failed"). */
const POST_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check' };
const GET_HEADERS = { Accept: 'application/json' };

/**
 * How Cloud's search is asked. `POST` (the content script's): the JQL in the body, the histories
 * from the bulk changelog. `GET` (the background's): a POST from an extension's background carries
 * its `Origin` (`chrome-extension://…`), which Atlassian's XSRF protection may refuse whatever
 * `X-Atlassian-Token` says; a GET is not checked. Data Center is always asked by GET.
 */
export type SearchMethod = 'POST' | 'GET';

/** One page of a search, in the terms of both APIs: Cloud pages by token, Data Center by offset. */
export interface SearchPage {
  jql: string;
  fields: readonly string[];
  maxResults: number;
  /** `changelog` to embed each issue's histories. */
  expand?: string;
  nextPageToken?: string | undefined;
  startAt?: number;
  /** Data Center's JQL validation: `warn` answers what it can of a query naming unknown keys. */
  validateQuery?: 'warn';
}

/** A search page's request, Cloud's (by `method`) or Data Center's (always a GET). */
export function requestSearchPage(context: RequestContext, target: SearchTarget, page: SearchPage, method: SearchMethod = 'POST'): Promise<JsonAnswer> {
  const base = target.baseUrl.replace(/\/$/, '');
  const { jql, fields, maxResults, expand, nextPageToken, startAt, validateQuery } = page;
  if (target.kind === 'cloud' && method === 'POST') {
    const body = { jql, fields, maxResults, ...(expand ? { expand } : {}), ...(nextPageToken ? { nextPageToken } : {}) };
    return requestJson(context, `${base}/rest/api/3/search/jql`, { method: 'POST', headers: POST_HEADERS, body: JSON.stringify(body) });
  }
  const query =
    target.kind === 'cloud'
      ? { jql, fields: fields.join(','), ...(expand ? { expand } : {}), maxResults: String(maxResults), ...(nextPageToken ? { nextPageToken } : {}) }
      : { jql, fields: fields.join(','), ...(expand ? { expand } : {}), maxResults: String(maxResults), startAt: String(startAt ?? 0), ...(validateQuery ? { validateQuery } : {}) };
  const path = target.kind === 'cloud' ? '/rest/api/3/search/jql' : '/rest/api/2/search';
  return requestJson(context, `${base}${path}?${new URLSearchParams(query)}`, { method: 'GET', headers: GET_HEADERS });
}

/**
 * The issues `keys` (at most `SEARCH_KEYS`) name, following pages as each answer says (Atlassian:
 * rely on pagination, not on `maxResults`). The changelog is embedded unless Cloud is asked by
 * POST: that one comes from the bulk endpoint, whole, where search would cap it.
 */
export async function searchIssues(context: RequestContext, target: SearchTarget, keys: readonly string[], fields: readonly string[], method: SearchMethod = 'POST'): Promise<SearchOutcome> {
  const jql = `key in (${keys.join(', ')})`;
  const embedded = target.kind === 'dc' || method === 'GET';
  const issues: IssueRead[] = [];
  let nextPageToken: string | undefined;
  let startAt = 0;
  let seen = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await requestSearchPage(
      context,
      target,
      { jql, fields, maxResults: target.kind === 'cloud' ? CLOUD_PAGE : DC_PAGE, ...(embedded ? { expand: 'changelog' } : {}), nextPageToken, startAt, validateQuery: 'warn' },
      method,
    );
    const outcome = classify(answer, target);
    if (!outcome.ok) return outcome;
    issues.push(...outcome.issues);
    const { paging } = outcome;
    seen += paging.count;
    // Each key names one issue at most: once as many have come, no page can hold another.
    if (paging.count === 0 || seen >= keys.length) break;
    if (target.kind === 'cloud') {
      if (paging.isLast !== false || typeof paging.nextPageToken !== 'string') break;
      nextPageToken = paging.nextPageToken;
    } else {
      startAt += paging.count;
      if (typeof paging.total !== 'number' || startAt >= paging.total) break;
    }
  }
  return { ok: true, issues };
}

/** What a search page says about the next one; the rest of the body (comment bodies included) is dropped once read. */
interface Paging {
  isLast: unknown;
  nextPageToken: unknown;
  total: unknown;
  count: number;
}

function classify(answer: JsonAnswer, target: SearchTarget): { ok: true; issues: IssueRead[]; paging: Paging } | Extract<SearchOutcome, { ok: false }> {
  // Signed out, Cloud answers REST calls with 200 and the login page (jira-dom.md §5.1, G Part 1b).
  // A 403 is never one issue's: search leaves out issues the account may not browse rather than
  // refusing them, so a refused search (its XSRF check, a site's policy) is the whole batch's.
  if (!answer.ok) {
    const { failure, retryAfterMs, status } = answer;
    return { ok: false, failure, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), ...(status === 404 && failure === 'bad-response' && !answer.refused ? { notFound: true } : {}) };
  }
  const { status, body } = answer;
  if (status === 404) return { ok: false, failure: 'bad-response', notFound: true };
  if (status !== 200) return { ok: false, failure: 'bad-response', ...(status === 400 ? { invalidKeys: invalidKeys(body) } : {}) };
  const issues = readSearch(body, { site: target.site, baseUrl: target.baseUrl });
  if (!issues) return { ok: false, failure: 'bad-response' };
  const b = body as { isLast?: unknown; nextPageToken?: unknown; total?: unknown; issues: unknown[] };
  return { ok: true, issues, paging: { isLast: b.isLast, nextPageToken: b.nextPageToken, total: b.total, count: b.issues.length } };
}

/** Issues one bulk-changelog call may name (Atlassian: "up to 1000 issues"; 1,001 is refused with a 400). */
export const CHANGELOG_KEYS = 1000;
/**
 * Histories asked a page. The documented maximum is 10,000, but a history with its author is about
 * 1 kB: a page that size would pass the body cap (8 MiB, ../http.ts) and be refused unread. This
 * keeps a full page near half of it.
 */
const CHANGELOG_PAGE = 4000;
/** Pages followed before giving up: 40,000 status changes for at most 1,000 issues. */
const MAX_CHANGELOG_PAGES = 10;

/**
 * The status histories of the issues `keys` names, by issue id, every page read; or why not. Only
 * what stops a search too (a rate limit, a session that does not cover the read) stops the batch
 * (`stopsBatch`): anything else leaves the facts without history.
 */
export type ChangelogOutcome =
  { ok: true; histories: ReadonlyMap<string, readonly unknown[]>; asked: ReadonlySet<string> } | { ok: false; failure: EnrichFailure; retryAfterMs?: number; stopsBatch: boolean };

/** Cloud's bulk changelog for `keys` (at most `CHANGELOG_KEYS`), status changes only. */
export async function fetchChangelogs(context: RequestContext, target: SearchTarget, keys: readonly string[]): Promise<ChangelogOutcome> {
  const url = `${target.baseUrl.replace(/\/$/, '')}/rest/api/3/changelog/bulkfetch`;
  const histories = new Map<string, unknown[]>();
  let nextPageToken: string | undefined;
  for (let page = 0; page < MAX_CHANGELOG_PAGES; page++) {
    const answer = await requestJson(context, url, {
      method: 'POST',
      headers: POST_HEADERS,
      body: JSON.stringify({ issueIdsOrKeys: keys, fieldIds: ['status'], maxResults: CHANGELOG_PAGE, ...(nextPageToken ? { nextPageToken } : {}) }),
    });
    if (!answer.ok) {
      const { failure, retryAfterMs } = answer;
      return { ok: false, failure, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}), stopsBatch: failure === 'rate-limited' || failure === 'signed-out' };
    }
    const read = answer.status === 200 ? addBulkChangelogPage(answer.body, histories) : null;
    if (!read) return { ok: false, failure: 'bad-response', stopsBatch: false };
    if (read.nextPageToken === undefined) return { ok: true, histories, asked: new Set(keys) };
    nextPageToken = read.nextPageToken;
  }
  // Pages left unread may hold any issue's latest changes: none of these histories is known whole.
  return { ok: false, failure: 'bad-response', stopsBatch: false };
}

/** Comments the comment API gives a page (Cloud's documented default and most). */
const COMMENTS_PAGE = 100;
/** Pages of comments read for one issue: as many as a ticket's facts keep (../../messaging/limits.ts). */
const COMMENT_PAGES = 10;

/**
 * Every comment of one issue, oldest first, from the comment API (`GET /rest/api/{3|2}/issue/{key}/comment`,
 * paged by `startAt`, `orderBy=created`): for an issue whose thread the search cut short. Null when
 * it could not be read whole (the issue's reply clocks then stay unknown, never guessed).
 */
export async function fetchComments(context: RequestContext, target: SearchTarget, key: string): Promise<unknown[] | null> {
  const base = `${target.baseUrl.replace(/\/$/, '')}/rest/api/${target.kind === 'cloud' ? 3 : 2}/issue/${encodeURIComponent(key)}/comment`;
  const comments: unknown[] = [];
  for (let page = 0; page < COMMENT_PAGES; page++) {
    const query = new URLSearchParams({ startAt: String(comments.length), maxResults: String(COMMENTS_PAGE), orderBy: 'created' });
    const answer = await requestJson(context, `${base}?${query}`, { method: 'GET', headers: GET_HEADERS });
    if (!answer.ok || answer.status !== 200) return null;
    const body = answer.body as { comments?: unknown; total?: unknown } | null;
    if (!body || !Array.isArray(body.comments) || typeof body.total !== 'number') return null;
    comments.push(...(body.comments as unknown[]));
    if (comments.length >= body.total) return comments;
    // A page that gives nothing yet says more follow would be asked for ever.
    if (body.comments.length === 0) return null;
  }
  return null;
}
