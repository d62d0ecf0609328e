import { describe, expect, it } from 'vitest';
import { URLS, ZENDESK_ORIGIN } from '../../../testing/sites/index';
import { cannotRead } from '../page-status';
import { FIXTURE_PAGES, fixtureSites, renderFixture, renderHtml } from './__fixtures__/pages';
import { zendeskAdapter } from './adapter';
import { maskZendeskUrl, shownTickets } from './page';
import { PAGE_KINDS } from './page-types';
import { diagnose, find, pageKind } from './read-page';
import type { ZendeskFixturePage } from './selectors';

const sites = fixtureSites();
const blank = () => renderHtml('<div data-garden-id="pane"></div>', ZENDESK_ORIGIN);

describe('pageKind', () => {
  it.each([
    ['view', 'zendesk-view'],
    ['view-grouped', 'zendesk-view'],
    ['view-de', 'zendesk-view'],
    ['view-he', 'zendesk-view'],
    ['view-empty', 'zendesk-view'],
    ['view-drifted', 'zendesk-view'],
    ['ticket', 'zendesk-ticket'],
    ['ticket-de', 'zendesk-ticket'],
    ['ticket-he', 'zendesk-ticket'],
    ['search', 'zendesk-search'],
    ['search-de', 'zendesk-search'],
    ['search-he', 'zendesk-search'],
    // Users are listed there, not tickets.
    ['search-users', null],
  ] as Array<[ZendeskFixturePage, string | null]>)('%s is %s', (page, kind) => {
    const { document, url } = renderFixture(page);
    expect(pageKind(url, document)?.id ?? null).toBe(kind);
  });

  it.each([
    [`${ZENDESK_ORIGIN}/agent/organizations/470001/tickets`, 'zendesk-organization-tickets', 'list'],
    [`${ZENDESK_ORIGIN}/agent/users/24101/requested_tickets`, 'zendesk-user-tickets', 'list'],
    [`${ZENDESK_ORIGIN}/agent/users/24101/assigned_tickets`, 'zendesk-user-tickets', 'list'],
    [`${ZENDESK_ORIGIN}/agent/tickets/4101/events`, 'zendesk-ticket', 'ticket'],
    [`${ZENDESK_ORIGIN}/agent/home/tickets`, null, null],
    [`${ZENDESK_ORIGIN}/agent/dashboard`, null, null],
    [`${ZENDESK_ORIGIN}/agent/admin/overview`, null, null],
    [`${ZENDESK_ORIGIN}/hc/en-us/requests/4101`, null, null],
    // A search page before its tabs are drawn, or whose tabs lost their marker: not claimed as a list.
    [URLS.zendeskSearch('refund'), null, null],
  ])('%s is %s', (url, kind, shows) => {
    const found = pageKind(new URL(url), blank());
    expect(found?.id ?? null).toBe(kind);
    expect(found?.shows ?? null).toBe(shows);
  });

  it('names each kind in plain English, and no id twice', () => {
    const kinds = Object.values(PAGE_KINDS);
    expect(new Set(kinds.map((k) => k.id)).size).toBe(kinds.length);
    for (const k of kinds) expect(k.label).toMatch(/^Zendesk [a-z' ]+$/);
  });
});

describe('shownTickets', () => {
  it.each([
    ['view', 7],
    ['view-de', 7],
    ['view-he', 7],
    ['search', 2],
    ['search-de', 2],
    ['search-he', 2],
    ['view-empty', 0],
    ['view-drifted', 7],
  ] as Array<[ZendeskFixturePage, number]>)('%s shows %i tickets', (page, shown) => {
    const { document, url } = renderFixture(page);
    expect(shownTickets(document.body, url)).toBe(shown);
  });

  it('a drifted view shows tickets SLA Lens cannot read; an empty one shows none and is not called unreadable', () => {
    const drifted = renderFixture('view-drifted');
    const reading = (r: { document: Document; url: URL }) => ({ kind: pageKind(r.url, r.document)!, found: find(r.document.body, r.url).length, shown: shownTickets(r.document.body, r.url) });
    expect(reading(drifted)).toMatchObject({ found: 0, shown: sites.zendesk.length });
    expect(cannotRead(reading(drifted))).toBe(true);
    const empty = renderFixture('view-empty');
    expect(reading(empty)).toMatchObject({ found: 0, shown: 0 });
    expect(cannotRead(reading(empty))).toBe(false);
    for (const page of ['view', 'view-de', 'view-he', 'search-de', 'search-he'] as const) expect(cannotRead(reading(renderFixture(page))), page).toBe(false);
  });

  it('on a ticket page, counts the ticket its route names: a header SLA Lens cannot find is called unreadable', () => {
    for (const page of ['ticket', 'ticket-de', 'ticket-he'] as const) {
      const { document, url } = renderFixture(page);
      expect(shownTickets(document.body, url), page).toBe(1);
      expect(cannotRead({ kind: pageKind(url, document)!, found: find(document.body, url).filter((f) => f.isTicketView).length, shown: 1 })).toBe(false);
      // The header's markup drifted: the roots lose their id; the newer grid still names its ticket.
      for (const el of document.querySelectorAll('[data-side-conversations-anchor-id]')) el.removeAttribute('data-side-conversations-anchor-id');
      const header = () => find(document.body, url).filter((f) => f.isTicketView).length;
      expect(header(), page).toBe(page === 'ticket' ? 0 : 1);
      for (const el of document.querySelectorAll('[data-test-id$="-custom-layout"]')) el.removeAttribute('data-test-id');
      const found = header();
      expect(found, page).toBe(0);
      expect(cannotRead({ kind: pageKind(url, document)!, found, shown: shownTickets(document.body, url) })).toBe(true);
    }
  });

  it('counts no badge of ours, no ticket the conversation mentions, and nothing in a hidden workspace', () => {
    const { document, url } = renderFixture('view');
    const body = document.body;
    // Our badges are text only: beside each row, they add no row, link or id.
    for (const row of body.querySelectorAll('tr[data-test-id="generic-table-row"]'))
      row.lastElementChild?.insertAdjacentHTML('beforeend', '<span data-sla-badge data-sla-key="zendesk:9001">12m left</span>');
    body.insertAdjacentHTML('beforeend', '<div data-test-id="omni-log-container"><a href="/agent/tickets/9002">a</a><a href="tickets/9003">b</a></div>');
    body.insertAdjacentHTML('beforeend', `<div class="workspace" style="display: none;">${Array.from({ length: 20 }, (_, i) => `<a href="/agent/tickets/${9100 + i}">t</a>`).join('')}</div>`);
    expect(shownTickets(body, url)).toBe(7);
    body.insertAdjacentHTML('beforeend', `<div>${Array.from({ length: 12 }, (_, i) => `<a href="/agent/tickets/${9200 + i}">t</a>`).join('')}</div>`);
    // Shown links do count, with the table's seven.
    expect(shownTickets(body, url)).toBe(19);
  });
});

describe('diagnose', () => {
  it('counts what every strategy finds, and which one the page is read by; never a key or a word of the page', () => {
    const { document, url } = renderFixture('view-he');
    const counts = diagnose(document.body, url);
    expect(counts.map((c) => c.strategy)).toEqual([
      'ticket-header/active-pane',
      'ticket-header/visible-root',
      'tabs/entity-id',
      'tabs/subtitle-hash',
      'table/aria-describedby',
      'table/id-cell',
      'table/subject-link',
    ]);
    expect(counts.filter((c) => c.tickets > 0)).toEqual([
      { strategy: 'table/aria-describedby', tickets: 7, used: true },
      { strategy: 'table/id-cell', tickets: 7, used: false },
      { strategy: 'table/subject-link', tickets: 7, used: false },
    ]);
    const text = JSON.stringify(counts);
    for (const t of sites.zendesk) {
      expect(text).not.toContain(String(t.id));
      expect(text).not.toContain(t.subject.slice(0, 8));
    }
  });

  it('on a drifted view, every strategy finds nothing', () => {
    const { document, url } = renderFixture('view-drifted');
    expect(diagnose(document.body, url).every((c) => c.tickets === 0 && !c.used)).toBe(true);
  });
});

describe('maskUrl', () => {
  it.each([
    [URLS.zendeskView, 'https://*.zendesk.com/agent/filters/{view}'],
    [URLS.zendeskTicket(4101), 'https://*.zendesk.com/agent/tickets/{ticket}'],
    [`${ZENDESK_ORIGIN}/agent/tickets/4101/events`, 'https://*.zendesk.com/agent/tickets/{ticket}/events'],
    [URLS.zendeskSearch('refund jordan@acme.example'), 'https://*.zendesk.com/agent/search/{page}?query={…}'],
    [`${ZENDESK_ORIGIN}/agent/search/?q=Globex&page=2&sort_by=created_at&secret=1`, 'https://*.zendesk.com/agent/search/?q={…}&page={…}&sort_by={…}&{param}={…}'],
    [`${ZENDESK_ORIGIN}/agent/organizations/470001/tickets`, 'https://*.zendesk.com/agent/organizations/{organization}/tickets'],
    [`${ZENDESK_ORIGIN}/agent/users/24101/requested_tickets#comment-5`, 'https://*.zendesk.com/agent/users/{user}/requested_tickets'],
    ['https://support.example-corp.test/agent/filters/360000001', 'https://{self-hosted}/agent/filters/{view}'],
    [`${ZENDESK_ORIGIN}/agent/apps/globex-crm/4101`, 'https://*.zendesk.com/agent/{…}/{…}/{id}'],
  ])('%s → %s', (url, masked) => {
    expect(maskZendeskUrl(new URL(url))).toBe(masked);
  });
});

describe('the adapter', () => {
  it('answers with these functions', () => {
    const { document, url } = renderFixture('view-de');
    expect(zendeskAdapter.pageKind(url, document)).toBe(PAGE_KINDS.view);
    expect(zendeskAdapter.shownTickets(document.body, url)).toBe(7);
    expect(zendeskAdapter.diagnose(document.body, url).find((c) => c.used)!.strategy).toBe('table/aria-describedby');
    expect(zendeskAdapter.maskUrl(url)).toBe('https://*.zendesk.com/agent/filters/{view}?{param}={…}');
  });

  it('every fixture page has a kind or is a search not on its Tickets tab', () => {
    for (const page of FIXTURE_PAGES) {
      const { document, url } = renderFixture(page);
      expect(pageKind(url, document) !== null || page === 'search-users', page).toBe(true);
    }
  });
});
