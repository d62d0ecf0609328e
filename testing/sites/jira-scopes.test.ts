/**
 * The fake Jira sites' answers for watched scopes (issue 16): searches by GET for a scope's JQL
 * (Cloud and Data Center), JSM's queue listing, and Jira's XSRF check on a POST that carries an
 * extension's origin. The searches' paging for `key in (…)` is jira.test.ts's.
 */
import { describe, expect, it } from 'vitest';
import { handle, JIRA_DC_BASE, JIRA_DC_ORIGIN, JIRA_ORIGIN, SESSION_COOKIE, type FakeSiteData } from './index';
import { manyJiraIssues } from './samples';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const XSRF = { 'x-atlassian-token': 'no-check' };
const BIG = Array.from({ length: 12_345 }, (_, i) => `OPS-${i + 1}`);
const data = (extra: Partial<FakeSiteData> = {}): FakeSiteData => ({
  jira: manyJiraIssues(NOW, 120),
  zendesk: [],
  jiraScopes: { 'project = OPS ORDER BY created DESC': BIG, 'filter = 10001': ['SUP-205', 'SUP-201', 'SUP-203'] },
  jsmQueues: { '2/7': Array.from({ length: 120 }, (_, i) => `SUP-${320 - i}`) },
  ...extra,
});
const get = (d: FakeSiteData, url: string, headers: Record<string, string> = {}) => handle(d, { method: 'GET', url: new URL(url), headers })!;
const parsed = <T>(res: { body: string }) => JSON.parse(res.body) as T;
const search = (params: Record<string, string>) => `${JIRA_ORIGIN}/rest/api/3/search/jql?${new URLSearchParams(params)}`;

interface SearchPage {
  isLast: boolean;
  nextPageToken?: string;
  issues: Array<{ id: string; key: string; self: string; fields: Record<string, unknown>; changelog?: unknown }>;
}
interface QueuePage {
  size: number;
  start: number;
  limit: number;
  isLastPage: boolean;
  _links: { base: string; next?: string; prev?: string };
  values: Array<{ id: string; key: string; self: string; fields: Record<string, unknown> }>;
}

describe('the fake Cloud search by GET, for a scope’s JQL', () => {
  it('gives 5,000 a page when only keys (or ids) are asked, 100 with fields, in the scope’s order, to the last page', () => {
    const d = data();
    const jql = 'project = OPS ORDER BY created DESC';
    const walk = (fields: string) => {
      const sizes: number[] = [];
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = parsed<SearchPage>(get(d, search({ jql, fields, maxResults: '10000', ...(token ? { nextPageToken: token } : {}) })));
        sizes.push(page.issues.length);
        keys.push(...page.issues.map((i) => i.key));
        expect(page.isLast).toBe(page.nextPageToken === undefined);
        token = page.nextPageToken;
      } while (token && sizes.length < 200);
      return { sizes, keys };
    };
    expect(walk('key')).toEqual({ sizes: [5000, 5000, 2345], keys: BIG });
    expect(walk('id').sizes).toEqual([5000, 5000, 2345]);
    expect(walk('key,summary').sizes.slice(0, 3)).toEqual([100, 100, 100]);
    expect(parsed<SearchPage>(get(d, search({ jql, fields: 'key' }))).issues).toHaveLength(50);
  });

  it('answers a key the site has no issue for with its id and key alone, and a known one as asked', () => {
    const page = parsed<SearchPage>(get(data({ jiraScopes: { 'filter = 10001': ['SUP-205', 'ZZZ-9'] } }), search({ jql: 'filter = 10001', fields: 'key,summary' })));
    expect(page.issues.map((i) => i.key)).toEqual(['SUP-205', 'ZZZ-9']);
    expect(page.issues[0]!.fields).toHaveProperty('summary');
    expect(page.issues[1]).toEqual({ expand: '', id: '2000009', key: 'ZZZ-9', self: `${JIRA_ORIGIN}/rest/api/3/issue/2000009`, fields: {} });
  });

  it('embeds the changelog by GET when asked, as by POST', () => {
    const d = data();
    const withChangelog = parsed<SearchPage>(get(d, search({ jql: 'filter = 10001', fields: 'status', expand: 'changelog' })));
    expect(withChangelog.issues.every((i) => i.changelog !== undefined)).toBe(true);
    expect(parsed<SearchPage>(get(d, search({ jql: 'filter = 10001', fields: 'status' }))).issues[0]).not.toHaveProperty('changelog');
  });

  it('narrows a scope’s JQL to `updated >= -Nm` on the site’s clock, as the watch asks what changed, on Data Center too', () => {
    const d = data({ now: () => NOW, jiraScopes: { 'filter = 10001': ['SUP-205', 'SUP-201', 'SUP-203', 'ZZZ-9'], 'project = OPS ORDER BY created DESC': BIG } });
    const at = (key: string, updated: number) => (d.jira.find((i) => i.key === key)!.updated = updated);
    at('SUP-205', NOW - 2 * 60_000);
    at('SUP-203', NOW - 5 * 60_000);
    at('SUP-201', NOW - 5 * 60_000 - 1);
    const keys = (res: { body: string }) => parsed<{ issues: Array<{ key: string }> }>(res).issues.map((i) => i.key);
    // The issues held, updated within the minutes asked (the bound included); a bare key has no stamp to show a change.
    expect(keys(get(d, search({ jql: '(filter = 10001) AND updated >= -5m', fields: 'key' })))).toEqual(['SUP-205', 'SUP-203']);
    expect(keys(get(d, search({ jql: '(filter = 10001) AND updated >= -1m', fields: 'key' })))).toEqual([]);
    expect(keys(get(d, `${JIRA_DC_BASE}/rest/api/2/search?${new URLSearchParams({ jql: '(filter = 10001) AND updated >= -5m', fields: 'key' })}`))).toEqual(['SUP-205', 'SUP-203']);
    // The clock is the site's: the same question an hour later finds nothing.
    expect(keys(get({ ...d, now: () => NOW + 60 * 60_000 }, search({ jql: '(filter = 10001) AND updated >= -5m', fields: 'key' })))).toEqual([]);
    // JQL ends a whole query with ORDER BY, never a part in parentheses; and an unknown query stays unknown.
    expect(get(d, search({ jql: '(project = OPS ORDER BY created DESC) AND updated >= -5m', fields: 'key' })).status).toBe(400);
    expect(get(d, search({ jql: '(project = NOPE) AND updated >= -5m', fields: 'key' })).status).toBe(400);
  });

  it('refuses JQL it was not given with Jira’s 400, and an unknown filter in Jira’s words', () => {
    const d = data();
    const unknown = get(d, search({ jql: 'project = NOPE', fields: 'key' }));
    expect(unknown.status).toBe(400);
    expect(parsed<{ errorMessages: string[] }>(unknown).errorMessages).toHaveLength(1);
    const filter = get(d, search({ jql: 'filter = 999', fields: 'key' }));
    expect(filter.status).toBe(400);
    expect(parsed<{ errorMessages: string[] }>(filter).errorMessages).toEqual(["The value '999' does not exist for the field 'filter'."]);
    // `key in (…)` is answered as before.
    expect(parsed<SearchPage>(get(d, search({ jql: 'key in (SUP-201, SUP-202)', fields: 'key' }))).issues.map((i) => i.key)).toEqual(['SUP-201', 'SUP-202']);
  });
});

describe('the fake Data Center search by GET, for a scope’s JQL', () => {
  const dcSearch = (d: FakeSiteData, params: Record<string, string>) =>
    parsed<{ startAt: number; maxResults: number; total: number; issues: Array<{ key: string; self: string }> }>(get(d, `${JIRA_DC_BASE}/rest/api/2/search?${new URLSearchParams(params)}`));

  it('gives the scope’s total and at most 1,000 a page from startAt, links under the context path', () => {
    const d = data();
    const jql = 'project = OPS ORDER BY created DESC';
    expect(dcSearch(d, { jql, fields: 'key', maxResults: '5000' })).toMatchObject({ startAt: 0, maxResults: 1000, total: 12_345, issues: { length: 1000 } });
    const last = dcSearch(d, { jql, fields: 'key', maxResults: '1000', startAt: '12000' });
    expect(last.issues.map((i) => i.key)).toEqual(BIG.slice(12_000));
    expect(last.issues[0]!.self.startsWith(`${JIRA_DC_BASE}/rest/api/2/issue/`)).toBe(true);
    expect(dcSearch(d, { jql: 'filter = 10001', fields: 'key' }).issues.map((i) => i.key)).toEqual(['SUP-205', 'SUP-201', 'SUP-203']);
  });
});

describe('the fake JSM queue (GET /rest/servicedeskapi/servicedesk/{sd}/queue/{q}/issue)', () => {
  const queue = (d: FakeSiteData, params: Record<string, string> = {}, base = JIRA_ORIGIN, ids = '2/7') =>
    get(d, `${base}/rest/servicedeskapi/servicedesk/${ids.replace('/', '/queue/')}/issue?${new URLSearchParams(params)}`);

  it('pages by start and limit, at most 50 a page, with isLastPage and the next page’s link', () => {
    const d = data();
    const keys = d.jsmQueues!['2/7']!;
    const first = parsed<QueuePage>(queue(d, { start: '0', limit: '500' }));
    expect(first).toMatchObject({ size: 50, start: 0, limit: 50, isLastPage: false });
    expect(first.values.map((v) => v.key)).toEqual(keys.slice(0, 50));
    expect(first._links.next).toBe(`${JIRA_ORIGIN}/rest/servicedeskapi/servicedesk/2/queue/7/issue?start=50&limit=50`);
    const last = parsed<QueuePage>(queue(d, { start: '100', limit: '50' }));
    expect(last).toMatchObject({ size: 20, start: 100, isLastPage: true });
    expect(last._links).not.toHaveProperty('next');
    expect(last.values.map((v) => v.key)).toEqual(keys.slice(100));
    expect(parsed<QueuePage>(queue(d)).limit).toBe(50);
    expect(parsed<QueuePage>(queue(d, { limit: '10' })).values).toHaveLength(10);
  });

  it('gives each value its id, key and the fields a queue shows', () => {
    const d = data();
    const [value] = parsed<QueuePage>(queue(d, { limit: '1' })).values;
    const issue = d.jira.find((i) => i.key === value!.key)!;
    expect(value).toMatchObject({ id: String(issue.id), key: issue.key, fields: { summary: issue.summary } });
    expect(value!.fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/);
  });

  it('a queue it was not given is a 404 in JSM’s error shape; only GET is served', () => {
    const d = data();
    const missing = queue(d, {}, JIRA_ORIGIN, '2/8');
    expect(missing.status).toBe(404);
    expect(parsed<{ errorMessage: string }>(missing).errorMessage).toEqual(expect.any(String));
    expect(handle(d, { method: 'POST', url: new URL(`${JIRA_ORIGIN}/rest/servicedeskapi/servicedesk/2/queue/7/issue`), body: '{}', headers: XSRF })!.status).toBe(405);
  });

  it('is served on Data Center too, under its context path', () => {
    const d = data();
    const page = parsed<QueuePage>(queue(d, {}, JIRA_DC_BASE));
    expect(page.values.map((v) => v.key)).toEqual(d.jsmQueues!['2/7']!.slice(0, 50));
    expect(page._links.base).toBe(`${JIRA_DC_BASE}/rest/servicedeskapi`);
  });

  it('keeps the session rule: signed out, the API answers the sign-in page', () => {
    const d = data({ requireSession: true });
    const signedOut = queue(d);
    expect(signedOut.contentType).toMatch(/^text\/html/);
    expect(handle(d, { method: 'GET', url: new URL(`${JIRA_ORIGIN}/rest/servicedeskapi/servicedesk/2/queue/7/issue`), cookie: SESSION_COOKIE })!.contentType).toMatch(/json/);
    expect(handle(d, { method: 'GET', url: new URL(search({ jql: 'filter = 10001', fields: 'key' })) })!.contentType).toMatch(/^text\/html/);
  });
});

describe('Jira’s XSRF check on a POST that carries another origin', () => {
  const post = (url: string, headers: Record<string, string>) =>
    handle(data(), { method: 'POST', url: new URL(url), body: JSON.stringify({ jql: 'key in (SUP-201)', fields: ['status'], issueIdsOrKeys: ['SUP-201'] }), headers })!;

  it.each([
    [`${JIRA_ORIGIN}/rest/api/3/search/jql`, JIRA_ORIGIN],
    [`${JIRA_ORIGIN}/rest/api/3/changelog/bulkfetch`, JIRA_ORIGIN],
    [`${JIRA_DC_BASE}/rest/api/2/search`, JIRA_DC_ORIGIN],
  ])('%s: refused from an extension’s background even with the token, let through from the site’s own pages', (url, own) => {
    for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://0b7c6c4e-2a5f-4d59-9f39-3c1d2b8e7a10', 'null', 'https://evil.example']) {
      expect(post(url, { ...XSRF, origin })).toMatchObject({ status: 403, body: 'XSRF check failed' });
      expect(post(url, { ...XSRF, Origin: origin }).status).toBe(403);
    }
    expect(post(url, { ...XSRF, origin: own }).status).toBe(200);
    // A page's same-origin request without an Origin header is judged by the token alone, as before.
    expect(post(url, XSRF).status).toBe(200);
    expect(post(url, { origin: own }).status).toBe(403);
  });

  it('a GET is not checked, whatever its origin', () => {
    const res = get(data(), search({ jql: 'key in (SUP-201)', fields: 'status' }), { origin: 'chrome-extension://abcdefghijklmnop' });
    expect(res.status).toBe(200);
  });
});
