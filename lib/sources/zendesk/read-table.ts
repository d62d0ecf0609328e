/**
 * Ticket rows of the generic table: views (`/agent/filters/{id}`, zendesk-dom.md §3) and search
 * results (§4) share it. A row shows its ticket's id in up to three places (rule 6): its
 * `aria-describedby`, the id cell `#123`, the subject link `tickets/123`. Each strategy finds rows by
 * one of them, most widely used first; whichever finds the row, every place the row shows must
 * agree, or the row is not read. Group-by rows name no ticket and are never read.
 *
 * What a row shows besides its id is read only where a locale-free hook says what it is: the
 * subject link, the status badge's test id, the assignee cell's test id. Priority, type, group and
 * the dates are not read: their cells have no test id of their own (priority, group), their values
 * are translated words (priority, type), or one test id serves every date column and only the
 * header's translated label says which is Requested (§3.2). The REST API supplies them all.
 */
import type { Reader } from '../strategies';
import type { FoundTicket } from '../types';
import { all, text } from '../dom';
import { idFromHashText, idFromLink, statusOf } from './dom';
import { S } from './selectors';
import { isValidTicketKey } from './urls';

type Place = 'describedBy' | 'idCell' | 'link';

/** The ids a row shows, by place; a place shown but not readable as an id counts as absent. */
function idsOf(row: Element): Partial<Record<Place, string>> {
  const ids: Partial<Record<Place, string>> = {};
  const described = /(?:^|\s)generic-table-row-(\d+)(?:\s|$)/.exec(row.getAttribute('aria-describedby') ?? '')?.[1];
  if (described !== undefined) ids.describedBy = described;
  const cell = idFromHashText(row.querySelector(S.idCell));
  if (cell) ids.idCell = cell;
  const link = idFromLink(row.querySelector(S.subjectLink));
  if (link) ids.link = link;
  return ids;
}

/** The one id every place agrees on, or null (places that disagree make the row unreadable). */
function agreed(ids: Partial<Record<Place, string>>): string | null {
  const distinct = new Set(Object.values(ids));
  const [id] = distinct;
  return distinct.size === 1 && isValidTicketKey(id!) ? id! : null;
}

/**
 * Which rows may be read as tickets. A search lists tickets, users or organizations in the same
 * generic table, one tab at a time; a user's id in `aria-describedby` looks like a ticket's. So a
 * row inside a search is read only while that search's Tickets tab is selected, and then only
 * inside its tickets' results (`div[id^="search-ticket-"]`, holatuwol) when those are marked. A
 * page without search tabs (views, and a search whose tabs are not marked) is read as it is.
 */
function rowFilter(root: ParentNode): (row: Element) => boolean {
  // Tabs may sit outside `root` (a re-rendered tbody): the whole document is asked.
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const tabs = [...doc.querySelectorAll(S.searchTab)];
  if (tabs.length === 0) return () => true;
  // A search's scope: the nearest element around its tabs that also holds a table. Never the
  // body: a search still loading must not gate a view elsewhere on the page.
  const scopes = new Map<Element, boolean>();
  for (const tab of tabs) {
    let scope = tab.parentElement;
    while (scope && scope !== doc.body && !scope.querySelector('table, [role="row"]')) scope = scope.parentElement;
    if (!scope || scope === doc.body || scopes.has(scope)) continue;
    scopes.set(scope, scope.querySelector(S.searchTicketsSelected) !== null);
  }
  return (row) => {
    for (const [scope, tickets] of scopes) {
      if (!scope.contains(row)) continue;
      if (!tickets) return false;
      const results = scope.querySelectorAll(S.searchTicketResults);
      return results.length === 0 || [...results].some((r) => r.contains(row));
    }
    return true;
  };
}

function rowTicket(row: Element, key: string): FoundTicket | null {
  const link = row.querySelector(S.subjectLink);
  const badge = row.querySelector(S.statusBadge);
  // Where the eye is: after the subject, else after the status, else by the row's checkbox.
  const anchor = link ?? badge?.closest('td > *') ?? row.querySelector(S.selectable);
  if (!anchor) return null;
  const assignee = text(row.querySelector(S.assigneeCell));
  return {
    key,
    element: row,
    anchor,
    dom: {
      title: text(link),
      status: statusOf(badge),
      // A name is the same in every language; "-" is the table's own "nobody".
      assignee: assignee === '-' ? undefined : assignee,
    },
  };
}

/** Rows matching `selector` that show an id at `place`, read when every place agrees. */
function rowsBy(place: Place, selector: string): Reader {
  return (root) => {
    const readable = rowFilter(root);
    const found: FoundTicket[] = [];
    for (const row of all(root, selector)) {
      const ids = idsOf(row);
      if (ids[place] === undefined) continue;
      const key = agreed(ids);
      if (!key || !readable(row)) continue;
      const ticket = rowTicket(row, key);
      if (ticket) found.push(ticket);
    }
    return found;
  };
}

/** `aria-describedby="generic-table-row-{id}"`: Z, TK, bryanvillarin (2026, views and search). */
export const readRowsByDescribedBy: Reader = rowsBy('describedBy', `${S.row}, ${S.describedRow}`);

/** The id cell `#123`: holatuwol (2024), TK. */
export const readRowsByIdCell: Reader = rowsBy('idCell', S.row);

/** The subject link `tickets/123`: holatuwol (2024), the only id a search row showed in 2024. */
export const readRowsBySubjectLink: Reader = rowsBy('link', S.row);
