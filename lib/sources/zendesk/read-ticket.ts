/**
 * The ticket page (`/agent/tickets/{id}`, zendesk-dom.md §5): the visible ticket's header, and
 * every tab of the tabs bar. Every open ticket stays mounted with its own root; only the visible
 * one is the ticket the agent looks at, so hidden roots are never read (rule 8): one header badge,
 * however many tabs are open. Tabs show only a title and `#id`, so they carry nothing else.
 */
import type { FoundTicket } from '../types';
import { all, idFromHashText, inRichText, isHidden, oneOf, PRIORITIES, statusOf, text } from './dom';
import { S } from './selectors';
import { isValidTicketKey, ticketIdFromUrl } from './urls';

const rootId = (root: Element): string | null => {
  const id = root.getAttribute('data-side-conversations-anchor-id')?.trim() ?? '';
  return isValidTicketKey(id) ? id : null;
};

/** The visible ticket's root; when several look visible, the one the URL names. */
function visibleRoot(root: ParentNode, url: URL): Element | null {
  const visible = all(root, S.ticketRoot).filter((r) => rootId(r) !== null && !inRichText(r) && !isHidden(r));
  if (visible.length === 1) return visible[0]!;
  const fromUrl = ticketIdFromUrl(url);
  return visible.find((r) => rootId(r) === fromUrl) ?? null;
}

export function readTicketHeader(root: ParentNode, url: URL): FoundTicket[] {
  const ticket = visibleRoot(root, url);
  const key = ticket && rootId(ticket);
  if (!ticket || !key) return [];
  // Next to the subject, where Zendesk puts its own SLA tag (§5.2).
  const anchor = ticket.querySelector(S.subjectInput) ?? ticket.querySelector(S.navItemTicket);
  if (!anchor) return [];
  const subject = (anchor as HTMLInputElement).value;
  return [
    {
      key,
      element: ticket,
      anchor,
      isTicketView: true,
      dom: {
        title: typeof subject === 'string' && subject.trim() !== '' ? subject.trim() : undefined,
        status: statusOf(ticket.querySelector(S.statusView)?.querySelector(S.statusBadge)),
        priority: oneOf(PRIORITIES, text(ticket.querySelector(S.priorityValue))),
      },
    },
  ];
}

/** One per tab that names a ticket (`#123` in its subtitle); search and user tabs name none. */
export function readTabs(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const tab of all(root, S.tab)) {
    const number = tab.querySelector(S.tabSubtitle)?.firstElementChild;
    const key = idFromHashText(number);
    if (!number || !key) continue;
    found.push({ key, element: tab, anchor: number, dom: { title: text(tab.querySelector(S.tabTitle)) } });
  }
  return found;
}
