/**
 * Each strategy of each surface on its own (hand-written markup from the evidence), and every
 * fixture page through every strategy: which finds what, and which one the page is read by.
 */
import { describe, expect, it } from 'vitest';
import { URLS } from '../../../testing/sites/index';
import { zendeskSearchPage, zendeskTicketPage, zendeskViewPage } from '../../../testing/sites/zendesk';
import { countStrategies } from '../strategies';
import type { FoundTicket } from '../types';
import { FIXTURE_PAGES, FIXTURE_URLS, fixtureSites, renderFixture, renderHtml } from './__fixtures__/pages';
import { inRichText } from './dom';
import { find, SURFACES } from './read-page';
import { readRowsByDescribedBy, readRowsByIdCell, readRowsBySubjectLink } from './read-table';
import { readActivePane, readEntityTabs, readSubtitleTabs, readVisibleRoot } from './read-ticket';
import type { ZendeskFixturePage } from './selectors';

const keys = (found: FoundTicket[]) => found.map((t) => t.key);
const sites = fixtureSites();
const ALL = sites.zendesk.map((t) => String(t.id));
const at = (html: string, url: string = URLS.zendeskView) => ({ body: renderHtml(html, url).body, url: new URL(url) });

describe('ticket-header/active-pane', () => {
  const grid = (id: number, active: string | null, { root = true, layoutId = id } = {}) => {
    const marker = active === null ? '' : ` data-is-active="${active}"`;
    const pane = `<div class="ticket-panes-grid-layout" data-test-id="ticket-${layoutId}-custom-layout"${marker}><div data-test-id="column-2"><input data-test-id="omni-header-subject" value="S${id}"></div></div>`;
    return `<div class="workspace">${root ? `<div data-side-conversations-anchor-id="${id}">${pane}</div>` : pane}</div>`;
  };

  it('reads the grid marked active, whatever the URL says and however the others are hidden', () => {
    // Inactive grids carry no marker and no style: only the active one says anything.
    const { body, url } = at(grid(4101, null) + grid(4102, 'true') + grid(4103, null));
    const [header] = readActivePane(body, url);
    expect(header).toMatchObject({ key: '4102', isTicketView: true, dom: { title: 'S4102' } });
    expect(header!.element.getAttribute('data-side-conversations-anchor-id')).toBe('4102');
    expect(header!.anchor.matches('input')).toBe(true);
    // The older reader sees three visible roots and no URL to choose by.
    expect(readVisibleRoot(body, url)).toEqual([]);
  });

  it('takes the id from the grid’s test id when no root is around it, and reads nothing when the two disagree', () => {
    const bare = at(grid(4104, 'true', { root: false }));
    expect(keys(readActivePane(bare.body, bare.url))).toEqual(['4104']);
    expect(readActivePane(bare.body, bare.url)[0]!.element.matches('.ticket-panes-grid-layout')).toBe(true);
    const clash = at(grid(4104, 'true', { layoutId: 4105 }));
    expect(readActivePane(clash.body, clash.url)).toEqual([]);
  });

  it('with two grids marked active, takes the one the URL names; with none marked, finds nothing', () => {
    const two = grid(4101, 'true') + grid(4102, 'true');
    expect(keys(readActivePane(at(two, URLS.zendeskTicket(4102)).body, new URL(URLS.zendeskTicket(4102))))).toEqual(['4102']);
    expect(readActivePane(at(two).body, new URL(URLS.zendeskView))).toEqual([]);
    expect(readActivePane(at(grid(4101, 'false')).body, new URL(URLS.zendeskTicket(4101)))).toEqual([]);
  });

  it('ignores a grid marked active inside a hidden workspace', () => {
    const html = `<div style="display: none">${grid(4101, 'true')}</div>${grid(4102, 'false')}`;
    expect(readActivePane(at(html).body, new URL(URLS.zendeskTicket(4101)))).toEqual([]);
  });
});

describe('ticket-header/visible-root', () => {
  const root = (id: number, style = '', inner = '') =>
    `<div class="workspace"${style}><div data-side-conversations-anchor-id="${id}">${inner}<input data-test-id="omni-header-subject" value="S${id}"></div></div>`;

  it('reads the one root no inline style hides', () => {
    const { body, url } = at(root(4101, ' style="display: none;"') + root(4102) + root(4103, ' hidden'));
    expect(keys(readVisibleRoot(body, url))).toEqual(['4102']);
  });

  it('takes a root whose grid is marked inactive as hidden', () => {
    const inactive = '<div class="ticket-panes-grid-layout" data-is-active="false"></div>';
    const { body, url } = at(root(4101, '', inactive) + root(4102));
    expect(keys(readVisibleRoot(body, url))).toEqual(['4102']);
  });

  it('falls back to the ticket’s nav item when the subject input is gone', () => {
    const { body, url } = at('<div data-side-conversations-anchor-id="4106"><span data-test-id="tabs-section-nav-item-ticket">Ticket #4106</span></div>');
    const [header] = readVisibleRoot(body, url);
    expect(header!.key).toBe('4106');
    expect(header!.anchor.matches('[data-test-id="tabs-section-nav-item-ticket"]')).toBe(true);
    expect(header!.dom.title).toBeUndefined();
  });
});

describe('tabs/entity-id and tabs/subtitle-hash', () => {
  const tab = (attrs: string, subtitle: string) =>
    `<div data-test-id="header-tab" role="tab" ${attrs}><div data-test-id="header-tab-title">T</div><div data-test-id="header-tab-subtitle"><span>${subtitle}</span></div></div>`;

  it('entity-id reads only tabs that say they are a ticket’s, with no text parsed', () => {
    const html = `<div data-test-id="header-tablist">${[
      tab('data-entity-type="ticket" data-entity-id="4101"', 'Nº 4101'),
      tab('data-entity-type="user" data-entity-id="4102"', 'jordan@acme.example'),
      tab('data-entity-type="search" data-entity-id="1"', '3 Ergebnisse'),
      tab('data-entity-type="ticket" data-entity-id="0042"', '#42'),
    ].join('')}<div role="tab" data-entity-type="ticket" data-entity-id="4103"><span>x</span></div></div>`;
    const { body, url } = at(html);
    const found = readEntityTabs(body, url);
    expect(keys(found)).toEqual(['4101', '4103']);
    expect(found[0]!.anchor.textContent).toBe('Nº 4101');
    // The subtitle parser reads only the `#42` it can read.
    expect(keys(readSubtitleTabs(body, url))).toEqual(['42']);
  });

  it('subtitle-hash reads `#123` exactly, from the subtitle’s first child only', () => {
    const html = [
      tab('', '#4101'),
      tab('', 'ticket 4102'),
      tab('', '#4103a'),
      tab('', '4104'),
      `<div data-test-id="header-tab"><div data-test-id="header-tab-subtitle"><span>3 results</span><span>#4105</span></div></div>`,
    ].join('');
    const { body, url } = at(html);
    expect(keys(readSubtitleTabs(body, url))).toEqual(['4101']);
    expect(readEntityTabs(body, url)).toEqual([]);
  });
});

describe('table strategies', () => {
  const row = (attrs: string, cells: string) => `<tr data-garden-id="tables.row" data-test-id="generic-table-row" ${attrs}><td data-test-id="generic-table-cells-selectable"><input></td>${cells}</tr>`;
  const idCell = (text: string) => `<td data-test-id="generic-table-cells-id">${text}</td>`;
  const subject = (href: string) => `<td data-test-id="ticket-table-cells-subject"><a href="${href}">S</a></td>`;
  const table = (rows: string) => `<table data-test-id="generic-table"><tbody>${rows}</tbody></table>`;

  it('each finds the rows that show its place, and a row is read by any only when all its places agree', () => {
    const html = table(
      [
        row('aria-describedby="generic-table-row-1"', ''),
        row('', idCell('#2')),
        row('', subject('tickets/3')),
        row('aria-describedby="generic-table-row-4"', idCell('#4') + subject('tickets/4')),
        row('aria-describedby="generic-table-row-5"', idCell('#6')),
        // Found by its aria-describedby alone, without the row test ids (bryanvillarin).
        '<tr aria-describedby="generic-table-row-7"><td data-test-id="generic-table-cells-selectable"><input></td></tr>',
      ].join(''),
    );
    const { body, url } = at(html);
    expect(keys(readRowsByDescribedBy(body, url))).toEqual(['1', '4', '7']);
    expect(keys(readRowsByIdCell(body, url))).toEqual(['2', '4']);
    expect(keys(readRowsBySubjectLink(body, url))).toEqual(['3', '4']);
    // The surface takes the first strategy's rows.
    expect(keys(find(body, url))).toEqual(['1', '4', '7']);
  });

  it('a page whose rows show only the id cell is read by id-cell, one with only links by subject-link', () => {
    const cells = at(table(row('', idCell('#2')) + row('', idCell('#3'))));
    expect(keys(find(cells.body, cells.url))).toEqual(['2', '3']);
    expect(
      countStrategies(SURFACES, inRichText, cells.body, cells.url)
        .filter((c) => c.used)
        .map((c) => c.strategy),
    ).toEqual(['table/id-cell']);
    const links = at(table(row('', subject('/agent/tickets/8')) + row('', subject('https://acme.zendesk.com/agent/tickets/9'))));
    expect(keys(find(links.body, links.url))).toEqual(['8', '9']);
    expect(
      countStrategies(SURFACES, inRichText, links.body, links.url)
        .filter((c) => c.used)
        .map((c) => c.strategy),
    ).toEqual(['table/subject-link']);
  });

  it('a row that shows a status badge naming no status is found, anchored after the badge, with no status', () => {
    const badge = '<td data-test-id="ticket-table-cells-status"><span aria-label="Offen"><div><div data-cy-test-id="status-badge-state">Offen</div></div></span></td>';
    const { body, url } = at(table(row('aria-describedby="generic-table-row-5"', badge)));
    const [found] = readRowsByDescribedBy(body, url);
    expect(found!.key).toBe('5');
    expect(found!.anchor.matches('span[aria-label]')).toBe(true);
    expect(found!.dom.status).toBeUndefined();
  });
});

/**
 * Every fixture page through every strategy: the tickets each finds (page order, distinct), and
 * which strategy of each surface the page is read by. A strategy not listed finds nothing.
 */
const OPEN = ['4101', '4102', '4103', '4105'];
const RESULTS = ['4102', '4107'];
const TABLE_ALL = { 'table/aria-describedby': ALL, 'table/id-cell': ALL, 'table/subject-link': ALL };
const EXPECTED: Record<ZendeskFixturePage, { finds: Record<string, string[]>; used: string[] }> = {
  view: { finds: TABLE_ALL, used: ['table/aria-describedby'] },
  'view-grouped': { finds: TABLE_ALL, used: ['table/aria-describedby'] },
  'view-de': { finds: TABLE_ALL, used: ['table/aria-describedby'] },
  'view-he': { finds: TABLE_ALL, used: ['table/aria-describedby'] },
  // English pages show the older markup: their tickets are found by the fallbacks.
  ticket: { finds: { 'ticket-header/visible-root': ['4105'], 'tabs/subtitle-hash': OPEN }, used: ['ticket-header/visible-root', 'tabs/subtitle-hash'] },
  'ticket-de': {
    finds: { 'ticket-header/active-pane': ['4105'], 'ticket-header/visible-root': ['4105'], 'tabs/entity-id': OPEN, 'tabs/subtitle-hash': OPEN },
    used: ['ticket-header/active-pane', 'tabs/entity-id'],
  },
  'ticket-he': {
    finds: { 'ticket-header/active-pane': ['4105'], 'ticket-header/visible-root': ['4105'], 'tabs/entity-id': OPEN, 'tabs/subtitle-hash': OPEN },
    used: ['ticket-header/active-pane', 'tabs/entity-id'],
  },
  // The open ticket's workspace is hidden: its tab counts, its header never does.
  search: { finds: { 'tabs/subtitle-hash': ['4101'], 'table/subject-link': RESULTS }, used: ['tabs/subtitle-hash', 'table/subject-link'] },
  'search-de': {
    finds: { 'tabs/entity-id': ['4101'], 'tabs/subtitle-hash': ['4101'], 'table/aria-describedby': RESULTS, 'table/subject-link': RESULTS },
    used: ['tabs/entity-id', 'table/aria-describedby'],
  },
  'search-he': {
    finds: { 'tabs/entity-id': ['4101'], 'tabs/subtitle-hash': ['4101'], 'table/aria-describedby': RESULTS, 'table/subject-link': RESULTS },
    used: ['tabs/entity-id', 'table/aria-describedby'],
  },
  // No table strategy reads a user's row.
  'search-users': { finds: { 'tabs/subtitle-hash': ['4101'] }, used: ['tabs/subtitle-hash'] },
  'view-empty': { finds: {}, used: [] },
  'view-drifted': { finds: {}, used: [] },
};

describe('every fixture page through every strategy', () => {
  const strategies = SURFACES.flatMap((surface) => surface.strategies.map((s) => ({ id: `${surface.name}/${s.name}`, read: s.read })));

  it('lists every fixture page', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...FIXTURE_PAGES].sort());
  });

  it.each(FIXTURE_PAGES)('%s', (page) => {
    const { document, url } = renderFixture(page);
    const finds = Object.fromEntries(
      strategies.map(({ id, read }) => [
        id,
        [
          ...new Set(
            read(document.body, url)
              .filter((t) => !inRichText(t.element))
              .map((t) => t.key),
          ),
        ],
      ]),
    );
    const expected = Object.fromEntries(strategies.map(({ id }) => [id, EXPECTED[page].finds[id] ?? []]));
    // Grouped rows come group by group: compare as sets.
    const sorted = (r: Record<string, string[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(finds)).toEqual(sorted(expected));
    const counts = countStrategies(SURFACES, inRichText, document.body, url);
    expect(counts.filter((c) => c.used).map((c) => c.strategy)).toEqual(EXPECTED[page].used);
    // What the page is read by: the used strategies' tickets, one per element.
    const used = EXPECTED[page].used.flatMap((id) => EXPECTED[page].finds[id]!);
    expect(keys(find(document.body, url)).sort()).toEqual([...used].sort());
  });

  it('each newer-markup fixture is read by the first strategy of every surface it shows', () => {
    for (const page of ['view-de', 'view-he', 'ticket-de', 'ticket-he', 'search-de', 'search-he'] as const) {
      for (const id of EXPECTED[page].used) {
        const surface = SURFACES.find((s) => id.startsWith(`${s.name}/`))!;
        expect(`${page}: ${id}`).toBe(`${page}: ${surface.name}/${surface.strategies[0]!.name}`);
      }
    }
  });

  it('the fixture URLs and the fake site agree', () => {
    expect(FIXTURE_URLS['view-de']).toBe(URLS.zendeskViewDe);
    // The page functions render the same markup the routes serve.
    const { document } = renderFixture('view-he');
    const direct = renderHtml(zendeskViewPage(sites.zendesk, { locale: 'he' }), URLS.zendeskViewHe);
    expect(direct.querySelectorAll('tbody tr').length).toBe(document.querySelectorAll('tbody tr').length);
    expect(renderHtml(zendeskTicketPage(sites.zendesk.slice(0, 2), 4101, { locale: 'de' }), URLS.zendeskTicketDe(4101)).querySelector('[data-is-active="true"]')).not.toBeNull();
    expect(
      renderHtml(zendeskSearchPage(sites.zendesk, 'refund', undefined, { locale: 'he', tab: 'users' }), URLS.zendeskSearchHe('refund')).querySelector(
        '[data-test-id="search_tables_tab-users"][aria-selected="true"]',
      ),
    ).not.toBeNull();
  });
});
