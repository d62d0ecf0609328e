/**
 * Every ticket element on a Jira page, Cloud or Data Center, whatever the page type: each reader
 * looks for its own containers (one query over the root each), so a modal over a board yields
 * both the card and the modal, and a child-issue table inside an issue view yields its rows.
 * Rich text (descriptions, comments, editors) never yields tickets, and no element yields two.
 */
import type { FoundTicket } from '../types';
import { inRichText } from './dom';
import { readBacklogRows, readCloudCards, readDcCards } from './read-board';
import { readDetailViewCards } from './read-detail-view';
import { readCloudIssueViews, readDcIssueView } from './read-issue-view';
import { readCloudNavigatorRows, readDcNavigatorRows } from './read-navigator';
import { readQueueRows } from './read-queue';

type Reader = (root: ParentNode, url: URL) => FoundTicket[];

/** Issue views first: an element claimed by one reader is not read again by another. */
const READERS: readonly Reader[] = [readCloudIssueViews, readDcIssueView, readCloudNavigatorRows, readDcNavigatorRows, readDetailViewCards, readQueueRows, readCloudCards, readBacklogRows, readDcCards];

/** Strip fields the page did not show, so `dom` holds only what is there. */
function compact(dom: FoundTicket['dom']): FoundTicket['dom'] {
  return Object.fromEntries(Object.entries(dom).filter(([, v]) => v !== undefined && v !== '')) as FoundTicket['dom'];
}

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
