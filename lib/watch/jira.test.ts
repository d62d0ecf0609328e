/**
 * Listing a watched Jira scope: the requests it makes (GET only, Cloud's and Data Center's search,
 * JSM's queue), how it follows each API's pages, where it stops (the cap, a bound on pages, an
 * abort), and the one sentence it gives for each failure. The fake `fetch` answers with pages made
 * from Atlassian's documented examples (__fixtures__/PROVENANCE.md); a last part lists scopes of
 * the fake sites the browser suites use.
 */
import { describe, expect, it } from 'vitest';
import { fakeFetch as siteFetch, headersOf } from '../sources/jira/__fixtures__/fetch';
import type { Fetch, RequestContext } from '../sources/http';
import type { SearchTarget } from '../sources/jira/rest';
import { JIRA_DC_BASE, JIRA_DC_ORIGIN, JIRA_ORIGIN, type FakeSiteData } from '../../testing/sites/index';
import { manyJiraIssues } from '../../testing/sites/samples';
import searchJqlExample from './__fixtures__/rest-api-3-search-jql.GET.200.atlassian-openapi-example.json';
import oldSearchExample from './__fixtures__/rest-api-3-search.GET.200.DEPRECATED.atlassian-openapi-example.json';
import queueExample from './__fixtures__/servicedeskapi-queue-issue.GET.200.atlassian-openapi-example.json';
import { listJiraScope, MAX_JQL_CHARS } from './jira';
import type { JiraScopeQuery, ScopeListing } from './types';

const SITE = 'acme.atlassian.net';
const CLOUD: SearchTarget = { kind: 'cloud', baseUrl: JIRA_ORIGIN, site: SITE };
const DC: SearchTarget = { kind: 'dc', baseUrl: JIRA_DC_BASE, site: new URL(JIRA_DC_ORIGIN).hostname };
const JQL: JiraScopeQuery = { kind: 'jql', jql: 'project = SUP AND statusCategory != Done ORDER BY created DESC' };
const FILTER: JiraScopeQuery = { kind: 'filter', filter: '10001' };
const QUEUE: JiraScopeQuery = { kind: 'queue', serviceDesk: '2', queue: '7' };

interface Call {
  url: URL;
  init: RequestInit;
}

/** A `fetch` whose answers `answer` gives, every call recorded. */
function recording(answer: (url: URL, init: RequestInit, n: number) => Response | Promise<Response>): Fetch & { calls: Call[] } {
  const calls: Call[] = [];
  const fn = async (url: string, init: RequestInit) => {
    calls.push({ url: new URL(url), init });
    return answer(new URL(url), init, calls.length);
  };
  return Object.assign(fn, { calls });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const contextOf = (fetch: Fetch, origin = JIRA_ORIGIN, signal = new AbortController().signal): RequestContext => ({ fetch, origin, signal, now: 0 });
const keyRange = (from: number, count: number, project = 'SUP') => Array.from({ length: count }, (_, i) => `${project}-${from + i}`);

/** An issue of a listing's page: the documented example's own fields, as `fields=key` leaves them (none). */
function keyOnly(key: string, base: string, version: 2 | 3): object {
  const { expand, id } = searchJqlExample.issues[0]!;
  const n = key.split('-')[1];
  return { expand, id: `${id}${n}`, key, self: `${base}/rest/api/${version}/issue/${id}${n}`, fields: {} };
}

/** A Cloud search page in the documented example's shape: more to come when `token` is given. */
function cloudPage(keys: readonly string[], token?: string): object {
  return { ...searchJqlExample, issues: keys.map((k) => keyOnly(k, JIRA_ORIGIN, 3)), isLast: token === undefined, ...(token !== undefined ? { nextPageToken: token } : {}) };
}

/** A Data Center search page in the old search's documented shape. */
function dcPage(keys: readonly string[], startAt: number, maxResults: number, total: number): object {
  const { expand } = oldSearchExample;
  return { expand, startAt, maxResults, total, issues: keys.map((k) => keyOnly(k, JIRA_DC_BASE, 2)) };
}

/** A JSM queue page in the documented example's shape. */
function queuePage(keys: readonly string[], start: number, limit: number, isLastPage: boolean): object {
  const value = queueExample.values[0]!;
  return { ...queueExample, size: keys.length, start, limit, isLastPage, values: keys.map((key, i) => ({ ...value, key, id: String(Number(value.id) + start + i) })) };
}

/** A Cloud site holding `keys`, giving at most `cap` a page whatever is asked (tokens are offsets). */
function cloudSite(keys: readonly string[], cap = 5000) {
  return recording((url) => {
    const at = Number(url.searchParams.get('nextPageToken') ?? 0);
    const size = Math.min(Number(url.searchParams.get('maxResults') ?? 50), cap);
    const page = keys.slice(at, at + size);
    return json(200, cloudPage(page, at + page.length < keys.length ? String(at + page.length) : undefined));
  });
}

function dcSite(keys: readonly string[], cap = 1000) {
  return recording((url) => {
    const at = Number(url.searchParams.get('startAt') ?? 0);
    const size = Math.min(Number(url.searchParams.get('maxResults') ?? 50), cap);
    return json(200, dcPage(keys.slice(at, at + size), at, size, keys.length));
  });
}

function queueSite(keys: readonly string[], cap = 50) {
  return recording((url) => {
    const at = Number(url.searchParams.get('start') ?? 0);
    const size = Math.min(Number(url.searchParams.get('limit') ?? 50), cap);
    const page = keys.slice(at, at + size);
    return json(200, queuePage(page, at, size, at + page.length >= keys.length));
  });
}

const methods = (fetch: { calls: Call[] }) => fetch.calls.map((c) => c.init.method);
const failure = (listing: ScopeListing) => (listing.ok ? null : listing);

/** One plain sentence that names the site: no line breaks, no markup, one full stop at the end. */
function expectSentence(message: string, site = SITE) {
  expect(message).toContain(site);
  expect(message).toMatch(/[.]$/);
  expect(message).not.toMatch(/[\n<>]/);
}

describe('a JQL query on Jira Cloud: GET /rest/api/3/search/jql, keys only, paged by nextPageToken', () => {
  it('reads the documented example as a whole listing: one GET, its one key', async () => {
    const fetch = recording(() => json(200, searchJqlExample));
    expect(await listJiraScope(contextOf(fetch), CLOUD, JQL)).toEqual({ ok: true, keys: ['ED-1'], requests: 1 });
    const [call] = fetch.calls;
    expect(call!.url.origin + call!.url.pathname).toBe(`${JIRA_ORIGIN}/rest/api/3/search/jql`);
    expect(Object.fromEntries(call!.url.searchParams)).toEqual({ jql: JQL.kind === 'jql' ? JQL.jql : '', fields: 'key', maxResults: '5000' });
    expect(call!.init).toMatchObject({ method: 'GET', credentials: 'same-origin', redirect: 'manual' });
    expect(call!.init.body).toBeUndefined();
  });

  it('follows the tokens to the last page, whatever size the pages come in, every request a GET', async () => {
    const keys = keyRange(1, 2600);
    // Fewer a page than asked: the API "may return fewer items per page".
    const fetch = cloudSite(keys, 1000);
    const listing = await listJiraScope(contextOf(fetch), CLOUD, JQL);
    expect(listing).toEqual({ ok: true, keys, requests: 3 });
    expect(fetch.calls.map((c) => c.url.searchParams.get('nextPageToken'))).toEqual([null, '1000', '2000']);
    expect(methods(fetch)).toEqual(['GET', 'GET', 'GET']);
    expect(fetch.calls.every((c) => c.url.searchParams.get('maxResults') === '5000')).toBe(true);
  });

  it('gives each key once, in the site’s order, and leaves out entries with no key', async () => {
    const fetch = recording((url) =>
      url.searchParams.has('nextPageToken')
        ? json(200, { ...cloudPage(['SUP-3', 'SUP-1', 'SUP-4']), issues: [...(cloudPage(['SUP-3', 'SUP-1', 'SUP-4']) as { issues: object[] }).issues, { id: '1' }, { key: 'not a key' }] })
        : json(200, cloudPage(['SUP-2', 'SUP-3', 'SUP-1'], 'next')),
    );
    expect(await listJiraScope(contextOf(fetch), CLOUD, JQL)).toEqual({ ok: true, keys: ['SUP-2', 'SUP-3', 'SUP-1', 'SUP-4'], requests: 2 });
  });

  it('does not follow a token on a page that says it is the last', async () => {
    const fetch = recording(() => json(200, { ...cloudPage(['SUP-1'], 'stale'), isLast: true }));
    expect(await listJiraScope(contextOf(fetch), CLOUD, JQL)).toEqual({ ok: true, keys: ['SUP-1'], requests: 1 });
  });

  it('an empty scope is an empty listing', async () => {
    const fetch = cloudSite([]);
    expect(await listJiraScope(contextOf(fetch), CLOUD, JQL)).toEqual({ ok: true, keys: [], requests: 1 });
  });

  it('refuses an empty query, or one too long for a URL, without a request', async () => {
    const fetch = cloudSite(['SUP-1']);
    for (const jql of ['', '   ', `project = SUP AND summary ~ "${'x'.repeat(MAX_JQL_CHARS)}"`]) {
      const listing = await listJiraScope(contextOf(fetch), CLOUD, { kind: 'jql', jql });
      expect(listing).toMatchObject({ ok: false, failure: 'invalid-query', requests: 0 });
      expectSentence(failure(listing)!.message);
    }
    expect(fetch.calls).toEqual([]);
  });
});

describe('a saved filter: the same search with `filter = <id>`', () => {
  it('asks Cloud for `filter = 10001`', async () => {
    const fetch = cloudSite(keyRange(1, 3));
    expect(await listJiraScope(contextOf(fetch), CLOUD, FILTER)).toEqual({ ok: true, keys: keyRange(1, 3), requests: 1 });
    expect(fetch.calls[0]!.url.searchParams.get('jql')).toBe('filter = 10001');
  });

  it.each(['abc', '10001 OR project = OPS', '-1', '', '1e3', '１２'])('refuses the filter id %j without a request', async (filter) => {
    const fetch = cloudSite(['SUP-1']);
    const listing = await listJiraScope(contextOf(fetch), CLOUD, { kind: 'filter', filter });
    expect(listing).toMatchObject({ ok: false, failure: 'invalid-query', requests: 0 });
    expectSentence(failure(listing)!.message);
    expect(fetch.calls).toEqual([]);
  });

  it('quotes Jira’s own words when it refuses the query (400 errorMessages), as text', async () => {
    const fetch = recording(() => json(400, { errorMessages: ["The value '10001' does not exist for the field 'filter'."], warningMessages: [] }));
    const listing = await listJiraScope(contextOf(fetch), CLOUD, FILTER);
    expect(listing).toEqual({ ok: false, failure: 'invalid-query', message: `Jira on ${SITE} refused filter 10001: “The value '10001' does not exist for the field 'filter'.”.`, requests: 1 });
    const long = recording(() => json(400, { errorMessages: [`<b>Error</b>\nin the JQL ${'y'.repeat(500)}`] }));
    const message = failure(await listJiraScope(contextOf(long), CLOUD, JQL))!.message;
    expect(message.length).toBeLessThan(400);
    expect(message).toContain('<b>Error</b> in the JQL');
    expect(message).not.toContain('\n');
  });

  it('a 400 without Jira’s words is an answer it could not read', async () => {
    const fetch = recording(() => json(400, { message: '', status: 400 }));
    expect(await listJiraScope(contextOf(fetch), CLOUD, FILTER)).toMatchObject({ ok: false, failure: 'bad-response', requests: 1 });
  });
});

describe('Data Center: GET {base}/rest/api/2/search, paged by startAt up to total', () => {
  it('asks under the context path, 1,000 a page, and follows smaller pages by startAt', async () => {
    const keys = keyRange(1, 1250);
    const fetch = dcSite(keys, 500);
    expect(await listJiraScope(contextOf(fetch, JIRA_DC_ORIGIN), DC, JQL)).toEqual({ ok: true, keys, requests: 3 });
    expect(fetch.calls.map((c) => c.url.origin + c.url.pathname)).toEqual(Array(3).fill(`${JIRA_DC_BASE}/rest/api/2/search`));
    expect(fetch.calls.map((c) => Object.fromEntries(c.url.searchParams))).toEqual(
      [0, 500, 1000].map((startAt) => ({ jql: JQL.kind === 'jql' ? JQL.jql : '', fields: 'key', maxResults: '1000', startAt: String(startAt) })),
    );
    expect(methods(fetch)).toEqual(['GET', 'GET', 'GET']);
  });

  it('reads the documented (old search) example as a whole listing', async () => {
    const fetch = recording(() => json(200, oldSearchExample));
    expect(await listJiraScope(contextOf(fetch, JIRA_DC_ORIGIN), DC, FILTER)).toEqual({ ok: true, keys: ['ED-1'], requests: 1 });
    expect(fetch.calls[0]!.url.searchParams.get('jql')).toBe('filter = 10001');
  });

  it('refuses a scope whose total passes the cap on the first page', async () => {
    const fetch = recording(() => json(200, dcPage(keyRange(1, 1000), 0, 1000, 10_001)));
    const listing = await listJiraScope(contextOf(fetch, JIRA_DC_ORIGIN), DC, FILTER);
    expect(listing).toEqual({
      ok: false,
      failure: 'too-many',
      message: `Filter 10001 on ${DC.site} holds more than 10,000 tickets: narrow it (SLA Lens watches at most 10,000 tickets a scope).`,
      requests: 1,
    });
  });

  it('an answer without `total` is not a Data Center search page', async () => {
    const fetch = recording(() => json(200, { issues: [] }));
    expect(await listJiraScope(contextOf(fetch, JIRA_DC_ORIGIN), DC, JQL)).toMatchObject({ ok: false, failure: 'bad-response', requests: 1 });
  });
});

describe('a JSM queue: GET /rest/servicedeskapi/servicedesk/{id}/queue/{id}/issue, paged by start and isLastPage', () => {
  it('asks 50 a page from start 0, without the experimental opt-in, and follows isLastPage', async () => {
    const keys = keyRange(1, 120);
    const fetch = queueSite(keys);
    expect(await listJiraScope(contextOf(fetch), CLOUD, QUEUE)).toEqual({ ok: true, keys, requests: 3 });
    expect(fetch.calls.map((c) => c.url.href)).toEqual([0, 50, 100].map((start) => `${JIRA_ORIGIN}/rest/servicedeskapi/servicedesk/2/queue/7/issue?start=${start}&limit=50`));
    expect(methods(fetch)).toEqual(['GET', 'GET', 'GET']);
    for (const call of fetch.calls) expect(headersOf(call.init)).toEqual({ accept: 'application/json' });
  });

  it('reads the documented example’s key, and goes on from where its page ends', async () => {
    const fetch = recording((url) => (url.searchParams.get('start') === '0' ? json(200, queueExample) : json(200, queuePage(['SD-2'], 1, 50, true))));
    expect(await listJiraScope(contextOf(fetch), CLOUD, QUEUE)).toEqual({ ok: true, keys: ['SD-1', 'SD-2'], requests: 2 });
    expect(fetch.calls[1]!.url.searchParams.get('start')).toBe('1');
  });

  it('on Data Center, under the context path', async () => {
    const fetch = queueSite(['SUP-1']);
    await listJiraScope(contextOf(fetch, JIRA_DC_ORIGIN), DC, QUEUE);
    expect(fetch.calls[0]!.url.origin + fetch.calls[0]!.url.pathname).toBe(`${JIRA_DC_BASE}/rest/servicedeskapi/servicedesk/2/queue/7/issue`);
  });

  it('a queue that does not exist (or cannot be seen) is not-found, in one sentence', async () => {
    const fetch = recording(() => json(404, { errorMessage: 'Queue with ID 7 does not exist.', i18nErrorMessage: { i18nKey: 'sd.queue.error.not.found', parameters: [] } }));
    expect(await listJiraScope(contextOf(fetch), CLOUD, QUEUE)).toEqual({
      ok: false,
      failure: 'not-found',
      message: 'Queue 7 of service desk 2 does not exist on acme.atlassian.net, or you cannot see it.',
      requests: 1,
    });
    const html = recording(() => new Response('<!doctype html><title>Oops</title>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    expect(await listJiraScope(contextOf(html), CLOUD, QUEUE)).toMatchObject({ ok: false, failure: 'not-found', requests: 1 });
  });

  it.each([
    ['SUP', '7'],
    ['2', 'custom/7'],
    ['2', '../../api/3/myself'],
    ['2', ''],
    ['', '7'],
  ])('refuses service desk %j, queue %j without a request', async (serviceDesk, queue) => {
    const fetch = queueSite(['SUP-1']);
    const listing = await listJiraScope(contextOf(fetch), CLOUD, { kind: 'queue', serviceDesk, queue });
    expect(listing).toMatchObject({ ok: false, failure: 'invalid-query', requests: 0 });
    expectSentence(failure(listing)!.message);
    expect(fetch.calls).toEqual([]);
  });
});

describe('at most 10,000 tickets a scope, refused as soon as known', () => {
  it('Cloud: 10,001 keys are refused after the third page, never cut to 10,000', async () => {
    const fetch = cloudSite(keyRange(1, 10_001));
    const listing = await listJiraScope(contextOf(fetch), CLOUD, JQL);
    expect(listing).toEqual({
      ok: false,
      failure: 'too-many',
      message: `The query “project = SUP AND statusCategory != Done ORDER BY created DESC” on ${SITE} holds more than 10,000 tickets: narrow it (SLA Lens watches at most 10,000 tickets a scope).`,
      requests: 3,
    });
  });

  it('Cloud: exactly 10,000 keys are listed', async () => {
    const fetch = cloudSite(keyRange(1, 10_000));
    const listing = await listJiraScope(contextOf(fetch), CLOUD, JQL);
    expect(listing.ok && listing.keys.length).toBe(10_000);
    expect(listing.requests).toBe(2);
  });

  it('a smaller cap is asked for, plus one, and refused while paging', async () => {
    const fetch = queueSite(keyRange(1, 500));
    expect(await listJiraScope(contextOf(fetch), CLOUD, QUEUE, 120)).toMatchObject({ ok: false, failure: 'too-many', requests: 3 });
    const cloud = cloudSite(keyRange(1, 500));
    expect(await listJiraScope(contextOf(cloud), CLOUD, JQL, 120)).toMatchObject({ ok: false, failure: 'too-many', requests: 1 });
    expect(cloud.calls[0]!.url.searchParams.get('maxResults')).toBe('121');
    const exact = cloudSite(keyRange(1, 120));
    expect(await listJiraScope(contextOf(exact), CLOUD, JQL, 120)).toMatchObject({ ok: true, requests: 1 });
  });

  it('the same key on two pages counts once', async () => {
    const fetch = recording((url) => json(200, url.searchParams.has('nextPageToken') ? cloudPage(['SUP-1', 'SUP-2']) : cloudPage(['SUP-1', 'SUP-2'], 'again')));
    expect(await listJiraScope(contextOf(fetch), CLOUD, JQL, 2)).toEqual({ ok: true, keys: ['SUP-1', 'SUP-2'], requests: 2 });
  });
});

describe('bounded: a server that never ends is not followed for ever', () => {
  it('stops after ceil(cap / 50) + 1 pages when the pages are too small to reach the end', async () => {
    let n = 0;
    const fetch = recording(() => json(200, cloudPage([`SUP-${++n}`], `t${n}`)));
    const listing = await listJiraScope(contextOf(fetch), CLOUD, JQL, 100);
    expect(listing).toMatchObject({ ok: false, failure: 'bad-response', requests: 3 });
    expectSentence(failure(listing)!.message);
    const many = recording(() => json(200, queuePage([`SUP-${++n}`], n, 50, false)));
    expect(await listJiraScope(contextOf(many), CLOUD, QUEUE)).toMatchObject({ ok: false, failure: 'bad-response', requests: 201 });
  });

  it('an empty page that says more follow is not asked again', async () => {
    const cloud = recording(() => json(200, cloudPage([], 'same')));
    expect(await listJiraScope(contextOf(cloud), CLOUD, JQL)).toMatchObject({ ok: false, failure: 'bad-response', requests: 1 });
    const queue = recording(() => json(200, queuePage([], 0, 50, false)));
    expect(await listJiraScope(contextOf(queue), CLOUD, QUEUE)).toMatchObject({ ok: false, failure: 'bad-response', requests: 1 });
    const dc = recording(() => json(200, dcPage([], 0, 1000, 5)));
    expect(await listJiraScope(contextOf(dc, JIRA_DC_ORIGIN), DC, JQL)).toMatchObject({ ok: false, failure: 'bad-response', requests: 1 });
  });
});

describe('abortable', () => {
  it('an aborted signal sends nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const fetch = cloudSite(['SUP-1']);
    const listing = await listJiraScope(contextOf(fetch, JIRA_ORIGIN, controller.signal), CLOUD, JQL);
    expect(listing).toMatchObject({ ok: false, failure: 'network', requests: 0 });
    expect(failure(listing)!.message).toBe(`Listing the query “project = SUP AND statusCategory != Done ORDER BY created DESC” on ${SITE} was stopped before it finished.`);
    expect(fetch.calls).toEqual([]);
  });

  it('an abort while the first page is read asks for no further page', async () => {
    const controller = new AbortController();
    const keys = keyRange(1, 150);
    const site = queueSite(keys);
    const fetch = recording(async (url, init, n) => {
      if (n === 1) controller.abort();
      return site(url.href, init);
    });
    expect(await listJiraScope(contextOf(fetch, JIRA_ORIGIN, controller.signal), CLOUD, QUEUE)).toMatchObject({ ok: false, failure: 'network', requests: 1 });
    expect(fetch.calls).toHaveLength(1);
  });

  it('an abort while a request is out gives up on it', async () => {
    const controller = new AbortController();
    const fetch = recording(() => new Promise<Response>(() => controller.abort()));
    expect(await listJiraScope(contextOf(fetch, JIRA_ORIGIN, controller.signal), CLOUD, JQL)).toMatchObject({ ok: false, failure: 'network', requests: 1 });
  });
});

describe('failures: what requestJson says of an answer, in one sentence naming the site', () => {
  const html = (status: number) => () => new Response('<!doctype html><title>Log in with Atlassian account</title>', { status, headers: { 'Content-Type': 'text/html' } });
  it.each([
    ['401', () => json(401, {}), 'signed-out'],
    ['a sign-in page (200 HTML)', html(200), 'signed-out'],
    ['a redirect to sign in', () => new Response(null, { status: 302, headers: { Location: 'https://id.atlassian.com/login' } }), 'signed-out'],
    ['403', () => json(403, { errorMessages: ['You do not have permission'] }), 'forbidden'],
    ['XSRF check failed (403 text)', () => new Response('XSRF check failed', { status: 403, headers: { 'Content-Type': 'text/plain' } }), 'forbidden'],
    ['500', () => json(500, { errorMessages: ['Internal server error'] }), 'server-error'],
    ['503 HTML', html(503), 'server-error'],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
    ['JSON of another shape', () => json(200, { results: [] }), 'bad-response'],
    ['a body that is not JSON', () => new Response('{"isLast":', { status: 200, headers: { 'Content-Type': 'application/json' } }), 'bad-response'],
    ['410 Gone', () => json(410, { errorMessages: ['The requested API has been removed.'] }), 'bad-response'],
  ] as const)('%s → %s', async (_name, answer, expected) => {
    for (const [query, target, origin] of [
      [JQL, CLOUD, JIRA_ORIGIN],
      [QUEUE, CLOUD, JIRA_ORIGIN],
      [FILTER, DC, JIRA_DC_ORIGIN],
    ] as const) {
      const fetch = recording(answer);
      const listing = await listJiraScope(contextOf(fetch, origin), target, query);
      expect(listing).toMatchObject({ ok: false, failure: expected, requests: 1 });
      expect(listing).not.toHaveProperty('retryAfterMs');
      expectSentence(failure(listing)!.message, target.site);
    }
  });

  it('429 → rate-limited, with the Retry-After the site asked for', async () => {
    const fetch = recording(() => json(429, { errorMessages: ['Rate limit exceeded'] }, { 'Retry-After': '120' }));
    const listing = await listJiraScope(contextOf(fetch), CLOUD, JQL);
    expect(listing).toMatchObject({ ok: false, failure: 'rate-limited', retryAfterMs: 120_000, requests: 1 });
    expectSentence(failure(listing)!.message);
  });

  it('a failure on a later page counts the pages read before it', async () => {
    const fetch = recording((url) => (url.searchParams.has('nextPageToken') ? json(503, {}) : json(200, cloudPage(['SUP-1'], 'more'))));
    expect(await listJiraScope(contextOf(fetch), CLOUD, JQL)).toMatchObject({ ok: false, failure: 'server-error', requests: 2 });
  });

  it('a search API that is not there (404) is not-found, said of the site', async () => {
    const fetch = recording(() => json(404, { errorMessages: ['Not found'] }));
    const listing = await listJiraScope(contextOf(fetch), CLOUD, JQL);
    expect(listing).toMatchObject({ ok: false, failure: 'not-found', requests: 1 });
    expectSentence(failure(listing)!.message);
  });

  it('a target off the context’s origin is never asked, and no request is counted', async () => {
    const fetch = cloudSite(['SUP-1']);
    const listing = await listJiraScope(contextOf(fetch), { ...CLOUD, baseUrl: 'https://evil.example' }, JQL);
    expect(listing).toMatchObject({ ok: false, failure: 'network', requests: 0 });
    expect(fetch.calls).toEqual([]);
  });
});

describe('against the fake sites the browser suites use', () => {
  const NOW = Date.parse('2026-11-26T12:00:00Z');
  const data = (extra: Partial<FakeSiteData> = {}): FakeSiteData => ({ jira: manyJiraIssues(NOW, 30), zendesk: [], ...extra });

  it('lists a query, a filter and a queue on Cloud, and a query on Data Center, by GET alone', async () => {
    const d = data();
    const keys = d.jira.map((i) => i.key);
    const sites = data({
      jiraScopes: { [JQL.kind === 'jql' ? JQL.jql : '']: keys.slice(0, 20), 'filter = 10001': [...keys.slice(5, 10), 'SUP-99999'] },
      jsmQueues: { '2/7': keys.slice(0, 30).reverse() },
    });
    const fetch = siteFetch(sites);
    expect(await listJiraScope(contextOf(fetch), CLOUD, JQL)).toEqual({ ok: true, keys: keys.slice(0, 20), requests: 1 });
    // A key the site has no issue for is listed all the same: its facts are the enrichment's to find.
    expect(await listJiraScope(contextOf(fetch), CLOUD, FILTER)).toEqual({ ok: true, keys: [...keys.slice(5, 10), 'SUP-99999'], requests: 1 });
    expect(await listJiraScope(contextOf(fetch), CLOUD, QUEUE)).toEqual({ ok: true, keys: keys.slice(0, 30).reverse(), requests: 1 });
    expect(await listJiraScope(contextOf(fetch, JIRA_DC_ORIGIN), DC, JQL)).toEqual({ ok: true, keys: keys.slice(0, 20), requests: 1 });
    expect(fetch.calls.every((c) => (c.init.method ?? 'GET') === 'GET')).toBe(true);
  });

  it('the fake’s 400 for an unknown filter and 404 for an unknown queue come out as Jira’s would', async () => {
    const fetch = siteFetch(data());
    expect(await listJiraScope(contextOf(fetch), CLOUD, { kind: 'filter', filter: '424242' })).toMatchObject({
      ok: false,
      failure: 'invalid-query',
      message: `Jira on ${SITE} refused filter 424242: “The value '424242' does not exist for the field 'filter'.”.`,
    });
    expect(await listJiraScope(contextOf(fetch), CLOUD, QUEUE)).toMatchObject({ ok: false, failure: 'not-found' });
  });

  it('Cloud gives 5,000 keys a page; a 12,000-ticket scope is refused after its third', async () => {
    const big = keyRange(1, 12_000);
    const fetch = siteFetch(data({ jiraScopes: { 'project = BIG': big } }));
    expect(await listJiraScope(contextOf(fetch), CLOUD, { kind: 'jql', jql: 'project = BIG' })).toMatchObject({ ok: false, failure: 'too-many', requests: 3 });
    const fits = siteFetch(data({ jiraScopes: { 'project = BIG': big.slice(0, 9_999) } }));
    const listing = await listJiraScope(contextOf(fits), CLOUD, { kind: 'jql', jql: 'project = BIG' });
    expect(listing.ok && listing.keys).toEqual(big.slice(0, 9_999));
    expect(listing.requests).toBe(2);
  });

  it('signed out (the fake answers its sign-in page), the listing says so', async () => {
    const fetch = siteFetch(data({ requireSession: true, jsmQueues: { '2/7': ['SUP-201'] } }));
    expect(await listJiraScope(contextOf(fetch), CLOUD, QUEUE)).toMatchObject({ ok: false, failure: 'signed-out', requests: 1 });
  });
});

describe('which tickets changed since the last listing', () => {
  const NOW = Date.parse('2026-12-03T10:00:00Z');
  it('asks JQL for the scope updated since then (the server’s own clock, a minute to spare), and names only tickets the scope holds', async () => {
    const fetch = recording((url) => (/updated >= -/.test(url.searchParams.get('jql') ?? '') ? json(200, cloudPage(['SUP-2', 'OPS-9'])) : json(200, cloudPage(keyRange(1, 3)))));
    const listing = await listJiraScope({ ...contextOf(fetch), now: NOW }, CLOUD, FILTER, undefined, NOW - 5 * 60_000);
    expect(listing).toEqual({ ok: true, keys: ['SUP-1', 'SUP-2', 'SUP-3'], requests: 2, changed: ['SUP-2'] });
    expect(fetch.calls[1]!.url.searchParams.get('jql')).toBe('(filter = 10001) AND updated >= -6m');
    expect(fetch.calls.every((c) => c.init.method === 'GET')).toBe(true);
  });

  it('leaves the scope’s ORDER BY out of that query, which JQL takes only at the end of a whole query', async () => {
    const fetch = recording(() => json(200, cloudPage(keyRange(1, 2))));
    await listJiraScope({ ...contextOf(fetch), now: NOW }, CLOUD, { kind: 'jql', jql: 'project = SUP order by created DESC' }, undefined, NOW - 60_000);
    expect(fetch.calls[1]!.url.searchParams.get('jql')).toBe('(project = SUP) AND updated >= -2m');
  });

  it('without an answer to that, lists the scope all the same and leaves the choice to the rotation', async () => {
    const fetch = recording((url) => (/updated >= -/.test(url.searchParams.get('jql') ?? '') ? json(503, {}) : json(200, cloudPage(keyRange(1, 3)))));
    expect(await listJiraScope({ ...contextOf(fetch), now: NOW }, CLOUD, JQL, undefined, NOW - 60_000)).toEqual({ ok: true, keys: ['SUP-1', 'SUP-2', 'SUP-3'], requests: 2 });
  });

  it('a first listing (no since) asks once and says nothing of changes', async () => {
    const fetch = recording(() => json(200, cloudPage(keyRange(1, 2))));
    expect(await listJiraScope({ ...contextOf(fetch), now: NOW }, CLOUD, JQL)).toEqual({ ok: true, keys: ['SUP-1', 'SUP-2'], requests: 1 });
  });
});
