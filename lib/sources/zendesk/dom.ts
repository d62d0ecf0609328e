/**
 * Small DOM helpers shared by the Zendesk readers: ids from test-ids and links, the locale-free
 * status, hidden workspaces, rich-text exclusion (`../dom.ts` has what every source shares). Page
 * text is only ever read as text; ids never come from free text, and no value is taken from a
 * translated word.
 */
import { text, within } from '../dom';
import { S } from './selectors';
import { isValidTicketKey } from './urls';

export const STATUSES = new Set(['new', 'open', 'pending', 'hold', 'solved', 'closed']);

/** Whether `el` sits in the conversation or an editor, where ticket numbers are only words. */
export const inRichText = within(S.richText);

/**
 * Whether `el` is in a workspace the agent UI has hidden: inactive tabs stay mounted with an
 * inline `display: none` (zendesk-dom.md rule 8; H filters on exactly that).
 */
export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || (node as HTMLElement).style?.display === 'none') return true;
  }
  return false;
}

/** The ticket id a link points to, from its resolved href: `…/tickets/123` (rule 6). */
export function idFromLink(link: Element | null | undefined): string | null {
  if (!link) return null;
  const href = (link as HTMLAnchorElement).href || link.getAttribute('href') || '';
  const id = /(?:^|\/)tickets\/(\d+)(?=$|[/?#])/.exec(href)?.[1] ?? null;
  return id !== null && isValidTicketKey(id) ? id : null;
}

/** `#123` exactly, as the id cell and a tab's subtitle show it. */
export function idFromHashText(el: Element | null | undefined): string | null {
  const id = /^#(\d+)$/.exec(text(el) ?? '')?.[1] ?? null;
  return id !== null && isValidTicketKey(id) ? id : null;
}

/**
 * The status a badge's test-id names (`status-badge-hold` → `hold`), locale-free (rule 5). 2023's
 * `status-badge-state` names none: undefined, and the status comes from the API, never from the
 * badge's translated text.
 */
export function statusOf(badge: Element | null | undefined): string | undefined {
  if (!badge) return undefined;
  for (const name of ['data-test-id', 'data-testid', 'data-cy-test-id']) {
    const status = /^status-badge-(\w+)$/.exec(badge.getAttribute(name) ?? '')?.[1];
    if (status && STATUSES.has(status)) return status;
  }
  return undefined;
}
