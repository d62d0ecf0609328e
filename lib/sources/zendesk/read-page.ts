/**
 * Every ticket element on a Zendesk agent page, whatever the page: the header of the ticket on
 * screen, the tabs bar, and the rows of views and search results. Each is a surface read by an
 * ordered list of strategies (../strategies.ts): the first that finds tickets wins, and the
 * diagnostics count what each one finds. Rich text (the conversation, editors) never yields
 * tickets, and no element yields two. No strategy needs a word of the UI's language.
 */
import { readSurfaces, type Surface } from '../strategies';
import type { FoundTicket } from '../types';
import { inRichText } from './dom';
import { readRowsByDescribedBy, readRowsByIdCell, readRowsBySubjectLink } from './read-table';
import { readActivePane, readEntityTabs, readSubtitleTabs, readVisibleRoot } from './read-ticket';

export const SURFACES: readonly Surface[] = [
  {
    name: 'ticket-header',
    strategies: [
      { name: 'active-pane', read: readActivePane },
      { name: 'visible-root', read: readVisibleRoot },
    ],
  },
  {
    name: 'tabs',
    strategies: [
      { name: 'entity-id', read: readEntityTabs },
      { name: 'subtitle-hash', read: readSubtitleTabs },
    ],
  },
  {
    name: 'table',
    strategies: [
      { name: 'aria-describedby', read: readRowsByDescribedBy },
      { name: 'id-cell', read: readRowsByIdCell },
      { name: 'subject-link', read: readRowsBySubjectLink },
    ],
  },
];

export function find(root: ParentNode, url: URL): FoundTicket[] {
  return readSurfaces(SURFACES, inRichText, root, url);
}
