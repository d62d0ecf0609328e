/**
 * How many requests enrichment makes, and what they ask: searches of 100 keys, Cloud's status
 * histories from one bulk changelog per wave (or, searching by GET, embedded in the search), every
 * page followed, and what a failing changelog leaves (facts without history, never a wrong one).
 * Against the fake sites, which page as the real APIs do and apply Jira's XSRF rule to the headers
 * they are given.
 */
import { describe, expect, it } from 'vitest';
import { JIRA_DC_ORIGIN, JIRA_ORIGIN, type FakeSiteData } from '../../../testing/sites/index';
import { jiraSearch } from '../../../testing/sites/jira-rest';
import { manyJiraIssues } from '../../../testing/sites/samples';
import type { TicketFacts } from '../../sla/index';
import { answerOf, changelogBody, fakeFetch, headersOf, isChangelog, isSearch, keysAsked, pathOf, searchBody, type Call } from './__fixtures__/fetch';
import { FIXTURE_NOW, renderFixture } from './__fixtures__/pages';
import { createJiraAdapter, type JiraAdapterOptions } from './adapter';
import { createEnricher } from './enrich';
import type { Fetch } from '../http';
import { parseSearch } from './parse';

const NO_DOC = () => undefined;
const adapterWith = (fetch: Fetch, options: Partial<JiraAdapterOptions> = {}) => createJiraAdapter({ fetch, document: NO_DOC, coalesceMs: 1, ...options });
const opts = (now = FIXTURE_NOW) => ({ origin: JIRA_ORIGIN, signal: new AbortController().signal, now });
const json = (status: number, body: string, headers: Record<string, string> = {}) => new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } });
const siteOf = (count: number): FakeSiteData => ({ jira: manyJiraIssues(FIXTURE_NOW, count), zendesk: [] });
const keysOf = (data: FakeSiteData) => data.jira.map((i) => i.key);
const searches = (fetch: { calls: Call[] }) => fetch.calls.filter(isSearch);
const changelogs = (fetch: { calls: Call[] }) => fetch.calls.filter(isChangelog);

/** The facts the same issues give with their changelogs embedded in the search (Cloud's old way, DC's). */
function embeddedFacts(data: FakeSiteData, keys: readonly string[]): Map<string, TicketFacts> {
  const facts = new Map<string, TicketFacts>();
  const fields = [
    'summary',
    'created',
    'updated',
    'priority',
    'status',
    'statuscategorychangedate',
    'issuetype',
    'labels',
    'project',
    'assignee',
    'reporter',
    'resolutiondate',
    'comment',
    'customfield_10010',
  ];
  for (let i = 0; i < keys.length; i += 100) {
    const body = JSON.stringify({ jql: `key in (${keys.slice(i, i + 100).join(', ')})`, fields, expand: 'changelog', maxResults: 100 });
    const answer = jiraSearch(data.jira, { method: 'POST', url: new URL(`${JIRA_ORIGIN}/rest/api/3/search/jql`), body });
    for (const [key, f] of parseSearch(JSON.parse(answer.body), { site: 'acme.atlassian.net', baseUrl: JIRA_ORIGIN })!) facts.set(key, f);
  }
  return facts;
}

/** A fake `fetch` whose answers to `matches` are the fake site's to the same request with its body changed by `edit`. */
function rewriting(data: FakeSiteData, matches: (call: Call) => boolean, edit: (body: Record<string, unknown>) => Record<string, unknown>) {
  return fakeFetch(data, (call) => {
    if (!matches(call)) return undefined;
    const body = edit(JSON.parse(call.init.body as string) as Record<string, unknown>);
    return answerOf(data, { url: call.url, init: { ...call.init, body: JSON.stringify(body) } });
  });
}

describe('Cloud: fewer, wider requests', () => {
  it('1,000 keys: 10 searches of 100 and 2 bulk changelogs (the rows in view, then the rest), plus the field list the first time', async () => {
    const data = siteOf(1000);
    const fetch = fakeFetch(data);
    const adapter = adapterWith(fetch);
    const keys = keysOf(data);
    const result = await adapter.enrich(keys, opts());

    expect(result.failure).toBeUndefined();
    expect(fetch.calls.filter((c) => pathOf(c) === '/rest/api/2/field')).toHaveLength(1);
    expect(searches(fetch).map(keysAsked)).toEqual(Array(10).fill(100));
    expect(changelogs(fetch).map((c) => changelogBody(c).issueIdsOrKeys)).toEqual([keys.slice(0, 100), keys.slice(100)]);
    expect(fetch.calls).toHaveLength(13);
    // Every fact has its whole history, the same as an embedded changelog gives.
    expect(result.facts.size).toBe(1000);
    expect(result.facts).toEqual(embeddedFacts(data, keys));
    expect([...result.facts.values()].every((f) => f.exact && f.statusHistory !== undefined)).toBe(true);

    // Once the facts are stale: the same again, without the field list.
    const before = fetch.calls.length;
    await adapter.enrich(keys, opts(FIXTURE_NOW + 61_000));
    const again = fetch.calls.slice(before);
    expect(again.filter(isSearch)).toHaveLength(10);
    expect(again.filter(isChangelog)).toHaveLength(2);
    expect(again).toHaveLength(12);
  });

  it('asks for the rows in view (the first chunk) with priority high, ahead of the rest, and the rest without', async () => {
    const data = siteOf(300);
    const fetch = fakeFetch(data);
    const keys = keysOf(data);
    await adapterWith(fetch).enrich(keys, opts());
    const high = fetch.calls.filter((c) => c.init.priority === 'high');
    expect(high.filter(isSearch).map((c) => searchBody(c).jql)).toEqual([expect.stringContaining(keys[0]!)]);
    expect(high.filter(isChangelog).map((c) => changelogBody(c).issueIdsOrKeys)).toEqual([keys.slice(0, 100)]);
    expect(searches(fetch).filter((c) => c.init.priority !== 'high')).toHaveLength(2);
  });

  it('a wave of more than 1,000 keys asks the bulk changelog in parts of at most 1,000', async () => {
    const data = siteOf(1250);
    const fetch = fakeFetch(data);
    const keys = keysOf(data);
    const result = await adapterWith(fetch).enrich(keys, opts());
    expect(changelogs(fetch).map((c) => changelogBody(c).issueIdsOrKeys)).toEqual([keys.slice(0, 100), keys.slice(100, 1100), keys.slice(1100)]);
    expect(searches(fetch)).toHaveLength(13);
    expect([...result.facts.values()].filter((f) => f.exact)).toHaveLength(1250);
  });

  it('follows a search that gives 50 issues a page to its end', async () => {
    const data = siteOf(250);
    const fetch = rewriting(data, isSearch, (body) => ({ ...body, maxResults: 50 }));
    const result = await adapterWith(fetch).enrich(keysOf(data), opts());
    // 100, 100 and 50 keys: two pages, two pages, one.
    expect(
      searches(fetch)
        .filter((c) => searchBody(c).nextPageToken === undefined)
        .map(keysAsked),
    ).toEqual([100, 100, 50]);
    expect(
      searches(fetch)
        .filter((c) => searchBody(c).nextPageToken !== undefined)
        .map(keysAsked),
    ).toEqual([100, 100]);
    expect(result.facts.size).toBe(250);
    expect(result.facts).toEqual(embeddedFacts(data, keysOf(data)));
  });

  it('joins one issue’s histories across the bulk changelog’s pages', async () => {
    const data = siteOf(100);
    const fetch = rewriting(data, isChangelog, (body) => ({ ...body, maxResults: 20 }));
    const result = await adapterWith(fetch).enrich(keysOf(data), opts());
    const total = data.jira.reduce((n, i) => n + i.history.length, 0);
    expect(changelogs(fetch)).toHaveLength(Math.ceil(total / 20));
    // Pages run by date across the issues: some issue's changes are split between pages.
    const pages = await Promise.all(
      changelogs(fetch).map(async (c) =>
        (
          (await answerOf(data, { url: c.url, init: { ...c.init, body: JSON.stringify({ ...changelogBody(c), maxResults: 20 }) } }).json()) as { issueChangeLogs: Array<{ issueId: string }> }
        ).issueChangeLogs.map((l) => l.issueId),
      ),
    );
    const split = data.jira.filter((i) => pages.filter((ids) => ids.includes(String(i.id))).length > 1);
    expect(split.length).toBeGreaterThan(0);
    expect(result.facts).toEqual(embeddedFacts(data, keysOf(data)));
  });

  it('sends X-Atlassian-Token: no-check with every POST, which the fake’s XSRF check requires', async () => {
    const data = siteOf(20);
    const fetch = fakeFetch(data);
    const result = await adapterWith(fetch).enrich(keysOf(data), opts());
    const posts = fetch.calls.filter((c) => c.init.method === 'POST');
    expect(posts.map(pathOf).sort()).toEqual(['/rest/api/3/changelog/bulkfetch', '/rest/api/3/search/jql']);
    for (const post of posts) expect(headersOf(post.init)['x-atlassian-token']).toBe('no-check');
    expect([...result.facts.values()].every((f) => f.exact)).toBe(true);

    // Without it, the same requests are refused.
    const stripped = fakeFetch(data, (call) => {
      const headers = headersOf(call.init);
      delete headers['x-atlassian-token'];
      return answerOf(data, { url: call.url, init: { ...call.init, headers } });
    });
    expect(await adapterWith(stripped).enrich(keysOf(data), opts())).toEqual({ facts: new Map(), failure: 'forbidden' });
  });
});

describe('Cloud: a changelog that fails leaves facts without history, never a wrong one', () => {
  it.each([
    ['a server error', () => json(500, '{"errorMessages":["Internal server error"]}')],
    ['a refusal', () => json(403, '{"errorMessages":["Forbidden"]}')],
    ['a bad request', () => json(400, '{"errorMessages":["You may only load changelogs for a maximum of 1,000 issues by ID or key at a time."]}')],
    ['a network error', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['an answer of another shape', () => json(200, '{"values":[]}')],
    ['an issue it does not name', () => json(200, '{"issueChangeLogs":[{"changeHistories":[]}]}')],
    ['pages that never end', () => json(200, '{"issueChangeLogs":[],"nextPageToken":"more"}')],
  ])('%s: the facts come, not exact and without a status history, and the origin does not back off', async (_name, answer) => {
    const data = siteOf(30);
    const fetch = fakeFetch(data, (call) => (isChangelog(call) ? answer() : undefined));
    const adapter = adapterWith(fetch);
    const result = await adapter.enrich(keysOf(data), opts());
    expect(result.failure).toBeUndefined();
    expect(result.facts.size).toBe(30);
    for (const f of result.facts.values()) {
      expect(f.exact).toBe(false);
      expect(f.statusHistory).toBeUndefined();
    }
    // What the search alone says is kept.
    const embedded = embeddedFacts(data, keysOf(data));
    for (const [key, f] of result.facts) expect(f).toMatchObject({ status: embedded.get(key)!.status, created: embedded.get(key)!.created, firstResponseAt: embedded.get(key)!.firstResponseAt });
    const before = searches(fetch).length;
    await adapter.enrich(keysOf(data), opts(FIXTURE_NOW + 61_000));
    expect(searches(fetch).length).toBe(before + 1);
  });

  it('pages that never end are given up after 10', async () => {
    const data = siteOf(5);
    const fetch = fakeFetch(data, (call) => (isChangelog(call) ? json(200, '{"issueChangeLogs":[],"nextPageToken":"more"}') : undefined));
    await adapterWith(fetch).enrich(keysOf(data), opts());
    expect(changelogs(fetch)).toHaveLength(10);
  });

  it('a 429 on the changelog fails the batch as a search’s would, and backs off for its Retry-After', async () => {
    const data = siteOf(30);
    let limited = true;
    const fetch = fakeFetch(data, (call) => (limited && isChangelog(call) ? json(429, '{"errorMessages":["Rate limit exceeded"]}', { 'Retry-After': '120' }) : undefined));
    const adapter = adapterWith(fetch);
    expect(await adapter.enrich(keysOf(data), opts())).toEqual({ facts: new Map(), failure: 'rate-limited' });
    const asked = fetch.calls.length;
    limited = false;
    expect(await adapter.enrich(keysOf(data), opts(FIXTURE_NOW + 119_000))).toEqual({ facts: new Map(), failure: 'rate-limited' });
    expect(fetch.calls).toHaveLength(asked);
    const after = await adapter.enrich(keysOf(data), opts(FIXTURE_NOW + 121_000));
    expect(after.failure).toBeUndefined();
    expect([...after.facts.values()].every((f) => f.exact)).toBe(true);
  });

  it('a changelog that finds the session signed out fails the batch', async () => {
    const data = siteOf(3);
    for (const answer of [() => json(401, '{}'), () => new Response('<html>Log in</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })]) {
      const fetch = fakeFetch(data, (call) => (isChangelog(call) ? answer() : undefined));
      expect(await adapterWith(fetch).enrich(keysOf(data), opts())).toEqual({ facts: new Map(), failure: 'signed-out' });
    }
  });
});

describe('Cloud by GET (the background’s way): the changelog embedded, never a POST', () => {
  const CLOUD_TARGET = () => ({ kind: 'cloud' as const, baseUrl: JIRA_ORIGIN, site: 'acme.atlassian.net' });
  const byGet = (fetch: Fetch) => createEnricher({ fetch, target: CLOUD_TARGET, coalesceMs: 1, method: 'GET' });
  /** What an extension's background sends with a request: its own origin, not the site's. */
  const fromBackground = (data: FakeSiteData) =>
    fakeFetch(data, (call) => answerOf(data, { url: call.url, init: { ...call.init, headers: { ...headersOf(call.init), origin: 'chrome-extension://abcdefghijklmnop' } } }));
  const getSearches = (fetch: { calls: Call[] }) => fetch.calls.filter((c) => isSearch(c) && c.init.method === 'GET');

  it('250 keys: 3 GET searches of 100 keys with expand=changelog, no bulk changelog, and the same facts and histories as by POST', async () => {
    const data = siteOf(250);
    const keys = keysOf(data);
    const fetch = fakeFetch(data);
    const result = await byGet(fetch).enrich(keys, opts());
    expect(result.failure).toBeUndefined();
    expect(fetch.calls.map((c) => c.init.method ?? 'GET').every((m) => m === 'GET')).toBe(true);
    expect(changelogs(fetch)).toEqual([]);
    const asked = getSearches(fetch).map((c) => new URL(c.url).searchParams);
    expect(asked.map((q) => q.get('jql')!.split(',').length)).toEqual([100, 100, 50]);
    for (const q of asked) {
      expect(q.get('expand')).toBe('changelog');
      expect(q.get('maxResults')).toBe('100');
      expect(q.get('fields')!.split(',')).toEqual(expect.arrayContaining(['created', 'status', 'comment', 'customfield_10010']));
    }
    expect(fetch.calls).toHaveLength(4);

    const byPost = await adapterWith(fakeFetch(data)).enrich(keys, opts());
    expect(result.facts).toEqual(byPost.facts);
    expect(result.facts).toEqual(embeddedFacts(data, keys));
    expect([...result.facts.values()].every((f) => f.exact && f.statusHistory !== undefined)).toBe(true);
  });

  it('follows nextPageToken in the URL when Cloud gives fewer a page', async () => {
    const data = siteOf(120);
    const fetch = fakeFetch(data, (call) => {
      if (!isSearch(call)) return undefined;
      const url = new URL(call.url);
      url.searchParams.set('maxResults', '40');
      return answerOf(data, { url: url.href, init: call.init });
    });
    const result = await byGet(fetch).enrich(keysOf(data), opts());
    expect(result.facts).toEqual(embeddedFacts(data, keysOf(data)));
    const tokens = getSearches(fetch).map((c) => new URL(c.url).searchParams.get('nextPageToken'));
    // 100 keys at 40 a page: three pages; the last 20: one.
    expect(tokens.filter((t) => t === null)).toHaveLength(2);
    expect(tokens.filter((t) => t !== null)).toHaveLength(2);
    expect(result.facts.size).toBe(120);
  });

  it('from an extension’s background, whose origin the XSRF check refuses on a POST: GET reads, POST is forbidden', async () => {
    const data = siteOf(20);
    const get = await byGet(fromBackground(data)).enrich(keysOf(data), opts());
    expect(get.failure).toBeUndefined();
    expect([...get.facts.values()].every((f) => f.exact)).toBe(true);
    const post = await createEnricher({ fetch: fromBackground(data), target: CLOUD_TARGET, coalesceMs: 1 }).enrich(keysOf(data), opts());
    expect(post).toEqual({ facts: new Map(), failure: 'forbidden' });
  });

  it('a history longer than what the search embeds is kept, but not called exact', async () => {
    const data = siteOf(10);
    const fetch = fakeFetch(data, (call) => {
      if (!isSearch(call)) return undefined;
      const answer = JSON.parse(jiraSearch(data.jira, { method: 'GET', url: new URL(call.url) }).body) as { issues: Array<{ changelog: { histories: unknown[]; total: number; maxResults: number } }> };
      // What Cloud's search does to a long changelog: the first histories, and the whole count in `total`.
      for (const issue of answer.issues) issue.changelog = { ...issue.changelog, histories: issue.changelog.histories.slice(0, 1), maxResults: 1 };
      return json(200, JSON.stringify(answer));
    });
    const result = await byGet(fetch).enrich(keysOf(data), opts());
    const long = data.jira.filter((i) => i.history.length > 1).map((i) => i.key);
    expect(long.length).toBeGreaterThan(0);
    for (const key of long) expect(result.facts.get(key)).toMatchObject({ exact: false });
    for (const key of keysOf(data).filter((k) => !long.includes(k))) expect(result.facts.get(key)!.exact).toBe(true);
    expect(changelogs(fetch)).toEqual([]);
  });
});

describe('Data Center: 100 keys a search, the changelog embedded, as many issues a page as DC gives', () => {
  const dcOpts = { origin: JIRA_DC_ORIGIN, signal: new AbortController().signal, now: FIXTURE_NOW };

  it('250 keys → 3 searches of maxResults=1000, no bulk changelog; a server that gives fewer is followed by startAt', async () => {
    const data = siteOf(250);
    const { document } = renderFixture('dc-issue');
    const fetch = fakeFetch(data);
    const result = await adapterWith(fetch, { document: () => document }).enrich(keysOf(data), dcOpts);
    const dcSearches = fetch.calls.filter((c) => pathOf(c).endsWith('/rest/api/2/search'));
    expect(dcSearches.map((c) => new URL(c.url).searchParams.get('jql')!.split(',').length)).toEqual([100, 100, 50]);
    expect(dcSearches.every((c) => new URL(c.url).searchParams.get('maxResults') === '1000' && new URL(c.url).searchParams.get('expand') === 'changelog')).toBe(true);
    expect(changelogs(fetch)).toEqual([]);
    expect([...result.facts.values()].filter((f) => f.exact)).toHaveLength(250);

    const paged = fakeFetch(data, (call) => {
      if (!pathOf(call).endsWith('/rest/api/2/search')) return undefined;
      const url = new URL(call.url);
      url.searchParams.set('maxResults', '30');
      return answerOf(data, { url: url.href, init: call.init });
    });
    const again = await adapterWith(paged, { document: () => document }).enrich(keysOf(data), dcOpts);
    const starts = paged.calls.filter((c) => pathOf(c).endsWith('/rest/api/2/search')).map((c) => Number(new URL(c.url).searchParams.get('startAt')));
    // 100 keys at 30 a page: 0, 30, 60, 90 (twice); the last 50: 0, 30.
    expect(starts.sort((a, b) => a - b)).toEqual([0, 0, 0, 30, 30, 30, 60, 60, 90, 90]);
    expect(again.facts).toEqual(result.facts);
  });
});

describe('the request-type field, remembered between page loads', () => {
  const fieldCalls = (fetch: { calls: Call[] }) => fetch.calls.filter((c) => pathOf(c) === '/rest/api/2/field').length;
  const memory = (initial: Record<string, unknown> = {}) => {
    const kept = new Map(Object.entries(initial));
    return { kept, recall: async (origin: string) => kept.get(origin), remember: (origin: string, field: string) => void kept.set(origin, field) };
  };

  it('asks the site once, and a later page (another adapter) asks no more: 10 searches and 2 changelogs for 1,000 rows', async () => {
    const data = siteOf(1000);
    const kept = memory();
    const first = fakeFetch(data);
    await adapterWith(first, { fieldMemory: kept }).enrich(keysOf(data), opts());
    expect(fieldCalls(first)).toBe(1);
    expect(kept.kept.get(JIRA_ORIGIN)).toBe('customfield_10010');
    const later = fakeFetch(data);
    const result = await adapterWith(later, { fieldMemory: kept }).enrich(keysOf(data), opts());
    expect(result.facts.size).toBe(1000);
    expect(fieldCalls(later)).toBe(0);
    expect([searches(later).length, changelogs(later).length, later.calls.length]).toEqual([10, 2, 12]);
  });

  it('ignores what is not a field id, and remembers nothing when the site could not be asked', async () => {
    const data = siteOf(3);
    const kept = memory({ [JIRA_ORIGIN]: 'summary); drop' });
    const fetch = fakeFetch(data, (call) => (pathOf(call) === '/rest/api/2/field' ? json(500, '{}') : undefined));
    const result = await adapterWith(fetch, { fieldMemory: kept }).enrich(keysOf(data), opts());
    expect(result.facts.size).toBe(3);
    expect(fieldCalls(fetch)).toBe(1);
    // The search asked for the usual field, and the bad value stays what it was, not replaced by a guess.
    expect(JSON.parse(searches(fetch)[0]!.init.body as string).fields).toContain('customfield_10010');
    expect(kept.kept.get(JIRA_ORIGIN)).toBe('summary); drop');
  });
});

describe('a thread the search cut short (issue 18)', () => {
  const CLOUD_TARGET = () => ({ kind: 'cloud' as const, baseUrl: JIRA_ORIGIN, site: 'acme.atlassian.net' });
  it('reads the rest of its comments from the comment API, so reply clocks see the whole thread; the others cost nothing more', async () => {
    const data: FakeSiteData = { ...siteOf(3), jiraSearchComments: 2 };
    const long = data.jira[0]!;
    const base = FIXTURE_NOW - 10 * 3_600_000;
    long.comments = Array.from({ length: 130 }, (_, i) => ({ id: 5000 + i, at: base + i * 60_000, author: i % 2 ? 'Priya Natarajan' : long.reporter, public: true, body: `#${i}` }));
    for (const other of data.jira.slice(1)) other.comments = other.comments?.slice(0, 2) ?? [];
    for (const method of ['POST', 'GET'] as const) {
      const fetch = fakeFetch(data);
      const result = await createEnricher({ fetch, target: CLOUD_TARGET, coalesceMs: 1, method }).enrich(keysOf(data), opts());
      const facts = result.facts.get(long.key)!;
      expect(facts.comments, method).toHaveLength(130);
      expect(facts.comments!.slice(0, 3), method).toEqual([
        { at: base, by: 'end-user', public: true },
        { at: base + 60_000, by: 'agent', public: true },
        { at: base + 120_000, by: 'end-user', public: true },
      ]);
      expect(facts.firstResponseAt, method).toBe(base + 60_000);
      // Two pages of the comment API for the long thread alone.
      const commentCalls = fetch.calls.filter((c) => pathOf(c).endsWith('/comment')).map((c) => [pathOf(c), new URL(c.url).searchParams.get('startAt')]);
      expect(commentCalls, method).toEqual([
        [`/rest/api/3/issue/${long.key}/comment`, '0'],
        [`/rest/api/3/issue/${long.key}/comment`, '100'],
      ]);
    }
  });

  it('leaves the reply clocks unknown when the comment API fails, rather than judge part of a thread', async () => {
    const data: FakeSiteData = { ...siteOf(1), jiraSearchComments: 1 };
    data.jira[0]!.comments = Array.from({ length: 3 }, (_, i) => ({ id: 7000 + i, at: FIXTURE_NOW - (3 - i) * 60_000, author: 'Priya Natarajan', public: true, body: `#${i}` }));
    const fetch = fakeFetch(data, (call) => (pathOf(call).endsWith('/comment') ? json(500, '{}') : undefined));
    const result = await createEnricher({ fetch, target: CLOUD_TARGET, coalesceMs: 1 }).enrich(keysOf(data), opts());
    expect(result.facts.get(data.jira[0]!.key)).not.toHaveProperty('comments');
  });
});
