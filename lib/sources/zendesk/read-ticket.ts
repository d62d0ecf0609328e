/**
 * The ticket page (`/agent/tickets/{id}`, zendesk-dom.md §5): the header of the ticket on screen,
 * and every tab of the tabs bar. Every open ticket stays mounted with its own root; only the one on
 * screen is the ticket the agent looks at, so one header badge however many tabs are open (rule 8).
 * Tabs show only a title and `#id`, so they carry nothing else.
 */
import type { Reader } from '../strategies';
import type { FoundTicket } from '../types';
import { all, text } from '../dom';
import { idFromHashText, inRichText, isHidden, statusOf } from './dom';
import { S } from './selectors';
import { isValidTicketKey, ticketIdFromUrl } from './urls';

const rootId = (root: Element): string | null => {
  const id = root.getAttribute('data-side-conversations-anchor-id')?.trim() ?? '';
  return isValidTicketKey(id) ? id : null;
};

/** `ticket-{id}-custom-layout`, the grid's own test id (a 2026 capture). */
const layoutId = (pane: Element): string | null => {
  for (const name of ['data-test-id', 'data-testid']) {
    const id = /^ticket-(\d+)-custom-layout$/.exec(pane.getAttribute(name) ?? '')?.[1];
    if (id !== undefined) return isValidTicketKey(id) ? id : null;
  }
  return null;
};

/** Of several candidates, the one the URL names; a single candidate stands on its own. */
function pick<T extends { key: string }>(candidates: T[], url: URL): T | null {
  if (candidates.length === 1) return candidates[0]!;
  const fromUrl = ticketIdFromUrl(url);
  const named = candidates.filter((c) => c.key === fromUrl);
  return named.length === 1 ? named[0]! : null;
}

function header(element: Element, key: string): FoundTicket[] {
  // Next to the subject, where Zendesk puts its own SLA tag (§5.2).
  const anchor = element.querySelector(S.subjectInput) ?? element.querySelector(S.navItemTicket);
  if (!anchor) return [];
  const subject = (anchor as HTMLInputElement).value;
  return [
    {
      key,
      element,
      anchor,
      isTicketView: true,
      dom: {
        title: typeof subject === 'string' && subject.trim() !== '' ? subject.trim() : undefined,
        // The badge's test id, never its words; the priority field shows only a translated word, so it is left to the API.
        status: statusOf(element.querySelector(S.statusView)?.querySelector(S.statusBadge)),
      },
    },
  ];
}

/**
 * The grid marked `data-is-active="true"` (toggl): the ticket on screen, however the others are
 * hidden. Its ticket is the root around it (or in it), else the grid's own test id; both must agree.
 */
export const readActivePane: Reader = (root, url) => {
  const candidates: Array<{ key: string; element: Element }> = [];
  for (const pane of all(root, S.activePane)) {
    if (inRichText(pane) || isHidden(pane)) continue;
    const ticketRoot = pane.closest(S.ticketRoot) ?? pane.querySelector(S.ticketRoot);
    const ids = new Set([ticketRoot && rootId(ticketRoot), layoutId(pane)].filter((id): id is string => id !== null));
    if (ids.size !== 1) continue;
    candidates.push({ key: [...ids][0]!, element: ticketRoot ?? pane });
  }
  const chosen = pick(candidates, url);
  return chosen ? header(chosen.element, chosen.key) : [];
};

/**
 * The root no hidden ancestor hides and whose grid is not marked inactive; when several look
 * visible, the one the URL names (hidden workspaces carry an inline `display: none`, holatuwol).
 */
export const readVisibleRoot: Reader = (root, url) => {
  const candidates = all(root, S.ticketRoot)
    .filter((r) => !inRichText(r) && !isHidden(r) && r.querySelector(S.inactivePane) === null && r.closest(S.inactivePane) === null)
    .flatMap((r) => {
      const key = rootId(r);
      return key ? [{ key, element: r }] : [];
    });
  const chosen = pick(candidates, url);
  return chosen ? header(chosen.element, chosen.key) : [];
};

/** Where a tab's badge goes: after its `#123`, else after its title. */
const tabAnchor = (tab: Element): Element | null => tab.querySelector(S.tabSubtitle)?.firstElementChild ?? tab.querySelector(S.tabTitle) ?? tab.firstElementChild;

/** Tabs that say they are a ticket's, with its id (`data-entity-type="ticket"` + `data-entity-id`): no text parsed. */
export const readEntityTabs: Reader = (root) => {
  const found: FoundTicket[] = [];
  for (const tab of all(root, S.entityTab)) {
    const key = tab.getAttribute('data-entity-id')?.trim() ?? '';
    const anchor = tabAnchor(tab);
    if (!isValidTicketKey(key) || !anchor) continue;
    found.push({ key, element: tab, anchor, dom: { title: text(tab.querySelector(S.tabTitle)) } });
  }
  return found;
};

/** Tabs whose subtitle starts with `#123` (holatuwol since 2020); search and user tabs show none. */
export const readSubtitleTabs: Reader = (root) => {
  const found: FoundTicket[] = [];
  for (const tab of all(root, S.tab)) {
    const number = tab.querySelector(S.tabSubtitle)?.firstElementChild;
    const key = idFromHashText(number);
    if (!number || !key) continue;
    found.push({ key, element: tab, anchor: number, dom: { title: text(tab.querySelector(S.tabTitle)) } });
  }
  return found;
};
