/**
 * Jira Service Management agent queues, Cloud 2025 markup (jira-dom.md §3.3, CB): `div[role=row]`
 * rows in `[data-vc="issue-table-container"]`. The queue's columns are the admin's choice, so the
 * cells for Summary, Request Type, Assignee and Created are located through the same table's
 * header row (rule 7), and the status by its lozenge testid.
 */
import type { FoundTicket } from '../types';
import { all, keyLinkIn, projectOf, text } from './dom';
import { parseJiraDate } from './dates';
import { S } from './selectors';

type Column = 'summary' | 'request type' | 'assignee' | 'created';
const COLUMNS: readonly Column[] = ['summary', 'request type', 'assignee', 'created'];

const cellsOf = (row: Element): Element[] => [...row.children].filter((c) => c.matches(S.queueCell));

/** Column name → cell index, from the first row that has column headers. */
function headerMap(table: Element): Map<Column, number> {
  const map = new Map<Column, number>();
  const header = [...table.querySelectorAll(S.queueRow)].find((r) => r.querySelector(S.queueHeader));
  const headers = header ? [...header.children].filter((c) => c.matches(S.queueHeader)) : [];
  headers.forEach((h, i) => {
    const name = text(h)?.toLowerCase() ?? '';
    const column = COLUMNS.find((c) => name === c || name.startsWith(`${c} `));
    if (column && !map.has(column)) map.set(column, i);
  });
  return map;
}

export function readQueueRows(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  // A subtree added inside a table (new rows) still needs that table's header row.
  const tables = new Set(all(root, S.queueTable));
  if (tables.size === 0 && 'closest' in root) {
    const table = (root as Element).closest(S.queueTable);
    if (table) tables.add(table);
  }
  for (const table of tables) {
    const columns = headerMap(table);
    for (const row of all(root, S.queueRow)) {
      if (row.closest(S.queueTable) !== table) continue;
      const hit = keyLinkIn(row);
      if (!hit) continue;
      const cells = cellsOf(row);
      const cell = (c: Column) => {
        const i = columns.get(c);
        return i === undefined ? undefined : cells[i];
      };
      const assignee = text(cell('assignee'));
      const created = parseJiraDate(cell('created')?.querySelector(S.datetime)?.getAttribute('datetime'));
      found.push({
        key: hit.key,
        element: row,
        anchor: hit.link,
        dom: {
          project: projectOf(hit.key),
          title: text(cell('summary')),
          requestType: text(cell('request type')),
          status: text(row.querySelector(S.statusLozengeText)),
          assignee: assignee === 'Unassigned' ? undefined : assignee,
          ...(created !== null ? { created } : {}),
        },
      });
    }
  }
  return found;
}
