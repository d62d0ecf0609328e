/**
 * How many tickets a Zendesk page appears to show, and its URL masked for the structure-only
 * diagnostics (../page-status.ts); which page it is: page-types.ts. None of it needs a word of the
 * UI's language: routes, test ids and links.
 */
import { maskUrl, type UrlMask } from '../page-status';
import { countShownTickets } from '../shown';
import { idFromLink } from './dom';
import { S } from './selectors';
import { isTicketPage } from './urls';

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
