import { URLS } from '../sites/index';

/** The covered pages every browser's smoke suite expects the content script on. */
export const COVERED_PAGES: ReadonlyArray<readonly [name: string, url: string]> = [
  ['a Jira Service Management queue', URLS.jiraQueue],
  ['a Jira board', URLS.jiraBoard],
  ['a Jira issue', URLS.jiraIssue('SUP-101')],
  ['a Zendesk view', URLS.zendeskView],
  ['a Zendesk ticket', URLS.zendeskTicket(4101)],
];
