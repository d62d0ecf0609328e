import { describe, expect, it } from 'vitest';
import { issueKeyFromUrl, isCloudHost, PAGE_PREDICATES, type JiraPageType } from './urls';

const CLOUD = 'https://acme.atlassian.net';
const DC = 'https://jira.example-corp.test';

/**
 * Real URL shapes per predicate (jira-dom.md §1). A URL may be listed under several predicates
 * (an issue modal over a board is a board AND has a selected issue); every URL must match exactly
 * the predicates it is listed under.
 */
const TABLE: Record<JiraPageType, string[]> = {
  isIssuePage: [
    `${CLOUD}/browse/SUP-123`,
    `${CLOUD}/browse/PB2-1`,
    `${CLOUD}/browse/MY_PROJ-42/`,
    `${CLOUD}/browse/SUP-123?focusedCommentId=10042`,
    `${CLOUD}/browse/SUP-123#comment-10042`,
    `${DC}/browse/OPS-7`,
    `${DC}/jira/browse/OPS-7`,
    'http://localhost:8080/jira/browse/OPS-7',
    `${DC}/browse/OPS-7?jql=project%20%3D%20OPS`,
    `${DC}/jira/browse/OPS-7?filter=-1`,
  ],
  isSearchDetail: [`${DC}/browse/OPS-7?jql=project%20%3D%20OPS`, `${DC}/jira/browse/OPS-7?filter=-1`],
  hasSelectedIssue: [
    `${CLOUD}/jira/software/c/projects/SUP/boards/1?selectedIssue=SUP-102`,
    `${CLOUD}/jira/software/projects/TEAM/boards/3?selectedIssue=TEAM-9`,
    `${CLOUD}/jira/software/c/projects/SUP/boards/1/backlog?selectedIssue=SUP-7`,
    `${CLOUD}/issues/?jql=project%20%3D%20SUP&selectedIssue=SUP-101`,
    `${CLOUD}/jira/core/projects/BIZ/list?selectedIssue=BIZ-3`,
    `${DC}/jira/secure/RapidBoard.jspa?rapidView=12&selectedIssue=OPS-7`,
  ],
  isIssueNavigator: [
    `${CLOUD}/issues/?jql=project%20%3D%20SUP%20ORDER%20BY%20created%20DESC`,
    `${CLOUD}/issues/?filter=-1`,
    `${CLOUD}/issues/?filter=10042`,
    `${CLOUD}/issues?jql=assignee%20%3D%20currentUser()`,
    `${CLOUD}/issues/?jql=project%20%3D%20SUP&selectedIssue=SUP-101`,
    `${DC}/issues/?jql=project%20%3D%20OPS`,
    `${DC}/jira/issues/?jql=project%20%3D%20OPS`,
    `${DC}/jira/issues/?filter=-4`,
  ],
  isQueue: [
    `${CLOUD}/jira/servicedesk/projects/SUP/queues/custom/1`,
    `${CLOUD}/jira/servicedesk/projects/ITSM/queues/custom/27/`,
    `${DC}/projects/OPS/queues/custom/3`,
    `${DC}/jira/projects/OPS/queues/custom/3`,
  ],
  isQueueIssue: [`${CLOUD}/jira/servicedesk/projects/SUP/queues/custom/1/SUP-101`, `${DC}/jira/projects/OPS/queues/custom/3/OPS-7`],
  isBoard: [
    `${CLOUD}/jira/software/c/projects/SUP/boards/1`,
    `${CLOUD}/jira/software/projects/TEAM/boards/3`,
    `${CLOUD}/jira/software/c/projects/SUP/boards/1?selectedIssue=SUP-102`,
    `${CLOUD}/jira/software/projects/TEAM/boards/3?selectedIssue=TEAM-9`,
    `${CLOUD}/jira/software/c/projects/SUP/boards/1/`,
    // Still the board, although the parameter names no issue.
    `${CLOUD}/jira/software/c/projects/SUP/boards/1?selectedIssue=not-a-key`,
    `${DC}/secure/RapidBoard.jspa?rapidView=12`,
    `${DC}/jira/secure/RapidBoard.jspa?rapidView=12&projectKey=OPS`,
    `${DC}/jira/secure/RapidBoard.jspa?rapidView=12&selectedIssue=OPS-7`,
    `${DC}/jira/secure/RapidBoard.jspa?rapidView=12&view=detail`,
  ],
  isBacklog: [
    `${CLOUD}/jira/software/c/projects/SUP/boards/1/backlog`,
    `${CLOUD}/jira/software/projects/TEAM/boards/3/backlog`,
    `${CLOUD}/jira/software/c/projects/SUP/boards/1/backlog?selectedIssue=SUP-7`,
    `${DC}/secure/RapidBoard.jspa?rapidView=12&view=planning`,
    `${DC}/jira/secure/RapidBoard.jspa?rapidView=12&view=planning.nodetail`,
  ],
  isBusinessProject: [
    `${CLOUD}/jira/core/projects/BIZ/board`,
    `${CLOUD}/jira/core/projects/BIZ/issues`,
    `${CLOUD}/jira/core/projects/BIZ/list`,
    `${CLOUD}/jira/core/projects/BIZ/list?selectedIssue=BIZ-3`,
    `${CLOUD}/jira/core/projects/BIZ/timeline`,
  ],
};

/** Jira pages that are none of the above, and look-alikes. */
const NOTHING = [
  `${CLOUD}/`,
  `${CLOUD}/jira/your-work`,
  `${CLOUD}/jira/software/c/projects/SUP/boards/1/timeline`,
  `${CLOUD}/jira/software/c/projects/SUP/boards/1/reports`,
  `${CLOUD}/jira/plans/1/scenarios/1/timeline?vid=4`,
  `${CLOUD}/jira/servicedesk/projects/SUP/queues`,
  `${CLOUD}/jira/servicedesk/projects/SUP/reports`,
  `${CLOUD}/browse/SUP`,
  `${CLOUD}/browse/sup-1`,
  `${CLOUD}/browse/SUP-12a`,
  `${CLOUD}/browse/SUP-1/comments`,
  `${CLOUD}/wiki/spaces/SUP/pages/1/browse/SUP-1`,
  `${CLOUD}/search?text=issues`,
  `${DC}/secure/RapidBoard.jspa`,
  `${DC}/secure/RapidBoard.jspa?rapidView=abc`,
  `${DC}/secure/RapidBoard.jspa?rapidView=12&view=reporting`,
  `${DC}/secure/Dashboard.jspa`,
  `${DC}/projects/OPS/queues`,
];

const ALL_URLS = [...new Set([...Object.values(TABLE).flat(), ...NOTHING])];

describe.each(Object.keys(PAGE_PREDICATES) as JiraPageType[])('%s', (name) => {
  const predicate = PAGE_PREDICATES[name];
  const listed = new Set(TABLE[name]);

  it.each(TABLE[name])('matches %s', (url) => {
    expect(predicate(new URL(url)), `${name} should match ${url}: widen its pattern in urls.ts`).toBe(true);
  });

  it.each(ALL_URLS.filter((url) => !listed.has(url)))('does not match %s', (url) => {
    expect(predicate(new URL(url)), `${name} must not match ${url}: narrow its pattern in urls.ts, or list the URL under ${name} if it really is that page`).toBe(false);
  });
});

describe('the tables', () => {
  it('have URLs for every predicate', () => {
    for (const name of Object.keys(PAGE_PREDICATES) as JiraPageType[]) {
      expect(TABLE[name]?.length ?? 0, `add real URLs for ${name} to the table in urls.test.ts`).toBeGreaterThan(1);
    }
  });
});

describe('issueKeyFromUrl', () => {
  it.each([
    [`${CLOUD}/browse/SUP-123`, 'SUP-123'],
    [`${CLOUD}/browse/PB2-1?focusedCommentId=1`, 'PB2-1'],
    [`${DC}/jira/browse/OPS-7`, 'OPS-7'],
    [`${CLOUD}/jira/software/c/projects/SUP/boards/1?selectedIssue=SUP-102`, 'SUP-102'],
    [`${CLOUD}/issues/?jql=order%20by%20key&selectedIssue=SUP-101`, 'SUP-101'],
    [`${CLOUD}/jira/servicedesk/projects/SUP/queues/custom/1/SUP-101`, 'SUP-101'],
    [`${DC}/jira/secure/RapidBoard.jspa?rapidView=12&selectedIssue=OPS-7`, 'OPS-7'],
    // The modal is on top of whatever page is under it.
    [`${CLOUD}/browse/SUP-1?selectedIssue=SUP-2`, 'SUP-2'],
    [`${CLOUD}/jira/software/c/projects/SUP/boards/1`, null],
    [`${CLOUD}/issues/?jql=key%20%3D%20SUP-5`, null],
    [`${CLOUD}/browse/sup-1`, null],
    [`${CLOUD}/jira/software/c/projects/SUP/boards/1?selectedIssue=%3Cimg%3E`, null],
  ])('%s → %s', (url, key) => {
    expect(issueKeyFromUrl(new URL(url))).toBe(key);
  });
});

describe('isCloudHost', () => {
  it.each([
    [`${CLOUD}/browse/SUP-1`, true],
    ['https://ACME.Atlassian.net/', true],
    [`${DC}/browse/OPS-1`, false],
    ['https://atlassian.net.evil.test/browse/SUP-1', false],
  ])('%s → %s', (url, cloud) => {
    expect(isCloudHost(new URL(url))).toBe(cloud);
  });
});
