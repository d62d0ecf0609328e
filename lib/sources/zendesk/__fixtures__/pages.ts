/**
 * The fixture pages the Zendesk selectors and readers are tested on: the fake site's own pages
 * (testing/sites), fetched through the same `handle()` the browser suites use, and rendered in
 * happy-dom at their real URLs so relative `tickets/123` links resolve as in a browser. The
 * pages' own scripts (sorting, tab switching) run only when a test asks for them. Test-only.
 */
import { Window } from 'happy-dom';
import { handle, URLS, type FakeSiteData } from '../../../../testing/sites/index';
import { sampleZendeskTickets } from '../../../../testing/sites/samples';
import type { ZendeskFixturePage } from '../selectors';

/** A fixed instant, so every fixture is the same on every run. */
export const FIXTURE_NOW = Date.parse('2026-11-26T10:00:00Z');

/** The sample tickets 4101…4107 (4107 has a hostile subject). */
export function fixtureSites(): FakeSiteData {
  return { jira: [], zendesk: sampleZendeskTickets(FIXTURE_NOW) };
}

export const FIXTURE_URLS: Record<ZendeskFixturePage, string> = {
  view: URLS.zendeskView,
  'view-grouped': URLS.zendeskGroupedView,
  // Tabs for 4101, 4102, 4103 and this one; 4105's workspace is the visible one.
  ticket: URLS.zendeskTicket(4105),
  search: URLS.zendeskSearch('refund'),
  // The newer markup (active-pane marker, entity ids, described search rows) in German and in
  // Hebrew; the Hebrew pages' status badges name no status, and their hidden workspaces carry no style.
  'view-de': URLS.zendeskViewDe,
  'view-he': URLS.zendeskViewHe,
  'ticket-de': URLS.zendeskTicketDe(4105),
  'ticket-he': URLS.zendeskTicketHe(4105),
  'search-de': URLS.zendeskSearchDe('refund'),
  'search-he': URLS.zendeskSearchHe('refund'),
  // The Users tab of the search: user rows in the generic table, and one user id that is also a ticket's.
  'search-users': URLS.zendeskSearchUsers('refund'),
  'view-empty': URLS.zendeskEmptyView,
  // Rows of tickets in markup no reader knows.
  'view-drifted': URLS.zendeskDriftedView,
};

export const FIXTURE_PAGES = Object.keys(FIXTURE_URLS) as ZendeskFixturePage[];

/** The page's HTML as the fake site serves it. */
export function fixtureHtml(page: ZendeskFixturePage, sites: FakeSiteData = fixtureSites()): string {
  const response = handle(sites, { method: 'GET', url: new URL(FIXTURE_URLS[page]) });
  if (!response || response.status !== 200) throw new Error(`The fake site did not serve ${page} (${FIXTURE_URLS[page]}): ${response?.status}`);
  return response.body;
}

/** A document for `html` at `url`; its inline scripts run only with `scripts`. */
export function renderHtml(html: string, url: string, { scripts = false } = {}): Document {
  // The only scripts are the fake site's own (sorting, tab switching): trusted code.
  const window = new Window({ url, settings: { disableJavaScriptFileLoading: true, enableJavaScriptEvaluation: scripts, suppressInsecureJavaScriptEnvironmentWarning: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

export function renderFixture(page: ZendeskFixturePage, options: { sites?: FakeSiteData; scripts?: boolean } = {}): { document: Document; url: URL } {
  return { document: renderHtml(fixtureHtml(page, options.sites), FIXTURE_URLS[page], options), url: new URL(FIXTURE_URLS[page]) };
}
