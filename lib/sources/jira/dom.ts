/**
 * Small DOM helpers shared by the Jira page readers: keys from links and attributes, rich-text
 * exclusion, priorities (`../dom.ts` has what every source shares).
 */
import { text, within } from '../dom';
import { S } from './selectors';
import { isValidIssueKey, issueKeyFromUrl } from './urls';

// The key must end the path segment, so `/browse/SUP-12a` or `/browse/SUP-1/x` don't count.
const BROWSE_KEY = /\/browse\/([A-Z][A-Z0-9_]+-\d+)(?=$|[?#])/;

/** The key a `/browse/` link points to, from its resolved href (jira-dom.md rule 3). */
export function keyFromLink(link: Element): string | null {
  const href = (link as HTMLAnchorElement).href || link.getAttribute('href') || '';
  return BROWSE_KEY.exec(href)?.[1] ?? null;
}

/**
 * The issue a link leads to on any of Jira's issue routes: `/browse/KEY`, a queue's
 * `…/queues/custom/N/KEY`, or a `?selectedIssue=KEY` back into a list (real-markup-evidence.md §2.4).
 */
export function keyFromIssueRoute(link: Element): string | null {
  const href = (link as HTMLAnchorElement).href || link.getAttribute('href');
  if (!href) return null;
  try {
    return issueKeyFromUrl(new URL(href, link.ownerDocument.baseURI));
  } catch {
    return null;
  }
}

/**
 * The link that shows the key inside a row or card: the one whose text is the key (a row often
 * links its summary to the same issue, a backlog row also has a screen-reader link), else the first.
 */
export function keyLinkIn(container: Element, preferred: string = S.browseLink, keyOf: (link: Element) => string | null = keyFromLink): { key: string; link: Element } | null {
  const own = container.matches(preferred) ? [container] : [];
  let first: { key: string; link: Element } | null = null;
  for (const link of [...own, ...container.querySelectorAll(preferred)]) {
    const key = keyOf(link);
    if (!key) continue;
    if (text(link) === key) return { key, link };
    first ??= { key, link };
  }
  return first;
}

/** The link on an issue route inside a row, preferring the one whose text is the key. */
export const issueRouteLinkIn = (container: Element): { key: string; link: Element } | null => keyLinkIn(container, S.anyLink, keyFromIssueRoute);

/** Whether `el` sits in a description, comment or editor, where mentioned keys are not tickets (rule 4). */
export const inRichText = within(S.richText);

/** A validated key from an attribute (`data-issuekey`, `data-issue-key`). */
export function keyAttr(el: Element, name: string): string | null {
  const value = el.getAttribute(name)?.trim() ?? '';
  return isValidIssueKey(value) ? value : null;
}

/** A priority name from an icon's alt text: "P1 priority" → "P1", "Priority: P2" → "P2", "High" → "High". */
export function priorityFromAlt(alt: string | null | undefined): string | undefined {
  const name = alt
    ?.replace(/^priority:\s*/i, '')
    .replace(/\s+priority$/i, '')
    .trim();
  return name ? name : undefined;
}

/** A priority field: the name's text, else the icon's alt. */
export function priorityOf(field: Element | null): string | undefined {
  if (!field) return undefined;
  return text(field) ?? priorityFromAlt(field.querySelector('img[alt]')?.getAttribute('alt') ?? (field.matches('img') ? field.getAttribute('alt') : null));
}

/** The project key of an issue key: `SUP-12` → `SUP`. */
export const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('-'));

/** What an issue key says of its ticket: its project, which is also its team (as the API's facts have it). */
export function ownerOf(key: string): { project: string; team: string } {
  const project = projectOf(key);
  return { project, team: project };
}
