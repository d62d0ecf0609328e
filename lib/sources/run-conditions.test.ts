/**
 * Run conditions are data (strategies.ts): each site's page types are built from its URL
 * predicates, and each surface names the page types it runs on. These tests hold the data to the
 * pages: every predicate is in use, every page type is told apart by its own URL, every reader
 * finds its tickets on its own fixture, and a reader that does not run on a page finds nothing
 * there even when its markup is on it.
 */
import { describe, expect, it } from 'vitest';
import { JIRA_ORIGIN, URLS, ZENDESK_ORIGIN } from '../../testing/sites/index';
import { FIXTURE_PAGES as JIRA_FIXTURES, fixtureHtml as jiraHtml, FIXTURE_URLS as JIRA_URLS, renderHtml as renderJira } from './jira/__fixtures__/pages';
import { JIRA_PAGE_TYPES } from './jira/page-types';
import { JIRA_READER } from './jira/read-page';
import { PAGE_PREDICATES as JIRA_PREDICATES } from './jira/urls';
import { diagnosePage, pageTypeOf, readPage, surfacesOn, type PageType, type SiteReader } from './strategies';
import { FIXTURE_PAGES as ZENDESK_FIXTURES, fixtureHtml as zendeskHtml, FIXTURE_URLS as ZENDESK_URLS, renderHtml as renderZendesk } from './zendesk/__fixtures__/pages';
import { ZENDESK_PAGE_TYPES } from './zendesk/page-types';
import { ZENDESK_READER } from './zendesk/read-page';
import { PAGE_PREDICATES as ZENDESK_PREDICATES } from './zendesk/urls';

interface Site {
  name: string;
  reader: SiteReader;
  predicates: Record<string, (url: URL) => boolean>;
  types: Record<string, PageType>;
  /** One real URL per page type (its markup test, if any, is met by `markup`). */
  samples: Record<string, string>;
  /** Markup that meets every page type's markup test. */
  markup: string;
  /** Page types told apart by lacking that markup. */
  without?: readonly string[];
  fixtures: readonly string[];
  html(page: string): string;
  url(page: string): string;
  render(html: string, url: string): Document;
}

const SITES: Site[] = [
  {
    name: 'Jira',
    reader: JIRA_READER,
    predicates: JIRA_PREDICATES,
    types: JIRA_PAGE_TYPES,
    samples: {
      queue: URLS.jiraQueue,
      queueIssue: URLS.jiraQueueIssue('SUP-101'),
      navigatorDetail: URLS.jiraNavigatorDetail('SUP-101'),
      navigator: URLS.jiraNavigator,
      dcNavigatorDetail: URLS.jiraDcNavigatorDetail('SUP-101'),
      issue: URLS.jiraIssue('SUP-101'),
      backlog: URLS.jiraBacklog,
      board: URLS.jiraBoard,
      business: `${JIRA_ORIGIN}/jira/core/projects/BIZ/board`,
    },
    markup: '',
    fixtures: JIRA_FIXTURES,
    html: (page) => jiraHtml(page as (typeof JIRA_FIXTURES)[number]),
    url: (page) => JIRA_URLS[page as (typeof JIRA_FIXTURES)[number]],
    render: renderJira,
  },
  {
    name: 'Zendesk',
    reader: ZENDESK_READER,
    predicates: ZENDESK_PREDICATES,
    types: ZENDESK_PAGE_TYPES,
    samples: {
      view: URLS.zendeskView,
      ticket: URLS.zendeskTicket(4101),
      searchTickets: URLS.zendeskSearch('refund'),
      search: URLS.zendeskSearch('refund'),
      organizationTickets: `${ZENDESK_ORIGIN}/agent/organizations/361000001/tickets`,
      userTickets: `${ZENDESK_ORIGIN}/agent/users/362000001/requested_tickets`,
      home: `${ZENDESK_ORIGIN}/agent/home/tickets`,
      dashboard: `${ZENDESK_ORIGIN}/agent/dashboard`,
    },
    markup: '<div role="tab" data-test-id="search_tables_tab-tickets" aria-selected="true"></div>',
    without: ['search'],
    fixtures: ZENDESK_FIXTURES,
    html: (page) => zendeskHtml(page as (typeof ZENDESK_FIXTURES)[number]),
    url: (page) => ZENDESK_URLS[page as (typeof ZENDESK_FIXTURES)[number]],
    render: renderZendesk,
  },
];

const blank = (site: Site, url: string, markup = site.markup) => site.render(`<!doctype html><html><body>${markup}</body></html>`, url);

describe.each(SITES)('$name', (site) => {
  it('every URL predicate decides a page type, and every page type is in the order the reader tries', () => {
    const used = new Set(site.reader.pageTypes.flatMap((t) => t.url));
    for (const [name, predicate] of Object.entries(site.predicates)) expect(used.has(predicate), `${name} decides no page type`).toBe(true);
    expect(new Set(site.reader.pageTypes)).toEqual(new Set(Object.values(site.types)));
  });

  it('every page type either names the tab’s status or chooses readers', () => {
    for (const type of site.reader.pageTypes) {
      const chosen = site.reader.surfaces.some((s) => s.on !== 'anywhere' && s.on.includes(type)) || site.reader.surfaces.some((s) => s.strategies.some((st) => st.on?.includes(type)));
      expect(type.kind !== null || chosen, type.name).toBe(true);
    }
  });

  it.each(Object.keys(site.samples))('%s: its sample URL is told apart as that page type', (name) => {
    const type = site.types[name]!;
    const url = site.samples[name]!;
    expect(pageTypeOf(site.reader, new URL(url), blank(site, url, site.without?.includes(name) ? '' : site.markup))).toBe(type);
    // A page type with a markup test is that type only with the markup, and another without it.
    if (type.markup) expect(pageTypeOf(site.reader, new URL(url), blank(site, url, ''))).not.toBe(type);
  });

  it('every surface and narrowed strategy names only page types of this site', () => {
    const types = new Set(site.reader.pageTypes);
    for (const surface of site.reader.surfaces) {
      for (const type of surface.on === 'anywhere' ? [] : surface.on) expect(types.has(type), surface.name).toBe(true);
      for (const s of surface.strategies) for (const type of s.on ?? []) expect(types.has(type), `${surface.name}/${s.name}`).toBe(true);
    }
  });

  /** Fixtures whose tickets come from a surface that runs only on some pages. */
  const gated = site.fixtures.flatMap((page) => {
    const doc = site.render(site.html(page), site.url(page));
    const used = diagnosePage(site.reader, doc, new URL(site.url(page))).filter((c) => c.used);
    return used
      .map((c) => site.reader.surfaces.find((s) => c.strategy.startsWith(`${s.name}/`))!)
      .filter((s) => s.on !== 'anywhere')
      .map((surface) => ({ page, surface, tickets: used.find((c) => c.strategy.startsWith(`${surface.name}/`))!.tickets }));
  });

  it('some fixture pages are read by surfaces that run on some pages only', () => {
    expect(gated.length).toBeGreaterThan(2);
  });

  it.each(gated.map((g) => [g.page, g.surface.name, g] as const))(
    '%s: %s finds its tickets at its own URL, and nothing on a page type it does not run on',
    (_page, _surface, { page, surface, tickets }) => {
      const html = site.html(page);
      const own = readPage(site.reader, site.render(html, site.url(page)), new URL(site.url(page)));
      expect(own.length).toBeGreaterThanOrEqual(tickets);
      const elsewhere = Object.entries(site.samples).filter(([name]) => surface.on !== 'anywhere' && !surface.on.includes(site.types[name]!));
      expect(elsewhere.length).toBeGreaterThan(0);
      for (const [name, url] of elsewhere) {
        const doc = site.render(html, url);
        const type = pageTypeOf(site.reader, new URL(url), doc);
        // The same markup at another page's URL: the surface is not among those that run.
        expect(
          surfacesOn(site.reader, type).map((s) => s.name),
          name,
        ).not.toContain(surface.name);
        const counts = diagnosePage(site.reader, doc, new URL(url)).filter((c) => c.strategy.startsWith(`${surface.name}/`));
        expect(
          counts.some((c) => c.tickets > 0),
          `${surface.name}'s markup is still there at ${name}`,
        ).toBe(true);
        expect(
          counts.filter((c) => c.used),
          name,
        ).toEqual([]);
      }
    },
  );

  it('a page of no known type runs every surface, but no strategy that narrows its page types', () => {
    const unknown = site.name === 'Jira' ? `${JIRA_ORIGIN}/jira/dashboards/10001` : `${ZENDESK_ORIGIN}/agent/reporting/overview`;
    const doc = blank(site, unknown);
    expect(pageTypeOf(site.reader, new URL(unknown), doc)).toBeNull();
    const running = surfacesOn(site.reader, null);
    expect(running.map((s) => s.name)).toEqual(site.reader.surfaces.map((s) => s.name));
    expect(running.flatMap((s) => s.strategies).some((s) => s.on)).toBe(false);
  });
});
