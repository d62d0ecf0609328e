/**
 * A fake Jira Cloud site: pages shaped like the real markup (jira-dom.md in the team's reference
 * notes: testids, `/browse/` links, user-ordered columns) and `/rest/api/3/search/jql` answering
 * in Atlassian's documented shape. Only what SLA Lens reads is modelled.
 */
import { escapeHtml as esc, jiraDate, JIRA_PROJECT, type FakeJiraIssue } from './tickets';
import type { FakeRequest, FakeResponse } from './types';

const CATEGORY_IDS = { new: 2, indeterminate: 4, done: 3 } as const;

function shell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="application-name" content="JIRA">
<meta name="ajs-base-url" content="">
<title>${esc(title)} - Jira</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #172b4d; background: #fff; }
  header.nav { height: 48px; display: flex; align-items: center; padding: 0 16px; border-bottom: 1px solid #dfe1e6; font-weight: 600; }
  main { padding: 16px 24px; }
  h1 { font-size: 20px; margin: 0 0 16px; }
  [role="row"] { display: grid; grid-template-columns: 150px 110px 1fr 140px 120px 180px; gap: 8px; padding: 8px 4px; border-bottom: 1px solid #ebecf0; align-items: center; }
  [role="columnheader"] { font-weight: 600; color: #5e6c84; font-size: 12px; }
  a { color: #0c66e4; text-decoration: none; }
  .board { display: flex; gap: 12px; align-items: flex-start; }
  .column { background: #f7f8f9; border-radius: 6px; padding: 8px; width: 260px; min-height: 120px; }
  .column h2 { font-size: 12px; text-transform: uppercase; color: #5e6c84; margin: 4px 4px 8px; }
  [data-testid="platform-board-kit.ui.card.card"] { background: #fff; border-radius: 4px; box-shadow: 0 1px 2px #091e4240; padding: 8px; margin-bottom: 8px; }
  .lozenge { font-size: 11px; font-weight: 700; text-transform: uppercase; background: #dfe1e6; border-radius: 3px; padding: 1px 4px; border: 0; }
</style></head>
<body><header class="nav">Jira · ${esc(JIRA_PROJECT.name)}</header>
<main>${body}</main></body></html>`;
}

const browse = (key: string) => `/browse/${key}`;

function keyLink(issue: FakeJiraIssue, testid: string): string {
  const resolved = issue.statusCategory === 'done' ? 'is resolved' : 'is not resolved';
  return `<a data-testid="${testid}" href="${browse(issue.key)}" aria-label="${issue.key} ${resolved}">${issue.key}</a>`;
}

function statusLozenge(issue: FakeJiraIssue): string {
  const n = CATEGORY_IDS[issue.statusCategory];
  return `<button class="lozenge" data-testid="issue.fields.status.common.ui.status-lozenge.${n}"><span data-testid="issue.fields.status.common.ui.status-lozenge.${n}--text">${esc(issue.status)}</span></button>`;
}

/** A Jira Service Management agent queue (Cloud, 2025 markup): rows with `time[datetime]` in Created. */
export function jiraQueuePage(issues: FakeJiraIssue[], columns = ['request', 'key', 'summary', 'status', 'assignee', 'created']): string {
  const headers: Record<string, string> = { request: 'Request Type', key: 'Key', summary: 'Summary', status: 'Status', assignee: 'Assignee', created: 'Created' };
  const cell = (issue: FakeJiraIssue, column: string): string => {
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
        return `<div role="gridcell"><time datetime="${new Date(issue.created).toISOString()}">${new Date(issue.created).toUTCString().slice(5, 22)}</time></div>`;
    }
  };
  const rows = issues
    .map((issue) => `<div role="row" data-testid="servicedesk-queues.ui.queue-row">${columns.map((c) => cell(issue, c)).join('')}</div>`)
    .join('\n');
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

/** A company-managed board (Cloud, platform-board-kit markup). Status is given by the column only. */
export function jiraBoardPage(issues: FakeJiraIssue[]): string {
  const columns = [...new Set(issues.map((i) => i.status))];
  const card = (issue: FakeJiraIssue) => `<div id="card-${issue.key}" data-testid="platform-board-kit.ui.card.card" data-component-selector="platform-board-kit.ui.card-container" draggable="true">
  <button data-testid="platform-card.ui.card.focus-container" aria-label="${issue.key} ${esc(issue.summary)}. Use the enter key to load the work item."></button>
  <span data-testid="issue-field-single-line-text-readview-card.ui.single-line-text.container.box">${esc(issue.summary)}</span>
  <div data-testid="platform-card.ui.card.card-content.footer">
    <img alt="${esc(issue.issueType)}" width="16" height="16" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <span data-testid="platform-card.common.ui.key.key">${keyLink(issue, 'platform-card.common.ui.key.key-link').replace(`>${issue.key}</a>`, `><div>${issue.key}</div></a>`)}</span>
    <span data-testid="platform-card.common.ui.priority.icon"><img alt="${issue.priority} priority" width="16" height="16" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></span>
    <span data-testid="board.common.fields.assignee-field-static.avatar--label" hidden>Assignee: ${esc(issue.assignee ?? 'Unassigned')}</span>
  </div>
</div>`;
  const body = columns
    .map(
      (status) => `<div class="column" data-testid="platform-board-kit.ui.column.draggable-column.styled-wrapper">
  <div data-testid="platform-board-kit.common.ui.column-header.header.column-header-container"><h2 data-testid="platform-board-kit.common.ui.column-header.editable-title.column-title.column-name">${esc(status)}</h2></div>
  ${issues.filter((i) => i.status === status).map(card).join('\n')}
</div>`,
    )
    .join('\n');
  return shell('SUP board', `<h1>SUP board</h1><div class="board">${body}</div>`);
}

/** The full-page issue view (`/browse/KEY`). The description mentions other keys, which must not become tickets. */
export function jiraIssuePage(issue: FakeJiraIssue): string {
  return shell(
    issue.key,
    `<div id="jira-issue-header">
  <ol><li role="listitem" data-testid="issue.views.issue-base.foundation.breadcrumbs.breadcrumb-current-issue-container">
    <a data-testid="issue.views.issue-base.foundation.breadcrumbs.current-issue.item" href="${browse(issue.key)}" aria-current="page"><span>${issue.key}</span></a>
  </li></ol>
  <h1 data-testid="issue.views.issue-base.foundation.summary.heading">${esc(issue.summary)}</h1>
</div>
<div data-testid="issue.views.issue-base.foundation.status.status-field-wrapper">${statusLozenge(issue)}</div>
<div data-testid="issue-field-priority-readview-full.ui.priority.wrapper"><img alt="" width="16" height="16" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><span>${issue.priority}</span></div>
<div class="ak-renderer-document"><p>Related to <a href="/browse/SUP-9999">SUP-9999</a>, see also OPS-12.</p></div>`,
  );
}

/** One issue as `/rest/api/3/search/jql` returns it with the fields SLA Lens asks for. */
export function jiraIssueJson(issue: FakeJiraIssue, origin: string): object {
  const category = { new: ['new', 'To Do', 'blue-gray'], indeterminate: ['indeterminate', 'In Progress', 'yellow'], done: ['done', 'Done', 'green'] }[issue.statusCategory];
  return {
    expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
    id: String(issue.id),
    key: issue.key,
    self: `${origin}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      created: jiraDate(issue.created),
      updated: jiraDate(issue.updated),
      resolutiondate: issue.resolved ? jiraDate(issue.resolved) : null,
      priority: { id: String(['Highest', 'High', 'Medium', 'Low', 'Lowest'].indexOf(issue.priority) + 1), name: issue.priority, iconUrl: `${origin}/images/icons/priorities/${issue.priority.toLowerCase()}.svg`, self: `${origin}/rest/api/3/priority/1` },
      status: {
        name: issue.status,
        id: '10001',
        self: `${origin}/rest/api/3/status/10001`,
        statusCategory: { id: { new: 2, indeterminate: 4, done: 3 }[issue.statusCategory], key: category[0], name: category[1], colorName: category[2], self: `${origin}/rest/api/3/statuscategory/2` },
      },
      issuetype: { id: '10004', name: issue.issueType, subtask: false, self: `${origin}/rest/api/3/issuetype/10004` },
      labels: issue.labels,
      project: { id: String(JIRA_PROJECT.id), key: JIRA_PROJECT.key, name: JIRA_PROJECT.name, self: `${origin}/rest/api/3/project/${JIRA_PROJECT.id}` },
      assignee: issue.assignee ? { accountId: `acc-${issue.assignee.toLowerCase().replace(/\W+/g, '-')}`, displayName: issue.assignee, active: true } : null,
      customfield_10010: issue.requestType ? { requestType: { id: '1', name: issue.requestType } } : null,
    },
    changelog: {
      startAt: 0,
      maxResults: issue.history.length,
      total: issue.history.length,
      histories: issue.history.map((h, i) => ({
        id: String(20000 + i),
        author: { accountId: 'acc-agent', displayName: 'Support agent', active: true },
        created: jiraDate(h.at),
        items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: h.from, to: '2', toString: h.to }],
      })),
    },
  };
}

/** `POST /rest/api/3/search/jql` with `jql: key in (A, B)`. */
export function jiraSearch(issues: FakeJiraIssue[], req: FakeRequest): FakeResponse {
  if (req.method !== 'POST' && req.method !== 'GET') return { status: 405, contentType: 'application/json', body: '{"errorMessages":["Method not allowed"]}' };
  let jql = '';
  if (req.method === 'POST') {
    try {
      jql = String((JSON.parse(req.body ?? '{}') as { jql?: unknown }).jql ?? '');
    } catch {
      return { status: 400, contentType: 'application/json', body: '{"errorMessages":["Invalid request payload."]}' };
    }
  } else {
    jql = req.url.searchParams.get('jql') ?? '';
  }
  const m = /key\s+in\s*\(([^)]*)\)/i.exec(jql);
  if (!m) return { status: 400, contentType: 'application/json', body: JSON.stringify({ errorMessages: [`Unbounded JQL queries are not allowed here: ${jql}`] }) };
  const keys = new Set(m[1]!.split(',').map((k) => k.trim().replace(/^"|"$/g, '').toUpperCase()));
  const found = issues.filter((i) => keys.has(i.key));
  return { status: 200, contentType: 'application/json;charset=UTF-8', body: JSON.stringify({ isLast: true, issues: found.map((i) => jiraIssueJson(i, req.url.origin)) }) };
}
