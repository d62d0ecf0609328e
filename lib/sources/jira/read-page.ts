/**
 * Every ticket element on a Jira page, Cloud or Data Center: each surface (issue views, lists,
 * queues, boards) looks for its own containers on the page types it runs on (page-types.ts), so a
 * modal over a board yields both the card and the modal, and a child-issue table inside an issue
 * view yields its rows. Each surface is read by the first of its strategies that finds tickets
 * (strategies.ts). Rich text (descriptions, comments, editors) never yields tickets, and no element
 * yields two.
 */
import type { PageKind } from '../page-status';
import { diagnosePage, pageTypeOf, readPage, type SiteReader, type StrategyCount, type Surface } from '../strategies';
import type { FoundTicket } from '../types';
import { inRichText } from './dom';
import { JIRA_PAGE_TYPE_ORDER, JIRA_PAGE_TYPES as T } from './page-types';
import { readBacklogRows, readCloudCards, readDcCards } from './read-board';
import { DC_NAVIGATOR_DETAIL_STRATEGIES, DC_QUEUE_STRATEGIES } from './read-dc-lists';
import { readDetailViewCards } from './read-detail-view';
import { readCloudBreadcrumbs, readCloudSummaryHeading, readDcIssueView } from './read-issue-view';
import { readCloudNavigatorRows, readDcNavigatorRows } from './read-navigator';
import { QUEUE_STRATEGIES } from './read-queue';

/**
 * Issue views first: an element claimed by one surface is not read again by a later one. Issue
 * views open over any page (a board's modal, a backlog's panel), and issue tables show inside them
 * (child issues) and on dashboards (filter gadgets): those run anywhere.
 */
export const SURFACES: readonly Surface[] = [
  {
    name: 'issue-view',
    on: 'anywhere',
    strategies: [
      { name: 'breadcrumb', read: readCloudBreadcrumbs },
      { name: 'summary-heading', read: readCloudSummaryHeading },
    ],
  },
  { name: 'dc-issue-view', on: 'anywhere', strategies: [{ name: 'key-val', read: readDcIssueView }] },
  { name: 'navigator', on: 'anywhere', strategies: [{ name: 'issue-row', read: readCloudNavigatorRows }] },
  { name: 'dc-navigator', on: 'anywhere', strategies: [{ name: 'issuerow', read: readDcNavigatorRows }] },
  // A user's list/detail choice sticks, so either navigator URL may show either layout.
  { name: 'navigator-detail', on: [T.navigator, T.navigatorDetail], strategies: [{ name: 'card-link', read: readDetailViewCards }] },
  { name: 'dc-navigator-detail', on: [T.navigator, T.navigatorDetail, T.dcNavigatorDetail], strategies: DC_NAVIGATOR_DETAIL_STRATEGIES },
  { name: 'queue', on: [T.queue], strategies: QUEUE_STRATEGIES },
  { name: 'dc-queue', on: [T.queue], strategies: DC_QUEUE_STRATEGIES },
  { name: 'board', on: [T.board, T.business], strategies: [{ name: 'card', read: readCloudCards }] },
  { name: 'backlog', on: [T.backlog], strategies: [{ name: 'content-container', read: readBacklogRows }] },
  // RapidBoard.jspa serves the DC board and its backlog (`view=planning`) with the same cards.
  { name: 'dc-board', on: [T.board, T.backlog], strategies: [{ name: 'ghx-issue', read: readDcCards }] },
];

export const JIRA_READER: SiteReader = { pageTypes: JIRA_PAGE_TYPE_ORDER, surfaces: SURFACES, inRichText };

export function find(root: ParentNode, url: URL): FoundTicket[] {
  return readPage(JIRA_READER, root, url);
}

export function diagnose(root: ParentNode, url: URL): StrategyCount[] {
  return diagnosePage(JIRA_READER, root, url);
}

/**
 * What kind of Jira page the tab shows, for its status ("SLA Lens can't read this page yet"):
 * from the URL, never from the markup we may have misread. Business projects, dashboards and the
 * like are not called out.
 */
export function jiraPageKind(url: URL, root: ParentNode): PageKind | null {
  return pageTypeOf(JIRA_READER, url, root)?.kind ?? null;
}
