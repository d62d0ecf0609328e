/**
 * Issue navigator rows: Cloud's `native-issue-table` (jira-dom.md §3.2; also child-issue tables)
 * and Data Center's `table#issuetable` (§4.2). Columns are the user's choice, so every cell is
 * found by its own testid or `td.<fieldId>` class inside the row, never by position (rule 7).
 * One query over the root for the rows, then only row-scoped queries: 1,000 rows stay cheap.
 */
import type { FoundTicket } from '../types';
import { all, text } from '../dom';
import { keyAttr, keyLinkIn, ownerOf, priorityOf } from './dom';
import { parseJiraDate } from './dates';
import { S } from './selectors';

export function readCloudNavigatorRows(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const row of all(root, S.navigatorRow)) {
    const hit = keyLinkIn(row, S.navigatorKey) ?? keyLinkIn(row);
    if (!hit) continue;
    found.push({
      key: hit.key,
      element: row,
      anchor: hit.link,
      dom: {
        ...ownerOf(hit.key),
        title: text(row.querySelector(S.navigatorSummary)),
        status: text(row.querySelector(S.statusLozengeText)),
        priority: priorityOf(row.querySelector(S.priorityField)),
        issueType: row.querySelector(S.navigatorWorkCell)?.querySelector('img[alt]')?.getAttribute('alt') || undefined,
      },
    });
  }
  return found;
}

export function readDcNavigatorRows(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const row of all(root, S.dcRow)) {
    const key = keyAttr(row, 'data-issuekey');
    if (!key) continue;
    const keyLink = row.querySelector(S.dcRowKey);
    const created = parseJiraDate(row.querySelector(S.dcRowCreated)?.getAttribute('datetime'));
    const assignee = text(row.querySelector(S.dcRowAssignee));
    found.push({
      key,
      element: row,
      anchor: keyLink ?? keyLinkIn(row)?.link ?? row.firstElementChild ?? row,
      dom: {
        ...ownerOf(key),
        title: text(row.querySelector(S.dcRowSummary)),
        status: text(row.querySelector(S.dcRowStatus)),
        priority: priorityOf(row.querySelector(S.dcRowPriority)),
        issueType: row.querySelector(S.dcRowType)?.getAttribute('alt') || undefined,
        assignee: assignee === 'Unassigned' ? undefined : assignee,
        ...(created !== null ? { created } : {}),
      },
    });
  }
  return found;
}
