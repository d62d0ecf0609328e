/**
 * The fake sites tests and the demo browse: `https://acme.atlassian.net/…`, `https://acme.zendesk.com/…`,
 * and a Jira-looking page on a host SLA Lens does not cover. Requests never reach the network:
 * the browser harness fulfils them from `handle()`.
 */
import { jiraBoardPage, jiraIssuePage, jiraQueuePage, jiraSearch } from './jira';
import type { FakeJiraIssue, FakeZendeskTicket } from './tickets';
import type { FakeRequest, FakeResponse } from './types';
import { zendeskShowMany, zendeskTicketPage, zendeskViewPage, type ViewOptions } from './zendesk';

export * from './tickets';
export type { FakeRequest, FakeResponse } from './types';

export const JIRA_ORIGIN = 'https://acme.atlassian.net';
export const ZENDESK_ORIGIN = 'https://acme.zendesk.com';
/** Not a covered site, although its pages look like Jira. */
export const OTHER_ORIGIN = 'https://intranet.example.com';

export const URLS = {
  jiraQueue: `${JIRA_ORIGIN}/jira/servicedesk/projects/SUP/queues/custom/1`,
  jiraBoard: `${JIRA_ORIGIN}/jira/software/c/projects/SUP/boards/1`,
  jiraIssue: (key: string) => `${JIRA_ORIGIN}/browse/${key}`,
  zendeskView: `${ZENDESK_ORIGIN}/agent/filters/360000001`,
  zendeskTicket: (id: number) => `${ZENDESK_ORIGIN}/agent/tickets/${id}`,
  other: `${OTHER_ORIGIN}/browse/SUP-1`,
};

export interface FakeSiteData {
  jira: FakeJiraIssue[];
  zendesk: FakeZendeskTicket[];
  zendeskView?: ViewOptions;
  /** Simulates a signed-out session or a broken API. */
  api?: 'ok' | 'login-page' | 'server-error' | 'rate-limited';
  /** Every API request, for tests that check batching and backoff. */
  apiLog?: FakeRequest[];
}

const html = (body: string, status = 200): FakeResponse => ({ status, contentType: 'text/html; charset=utf-8', body });
const notFound = () => html('<!doctype html><title>Not found</title><h1>Page not found</h1>', 404);

function apiFailure(data: FakeSiteData): FakeResponse | null {
  switch (data.api ?? 'ok') {
    case 'login-page':
      // What Jira Cloud really answers a signed-out REST call: 200 with the login page.
      return html('<!doctype html><title>Log in with Atlassian account</title><form action="/login"></form>');
    case 'server-error':
      return { status: 503, contentType: 'application/json', body: '{"errorMessages":["Service unavailable"]}' };
    case 'rate-limited':
      return { status: 429, contentType: 'application/json', body: '{"errorMessages":["Rate limit exceeded"]}' };
    default:
      return null;
  }
}

/** The response for `req`, or null when the host is not one of the fake sites. */
export function handle(data: FakeSiteData, req: FakeRequest): FakeResponse | null {
  const { hostname, pathname } = req.url;
  const isApi = pathname.startsWith('/rest/') || pathname.startsWith('/api/');
  if (isApi && (hostname.endsWith('.atlassian.net') || hostname.endsWith('.zendesk.com'))) {
    data.apiLog?.push(req);
    const failure = apiFailure(data);
    if (failure) return failure;
  }

  if (hostname === new URL(JIRA_ORIGIN).hostname) {
    if (pathname === '/rest/api/3/search/jql') return jiraSearch(data.jira, req);
    if (/^\/jira\/servicedesk\/projects\/SUP\/queues\/custom\/\d+$/.test(pathname)) return html(jiraQueuePage(data.jira));
    if (/^\/jira\/software\/c\/projects\/SUP\/boards\/\d+$/.test(pathname)) return html(jiraBoardPage(data.jira));
    const browse = /^\/browse\/([A-Z][A-Z0-9_]+-\d+)$/.exec(pathname);
    if (browse) {
      const issue = data.jira.find((i) => i.key === browse[1]);
      return issue ? html(jiraIssuePage(issue)) : notFound();
    }
    return notFound();
  }

  if (hostname === new URL(ZENDESK_ORIGIN).hostname) {
    if (pathname === '/api/v2/tickets/show_many.json') return zendeskShowMany(data.zendesk, req);
    if (/^\/agent\/filters\/\d+$/.test(pathname)) return html(zendeskViewPage(data.zendesk, data.zendeskView));
    const ticket = /^\/agent\/tickets\/(\d+)$/.exec(pathname);
    if (ticket) {
      const id = Number(ticket[1]);
      if (!data.zendesk.some((t) => t.id === id)) return notFound();
      // The agent has the first three tickets open in tabs, plus this one.
      const open = [...new Set([...data.zendesk.slice(0, 3).map((t) => t.id), id])].map((i) => data.zendesk.find((t) => t.id === i)!);
      return html(zendeskTicketPage(open, id));
    }
    return notFound();
  }

  if (hostname === new URL(OTHER_ORIGIN).hostname) {
    const issue = data.jira[0];
    return issue ? html(jiraIssuePage(issue)) : notFound();
  }
  return null;
}
