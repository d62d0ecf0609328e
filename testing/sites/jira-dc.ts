/**
 * A fake Jira Data Center 9.12 site, self-hosted under a context path (`https://host/jira`):
 * issue view, issue navigator (`table#issuetable`) and board (`RapidBoard.jspa`), shaped like
 * jira-dom.md §4 (server-rendered, `ajs-*` meta tags, `time[datetime]` with `+0800` offsets).
 */
import { escapeHtml as esc, jiraDate, JIRA_PROJECT, type FakeJiraIssue } from './tickets';

/** The server's zone, as its dates show it: Singapore. */
export const DC_OFFSET_MINUTES = 480;
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const LOZENGE = { new: 'blue-gray jira-issue-status-lozenge-new', indeterminate: 'yellow jira-issue-status-lozenge-indeterminate', done: 'green jira-issue-status-lozenge-done' } as const;

const icon = (alt: string) => `<img alt="${esc(alt)}" title="${esc(alt)}" width="16" height="16" src="${PIXEL}">`;
/** `2026-11-26T18:02:31+0800`: DC's `datetime` attributes carry whole seconds and a colon-less offset. */
const datetime = (t: number) => jiraDate(t, DC_OFFSET_MINUTES).replace(/\.\d{3}/, '');
const shown = (t: number) => new Date(t + DC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
const time = (t: number) => `<time class="livestamp" datetime="${datetime(t)}">${shown(t)}</time>`;
const lozenge = (issue: FakeJiraIssue) => `<span class="jira-issue-status-lozenge aui-lozenge jira-issue-status-lozenge-${LOZENGE[issue.statusCategory]}">${esc(issue.status)}</span>`;

function shell(base: URL, title: string, body: string, issueKey?: string): string {
  const context = base.pathname.replace(/\/$/, '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="application-name" content="JIRA" data-name="jira" data-version="9.12.0">
<meta name="ajs-base-url" content="${base.origin}${context}">
<meta name="ajs-context-path" content="${context}">
<meta name="ajs-version-number" content="9.12.0">
<meta name="ajs-remote-user" content="dana">
${issueKey ? `<meta name="ajs-issue-key" content="${issueKey}">` : ''}
<title>${esc(title)} - Example Corp JIRA</title>
<style>
  body { font: 14px/1.4 Arial, sans-serif; margin: 0; color: #172b4d; }
  #header { background: #205081; color: #fff; padding: 10px 16px; font-weight: bold; }
  #content { padding: 16px 24px; }
  table#issuetable { border-collapse: collapse; width: 100%; }
  #issuetable td, #issuetable th { padding: 5px 8px; border-bottom: 1px solid #ccc; text-align: left; }
  .aui-lozenge { font-size: 11px; font-weight: bold; text-transform: uppercase; background: #dfe1e6; border-radius: 3px; padding: 1px 4px; }
  .ghx-columns { display: flex; gap: 12px; list-style: none; padding: 0; }
  .ghx-column { background: #f4f5f7; width: 260px; padding: 8px; list-style: none; }
  .ghx-issue { background: #fff; border: 1px solid #ccc; margin-bottom: 6px; padding: 6px; }
  .issue-list li { padding: 6px 8px; border-bottom: 1px solid #dfe1e6; }
  .issue-list li.focused { background: #deebff; }
  .splitview-issue-link { text-decoration: none; color: #172b4d; }
  .issue-link-key { color: #6b778c; font-size: 12px; }
  .issue-link-summary { display: block; }
  .queue-react-table-container table { border-collapse: collapse; width: 100%; }
  .queue-react-table-container td, .queue-react-table-container th { padding: 5px 8px; border-bottom: 1px solid #ccc; text-align: left; }
</style></head>
<body id="jira" class="aui-layout aui-theme-default"><div id="header">Example Corp JIRA</div>
<div id="content">${body}</div></body></html>`;
}

/** The DC issue view's content (`#issue-content`): on its own page, and on the right of the navigator's detail view. */
function issueView(base: URL, issue: FakeJiraIssue): string {
  const href = `${base.pathname.replace(/\/$/, '')}/browse/${issue.key}`;
  const comments = (issue.comments ?? [])
    .map((c) => `<div id="comment-${c.id}" class="activity-comment issue-data-block"><div class="action-head">${esc(c.author)}</div><div class="action-body flooded"><p>${esc(c.body)}</p></div></div>`)
    .join('\n');
  return `<div id="issue-content" class="issue-edit-form">
<header id="stalker" class="issue-header"><div class="issue-header-content">
  <ol class="aui-nav aui-nav-breadcrumbs">
    <li><a id="project-name-val" href="${base.pathname}/browse/${JIRA_PROJECT.key}">${esc(JIRA_PROJECT.name)}</a></li>
    <li><a class="issue-link" data-issue-key="${issue.key}" href="${href}" id="key-val" rel="${issue.id}">${issue.key}</a></li>
  </ol>
  <h1 id="summary-val">${esc(issue.summary)}</h1>
</div></header>
<div class="issue-body-content">
  <div id="details-module"><ul class="property-list">
    <li><strong>Type:</strong> <span id="type-val">${icon(issue.issueType)} ${esc(issue.issueType)}</span></li>
    <li><strong>Priority:</strong> <span id="priority-val">${icon(issue.priority)} ${esc(issue.priority)}</span></li>
    <li><strong>Status:</strong> <span id="status-val" class="value">${lozenge(issue)}</span></li>
    <li><strong>Labels:</strong> <span id="labels-${issue.id}-value">${issue.labels.map(esc).join(' ') || 'None'}</span></li>
  </ul></div>
  <div id="peoplemodule"><span id="assignee-val">${esc(issue.assignee ?? 'Unassigned')}</span> <span id="reporter-val">${esc(issue.reporter)}</span></div>
  <div id="datesmodule"><dl><dt>Created:</dt><dd id="created-val">${time(issue.created)}</dd><dt>Updated:</dt><dd id="updated-val">${time(issue.updated)}</dd></dl></div>
  <div id="descriptionmodule"><div class="user-content-block"><p>Duplicate of <a class="issue-link" data-issue-key="SUP-9999" href="${base.pathname}/browse/SUP-9999">SUP-9999</a>.</p></div></div>
  <div id="activitymodule">${comments}</div>
</div></div>`;
}

/** The DC issue view (`{base}/browse/KEY`), jira-dom.md §4.1. */
export function jiraDcIssuePage(base: URL, issue: FakeJiraIssue): string {
  return shell(base, `[${issue.key}] ${issue.summary}`, issueView(base, issue), issue.key);
}

export type DcNavigatorColumn = 'issuetype' | 'issuekey' | 'summary' | 'assignee' | 'priority' | 'status' | 'created' | 'updated';

/** The DC issue navigator, list view (`{base}/issues/?jql=…`, `table#issuetable`), jira-dom.md §4.2. */
export function jiraDcNavigatorPage(
  base: URL,
  issues: FakeJiraIssue[],
  columns: DcNavigatorColumn[] = ['issuetype', 'issuekey', 'summary', 'status', 'priority', 'assignee', 'created', 'updated'],
): string {
  const browse = (key: string) => `${base.pathname.replace(/\/$/, '')}/browse/${key}`;
  const cell = (issue: FakeJiraIssue, column: DcNavigatorColumn): string => {
    switch (column) {
      case 'issuetype':
        return `<td class="issuetype"><a class="hidden-link issue-link" data-issue-key="${issue.key}" href="${browse(issue.key)}" tabindex="-1">${icon(issue.issueType)}</a></td>`;
      case 'issuekey':
        return `<td class="issuekey"><a class="issue-link" data-issue-key="${issue.key}" href="${browse(issue.key)}">${issue.key}</a></td>`;
      case 'summary':
        return `<td class="summary"><p><a class="issue-link" data-issue-key="${issue.key}" href="${browse(issue.key)}">${esc(issue.summary)}</a></p></td>`;
      case 'assignee':
        return `<td class="assignee">${esc(issue.assignee ?? 'Unassigned')}</td>`;
      case 'priority':
        return `<td class="priority">${icon(issue.priority)}</td>`;
      case 'status':
        return `<td class="status">${lozenge(issue)}</td>`;
      case 'created':
        return `<td class="created"><span>${time(issue.created)}</span></td>`;
      case 'updated':
        return `<td class="updated"><span>${time(issue.updated)}</span></td>`;
    }
  };
  const rows = issues.map((issue) => `<tr id="issuerow${issue.id}" rel="${issue.id}" data-issuekey="${issue.key}" class="issuerow">${columns.map((c) => cell(issue, c)).join('')}</tr>`).join('\n');
  return shell(
    base,
    'Issue Navigator',
    `<div class="navigator-content"><table id="issuetable">
<thead><tr class="rowHeader">${columns.map((c) => `<th class="colHeaderLink sortable headerrow-${c}" data-id="${c}">${c}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></div>`,
  );
}

/** A DC board (`{base}/secure/RapidBoard.jspa?rapidView=N`), jira-dom.md §4.3. */
export function jiraDcBoardPage(base: URL, issues: FakeJiraIssue[]): string {
  const browse = (key: string) => `${base.pathname.replace(/\/$/, '')}/browse/${key}`;
  const statuses = [...new Set(issues.map((i) => i.status))];
  const card = (
    issue: FakeJiraIssue,
  ) => `<div class="js-detailview ghx-issue js-issue ghx-has-avatar ghx-type-10004 ghx-days-3${issue.statusCategory === 'done' ? ' ghx-done' : ''}" data-issue-id="${issue.id}" data-issue-key="${issue.key}" role="listitem" aria-label="${issue.key} ${esc(issue.summary)}">
  <div class="ghx-issue-content"><div class="ghx-issue-fields">
    <div class="ghx-key"><a href="${browse(issue.key)}" title="${issue.key}" class="js-key-link" aria-label="${issue.key}">${issue.key}</a></div>
    <div class="ghx-summary" title="${esc(issue.summary)}"><span class="ghx-inner">${esc(issue.summary)}</span></div>
  </div></div>
  <div class="ghx-card-footer"><div class="ghx-type" title="Type: ${esc(issue.issueType)}">${icon(issue.issueType)}</div><div class="ghx-days" data-tooltip="3 days in this column"></div></div>
</div>`;
  return shell(
    base,
    'SUP board - Agile Board',
    `<div id="ghx-pool">
<ul id="ghx-column-headers">${statuses.map((s, i) => `<li class="ghx-column" data-id="${i + 1}"><h2 class="ghx-column-title">${esc(s)}</h2></li>`).join('')}</ul>
<div class="ghx-swimlane"><ul class="ghx-columns">
${statuses
  .map(
    (s, i) =>
      `<li class="ghx-column" data-column-id="${i + 1}">${issues
        .filter((x) => x.status === s)
        .map(card)
        .join('\n')}</li>`,
  )
  .join('\n')}
</ul></div></div>`,
  );
}

/** DC shows 50 cards a page in the detail view (a public scraper reads "50" as "50 or more"). */
const DETAIL_VIEW_PAGE = 50;

/**
 * The DC navigator's detail view at `{base}/browse/KEY?jql=…` (real-markup-evidence.md §2.8,
 * §2.15): the result cards on the left, the open issue's view on the right. Each card is shaped
 * like a saved card quoted in a public file: `li[title][data-key]` (`.focused` on the open one) >
 * `a.splitview-issue-link[href="/browse/KEY"]` > `span.issue-link-key` (type icon, `&nbsp;KEY`) +
 * `span.issue-link-summary`. The wrappers (`.list-panel`, `.list-content`, `.search-results`,
 * `.simple-issue-list`, `.detail-panel`) are class names scripts wait for; their nesting is ours.
 * Cards show no status or date: the open issue's view has them.
 */
export function jiraDcNavigatorDetailPage(base: URL, issues: FakeJiraIssue[], selected: FakeJiraIssue): string {
  const browse = (key: string) => `${base.pathname.replace(/\/$/, '')}/browse/${key}`;
  const shown = issues.slice(0, DETAIL_VIEW_PAGE);
  const card = (issue: FakeJiraIssue) =>
    `<li title="${esc(issue.summary)}" data-key="${issue.key}"${issue.key === selected.key ? ' class="focused"' : ''}><a class="splitview-issue-link" href="${browse(issue.key)}"><span class="issue-link-key">${icon(issue.issueType)}&nbsp;${issue.key}</span><span class="issue-link-summary">${esc(issue.summary)}</span></a></li>`;
  return shell(
    base,
    `[${selected.key}] ${selected.summary}`,
    `<div class="issue-navigator navigator-container"><div class="navigator-body"><div class="navigator-content">
<div class="split-view" style="display: flex; gap: 16px; align-items: flex-start">
  <div class="list-panel" style="width: 340px; flex: none"><div class="list-content"><div class="search-results"><div class="simple-issue-list">
    <ol class="issue-list" style="list-style: none; margin: 0; padding: 0">
${shown.map(card).join('\n')}
    </ol>
  </div></div>
  <div class="pagination-view"><span class="results-count-total">${issues.length}</span></div></div></div>
  <div class="detail-panel" style="flex: 1">${issueView(base, selected)}</div>
</div>
</div></div></div>`,
  );
}

/**
 * A DC JSM queue (`{base}/projects/SUP/queues/custom/N`, real-markup-evidence.md §2.10):
 * `section#sd-page-panel` and `.queue-react-table-container` (DCT; content scripts), whose
 * `.issue-link` anchors carry the key and the summary alike. No source shows the rows: they are
 * a plain table here, as a React table renders them, and the reader does not rely on that. An
 * empty queue shows `.sd-queue-empty` (DCT) instead of the table.
 */
export function jiraDcQueuePage(base: URL, issues: FakeJiraIssue[]): string {
  const browse = (key: string) => `${base.pathname.replace(/\/$/, '')}/browse/${key}`;
  const link = (issue: FakeJiraIssue, shown: string) => `<a class="issue-link" data-issue-key="${issue.key}" href="${browse(issue.key)}">${shown}</a>`;
  const row = (issue: FakeJiraIssue) =>
    `<tr><td class="issuetype">${icon(issue.issueType)}</td><td class="issuekey">${link(issue, issue.key)}</td><td class="summary">${link(issue, esc(issue.summary))}</td><td class="reporter">${esc(issue.reporter)}</td><td class="assignee">${esc(issue.assignee ?? 'Unassigned')}</td><td class="status">${lozenge(issue)}</td><td class="created">${shown(issue.created)}</td></tr>`;
  const table =
    issues.length === 0
      ? '<div class="sd-queue-empty"><h3>No issues in this queue</h3></div>'
      : `<div class="queue-react-table-container"><table class="aui">
<thead><tr><th>T</th><th>Key</th><th>Summary</th><th>Reporter</th><th>Assignee</th><th>Status</th><th>Created</th></tr></thead>
<tbody>
${issues.map(row).join('\n')}
</tbody></table></div>`;
  return shell(
    base,
    'All open - Service desk',
    `<section id="sd-page-panel" class="sd-page-panel"><div class="js-page-panel-content sd-page-panel-content">
<header class="sd-queue-header"><h1>All open</h1></header>
${table}
</div></section>`,
  );
}
