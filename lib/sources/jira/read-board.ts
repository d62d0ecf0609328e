/**
 * Board and backlog cards: Cloud `platform-board-kit` cards (jira-dom.md §3.4), the Cloud backlog
 * (§3.5) and Data Center `ghx` cards (§4.3). A card's status is only its column, and a column
 * can hold several statuses, so no status is read from the board.
 */
import type { FoundTicket } from '../types';
import { all, text } from '../dom';
import { keyAttr, keyLinkIn, ownerOf, priorityOf } from './dom';
import { S } from './selectors';
import { isValidIssueKey } from './urls';

/** `card-KEY`: the id of a Cloud card root (G; JA). */
const CARD_ID = /^card-([A-Z][A-Z0-9_]+-\d+)$/;
/** The backlog row's testid ends in the key (G2 `jira-cart.user.js`). */
const BACKLOG_TESTID = /\.content-container\.([A-Z][A-Z0-9_]+-\d+)$/;

export function readCloudCards(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const card of all(root, S.boardCard)) {
    const hit = keyLinkIn(card);
    const key = hit?.key ?? CARD_ID.exec(card.id)?.[1];
    if (!key) continue;
    found.push({
      key,
      element: card,
      anchor: hit?.link ?? card,
      dom: {
        ...ownerOf(key),
        title: text(card.querySelector(S.boardCardSummary)),
        priority: priorityOf(card.querySelector(S.boardCardPriority)),
      },
    });
  }
  return found;
}

export function readBacklogRows(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const row of all(root, S.backlogRow)) {
    const testid = row.getAttribute('data-testid') ?? row.getAttribute('data-test-id') ?? '';
    const hit = keyLinkIn(row);
    const key = hit?.key ?? BACKLOG_TESTID.exec(testid)?.[1];
    if (!key || !isValidIssueKey(key)) continue;
    // "KEY Summary" for screen readers: the summary is what follows the key.
    const spoken = text(row.querySelector(S.backlogScreenReaderKey));
    const title = spoken?.startsWith(`${key} `) ? spoken.slice(key.length + 1).trim() : undefined;
    found.push({ key, element: row, anchor: hit?.link ?? row, dom: { ...ownerOf(key), title } });
  }
  return found;
}

export function readDcCards(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const card of all(root, S.dcCard)) {
    const key = keyAttr(card, 'data-issue-key');
    if (!key) continue;
    const summary = card.querySelector(S.dcCardSummary);
    const type = card
      .querySelector(S.dcCardType)
      ?.getAttribute('title')
      ?.replace(/^Type:\s*/i, '');
    found.push({
      key,
      element: card,
      anchor: card.querySelector(S.dcCardKeyLink) ?? card.querySelector(S.dcCardKey) ?? card,
      dom: { ...ownerOf(key), title: summary?.getAttribute('title') || text(summary), issueType: type || undefined },
    });
  }
  return found;
}
