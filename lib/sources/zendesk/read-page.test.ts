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
    // What the row shows by a locale-free hook; priority and dates are the API's (read-table.ts).
    expect(found.find((f) => f.key === '4104')!.dom).toEqual({ title: ticket(4104).subject, status: 'pending', assignee: 'Sam Okafor' });
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

  it('reads no priority, type, group or date: only a translated header says which column is which', () => {
    for (const page of ['view', 'view-grouped', 'view-de', 'view-he'] as const) {
      const { document, url } = renderFixture(page);
      for (const f of find(document.body, url))
        expect(
          Object.keys(f.dom).filter((k) => !['title', 'status', 'assignee'].includes(k)),
          `${page} ${f.key}`,
        ).toEqual([]);
    }
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

  it('skips group-by rows', () => {
    const { document, url } = renderFixture('view-grouped');
    const found = find(document.body, url);
    expect(document.querySelectorAll('[data-test-id="generic-table-rows-group-by"]').length).toBe(2);
    expect(keys(found).sort()).toEqual([...ALL_IDS].sort());
    expect(found.every((f) => f.element.matches('[data-test-id="generic-table-row"]'))).toBe(true);
    // The Group and Type columns are on the page; their values are the API's.
    expect(found.find((f) => f.key === '4101')!.dom).toEqual({ title: ticket(4101).subject, status: 'open', assignee: 'Sam Okafor' });
  });

  it('finds the new rows after the app re-renders them on sort and refresh, one per row', () => {
    const { document, url } = renderFixture('view', { scripts: true });
    const before = find(document.body, url);
    const sortByPriority = [...document.querySelectorAll<HTMLElement>('[data-test-id="generic-table-cells-sortable"]')].find((b) => b.textContent === 'Priority')!;
    sortByPriority.click();
    const sorted = find(document.body, url);
    const byLabel = [...sites.zendesk].sort((a, b) => a.priority.localeCompare(b.priority)).map((t) => String(t.id));
    expect(keys(sorted)).toEqual(byLabel);
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

  it('reads no priority or date from a header word, in English or not', () => {
    const html = (labels: string[]) =>
      `<table data-garden-id="tables.table"><thead><tr data-garden-id="tables.header_row"><th></th>${labels.map((l) => `<th>${l}</th>`).join('')}</tr></thead><tbody>
      <tr data-garden-id="tables.row" aria-describedby="generic-table-row-21"><td data-test-id="generic-table-cells-selectable"><input></td><td aria-label="Dringend">Dringend</td><td data-test-id="generic-table-cells-date"><time datetime="2026-11-25T10:00:00Z">gestern</time></td></tr>
      <tr data-garden-id="tables.row" aria-describedby="generic-table-row-22"><td data-test-id="generic-table-cells-selectable"><input></td><td aria-label="High">High</td><td data-test-id="generic-table-cells-date"><time datetime="2026-11-25T10:00:00Z">yesterday</time></td></tr></tbody></table>`;
    for (const labels of [
      ['Priorität', 'Angefragt'],
      ['Priority', 'Requested'],
    ]) {
      const found = find(renderHtml(html(labels), URLS.zendeskView).body, new URL(URLS.zendeskView));
      expect(keys(found)).toEqual(['21', '22']);
      expect(found.map((f) => f.dom)).toEqual([{}, {}]);
    }
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
    expect(header[0]).toMatchObject({ key: '4105', dom: { title: ticket(4105).subject, status: 'hold' } });
    // The priority field shows a translated word only.
    expect(header[0]!.dom).not.toHaveProperty('priority');
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
    expect(found.find((f) => f.key === '4102')!.dom).toEqual({ title: ticket(4102).subject, status: 'open', assignee: 'Lena Fischer' });
  });
});

describe('any UI language', () => {
  const VIEWS = [
    ['German', 'view-de', 'de', 'ltr'],
    ['Hebrew', 'view-he', 'he', 'rtl'],
  ] as const;

  it.each(VIEWS)('the %s view is really translated', (_name, page, lang, dir) => {
    const { document } = renderFixture(page);
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual([lang, dir]);
    const chrome = [...document.querySelectorAll('thead, [aria-label], [data-test-id="views_views-list_header-refresh"]')]
      .map((el) => `${el.textContent} ${el.getAttribute('aria-label') ?? ''}`)
      .join(' ');
    for (const english of ['Subject', 'Ticket status', 'Requester', 'Requested', 'Assignee', 'Open', 'Pending', 'On-hold', 'Urgent', 'High', 'Refresh']) expect(chrome).not.toContain(english);
  });

  it.each(VIEWS)('finds every ticket of the %s view, badged where the English one is', (_name, page) => {
    const english = find(renderFixture('view').document.body, new URL(URLS.zendeskView));
    const { document, url } = renderFixture(page);
    const found = find(document.body, url);
    expect(keys(found)).toEqual(ALL_IDS);
    for (const f of found) {
      const en = english.find((e) => e.key === f.key)!;
      expect(f.anchor.tagName).toBe(en.anchor.tagName);
      expect(f.dom.title).toBe(ticket(Number(f.key)).subject);
      expect(f.dom.assignee).toBe(en.dom.assignee);
    }
  });

  it('takes the status from the badge’s test id in German, and none from the Hebrew badges that name no status', () => {
    const de = find(renderFixture('view-de').document.body, new URL(URLS.zendeskViewDe));
    expect(de.map((f) => f.dom.status)).toEqual(sites.zendesk.map((t) => t.status));
    const he = renderFixture('view-he');
    expect(he.document.querySelectorAll('[data-cy-test-id="status-badge-state"]').length).toBe(ALL_IDS.length);
    // Found and badged all the same; the status is the API's.
    expect(find(he.document.body, he.url).map((f) => [f.key, f.dom.status])).toEqual(ALL_IDS.map((k) => [k, undefined]));
  });

  it.each(['ticket-de', 'ticket-he'] as const)('badges the ticket on screen and every tab of %s', (page) => {
    const { document, url } = renderFixture(page);
    const found = find(document.body, url);
    expect(found.filter((f) => f.isTicketView).map((f) => [f.key, f.dom.title])).toEqual([['4105', ticket(4105).subject]]);
    expect(keys(found.filter((f) => !f.isTicketView))).toEqual(['4101', '4102', '4103', '4105']);
    expect(keys(found)).not.toContain('999');
    expect(keys(found)).not.toContain('998');
  });

  it.each(['search-de', 'search-he'] as const)('finds the results of %s and the open tab, and nothing from the search tab’s numeric entity id', (page) => {
    const { document, url } = renderFixture(page);
    expect(document.querySelector('[data-entity-type="search"]')!.getAttribute('data-entity-id')).toBe('1');
    expect(find(document.body, url).map((f) => [f.key, f.element.getAttribute('data-test-id')])).toEqual([
      ['4101', 'header-tab'],
      ['4102', 'generic-table-row'],
      ['4107', 'generic-table-row'],
    ]);
  });

  /** Every word of the page replaced, in text and labels; only `#123` numbers, ids and links stay. */
  function scramble(document: Document): void {
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
    for (const t of texts) if (!/^\s*(#\d+)?\s*$/.test(t.data) && !t.parentElement?.closest('script, style')) t.data = 'ꙮꙮ';
    for (const el of document.querySelectorAll('[aria-label], [title], input[value]')) {
      if (el.hasAttribute('aria-label')) el.setAttribute('aria-label', 'ꙮ');
      if (el.hasAttribute('title')) el.setAttribute('title', 'ꙮ');
      if (el.matches('input[value]')) el.setAttribute('value', 'ꙮ');
    }
    document.documentElement.lang = 'x-unknown';
  }

  it.each(['view', 'view-grouped', 'ticket', 'search', 'view-de', 'ticket-de', 'search-he'] as const)('finds the same tickets on %s when no word of the UI is one it knows', (page) => {
    const { document, url } = renderFixture(page);
    const before = find(document.body, url).map((f) => [f.key, f.element, f.anchor, f.isTicketView]);
    scramble(document);
    expect(document.body.textContent).not.toMatch(/Refund|Subject|Betreff|נושא/);
    expect(find(document.body, url).map((f) => [f.key, f.element, f.anchor, f.isTicketView])).toEqual(before);
  });
});

describe('search tabs: only the Tickets tab lists tickets', () => {
  it('reads no row of the Users tab, not even a user whose id is also a ticket’s', () => {
    const { document, url } = renderFixture('search-users');
    const userRows = [...document.querySelectorAll('tr[aria-describedby^="generic-table-row-"]')];
    expect(userRows.length).toBeGreaterThan(2);
    const userIds = userRows.map((r) => r.getAttribute('aria-describedby')!.replace('generic-table-row-', ''));
    // One user's id is a ticket's: read as a ticket, it would badge that person with the ticket's state.
    expect(userIds.filter((id) => ALL_IDS.includes(id))).toHaveLength(1);
    const found = find(document.body, url);
    expect(found.filter((f) => f.element.matches('tr'))).toEqual([]);
    // The open ticket's tab is still a ticket's.
    expect(keys(found)).toEqual(['4101']);
  });

  const searchWith = (tabs: string, tables: string) =>
    renderHtml(
      `<div class="workspace"><div data-garden-id="pane" role="tabpanel">${tabs}${tables}</div></div>
       <div data-garden-id="pane"><table data-test-id="generic-table"><tbody>${row(31)}</tbody></table></div>`,
      URLS.zendeskSearch('x'),
    );
  const tabsMarkup = (selected: 'tickets' | 'users') =>
    `<div role="tablist"><div data-test-id="search_tables_tab-tickets" role="tab" aria-selected="${selected === 'tickets'}">T</div><div data-test-id="search_tables_tab-users" role="tab" aria-selected="${selected === 'users'}">U</div></div>`;
  function row(id: number, href = `tickets/${id}`): string {
    return `<tr data-garden-id="tables.row" data-test-id="generic-table-row" aria-describedby="generic-table-row-${id}"><td data-test-id="generic-table-cells-selectable"><input></td><td data-test-id="ticket-table-cells-subject"><a href="${href}">S</a></td></tr>`;
  }
  const ticketsTable = `<div id="search-ticket-table"><table data-test-id="generic-table"><tbody>${row(11)}${row(12)}</tbody></table></div>`;
  const usersTable = `<div id="search-user-table"><table data-test-id="generic-table"><tbody>${row(4101, '/agent/users/4101')}</tbody></table></div>`;
  const read = (doc: Document) => keys(find(doc.body, new URL(URLS.zendeskSearch('x'))));

  it('with the Tickets tab selected, reads its results and not a users table mounted beside them; a view elsewhere is read as always', () => {
    expect(read(searchWith(tabsMarkup('tickets'), ticketsTable + usersTable))).toEqual(['11', '12', '31']);
  });

  it('with the Users tab selected, reads no row of the search, even the tickets table still mounted', () => {
    expect(read(searchWith(tabsMarkup('users'), ticketsTable + usersTable))).toEqual(['31']);
  });

  it('without any tab marker, reads the rows as before', () => {
    expect(read(searchWith('', ticketsTable))).toEqual(['11', '12', '31']);
  });
});
