/**
 * What kind of Zendesk page this is, how many tickets it appears to show, and the structure-only
 * diagnostics for when SLA Lens could not read it (../page-status.ts). None of it needs a word of
 * the UI's language: routes, test ids and links.
 */
import { maskUrl, type PageKind, type UrlMask } from '../page-status';
import { countShownTickets } from '../shown';
import { countStrategies, type StrategyCount } from '../strategies';
import { idFromLink, inRichText } from './dom';
import { SURFACES } from './read-page';
import { S } from './selectors';
import { isOrganizationTickets, isSearch, isTicketPage, isUserTickets, isView } from './urls';

export const PAGE_KINDS = {
  view: { id: 'zendesk-view', label: 'Zendesk view', shows: 'list' },
  ticket: { id: 'zendesk-ticket', label: 'Zendesk ticket', shows: 'ticket' },
  search: { id: 'zendesk-search', label: 'Zendesk search results', shows: 'list' },
  organizationTickets: { id: 'zendesk-organization-tickets', label: "Zendesk organization's tickets", shows: 'list' },
  userTickets: { id: 'zendesk-user-tickets', label: "Zendesk user's tickets", shows: 'list' },
} as const satisfies Record<string, PageKind>;

/**
 * The page at `url`, or null where no ticket list or ticket is expected (home, dashboard, admin).
 * A search is a ticket list only while its Tickets tab is selected: its Users and Organizations
 * tabs list no tickets, and must never be taken for a list SLA Lens failed to read.
 */
export function pageKind(url: URL, doc: Document): PageKind | null {
  if (isView(url)) return PAGE_KINDS.view;
  if (isTicketPage(url)) return PAGE_KINDS.ticket;
  if (isSearch(url)) return doc.querySelector(S.searchTicketsSelected) ? PAGE_KINDS.search : null;
  if (isOrganizationTickets(url)) return PAGE_KINDS.organizationTickets;
  if (isUserTickets(url)) return PAGE_KINDS.userTickets;
  return null;
}

/**
 * Conversations and editors mention tickets; hidden workspaces are mounted but not shown (the
 * same marks `isHidden` reads, as selectors: `hidden`, an inline `display: none`, a grid marked inactive).
 */
const NOT_SHOWN = `${S.richText}, [hidden], [style*="display: none"], [style*="display:none"], ${S.inactivePane}`;

/**
 * Tickets the page appears to show: its table or grid rows, and the distinct tickets its links
 * point to (`/agent/tickets/123`, `tickets/123`), whatever the markup around them; on a ticket
 * page, at least the ticket its route names. Hidden workspaces are left out.
 */
export function shownTickets(root: ParentNode, url: URL): number {
  const counted = countShownTickets(root, { linkKey: idFromLink, exclude: NOT_SHOWN });
  return isTicketPage(url) ? Math.max(counted, 1) : counted;
}

export function diagnose(root: ParentNode, url: URL): StrategyCount[] {
  return countStrategies(SURFACES, inRichText, root, url);
}

/** Route words of the agent UI (zendesk-dom.md §1); every other segment is masked. */
const MASK: UrlMask = {
  words: new Set(['agent', 'filters', 'tickets', 'search', 'home', 'dashboard', 'organizations', 'users', 'requested_tickets', 'assigned_tickets', 'ccd_tickets', 'events']),
  named: { filters: 'view', tickets: 'ticket', organizations: 'organization', users: 'user', search: 'page' },
  params: new Set(['query', 'q', 'page', 'sort_by', 'sort_order']),
  // Zendesk ids are numbers; after a route word they are named for it, elsewhere `{id}`.
  isKey: () => false,
};

export function maskZendeskUrl(url: URL): string {
  return maskUrl(url, MASK);
}
