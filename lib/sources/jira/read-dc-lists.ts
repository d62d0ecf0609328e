/**
 * Data Center lists that had no reader: the issue navigator's detail ("split") view and the JSM
 * queue (real-markup-evidence.md §2.8, §2.10). Every key comes from an attribute (`data-key`,
 * `data-issue-key`) or a link on one of Jira's issue routes, never from words on the page, so the
 * readers work in any UI language.
 *
 * Detail view: DC keeps each user's list/detail choice, and serves the detail view at
 * `/issues/?jql=…` and at `/browse/KEY?jql=…` alike (a public scraper fetches the latter and reads
 * `ol.issue-list li`). The cards on the left are read here; the open issue on the right is the
 * ordinary DC issue view (`#key-val`), read by read-issue-view.ts: a public Selenium script clicks
 * each `a.splitview-issue-link` and then waits for `a#key-val`, and a plugin that rebuilds the split
 * view renders `a.issue-link#key-val` in its header.
 *
 * JSM queue: only the `.queue-react-table-container` and its `.issue-link` elements are seen in
 * public code, never the rows, so a row is whatever table or grid row inside the container holds
 * the links, and without one the links of one issue make one ticket.
 */
import type { Strategy } from '../strategies';
import type { FoundTicket } from '../types';
import { all, isElement, text } from '../dom';
import { keyAttr, keyFromIssueRoute, ownerOf } from './dom';
import { S } from './selectors';
import { JIRA_PAGE_TYPES } from './page-types';

/** The key a card link names: `data-key` (seen on rebuilt cards), `data-issue-key`, else its issue route. */
const cardLinkKey = (link: Element): string | null => keyAttr(link, 'data-key') ?? keyAttr(link, 'data-issue-key') ?? keyFromIssueRoute(link);

/**
 * Every `inner` element inside a `box` under `root`. A root that already sits in a box (a row
 * mounted later) is queried for `inner` alone: some DOM engines (happy-dom) match `box inner` only
 * when the box is inside the root.
 */
function within(root: ParentNode, box: string, inner: string): Element[] {
  return isElement(root) && root.closest(box) ? all(root, inner) : all(root, `${box} ${inner}`);
}

/** The innermost element under `scope` whose whole text is `key` (the last match: descendants follow their ancestors). */
function keyElementIn(scope: Element, key: string): Element | null {
  let found: Element | null = null;
  for (const el of scope.querySelectorAll('*')) {
    if (text(el) === key) found = el;
  }
  return found;
}

function cardTicket(key: string, card: Element, link: Element | null): FoundTicket {
  // The key span holds the type icon and `&nbsp;KEY`; its text is the key once trimmed.
  const keySpan = card.querySelector(S.dcIssueLinkKey);
  const anchor = keySpan && text(keySpan) === key ? keySpan : (keyElementIn(card, key) ?? keySpan ?? link ?? card);
  // The `li` carries the summary in `title` too (the saved card; a scraper reads `li[title]`).
  const title = text(card.querySelector(S.dcIssueLinkSummary)) ?? (card.matches(S.dcIssueListCard) ? card.getAttribute('title')?.trim() || undefined : undefined);
  return {
    key,
    element: card,
    anchor,
    dom: { ...ownerOf(key), title, issueType: card.querySelector(S.dcCardTypeIcon)?.getAttribute('alt') || undefined },
  };
}

/** Detail view, strategy 1: `ol.issue-list > li[data-key]`, the key from the card's own attribute. */
export function readIssueListItems(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const li of all(root, S.dcIssueListItem)) {
    const key = keyAttr(li, 'data-key');
    if (key) found.push(cardTicket(key, li, li.querySelector(S.dcSplitviewLink)));
  }
  return found;
}

/** Detail view, strategy 2: every `a.splitview-issue-link`, wherever the list sits; the card is its `li`, else the link. */
export function readSplitviewLinks(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  const seen = new Set<Element>();
  for (const link of all(root, S.dcSplitviewLink)) {
    const key = cardLinkKey(link);
    const card = link.closest(S.dcIssueListCard) ?? link;
    if (!key || seen.has(card)) continue;
    seen.add(card);
    found.push(cardTicket(key, card, link));
  }
  return found;
}

/** Detail view, strategy 3: each `span.issue-link-key` of the card list, the key from its card's `data-key` or its link's route. */
export function readIssueLinkKeys(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  const seen = new Set<Element>();
  for (const span of within(root, S.dcIssueList, S.dcIssueLinkKey)) {
    const link = span.closest(S.anyLink) ?? span.querySelector(S.anyLink);
    const card = span.closest(S.dcIssueListCard) ?? link ?? span;
    const key = keyAttr(card, 'data-key') ?? (link ? cardLinkKey(link) : null);
    if (!key || seen.has(card)) continue;
    seen.add(card);
    found.push(cardTicket(key, card, link));
  }
  return found;
}

export const DC_NAVIGATOR_DETAIL_STRATEGIES: readonly Strategy[] = [
  { name: 'li-data-key', read: readIssueListItems },
  { name: 'splitview-link', read: readSplitviewLinks },
  { name: 'issue-link-key', read: readIssueLinkKeys },
];

/**
 * The issue a queue `.issue-link` names: its `data-issue-key` (DC's issue links carry it in the
 * navigator and the issue view), else the route of its own href, of the link around it, or of the
 * link inside it (no source shows whether the class sits on the `a`).
 */
function queueLinkKey(el: Element): string | null {
  const around = el.closest(S.anyLink);
  const inside = el.querySelector(S.anyLink);
  return keyAttr(el, 'data-issue-key') ?? (around ? keyFromIssueRoute(around) : null) ?? (inside ? keyFromIssueRoute(inside) : null);
}

interface LinkGroup {
  key: string;
  row: Element | null;
  links: Element[];
}

/**
 * One ticket per row of `box`: the `links` inside it, grouped by the table or grid row inside
 * `box` that holds them. A link outside any such row groups with the other links of its issue in
 * the same `box`, so a key link and a summary link never make two tickets.
 */
function readRowsOfLinks(root: ParentNode, links: string, box: string, keyOf: (el: Element) => string | null): FoundTicket[] {
  const groups: LinkGroup[] = [];
  const byRow = new Map<Element, LinkGroup>();
  const loose = new Map<Element, Map<string, LinkGroup>>();
  for (const el of within(root, box, links)) {
    const key = keyOf(el);
    const container = el.closest(box);
    if (!key || !container) continue;
    const candidate = el.closest(S.dcQueueRow);
    const row = candidate && candidate !== container && container.contains(candidate) ? candidate : null;
    if (row) {
      const group = byRow.get(row);
      // One row, one ticket: a link to another issue in the same row (a parent, a linked issue) is not this row's.
      if (group) {
        if (group.key === key) group.links.push(el);
        continue;
      }
      const created = { key, row, links: [el] };
      byRow.set(row, created);
      groups.push(created);
      continue;
    }
    const inBox = loose.get(container) ?? new Map<string, LinkGroup>();
    loose.set(container, inBox);
    const group = inBox.get(key);
    if (group) {
      group.links.push(el);
      continue;
    }
    const created = { key, row: null, links: [el] };
    inBox.set(key, created);
    groups.push(created);
  }
  return groups.map(({ key, row, links: found }) => {
    const keyLink = found.find((l) => text(l) === key);
    const anchor = keyLink ?? found.map((l) => keyElementIn(l, key)).find((el) => el !== null) ?? found[0]!;
    // The summary is the issue's other link: the one whose text is not the key.
    const title = found.map((l) => text(l)).find((t) => t !== undefined && t !== key);
    return { key, element: row ?? anchor, anchor, dom: { ...ownerOf(key), title } };
  });
}

/** Queue, strategy 1: the `.issue-link` elements of `.queue-react-table-container`. */
export const readQueueIssueLinks = (root: ParentNode): FoundTicket[] => readRowsOfLinks(root, S.dcQueueIssueLink, S.dcQueueTable, queueLinkKey);

/** Queue, strategy 2: any link on an issue route inside the container, should the `.issue-link` class go. */
export const readQueueRouteLinks = (root: ParentNode): FoundTicket[] => readRowsOfLinks(root, S.anyLink, S.dcQueueTable, keyFromIssueRoute);

/** Queue, strategy 3, on queues only: `.issue-link` elements anywhere in the queue's page panel, should the container be renamed. */
export const readQueuePanelLinks = (root: ParentNode): FoundTicket[] => readRowsOfLinks(root, S.dcQueueIssueLink, S.dcQueuePanel, queueLinkKey);

export const DC_QUEUE_STRATEGIES: readonly Strategy[] = [
  { name: 'queue-issue-link', read: readQueueIssueLinks },
  { name: 'queue-route-link', read: readQueueRouteLinks },
  { name: 'sd-page-panel-link', read: readQueuePanelLinks, on: [JIRA_PAGE_TYPES.queue] },
];
