import { describe, expect, it, vi } from 'vitest';
import { jiraNavigatorPage, jiraQueuePage, type QueueOptions } from '../../../testing/sites/jira';
import { manyJiraIssues } from '../../../testing/sites/samples';
import { URLS } from '../../../testing/sites/index';
import type { FoundTicket } from '../types';
import { FIXTURE_NOW, FIXTURE_PAGES, fixtureHtml, fixtureSites, FIXTURE_URLS, renderFixture, renderHtml } from './__fixtures__/pages';
import { find, SURFACES } from './read-page';
import type { JiraFixturePage } from './selectors';

const issues = fixtureSites().jira;
const byKey = new Map(issues.map((i) => [i.key, i]));
const ALL_KEYS = issues.map((i) => i.key).sort();
const HOSTILE = issues.find((i) => i.summary.includes('<img'))!;

function read(page: JiraFixturePage): { found: FoundTicket[]; document: Document } {
  const { document, url } = renderFixture(page);
  return { found: find(document, url), document };
}

const keys = (found: FoundTicket[]) => found.map((t) => t.key).sort();

describe('each fixture page yields one ticket per ticket element', () => {
  it.each<[JiraFixturePage, string[], string[]]>([
    ['cloud-issue', ['SUP-102'], ['SUP-102']],
    ['cloud-board', ALL_KEYS, []],
    ['cloud-board-modal', [...ALL_KEYS, 'SUP-102'].sort(), ['SUP-102']],
    ['cloud-backlog', ALL_KEYS, []],
    ['cloud-backlog-panel', [...ALL_KEYS, 'SUP-104'].sort(), ['SUP-104']],
    [
      'cloud-navigator',
      issues
        .slice(0, 30)
        .map((i) => i.key)
        .sort(),
      [],
    ],
    ['cloud-navigator-detail', [...ALL_KEYS, 'SUP-103'].sort(), ['SUP-103']],
    ['cloud-queue', ALL_KEYS, []],
    ['cloud-queue-de', ALL_KEYS, []],
    ['cloud-queue-legacy', ALL_KEYS, []],
    ['dc-issue', ['SUP-106'], ['SUP-106']],
    ['dc-navigator', ALL_KEYS, []],
    ['dc-navigator-detail', [...ALL_KEYS, 'SUP-103'].sort(), ['SUP-103']],
    ['dc-queue', ALL_KEYS, []],
    ['dc-board', ALL_KEYS, []],
  ])('%s', (page, expected, ticketViews) => {
    const { found } = read(page);
    expect(keys(found)).toEqual(expected);
    expect(found.filter((t) => t.isTicketView).map((t) => t.key)).toEqual(ticketViews);
    expect(new Set(found.map((t) => t.element)).size, 'two tickets for one element').toBe(found.length);
  });
});

describe('what each ticket shows', () => {
  it.each(FIXTURE_PAGES)('%s: the anchor shows the key, and the DOM facts agree with the site data', (page) => {
    for (const ticket of read(page).found) {
      const issue = byKey.get(ticket.key)!;
      expect(ticket.anchor.textContent?.trim(), `${page} ${ticket.key}: the badge goes next to the key`).toBe(ticket.key);
      expect(ticket.element.contains(ticket.anchor)).toBe(true);
      expect(ticket.dom.project).toBe('SUP');
      if (ticket.dom.title !== undefined) expect(ticket.dom.title).toBe(issue.summary);
      // The German queue shows Jira's translation of the status: page text, approximate by nature.
      if (ticket.dom.status !== undefined && page !== 'cloud-queue-de') expect(ticket.dom.status).toBe(issue.status);
      if (ticket.dom.priority !== undefined) expect(ticket.dom.priority).toBe(issue.priority);
      if (ticket.dom.assignee !== undefined) expect(ticket.dom.assignee).toBe(issue.assignee);
      if (ticket.dom.requestType !== undefined) expect(ticket.dom.requestType).toBe(issue.requestType);
      if (ticket.dom.issueType !== undefined) expect(ticket.dom.issueType).toBe(issue.issueType);
      // DC and the JSM queue carry whole seconds; Cloud lists carry no date at all.
      if (ticket.dom.created !== undefined) expect(ticket.dom.created).toBe(Math.floor(issue.created / 1000) * 1000);
    }
  });

  it.each<[JiraFixturePage, Array<keyof FoundTicket['dom']>]>([
    ['cloud-issue', ['title', 'status', 'priority', 'assignee']],
    ['cloud-board', ['title', 'priority']],
    ['cloud-backlog', ['title']],
    ['cloud-navigator', ['title', 'status', 'priority', 'issueType']],
    ['cloud-navigator-detail', ['title']],
    ['cloud-queue', ['title', 'status', 'created']],
    ['cloud-queue-de', ['title', 'status', 'created']],
    ['cloud-queue-legacy', ['status']],
    ['dc-issue', ['title', 'status', 'priority', 'issueType', 'created']],
    ['dc-navigator', ['title', 'status', 'priority', 'issueType', 'created']],
    ['dc-navigator-detail', ['title', 'issueType']],
    ['dc-queue', ['title']],
    ['dc-board', ['title', 'issueType']],
  ])('%s reads %j', (page, fields) => {
    const first = read(page).found[0]!;
    for (const f of fields) expect(first.dom[f], `${page}: ${f}`).toBeDefined();
  });

  it('reads "P1 priority" icons as the priority name', () => {
    const { found } = read('cloud-board');
    expect(found.find((t) => t.key === 'SUP-101')!.dom.priority).toBe('Highest');
  });

  it('reads DC dates with their +0800 offset', () => {
    const { found } = read('dc-issue');
    expect(found[0]!.dom.created).toBe(Math.floor(byKey.get('SUP-106')!.created / 1000) * 1000);
  });
});

describe('rich text and hostile text', () => {
  it.each(['cloud-issue', 'cloud-board-modal', 'cloud-backlog-panel', 'cloud-navigator-detail', 'dc-issue'] as const)(
    '%s: keys mentioned in descriptions, comments and editors are not tickets',
    (page) => {
      const { found, document } = read(page);
      expect(document.querySelector('a[href*="/browse/SUP-9999"]')).not.toBeNull();
      expect(keys(found)).not.toContain('SUP-9999');
      expect(keys(found)).not.toContain('SUP-9998');
      for (const t of found) expect(t.element.closest('.ak-renderer-document, [contenteditable="true"], [data-testid*="comment"]')).toBeNull();
    },
  );

  it.each(FIXTURE_PAGES)('%s: a hostile summary stays text', (page) => {
    const { found, document } = read(page);
    expect(document.querySelector('img[src="x"]'), 'the fixture must escape summaries as Jira does').toBeNull();
    const hostile = found.find((t) => t.key === HOSTILE.key);
    if (hostile?.dom.title !== undefined) expect(hostile.dom.title).toBe(HOSTILE.summary);
  });
});

describe('robustness', () => {
  it.each(FIXTURE_PAGES)('%s: the older data-test-id spelling reads the same (jira-dom.md rule 1)', (page) => {
    const url = FIXTURE_URLS[page];
    const modern = find(renderHtml(fixtureHtml(page), url), new URL(url));
    const legacy = find(renderHtml(fixtureHtml(page).replaceAll('data-testid=', 'data-test-id='), url), new URL(url));
    expect(legacy.map((t) => [t.key, t.dom, !!t.isTicketView])).toEqual(modern.map((t) => [t.key, t.dom, !!t.isTicketView]));
  });

  it('finds queue cells by their field id, whatever the column order and the UI language', () => {
    const sample = issues.slice(0, 5);
    const read = (options: QueueOptions) => {
      const doc = renderHtml(jiraQueuePage(sample, options), URLS.jiraQueue);
      return find(doc, new URL(URLS.jiraQueue)).map((t) => [t.key, t.dom.title, t.dom.created]);
    };
    const standard = read({ columns: ['request', 'key', 'summary', 'status', 'assignee', 'created'] });
    expect(standard.map(([key]) => key)).toEqual(sample.map((i) => i.key));
    expect(read({ columns: ['created', 'status', 'assignee', 'key', 'request', 'summary'] })).toEqual(standard);
    expect(read({ columns: ['created', 'summary', 'key'], locale: 'de' })).toEqual(standard);
    // Without a Created column the date is simply not known: no other date is taken for it.
    expect(read({ columns: ['key', 'summary', 'status'] }).map(([, , created]) => created)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('queue: without a key column, the row is still named by its cells and badged after the first one', () => {
    const doc = renderHtml(jiraQueuePage(issues.slice(0, 3), { columns: ['summary', 'status'] }), URLS.jiraQueue);
    const found = find(doc, new URL(URLS.jiraQueue));
    expect(found.map((t) => t.key)).toEqual(issues.slice(0, 3).map((i) => i.key));
    expect(found.every((t) => t.element.getAttribute('role') === 'row' && t.element.contains(t.anchor))).toBe(true);
  });

  it('finds navigator cells by testid, whatever the column order', () => {
    const sample = issues.slice(0, 5);
    const read = (columns: Parameters<typeof jiraNavigatorPage>[1]) => find(renderHtml(jiraNavigatorPage(sample, columns), URLS.jiraNavigator), new URL(URLS.jiraNavigator)).map((t) => [t.key, t.dom]);
    expect(read({ columns: ['priority', 'status', 'updated', 'work'] })).toEqual(read({ columns: ['work', 'status', 'priority'] }));
  });

  it('reads a subtree: rows the virtualised list mounts later', () => {
    const { document, url } = renderFixture('cloud-queue');
    const rows = document.querySelectorAll('[data-testid="virtual-table.table.main"] [role="row"]');
    const row = rows[3]!;
    const found = find(row, url);
    expect(found).toHaveLength(1);
    expect(found[0]!.element).toBe(row);
    expect(found[0]!.dom.created, 'the row’s own Created cell').toBeDefined();

    const navigator = renderFixture('cloud-navigator');
    const tr = navigator.document.querySelectorAll('tr[data-testid="native-issue-table.ui.issue-row"]')[7]!;
    expect(find(tr, navigator.url).map((t) => t.element)).toEqual([tr]);
  });

  it('navigator detail view: each card is a ticket on its li, badged at the key, and the open issue is the ticket view', () => {
    const { document, url } = renderFixture('cloud-navigator-detail');
    const found = find(document, url);
    const items = [...document.querySelectorAll('li[data-testid="issue-navigator.ui.issue-results.detail-view.card-list.card.list-item"]')];
    const cards = found.filter((t) => !t.isTicketView);
    expect(cards.map((t) => t.element)).toEqual(items);
    for (const t of cards) {
      expect(t.anchor.closest('a[data-testid="issue-navigator.ui.issue-results.detail-view.card-list.card"]')).not.toBeNull();
      expect(t.dom.title).toBe(byKey.get(t.key)!.summary);
    }
    const open = found.find((t) => t.isTicketView)!;
    expect([open.key, open.dom.title, open.dom.status, open.dom.priority]).toEqual(['SUP-103', byKey.get('SUP-103')!.summary, byKey.get('SUP-103')!.status, byKey.get('SUP-103')!.priority]);
    expect(
      items.some((li) => li.contains(open.element)),
      'the open issue is not read from its card',
    ).toBe(false);
  });

  it('navigator detail view: keys come from selectedIssue links or the card text when the href is not /browse/', () => {
    const url = FIXTURE_URLS['cloud-navigator-detail'];
    const html = fixtureHtml('cloud-navigator-detail');
    const expected = find(renderHtml(html, url), new URL(url)).map((t) => [t.key, t.dom, t.anchor.textContent, !!t.isTicketView]);
    const card = /(<a data-testid="issue-navigator\.ui\.issue-results\.detail-view\.card-list\.card") href="\/browse\/([A-Z]+-\d+)"/g;
    const selectedLinks = html.replace(card, (_, a: string, key: string) => `${a} href="/issues/?jql=project%20%3D%20SUP&amp;selectedIssue=${key}"`);
    const noHref = html.replace(card, (_, a: string) => a);
    expect(selectedLinks).not.toBe(html);
    for (const variant of [selectedLinks, noHref]) {
      expect(find(renderHtml(variant, url), new URL(url)).map((t) => [t.key, t.dom, t.anchor.textContent, !!t.isTicketView])).toEqual(expected);
    }
  });

  it('navigator detail view: a card list mounted later is read on its own', () => {
    const { document, url } = renderFixture('cloud-navigator-detail');
    const li = document.querySelectorAll('li[data-testid="issue-navigator.ui.issue-results.detail-view.card-list.card.list-item"]')[4]!;
    expect(find(li, url).map((t) => [t.key, t.element])).toEqual([[issues[4]!.key, li]]);
  });

  it('is stable: reading again finds the same elements', () => {
    const { document, url } = renderFixture('cloud-board-modal');
    expect(find(document, url).map((t) => t.element)).toEqual(find(document, url).map((t) => t.element));
  });

  it('falls back to the URL for the open issue when the breadcrumb is missing', () => {
    const { document, url } = renderFixture('cloud-issue');
    document.querySelector('[data-testid$="breadcrumb-current-issue-container"]')!.remove();
    const found = find(document, url);
    expect(found.map((t) => [t.key, t.isTicketView, t.anchor.tagName])).toEqual([['SUP-102', true, 'H1']]);
  });

  it('finds nothing on a page without tickets', () => {
    const doc = renderHtml('<!doctype html><main><p>Mention of <a href="/browse/SUP-1">SUP-1</a> in a dashboard gadget</p></main>', 'https://acme.atlassian.net/jira/your-work');
    expect(find(doc, new URL('https://acme.atlassian.net/jira/your-work'))).toEqual([]);
  });
});

describe('speed', () => {
  it('reads 1,000 navigator rows with a fixed number of document-wide queries', () => {
    const many = manyJiraIssues(FIXTURE_NOW, 1000);
    const document = renderHtml(jiraNavigatorPage(many, { mounted: [0, 1000] }), URLS.jiraNavigator);
    const url = new URL(URLS.jiraNavigator);
    const spy = vi.spyOn(document, 'querySelectorAll');
    find(document, url); // warm up
    const calls = spy.mock.calls.length;
    const found = find(document, url);
    expect(found).toHaveLength(1000);
    expect(spy.mock.calls.length - calls, 'document-wide queries must not grow with the rows').toBe(calls);
    // At most one document-wide query a strategy: strategies that find nothing cost one query each.
    expect(calls).toBeLessThanOrEqual(SURFACES.flatMap((s) => s.strategies).length);
  });
});
