import { describe, expect, it } from 'vitest';
import { handle, JIRA_DC_BASE, JIRA_ORIGIN, type FakeSiteData } from './index';
import { manyJiraIssues } from './samples';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const XSRF = { 'x-atlassian-token': 'no-check' };
const data = (count = 1200): FakeSiteData => ({ jira: manyJiraIssues(NOW, count), zendesk: [] });
const keys = (d: FakeSiteData, n = d.jira.length) => d.jira.slice(0, n).map((i) => i.key);
const post = (d: FakeSiteData, path: string, body: unknown, headers: Record<string, string> | undefined = XSRF) =>
  handle(d, { method: 'POST', url: new URL(`${JIRA_ORIGIN}${path}`), body: JSON.stringify(body), ...(headers ? { headers } : {}) })!;
const parsed = <T>(res: { body: string }) => JSON.parse(res.body) as T;

interface SearchPage {
  isLast: boolean;
  nextPageToken?: string;
  issues: Array<{ key: string; changelog?: unknown }>;
}
interface ChangelogPage {
  issueChangeLogs: Array<{ issueId: string; changeHistories: Array<{ created: string; items: Array<{ fieldId: string }> }> }>;
  nextPageToken?: string;
}

describe('the fake Cloud search (POST /rest/api/3/search/jql)', () => {
  const search = (d: FakeSiteData, body: Record<string, unknown>) => parsed<SearchPage>(post(d, '/rest/api/3/search/jql', body));

  it('gives at most 100 issues a page when fields are asked, whatever maxResults says, and pages by nextPageToken to the end', () => {
    const d = data();
    const jql = `key in (${keys(d, 250).join(', ')})`;
    const seen: string[] = [];
    let token: string | undefined;
    const sizes: number[] = [];
    do {
      const page = search(d, { jql, fields: ['summary', 'status'], maxResults: 5000, ...(token ? { nextPageToken: token } : {}) });
      sizes.push(page.issues.length);
      seen.push(...page.issues.map((i) => i.key));
      expect(page.isLast).toBe(page.nextPageToken === undefined);
      token = page.nextPageToken;
    } while (token);
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen).toEqual(keys(d, 250));
  });

  it('honours a smaller maxResults, gives 50 when none is asked, and embeds the changelog only when asked', () => {
    const d = data();
    const jql = `key in (${keys(d, 120).join(', ')})`;
    expect(search(d, { jql, fields: ['status'], maxResults: 30 }).issues).toHaveLength(30);
    const first = search(d, { jql, fields: ['status'] });
    expect(first.issues).toHaveLength(50);
    expect(first.issues[0]).not.toHaveProperty('changelog');
    expect(search(d, { jql, fields: ['status'], expand: 'changelog' }).issues[0]).toHaveProperty('changelog');
  });

  it('refuses a token it did not give', () => {
    expect(post(data(10), '/rest/api/3/search/jql', { jql: 'key in (SUP-201)', fields: ['status'], nextPageToken: 'forged' }).status).toBe(400);
  });
});

describe('the fake bulk changelog (POST /rest/api/3/changelog/bulkfetch)', () => {
  const bulk = (d: FakeSiteData, body: Record<string, unknown>) => post(d, '/rest/api/3/changelog/bulkfetch', body);

  it('refuses more than 1,000 issues, none, or more than 10 field ids, as Atlassian documents', () => {
    const d = data();
    const over = bulk(d, { issueIdsOrKeys: keys(d, 1001) });
    expect(over.status).toBe(400);
    expect(parsed<{ errorMessages: string[] }>(over).errorMessages[0]).toMatch(/maximum of 1,000 issues/);
    expect(bulk(d, { issueIdsOrKeys: keys(d, 1000) }).status).toBe(200);
    expect(bulk(d, { issueIdsOrKeys: [] }).status).toBe(400);
    expect(bulk(d, { issueIdsOrKeys: ['SUP-201'], fieldIds: Array.from({ length: 11 }, (_, i) => `f${i}`) }).status).toBe(400);
    expect(handle(d, { method: 'GET', url: new URL(`${JIRA_ORIGIN}/rest/api/3/changelog/bulkfetch`) })!.status).toBe(405);
  });

  it('pages 1,000 histories by default and at most 10,000, sorted by date then issue, one issue’s histories across pages', () => {
    const d = data();
    const asked = keys(d, 1000);
    const total = d.jira.slice(0, 1000).reduce((n, i) => n + i.history.length, 0);
    expect(total).toBeGreaterThan(1000);
    const walk = (maxResults?: number) => {
      const pages: ChangelogPage[] = [];
      let token: string | undefined;
      do {
        const page = parsed<ChangelogPage>(bulk(d, { issueIdsOrKeys: asked, fieldIds: ['status'], ...(maxResults ? { maxResults } : {}), ...(token ? { nextPageToken: token } : {}) }));
        pages.push(page);
        token = page.nextPageToken;
      } while (token);
      return pages;
    };
    const count = (p: ChangelogPage) => p.issueChangeLogs.reduce((n, l) => n + l.changeHistories.length, 0);
    const byDefault = walk();
    expect(byDefault.map(count)).toEqual([1000, total - 1000]);
    expect(walk(20_000).map(count)).toEqual([total]);
    expect(walk(400).map(count).slice(0, 2)).toEqual([400, 400]);
    const times = byDefault.flatMap((p) => p.issueChangeLogs.flatMap((l) => l.changeHistories.map((h) => Date.parse(h.created))));
    expect(times).toHaveLength(total);
    // Each page groups by issue; across the pages, time never runs backwards between groups' first changes.
    const firsts = byDefault.flatMap((p) => p.issueChangeLogs.map((l) => Date.parse(l.changeHistories[0]!.created)));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    const onBoth = byDefault[0]!.issueChangeLogs.filter((l) => byDefault[1]!.issueChangeLogs.some((m) => m.issueId === l.issueId));
    expect(onBoth.length).toBeGreaterThan(0);
  });

  it('takes ids or keys, leaves out unknown ones, and filters by fieldIds', () => {
    const d = data(10);
    const withChanges = d.jira.filter((i) => i.history.length > 0);
    const byKey = parsed<ChangelogPage>(bulk(d, { issueIdsOrKeys: [withChanges[0]!.key, 'SUP-99999'], fieldIds: ['status'] }));
    expect(byKey.issueChangeLogs.map((l) => l.issueId)).toEqual([String(withChanges[0]!.id)]);
    expect(byKey.issueChangeLogs[0]!.changeHistories.every((h) => h.items.every((i) => i.fieldId === 'status'))).toBe(true);
    const byId = parsed<ChangelogPage>(bulk(d, { issueIdsOrKeys: [String(withChanges[0]!.id)] }));
    expect(byId).toEqual(byKey);
    expect(parsed<ChangelogPage>(bulk(d, { issueIdsOrKeys: keys(d), fieldIds: ['assignee'] })).issueChangeLogs).toEqual([]);
    expect(byKey).not.toHaveProperty('nextPageToken');
  });
});

describe('Jira’s XSRF check on the fake Cloud site', () => {
  it.each(['/rest/api/3/search/jql', '/rest/api/3/changelog/bulkfetch'])('%s: a POST without X-Atlassian-Token: no-check is refused with 403 "XSRF check failed"', (path) => {
    const d = data(5);
    const body = { jql: 'key in (SUP-201)', fields: ['status'], issueIdsOrKeys: ['SUP-201'] };
    for (const headers of [{}, { 'x-atlassian-token': 'check' }]) expect(post(d, path, body, headers)).toMatchObject({ status: 403, body: 'XSRF check failed' });
    expect(post(d, path, body, XSRF).status).toBe(200);
    // Header names in any case, as HTTP has them.
    expect(post(d, path, body, { 'X-Atlassian-Token': 'no-check' }).status).toBe(200);
    // A caller that does not say which headers were sent is not judged.
    expect(post(d, path, body, undefined).status).toBe(200);
  });

  it('a GET search needs no token', () => {
    const res = handle(data(5), { method: 'GET', url: new URL(`${JIRA_ORIGIN}/rest/api/3/search/jql?jql=${encodeURIComponent('key in (SUP-201)')}&fields=status`), headers: {} })!;
    expect(res.status).toBe(200);
  });
});

describe('the fake Data Center search (GET /rest/api/2/search)', () => {
  const search = (d: FakeSiteData, params: Record<string, string>) =>
    parsed<{ startAt: number; maxResults: number; total: number; issues: unknown[] }>(handle(d, { method: 'GET', url: new URL(`${JIRA_DC_BASE}/rest/api/2/search?${new URLSearchParams(params)}`) })!);

  it('gives at most 1,000 issues a page, fewer when asked, 50 by default, from startAt', () => {
    const d = data();
    const jql = `key in (${keys(d).join(', ')})`;
    expect(search(d, { jql, fields: 'status', maxResults: '5000' })).toMatchObject({ startAt: 0, maxResults: 1000, total: 1200, issues: { length: 1000 } });
    expect(search(d, { jql, fields: 'status', maxResults: '5000', startAt: '1000' })).toMatchObject({ startAt: 1000, total: 1200, issues: { length: 200 } });
    expect(search(d, { jql, fields: 'status', maxResults: '30' }).issues).toHaveLength(30);
    expect(search(d, { jql, fields: 'status' }).issues).toHaveLength(50);
  });
});
