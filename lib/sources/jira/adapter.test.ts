import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle, JIRA_DC_BASE, JIRA_DC_ORIGIN, JIRA_ORIGIN, type FakeSiteData } from '../../../testing/sites/index';
import { manyJiraIssues, sampleJiraIssues } from '../../../testing/sites/samples';
import { fakeFetch, isChangelog, isSearch, keysAsked, searchBody, type Call } from './__fixtures__/fetch';
import { FIXTURE_NOW, renderFixture, renderHtml } from './__fixtures__/pages';
import { createJiraAdapter, jiraAdapter, searchTarget, type JiraAdapterOptions } from './adapter';
import { MAX_RETRY_AFTER_MS, type Fetch } from '../http';
import { never, paddedJson, redirectTo } from '../../../testing/fakes/fetch';
import { createEnricher } from './enrich';

const sites = (): FakeSiteData => ({ jira: [...sampleJiraIssues(FIXTURE_NOW), ...manyJiraIssues(FIXTURE_NOW, 130)], zendesk: [] });
const NO_DOC = () => undefined;
// The request-type field is given, so these tests count searches only; discovery has its own tests.
const adapterWith = (fetch: Fetch, options: Partial<JiraAdapterOptions> = {}) => createJiraAdapter({ fetch, document: NO_DOC, coalesceMs: 1, requestTypeField: 'customfield_10010', ...options });
const opts = (now = FIXTURE_NOW, signal = new AbortController().signal) => ({ origin: JIRA_ORIGIN, signal, now });
const bodyOf = searchBody;
const searches = (fetch: { calls: Call[] }) => fetch.calls.filter(isSearch);
const changelogs = (fetch: { calls: Call[] }) => fetch.calls.filter(isChangelog);
const json = (status: number, body: string, headers: Record<string, string> = {}) => new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('the JSM request-type field, asked of each site', () => {
  const FIELDS = [
    { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
    { id: 'customfield_10234', name: 'Request Type', custom: true, schema: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin', customId: 10234 } },
  ];

  it('searches with the field the site names, once per origin, and reads the request type from it', async () => {
    const data = sites();
    const fetch = fakeFetch(data, (call) => {
      if (call.url.endsWith('/rest/api/2/field')) return json(200, JSON.stringify(FIELDS));
      if (!call.url.endsWith('/search/jql')) return undefined;
      // This site keeps the request type in customfield_10234, where the fake keeps it in 10010.
      const asked = (call.init.body as string).replaceAll('"customfield_10234"', '"customfield_10010"');
      const answer = handle(data, { method: 'POST', url: new URL(call.url), body: asked })!;
      return json(200, answer.body.replaceAll('"customfield_10010"', '"customfield_10234"'));
    });
    const adapter = createJiraAdapter({ fetch, document: NO_DOC, coalesceMs: 1 });
    const first = await adapter.enrich(['SUP-101'], opts());
    await adapter.enrich(['SUP-102'], opts());
    expect(fetch.calls.filter((c) => c.url.endsWith('/rest/api/2/field'))).toHaveLength(1);
    expect(searches(fetch)).toHaveLength(2);
    expect(bodyOf(searches(fetch)[0]!).fields).toContain('customfield_10234');
    expect(bodyOf(searches(fetch)[0]!).fields).not.toContain('customfield_10010');
    expect(first.facts.get('SUP-101')!.requestType).toBe(data.jira.find((i) => i.key === 'SUP-101')!.requestType);
  });

  it('falls back to customfield_10010 when the field list cannot be read', async () => {
    for (const answer of [json(404, '{}'), new Response('<html>Log in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), json(200, '[{"id":"summary"}]')]) {
      const fetch = fakeFetch(sites(), (call) => (call.url.endsWith('/rest/api/2/field') ? answer : undefined));
      const result = await createJiraAdapter({ fetch, document: NO_DOC, coalesceMs: 1 }).enrich(['SUP-101'], opts());
      expect(result.facts.has('SUP-101')).toBe(true);
      expect(bodyOf(searches(fetch)[0]!).fields).toContain('customfield_10010');
    }
  });
});

describe('Cloud enrichment', () => {
  it('asks search/jql once and the bulk changelog once, same origin, for the fields, status changes and comments SLA Lens needs', async () => {
    const fetch = fakeFetch(sites());
    const result = await adapterWith(fetch).enrich(['SUP-101', 'SUP-107', 'sup-104'], opts());
    expect(result.failure).toBeUndefined();
    expect([...result.facts.keys()].sort()).toEqual(['SUP-101', 'SUP-104', 'SUP-107']);
    expect(result.facts.get('SUP-107')).toMatchObject({ exact: true, status: 'Resolved', site: 'acme.atlassian.net' });
    expect(result.facts.get('SUP-101')!.firstResponseAt).toEqual(expect.any(Number));
    expect(fetch.calls).toHaveLength(2);
    const [search] = searches(fetch);
    expect(search!.url).toBe(`${JIRA_ORIGIN}/rest/api/3/search/jql`);
    expect(search!.init).toMatchObject({ method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'X-Atlassian-Token': 'no-check' } });
    const body = bodyOf(search!);
    // The changelog is not embedded: search would cap it, the bulk endpoint gives it whole.
    expect(body).not.toHaveProperty('expand');
    expect(body.maxResults).toBe(100);
    expect(body.jql).toMatch(/^key in \(SUP-\d+, SUP-\d+, SUP-\d+\)$/);
    expect(body.fields).toEqual(
      expect.arrayContaining(['created', 'updated', 'priority', 'status', 'issuetype', 'labels', 'project', 'assignee', 'resolutiondate', 'reporter', 'comment', 'customfield_10010']),
    );
    const [changelog] = changelogs(fetch);
    expect(changelog!.url).toBe(`${JIRA_ORIGIN}/rest/api/3/changelog/bulkfetch`);
    expect(changelog!.init).toMatchObject({ method: 'POST', credentials: 'same-origin', redirect: 'manual', headers: { 'Content-Type': 'application/json', 'X-Atlassian-Token': 'no-check' } });
    expect(JSON.parse(changelog!.init.body as string)).toEqual({ issueIdsOrKeys: ['SUP-101', 'SUP-107', 'SUP-104'], fieldIds: ['status'], maxResults: 4000 });
  });

  it('sends at most 100 keys a search: 250 keys → 3 searches, and 2 bulk changelogs (the rows in view, then the rest)', async () => {
    const data: FakeSiteData = { jira: manyJiraIssues(FIXTURE_NOW, 250), zendesk: [] };
    const fetch = fakeFetch(data);
    const keys = data.jira.map((i) => i.key);
    const result = await adapterWith(fetch).enrich(keys, opts());
    expect(searches(fetch).map(keysAsked)).toEqual([100, 100, 50]);
    expect(changelogs(fetch).map((c) => (JSON.parse(c.init.body as string) as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([100, 150]);
    expect(result.facts.size).toBe(250);
    expect([...result.facts.values()].every((f) => f.exact)).toBe(true);
  });

  it('coalesces calls made within the window into one request', async () => {
    const fetch = fakeFetch(sites());
    const adapter = adapterWith(fetch, { coalesceMs: 50 });
    const [a, b, c] = await Promise.all([adapter.enrich(['SUP-101', 'SUP-102'], opts()), adapter.enrich(['SUP-102', 'SUP-103'], opts()), adapter.enrich(['SUP-104'], opts())]);
    expect(searches(fetch)).toHaveLength(1);
    expect(changelogs(fetch)).toHaveLength(1);
    expect(bodyOf(searches(fetch)[0]!).jql).toBe('key in (SUP-101, SUP-102, SUP-103, SUP-104)');
    expect([...a.facts.keys()]).toEqual(['SUP-101', 'SUP-102']);
    expect([...b.facts.keys()]).toEqual(['SUP-102', 'SUP-103']);
    expect([...c.facts.keys()]).toEqual(['SUP-104']);
  });

  it('shares a request already under way', async () => {
    const fetch = fakeFetch(sites());
    const adapter = adapterWith(fetch, { coalesceMs: 5 });
    const first = adapter.enrich(['SUP-101'], opts());
    await new Promise((r) => setTimeout(r, 20));
    const [x, y] = await Promise.all([first, adapter.enrich(['SUP-101'], opts())]);
    expect(searches(fetch)).toHaveLength(1);
    expect(changelogs(fetch)).toHaveLength(1);
    expect(x.facts.get('SUP-101')).toEqual(y.facts.get('SUP-101'));
  });

  it('caches facts (and unknown keys) for the TTL, then asks again', async () => {
    const fetch = fakeFetch(sites());
    const adapter = adapterWith(fetch, { ttlMs: 60_000 });
    await adapter.enrich(['SUP-101', 'SUP-9999'], opts());
    const cached = await adapter.enrich(['SUP-101', 'SUP-9999'], opts(FIXTURE_NOW + 59_000));
    expect(searches(fetch)).toHaveLength(1);
    expect([...cached.facts.keys()]).toEqual(['SUP-101']);
    expect(cached.failure).toBeUndefined();
    await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + 61_000));
    expect(searches(fetch)).toHaveLength(2);
  });

  it('ignores what is not an issue key', async () => {
    const fetch = fakeFetch(sites());
    const result = await adapterWith(fetch).enrich(['', 'SUP', 'SUP-1) OR project = X', '<img>'], opts());
    expect(result).toEqual({ facts: new Map() });
    expect(fetch.calls).toHaveLength(0);
  });

  it('asks again without keys that JQL rejects as unknown', async () => {
    const fetch = fakeFetch(sites(), (call) =>
      isSearch(call) && bodyOf(call).jql.includes('SUP-9999') ? json(400, JSON.stringify({ errorMessages: ["An issue with key 'SUP-9999' does not exist for field 'key'."] })) : undefined,
    );
    const result = await adapterWith(fetch).enrich(['SUP-101', 'SUP-9999'], opts());
    expect(result.failure).toBeUndefined();
    expect([...result.facts.keys()]).toEqual(['SUP-101']);
    expect(searches(fetch).map((c) => bodyOf(c).jql)).toEqual(['key in (SUP-101, SUP-9999)', 'key in (SUP-101)']);
    // The changelog was asked once for the batch, unknown key and all.
    expect(changelogs(fetch)).toHaveLength(1);
    expect(result.facts.get('SUP-101')!.exact).toBe(true);
  });
});

describe('failures: never throws, degrades, backs off', () => {
  it('a signed-out session (200 with the login page) → signed-out, no facts', async () => {
    const fetch = fakeFetch({ ...sites(), api: 'login-page' });
    const adapter = adapterWith(fetch);
    expect(await adapter.enrich(['SUP-101'], opts())).toEqual({ facts: new Map(), failure: 'signed-out' });
    // Backing off: the next call answers at once, without a request.
    expect(await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + 1000))).toEqual({ facts: new Map(), failure: 'signed-out' });
    expect(searches(fetch)).toHaveLength(1);
  });

  it('403 → forbidden, not signed-out (signing in again would not help); the whole search is refused, and backs off', async () => {
    const fetch = fakeFetch(sites(), () => new Response('XSRF check failed', { status: 403, headers: { 'Content-Type': 'text/plain' } }));
    const adapter = adapterWith(fetch);
    expect(await adapter.enrich(['SUP-101', 'SUP-102'], opts())).toEqual({ facts: new Map(), failure: 'forbidden' });
    expect(await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + 1000))).toEqual({ facts: new Map(), failure: 'forbidden' });
    expect(searches(fetch)).toHaveLength(1);
  });

  it('429 → rate-limited, honouring Retry-After', async () => {
    let limited = true;
    const fetch = fakeFetch(sites(), () => (limited ? json(429, '{"errorMessages":["Rate limit exceeded"]}', { 'Retry-After': '120' }) : undefined));
    const adapter = adapterWith(fetch);
    expect((await adapter.enrich(['SUP-101'], opts())).failure).toBe('rate-limited');
    expect((await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + 119_000))).failure).toBe('rate-limited');
    expect(searches(fetch)).toHaveLength(1);
    limited = false;
    const after = await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + 121_000));
    expect(after.failure).toBeUndefined();
    expect(after.facts.has('SUP-101')).toBe(true);
    expect(searches(fetch)).toHaveLength(2);
  });

  it('5xx → server-error, with exponential backoff per origin', async () => {
    let down = true;
    const fetch = fakeFetch({ ...sites() }, () => (down ? json(503, '{"errorMessages":["Service unavailable"]}') : undefined));
    const adapter = adapterWith(fetch, { backoffBaseMs: 5000 });
    const at = (s: number) => opts(FIXTURE_NOW + s * 1000);
    expect((await adapter.enrich(['SUP-101'], at(0))).failure).toBe('server-error');
    expect((await adapter.enrich(['SUP-101'], at(4))).failure).toBe('server-error');
    expect(searches(fetch)).toHaveLength(1);
    expect((await adapter.enrich(['SUP-101'], at(5))).failure).toBe('server-error'); // second failure: 10 s
    expect(searches(fetch)).toHaveLength(2);
    await adapter.enrich(['SUP-101'], at(14));
    expect(searches(fetch)).toHaveLength(2);
    down = false;
    expect((await adapter.enrich(['SUP-101'], at(15))).failure).toBeUndefined();
    expect(searches(fetch)).toHaveLength(3);
    // Another origin is not held back.
    const other = await adapter.enrich(['SUP-102'], { ...at(15), origin: 'https://other.atlassian.net' });
    expect(other.failure).toBe('network');
  });

  it('serves cached facts, however old, while backing off', async () => {
    let down = false;
    const fetch = fakeFetch(sites(), () => (down ? json(500, '{}') : undefined));
    const adapter = adapterWith(fetch, { ttlMs: 1000 });
    await adapter.enrich(['SUP-101'], opts());
    down = true;
    const failed = await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + 2000));
    expect(failed.failure).toBe('server-error');
    expect(failed.facts.has('SUP-101')).toBe(true);
  });

  it('bad JSON → bad-response', async () => {
    const fetch = fakeFetch(sites(), () => json(200, '{"issues": [unterminated'));
    expect(await adapterWith(fetch).enrich(['SUP-101'], opts())).toEqual({ facts: new Map(), failure: 'bad-response' });
  });

  it('JSON of the wrong shape → bad-response', async () => {
    const fetch = fakeFetch(sites(), () => json(200, '{"values": []}'));
    expect((await adapterWith(fetch).enrich(['SUP-101'], opts())).failure).toBe('bad-response');
  });

  it('a network error → network, and backs off', async () => {
    const fetch = fakeFetch(sites(), () => Promise.reject(new TypeError('Failed to fetch')));
    const adapter = adapterWith(fetch);
    expect(await adapter.enrich(['SUP-101'], opts())).toEqual({ facts: new Map(), failure: 'network' });
    await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + 100));
    expect(searches(fetch)).toHaveLength(1);
  });

  it('an aborted call → network at once, without a request, and without backoff', async () => {
    const fetch = fakeFetch(sites());
    const adapter = adapterWith(fetch);
    const controller = new AbortController();
    controller.abort();
    expect(await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW, controller.signal))).toEqual({ facts: new Map(), failure: 'network' });
    expect(fetch.calls).toHaveLength(0);
    expect((await adapter.enrich(['SUP-101'], opts())).failure).toBeUndefined();
  });

  it('aborting mid-request cancels the request, answers network, and does not back off', async () => {
    let sawAbort = false;
    const fetch = fakeFetch(sites(), (call) =>
      call.init.signal!.aborted || !isSearch(call) || bodyOf(call).jql.includes('SUP-102')
        ? undefined
        : new Promise<Response>((_, reject) =>
            call.init.signal!.addEventListener('abort', () => {
              sawAbort = true;
              reject(new DOMException('Aborted', 'AbortError'));
            }),
          ),
    );
    const adapter = adapterWith(fetch);
    const controller = new AbortController();
    const pending = adapter.enrich(['SUP-101'], opts(FIXTURE_NOW, controller.signal));
    setTimeout(() => controller.abort(), 20);
    expect(await pending).toEqual({ facts: new Map(), failure: 'network' });
    await vi.waitFor(() => expect(sawAbort).toBe(true));
    expect((await adapter.enrich(['SUP-102'], opts(FIXTURE_NOW + 10))).failure).toBeUndefined();
  });

  it('leaves no listener on a long-lived signal', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    await adapterWith(fakeFetch(sites())).enrich(['SUP-101'], opts(FIXTURE_NOW, controller.signal));
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('a fetch that throws synchronously still resolves', async () => {
    const adapter = adapterWith(() => {
      throw new Error('boom');
    });
    expect((await adapter.enrich(['SUP-101'], opts())).failure).toBe('network');
  });
});

describe('Data Center', () => {
  it('reads ajs-base-url and asks GET /rest/api/2/search under the context path', async () => {
    const fetch = fakeFetch(sites());
    const { document } = renderFixture('dc-issue');
    const adapter = createJiraAdapter({ fetch, document: () => document, coalesceMs: 1 });
    const result = await adapter.enrich(['SUP-104', 'SUP-107'], { origin: JIRA_DC_ORIGIN, signal: new AbortController().signal, now: FIXTURE_NOW });
    expect(result.failure).toBeUndefined();
    // The field list first (for the request-type field), under the context path too.
    expect(fetch.calls.map((c) => c.url.split('?')[0])).toEqual([`${JIRA_DC_BASE}/rest/api/2/field`, `${JIRA_DC_BASE}/rest/api/2/search`]);
    const url = new URL(fetch.calls[1]!.url);
    expect(url.origin + url.pathname).toBe(`${JIRA_DC_BASE}/rest/api/2/search`);
    expect(url.searchParams.get('jql')).toBe('key in (SUP-104, SUP-107)');
    // No bulk changelog on DC: the search embeds it, and as many issues a page as DC gives by default.
    expect(url.searchParams.get('expand')).toBe('changelog');
    expect(url.searchParams.get('maxResults')).toBe('1000');
    expect(url.searchParams.get('startAt')).toBe('0');
    expect(url.searchParams.get('fields')!.split(',')).toContain('comment');
    expect(url.searchParams.get('fields')!.split(',')).toContain('customfield_10010');
    expect(fetch.calls[1]!.init).toMatchObject({ method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    expect(result.facts.get('SUP-104')).toMatchObject({ site: 'jira.example-corp.test', url: `${JIRA_DC_BASE}/browse/SUP-104`, exact: true, status: 'Waiting for customer' });
  });

  it('falls back to DC when the Cloud endpoint answers 404', async () => {
    const fetch = fakeFetch(sites());
    const doc = renderHtml('<!doctype html><meta name="ajs-context-path" content="/jira"><p>no version meta</p>', `${JIRA_DC_BASE}/browse/SUP-101`);
    const adapter = createJiraAdapter({ fetch, document: () => doc, coalesceMs: 1 });
    const result = await adapter.enrich(['SUP-101'], { origin: JIRA_DC_ORIGIN, signal: new AbortController().signal, now: FIXTURE_NOW });
    // The bulk changelog goes with the first search, and is not found either; DC's search embeds the changelog.
    expect(fetch.calls.map((c) => `${c.init.method} ${new URL(c.url).pathname}`)).toEqual([
      'GET /jira/rest/api/2/field',
      'POST /jira/rest/api/3/changelog/bulkfetch',
      'POST /jira/rest/api/3/search/jql',
      'GET /jira/rest/api/2/search',
    ]);
    expect(result.facts.get('SUP-101')).toMatchObject({ exact: true });
    // Remembered for the origin.
    const before = fetch.calls.length;
    await adapter.enrich(['SUP-102'], { origin: JIRA_DC_ORIGIN, signal: new AbortController().signal, now: FIXTURE_NOW });
    expect(fetch.calls.slice(before).map((c) => `${c.init.method} ${new URL(c.url).pathname}`)).toEqual(['GET /jira/rest/api/2/search']);
  });

  it('never sends requests to a base URL on another origin', () => {
    const doc = renderHtml(
      '<!doctype html><meta name="ajs-version-number" content="9.12.0"><meta name="ajs-base-url" content="https://evil.test/jira"><meta name="ajs-context-path" content="/jira">',
      `${JIRA_DC_BASE}/browse/SUP-1`,
    );
    expect(searchTarget(JIRA_DC_ORIGIN, doc)).toEqual({ kind: 'dc', baseUrl: JIRA_DC_BASE, site: 'jira.example-corp.test' });
    expect(searchTarget(JIRA_ORIGIN, doc)).toEqual({ kind: 'cloud', baseUrl: JIRA_ORIGIN, site: 'acme.atlassian.net' });
  });
});

describe('every request stays on the page’s origin and is bounded', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const dcPage = (contextPath: string, extra = '<meta name="ajs-version-number" content="9.12.0">') =>
    renderHtml(`<!doctype html>${extra}<meta name="ajs-context-path" content="${contextPath}"><p>DC</p>`, `${JIRA_DC_BASE}/browse/SUP-1`);

  it.each(['.evil.example', '@evil.example', '/../x', '/..', '/./jira', '//evil.example', '/jira?x=1', '/jira#x', '\\\\evil.example', ':8443', 'https://evil.example'])(
    'a hostile ajs-context-path (%s) never yields a base off the page’s origin, nor outside its paths',
    (contextPath) => {
      for (const doc of [dcPage(contextPath), dcPage(contextPath, '')]) {
        const target = searchTarget(JIRA_DC_ORIGIN, doc);
        expect(new URL(target.baseUrl).origin).toBe(JIRA_DC_ORIGIN);
        // Ignored whole, not half-read: the base is the origin itself.
        expect(target.baseUrl).toBe(JIRA_DC_ORIGIN);
      }
    },
  );

  it('a plain context path is still used, trailing slash or not; and a same-origin ajs-base-url wins over it', () => {
    expect(searchTarget(JIRA_DC_ORIGIN, dcPage('/jira/')).baseUrl).toBe(JIRA_DC_BASE);
    expect(searchTarget(JIRA_DC_ORIGIN, dcPage('/tools/jira-9.x_~old', '')).baseUrl).toBe(`${JIRA_DC_ORIGIN}/tools/jira-9.x_~old`);
    expect(searchTarget(JIRA_DC_ORIGIN, dcPage('')).baseUrl).toBe(JIRA_DC_ORIGIN);
    const both = dcPage('.evil.example', `<meta name="ajs-version-number" content="9.12.0"><meta name="ajs-base-url" content="${JIRA_DC_BASE}">`);
    expect(searchTarget(JIRA_DC_ORIGIN, both).baseUrl).toBe(JIRA_DC_BASE);
    const userinfo = dcPage('/jira', `<meta name="ajs-version-number" content="9.12.0"><meta name="ajs-base-url" content="https://evil.example@jira.example-corp.test/other">`);
    expect(searchTarget(JIRA_DC_ORIGIN, userinfo).baseUrl).toBe(JIRA_DC_BASE);
  });

  it('enriching on a page with a hostile context path sends nothing off its origin', async () => {
    for (const contextPath of ['.evil.example', '@evil.example', '/../x']) {
      const fetch = fakeFetch(sites());
      const doc = dcPage(contextPath);
      await createJiraAdapter({ fetch, document: () => doc, coalesceMs: 1 }).enrich(['SUP-101'], { origin: JIRA_DC_ORIGIN, signal: new AbortController().signal, now: FIXTURE_NOW });
      expect(fetch.calls.length).toBeGreaterThan(0);
      for (const c of fetch.calls) expect(c.url.startsWith(`${JIRA_DC_ORIGIN}/rest/`)).toBe(true);
    }
  });

  it('a search target off the enrich origin is refused in the one guard: a failure, and never a request', async () => {
    const fetch = fakeFetch(sites());
    const enricher = createEnricher({ fetch, coalesceMs: 1, target: () => ({ kind: 'dc', baseUrl: 'https://jira.example-corp.test.evil.example/jira', site: 'jira.example-corp.test' }) });
    const result = await enricher.enrich(['SUP-101', 'SUP-102'], { origin: JIRA_DC_ORIGIN, signal: new AbortController().signal, now: FIXTURE_NOW });
    expect(result).toEqual({ facts: new Map(), failure: 'network' });
    expect(fetch.calls).toEqual([]);
  });

  it('a 307 on the search POST is not followed, so the JQL is never re-sent elsewhere', async () => {
    for (const status of [302, 307, 308]) {
      const fetch = fakeFetch(sites(), (call) => (call.url.startsWith(JIRA_ORIGIN) && call.url.endsWith('/search/jql') ? redirectTo('https://evil.example/collect', status) : undefined));
      const result = await adapterWith(fetch).enrich(['SUP-101'], opts());
      expect(result.facts.size).toBe(0);
      expect(result.failure).toBe('signed-out');
      expect(fetch.calls.map((c) => new URL(c.url).origin)).toEqual([JIRA_ORIGIN, JIRA_ORIGIN]);
      expect(searches(fetch)).toHaveLength(1);
      expect(searches(fetch)[0]!.init.redirect).toBe('manual');
    }
  });

  it('a search that never answers is given up after 20 s: the keys fall back to the page', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(sites(), (call) => (call.url.endsWith('/search/jql') ? never() : undefined));
    let result: Awaited<ReturnType<ReturnType<typeof adapterWith>['enrich']>> | undefined;
    void adapterWith(fetch)
      .enrich(['SUP-101', 'SUP-102'], opts())
      .then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(19_000);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(result).toEqual({ facts: new Map(), failure: 'network' });
  });

  it('an oversized search answer is refused, whether its Content-Length says so or its body runs on', async () => {
    const data = sites();
    const real = (call: Call) => handle(data, { method: 'POST', url: new URL(call.url), body: call.init.body as string })!.body;
    const declared = fakeFetch(data, (call) => (call.url.endsWith('/search/jql') ? json(200, real(call), { 'Content-Length': String(64 * 1024 * 1024) }) : undefined));
    expect(await adapterWith(declared).enrich(['SUP-101'], opts())).toEqual({ facts: new Map(), failure: 'bad-response' });
    let pulled = () => 0;
    const streamed = fakeFetch(data, (call) => {
      if (!call.url.endsWith('/search/jql')) return undefined;
      const padded = paddedJson(real(call), 32 * 1024 * 1024);
      pulled = padded.pulled;
      return padded.response;
    });
    const enricher = createEnricher({ fetch: streamed, coalesceMs: 1, requestTypeField: 'customfield_10010', maxBytes: 1024 * 1024, target: (origin) => searchTarget(origin, undefined) });
    expect(await enricher.enrich(['SUP-101'], opts())).toEqual({ facts: new Map(), failure: 'bad-response' });
    expect(pulled()).toBeLessThan(24);
  });

  it('Retry-After: 1e9 blocks the origin for 15 minutes at most', async () => {
    let limited = true;
    const fetch = fakeFetch(sites(), () => (limited ? json(429, '{}', { 'Retry-After': '1e9' }) : undefined));
    const adapter = adapterWith(fetch);
    expect((await adapter.enrich(['SUP-101'], opts())).failure).toBe('rate-limited');
    limited = false;
    expect((await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + MAX_RETRY_AFTER_MS - 1))).failure).toBe('rate-limited');
    expect(searches(fetch)).toHaveLength(1);
    const after = await adapter.enrich(['SUP-101'], opts(FIXTURE_NOW + MAX_RETRY_AFTER_MS));
    expect(after.failure).toBeUndefined();
    expect(after.facts.has('SUP-101')).toBe(true);
  });
});

describe('the adapter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('owns Cloud hosts, and recognises pages that say they are Jira', () => {
    const adapter = createJiraAdapter();
    const dc = renderFixture('dc-board');
    expect(adapter.ownsHost(new URL(`${JIRA_ORIGIN}/jira/your-work`))).toBe(true);
    expect(adapter.ownsHost(dc.url)).toBe(false);
    expect(adapter.recognises(dc.url, dc.document)).toBe(true);
    expect(adapter.recognises(new URL('https://intranet.example.com/'), renderHtml('<p>hello</p>', 'https://intranet.example.com/'))).toBe(false);
    expect(adapter.source).toBe('jira');
  });

  it('finds tickets through the page readers', () => {
    const { document, url } = renderFixture('cloud-board-modal');
    expect(jiraAdapter.find(document, url).filter((t) => t.key === 'SUP-102')).toHaveLength(2);
  });

  it('the default instance uses the global fetch, looked up when called', async () => {
    const data = sites();
    const fetch = fakeFetch(data);
    vi.stubGlobal('fetch', fetch);
    const result = await jiraAdapter.enrich(['SUP-105'], { origin: JIRA_ORIGIN, signal: new AbortController().signal, now: FIXTURE_NOW });
    expect(result.facts.has('SUP-105')).toBe(true);
    expect(fetch.calls.map((c) => new URL(c.url).pathname)).toEqual(['/rest/api/2/field', '/rest/api/3/changelog/bulkfetch', '/rest/api/3/search/jql']);
  });
});
