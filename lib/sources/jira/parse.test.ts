import { describe, expect, it } from 'vitest';
import { parseEvaluateRequest } from '../../messaging/schema';
import { handle } from '../../../testing/sites/index';
import { jiraDcSearch, jiraSearch } from '../../../testing/sites/jira';
import { jiraBulkChangelog } from '../../../testing/sites/jira-rest';
import { DC_OFFSET_MINUTES } from '../../../testing/sites/jira-dc';
import { jiraDate } from '../../../testing/sites/tickets';
import changelogExample from './__fixtures__/rest-api-3-issue-changelog.GET.200.atlassian-openapi-example.json';
import issueExample from './__fixtures__/rest-api-3-issue.GET.200.atlassian-openapi-example.json';
import searchJqlExample from './__fixtures__/rest-api-3-search-jql.GET.200.atlassian-openapi-example.json';
import oldSearchExample from './__fixtures__/rest-api-3-search.GET.200.DEPRECATED.atlassian-openapi-example.json';
import { FIXTURE_NOW, fixtureSites } from './__fixtures__/pages';
import { parseJiraDate } from './dates';
import { addBulkChangelogPage, finishIssue, parseIssue, parseSearch, readIssue, readSearch } from './parse';

const CLOUD = { site: 'acme.atlassian.net', baseUrl: 'https://acme.atlassian.net' };
const clone = <T>(v: T): T => structuredClone(v);

describe('parseJiraDate', () => {
  it.each([
    ['2024-10-13T14:02:31.892+0200', Date.UTC(2024, 9, 13, 12, 2, 31, 892)],
    ['2024-10-13T14:02:31.892+0000', Date.UTC(2024, 9, 13, 14, 2, 31, 892)],
    ['2024-10-13T14:02:31.892-0700', Date.UTC(2024, 9, 13, 21, 2, 31, 892)],
    ['2024-10-13T14:02:31.892+0530', Date.UTC(2024, 9, 13, 8, 32, 31, 892)],
    ['2024-10-13T14:02:31.892+1245', Date.UTC(2024, 9, 13, 1, 17, 31, 892)],
    ['2026-11-26T18:02:31+0800', Date.UTC(2026, 10, 26, 10, 2, 31)],
    ['2024-10-13T14:02:31.892+02:00', Date.UTC(2024, 9, 13, 12, 2, 31, 892)],
    ['2024-10-13T12:02:31.892Z', Date.UTC(2024, 9, 13, 12, 2, 31, 892)],
  ])('%s', (text, expected) => {
    expect(parseJiraDate(text)).toBe(expected);
  });

  it.each([[null], [undefined], [1_700_000_000_000], [''], ['yesterday'], ['13/Oct/24 2:02 PM'], ['2024-13-45T99:99:99.000+0000']])('rejects %j', (value) => {
    expect(parseJiraDate(value)).toBeNull();
  });
});

describe("Atlassian's examples", () => {
  it('skips issues without a creation time (the search/jql example has none)', () => {
    expect(parseSearch(searchJqlExample, CLOUD)).toEqual(new Map());
    expect(parseSearch(oldSearchExample, CLOUD)).toEqual(new Map());
  });

  it('reads the example issue once it has the fields SLA Lens asks for', () => {
    const issue = clone(searchJqlExample.issues[0]!) as Record<string, any>;
    Object.assign(issue.fields, {
      created: '2021-01-17T09:00:00.000+0000',
      status: { name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate' } },
      priority: { name: 'High' },
      reporter: { accountId: 'customer-1', displayName: 'A customer' },
    });
    const facts = parseIssue(issue, CLOUD)!;
    expect(facts).toMatchObject({
      key: 'ED-1',
      project: 'EX',
      status: 'In Progress',
      priority: 'High',
      created: Date.UTC(2021, 0, 17, 9),
      resolvedAt: null,
      exact: false,
      url: 'https://acme.atlassian.net/browse/ED-1',
    });
    // The example's only comment is restricted to Administrators: not a reply to the customer.
    expect(facts.firstResponseAt).toBeNull();
    expect(facts.statusHistory).toBeUndefined();

    delete issue.fields.comment[0].visibility;
    expect(parseIssue(issue, CLOUD)!.firstResponseAt).toBe(Date.UTC(2021, 0, 17, 12, 34));
  });

  it('reads the Get issue example the same way (comments as an array)', () => {
    const issue = clone(issueExample) as Record<string, any>;
    issue.fields.created = '2021-01-17T09:00:00.000+0000';
    expect(parseIssue(issue, CLOUD)).toMatchObject({ key: 'ED-1', project: 'EX', exact: false });
  });

  it('reads the Get issue example’s comment as an agent’s internal note (restricted to a role), for next reply and the updates', () => {
    const issue = clone(issueExample) as Record<string, any>;
    issue.fields.created = '2021-01-17T09:00:00.000+0000';
    expect(parseIssue(issue, CLOUD)!.comments).toEqual([{ at: Date.UTC(2021, 0, 17, 12, 34), by: 'agent', public: false }]);
  });

  it('reads the paged changelog shape (`values`); non-status items are ignored', () => {
    const issue = {
      key: 'TT-1',
      fields: { created: '1970-01-18T06:00:00.000+0000', status: { name: 'To Do', statusCategory: { key: 'new' } } },
      changelog: clone(changelogExample),
    };
    // total 5 > 2 shown: the history is incomplete, so not exact.
    expect(parseIssue(issue, CLOUD)).toMatchObject({ statusHistory: [{ at: Date.parse('1970-01-18T06:00:00Z'), status: 'To Do', category: 'new' }], exact: false });
  });
});

describe('status history, resolution and first response', () => {
  const base = (extra: Record<string, unknown> = {}) => ({
    key: 'SUP-1',
    fields: {
      created: '2026-03-02T09:00:00.000+0100',
      updated: '2026-03-02T15:00:00.000+0100',
      status: { name: 'Resolved', statusCategory: { key: 'done' } },
      reporter: { accountId: 'cust' },
      ...extra,
    },
  });
  const change = (created: string, from: string, to: string) => ({
    created,
    items: [
      { field: 'assignee', fromString: 'x', toString: 'y' },
      { field: 'status', fieldtype: 'jira', fromString: from, toString: to },
    ],
  });

  it('starts with the initial status at creation, oldest first, with the category on the current status', () => {
    const issue = {
      ...base(),
      // Newest first, as some responses order them.
      changelog: { total: 2, histories: [change('2026-03-02T14:00:00.000+0100', 'In Progress', 'Resolved'), change('2026-03-02T10:00:00.000+0100', 'Open', 'In Progress')] },
    };
    const facts = parseIssue(issue, CLOUD)!;
    expect(facts.statusHistory).toEqual([
      { at: Date.parse('2026-03-02T08:00:00Z'), status: 'Open' },
      { at: Date.parse('2026-03-02T09:00:00Z'), status: 'In Progress' },
      { at: Date.parse('2026-03-02T13:00:00Z'), status: 'Resolved', category: 'done' },
    ]);
    expect(facts.exact).toBe(true);
    // No resolutiondate: the last change into the current done status.
    expect(facts.resolvedAt).toBe(Date.parse('2026-03-02T13:00:00Z'));
  });

  it('prefers resolutiondate, then statuscategorychangedate', () => {
    expect(parseIssue(base({ resolutiondate: '2026-03-02T16:30:00.000+0100' }), CLOUD)!.resolvedAt).toBe(Date.parse('2026-03-02T15:30:00Z'));
    expect(parseIssue(base({ statuscategorychangedate: '2026-03-02T16:45:00.000+0100' }), CLOUD)!.resolvedAt).toBe(Date.parse('2026-03-02T15:45:00Z'));
  });

  it('gives one entry, the current status, when there was no change', () => {
    const facts = parseIssue({ ...base({ status: { name: 'Open', statusCategory: { key: 'new' } } }), changelog: { total: 0, histories: [] } }, CLOUD)!;
    expect(facts.statusHistory).toEqual([{ at: Date.parse('2026-03-02T08:00:00Z'), status: 'Open', category: 'new' }]);
    expect(facts.resolvedAt).toBeNull();
    expect(facts.exact).toBe(true);
  });

  it('is not exact without a changelog', () => {
    const facts = parseIssue(base(), CLOUD)!;
    expect(facts.statusHistory).toBeUndefined();
    expect(facts.exact).toBe(false);
  });

  it('does not take a portal customer other than the reporter for an agent (Cloud accountType)', () => {
    const comments = [
      { author: { accountId: 'participant', accountType: 'customer' }, created: '2026-03-02T09:40:00.000+0100', jsdPublic: true },
      { author: { accountId: 'agent', accountType: 'atlassian' }, created: '2026-03-02T10:05:00.000+0100', jsdPublic: true },
    ];
    expect(parseIssue(base({ comment: { comments, total: 2 } }), CLOUD)!.firstResponseAt).toBe(Date.parse('2026-03-02T09:05:00Z'));
    expect(parseIssue(base({ comment: { comments: comments.slice(0, 1), total: 1 } }), CLOUD)!.firstResponseAt).toBeNull();
  });

  it('takes the first public comment by someone other than the reporter', () => {
    const comment = (author: string, created: string, more: Record<string, unknown> = {}) => ({ author: { accountId: author }, created, ...more });
    const comments = [
      comment('agent', '2026-03-02T09:50:00.000+0100', { jsdPublic: false }),
      comment('cust', '2026-03-02T09:55:00.000+0100'),
      comment('agent', '2026-03-02T10:30:00.000+0100', { jsdPublic: true }),
      comment('agent2', '2026-03-02T10:10:00.000+0100', { visibility: { type: 'role', value: 'Developers' } }),
    ];
    expect(parseIssue(base({ comment: { comments, total: 4 } }), CLOUD)!.firstResponseAt).toBe(Date.parse('2026-03-02T09:30:00Z'));
    expect(parseIssue(base({ comment: { comments: comments.slice(0, 2), total: 2 } }), CLOUD)!.firstResponseAt).toBeNull();
    // More comments on the server than returned: unknown, not "none".
    expect(parseIssue(base({ comment: { comments: comments.slice(0, 2), total: 30 } }), CLOUD)!.firstResponseAt).toBeUndefined();
    // Not asked for: unknown.
    expect(parseIssue(base(), CLOUD)!.firstResponseAt).toBeUndefined();
  });

  it('reads the request type from the field whose value has requestType, or from names', () => {
    expect(parseIssue(base({ customfield_10010: { requestType: { name: 'Get IT help' } } }), CLOUD)!.requestType).toBe('Get IT help');
    expect(parseIssue(base({ customfield_12345: { requestType: { name: 'Report a bug' } } }), CLOUD)!.requestType).toBe('Report a bug');
    expect(parseIssue(base({ customfield_20000: { name: 'Access request' } }), { ...CLOUD, names: { customfield_20000: 'Customer Request Type' } })!.requestType).toBe('Access request');
    expect(parseIssue(base({ customfield_10010: null }), CLOUD)!.requestType).toBeUndefined();
  });

  it.each([[null], ['text'], [{}], [{ key: 'not a key', fields: {} }], [{ key: 'SUP-1' }], [{ key: 'SUP-1', fields: { created: 'soon' } }]])('returns null for %j', (issue) => {
    expect(parseIssue(issue, CLOUD)).toBeNull();
  });

  it('keeps within what the background takes: a huge value from the API still yields facts the schema accepts', () => {
    const huge = 'x'.repeat(100_000);
    const facts = parseIssue(
      {
        key: 'SUP-1',
        fields: {
          created: '2026-03-02T09:00:00.000+0100',
          summary: huge,
          status: { name: huge, statusCategory: { key: 'indeterminate' } },
          priority: { name: huge },
          issuetype: { name: 'Bug' },
          assignee: { displayName: huge },
          labels: ['ok', huge, ...Array.from({ length: 300 }, (_, i) => `l${i}`)],
        },
        changelog: { histories: [{ created: '2026-03-02T10:00:00.000+0100', items: [{ field: 'status', fromString: 'Open', toString: huge }] }] },
      },
      CLOUD,
    )!;
    expect(facts.title).toHaveLength(2000);
    expect(facts).toMatchObject({ issueType: 'Bug', exact: false });
    expect(facts.labels).toHaveLength(200);
    expect(parseEvaluateRequest({ type: 'sla:evaluate', source: 'jira', site: CLOUD.site, tickets: [facts] }).refused).toEqual([]);
  });

  it('says what the generic layers need as data: the status category, and the project as the team', () => {
    const issue = (status: unknown) => ({ key: 'SUP-1', fields: { created: '2026-03-02T09:00:00.000+0100', project: { key: 'SUP' }, status } });
    expect(parseIssue(issue({ name: 'Solved', statusCategory: { key: 'indeterminate' } }), CLOUD)).toMatchObject({ status: 'Solved', statusCategory: 'indeterminate', project: 'SUP', team: 'SUP' });
    expect(parseIssue(issue({ name: 'Erledigt', statusCategory: { key: 'done' } }), CLOUD)!.statusCategory).toBe('done');
    expect(parseIssue(issue({ name: 'Closed', statusCategory: { key: 'unheard-of' } }), CLOUD)).not.toHaveProperty('statusCategory');
    expect(parseIssue(issue({ name: 'Closed' }), CLOUD)).not.toHaveProperty('aliases');
  });

  it('survives hostile shapes', () => {
    const facts = parseIssue(
      { key: 'SUP-1', fields: { created: '2026-03-02T09:00:00.000+0100', labels: ['a', 3, null], status: 'Open', priority: [], comment: 'x', reporter: 5 }, changelog: { histories: 'no' } },
      CLOUD,
    )!;
    expect(facts).toMatchObject({ key: 'SUP-1', labels: ['a'], exact: true });
    expect(facts.status).toBeUndefined();
  });
});

describe("the fake sites' answers", () => {
  const sites = fixtureSites();
  const issue = (key: string) => sites.jira.find((i) => i.key === key)!;
  const FIELDS = ['created', 'updated', 'priority', 'status', 'issuetype', 'labels', 'project', 'assignee', 'resolutiondate', 'reporter', 'comment', 'customfield_10010'];

  it('Cloud search/jql → the facts the site was built from', () => {
    const res = jiraSearch(sites.jira, {
      method: 'POST',
      url: new URL('https://acme.atlassian.net/rest/api/3/search/jql'),
      body: JSON.stringify({ jql: 'key in (SUP-102, SUP-107, SUP-103)', fields: FIELDS, expand: 'changelog' }),
    });
    const facts = parseSearch(JSON.parse(res.body), CLOUD)!;
    expect([...facts.keys()].sort()).toEqual(['SUP-102', 'SUP-103', 'SUP-107']);
    const sup107 = facts.get('SUP-107')!;
    const src = issue('SUP-107');
    expect(sup107).toMatchObject({
      source: 'jira',
      site: 'acme.atlassian.net',
      project: 'SUP',
      priority: 'Highest',
      status: 'Resolved',
      labels: ['enterprise'],
      assignee: 'Ana Souza',
      requestType: 'Get IT help',
      issueType: 'Service request',
      created: src.created,
      resolvedAt: src.resolved,
      exact: true,
    });
    expect(sup107.statusHistory).toEqual([
      { at: src.created, status: 'Waiting for support' },
      { at: src.history[0]!.at, status: 'In Progress' },
      { at: src.history[1]!.at, status: 'Resolved', category: 'done' },
    ]);
    // The reporter's own comment and the internal note do not count.
    expect(sup107.firstResponseAt).toBe(src.comments!.find((c) => c.public && c.author !== src.reporter)!.at);
    // SUP-103 has no agent reply yet.
    expect(facts.get('SUP-103')!.firstResponseAt).toBeNull();
    expect(facts.get('SUP-103')!.resolvedAt).toBeNull();
  });

  it('Cloud search/jql without changelog or comment → not exact, first response unknown', () => {
    const res = jiraSearch(sites.jira, {
      method: 'POST',
      url: new URL('https://acme.atlassian.net/rest/api/3/search/jql'),
      body: JSON.stringify({ jql: 'key in (SUP-102)', fields: FIELDS.filter((f) => f !== 'comment') }),
    });
    const facts = parseSearch(JSON.parse(res.body), CLOUD)!.get('SUP-102')!;
    expect(facts.exact).toBe(false);
    expect(facts.statusHistory).toBeUndefined();
    expect(facts.firstResponseAt).toBeUndefined();
  });

  it('DC /rest/api/2/search (old shape, +0800 dates, users by key) → the same facts', () => {
    const url = new URL(`https://jira.example-corp.test/jira/rest/api/2/search?jql=${encodeURIComponent('key in (SUP-104)')}&fields=${FIELDS.join(',')}&expand=changelog`);
    const res = handle(sites, { method: 'GET', url })!;
    const body = JSON.parse(res.body);
    expect(body).toMatchObject({ startAt: 0, total: 1 });
    expect(body.issues[0].fields.created).toBe(jiraDate(issue('SUP-104').created, DC_OFFSET_MINUTES));
    expect(body.issues[0].fields.created).toMatch(/\+0800$/);
    const facts = parseSearch(body, { site: 'jira.example-corp.test', baseUrl: 'https://jira.example-corp.test/jira' })!.get('SUP-104')!;
    const src = issue('SUP-104');
    expect(facts).toMatchObject({ url: 'https://jira.example-corp.test/jira/browse/SUP-104', created: src.created, status: 'Waiting for customer', exact: true, resolvedAt: null });
    expect(facts.statusHistory!.map((s) => s.status)).toEqual(['Waiting for support', 'In Progress', 'Waiting for customer']);
    expect(facts.firstResponseAt).toBe(src.comments!.at(-1)!.at);
  });

  it('keeps a hostile summary as text', () => {
    const res = jiraDcSearch(
      sites.jira,
      { method: 'GET', url: new URL(`https://jira.example-corp.test/jira/rest/api/2/search?jql=${encodeURIComponent('key in (SUP-106)')}&fields=summary,created`) },
      DC_OFFSET_MINUTES,
    );
    expect(parseSearch(JSON.parse(res.body), CLOUD)!.get('SUP-106')!.title).toContain('<img src=x onerror=');
  });

  it('uses the fixed fixture clock', () => {
    expect(issue('SUP-101').created).toBeLessThan(FIXTURE_NOW);
  });
});

describe('status changes from the bulk changelog', () => {
  const sites = fixtureSites();
  const keys = sites.jira.map((i) => i.key);
  const FIELDS = ['created', 'updated', 'priority', 'status', 'statuscategorychangedate', 'issuetype', 'labels', 'project', 'assignee', 'resolutiondate', 'reporter', 'comment', 'customfield_10010'];
  const search = (expand?: string) =>
    JSON.parse(
      jiraSearch(sites.jira, {
        method: 'POST',
        url: new URL('https://acme.atlassian.net/rest/api/3/search/jql'),
        body: JSON.stringify({ jql: `key in (${keys.join(', ')})`, fields: FIELDS, maxResults: 100, ...(expand ? { expand } : {}) }),
      }).body,
    );
  /** Every page of the fake's bulk changelog for `keys`, `maxResults` histories a page. */
  const bulkPages = (maxResults: number) => {
    const pages: unknown[] = [];
    let nextPageToken: string | undefined;
    do {
      const body = JSON.parse(
        jiraBulkChangelog(sites.jira, {
          method: 'POST',
          url: new URL('https://acme.atlassian.net/rest/api/3/changelog/bulkfetch'),
          body: JSON.stringify({ issueIdsOrKeys: keys, fieldIds: ['status'], maxResults, ...(nextPageToken ? { nextPageToken } : {}) }),
        }).body,
      ) as { nextPageToken?: string };
      pages.push(body);
      nextPageToken = body.nextPageToken;
    } while (nextPageToken);
    return pages;
  };
  const fromBulk = (pages: unknown[]) => {
    const histories = new Map<string, unknown[]>();
    for (const page of pages) expect(addBulkChangelogPage(page, histories)).not.toBeNull();
    return new Map(readSearch(search(), CLOUD)!.map((r) => [r.key, finishIssue(r, { histories: histories.get(r.id!) ?? [], complete: true })]));
  };

  it('give every fixture issue the same facts (status history, so pauses; resolution; exact) as the changelog search embeds', () => {
    const embedded = parseSearch(search('changelog'), CLOUD)!;
    const bulk = fromBulk(bulkPages(1000));
    expect(bulk).toEqual(embedded);
    expect(bulk.size).toBe(keys.length);
    // The fixtures change status, pause (waiting for the customer) and resolve.
    const statuses = [...bulk.values()].flatMap((f) => f.statusHistory!.map((s) => s.status));
    expect(statuses).toEqual(expect.arrayContaining(['In Progress', 'Waiting for customer', 'Resolved']));
    expect([...bulk.values()].every((f) => f.exact)).toBe(true);
  });

  it('joins an issue’s histories that span pages', () => {
    const pages = bulkPages(3);
    const perPage = pages.map((p) => (p as { issueChangeLogs: Array<{ issueId: string }> }).issueChangeLogs.map((l) => l.issueId));
    // Some issue's changes are on two pages.
    expect(sites.jira.some((i) => perPage.filter((ids) => ids.includes(String(i.id))).length > 1)).toBe(true);
    expect(fromBulk(pages)).toEqual(parseSearch(search('changelog'), CLOUD));
  });

  it('reads a change’s time given in epoch milliseconds, as the bulk endpoint has been seen to give it', () => {
    const issue = search().issues.find((i: { key: string }) => i.key === 'SUP-104');
    const read = readIssue(issue, CLOUD)!;
    const src = sites.jira.find((i) => i.key === 'SUP-104')!;
    const change = (at: unknown, h: (typeof src.history)[number]) => ({
      id: '1',
      created: at,
      items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: h.from, to: '2', toString: h.to }],
    });
    const asText = finishIssue(read, { histories: src.history.map((h) => change(jiraDate(h.at), h)), complete: true });
    const asNumber = finishIssue(read, { histories: src.history.map((h) => change(h.at, h)), complete: true });
    expect(asNumber).toEqual(asText);
    expect(asNumber.exact).toBe(true);
    // Seconds would read as January 1970: not a time, so the history is not known.
    const asSeconds = finishIssue(read, { histories: src.history.map((h) => change(Math.floor(h.at / 1000), h)), complete: true });
    expect(asSeconds).toMatchObject({ exact: false });
    expect(asSeconds.statusHistory).toBeUndefined();
  });

  it('gives no history rather than a wrong one when a status change cannot be read, embedded or not', () => {
    const issue = { key: 'SUP-1', fields: { created: '2026-03-02T09:00:00.000+0100', status: { name: 'Resolved', statusCategory: { key: 'done' } } } };
    const unnamed = { created: '2026-03-02T10:00:00.000+0100', items: [{ field: 'status', fieldId: 'status', from: '1', to: '3' }] };
    for (const facts of [parseIssue({ ...issue, changelog: { total: 1, histories: [unnamed] } }, CLOUD)!, finishIssue(readIssue(issue, CLOUD)!, { histories: [unnamed], complete: true })]) {
      expect(facts.exact).toBe(false);
      expect(facts.statusHistory).toBeUndefined();
    }
  });

  it('reads a page’s shape, and nothing else', () => {
    const into = new Map<string, unknown[]>();
    expect(addBulkChangelogPage({ issueChangeLogs: [{ issueId: '10001', changeHistories: [{ id: '1' }] }], nextPageToken: 'next' }, into)).toEqual({ nextPageToken: 'next' });
    expect(addBulkChangelogPage({ issueChangeLogs: [{ issueId: 10001, changeHistories: [{ id: '2' }] }], nextPageToken: null }, into)).toEqual({});
    expect(into).toEqual(new Map([['10001', [{ id: '1' }, { id: '2' }]]]));
    for (const bad of [null, [], { values: [] }, { issueChangeLogs: 'no' }, { issueChangeLogs: [{ changeHistories: [] }] }, { issueChangeLogs: [{ issueId: 'SUP-1', changeHistories: [] }] }]) {
      expect(addBulkChangelogPage(bad, new Map())).toBeNull();
    }
  });
});

describe('the comment timeline (issue 18)', () => {
  const comment = (id: string, created: string, author: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, created, author, ...extra });
  const issue = (comments: unknown[], total?: number) => ({
    key: 'SUP-7',
    fields: {
      created: '2026-03-02T09:00:00.000+0000',
      status: { name: 'Waiting for support', statusCategory: { key: 'indeterminate' } },
      reporter: { accountId: 'cust' },
      comment: total === undefined ? { comments } : { comments, total, maxResults: comments.length, startAt: 0 },
    },
  });
  it('says who wrote each comment and whether the customer saw it', () => {
    const facts = parseIssue(
      issue([
        comment('1', '2026-03-02T09:05:00.000+0000', { accountId: 'cust' }),
        comment('2', '2026-03-02T09:10:00.000+0000', { accountId: 'agent-1' }, { jsdPublic: false }),
        comment('3', '2026-03-02T09:20:00.000+0000', { accountId: 'agent-1' }, { jsdPublic: true }),
        comment('4', '2026-03-02T10:00:00.000+0000', { accountId: 'participant', accountType: 'customer' }),
        comment('5', '2026-03-02T10:30:00.000+0000', { accountId: 'agent-2' }, { visibility: { type: 'group', value: 'jira-servicedesk-users' } }),
      ]),
      CLOUD,
    )!;
    expect(facts.comments).toEqual([
      { at: Date.UTC(2026, 2, 2, 9, 5), by: 'end-user', public: true },
      { at: Date.UTC(2026, 2, 2, 9, 10), by: 'agent', public: false },
      { at: Date.UTC(2026, 2, 2, 9, 20), by: 'agent', public: true },
      { at: Date.UTC(2026, 2, 2, 10, 0), by: 'end-user', public: true },
      { at: Date.UTC(2026, 2, 2, 10, 30), by: 'agent', public: false },
    ]);
  });

  it('gives none when the search held only some of the comments: a reply clock on part of a thread would be wrong', () => {
    expect(parseIssue(issue([comment('1', '2026-03-02T09:05:00.000+0000', { accountId: 'cust' })], 40), CLOUD)).not.toHaveProperty('comments');
    expect(parseIssue(issue([comment('1', '2026-03-02T09:05:00.000+0000', { accountId: 'cust' })], 1), CLOUD)!.comments).toHaveLength(1);
  });
});
