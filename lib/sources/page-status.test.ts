import { describe, expect, it } from 'vitest';
import { cannotRead, maskUrl, type PageKind, type UrlMask } from './page-status';

const list: PageKind = { id: 'jsm-queue', label: 'Jira Service Management queue', shows: 'list' };
const ticket: PageKind = { id: 'issue', label: 'Jira issue', shows: 'ticket' };

describe('cannotRead', () => {
  it.each<[PageKind, number, number, boolean]>([
    [list, 0, 0, false], // an empty queue: nothing to read
    [list, 0, 1, true], // one row shown, none read
    [list, 0, 40, true],
    [list, 8, 8, false],
    [list, 8, 11, false], // group-by rows counted as rows: still most
    [list, 2, 3, false], // too few rows to call a shortfall
    [list, 1, 4, true], // under half of four
    [list, 2, 4, false],
    [list, 49, 100, true],
    [list, 50, 100, false],
    [ticket, 0, 0, false], // an error page names no ticket
    [ticket, 0, 1, true],
    [ticket, 1, 5, false], // linked issues do not make a shortfall on a ticket view
  ])('%j: found %i of %i shown → cannot read: %s', (kind, found, shown, expected) => {
    expect(cannotRead({ kind, found, shown })).toBe(expected);
  });
});

describe('maskUrl', () => {
  const mask: UrlMask = {
    words: new Set(['jira', 'servicedesk', 'projects', 'queues', 'custom', 'browse', 'issues']),
    named: { projects: 'project' },
    params: new Set(['jql', 'selectedIssue']),
    isKey: (s) => /^[A-Z][A-Z0-9_]+-\d+$/.test(s),
  };

  it.each([
    ['https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/12', 'https://*.atlassian.net/jira/servicedesk/projects/{project}/queues/custom/{id}'],
    ['https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/12/SUP-7', 'https://*.atlassian.net/jira/servicedesk/projects/{project}/queues/custom/{id}/{key}'],
    ['https://acme.atlassian.net/issues/?jql=assignee%20%3D%20%22Ana%20Silva%22&selectedIssue=SUP-3#x', 'https://*.atlassian.net/issues/?jql={…}&selectedIssue={…}'],
    ['https://jira.example-corp.test/secret-path/browse/OPS-1?token=abc', 'https://{self-hosted}/{…}/browse/{key}?{param}={…}'],
    ['https://acme.zendesk.com/agent/tickets/123', 'https://*.zendesk.com/{…}/{…}/{id}'],
  ])('%s → %s', (url, expected) => {
    expect(maskUrl(new URL(url), mask)).toBe(expected);
  });

  it('never lets a tenant, a project, a key, a name or a query through', () => {
    const masked = maskUrl(new URL('https://bigcustomer.atlassian.net/jira/servicedesk/projects/BIGC/queues/custom/3/BIGC-99?jql=reporter%3DAna&foo=bar'), mask);
    expect(masked).not.toMatch(/bigcustomer|BIGC|Ana|foo|bar/);
  });
});
