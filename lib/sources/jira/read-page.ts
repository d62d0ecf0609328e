/**
 * Every ticket element on a Jira page, Cloud or Data Center, whatever the page type: each surface
 * (issue views, lists, queues, boards) looks for its own containers, so a modal over a board yields
 * both the card and the modal, and a child-issue table inside an issue view yields its rows. Each
 * surface is read by the first of its strategies that finds tickets (strategies.ts). Rich text
 * (descriptions, comments, editors) never yields tickets, and no element yields two.
 */
import { countStrategies, readSurfaces, type StrategyCount, type Surface } from '../strategies';
import type { FoundTicket } from '../types';
import { inRichText } from './dom';
import { readBacklogRows, readCloudCards, readDcCards } from './read-board';
import { DC_NAVIGATOR_DETAIL_STRATEGIES, DC_QUEUE_STRATEGIES } from './read-dc-lists';
import { readDetailViewCards } from './read-detail-view';
import { readCloudBreadcrumbs, readCloudSummaryHeading, readDcIssueView } from './read-issue-view';
import { readCloudNavigatorRows, readDcNavigatorRows } from './read-navigator';
import { QUEUE_STRATEGIES } from './read-queue';

/** Issue views first: an element claimed by one surface is not read again by a later one. */
export const SURFACES: readonly Surface[] = [
  {
    name: 'issue-view',
    strategies: [
      { name: 'breadcrumb', read: readCloudBreadcrumbs },
      { name: 'summary-heading', read: readCloudSummaryHeading },
    ],
  },
  { name: 'dc-issue-view', strategies: [{ name: 'key-val', read: readDcIssueView }] },
  { name: 'navigator', strategies: [{ name: 'issue-row', read: readCloudNavigatorRows }] },
  { name: 'dc-navigator', strategies: [{ name: 'issuerow', read: readDcNavigatorRows }] },
  { name: 'navigator-detail', strategies: [{ name: 'card-link', read: readDetailViewCards }] },
  { name: 'dc-navigator-detail', strategies: DC_NAVIGATOR_DETAIL_STRATEGIES },
  { name: 'queue', strategies: QUEUE_STRATEGIES },
  { name: 'dc-queue', strategies: DC_QUEUE_STRATEGIES },
  { name: 'board', strategies: [{ name: 'card', read: readCloudCards }] },
  { name: 'backlog', strategies: [{ name: 'content-container', read: readBacklogRows }] },
  { name: 'dc-board', strategies: [{ name: 'ghx-issue', read: readDcCards }] },
];

export function find(root: ParentNode, url: URL): FoundTicket[] {
  return readSurfaces(SURFACES, inRichText, root, url);
}

export function diagnose(root: ParentNode, url: URL): StrategyCount[] {
  return countStrategies(SURFACES, inRichText, root, url);
}
