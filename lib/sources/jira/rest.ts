/**
 * One search request to the Jira the page belongs to, with the user's session (same origin, no
 * token: jira-dom.md §5.1), classified into facts or a failure. Cloud: `POST /rest/api/3/search/jql`
 * (§5.2; the old `/search` is gone there). Data Center: `GET {base}/rest/api/2/search` (§5.3).
 * Every request goes through `requestJson` (../http.ts): the page's origin only, no redirects, a
 * timeout and a size cap. Never throws.
 */
import type { TicketFacts } from '../../sla/index';
import { requestJson, type RequestContext } from '../http';
import type { EnrichFailure } from '../types';
import { parseSearch } from './parse';

export interface SearchTarget {
  kind: 'cloud' | 'dc';
  /** Origin (Cloud) or `ajs-base-url` (DC, may end in a context path). */
  baseUrl: string;
  site: string;
}

export type SearchOutcome = { ok: true; facts: Map<string, TicketFacts> } | { ok: false; failure: EnrichFailure; retryAfterMs?: number; notFound?: boolean; invalidKeys?: string[] };

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

/**
 * Asks the site which field holds the JSM request type: `GET {base}/rest/api/2/field`, which Cloud
 * and Data Center both serve to any signed-in user. Any failure gives the usual default, so a
 * missing field list never stops the search.
 */
export async function discoverRequestTypeField(context: RequestContext, target: SearchTarget): Promise<string> {
  const answer = await requestJson(context, `${target.baseUrl.replace(/\/$/, '')}/rest/api/2/field`, { method: 'GET', headers: { Accept: 'application/json' } });
  return (answer.ok && answer.status === 200 ? requestTypeFieldOf(answer.body) : null) ?? DEFAULT_REQUEST_TYPE_FIELD;
}

/** Keys Jira's JQL validation names as not existing (or not visible): `An issue with key 'SUP-9' does not exist…`. */
function invalidKeys(body: unknown): string[] {
  const messages = (body as { errorMessages?: unknown } | null)?.errorMessages;
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((m) => (typeof m === 'string' ? [...m.matchAll(/'([A-Z][A-Z0-9_]+-\d+)'/g)].map((x) => x[1]!) : []));
}

const MAX_PAGES = 4;

/** Facts for `keys` (at most 50), following pages when the server returns fewer than asked. */
export async function searchIssues(context: RequestContext, target: SearchTarget, keys: readonly string[], fields: readonly string[]): Promise<SearchOutcome> {
  const jql = `key in (${keys.join(', ')})`;
  const facts = new Map<string, TicketFacts>();
  const base = target.baseUrl.replace(/\/$/, '');
  let nextPageToken: string | undefined;
  let startAt = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer =
      target.kind === 'cloud'
        ? await requestJson(context, `${base}/rest/api/3/search/jql`, {
            method: 'POST',
            headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check' },
            body: JSON.stringify({ jql, fields, expand: 'changelog', maxResults: 50, ...(nextPageToken ? { nextPageToken } : {}) }),
          })
        : await requestJson(
            context,
            `${base}/rest/api/2/search?${new URLSearchParams({ jql, fields: fields.join(','), expand: 'changelog', maxResults: '50', startAt: String(startAt), validateQuery: 'warn' })}`,
            {
              method: 'GET',
              headers: { Accept: 'application/json' },
            },
          );
    const outcome = classify(answer, target);
    if (!outcome.ok) return outcome;
    for (const [key, f] of outcome.facts) facts.set(key, f);
    const { paging } = outcome;
    if (target.kind === 'cloud') {
      if (paging.isLast !== false || typeof paging.nextPageToken !== 'string') break;
      nextPageToken = paging.nextPageToken;
    } else {
      startAt += paging.count;
      if (typeof paging.total !== 'number' || startAt >= paging.total || paging.count === 0) break;
    }
  }
  return { ok: true, facts };
}

/** What a search page says about the next one; the rest of the body (comment bodies included) is dropped once parsed. */
interface Paging {
  isLast: unknown;
  nextPageToken: unknown;
  total: unknown;
  count: number;
}

function classify(answer: Awaited<ReturnType<typeof requestJson>>, target: SearchTarget): { ok: true; facts: Map<string, TicketFacts>; paging: Paging } | Extract<SearchOutcome, { ok: false }> {
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
  const facts = parseSearch(body, { site: target.site, baseUrl: target.baseUrl });
  if (!facts) return { ok: false, failure: 'bad-response' };
  const b = body as { isLast?: unknown; nextPageToken?: unknown; total?: unknown; issues: unknown[] };
  return { ok: true, facts, paging: { isLast: b.isLast, nextPageToken: b.nextPageToken, total: b.total, count: b.issues.length } };
}
