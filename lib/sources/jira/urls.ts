/**
 * Which Jira page a URL shows, for Jira Cloud (`*.atlassian.net`) and Data Center/Server (any host,
 * possibly under a context path such as `/jira`). URL shapes and their sources: jira-dom.md §1.
 * Every predicate takes the URL as an argument (never reads `location`), so it is testable with
 * tables of real URLs (urls.test.ts).
 */
const KEY = '[A-Z][A-Z0-9_]+-\\d+';
const PROJECT = '[A-Za-z][A-Za-z0-9_]*';
/** A DC context path: at most one leading segment (`/jira`), or none. */
const CONTEXT = '(?:/[\\w.~-]+)?';

const ISSUE_KEY = new RegExp(`^${KEY}$`);
const BROWSE = new RegExp(`^${CONTEXT}/browse/(${KEY})/?$`);
const NAVIGATOR = new RegExp(`^${CONTEXT}/issues/?$`);
// Cloud prefixes the queue with /jira/servicedesk; DC has none, but may have a context path (DCT).
const QUEUE = new RegExp(`^(?:/jira/servicedesk|${CONTEXT})/projects/${PROJECT}/queues/custom/\\d+/?$`);
const QUEUE_ISSUE = new RegExp(`^(?:/jira/servicedesk|${CONTEXT})/projects/${PROJECT}/queues/custom/\\d+/(${KEY})/?$`);
// Team-managed boards have no `/c/` (M; JA).
const BOARD = new RegExp(`^/jira/software/(?:c/)?projects/${PROJECT}/boards/\\d+/?$`);
const BACKLOG = new RegExp(`^/jira/software/(?:c/)?projects/${PROJECT}/boards/\\d+/backlog/?$`);
const RAPID_BOARD = new RegExp(`^${CONTEXT}/secure/RapidBoard\\.jspa$`);
const BUSINESS = new RegExp(`^/jira/core/projects/${PROJECT}/(?:board|issues|list|timeline|calendar)(?:/.*)?$`);

/** Jira Cloud's host; everything else is treated as Data Center/Server. */
export const isCloudHost = (url: URL): boolean => /\.atlassian\.net$/i.test(url.hostname);

export const isValidIssueKey = (text: string): boolean => ISSUE_KEY.test(text);

/** The full-page issue view: `/browse/KEY` (Cloud and DC). */
export const isIssuePage = (url: URL): boolean => BROWSE.test(url.pathname);

/**
 * Data Center's navigator in its detail view: the issue page with the search kept,
 * `/browse/KEY?jql=…` or `?filter=…` (real-markup-evidence.md §2.15).
 */
export const isSearchDetail = (url: URL): boolean => isIssuePage(url) && (url.searchParams.has('jql') || url.searchParams.has('filter'));

/** An issue opened in a modal or side panel over a board, backlog or list (Cloud, and DC boards). */
export const hasSelectedIssue = (url: URL): boolean => isValidIssueKey(url.searchParams.get('selectedIssue') ?? '');

/** The issue navigator, list or detail view: `/issues/?jql=…` or `/issues/?filter=…`. */
export const isIssueNavigator = (url: URL): boolean => NAVIGATOR.test(url.pathname);

/** A Jira Service Management agent queue (Cloud `/jira/servicedesk/projects/…`, DC `/projects/…`). */
export const isQueue = (url: URL): boolean => QUEUE.test(url.pathname);

/** An issue opened inside a JSM queue (Cloud): `/queues/custom/N/KEY` (jira-dom.md: reported, 3P). */
export const isQueueIssue = (url: URL): boolean => QUEUE_ISSUE.test(url.pathname);

function rapidBoardView(url: URL): string | null {
  if (!RAPID_BOARD.test(url.pathname) || !/^\d+$/.test(url.searchParams.get('rapidView') ?? '')) return null;
  return url.searchParams.get('view') ?? '';
}

/** A board, company- or team-managed (Cloud), or a DC `RapidBoard.jspa` board. */
export const isBoard = (url: URL): boolean => {
  if (BOARD.test(url.pathname)) return true;
  const view = rapidBoardView(url);
  return view !== null && (view === '' || view.startsWith('detail'));
};

/** The backlog (Cloud `…/backlog`; DC `RapidBoard.jspa?…&view=planning` or `planning.nodetail`). */
export const isBacklog = (url: URL): boolean => BACKLOG.test(url.pathname) || (rapidBoardView(url)?.startsWith('planning') ?? false);

/** A business (Jira Work Management) project's board, list, timeline or calendar (Cloud). */
export const isBusinessProject = (url: URL): boolean => BUSINESS.test(url.pathname);

/** The open issue's key: the modal's `selectedIssue` first (it is on top), then `/browse/KEY`, then the queue's issue. */
export function issueKeyFromUrl(url: URL): string | null {
  const selected = url.searchParams.get('selectedIssue');
  if (selected && isValidIssueKey(selected)) return selected;
  return BROWSE.exec(url.pathname)?.[1] ?? QUEUE_ISSUE.exec(url.pathname)?.[1] ?? null;
}

/** Every page predicate by name: the URL tests and callers that log the page type use this. */
export const PAGE_PREDICATES = {
  isIssuePage,
  isSearchDetail,
  hasSelectedIssue,
  isIssueNavigator,
  isQueue,
  isQueueIssue,
  isBoard,
  isBacklog,
  isBusinessProject,
} as const;

export type JiraPageType = keyof typeof PAGE_PREDICATES;
