/**
 * Every ticket element on a Zendesk agent page, whatever the page: the visible ticket's header,
 * the tabs bar, and the rows of views and search results. Rich text (the conversation, editors)
 * never yields tickets, and no element yields two.
 */
import type { FoundTicket } from '../types';
import { compact, inRichText } from './dom';
import { readTableRows } from './read-table';
import { readTabs, readTicketHeader } from './read-ticket';

type Reader = (root: ParentNode, url: URL) => FoundTicket[];

const READERS: readonly Reader[] = [readTicketHeader, readTabs, readTableRows];

export function find(root: ParentNode, url: URL): FoundTicket[] {
  const seen = new Set<Element>();
  const found: FoundTicket[] = [];
  for (const read of READERS) {
    for (const ticket of read(root, url)) {
      if (seen.has(ticket.element) || inRichText(ticket.element)) continue;
      seen.add(ticket.element);
      found.push({ ...ticket, dom: compact(ticket.dom) });
    }
  }
  return found;
}
