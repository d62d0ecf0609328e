/**
 * The fixture pages the Jira selectors and readers are tested on: the fake sites' own pages
 * (testing/sites), fetched through the same `handle()` the browser suites use, and rendered in
 * happy-dom at their real URLs so relative `/browse/` links resolve as in a browser. Test-only.
 */
import { Window } from 'happy-dom';
import { handle, URLS, type FakeSiteData } from '../../../../testing/sites/index';
import { manyJiraIssues, sampleJiraIssues } from '../../../../testing/sites/samples';
import type { JiraFixturePage } from '../selectors';

/** A fixed instant, so every fixture is the same on every run. */
export const FIXTURE_NOW = Date.parse('2026-11-26T10:00:00Z');

/** The demo's eight-ish issues (SUP-101…, with a hostile summary in SUP-106) and 25 more, so lists are long enough to be virtualised. */
export function fixtureSites(): FakeSiteData {
  return { jira: [...sampleJiraIssues(FIXTURE_NOW), ...manyJiraIssues(FIXTURE_NOW, 25)], zendesk: [] };
}

export const FIXTURE_URLS: Record<JiraFixturePage, string> = {
  'cloud-issue': URLS.jiraIssue('SUP-102'),
  'cloud-board': URLS.jiraBoard,
  'cloud-board-modal': URLS.jiraBoardModal('SUP-102'),
  'cloud-backlog': URLS.jiraBacklog,
  'cloud-backlog-panel': URLS.jiraBacklogPanel('SUP-104'),
  'cloud-navigator': URLS.jiraNavigator,
  'cloud-navigator-detail': URLS.jiraNavigatorDetail('SUP-103'),
  'cloud-queue': URLS.jiraQueue,
  'cloud-queue-de': URLS.jiraQueueDe,
  'cloud-queue-legacy': URLS.jiraQueueLegacy,
  'dc-issue': URLS.jiraDcIssue('SUP-106'),
  'dc-navigator': URLS.jiraDcNavigator,
  'dc-navigator-detail': URLS.jiraDcNavigatorDetail('SUP-103'),
  'dc-queue': URLS.jiraDcQueue,
  'dc-board': URLS.jiraDcBoard,
};

export const FIXTURE_PAGES = Object.keys(FIXTURE_URLS) as JiraFixturePage[];

/** The page's HTML as the fake site serves it. */
export function fixtureHtml(page: JiraFixturePage, sites: FakeSiteData = fixtureSites()): string {
  const response = handle(sites, { method: 'GET', url: new URL(FIXTURE_URLS[page]) });
  if (!response || response.status !== 200) throw new Error(`The fake site did not serve ${page} (${FIXTURE_URLS[page]}): ${response?.status}`);
  return response.body;
}

/** A document for `html` at `url`, with scripts off. */
export function renderHtml(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

export function renderFixture(page: JiraFixturePage, sites?: FakeSiteData): { document: Document; url: URL } {
  return { document: renderHtml(fixtureHtml(page, sites), FIXTURE_URLS[page]), url: new URL(FIXTURE_URLS[page]) };
}
