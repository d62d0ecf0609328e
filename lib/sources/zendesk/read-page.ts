/**
 * Every ticket element on a Zendesk agent page, whatever the page: the visible ticket's header,
 * the tabs bar, and the rows of views and search results. Rich text (the conversation, editors)
 * never yields tickets, and no element yields two.
 */
import type { FoundTicket } from '../types';
import { readAll, type Reader } from '../read-page';
import { inRichText } from './dom';
import { readTableRows } from './read-table';
import { readTabs, readTicketHeader } from './read-ticket';

const READERS: readonly Reader[] = [readTicketHeader, readTabs, readTableRows];

export function find(root: ParentNode, url: URL): FoundTicket[] {
  return readAll(READERS, inRichText, root, url);
}
