/**
 * What kind of Jira page the tab shows, for the page's status ("SLA Lens can't read this page
 * yet") and its diagnostics: from the URL alone, never from the markup we may have misread.
 */
import type { PageKind } from '../page-status';
import { maskUrl as mask, type UrlMask } from '../page-status';
import { countShownTickets } from '../shown';
import { keyFromIssueRoute } from './dom';
import { S } from './selectors';
import { hasSelectedIssue, isBacklog, isBoard, isIssueNavigator, isIssuePage, isQueue, isQueueIssue, isValidIssueKey } from './urls';

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

/**
 * Business projects, dashboards and the like are not called out: whether they list tickets at all
 * depends on the page, and a false "can't read" is worse than none.
 */
export function jiraPageKind(url: URL): PageKind | null {
  if (isQueue(url)) return JIRA_PAGE_KINDS.queue;
  if (isQueueIssue(url)) return JIRA_PAGE_KINDS.queueIssue;
  if (isIssueNavigator(url)) return hasSelectedIssue(url) ? JIRA_PAGE_KINDS.navigatorDetail : JIRA_PAGE_KINDS.navigator;
  // Data Center keeps the navigator's detail view at /browse/KEY?jql=… (real-markup-evidence.md §2.15).
  if (isIssuePage(url)) return url.searchParams.has('jql') || url.searchParams.has('filter') ? JIRA_PAGE_KINDS.navigatorDetail : JIRA_PAGE_KINDS.issue;
  if (isBacklog(url)) return JIRA_PAGE_KINDS.backlog;
  if (isBoard(url)) return JIRA_PAGE_KINDS.board;
  return null;
}

export function jiraShownTickets(root: ParentNode): number {
  return countShownTickets(root, {
    linkKey: keyFromIssueRoute,
    keyAttributes: ['data-issue-key', 'data-issuekey', 'data-key'],
    isKey: isValidIssueKey,
    exclude: `${S.richText}`,
  });
}

const JIRA_URL_MASK: UrlMask = {
  words: new Set(['jira', 'servicedesk', 'projects', 'queues', 'custom', 'browse', 'issues', 'software', 'c', 'boards', 'backlog', 'secure', 'RapidBoard.jspa', 'core', 'board', 'list']),
  named: { projects: 'project' },
  params: new Set(['jql', 'filter', 'selectedIssue', 'rapidView', 'view', 'projectKey']),
  isKey: isValidIssueKey,
};

export const jiraMaskUrl = (url: URL): string => mask(url, JIRA_URL_MASK);
