/**
 * The fake sites tests and the demo browse: `https://acme.atlassian.net/…`, `https://acme.zendesk.com/…`,
 * a self-hosted Jira Data Center under a context path (`https://jira.example-corp.test/jira/…`),
 * and a Jira-looking page on a host SLA Lens does not cover. Requests never reach the network:
 * the browser harness fulfils them from `handle()`.
 */
import { createHash } from 'node:crypto';
import {
  jiraBacklogPage,
  jiraBoardPage,
  jiraDcSearch,
  jiraFields,
  jiraIssuePage,
  jiraNavigatorDetailPage,
  jiraNavigatorPage,
  jiraQueuePage,
  jiraSearch,
  type NavigatorOptions,
  type QueueOptions,
} from './jira';
import { jiraBulkChangelog, jiraComments, JSM_QUEUE_ISSUES, jsmQueueIssues } from './jira-rest';
import { DC_OFFSET_MINUTES, jiraDcBoardPage, jiraDcIssuePage, jiraDcNavigatorDetailPage, jiraDcNavigatorPage, jiraDcQueuePage } from './jira-dc';
import type { FakeJiraIssue, FakeZendeskTicket } from './tickets';
import type { FakeRequest, FakeResponse } from './types';
import {
  zendeskAudits,
  zendeskDriftedViewPage,
  zendeskGroups,
  zendeskLocaleOf,
  zendeskOrganizations,
  zendeskSearchPage,
  zendeskShowMany,
  zendeskTicketPage,
  zendeskViewPage,
  type ViewOptions,
} from './zendesk';
import { zendeskSearchExport, zendeskViewCount, zendeskViewTickets } from './zendesk-rest';

export * from './tickets';
export type { FakeRequest, FakeResponse } from './types';

export const JIRA_ORIGIN = 'https://acme.atlassian.net';
/** Another company's Jira Cloud (a vendor's or a partner's) that the agent also visits: the same pages, not ours. */
export const PARTNER_JIRA_ORIGIN = 'https://partner.atlassian.net';
export const ZENDESK_ORIGIN = 'https://acme.zendesk.com';
/** Zendesk on the company's own domain (host mapping): the same agent pages and API. */
export const ZENDESK_MAPPED_ORIGIN = 'https://support.example-corp.test';
/** Not a covered site, although its pages look like Jira. */
export const OTHER_ORIGIN = 'https://intranet.example.com';
/** A self-hosted Jira Data Center; it lives under the context path `/jira` (its `ajs-base-url`). */
export const JIRA_DC_ORIGIN = 'https://jira.example-corp.test';
export const JIRA_DC_BASE = `${JIRA_DC_ORIGIN}/jira`;

/** The view `/agent/filters/{id}` that groups its rows (by group) unless `zendeskView` says otherwise. */
const ZENDESK_GROUPED_VIEW = 360000002;
const GROUPED_VIEW_COLUMNS: NonNullable<ViewOptions['columns']> = ['subject', 'requested', 'priority', 'status', 'type', 'id', 'assignee', 'group'];
/** A view whose conditions match no ticket: an empty table. */
const ZENDESK_EMPTY_VIEW = 360000003;
/** A view in markup the readers do not know (a redesign): rows shown, none readable. */
const ZENDESK_DRIFTED_VIEW = 360000004;
/** The agent's language, which the real UI takes from their profile: here the fake site's own `locale` parameter. */
const zendeskIn = (url: string, locale: 'de' | 'he') => `${url}${url.includes('?') ? '&' : '?'}locale=${locale}`;

export const URLS = {
  jiraQueue: `${JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/1`,
  /** The same queue on another company's Jira. */
  partnerJiraQueue: `${PARTNER_JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/1`,
  /** The same queue for an agent whose Jira speaks German. */
  jiraQueueDe: `${JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/2`,
  /** The 2025 markup (`issue-table-container`), which no independent source shows any more. */
  jiraQueueLegacy: `${JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/3`,
  /** A queue whose markup drifted: rows on screen, none of the markup SLA Lens knows. */
  jiraQueueDrifted: `${JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/4`,
  /** A queue with no tickets in it. */
  jiraQueueEmpty: `${JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/5`,
  jiraQueueIssue: (key: string) => `${JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/1/${key}`,
  jiraBoard: `${JIRA_ORIGIN}/jira/software/c/projects/SUP/boards/1`,
  /** The board with an issue open in a modal over it. */
  jiraBoardModal: (key: string) => `${JIRA_ORIGIN}/jira/software/c/projects/SUP/boards/1?selectedIssue=${key}`,
  jiraBacklog: `${JIRA_ORIGIN}/jira/software/c/projects/SUP/boards/1/backlog`,
  /** The backlog with an issue open in the side panel. */
  jiraBacklogPanel: (key: string) => `${JIRA_ORIGIN}/jira/software/c/projects/SUP/boards/1/backlog?selectedIssue=${key}`,
  jiraNavigator: `${JIRA_ORIGIN}/issues/?jql=${encodeURIComponent('project = SUP ORDER BY created DESC')}`,
  /** The navigator's detail view: cards on the left, `key` open on the right. */
  jiraNavigatorDetail: (key: string) => `${JIRA_ORIGIN}/issues/?jql=${encodeURIComponent('project = SUP ORDER BY created DESC')}&selectedIssue=${key}`,
  jiraIssue: (key: string) => `${JIRA_ORIGIN}/browse/${key}`,
  jiraDcIssue: (key: string) => `${JIRA_DC_BASE}/browse/${key}`,
  jiraDcNavigator: `${JIRA_DC_BASE}/issues/?jql=${encodeURIComponent('project = SUP')}`,
  jiraDcBoard: `${JIRA_DC_BASE}/secure/RapidBoard.jspa?rapidView=1`,
  /** The DC navigator's detail view: the issue page with the search's `jql` kept, cards on the left. */
  jiraDcNavigatorDetail: (key: string) => `${JIRA_DC_BASE}/browse/${key}?jql=${encodeURIComponent('project = SUP')}`,
  jiraDcQueue: `${JIRA_DC_BASE}/projects/SUP/queues/custom/1`,
  zendeskView: `${ZENDESK_ORIGIN}/agent/filters/360000001`,
  zendeskMappedView: `${ZENDESK_MAPPED_ORIGIN}/agent/filters/360000001`,
  /** The same tickets grouped by group, columns in another order. */
  zendeskGroupedView: `${ZENDESK_ORIGIN}/agent/filters/${ZENDESK_GROUPED_VIEW}`,
  zendeskTicket: (id: number) => `${ZENDESK_ORIGIN}/agent/tickets/${id}`,
  zendeskSearch: (query: string) => `${ZENDESK_ORIGIN}/agent/search/1?query=${encodeURIComponent(query)}`,
  /** The same pages in German, and in Hebrew (right to left), each in the newer markup (testing/sites/zendesk.ts, `MARKUP`). */
  zendeskViewDe: zendeskIn(`${ZENDESK_ORIGIN}/agent/filters/360000001`, 'de'),
  zendeskViewHe: zendeskIn(`${ZENDESK_ORIGIN}/agent/filters/360000001`, 'he'),
  zendeskTicketDe: (id: number) => zendeskIn(`${ZENDESK_ORIGIN}/agent/tickets/${id}`, 'de'),
  zendeskTicketHe: (id: number) => zendeskIn(`${ZENDESK_ORIGIN}/agent/tickets/${id}`, 'he'),
  zendeskSearchDe: (query: string) => zendeskIn(`${ZENDESK_ORIGIN}/agent/search/1?query=${encodeURIComponent(query)}`, 'de'),
  zendeskSearchHe: (query: string) => zendeskIn(`${ZENDESK_ORIGIN}/agent/search/1?query=${encodeURIComponent(query)}`, 'he'),
  /** Search with its Users tab selected: user rows, which must never be read as tickets. */
  zendeskSearchUsers: (query: string, locale?: 'de' | 'he') => {
    const url = `${ZENDESK_ORIGIN}/agent/search/1?query=${encodeURIComponent(query)}&tab=users`;
    return locale ? zendeskIn(url, locale) : url;
  },
  zendeskEmptyView: `${ZENDESK_ORIGIN}/agent/filters/${ZENDESK_EMPTY_VIEW}`,
  zendeskDriftedView: `${ZENDESK_ORIGIN}/agent/filters/${ZENDESK_DRIFTED_VIEW}`,
  other: `${OTHER_ORIGIN}/browse/SUP-1`,
  /** A Help Center page on the Zendesk host whose theme copies the agent interface's table. */
  zendeskHelpCenter: `${ZENDESK_ORIGIN}/hc/en-us/requests`,
  /** Answers 204 No Content: a navigation there never commits. */
  otherNoContent: `${OTHER_ORIGIN}/download/nothing`,
};

export interface FakeSiteData {
  jira: FakeJiraIssue[];
  /** What the Data Center site serves; the Cloud issues when absent. */
  jiraDc?: FakeJiraIssue[];
  /**
   * Watched scopes the Jira sites' searches answer, Cloud and Data Center alike: a query's JQL (a
   * saved filter's is `filter = <id>`) → the keys it holds, in the site's order. A key with no
   * issue above is answered with its id and key alone. Any JQL but these and `key in (…)` gets
   * Jira's 400 (`errorMessages`).
   */
  jiraScopes?: Record<string, string[]>;
  /** The searches give at most this many comments of an issue (the rest from the comment API); all when absent. */
  jiraSearchComments?: number;
  /**
   * JSM queues the Jira sites list (`/rest/servicedeskapi/servicedesk/{sd}/queue/{q}/issue`):
   * `"<sd>/<q>"` → the keys in queue order; any other queue is a 404.
   */
  jsmQueues?: Record<string, string[]>;
  zendesk: FakeZendeskTicket[];
  /** Columns, grouping and title of the views (`/agent/filters/{id}`). */
  zendeskView?: ViewOptions;
  /**
   * The tickets each view holds, by view id, in the view's order: what the API's List Tickets From
   * a View and Count Tickets in View answer (a watched view). A view not named here answers 404;
   * an id the site holds no ticket for is served as a bare open ticket.
   */
  zendeskViews?: Record<string, number[]>;
  /**
   * The tickets each search matches, by the query text exactly as sent, in order: what the API's
   * Export Search Results answers (a watched search). Any other query matches nothing.
   */
  zendeskSearches?: Record<string, number[]>;
  /** Columns and mounted rows of the Cloud issue navigator. */
  jiraNavigator?: NavigatorOptions;
  /** Simulates a signed-out session or a broken API. */
  api?: 'ok' | 'login-page' | 'server-error' | 'rate-limited';
  /** Every API request, for tests that check batching and backoff. */
  apiLog?: FakeRequest[];
  /**
   * Like a real site, pages sign the visitor in (a session cookie) and the API answers only
   * requests that carry it: a signed-out API call gets the site's sign-in answer. Proves the
   * overlay's requests go out as the page's own, with the user's session.
   */
  requireSession?: boolean;
  /** Called as each API request is answered (benchmarks time what follows an answer). */
  onApi?: (request: FakeRequest) => void;
  /** Each response waits this long before it is served, pages and API alike (the browser harness applies it; benchmarks set it). */
  latencyMs?: number;
  /**
   * The sites' clock: what JQL's relative dates (`updated >= -5m`) and Zendesk's SLA sideload are
   * counted from. `Date.now` when absent; a test or benchmark on a clock of its own sets it.
   */
  now?: () => number;
  /**
   * Configuration files a team publishes, by full URL: served with an ETag of their content (a
   * matching `If-None-Match` gets 304) and, like a static host, `Access-Control-Allow-Origin: *`.
   * Tests change `body` to amend the file. Every request for one is logged.
   */
  configFiles?: Record<string, { body: string; status?: number }>;
  configLog?: FakeRequest[];
}

/** Queue ids of the Cloud fake site and how each renders (see `URLS`). */
const JIRA_QUEUE_VARIANTS: Record<number, QueueOptions> = {
  2: { locale: 'de' },
  3: { markup: 'legacy' },
  4: { markup: 'drifted' },
  5: { empty: true },
};

const html = (body: string, status = 200): FakeResponse => ({ status, contentType: 'text/html; charset=utf-8', body });
const notFound = () => html('<!doctype html><title>Not found</title><h1>Page not found</h1>', 404);

const clock = (data: FakeSiteData): number => data.now?.() ?? Date.now();

/** The cookie a fake site's pages set, and its API then asks for. */
export const SESSION_COOKIE = 'fake_session=signed-in';

function apiFailure(data: FakeSiteData, hostname: string, cookie: string | null | undefined): FakeResponse | null {
  const zendesk = hostname.endsWith('.zendesk.com') || hostname === new URL(ZENDESK_MAPPED_ORIGIN).hostname;
  const signedOut = data.requireSession && !(cookie ?? '').split(/;\s*/).includes(SESSION_COOKIE);
  switch (signedOut ? 'login-page' : (data.api ?? 'ok')) {
    case 'login-page':
      // What Jira Cloud really answers a signed-out REST call: 200 with the login page. The
      // Zendesk fake answers the same way, with Zendesk's sign-in page.
      return zendesk
        ? html(
            '<!doctype html><html lang="en"><title>Sign in to Acme Support</title><form action="/access/login" method="post"><label>Email <input name="user[email]"></label><label>Password <input type="password" name="user[password]"></label><button>Sign in</button></form></html>',
          )
        : html('<!doctype html><title>Log in with Atlassian account</title><form action="/login"></form>');
    case 'server-error':
      return zendesk
        ? { status: 503, contentType: 'application/json', body: '{"error":"ServiceUnavailable","description":"Service unavailable"}' }
        : { status: 503, contentType: 'application/json', body: '{"errorMessages":["Service unavailable"]}' };
    case 'rate-limited':
      // Zendesk says when to come back (zendesk-dom.md §7.2, rate limits).
      return zendesk
        ? {
            status: 429,
            contentType: 'application/json',
            headers: { 'Retry-After': '60' },
            body: '{"error":"APIRateLimitExceeded","description":"Number of allowed API requests per minute exceeded"}',
          }
        : { status: 429, contentType: 'application/json', body: '{"errorMessages":["Rate limit exceeded"]}' };
    default:
      return null;
  }
}

/** The Data Center site: everything under its context path; no v3 API (jira-dom.md §5.3). */
function handleJiraDc(data: FakeSiteData, req: FakeRequest): FakeResponse {
  const issues = data.jiraDc ?? data.jira;
  const base = new URL(JIRA_DC_BASE);
  const context = base.pathname;
  if (!req.url.pathname.startsWith(`${context}/`)) return notFound();
  const path = req.url.pathname.slice(context.length);
  if (path === '/rest/api/2/search') return jiraDcSearch(issues, req, DC_OFFSET_MINUTES, data.jiraScopes, clock(data), data.jiraSearchComments);
  const dcComments = ISSUE_COMMENTS.exec(path);
  if (dcComments && dcComments[1] === '2') return jiraComments(issues, dcComments[2]!, req, 'dc', DC_OFFSET_MINUTES);
  if (path === '/rest/api/2/field') return jiraFields();
  const queueIssues = JSM_QUEUE_ISSUES.exec(path);
  if (queueIssues) return jsmQueueIssues(issues, req, data.jsmQueues, queueIssues[1]!, queueIssues[2]!, DC_OFFSET_MINUTES);
  if (/^\/issues\/?$/.test(path)) return html(jiraDcNavigatorPage(base, issues));
  if (/^\/projects\/SUP\/queues\/custom\/\d+$/.test(path)) return html(jiraDcQueuePage(base, issues));
  if (path === '/secure/RapidBoard.jspa') return html(jiraDcBoardPage(base, issues));
  const browse = /^\/browse\/([A-Z][A-Z0-9_]+-\d+)$/.exec(path);
  const issue = browse && issues.find((i) => i.key === browse[1]);
  if (!issue) return notFound();
  // With the search's `jql` kept, /browse/KEY is the navigator's detail view (real-markup-evidence.md §2.8).
  return html(req.url.searchParams.has('jql') ? jiraDcNavigatorDetailPage(base, issues, issue) : jiraDcIssuePage(base, issue));
}

/** The response for `req`, or null when the host is not one of the fake sites. */
export function handle(data: FakeSiteData, req: FakeRequest): FakeResponse | null {
  const { hostname, pathname } = req.url;
  const dcHost = new URL(JIRA_DC_ORIGIN).hostname;
  const isApi = pathname.startsWith('/rest/') || pathname.startsWith('/api/') || (hostname === dcHost && pathname.includes('/rest/'));
  // Another origin's API-shaped requests are logged too: tests assert that none ever leaves for it.
  const otherHost = new URL(OTHER_ORIGIN).hostname;
  if (isApi && hostname === otherHost) data.apiLog?.push(req);
  if (isApi && (hostname.endsWith('.atlassian.net') || hostname.endsWith('.zendesk.com') || hostname === dcHost || hostname === new URL(ZENDESK_MAPPED_ORIGIN).hostname)) {
    data.apiLog?.push(req);
    data.onApi?.(req);
    const failure = apiFailure(data, hostname, req.cookie);
    if (failure) return failure;
  }
  const response = route(data, req);
  // Pages sign the visitor in; the API reads the session from the cookie the browser sends.
  if (data.requireSession && response && !isApi && response.contentType.startsWith('text/html')) {
    return { ...response, headers: { ...response.headers, 'Set-Cookie': `${SESSION_COOKIE}; Path=/; Secure; SameSite=Lax` } };
  }
  return response;
}

function configFile(data: FakeSiteData, req: FakeRequest): FakeResponse | null {
  const file = data.configFiles?.[req.url.href];
  if (!file) return null;
  data.configLog?.push(req);
  const etag = `"${createHash('sha256').update(file.body).digest('hex').slice(0, 16)}"`;
  const headers = { ETag: etag, 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag' };
  if ((file.status ?? 200) === 200 && req.headers?.['if-none-match'] === etag) return { status: 304, contentType: 'application/json', headers, body: '' };
  return { status: file.status ?? 200, contentType: 'application/json', headers, body: file.body };
}

/** `/rest/api/{3|2}/issue/{key}/comment`. */
const ISSUE_COMMENTS = /^\/rest\/api\/(2|3)\/issue\/([A-Za-z][A-Za-z0-9_]*-\d+)\/comment$/;

function route(data: FakeSiteData, req: FakeRequest): FakeResponse | null {
  const published = configFile(data, req);
  if (published) return published;
  const { hostname, pathname } = req.url;
  const dcHost = new URL(JIRA_DC_ORIGIN).hostname;

  if (hostname === new URL(JIRA_ORIGIN).hostname || hostname === new URL(PARTNER_JIRA_ORIGIN).hostname) {
    if (pathname === '/rest/api/3/search/jql') return jiraSearch(data.jira, req, data.jiraScopes, clock(data), data.jiraSearchComments);
    const comments = ISSUE_COMMENTS.exec(pathname);
    if (comments) return jiraComments(data.jira, comments[2]!, req, comments[1] === '3' ? 'cloud' : 'dc');
    const queueIssues = JSM_QUEUE_ISSUES.exec(pathname);
    if (queueIssues) return jsmQueueIssues(data.jira, req, data.jsmQueues, queueIssues[1]!, queueIssues[2]!);
    if (pathname === '/rest/api/3/changelog/bulkfetch') return jiraBulkChangelog(data.jira, req);
    if (pathname === '/rest/api/2/field') return jiraFields();
    // Removed on Cloud (CHANGE-2046, jira-dom.md §5.2).
    if (/^\/rest\/api\/(2|3|latest)\/search$/.test(pathname))
      return { status: 410, contentType: 'application/json', body: '{"errorMessages":["The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."]}' };
    const queue = /^\/jira\/servicedesk\/projects\/SUP\/queues\/custom\/(\d+)$/.exec(pathname);
    if (queue) return html(jiraQueuePage(data.jira, JIRA_QUEUE_VARIANTS[Number(queue[1])] ?? {}));
    const selectedKey = req.url.searchParams.get('selectedIssue');
    const selected = selectedKey ? data.jira.find((i) => i.key === selectedKey) : undefined;
    if (/^\/jira\/software\/c\/projects\/SUP\/boards\/\d+$/.test(pathname)) return html(jiraBoardPage(data.jira, selected));
    if (/^\/jira\/software\/c\/projects\/SUP\/boards\/\d+\/backlog$/.test(pathname)) return html(jiraBacklogPage(data.jira, selected));
    if (/^\/issues\/?$/.test(pathname)) return html(selectedKey ? jiraNavigatorDetailPage(data.jira, selectedKey) : jiraNavigatorPage(data.jira, data.jiraNavigator));
    const browse = /^\/browse\/([A-Z][A-Z0-9_]+-\d+)$/.exec(pathname) ?? /^\/jira\/servicedesk\/projects\/SUP\/queues\/custom\/\d+\/([A-Z][A-Z0-9_]+-\d+)$/.exec(pathname);
    if (browse) {
      const issue = data.jira.find((i) => i.key === browse[1]);
      return issue ? html(jiraIssuePage(issue)) : notFound();
    }
    return notFound();
  }

  if (hostname === dcHost) return handleJiraDc(data, req);

  if (hostname === new URL(ZENDESK_ORIGIN).hostname || hostname === new URL(ZENDESK_MAPPED_ORIGIN).hostname) {
    if (pathname === '/api/v2/tickets/show_many.json') return zendeskShowMany(data.zendesk, req, clock(data));
    const audits = /^\/api\/v2\/tickets\/(\d+)\/audits\.json$/.exec(pathname);
    if (audits) return zendeskAudits(data.zendesk, Number(audits[1]), req);
    if (pathname === '/api/v2/groups.json') return zendeskGroups(req);
    if (pathname === '/api/v2/organizations/show_many.json') return zendeskOrganizations(req);
    const viewApi = /^\/api\/v2\/views\/(\d+)\/(tickets|count)(?:\.json)?$/.exec(pathname);
    if (viewApi) return viewApi[2] === 'count' ? zendeskViewCount(data.zendeskViews, viewApi[1]!, req) : zendeskViewTickets(data.zendesk, data.zendeskViews, viewApi[1]!, req);
    if (/^\/api\/v2\/search\/export(?:\.json)?$/.test(pathname)) return zendeskSearchExport(data.zendesk, data.zendeskSearches, req, clock(data));
    if (pathname.startsWith('/api/')) return { status: 404, contentType: 'application/json', body: '{"error":"InvalidEndpoint","description":"Not found"}' };
    const locale = zendeskLocaleOf(req.url);
    // A Help Center page: the tenant writes its theme, here one that copies the agent interface's
    // ticket table to the letter, with tickets of its own. SLA Lens must never read it.
    if (pathname.startsWith('/hc/'))
      return html(
        zendeskViewPage(
          data.zendesk.map((t) => ({ ...t, id: t.id + 900_000 })),
          { locale, title: 'Your requests' },
        ),
      );
    const view = /^\/agent\/filters\/(\d+)$/.exec(pathname);
    if (view) {
      const viewId = Number(view[1]);
      if (viewId === ZENDESK_EMPTY_VIEW) return html(zendeskViewPage([], { locale }));
      if (viewId === ZENDESK_DRIFTED_VIEW) return html(zendeskDriftedViewPage(data.zendesk, { locale }));
      const grouped = viewId === ZENDESK_GROUPED_VIEW ? { groupBy: 'group' as const, columns: GROUPED_VIEW_COLUMNS, title: 'Unsolved tickets by group' } : {};
      return html(zendeskViewPage(data.zendesk, { locale, ...grouped, ...data.zendeskView }));
    }
    if (/^\/agent\/search\/\d+$/.test(pathname)) {
      const tab = req.url.searchParams.get('tab') === 'users' ? 'users' : 'tickets';
      return html(zendeskSearchPage(data.zendesk, req.url.searchParams.get('query') ?? '', data.zendesk[0], { locale, tab }));
    }
    const ticket = /^\/agent\/tickets\/(\d+)$/.exec(pathname);
    if (ticket) {
      const id = Number(ticket[1]);
      if (!data.zendesk.some((t) => t.id === id)) return notFound();
      // The agent has the first three tickets open in tabs, plus this one.
      const open = [...new Set([...data.zendesk.slice(0, 3).map((t) => t.id), id])].map((i) => data.zendesk.find((t) => t.id === i)!);
      return html(zendeskTicketPage(open, id, { locale }));
    }
    return notFound();
  }

  if (hostname === new URL(OTHER_ORIGIN).hostname) {
    // A link that starts a navigation which never commits: the page that started it stays.
    if (pathname === '/download/nothing') return { status: 204, contentType: 'text/plain', body: '' };
    const issue = data.jira[0];
    return issue ? html(jiraIssuePage(issue)) : notFound();
  }
  return null;
}
