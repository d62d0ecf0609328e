import { describe, expect, it } from 'vitest';
import { URLS } from '../../../testing/sites/index';
import { DEFAULT_VIEW_COLUMNS, type ZendeskColumn } from '../../../testing/sites/zendesk';
import type { FoundTicket } from '../types';
import { fixtureSites, renderFixture, renderHtml } from './__fixtures__/pages';
import { find } from './read-page';

const keys = (found: FoundTicket[]) => found.map((t) => t.key);
const sites = fixtureSites();
const ticket = (id: number) => sites.zendesk.find((t) => t.id === id)!;
const ALL_IDS = sites.zendesk.map((t) => String(t.id));

function view(columns: ZendeskColumn[], extra: object = {}) {
  return renderFixture('view', { sites: { ...fixtureSites(), zendeskView: { columns, ...extra } } });
}

describe('the views table', () => {
  it('finds every ticket row once, with what the row shows', () => {
    const { document, url } = renderFixture('view');
    const found = find(document.body, url);
    expect(keys(found)).toEqual(ALL_IDS);
    const t = ticket(4104);
    expect(found.find((f) => f.key === '4104')).toMatchObject({
      dom: { title: t.subject, status: 'pending', priority: 'high', assignee: 'Sam Okafor', created: Math.floor(t.created / 1000) * 1000 },
    });
    expect(found.every((f) => !f.isTicketView && f.element.getAttribute('data-test-id') === 'generic-table-row')).toBe(true);
    // The badge goes right after the subject link.
    expect(found.every((f) => f.anchor.matches('a') && f.anchor.textContent === ticket(Number(f.key)).subject)).toBe(true);
  });

  it.each([
    ['reversed', [...DEFAULT_VIEW_COLUMNS].reverse()],
    ['shuffled', ['assignee', 'priority', 'requested', 'id', 'status', 'subject', 'requester'] as ZendeskColumn[]],
    ['with more date columns', ['updated', 'subject', 'status', 'priority', 'requested'] as ZendeskColumn[]],
  ])('reads the same facts whatever the column order (%s)', (_name, columns) => {
    const base = find(renderFixture('view').document.body, new URL(URLS.zendeskView));
    const { document, url } = view(columns);
    const found = find(document.body, url);
    expect(keys(found)).toEqual(ALL_IDS);
    for (const f of found) {
      const before = base.find((b) => b.key === f.key)!;
      expect(f.dom).toEqual(Object.fromEntries(Object.entries(before.dom).filter(([k]) => k !== 'assignee' || columns.includes('assignee'))));
    }
  });

  it('takes the created time from the Requested column, not from another date column', () => {
    const { document, url } = view(['updated', 'subject', 'requested']);
    expect(find(document.body, url).find((f) => f.key === '4104')!.dom.created).toBe(Math.floor(ticket(4104).created / 1000) * 1000);
    const noRequested = view(['updated', 'subject']);
    expect(find(noRequested.document.body, noRequested.url).every((f) => f.dom.created === undefined)).toBe(true);
  });

  it('without a subject column, badges after the status; without either, by the checkbox', () => {
    const status = view(['id', 'status', 'priority']);
    const byStatus = find(status.document.body, status.url);
    expect(keys(byStatus)).toEqual(ALL_IDS);
    expect(byStatus.every((f) => f.anchor.matches('span[aria-label]') && f.anchor.parentElement!.matches('td'))).toBe(true);
    const bare = view(['priority', 'requested']);
    const byCheckbox = find(bare.document.body, bare.url);
    // The row's aria-describedby alone names the ticket.
    expect(keys(byCheckbox)).toEqual(ALL_IDS);
    expect(byCheckbox.every((f) => f.anchor.matches('input[type="checkbox"]'))).toBe(true);
  });

  it('skips group-by rows and reads the Group column', () => {
    const { document, url } = renderFixture('view-grouped');
    const found = find(document.body, url);
    expect(document.querySelectorAll('[data-test-id="generic-table-rows-group-by"]').length).toBe(2);
    expect(keys(found).sort()).toEqual([...ALL_IDS].sort());
    expect(found.find((f) => f.key === '4101')!.dom).toMatchObject({ group: 'Tier 2', issueType: 'incident', priority: 'urgent' });
    expect(found.find((f) => f.key === '4103')!.dom).toMatchObject({ group: 'Tier 1', issueType: 'question' });
  });

  it('finds the new rows after the app re-renders them on sort and refresh, one per row', () => {
    const { document, url } = renderFixture('view', { scripts: true });
    const before = find(document.body, url);
    const sortByPriority = [...document.querySelectorAll<HTMLElement>('[data-test-id="generic-table-cells-sortable"]')].find((b) => b.textContent === 'Priority')!;
    sortByPriority.click();
    const sorted = find(document.body, url);
    expect(sorted.map((f) => f.dom.priority)).toEqual(['high', 'high', 'low', 'normal', 'normal', 'normal', 'urgent']);
    expect(sorted.some((f) => before.some((b) => b.element === f.element))).toBe(false);
    expect(before.every((b) => !b.element.isConnected)).toBe(true);
    (document.querySelector('[data-test-id="views_views-list_header-refresh"]') as HTMLElement).click();
    const refreshed = find(document.body, url);
    expect(keys(refreshed)).toEqual(keys(sorted));
    expect(refreshed.some((f) => sorted.some((s) => s.element === f.element))).toBe(false);
  });

  it('never reads a row whose ids disagree, nor takes an id from text', () => {
    const row = (attrs: string, cells: string) =>
      `<tr data-garden-id="tables.row" data-test-id="generic-table-row" ${attrs}><td data-test-id="generic-table-cells-selectable"><input type="checkbox"></td>${cells}</tr>`;
    const html = `<table data-garden-id="tables.table" data-test-id="generic-table"><thead><tr data-garden-id="tables.header_row"><th></th><th>ID</th><th>Subject</th></tr></thead><tbody>
      ${row('aria-describedby="generic-table-row-11"', '<td data-test-id="generic-table-cells-id">#12</td><td data-test-id="ticket-table-cells-subject"><a href="tickets/11">Mixed up</a></td>')}
      ${row('', '<td data-test-id="generic-table-cells-id">ticket 13</td><td data-test-id="ticket-table-cells-subject"><a href="tickets/14a">See #15 and tickets/16</a></td>')}
      ${row('aria-describedby="generic-table-row-017"', '<td>#17</td>')}
      ${row('', '<td data-test-id="generic-table-cells-id">#18</td><td data-test-id="ticket-table-cells-subject"><a href="tickets/18">Fine</a></td>')}
    </tbody></table>`;
    const doc = renderHtml(html, URLS.zendeskView);
    expect(keys(find(doc.body, new URL(URLS.zendeskView)))).toEqual(['18']);
  });

  it('reads no priority or date it cannot be sure of: another language, or two columns with one label', () => {
    const html = (labels: string[]) =>
      `<table data-garden-id="tables.table"><thead><tr data-garden-id="tables.header_row"><th></th>${labels.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>
      <tr data-garden-id="tables.row" aria-describedby="generic-table-row-21"><td data-test-id="generic-table-cells-selectable"><input></td><td aria-label="Dringend">Dringend</td><td data-test-id="generic-table-cells-date"><time datetime="2026-11-25T10:00:00Z">gestern</time></td></tr>
      <tr data-garden-id="tables.row" aria-describedby="generic-table-row-22"><td data-test-id="generic-table-cells-selectable"><input></td><td aria-label="High">High</td><td data-test-id="generic-table-cells-date"><time datetime="2026-11-25T10:00:00Z">yesterday</time></td></tr></tbody></table>`;
    const german = find(renderHtml(html(['Priorität', 'Angefragt']), URLS.zendeskView).body, new URL(URLS.zendeskView));
    expect(german.map((f) => f.dom)).toEqual([{}, {}]);
    const twice = find(renderHtml(html(['Priority', 'Requested']).replace('<th>Priority</th>', '<th>Requested</th>'), URLS.zendeskView).body, new URL(URLS.zendeskView));
    expect(twice.map((f) => f.dom)).toEqual([{}, {}]);
    const english = find(renderHtml(html(['Priority', 'Requested']), URLS.zendeskView).body, new URL(URLS.zendeskView));
    expect(english.map((f) => f.dom)).toEqual([{ created: Date.parse('2026-11-25T10:00:00Z') }, { priority: 'high', created: Date.parse('2026-11-25T10:00:00Z') }]);
  });

  it('keeps a hostile subject as text and takes no id from it', () => {
    const { document, url } = renderFixture('view');
    const hostile = find(document.body, url).find((f) => f.key === '4107')!;
    expect(hostile.dom.title).toBe(ticket(4107).subject);
    expect(hostile.anchor.querySelector('img, b')).toBeNull();
    expect(document.querySelectorAll('img').length).toBe(0);
    expect(keys(find(document.body, url))).not.toEqual(expect.arrayContaining(['999']));
    expect(keys(find(document.body, url))).not.toContain('998');
  });
});

describe('the ticket page and its tabs', () => {
  it('badges the visible ticket once, and every tab that names a ticket', () => {
    const { document, url } = renderFixture('ticket');
    const found = find(document.body, url);
    const header = found.filter((f) => f.isTicketView);
    expect(header).toHaveLength(1);
    expect(header[0]).toMatchObject({ key: '4105', dom: { title: ticket(4105).subject, status: 'hold', priority: 'low' } });
    expect(header[0]!.anchor.matches('input[data-test-id="omni-header-subject"]')).toBe(true);
    const tabs = found.filter((f) => !f.isTicketView);
    expect(keys(tabs)).toEqual(['4101', '4102', '4103', '4105']);
    expect(tabs.every((f) => f.element.getAttribute('data-test-id') === 'header-tab' && f.anchor.textContent === `#${f.key}`)).toBe(true);
    expect(tabs.find((f) => f.key === '4102')!.dom).toEqual({ title: ticket(4102).subject });
    // "ticket #999" and a link to 998 in the conversation are not tickets.
    expect(document.body.textContent).toContain('#999');
    expect(keys(found)).not.toContain('999');
    expect(keys(found)).not.toContain('998');
  });

  it('follows a tab switch: the newly visible ticket gets the header, still one', () => {
    const { document, url } = renderFixture('ticket', { scripts: true });
    const tab = [...document.querySelectorAll<HTMLElement>('[data-test-id="header-tab"]')].find((t) => t.textContent!.includes('#4102'))!;
    tab.click();
    const location = new URL(document.location.href);
    expect(location.pathname).toBe('/agent/tickets/4102');
    for (const at of [location, url]) {
      const header = find(document.body, at).filter((f) => f.isTicketView);
      expect(keys(header)).toEqual(['4102']);
    }
  });

  it('when every workspace looks visible, takes the one the URL names; when none is, none', () => {
    const html = (style: string) =>
      [4101, 4102].map((id) => `<div class="workspace"${style}><div data-side-conversations-anchor-id="${id}"><input data-test-id="omni-header-subject" value="S${id}"></div></div>`).join('');
    const url = new URL(URLS.zendeskTicket(4102));
    expect(keys(find(renderHtml(html(''), url.href).body, url))).toEqual(['4102']);
    expect(keys(find(renderHtml(html(''), url.href).body, new URL(URLS.zendeskView)))).toEqual([]);
    expect(keys(find(renderHtml(html(' hidden'), url.href).body, url))).toEqual([]);
  });
});

describe('search results', () => {
  it('finds the result rows by their links, the open tab, and no hidden ticket header', () => {
    const { document, url } = renderFixture('search');
    const found = find(document.body, url);
    // 4101 is open in a hidden tab: its tab counts, its header does not; the search tab names no ticket.
    expect(found.map((f) => [f.key, f.element.getAttribute('data-test-id')])).toEqual([
      ['4101', 'header-tab'],
      ['4102', 'generic-table-row'],
      ['4107', 'generic-table-row'],
    ]);
    expect(found.some((f) => f.isTicketView)).toBe(false);
    expect(found.find((f) => f.key === '4102')!.dom).toMatchObject({ status: 'open', group: 'Tier 1', assignee: 'Lena Fischer', created: Math.floor(ticket(4102).created / 1000) * 1000 });
  });
});
