/**
 * How many tickets a Jira page shows, counted without the readers' beliefs, and its URL masked for
 * diagnostics. Which page it is: page-types.ts.
 */
import { maskUrl as mask, type UrlMask } from '../page-status';
import { countShownTickets } from '../shown';
import { keyFromIssueRoute } from './dom';
import { S } from './selectors';
import { isValidIssueKey } from './urls';

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
