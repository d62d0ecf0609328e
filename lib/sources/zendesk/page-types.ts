/**
 * The Zendesk agent pages SLA Lens knows, in the order they are told apart: a page type is its URL
 * shape (urls.ts), a markup test where the URL is not enough, and what the tab's status calls it.
 * Readers name the page types they run on (read-page.ts).
 */
import type { PageKind } from '../page-status';
import type { PageType } from '../strategies';
import { S } from './selectors';
import { isDashboard, isHome, isOrganizationTickets, isSearch, isTicketPage, isUserTickets, isView } from './urls';

export const PAGE_KINDS = {
  view: { id: 'zendesk-view', label: 'Zendesk view', shows: 'list' },
  ticket: { id: 'zendesk-ticket', label: 'Zendesk ticket', shows: 'ticket' },
  search: { id: 'zendesk-search', label: 'Zendesk search results', shows: 'list' },
  organizationTickets: { id: 'zendesk-organization-tickets', label: "Zendesk organization's tickets", shows: 'list' },
  userTickets: { id: 'zendesk-user-tickets', label: "Zendesk user's tickets", shows: 'list' },
} as const satisfies Record<string, PageKind>;

export const ZENDESK_PAGE_TYPES = {
  view: { name: 'view', url: [isView], kind: PAGE_KINDS.view },
  ticket: { name: 'ticket', url: [isTicketPage], kind: PAGE_KINDS.ticket },
  /**
   * A search is a ticket list only while its Tickets tab is selected: its Users and Organizations
   * tabs list no tickets, and must never be taken for a list SLA Lens failed to read. Its table is
   * read either way: which rows are tickets is decided row by row (read-table.ts), and a view's
   * pane may be mounted beside the search.
   */
  searchTickets: { name: 'search-tickets', url: [isSearch], markup: (doc) => doc.querySelector(S.searchTicketsSelected) !== null, kind: PAGE_KINDS.search },
  search: { name: 'search', url: [isSearch], kind: null },
  organizationTickets: { name: 'organization-tickets', url: [isOrganizationTickets], kind: PAGE_KINDS.organizationTickets },
  userTickets: { name: 'user-tickets', url: [isUserTickets], kind: PAGE_KINDS.userTickets },
  // The landing page and the dashboard show the agent's own tickets in the same table, but what
  // they show varies by account: known, so their readers are chosen, but never called out.
  home: { name: 'home', url: [isHome], kind: null },
  dashboard: { name: 'dashboard', url: [isDashboard], kind: null },
} as const satisfies Record<string, PageType>;

export const ZENDESK_PAGE_TYPE_ORDER: readonly PageType[] = Object.values(ZENDESK_PAGE_TYPES);
