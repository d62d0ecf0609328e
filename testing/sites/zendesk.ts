/**
 * A fake Zendesk Agent Workspace: the views table (Garden `tables.*` + `data-test-id`, columns in the
 * user's order, optional group-by rows, rows rebuilt on Sort and Refresh as React does), the
 * ticket page with its tabs bar (every open tab stays mounted, only one workspace is visible, a
 * click switches in-page and pushes the URL), and search results. Modelled on zendesk-dom.md in
 * the team's reference notes (sections cited below). The REST side is in zendesk-rest.ts.
 */
import { escapeHtml as esc, zendeskDate, ZENDESK_GROUPS, type FakeZendeskTicket } from './tickets';

export { zendeskAudits, zendeskGroups, zendeskOrganizations, zendeskShowMany, zendeskTicketJson } from './zendesk-rest';

export type ZendeskColumn = 'id' | 'subject' | 'status' | 'requester' | 'priority' | 'assignee' | 'type' | 'requested' | 'updated' | 'group';

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
  group: 'Group',
};

const STATUS_LABEL: Record<FakeZendeskTicket['status'], string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
};

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

function shell(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} – Acme Support – Zendesk</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #2f3941; }
  [data-test-id="header-tablist"] { display: flex; gap: 2px; background: #f8f9f9; border-bottom: 1px solid #d8dcde; padding: 4px 8px; min-height: 40px; }
  [data-test-id="header-tab"] { padding: 4px 12px; border-radius: 4px; background: #fff; border: 1px solid #d8dcde; cursor: pointer; }
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
  .omni-header { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  [data-test-id="omni-header-via-label"], [data-test-id="tabs-section-nav-item-ticket"] { color: #68737d; font-size: 13px; }
  [data-test-id="ticket-fields-priority-select"] { font-size: 13px; text-transform: capitalize; }
  [data-test-id="omni-log-container"] article { border: 1px solid #e9ebed; border-radius: 6px; padding: 8px 12px; background: #fff; }
  [data-test-id="header-tab"][aria-selected="true"] { border-color: #1f73b7; box-shadow: inset 0 -2px 0 #1f73b7; }
  [data-test-id="close-button"] { border: 0; background: none; color: #68737d; cursor: pointer; }
  [role="tablist"] [role="tab"] { display: inline-block; padding: 4px 10px; }
  [data-test-id^="search_tables_tab-"][aria-selected="true"] { border-bottom: 2px solid #1f73b7; }
</style></head>
<body>${body}${script ? `\n<script>${script}</script>` : ''}</body></html>`;
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
      // The href attribute is relative (§3.2, rule 6).
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-subject"><a data-garden-id="buttons.anchor" href="tickets/${t.id}">${esc(t.subject)}</a></td>`;
    case 'status':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-custom-status">${statusBadge(t)}</td>`;
    case 'requester':
      // No test-id: only the name (§3.2).
      return `<td data-garden-id="tables.cell" aria-label="${esc(t.requester)}">${esc(t.requester)}</td>`;
    case 'priority': {
      // No test-id either: the localised label (§3.2, rule 4).
      const label = capitalised(t.priority);
      return `<td data-garden-id="tables.cell" aria-label="${label}">${label}</td>`;
    }
    case 'assignee':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-assignee">${esc(t.assignee ?? '-')}</td>`;
    case 'type':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-type">${capitalised(t.type)}</td>`;
    case 'group':
      return `<td data-garden-id="tables.cell">${esc(ZENDESK_GROUPS[t.groupId] ?? '-')}</td>`;
    case 'requested':
      return date(t.created);
    case 'updated':
      return date(t.updated);
  }
}

function row(t: FakeZendeskTicket, columns: ZendeskColumn[], describedBy = true): string {
  return `<tr data-garden-id="tables.row" data-test-id="generic-table-row" role="row" aria-selected="false" tabindex="-1"${describedBy ? ` aria-describedby="generic-table-row-${t.id}"` : ''}>
  <td data-garden-id="tables.cell" data-test-id="generic-table-cells-selectable"><input type="checkbox" aria-label="Select ticket"></td>
  ${columns.map((c) => cell(t, c)).join('\n  ')}
</tr>`;
}

function table(tickets: FakeZendeskTicket[], columns: ZendeskColumn[], options: { groupBy?: 'group'; describedBy?: boolean } = {}): string {
  let body: string;
  if (options.groupBy === 'group') {
    const groups = [...new Set(tickets.map((t) => t.groupId))];
    body = groups
      .map(
        (g) => `<tr data-garden-id="tables.group_row" data-test-id="generic-table-rows-group-by"><td colspan="${columns.length + 1}">Group: ${esc(ZENDESK_GROUPS[g] ?? String(g))}</td></tr>
${tickets.filter((t) => t.groupId === g).map((t) => row(t, columns, options.describedBy)).join('\n')}`,
      )
      .join('\n');
  } else {
    body = tickets.map((t) => row(t, columns, options.describedBy)).join('\n');
  }
  return `<table data-garden-id="tables.table" data-test-id="generic-table">
      <thead data-garden-id="tables.head" data-test-id="generic-table-head"><tr data-garden-id="tables.header_row">
        <th data-garden-id="tables.header_cell" data-test-id="generic-table-cells-empty-cell"></th>
        ${columns.map((c) => `<th data-garden-id="tables.header_cell"><button data-test-id="generic-table-cells-sortable" data-garden-id="tables.sortable">${HEADERS[c]}</button></th>`).join('')}
      </tr></thead>
      <tbody data-garden-id="tables.body" data-test-id="generic-table-body">
${body}
      </tbody>
    </table>`;
}

/**
 * The app's own table logic: it keeps the rows it rendered (as markup) and, on Sort or Refresh,
 * rebuilds every row of the `<tbody>`, as React does: rows are new elements, and whatever another
 * script put in them is gone (zendesk-dom.md rule 7: a custom attribute on a row did not survive).
 */
const TABLE_SCRIPT = `(() => {
  const body = document.querySelector('[data-test-id="generic-table-body"]');
  if (!body) return;
  const segments = [];
  for (const tr of [...body.children]) {
    if (tr.matches('[data-test-id="generic-table-rows-group-by"]') || segments.length === 0) segments.push({ head: tr.matches('[data-test-id="generic-table-rows-group-by"]') ? tr.outerHTML : '', rows: [] });
    if (tr.matches('[data-test-id="generic-table-row"]')) segments[segments.length - 1].rows.push({ html: tr.outerHTML, cells: [...tr.cells].map((td) => (td.querySelector('time')?.getAttribute('datetime') ?? td.textContent).trim()) });
  }
  let column = -1;
  let ascending = true;
  const render = () => {
    body.innerHTML = segments.map((s) => s.head + [...s.rows].sort((a, b) => (column < 0 ? 0 : (ascending ? 1 : -1) * a.cells[column].localeCompare(b.cells[column], 'en', { numeric: true }))).map((r) => r.html).join('')).join('');
  };
  for (const button of document.querySelectorAll('[data-test-id="generic-table-cells-sortable"]')) {
    button.addEventListener('click', () => {
      const index = button.closest('th').cellIndex;
      ascending = index === column ? !ascending : true;
      column = index;
      render();
    });
  }
  document.querySelector('[data-test-id="views_views-list_header-refresh"]')?.addEventListener('click', render);
})();`;

export interface ViewOptions {
  columns?: ZendeskColumn[];
  /** Group rows by assignee group, as a view with "Group by" does. */
  groupBy?: 'group';
  title?: string;
}

export const DEFAULT_VIEW_COLUMNS: ZendeskColumn[] = ['id', 'subject', 'status', 'requester', 'priority', 'requested', 'assignee'];

/** A view: `/agent/filters/{id}` (§3). */
export function zendeskViewPage(tickets: FakeZendeskTicket[], options: ViewOptions = {}): string {
  const columns = options.columns ?? DEFAULT_VIEW_COLUMNS;
  const title = options.title ?? 'Your unsolved tickets';
  return shell(
    title,
    `<div data-test-id="header-tablist" role="tablist"></div>
<div data-garden-id="pane" role="tabpanel"><div data-test-id="views_views-pane-div">
  <h1 data-test-id="views_views-header-title">${esc(title)}</h1>
  <div data-test-id="views_views-header-counter">${tickets.length} tickets</div>
  <button data-test-id="views_views-list_header-refresh">Refresh</button>
  <div id="views_views-ticket-table"><div data-garden-id="pane.content">
    ${table(tickets, columns, { groupBy: options.groupBy })}
  </div></div>
</div></div>`,
    TABLE_SCRIPT,
  );
}

function tab(t: FakeZendeskTicket, active: boolean): string {
  return `<div data-test-id="header-tab" role="tab" aria-selected="${active}">
  <div data-test-id="header-tab-title">${esc(t.subject)}</div>
  <div data-test-id="header-tab-subtitle"><span>#${t.id}</span></div>
  <button data-test-id="close-button" aria-label="Close tab">×</button>
</div>`;
}

function workspace(t: FakeZendeskTicket, visible: boolean): string {
  // Hidden workspaces stay mounted with an inline display: none (rule 8; H filters on it).
  return `<div class="workspace"${visible ? '' : ' style="display: none;"'}>
  <div data-side-conversations-anchor-id="${t.id}">
    <header class="omni-header"><input data-test-id="omni-header-subject" value="${esc(t.subject)}" aria-label="Subject" size="40">
    <div data-test-id="omni-header-via-label">via ${t.via === 'mail' ? 'Email' : 'Web form'}</div></header>
    <span data-test-id="tabs-section-nav-item-ticket">Ticket #${t.id}</span>
    <div data-test-id="ticket-fields-status-view">${statusBadge(t)}</div>
    <div data-test-id="ticket-fields-priority-select"><div data-garden-id="dropdowns.combobox.value">${t.priority}</div></div>
    <div data-test-id="omni-log-container"><article data-test-id="omni-log-comment-item"><p>Please look at ticket #999 too, and <a href="/agent/tickets/998">this one</a>.</p></article></div>
  </div>
</div>`;
}

/**
 * Switching tabs happens in the page: the clicked tab's workspace becomes the visible one, then
 * the URL is pushed, as the agent UI (a single-page app, §1) does.
 */
const TABS_SCRIPT = `(() => {
  const list = document.querySelector('[data-test-id="header-tablist"]');
  list?.addEventListener('click', (event) => {
    const tab = event.target.closest('[data-test-id="header-tab"]');
    if (!tab || event.target.closest('[data-test-id="close-button"]')) return;
    const id = /^#(\\d+)$/.exec(tab.querySelector('[data-test-id="header-tab-subtitle"]')?.firstElementChild?.textContent.trim() ?? '')?.[1];
    if (!id) return;
    for (const other of list.querySelectorAll('[data-test-id="header-tab"]')) other.setAttribute('aria-selected', String(other === tab));
    for (const ws of document.querySelectorAll('.workspace')) {
      if (ws.querySelector('[data-side-conversations-anchor-id="' + id + '"]')) ws.removeAttribute('style');
      else ws.style.display = 'none';
    }
    history.pushState({}, '', '/agent/tickets/' + id);
  });
})();`;

/** The ticket page with a tab per open ticket; only the active ticket's workspace is visible (§5). */
export function zendeskTicketPage(open: FakeZendeskTicket[], activeId: number): string {
  const tabs = open.map((t) => tab(t, t.id === activeId)).join('\n');
  const workspaces = open.map((t) => workspace(t, t.id === activeId)).join('\n');
  return shell(`#${activeId}`, `<div data-test-id="header-tablist" role="tablist">${tabs}</div>\n${workspaces}`, TABS_SCRIPT);
}

export const SEARCH_COLUMNS: ZendeskColumn[] = ['subject', 'requester', 'requested', 'status', 'group', 'assignee'];

/**
 * Search results, `/agent/search/1?query=…` (§4): a workspace with the query box, the Tickets tab
 * selected, and the same generic table as views inside `div[id^="search-ticket-"]`; these rows
 * carry no `aria-describedby`, so the ticket id comes from the subject link. The agent also has a
 * ticket open in another tab (its workspace hidden) and the search tab itself, which names no ticket.
 */
export function zendeskSearchPage(tickets: FakeZendeskTicket[], query: string, openTicket?: FakeZendeskTicket): string {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '' && !w.includes(':'));
  const results = tickets.filter((t) => words.every((w) => t.subject.toLowerCase().includes(w)));
  const searchTab = `<div data-test-id="header-tab" role="tab" aria-selected="true">
  <div data-test-id="header-tab-title">Search: ${esc(query)}</div>
  <div data-test-id="header-tab-subtitle"><span>${results.length} results</span></div>
  <button data-test-id="close-button" aria-label="Close tab">×</button>
</div>`;
  return shell(
    `Search: ${query}`,
    `<div data-test-id="header-tablist" role="tablist">${openTicket ? tab(openTicket, false) : ''}${searchTab}</div>
${openTicket ? workspace(openTicket, false) : ''}
<div class="workspace"><div data-garden-id="pane" role="tabpanel">
  <input data-test-id="search_advanced-search-box_input-field_media-input" value="${esc(query)}" aria-label="Search">
  <div role="tablist">
    <div data-test-id="search_tables_tab-tickets" role="tab" aria-selected="true">Tickets (${results.length})</div>
    <div data-test-id="search_tables_tab-users" role="tab" aria-selected="false">Users (0)</div>
  </div>
  <div id="search-ticket-table">
    ${table(results, SEARCH_COLUMNS, { describedBy: false })}
  </div>
  <nav data-garden-id="pagination.pagination_view"><ul><li data-garden-id="pagination.page" aria-current="true" title="1">1</li></ul></nav>
</div></div>`,
    TABLE_SCRIPT,
  );
}
