/**
 * A fake Jira Cloud site: pages shaped like the real markup (jira-dom.md in the team's reference
 * notes: testids, `/browse/` links, user-ordered columns, virtualised lists, rich text that
 * mentions other keys). Only what SLA Lens reads is modelled. The REST side is in jira-rest.ts.
 */
import { REQUEST_TYPE_FIELD } from './jira-rest';
import { escapeHtml as esc, JIRA_PROJECT, type FakeJiraIssue } from './tickets';

export { jiraDcSearch, jiraFields, jiraIssueJson, jiraSearch, REQUEST_TYPE_FIELD, type IssueJsonOptions } from './jira-rest';

const CATEGORY_IDS = { new: 2, indeterminate: 4, done: 3 } as const;
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const icon = (alt: string) => `<img alt="${esc(alt)}" width="16" height="16" src="${PIXEL}">`;

function shell(title: string, body: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta name="application-name" content="JIRA">
<meta name="ajs-base-url" content="">
<title>${esc(title)} - Jira</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #172b4d; background: #fff; }
  header.nav { height: 48px; display: flex; align-items: center; padding: 0 16px; border-bottom: 1px solid #dfe1e6; font-weight: 600; }
  main { padding: 16px 24px; }
  h1 { font-size: 20px; margin: 0 0 16px; }
  [data-testid="virtual-table.table.main"] [role="row"], [data-vc="issue-table-container"] [role="row"], .drifted-row { display: grid; grid-template-columns: 150px 110px 1fr 140px 120px 180px; gap: 8px; padding: 8px 4px; border-bottom: 1px solid #ebecf0; align-items: center; }
  [role="columnheader"] { font-weight: 600; color: #5e6c84; font-size: 12px; text-align: left; }
  table { border-collapse: collapse; width: 100%; }
  td, th { padding: 6px 8px; border-bottom: 1px solid #ebecf0; }
  a { color: #0c66e4; text-decoration: none; }
  .board { display: flex; gap: 12px; align-items: flex-start; }
  .column { background: #f7f8f9; border-radius: 6px; padding: 8px; width: 260px; min-height: 120px; }
  .column h2 { font-size: 12px; text-transform: uppercase; color: #5e6c84; margin: 4px 4px 8px; }
  [data-testid="platform-board-kit.ui.card.card"] { background: #fff; border-radius: 4px; box-shadow: 0 1px 2px #091e4240; padding: 8px; margin-bottom: 8px; }
  .lozenge { font-size: 11px; font-weight: 700; text-transform: uppercase; background: #dfe1e6; border-radius: 3px; padding: 1px 4px; border: 0; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  section[role="dialog"] { position: fixed; inset: 40px 10%; background: #fff; box-shadow: 0 8px 24px #091e4250; padding: 24px; overflow: auto; }
</style></head>
<body><header class="nav">Jira · ${esc(JIRA_PROJECT.name)}</header>
<main>${body}</main></body></html>`;
}

const browse = (key: string) => `/browse/${key}`;

function keyLink(issue: FakeJiraIssue, testid: string, inner: string = issue.key): string {
  const resolved = issue.statusCategory === 'done' ? 'is resolved' : 'is not resolved';
  return `<a data-testid="${testid}" href="${browse(issue.key)}" aria-label="${issue.key} ${resolved}">${inner}</a>`;
}

function statusLozenge(issue: FakeJiraIssue): string {
  const n = CATEGORY_IDS[issue.statusCategory];
  return `<button class="lozenge" data-testid="issue.fields.status.common.ui.status-lozenge.${n}"><span data-testid="issue.fields.status.common.ui.status-lozenge.${n}--text">${esc(issue.status)}</span></button>`;
}

/** The localised text the Cloud lists show for a date: no machine-readable attribute (jira-dom.md rule 9). */
const localised = (t: number) => new Date(t).toLocaleString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });

export type QueueColumn = 'request' | 'key' | 'summary' | 'status' | 'assignee' | 'created';

export interface QueueOptions {
  columns?: QueueColumn[];
  /** The agent's UI language: headers, the status button and dates in German. */
  locale?: 'en' | 'de';
  /**
   * `virtual-table` (default): the markup independent tools read today (real-markup-evidence.md
   * §2.4); `legacy`: the 2025 `issue-table-container` markup; `drifted`: rows on screen in markup
   * nobody has seen, for the "can't read this page" message.
   */
  markup?: 'virtual-table' | 'legacy' | 'drifted';
  /** A queue with no tickets in it. */
  empty?: boolean;
}

/** The field id that ends each cell's testid (the queue's SSR state lists columns by these ids). */
const QUEUE_FIELD: Record<QueueColumn, string> = { request: REQUEST_TYPE_FIELD, key: 'issuekey', summary: 'summary', status: 'status', assignee: 'assignee', created: 'created' };
const QUEUE_HEADERS: Record<'en' | 'de', Record<QueueColumn, string>> = {
  en: { request: 'Request Type', key: 'Key', summary: 'Summary', status: 'Status', assignee: 'Assignee', created: 'Created' },
  de: { request: 'Anfragetyp', key: 'Schlüssel', summary: 'Zusammenfassung', status: 'Status', assignee: 'Bearbeiter', created: 'Erstellt' },
};
/** Jira translates the default workflow's statuses for the agent; the API still answers in the site's language. */
const STATUS_DE: Record<string, string> = {
  'Waiting for support': 'Wartet auf Support',
  'Waiting for customer': 'Wartet auf Kunden',
  'In Progress': 'In Arbeit',
  Resolved: 'Erledigt',
  Open: 'Offen',
  Closed: 'Geschlossen',
};

/**
 * A Jira Service Management agent queue (Cloud). By default the markup that independent, maintained
 * tools read today (real-markup-evidence.md §2.4): `div[role="row"]` rows inside
 * `[data-testid="virtual-table.table.main"]`, one cell per column whose testid ends
 * `cell-wrapper-row{KEY}-{fieldId}`, the key in an `a.issue-link > span` whose href is the queue's
 * own issue route, and the status as a plain button (no testid at rest).
 */
export function jiraQueuePage(issues: FakeJiraIssue[], options: QueueOptions = {}): string {
  const columns = options.columns ?? ['request', 'key', 'summary', 'status', 'assignee', 'created'];
  const locale = options.locale ?? 'en';
  const markup = options.markup ?? 'virtual-table';
  const shown = options.empty ? [] : issues;
  const headers = QUEUE_HEADERS[locale];
  const queuePath = (key: string) => `/jira/servicedesk/projects/${JIRA_PROJECT.key}/queues/custom/1/${key}`;
  const status = (issue: FakeJiraIssue) => (locale === 'de' ? (STATUS_DE[issue.status] ?? issue.status) : issue.status);
  const date = (t: number) =>
    `<time datetime="${new Date(t).toISOString()}">${esc(new Date(t).toLocaleString(locale === 'de' ? 'de-DE' : 'en-US', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }))}</time>`;

  if (markup === 'legacy') {
    const cell = (issue: FakeJiraIssue, column: QueueColumn): string => {
      switch (column) {
        case 'request':
          return `<div role="gridcell">${esc(issue.requestType ?? '')}</div>`;
        case 'key':
          return `<div role="gridcell">${keyLink(issue, 'servicedesk-queues.common.ui.issue-key')}</div>`;
        case 'summary':
          return `<div role="gridcell"><a href="${browse(issue.key)}">${esc(issue.summary)}</a></div>`;
        case 'status':
          return `<div role="gridcell">${statusLozenge(issue)}</div>`;
        case 'assignee':
          return `<div role="gridcell">${esc(issue.assignee ?? 'Unassigned')}</div>`;
        default:
          return `<div role="gridcell">${date(issue.created)}</div>`;
      }
    };
    const rows = shown.map((issue) => `<div role="row" data-testid="servicedesk-queues.ui.queue-row">${columns.map((c) => cell(issue, c)).join('')}</div>`).join('\n');
    return shell(
      'All open',
      `<div data-testid="servicedesk-queues-agent-view.layout.layout">
  <h1>All open</h1>
  <div data-vc="issue-table-container" role="grid" aria-label="Queue issues">
    <div role="row">${columns.map((c) => `<div role="columnheader">${headers[c]}</div>`).join('')}</div>
    ${rows}
  </div>
</div>`,
    );
  }

  if (markup === 'drifted') {
    // Rows a screen reader still sees, in markup SLA Lens has never been told about: the key as
    // plain text, the row opened by a click handler, no link, no testid.
    const rows = shown
      .map(
        (issue) =>
          `<div role="row" class="drifted-row" tabindex="0">${columns.map((c) => `<div class="c-${c}">${c === 'key' ? `<span>${issue.key}</span>` : c === 'summary' ? esc(issue.summary) : c === 'status' ? esc(status(issue)) : ''}</div>`).join('')}</div>`,
      )
      .join('\n');
    return shell(
      'All open',
      `<div data-testid="servicedesk-queues-agent-view.layout.layout"><h1>All open</h1><div role="grid"><div role="row">${columns.map((c) => `<div role="columnheader">${headers[c]}</div>`).join('')}</div>${rows}</div></div>`,
      locale,
    );
  }

  const cellId = (issue: FakeJiraIssue, column: QueueColumn) => `common.components.virtual-table.table.content.rows.common.cell-wrapper-row${issue.key}-${QUEUE_FIELD[column]}`;
  const content = (issue: FakeJiraIssue, column: QueueColumn): string => {
    switch (column) {
      case 'request':
        return esc(issue.requestType ?? '');
      case 'key':
        return `<a class="issue-link" href="${queuePath(issue.key)}"><span>${issue.key}</span></a>`;
      case 'summary':
        return `<a href="${queuePath(issue.key)}">${esc(issue.summary)}</a>`;
      case 'status':
        return `<button type="button" class="lozenge">${esc(status(issue))}</button>`;
      case 'assignee':
        return esc(issue.assignee ?? (locale === 'de' ? 'Nicht zugewiesen' : 'Unassigned'));
      default:
        return date(issue.created);
    }
  };
  const rows = shown
    .map((issue, i) => `<div role="row" class="virtual-table-row" aria-rowindex="${i + 2}">${columns.map((c) => `<div data-testid="${cellId(issue, c)}">${content(issue, c)}</div>`).join('')}</div>`)
    .join('\n');
  const title = locale === 'de' ? 'Alle offenen' : 'All open';
  return shell(
    title,
    `<div data-testid="servicedesk-queues-agent-view.layout.layout">
  <h1>${title}</h1>
  <div data-testid="servicedesk-queues-agent-view.layout.table.container">
    <div data-component-selector="virtual-table.view.table-wrapper">
      <div data-testid="virtual-table.table.main" role="grid" aria-rowcount="${shown.length + 1}">
        <div role="row" aria-rowindex="1">${columns.map((c) => `<div role="columnheader">${headers[c]}</div>`).join('')}</div>
        ${rows}
      </div>
    </div>
  </div>
</div>`,
    locale,
  );
}

/** The issue view's content, shared by the full page, the modal and the side panel (jira-dom.md §3.1). */
function issueView(issue: FakeJiraIssue): string {
  const comments = (issue.comments ?? [])
    .map(
      (c) => `<div data-testid="comment-base-item-${c.id}">
      <span>${esc(c.author)}${c.public ? '' : ' · Internal note'}</span>
      <div class="ak-renderer-document"><p>${esc(c.body)} (re <a href="${browse(issue.key)}">${issue.key}</a>)</p></div>
    </div>`,
    )
    .join('\n');
  return `<div id="jira-issue-header">
  <ol><li role="listitem" data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container">
    <a data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item" href="${browse(issue.key)}" aria-current="page"><span>${issue.key}</span></a>
  </li></ol>
  <h1 data-testid="issue.views.issue-base.foundation.summary.heading">${esc(issue.summary)}</h1>
</div>
<div data-testid="issue.views.issue-base.foundation.status.status-field-wrapper">${statusLozenge(issue)}</div>
<div data-testid="issue-field-priority-readview-full.ui.priority.wrapper">${icon('')}<span>${issue.priority}</span></div>
<div data-testid="issue.views.field.user.assignee">${
    // As in markup trimmed from a real work item (real-markup-evidence.md §2.1): the name twice
    // (the avatar's label and the visible name), then an "Assign to me" button.
    issue.assignee ? `<span class="sr-only">${esc(issue.assignee)}</span><span>${esc(issue.assignee)}</span>` : '<span>Unassigned</span>'
  }<div role="button" data-testid="issue-view-layout-assignee-field.ui.assign-to-me">Assign to me</div></div>
<div class="ak-renderer-document"><p>Related to <a href="/browse/SUP-9999">SUP-9999</a>, see also OPS-12.</p></div>
<div data-testid="issue.activity.comments-list">
  ${comments}
  <div class="ProseMirror" contenteditable="true"><p>Draft reply about <a href="/browse/SUP-9998">SUP-9998</a></p></div>
</div>`;
}

/** The issue opened over a board, backlog or list (`?selectedIssue=KEY`): a modal dialog (jira-dom.md §3.1, rule 5). */
function issueModal(issue: FakeJiraIssue): string {
  return `<div data-testid="jira.issue-view.issue-details.modal-dialog-container">
  <section role="dialog" aria-modal="true" aria-label="${issue.key}" data-testid="issue.views.issue-details.issue-modal.modal-dialog">
    ${issueView(issue)}
  </section>
</div>`;
}

/** A company-managed board (Cloud, platform-board-kit markup). Status is given by the column only. */
export function jiraBoardPage(issues: FakeJiraIssue[], selected?: FakeJiraIssue): string {
  const columns = [...new Set(issues.map((i) => i.status))];
  const card = (issue: FakeJiraIssue) => `<div id="card-${issue.key}" data-testid="platform-board-kit.ui.card.card" data-component-selector="platform-board-kit.ui.card-container" draggable="true">
  <button data-testid="platform-card.ui.card.focus-container" aria-label="${issue.key} ${esc(issue.summary)}. Use the enter key to load the work item."></button>
  <span data-testid="issue-field-single-line-text-readview-card.ui.single-line-text.container.box">${esc(issue.summary)}</span>
  <div data-testid="platform-card.ui.card.card-content.footer">
    ${icon(issue.issueType)}
    <span data-testid="platform-card.common.ui.key.key">${keyLink(issue, 'platform-card.common.ui.key.key-link', `<div>${issue.key}</div>`)}</span>
    <span data-testid="platform-card.common.ui.priority.icon">${icon(`${issue.priority} priority`)}</span>
    <span data-testid="board.common.fields.assignee-field-static.avatar--label" hidden>Assignee: ${esc(issue.assignee ?? 'Unassigned')}</span>
  </div>
</div>`;
  const body = columns
    .map(
      (status) => `<div class="column" data-testid="platform-board-kit.ui.column.draggable-column.styled-wrapper">
  <div data-testid="platform-board-kit.common.ui.column-header.header.column-header-container"><h2 data-testid="platform-board-kit.common.ui.column-header.editable-title.column-title.column-name">${esc(status)}</h2></div>
  ${issues
    .filter((i) => i.status === status)
    .map(card)
    .join('\n')}
</div>`,
    )
    .join('\n');
  return shell(selected ? selected.key : 'SUP board', `<h1>SUP board</h1><div class="board">${body}</div>${selected ? issueModal(selected) : ''}`);
}

/** The full-page issue view (`/browse/KEY`). The description and comments mention other keys, which must not become tickets. */
export function jiraIssuePage(issue: FakeJiraIssue): string {
  return shell(issue.key, issueView(issue));
}

export type NavigatorColumn = 'work' | 'status' | 'priority' | 'created' | 'assignee' | 'resolution' | 'updated' | 'actions';
const NAVIGATOR_HEADERS: Record<NavigatorColumn, string> = {
  work: 'Work',
  status: 'Status',
  priority: 'Priority',
  created: 'Created',
  assignee: 'Assignee',
  resolution: 'Resolution',
  updated: 'Updated',
  actions: '',
};

export interface NavigatorOptions {
  /** The user's column order (jira-dom.md rule 7). */
  columns?: NavigatorColumn[];
  /** Rows mounted by the virtualised list: [first index, end index). */
  mounted?: [number, number];
}

/** The Cloud issue navigator, list view (`/issues/?jql=…`, 2026 `native-issue-table` markup, jira-dom.md §3.2). */
export function jiraNavigatorPage(issues: FakeJiraIssue[], options: NavigatorOptions = {}): string {
  const columns = options.columns ?? ['work', 'assignee', 'status', 'created', 'priority', 'resolution', 'updated', 'actions'];
  const [start, end] = options.mounted ?? [0, Math.min(issues.length, 30)];
  const editable = (label: string, text: string) =>
    `<div data-testid="issue-field-inline-edit-read-view-container.ui.container"><button aria-label="Edit ${label}"></button><span>${esc(text)}</span></div>`;
  const cell = (issue: FakeJiraIssue, column: NavigatorColumn): string => {
    switch (column) {
      case 'work':
        return `<td data-testid="native-issue-table.ui.row.issue-row.merged-cell">${icon(issue.issueType)}${keyLink(issue, 'native-issue-table.common.ui.issue-cells.issue-key.issue-key-cell')}<span data-testid="native-issue-table.common.ui.issue-cells.issue-summary.issue-summary-cell">${esc(issue.summary)}</span></td>`;
      case 'status':
        return `<td>${statusLozenge(issue)}</td>`;
      case 'priority':
        return `<td><div data-testid="issue-field-priority-readview-full.ui.priority.wrapper">${icon(issue.priority)}<span>${issue.priority}</span></div></td>`;
      case 'created':
        return `<td>${editable('Created', localised(issue.created))}</td>`;
      case 'updated':
        return `<td>${editable('Updated', localised(issue.updated))}</td>`;
      case 'assignee':
        return `<td><div data-testid="profilecard-next.ui.profilecard.profilecard-trigger">${issue.assignee ? `<span hidden>${esc(issue.assignee)}</span>${esc(issue.assignee)}` : 'Unassigned'}</div></td>`;
      case 'resolution':
        return `<td data-vc="native-issue-table-ui-resolution-cell">${issue.statusCategory === 'done' ? 'Done' : 'Unresolved'}</td>`;
      case 'actions':
        return `<td><button data-testid="issue-navigator-issue-operations.ui.button" id="${issue.id}" aria-label="More actions for ${issue.key}">···</button></td>`;
    }
  };
  const rows = issues
    .slice(start, end)
    .map((issue, i) => `<tr data-testid="native-issue-table.ui.issue-row" role="row" data-index="${start + i}" aria-rowindex="${start + i + 2}">${columns.map((c) => cell(issue, c)).join('')}</tr>`)
    .join('\n');
  return shell(
    'Search',
    `<h1>Search</h1>
<div data-testid="native-issue-table.ui.issue-table-container" data-vc="issue-table-main-container">
  <p>${start + 1}–${end} of ${issues.length}</p>
  <table data-testid="native-issue-table.ui.issue-table" role="grid" aria-rowcount="${issues.length + 1}">
    <thead><tr role="row" aria-rowindex="1">${columns.map((c) => `<th role="columnheader" data-testid="native-issue-table.ui.header.column-header-${c}">${NAVIGATOR_HEADERS[c]}</th>`).join('')}</tr></thead>
    <tbody>
${rows}
    </tbody>
  </table>
</div>`,
  );
}

/** The issue opened beside a backlog or board in the compact layout (toggl commit db7f0b80, 2026-02). */
function issueSidePanel(issue: FakeJiraIssue): string {
  return `<aside aria-label="${issue.key}" data-testid="issue.views.issue-details.issue-layout.compact-layout">${issueView(issue)}</aside>`;
}

/**
 * The backlog (jira-dom.md §3.5): the first `inSprint` issues in the active sprint, the rest in
 * the backlog; `selected` opens in the side panel (`?selectedIssue=KEY`).
 */
export function jiraBacklogPage(issues: FakeJiraIssue[], selected?: FakeJiraIssue, inSprint = Math.ceil(issues.length / 2)): string {
  const row = (issue: FakeJiraIssue) => `<div data-testid="software-backlog.card-list.card.content-container.${issue.key}">
  <div data-testid="software-backlog.card-list.card.card-contents.card-container">
    ${icon(issue.issueType)}
    <div data-testid="software-backlog.card-list.card.card-contents.accessible-card-key">
      <a class="sr-only" data-testid="software-backlog.card-list.card.card-contents.screen-reader-key" href="${browse(issue.key)}">${issue.key} ${esc(issue.summary)}</a>
      <a data-testid="software-backlog.card-list.card.card-contents.key" href="${browse(issue.key)}" aria-hidden="true" tabindex="-1">${issue.key}</a>
    </div>
    <span aria-hidden="true">${esc(issue.summary)}</span>
    <div data-testid="backlog.card-list.card.card-contents.assignee-field">${esc(issue.assignee ?? '')}</div>
  </div>
</div>`;
  const list = (id: string, title: string, part: FakeJiraIssue[]) => `<div data-testid="software-backlog.card-list.container.${id}"><h2>${title}</h2>${part.map(row).join('\n')}</div>`;
  return shell('Backlog', `<h1>Backlog</h1>${list('12', 'SUP Sprint 4', issues.slice(0, inSprint))}${list('BACKLOG', 'Backlog', issues.slice(inSprint))}${selected ? issueSidePanel(selected) : ''}`);
}

/** Cards the detail view lists before "Load more" (one page of search results). */
const DETAIL_VIEW_PAGE = 50;

/**
 * The Cloud issue navigator, detail view (`/issues/?jql=…&selectedIssue=KEY`, jira-dom.md §3.2):
 * a list of cards on the left (testids reported, 3P), and the selected issue on the right in the
 * same issue-view markup as the full page (§3.1). An unknown `selectedKey` leaves the right pane empty.
 */
export function jiraNavigatorDetailPage(issues: FakeJiraIssue[], selectedKey: string): string {
  const selected = issues.find((i) => i.key === selectedKey);
  const shown = issues.slice(0, DETAIL_VIEW_PAGE);
  const card = (issue: FakeJiraIssue) => `<li data-testid="issue-navigator.ui.issue-results.detail-view.card-list.card.list-item">
  <a data-testid="issue-navigator.ui.issue-results.detail-view.card-list.card" href="${browse(issue.key)}"${issue.key === selectedKey ? ' aria-current="true"' : ''}>
    ${icon(issue.issueType)}<span>${issue.key}</span>
    <div data-testid="issue-navigator.ui.issue-results.detail-view.card-list.card.summary">${esc(issue.summary)}</div>
  </a>
</li>`;
  return shell(
    selected ? selected.key : 'Search',
    `<h1>Search</h1>
<div style="display: flex; gap: 16px; align-items: flex-start">
  <div style="width: 320px; flex: none">
    <ol style="list-style: none; margin: 0; padding: 0">
${shown.map(card).join('\n')}
    </ol>
    <p data-testid="issue-navigator.ui.issue-results.detail-view.card-container.total-count">1–${shown.length} of ${issues.length}</p>
  </div>
  <div style="flex: 1">${selected ? issueView(selected) : '<p>We couldn’t find that work item.</p>'}</div>
</div>`,
  );
}
