/**
 * Every ticket element on a Zendesk agent page, whatever the page: the header of the ticket on
 * screen, the tabs bar, and the rows of views and search results. Each is a surface read by an
 * ordered list of strategies (../strategies.ts): the first that finds tickets wins, and the
 * diagnostics count what each one finds. Each surface runs on the page types it names
 * (page-types.ts). Rich text (the conversation, editors) never yields tickets, and no element
 * yields two. No strategy needs a word of the UI's language.
 */
import type { PageKind } from '../page-status';
import { diagnosePage, pageTypeOf, readPage, type SiteReader, type StrategyCount, type Surface } from '../strategies';
import type { FoundTicket } from '../types';
import { inRichText } from './dom';
import { ZENDESK_PAGE_TYPE_ORDER, ZENDESK_PAGE_TYPES as T } from './page-types';
import { readRowsByDescribedBy, readRowsByIdCell, readRowsBySubjectLink } from './read-table';
import { readActivePane, readEntityTabs, readSubtitleTabs, readVisibleRoot } from './read-ticket';

export const SURFACES: readonly Surface[] = [
  {
    name: 'ticket-header',
    on: [T.ticket],
    strategies: [
      { name: 'active-pane', read: readActivePane },
      { name: 'visible-root', read: readVisibleRoot },
    ],
  },
  // The tabs bar is on every agent page.
  {
    name: 'tabs',
    on: 'anywhere',
    strategies: [
      { name: 'entity-id', read: readEntityTabs },
      { name: 'subtitle-hash', read: readSubtitleTabs },
    ],
  },
  {
    name: 'table',
    on: [T.view, T.searchTickets, T.search, T.organizationTickets, T.userTickets, T.home, T.dashboard],
    strategies: [
      { name: 'aria-describedby', read: readRowsByDescribedBy },
      { name: 'id-cell', read: readRowsByIdCell },
      { name: 'subject-link', read: readRowsBySubjectLink },
    ],
  },
];

export const ZENDESK_READER: SiteReader = { pageTypes: ZENDESK_PAGE_TYPE_ORDER, surfaces: SURFACES, inRichText };

export function find(root: ParentNode, url: URL): FoundTicket[] {
  return readPage(ZENDESK_READER, root, url);
}

export function diagnose(root: ParentNode, url: URL): StrategyCount[] {
  return diagnosePage(ZENDESK_READER, root, url);
}

/** The page at `url`, or null where no ticket list or ticket is expected (home, dashboard, admin). */
export function pageKind(url: URL, doc: Document): PageKind | null {
  return pageTypeOf(ZENDESK_READER, url, doc)?.kind ?? null;
}
