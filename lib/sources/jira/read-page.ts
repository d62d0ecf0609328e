/**
 * Every ticket element on a Jira page, Cloud or Data Center, whatever the page type: each reader
 * looks for its own containers (one query over the root each), so a modal over a board yields
 * both the card and the modal, and a child-issue table inside an issue view yields its rows.
 * Rich text (descriptions, comments, editors) never yields tickets, and no element yields two.
 */
import { readAll, type Reader } from '../read-page';
import type { FoundTicket } from '../types';
import { inRichText } from './dom';
import { readBacklogRows, readCloudCards, readDcCards } from './read-board';
import { readDetailViewCards } from './read-detail-view';
import { readCloudIssueViews, readDcIssueView } from './read-issue-view';
import { readCloudNavigatorRows, readDcNavigatorRows } from './read-navigator';
import { readQueueRows } from './read-queue';

/** Issue views first: an element claimed by one reader is not read again by another. */
const READERS: readonly Reader[] = [readCloudIssueViews, readDcIssueView, readCloudNavigatorRows, readDcNavigatorRows, readDetailViewCards, readQueueRows, readCloudCards, readBacklogRows, readDcCards];

export function find(root: ParentNode, url: URL): FoundTicket[] {
  return readAll(READERS, inRichText, root, url);
}
