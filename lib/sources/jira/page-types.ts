/**
 * The Jira pages SLA Lens knows, in the order they are told apart: a page type is its URL shape
 * (urls.ts) and what the tab's status calls it. Readers name the page types they run on
 * (read-page.ts); the status comes from the same table, never from the markup we may have misread.
 */
import type { PageKind } from '../page-status';
import type { PageType } from '../strategies';
import { hasSelectedIssue, isBacklog, isBoard, isBusinessProject, isIssueNavigator, isIssuePage, isQueue, isQueueIssue, isSearchDetail } from './urls';

const kind = (id: string, label: string, shows: PageKind['shows']): PageKind => ({ id, label, shows });

export const JIRA_PAGE_KINDS = {
  queue: kind('jsm-queue', 'Jira Service Management queue', 'list'),
  queueIssue: kind('jsm-request', 'Jira Service Management request', 'ticket'),
  navigator: kind('issue-navigator', 'Jira issue search', 'list'),
  navigatorDetail: kind('issue-navigator-detail', 'Jira issue search (detail view)', 'list'),
  board: kind('board', 'Jira board', 'list'),
  backlog: kind('backlog', 'Jira backlog', 'list'),
  issue: kind('issue', 'Jira issue', 'ticket'),
} as const;

const type = (name: string, url: PageType['url'], kind: PageKind | null): PageType => ({ name, url, kind });

export const JIRA_PAGE_TYPES = {
  queue: type('queue', [isQueue], JIRA_PAGE_KINDS.queue),
  queueIssue: type('queue-issue', [isQueueIssue], JIRA_PAGE_KINDS.queueIssue),
  navigatorDetail: type('navigator-detail', [isIssueNavigator, hasSelectedIssue], JIRA_PAGE_KINDS.navigatorDetail),
  navigator: type('navigator', [isIssueNavigator], JIRA_PAGE_KINDS.navigator),
  // Data Center keeps the navigator's detail view at /browse/KEY?jql=… (real-markup-evidence.md §2.15).
  dcNavigatorDetail: type('dc-navigator-detail', [isSearchDetail], JIRA_PAGE_KINDS.navigatorDetail),
  issue: type('issue', [isIssuePage], JIRA_PAGE_KINDS.issue),
  backlog: type('backlog', [isBacklog], JIRA_PAGE_KINDS.backlog),
  board: type('board', [isBoard], JIRA_PAGE_KINDS.board),
  // Whether a business project's page lists tickets depends on the page, and a false "can't read"
  // is worse than none: known, so its readers are chosen, but never called out.
  business: type('business-project', [isBusinessProject], null),
} as const;

/** First match wins: the detail views before the pages whose URL they extend. */
export const JIRA_PAGE_TYPE_ORDER: readonly PageType[] = [
  JIRA_PAGE_TYPES.queue,
  JIRA_PAGE_TYPES.queueIssue,
  JIRA_PAGE_TYPES.navigatorDetail,
  JIRA_PAGE_TYPES.navigator,
  JIRA_PAGE_TYPES.dcNavigatorDetail,
  JIRA_PAGE_TYPES.issue,
  JIRA_PAGE_TYPES.backlog,
  JIRA_PAGE_TYPES.board,
  JIRA_PAGE_TYPES.business,
];
