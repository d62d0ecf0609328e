/**
 * The Cloud issue navigator's detail view (`/issues/?jql=…&selectedIssue=KEY`, jira-dom.md §3.2):
 * a list of cards on the left, each one ticket; the open issue on the right is the ordinary issue
 * view (§3.1), read by read-issue-view.ts, as for a modal over a board. The card testids are
 * reported (R), not verified, and no key testid is reported: the key comes from the card link's
 * `/browse/` href (or its `selectedIssue=`), else the card's own key text, and the badge goes next
 * to the element showing the key.
 */
import type { FoundTicket } from '../types';
import { all, text } from '../dom';
import { keyFromLink, ownerOf } from './dom';
import { S } from './selectors';
import { isValidIssueKey } from './urls';

/** The key a card link points to: `/browse/KEY`, else a `selectedIssue=KEY` link back into the navigator. */
function keyFromCardLink(link: Element): string | null {
  const fromBrowse = keyFromLink(link);
  if (fromBrowse) return fromBrowse;
  const href = (link as HTMLAnchorElement).href || link.getAttribute('href');
  if (!href) return null;
  try {
    const selected = new URL(href, link.ownerDocument.baseURI).searchParams.get('selectedIssue') ?? '';
    return isValidIssueKey(selected) ? selected : null;
  } catch {
    return null;
  }
}

/** The innermost element inside `link` whose text is `key` (any valid key when `key` is null). */
function keyElementIn(link: Element, key: string | null): { key: string; element: Element } | null {
  const matches = (el: Element): string | null => {
    const t = text(el);
    return t !== undefined && (key === null ? isValidIssueKey(t) : t === key) ? t : null;
  };
  for (const el of link.querySelectorAll('*')) {
    const found = matches(el);
    if (found && ![...el.children].some((child) => matches(child))) return { key: found, element: el };
  }
  const own = matches(link);
  return own ? { key: own, element: link } : null;
}

export function readDetailViewCards(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const link of all(root, S.detailCardLink)) {
    const hrefKey = keyFromCardLink(link);
    const shown = keyElementIn(link, hrefKey);
    const key = hrefKey ?? shown?.key;
    if (!key) continue;
    // The `li` is the card; a link without one (markup change) is its own card.
    const card = link.closest(S.detailCardItem) ?? link;
    found.push({
      key,
      element: card,
      anchor: shown?.element ?? link,
      dom: { ...ownerOf(key), title: text(card.querySelector(S.detailCardSummary)) },
    });
  }
  return found;
}
