/**
 * Which Zendesk Agent Workspace page a URL shows, on `*.zendesk.com` or a host-mapped domain
 * (same paths). URL shapes and their sources: zendesk-dom.md §1. Every predicate takes the URL as
 * an argument (never reads `location`), so it is testable with tables of real URLs (urls.test.ts).
 */
const ID = '[1-9]\\d{0,14}';

const VIEW = new RegExp(`^/agent/filters/(${ID})/?$`);
// Sub-paths exist (`/agent/tickets/123/events`); the id is the segment right after `tickets`.
const TICKET = new RegExp(`^/agent/tickets/(${ID})(?:/[\\w-]+)*/?$`);
const SEARCH = /^\/agent\/search(?:\/\d+)?\/?$/;
const HOME = /^\/agent\/home(?:\/[\w-]+)*\/?$/;
const DASHBOARD = /^\/agent\/dashboard\/?$/;
const ORGANIZATION_TICKETS = new RegExp(`^/agent/organizations/${ID}/tickets/?$`);
const USER_TICKETS = new RegExp(`^/agent/users/${ID}/(?:requested_tickets|assigned_tickets|ccd_tickets)/?$`);
const AGENT = /^\/agent(?:\/|$)/;
const TICKET_KEY = new RegExp(`^${ID}$`);

/** Zendesk's own hosts; host-mapped domains are recognised by their markup (adapter.ts). */
export const isZendeskHost = (url: URL): boolean => /\.zendesk\.com$/i.test(url.hostname);

/** Any page of the agent UI, whose routes all live under `/agent` (§1). */
export const isAgentPage = (url: URL): boolean => AGENT.test(url.pathname);

/** A ticket id as SLA Lens keys it: `123`, no sign, no leading zero. */
export const isValidTicketKey = (text: string): boolean => TICKET_KEY.test(text);

/** A view (the ticket table): `/agent/filters/{viewId}`. */
export const isView = (url: URL): boolean => VIEW.test(url.pathname);

/** The ticket page, with its tabs bar: `/agent/tickets/{id}`. */
export const isTicketPage = (url: URL): boolean => TICKET.test(url.pathname);

/** Search results: `/agent/search/1?query=…` or `/agent/search/?q=…`. */
export const isSearch = (url: URL): boolean => SEARCH.test(url.pathname);

/** The landing page after sign-in: `/agent/home/tickets` (§1). */
export const isHome = (url: URL): boolean => HOME.test(url.pathname);

export const isDashboard = (url: URL): boolean => DASHBOARD.test(url.pathname);

/** Other ticket lists: an organization's or a user's tickets. */
export const isOrganizationTickets = (url: URL): boolean => ORGANIZATION_TICKETS.test(url.pathname);
export const isUserTickets = (url: URL): boolean => USER_TICKETS.test(url.pathname);

/** The id of the ticket the URL opens, or null. */
export function ticketIdFromUrl(url: URL): string | null {
  return TICKET.exec(url.pathname)?.[1] ?? null;
}

/** Every page predicate by name: the URL tests and callers that log the page type use this. */
export const PAGE_PREDICATES = {
  isView,
  isTicketPage,
  isSearch,
  isHome,
  isDashboard,
  isOrganizationTickets,
  isUserTickets,
} as const;

export type ZendeskPageType = keyof typeof PAGE_PREDICATES;
