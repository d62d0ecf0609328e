/**
 * A fake Zendesk Agent Workspace: the views table (Garden `tables.*` + `data-test-id`, columns in the
 * user's order, optional group-by rows), the ticket page with its tabs bar (every open tab stays
 * mounted, only one is visible), and `/api/v2/tickets/show_many.json` in the documented shape.
 * Modelled on zendesk-dom.md in the team's reference notes.
 */
import { escapeHtml as esc, zendeskDate, ZENDESK_GROUPS, type FakeZendeskTicket } from './tickets';
import type { FakeRequest, FakeResponse } from './types';

export type ZendeskColumn = 'id' | 'subject' | 'status' | 'requester' | 'priority' | 'assignee' | 'type' | 'requested' | 'updated';

const HEADERS: Record<ZendeskColumn, string> = {
  id: 'ID',
  subject: 'Subject',
  status: 'Ticket status',
  requester: 'Requester',
  priority: 'Priority',
  assignee: 'Assignee',
  type: 'Type',
  requested: 'Requested',
  updated: 'Updated',
};

const STATUS_LABEL: Record<FakeZendeskTicket['status'], string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
};

function shell(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} – Acme Support – Zendesk</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #2f3941; }
  [data-test-id="header-tablist"] { display: flex; gap: 2px; background: #f8f9f9; border-bottom: 1px solid #d8dcde; padding: 4px 8px; min-height: 40px; }
  [data-test-id="header-tab"] { padding: 4px 12px; border-radius: 4px; background: #fff; border: 1px solid #d8dcde; }
  [data-test-id="header-tab-title"] { font-weight: 600; font-size: 13px; }
  [data-test-id="header-tab-subtitle"] { font-size: 12px; color: #68737d; }
  [data-garden-id="pane"] { padding: 16px 24px; }
  th button { font: inherit; background: none; border: 0; padding: 0; color: inherit; cursor: pointer; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 8px; border-bottom: 1px solid #e9ebed; }
  th { font-size: 12px; color: #68737d; }
  [data-garden-id="tables.group_row"] td { background: #f8f9f9; font-weight: 600; }
  .badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 11px; font-weight: 600; color: #fff; background: #87929d; }
  .badge-open { background: #c72a1c; } .badge-new { background: #e34f32; } .badge-pending { background: #1f73b7; } .badge-hold { background: #2f3941; } .badge-solved { background: #87929d; }
  a { color: #1f73b7; text-decoration: none; }
  .workspace > div { padding: 16px 24px; display: grid; gap: 10px; max-width: 720px; }
  [data-test-id="omni-header-subject"] { font: 600 20px system-ui, sans-serif; border: 1px solid transparent; padding: 4px 6px; border-radius: 4px; }
  [data-test-id="omni-header-subject"]:hover { border-color: #d8dcde; }
  [data-test-id="omni-header-via-label"], [data-test-id="tabs-section-nav-item-ticket"] { color: #68737d; font-size: 13px; }
  [data-test-id="ticket-fields-priority-select"] { font-size: 13px; text-transform: capitalize; }
  [data-test-id="omni-log-container"] article { border: 1px solid #e9ebed; border-radius: 6px; padding: 8px 12px; background: #fff; }
  [data-test-id="header-tab"][aria-selected="true"] { border-color: #1f73b7; box-shadow: inset 0 -2px 0 #1f73b7; }
  [data-test-id="close-button"] { border: 0; background: none; color: #68737d; cursor: pointer; }
</style></head>
<body>${body}</body></html>`;
}

function statusBadge(t: FakeZendeskTicket): string {
  return `<span aria-label="${STATUS_LABEL[t.status]}"><div><div class="badge badge-${t.status}" data-test-id="status-badge-${t.status}">${STATUS_LABEL[t.status]}</div></div></span>`;
}

function cell(t: FakeZendeskTicket, column: ZendeskColumn): string {
  const date = (ms: number) => `<td data-garden-id="tables.cell" data-test-id="generic-table-cells-date"><time datetime="${zendeskDate(ms)}" title="${new Date(ms).toUTCString()}">${new Date(ms).toUTCString().slice(5, 16)}</time></td>`;
  switch (column) {
    case 'id':
      return `<td data-garden-id="tables.cell" data-test-id="generic-table-cells-id">#${t.id}</td>`;
    case 'subject':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-subject"><a data-garden-id="buttons.anchor" href="tickets/${t.id}">${esc(t.subject)}</a></td>`;
    case 'status':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-custom-status">${statusBadge(t)}</td>`;
    case 'requester':
      return `<td data-garden-id="tables.cell" aria-label="${esc(t.requester)}">${esc(t.requester)}</td>`;
    case 'priority': {
      const label = t.priority[0]!.toUpperCase() + t.priority.slice(1);
      return `<td data-garden-id="tables.cell" aria-label="${label}">${label}</td>`;
    }
    case 'assignee':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-assignee">${esc(t.assignee ?? '-')}</td>`;
    case 'type':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-type">${t.type[0]!.toUpperCase() + t.type.slice(1)}</td>`;
    case 'requested':
      return date(t.created);
    case 'updated':
      return date(t.updated);
  }
}

function row(t: FakeZendeskTicket, columns: ZendeskColumn[]): string {
  return `<tr data-garden-id="tables.row" data-test-id="generic-table-row" role="row" aria-selected="false" tabindex="-1" aria-describedby="generic-table-row-${t.id}">
  <td data-garden-id="tables.cell" data-test-id="generic-table-cells-selectable"><input type="checkbox" aria-label="Select ticket"></td>
  ${columns.map((c) => cell(t, c)).join('\n  ')}
</tr>`;
}

export interface ViewOptions {
  columns?: ZendeskColumn[];
  /** Group rows by assignee group, as a view with "Group by" does. */
  groupBy?: 'group';
  title?: string;
}

/** A view: `/agent/filters/{id}`. */
export function zendeskViewPage(tickets: FakeZendeskTicket[], options: ViewOptions = {}): string {
  const columns = options.columns ?? ['id', 'subject', 'status', 'requester', 'priority', 'requested', 'assignee'];
  let body: string;
  if (options.groupBy === 'group') {
    const groups = [...new Set(tickets.map((t) => t.groupId))];
    body = groups
      .map(
        (g) => `<tr data-garden-id="tables.group_row" data-test-id="generic-table-rows-group-by"><td colspan="${columns.length + 1}">Group: ${esc(ZENDESK_GROUPS[g] ?? String(g))}</td></tr>
${tickets.filter((t) => t.groupId === g).map((t) => row(t, columns)).join('\n')}`,
      )
      .join('\n');
  } else {
    body = tickets.map((t) => row(t, columns)).join('\n');
  }
  const title = options.title ?? 'Your unsolved tickets';
  return shell(
    title,
    `<div data-test-id="header-tablist" role="tablist"></div>
<div data-garden-id="pane" role="tabpanel"><div data-test-id="views_views-pane-div">
  <h1 data-test-id="views_views-header-title">${esc(title)}</h1>
  <div data-test-id="views_views-header-counter">${tickets.length} tickets</div>
  <button data-test-id="views_views-list_header-refresh">Refresh</button>
  <div id="views_views-ticket-table"><div data-garden-id="pane.content">
    <table data-garden-id="tables.table" data-test-id="generic-table">
      <thead data-garden-id="tables.head" data-test-id="generic-table-head"><tr data-garden-id="tables.header_row">
        <th data-garden-id="tables.header_cell" data-test-id="generic-table-cells-empty-cell"></th>
        ${columns.map((c) => `<th data-garden-id="tables.header_cell"><button data-test-id="generic-table-cells-sortable" data-garden-id="tables.sortable">${HEADERS[c]}</button></th>`).join('')}
      </tr></thead>
      <tbody data-garden-id="tables.body" data-test-id="generic-table-body">
${body}
      </tbody>
    </table>
  </div></div>
</div></div>`,
  );
}

/** The ticket page with a tab per open ticket; only the active ticket's workspace is visible. */
export function zendeskTicketPage(open: FakeZendeskTicket[], activeId: number): string {
  const tabs = open
    .map(
      (t) => `<div data-test-id="header-tab" role="tab" aria-selected="${t.id === activeId}">
  <div data-test-id="header-tab-title">${esc(t.subject)}</div>
  <div data-test-id="header-tab-subtitle"><span>#${t.id}</span></div>
  <button data-test-id="close-button" aria-label="Close tab">×</button>
</div>`,
    )
    .join('\n');
  const workspaces = open
    .map(
      (t) => `<div class="workspace"${t.id === activeId ? '' : ' style="display: none;"'}>
  <div data-side-conversations-anchor-id="${t.id}">
    <input data-test-id="omni-header-subject" value="${esc(t.subject)}" aria-label="Subject">
    <div data-test-id="omni-header-via-label">via Web form</div>
    <span data-test-id="tabs-section-nav-item-ticket">Ticket #${t.id}</span>
    <div data-test-id="ticket-fields-status-view">${statusBadge(t)}</div>
    <div data-test-id="ticket-fields-priority-select"><div data-garden-id="dropdowns.combobox.value">${t.priority}</div></div>
    <div data-test-id="omni-log-container"><article data-test-id="omni-log-comment-item"><p>Please look at ticket #999 too.</p></article></div>
  </div>
</div>`,
    )
    .join('\n');
  return shell(`#${activeId}`, `<div data-test-id="header-tablist" role="tablist">${tabs}</div>\n${workspaces}`);
}

/** One ticket in the Tickets API's documented JSON shape. */
export function zendeskTicketJson(t: FakeZendeskTicket, origin: string): object {
  return {
    url: `${origin}/api/v2/tickets/${t.id}.json`,
    id: t.id,
    external_id: null,
    via: { channel: 'web' },
    created_at: zendeskDate(t.created),
    updated_at: zendeskDate(t.updated),
    type: t.type,
    subject: t.subject,
    raw_subject: t.subject,
    priority: t.priority,
    status: t.status,
    requester_id: 20000 + t.id,
    submitter_id: 20000 + t.id,
    assignee_id: t.assignee ? 30000 + t.assignee.length : null,
    organization_id: t.organizationId ?? null,
    group_id: t.groupId,
    tags: t.tags,
    custom_fields: [],
    due_at: null,
  };
}

/** `GET /api/v2/tickets/show_many.json?ids=1,2,3` (up to 100 ids). */
export function zendeskShowMany(tickets: FakeZendeskTicket[], req: FakeRequest): FakeResponse {
  const ids = (req.url.searchParams.get('ids') ?? '').split(',').map(Number).filter(Number.isFinite);
  if (ids.length > 100) return { status: 400, contentType: 'application/json', body: '{"error":"InvalidParameter","description":"ids: too many"}' };
  const found = tickets.filter((t) => ids.includes(t.id)).map((t) => zendeskTicketJson(t, req.url.origin));
  return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify({ tickets: found, next_page: null, previous_page: null, count: found.length }) };
}
