/**
 * Ticket rows of the generic table: views (`/agent/filters/{id}`, zendesk-dom.md §3) and search
 * results (§4) share it. Columns are the agent's choice, in any order: a cell is found by its own
 * test-id, or through the header of its own table (Priority, Requested and Group have none),
 * never by a fixed position (rule 3). Group-by rows are not ticket rows and are never read.
 * One query over the root for the rows, then only row-scoped work.
 */
import type { FoundTicket } from '../types';
import { all, idFromHashText, idFromLink, instantOf, oneOf, PRIORITIES, statusOf, text, TYPES } from './dom';
import { S } from './selectors';
import { isValidTicketKey } from './urls';

/** English header labels of the columns without a test-id of their own (only English was observed, §9.5). */
const HEADER_COLUMNS: Readonly<Record<string, 'priority' | 'created' | 'group'>> = {
  priority: 'priority',
  requested: 'created',
  created: 'created',
  group: 'group',
};

type Column = (typeof HEADER_COLUMNS)[string];

interface Header {
  /** Column → cell index, from this table's own header row. */
  index: Partial<Record<Column, number>>;
  cells: number;
}

const cellsOf = (row: Element): Element[] => [...row.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH');

function headerOf(table: Element | null, headers: Map<Element, Header | null>): Header | null {
  if (!table) return null;
  if (headers.has(table)) return headers.get(table)!;
  let header: Header | null = null;
  const row = table.querySelector(S.headerRow);
  if (row) {
    const cells = cellsOf(row);
    const index: Header['index'] = {};
    cells.forEach((cell, i) => {
      const column = HEADER_COLUMNS[(text(cell) ?? '').toLowerCase()];
      // Two columns with one label: which is which is unknown, so neither is read.
      if (column) index[column] = index[column] === undefined ? i : -1;
    });
    header = { index, cells: cells.length };
  }
  headers.set(table, header);
  return header;
}

/**
 * The row's ticket id from every stable place it shows (rule 6): the row's `aria-describedby`,
 * the id cell `#123`, the subject link. Places that disagree make the row unreadable.
 */
function idOf(row: Element): string | null {
  const ids = new Set<string>();
  const described = /(?:^|\s)generic-table-row-(\d+)(?:\s|$)/.exec(row.getAttribute('aria-describedby') ?? '')?.[1];
  if (described !== undefined) ids.add(described);
  const cell = row.querySelector(S.idCell);
  if (cell) ids.add(idFromHashText(cell) ?? '');
  const link = row.querySelector(S.subjectLink);
  if (link) ids.add(idFromLink(link) ?? '');
  ids.delete('');
  const [id] = ids;
  return ids.size === 1 && isValidTicketKey(id!) ? id! : null;
}

export function readTableRows(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  const headers = new Map<Element, Header | null>();
  for (const row of all(root, S.row)) {
    const key = idOf(row);
    if (!key) continue;
    const link = row.querySelector(S.subjectLink);
    const badge = row.querySelector(S.statusBadge);
    // Where the eye is: after the subject, else after the status, else by the row's checkbox.
    const anchor = link ?? badge?.closest('td > *') ?? row.querySelector(S.selectable);
    if (!anchor) continue;
    const header = headerOf(row.closest('table'), headers);
    const cells = cellsOf(row);
    // A row whose cells do not line up with its header (a spanning cell) is read by test-ids only.
    const cellFor = (column: Column) => {
      const i = header && header.cells === cells.length ? header.index[column] : undefined;
      return i !== undefined && i >= 0 ? cells[i] : undefined;
    };
    const assignee = text(row.querySelector(S.assigneeCell));
    const group = text(cellFor('group'));
    found.push({
      key,
      element: row,
      anchor,
      dom: {
        title: text(link),
        status: statusOf(badge),
        priority: oneOf(PRIORITIES, text(cellFor('priority'))),
        issueType: oneOf(TYPES, text(row.querySelector(S.typeCell))),
        assignee: assignee === '-' ? undefined : assignee,
        group: group === '-' ? undefined : group,
        created: instantOf(cellFor('created')?.querySelector('time[datetime]')),
      },
    });
  }
  return found;
}
