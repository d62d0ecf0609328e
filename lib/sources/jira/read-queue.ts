/**
 * Jira Service Management agent queues, Cloud (`/jira/servicedesk/projects/P/queues/custom/N`).
 * Built on the markup independent tools rely on today (real-markup-evidence.md §2.4), not on our
 * older notes: rows `div[role="row"]` in the `virtual-table.table.main` table, and one cell per
 * column whose testid ends `cell-wrapper-row{KEY}-{fieldId}`, which names the ticket and the
 * column in any UI language. The key cell's link may be queue-relative (`…/queues/custom/N/KEY`).
 *
 * Three strategies, most specific first: the cell testids; rows of the virtual table with a link
 * on one of Jira's issue routes; the 2025 `issue-table-container` rows, kept as a fallback.
 * Columns are read by field id only: header text is the user's language and never decides anything.
 */
import type { Strategy } from '../strategies';
import type { FoundTicket } from '../types';
import { all, text } from '../dom';
import { issueRouteLinkIn, ownerOf } from './dom';
import { parseJiraDate } from './dates';
import { S } from './selectors';
import { JIRA_PAGE_TYPES } from './page-types';

/** `…cell-wrapper-rowSUP-12-summary` → key `SUP-12`, field `summary`. */
const CELL_TESTID = /cell-wrapper-row([A-Z][A-Z0-9_]+-\d+)-(\w+)$/;

function cellTestid(cell: Element): { key: string; field: string } | null {
  const id = cell.getAttribute('data-testid') ?? cell.getAttribute('data-test-id') ?? '';
  const m = CELL_TESTID.exec(id);
  return m ? { key: m[1]!, field: m[2]! } : null;
}

/** What the cells of one row show, by field id. */
function domOf(key: string, cells: ReadonlyMap<string, Element>, row: Element): FoundTicket['dom'] {
  // Only the Created column's own date: a lone date elsewhere in the row may be any other date.
  const created = parseJiraDate(cells.get('created')?.querySelector(S.datetime)?.getAttribute('datetime'));
  const status = cells.get('status');
  return {
    ...ownerOf(key),
    title: text(cells.get('summary')),
    // The lozenge's own text when there is one; the at-rest status button has no testid (JC v3.29).
    status: text(status?.querySelector(S.statusLozengeText) ?? status) ?? text(row.querySelector(S.statusLozengeText)),
    ...(created !== null ? { created } : {}),
  };
}

/** The element that shows the key inside the key cell: its issue link, else the cell. */
function keyAnchor(cell: Element, key: string): Element {
  const link = issueRouteLinkIn(cell);
  if (link && link.key === key) return link.link;
  return [...cell.querySelectorAll('*')].find((el) => text(el) === key && el.children.length === 0) ?? cell;
}

/** Strategy 1: every `cell-wrapper-row{KEY}-{field}` cell, grouped by the row it sits in. */
export function readQueueCells(root: ParentNode): FoundTicket[] {
  const rows = new Map<Element, { key: string; cells: Map<string, Element> }>();
  for (const cell of all(root, S.queueCellWrapper)) {
    const parsed = cellTestid(cell);
    if (!parsed) continue;
    const row = cell.closest(S.queueRow) ?? cell.parentElement;
    if (!row) continue;
    const entry = rows.get(row) ?? { key: parsed.key, cells: new Map() };
    // One row, one ticket: a cell naming another key is not this row's.
    if (entry.key !== parsed.key) continue;
    if (!entry.cells.has(parsed.field)) entry.cells.set(parsed.field, cell);
    rows.set(row, entry);
  }
  const found: FoundTicket[] = [];
  for (const [row, { key, cells }] of rows) {
    const keyCell = cells.get('issuekey');
    const link = issueRouteLinkIn(row);
    const anchor = keyCell ? keyAnchor(keyCell, key) : link?.key === key ? link.link : [...cells.values()][0]!;
    found.push({ key, element: row, anchor, dom: domOf(key, cells, row) });
  }
  return found;
}

/** Rows matching `rows`, each named by a link on one of Jira's issue routes (cells read by testid when present). */
function readRowsByLink(root: ParentNode, rows: string, keep: (row: Element) => boolean = () => true): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const row of all(root, rows)) {
    if (row.querySelector('[role="columnheader"]') || !keep(row)) continue;
    const hit = issueRouteLinkIn(row);
    if (!hit) continue;
    const cells = new Map<string, Element>();
    for (const cell of row.querySelectorAll(S.queueCellWrapper)) {
      const parsed = cellTestid(cell);
      if (parsed?.key === hit.key && !cells.has(parsed.field)) cells.set(parsed.field, cell);
    }
    found.push({ key: hit.key, element: row, anchor: hit.link, dom: domOf(hit.key, cells, row) });
  }
  return found;
}

const inside = (outer: string, inner: string) =>
  outer
    .split(', ')
    .map((o) => `${o} ${inner}`)
    .join(', ');

/** Strategy 2: rows of the queue's virtual table (FT 2026-03). */
export const readVirtualTableRows = (root: ParentNode): FoundTicket[] => readRowsByLink(root, inside(S.queueVirtualTable, S.queueRow));

/** Strategy 3: the 2025 markup (CB): rows inside `[data-vc="issue-table-container"]`. */
export const readIssueTableContainerRows = (root: ParentNode): FoundTicket[] => readRowsByLink(root, inside(S.queueTable, S.queueRow));

/** Strategy 4, on queues only: any grid row that links to an issue, whatever its container. */
export const readAnyQueueRow = (root: ParentNode): FoundTicket[] => readRowsByLink(root, S.queueRow);

export const QUEUE_STRATEGIES: readonly Strategy[] = [
  { name: 'cell-testid', read: readQueueCells },
  { name: 'virtual-table-row', read: readVirtualTableRows },
  { name: 'issue-table-container', read: readIssueTableContainerRows },
  { name: 'grid-row-link', read: readAnyQueueRow, on: [JIRA_PAGE_TYPES.queue] },
];
