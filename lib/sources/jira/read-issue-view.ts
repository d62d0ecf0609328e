/**
 * The open issue: Cloud's issue view as a full page, a modal over a board/list, or the side panel
 * (jira-dom.md §3.1), and the Data Center issue view (§4.1). The badge goes right after the key
 * in the breadcrumb.
 */
import type { FoundTicket } from '../types';
import { all, text } from '../dom';
import { inRichText, keyAttr, keyFromLink, ownerOf, priorityOf } from './dom';
import { parseJiraDate } from './dates';
import { S } from './selectors';
import { isValidIssueKey, issueKeyFromUrl } from './urls';

/** Modal and side panel roots: fields are looked up inside the root their key sits in (rule 5). */
const VIEW_ROOTS = `${S.issueModal}, ${S.issueSidePanel}`;

/** The first match of `selector` in `scope` that belongs to the same issue view (not to a modal or panel nested elsewhere). */
function field(scope: ParentNode, selector: string, viewRoot: Element | null): Element | null {
  for (const el of scope.querySelectorAll(selector)) {
    if (el.closest(VIEW_ROOTS) === viewRoot && !inRichText(el)) return el;
  }
  return null;
}

function cloudView(key: string, anchor: Element, element: Element, viewRoot: Element | null): FoundTicket {
  const scope: ParentNode = viewRoot ?? anchor.ownerDocument;
  const status = field(scope, S.issueStatus, viewRoot);
  const assignee = assigneeName(field(scope, S.issueAssignee, viewRoot));
  return {
    key,
    element,
    anchor,
    isTicketView: true,
    dom: {
      ...ownerOf(key),
      title: text(field(scope, S.issueSummary, viewRoot)),
      status: text(status?.querySelector(S.statusLozengeText) ?? status),
      priority: priorityOf(field(scope, S.priorityField, viewRoot)),
      assignee,
    },
  };
}

/**
 * The assignee's name: the field also holds the name a second time (the avatar's label) and an
 * "Assign to me" button (real-markup-evidence.md §2.1), so only distinct texts outside buttons count.
 */
function assigneeName(field: Element | null): string | undefined {
  if (!field) return undefined;
  const names = new Set<string>();
  const walker = field.ownerDocument.createTreeWalker(field, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const t = node.textContent?.replace(/\s+/g, ' ').trim();
    if (t && !node.parentElement?.closest('button, [role="button"]')) names.add(t);
  }
  const [name] = names;
  return names.size === 1 && name !== 'Unassigned' ? name : undefined;
}

/** Cloud: every breadcrumb current-issue link (page, modal, panel). */
export function readCloudBreadcrumbs(root: ParentNode): FoundTicket[] {
  const found: FoundTicket[] = [];
  for (const link of all(root, S.issueKey)) {
    if (inRichText(link)) continue;
    const key = keyFromLink(link) ?? text(link) ?? '';
    if (!isValidIssueKey(key)) continue;
    found.push(cloudView(key, link, link.closest(S.issueBreadcrumb) ?? link, link.closest(VIEW_ROOTS)));
  }
  return found;
}

/** Cloud, when no breadcrumb is found (layouts change): the summary heading of the issue the URL names. */
export function readCloudSummaryHeading(root: ParentNode, url: URL): FoundTicket[] {
  const key = issueKeyFromUrl(url);
  const heading = key ? all(root, S.issueSummary).find((h) => !inRichText(h)) : undefined;
  return key && heading ? [cloudView(key, heading, heading, heading.closest(VIEW_ROOTS))] : [];
}

/** Data Center: `#key-val` in the issue header. */
export function readDcIssueView(root: ParentNode): FoundTicket[] {
  const keyVal = all(root, S.dcIssueKey)[0];
  if (!keyVal) return [];
  const key = keyAttr(keyVal, 'data-issue-key') ?? keyFromLink(keyVal) ?? text(keyVal) ?? '';
  if (!isValidIssueKey(key)) return [];
  const doc = keyVal.ownerDocument;
  const one = (selector: string) => doc.querySelector(selector);
  const created = parseJiraDate(one(S.dcCreated)?.getAttribute('datetime'));
  const assignee = text(one(S.dcAssignee));
  return [
    {
      key,
      element: keyVal.closest(S.dcIssueHeader) ?? keyVal,
      anchor: keyVal,
      isTicketView: true,
      dom: {
        ...ownerOf(key),
        title: text(one(S.dcSummary)),
        status: text(one(S.dcStatus)),
        priority: priorityOf(one(S.dcPriority)),
        issueType: one(S.dcType)?.getAttribute('alt') ?? undefined,
        assignee: assignee === 'Unassigned' ? undefined : assignee,
        ...(created !== null ? { created } : {}),
      },
    },
  ];
}
