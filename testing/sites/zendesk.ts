/**
 * A fake Zendesk Agent Workspace: the views table (Garden `tables.*` + `data-test-id`, columns in the
 * user's order, optional group-by rows, rows rebuilt on Sort and Refresh as React does), the
 * ticket page with its tabs bar (every open tab stays mounted, only one workspace is visible, a
 * click switches in-page and pushes the URL), and search results with their Tickets and Users
 * tabs. Modelled on zendesk-dom.md and real-markup-evidence.md §2.11–2.14 in the team's reference
 * notes (sections cited below). The REST side is in zendesk-rest.ts.
 *
 * Every page renders in English, German or Hebrew (right to left): Zendesk's agent UI ships in 33
 * locales, and a reader that needs an English word to find a ticket or a column fails in all but
 * one. The agent's language comes from their profile in the real UI; here it is the URL's
 * `locale` parameter, which only the fake site reads.
 */
import { escapeHtml as esc, zendeskAgentId, zendeskDate, ZENDESK_GROUPS, type FakeZendeskTicket } from './tickets';

export { zendeskAudits, zendeskGroups, zendeskOrganizations, zendeskShowMany, zendeskTicketJson } from './zendesk-rest';

export type ZendeskColumn = 'id' | 'subject' | 'status' | 'requester' | 'priority' | 'assignee' | 'type' | 'requested' | 'updated' | 'group';
export type ZendeskLocale = 'en' | 'de' | 'he';
type Status = FakeZendeskTicket['status'];

/**
 * Which generation of markup a page shows. The evidence shows both generations in use (2023–2026);
 * each locale shows one by default (`MARKUP`), so the browser suites cover the first strategy of
 * every reader (German, Hebrew) and its fallback (English). Unit tests mix them freely.
 */
export interface ZendeskMarkup {
  /** The ticket grid `.ticket-panes-grid-layout[data-is-active]` with `data-test-id="ticket-{id}-custom-layout"` (toggl 2024-10; a 2026 capture). */
  activePane: boolean;
  /** How inactive workspaces are hidden: an inline `display: none` (holatuwol 2025), or only the grid's marker and a stylesheet. */
  hideInactive: 'style' | 'marker';
  /** Tabs carry `data-entity-type` and `data-entity-id` (lowply's bookmarklet; toggl 2022; a tab-timer extension). */
  entityIds: boolean;
  /** Search rows carry `aria-describedby="generic-table-row-{id}"` as view rows do (bryanvillarin v1.6, 2026-04). */
  searchDescribedBy: boolean;
  /** `data-test-id="status-badge-{status}"` (zhroma 2026), or 2023's `data-cy-test-id="status-badge-state"` that names no status (holatuwol). */
  statusBadge: 'test-id' | 'cy-state';
}

export const MARKUP: Record<ZendeskLocale, ZendeskMarkup> = {
  en: { activePane: false, hideInactive: 'style', entityIds: false, searchDescribedBy: false, statusBadge: 'test-id' },
  de: { activePane: true, hideInactive: 'style', entityIds: true, searchDescribedBy: true, statusBadge: 'test-id' },
  he: { activePane: true, hideInactive: 'marker', entityIds: true, searchDescribedBy: true, statusBadge: 'cy-state' },
};

interface Words {
  lang: string;
  dir: 'ltr' | 'rtl';
  headers: Record<ZendeskColumn, string>;
  status: Record<Status, string>;
  priority: Record<FakeZendeskTicket['priority'], string>;
  type: Record<FakeZendeskTicket['type'], string>;
  selectTicket: string;
  closeTab: string;
  refresh: string;
  tickets: (n: number) => string;
  viewTitle: string;
  emptyView: string;
  groupRow: (name: string) => string;
  search: string;
  searchTab: (query: string) => string;
  results: (n: number) => string;
  ticketsTab: (n: number) => string;
  usersTab: (n: number) => string;
  userHeaders: [string, string, string];
  endUser: string;
  agent: string;
  subject: string;
  via: (channel: string | undefined) => string;
  ticketNav: (id: number) => string;
  /** Mentions a ticket number and links another ticket: conversation text, never a ticket of the page. */
  comment: (link: string) => string;
}

const WORDS: Record<ZendeskLocale, Words> = {
  en: {
    lang: 'en',
    dir: 'ltr',
    headers: {
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
    },
    status: { new: 'New', open: 'Open', pending: 'Pending', hold: 'On-hold', solved: 'Solved', closed: 'Closed' },
    priority: { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' },
    type: { question: 'Question', incident: 'Incident', problem: 'Problem', task: 'Task' },
    selectTicket: 'Select ticket',
    closeTab: 'Close tab',
    refresh: 'Refresh',
    tickets: (n) => `${n} tickets`,
    viewTitle: 'Your unsolved tickets',
    emptyView: 'No tickets in this view',
    groupRow: (name) => `Group: ${name}`,
    search: 'Search',
    searchTab: (q) => `Search: ${q}`,
    results: (n) => `${n} results`,
    ticketsTab: (n) => `Tickets (${n})`,
    usersTab: (n) => `Users (${n})`,
    userHeaders: ['Name', 'Email', 'Role'],
    endUser: 'End user',
    agent: 'Agent',
    subject: 'Subject',
    via: (c) => (c === 'mail' ? 'via Email' : 'via Web form'),
    ticketNav: (id) => `Ticket #${id}`,
    comment: (link) => `Please look at ticket #999 too, and ${link}.`,
  },
  de: {
    lang: 'de',
    dir: 'ltr',
    headers: {
      id: 'ID',
      subject: 'Betreff',
      status: 'Ticketstatus',
      requester: 'Anfragender',
      priority: 'Priorität',
      assignee: 'Zugewiesener Mitarbeiter',
      type: 'Typ',
      requested: 'Angefragt',
      updated: 'Aktualisiert',
      group: 'Gruppe',
    },
    status: { new: 'Neu', open: 'Offen', pending: 'Wartend', hold: 'Angehalten', solved: 'Gelöst', closed: 'Geschlossen' },
    // "Normal" and "Problem" are English words too: a reader that maps English words would seem to work here.
    priority: { urgent: 'Dringend', high: 'Hoch', normal: 'Normal', low: 'Niedrig' },
    type: { question: 'Frage', incident: 'Vorfall', problem: 'Problem', task: 'Aufgabe' },
    selectTicket: 'Ticket auswählen',
    closeTab: 'Tab schließen',
    refresh: 'Aktualisieren',
    tickets: (n) => `${n} Tickets`,
    viewTitle: 'Ihre ungelösten Tickets',
    emptyView: 'Keine Tickets in dieser Ansicht',
    groupRow: (name) => `Gruppe: ${name}`,
    search: 'Suchen',
    searchTab: (q) => `Suche: ${q}`,
    results: (n) => `${n} Ergebnisse`,
    ticketsTab: (n) => `Tickets (${n})`,
    usersTab: (n) => `Benutzer (${n})`,
    userHeaders: ['Name', 'E-Mail', 'Rolle'],
    endUser: 'Endbenutzer',
    agent: 'Agent',
    subject: 'Betreff',
    via: (c) => (c === 'mail' ? 'über E-Mail' : 'über Webformular'),
    ticketNav: (id) => `Ticket #${id}`,
    comment: (link) => `Bitte sehen Sie sich auch Ticket #999 an, und ${link}.`,
  },
  he: {
    lang: 'he',
    dir: 'rtl',
    headers: {
      id: 'מזהה',
      subject: 'נושא',
      status: 'סטטוס הכרטיס',
      requester: 'מבקש',
      priority: 'עדיפות',
      assignee: 'נציג מטפל',
      type: 'סוג',
      requested: 'נשלחה בקשה',
      updated: 'עודכן',
      group: 'קבוצה',
    },
    status: { new: 'חדש', open: 'פתוח', pending: 'ממתין', hold: 'בהשהיה', solved: 'נפתר', closed: 'סגור' },
    priority: { urgent: 'דחוף', high: 'גבוה', normal: 'רגיל', low: 'נמוך' },
    type: { question: 'שאלה', incident: 'תקרית', problem: 'בעיה', task: 'משימה' },
    selectTicket: 'בחירת כרטיס',
    closeTab: 'סגירת כרטיסייה',
    refresh: 'רענון',
    tickets: (n) => `${n} כרטיסים`,
    viewTitle: 'הכרטיסים הפתוחים שלך',
    emptyView: 'אין כרטיסים בתצוגה זו',
    groupRow: (name) => `קבוצה: ${name}`,
    search: 'חיפוש',
    searchTab: (q) => `חיפוש: ${q}`,
    results: (n) => `${n} תוצאות`,
    ticketsTab: (n) => `כרטיסים (${n})`,
    usersTab: (n) => `משתמשים (${n})`,
    userHeaders: ['שם', 'דוא"ל', 'תפקיד'],
    endUser: 'משתמש קצה',
    agent: 'נציג',
    subject: 'נושא',
    via: (c) => (c === 'mail' ? 'דרך דוא"ל' : 'דרך טופס אינטרנט'),
    ticketNav: (id) => `כרטיס #${id}`,
    comment: (link) => `נא לבדוק גם את כרטיס #999, ואת ${link}.`,
  },
};

/** The agent's language and the markup generation of a page. */
export interface PageOptions {
  locale?: ZendeskLocale;
  /** Overrides the locale's markup generation (`MARKUP`). */
  markup?: Partial<ZendeskMarkup>;
}

interface Page {
  w: Words;
  m: ZendeskMarkup;
}

function pageOf(options: PageOptions): Page {
  const locale = options.locale ?? 'en';
  return { w: WORDS[locale], m: { ...MARKUP[locale], ...options.markup } };
}

/** The locale a fake-site URL asks for (`?locale=de`); English otherwise. */
export function zendeskLocaleOf(url: URL): ZendeskLocale {
  const locale = url.searchParams.get('locale');
  return locale === 'de' || locale === 'he' ? locale : 'en';
}

function shell({ w, m }: Page, title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="${w.lang}" dir="${w.dir}"><head><meta charset="utf-8"><title>${esc(title)} – Acme Support – Zendesk</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #2f3941; }
  [data-test-id="header-tablist"] { display: flex; gap: 2px; background: #f8f9f9; border-bottom: 1px solid #d8dcde; padding: 4px 8px; min-height: 40px; }
  [data-test-id="header-tab"] { padding: 4px 12px; border-radius: 4px; background: #fff; border: 1px solid #d8dcde; cursor: pointer; }
  [data-test-id="header-tab-title"] { font-weight: 600; font-size: 13px; }
  [data-test-id="header-tab-subtitle"] { font-size: 12px; color: #68737d; }
  [data-garden-id="pane"] { padding: 16px 24px; }
  th button { font: inherit; background: none; border: 0; padding: 0; color: inherit; cursor: pointer; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: start; padding: 8px; border-bottom: 1px solid #e9ebed; }
  th { font-size: 12px; color: #68737d; }
  [data-garden-id="tables.group_row"] td { background: #f8f9f9; font-weight: 600; }
  .badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 11px; font-weight: 600; color: #fff; background: #87929d; }
  .badge-open { background: #c72a1c; } .badge-new { background: #e34f32; } .badge-pending { background: #1f73b7; } .badge-hold { background: #2f3941; } .badge-solved { background: #87929d; }
  a { color: #1f73b7; text-decoration: none; }
  .workspace > div { padding: 16px 24px; display: grid; gap: 10px; max-width: 720px; }
  .ticket-panes-grid-layout { display: grid; grid-template-columns: 200px 1fr 200px; gap: 12px; }
  ${m.hideInactive === 'marker' ? '.ticket-panes-grid-layout[data-is-active="false"] { display: none; }' : ''}
  [data-test-id="omni-header-subject"] { font: 600 20px system-ui, sans-serif; border: 1px solid transparent; padding: 4px 6px; border-radius: 4px; }
  [data-test-id="omni-header-subject"]:hover { border-color: #d8dcde; }
  .omni-header { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  [data-test-id="omni-header-via-label"], [data-test-id="tabs-section-nav-item-ticket"] { color: #68737d; font-size: 13px; }
  [data-test-id="ticket-fields-priority-select"] { font-size: 13px; }
  [data-test-id="omni-log-container"] article { border: 1px solid #e9ebed; border-radius: 6px; padding: 8px 12px; background: #fff; }
  [data-test-id="header-tab"][aria-selected="true"] { border-color: #1f73b7; box-shadow: inset 0 -2px 0 #1f73b7; }
  [data-test-id="close-button"] { border: 0; background: none; color: #68737d; cursor: pointer; }
  [role="tablist"] [role="tab"] { display: inline-block; padding: 4px 10px; }
  [data-test-id^="search_tables_tab-"][aria-selected="true"] { border-bottom: 2px solid #1f73b7; }
  .drifted-grid { display: grid; gap: 4px; } .drifted-grid > div { display: flex; gap: 12px; padding: 6px 8px; border-bottom: 1px solid #e9ebed; }
</style></head>
<body>${body}${script ? `\n<script>${script}</script>` : ''}</body></html>`;
}

function statusBadge({ w, m }: Page, status: Status): string {
  const label = w.status[status];
  // The 2023 form names no status; its classes are hashed in the real UI, so none says it here either.
  const badge =
    m.statusBadge === 'test-id' ? `<div class="badge badge-${status}" data-test-id="status-badge-${status}">${label}</div>` : `<div class="badge" data-cy-test-id="status-badge-state">${label}</div>`;
  return `<span aria-label="${label}"><div>${badge}</div></span>`;
}

function cell(page: Page, t: FakeZendeskTicket, column: ZendeskColumn): string {
  const { w } = page;
  const date = (ms: number) =>
    `<td data-garden-id="tables.cell" data-test-id="generic-table-cells-date"><time datetime="${zendeskDate(ms)}" title="${new Date(ms).toISOString()}">${new Intl.DateTimeFormat(w.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms)}</time></td>`;
  switch (column) {
    case 'id':
      return `<td data-garden-id="tables.cell" data-test-id="generic-table-cells-id">#${t.id}</td>`;
    case 'subject':
      // The href attribute is relative (§3.2, rule 6).
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-subject"><a data-garden-id="buttons.anchor" href="tickets/${t.id}">${esc(t.subject)}</a></td>`;
    case 'status':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-custom-status">${statusBadge(page, t.status)}</td>`;
    case 'requester':
      // No test-id: only the name (§3.2).
      return `<td data-garden-id="tables.cell" aria-label="${esc(t.requester)}">${esc(t.requester)}</td>`;
    case 'priority': {
      // No test-id either: the localised label (§3.2, rule 4).
      const label = w.priority[t.priority];
      return `<td data-garden-id="tables.cell" aria-label="${label}">${label}</td>`;
    }
    case 'assignee':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-assignee">${esc(t.assignee ?? '-')}</td>`;
    case 'type':
      return `<td data-garden-id="tables.cell" data-test-id="ticket-table-cells-type">${w.type[t.type]}</td>`;
    case 'group':
      return `<td data-garden-id="tables.cell">${esc(ZENDESK_GROUPS[t.groupId] ?? '-')}</td>`;
    case 'requested':
      return date(t.created);
    case 'updated':
      return date(t.updated);
  }
}

function row(page: Page, t: FakeZendeskTicket, columns: ZendeskColumn[], describedBy = true): string {
  return `<tr data-garden-id="tables.row" data-test-id="generic-table-row" role="row" aria-selected="false" tabindex="-1"${describedBy ? ` aria-describedby="generic-table-row-${t.id}"` : ''}>
  <td data-garden-id="tables.cell" data-test-id="generic-table-cells-selectable"><input type="checkbox" aria-label="${page.w.selectTicket}"></td>
  ${columns.map((c) => cell(page, t, c)).join('\n  ')}
</tr>`;
}

function tableShell(headers: string[], body: string): string {
  return `<table data-garden-id="tables.table" data-test-id="generic-table">
      <thead data-garden-id="tables.head" data-test-id="generic-table-head"><tr data-garden-id="tables.header_row">
        <th data-garden-id="tables.header_cell" data-test-id="generic-table-cells-empty-cell"></th>
        ${headers.map((h) => `<th data-garden-id="tables.header_cell"><button data-test-id="generic-table-cells-sortable" data-garden-id="tables.sortable">${h}</button></th>`).join('')}
      </tr></thead>
      <tbody data-garden-id="tables.body" data-test-id="generic-table-body">
${body}
      </tbody>
    </table>`;
}

function table(page: Page, tickets: FakeZendeskTicket[], columns: ZendeskColumn[], options: { groupBy?: 'group' | undefined; describedBy?: boolean } = {}): string {
  let body: string;
  if (options.groupBy === 'group') {
    const groups = [...new Set(tickets.map((t) => t.groupId))];
    body = groups
      .map(
        (g) => `<tr data-garden-id="tables.group_row" data-test-id="generic-table-rows-group-by"><td colspan="${columns.length + 1}">${esc(page.w.groupRow(ZENDESK_GROUPS[g] ?? String(g)))}</td></tr>
${tickets
  .filter((t) => t.groupId === g)
  .map((t) => row(page, t, columns, options.describedBy))
  .join('\n')}`,
      )
      .join('\n');
  } else {
    body = tickets.map((t) => row(page, t, columns, options.describedBy)).join('\n');
  }
  return tableShell(
    columns.map((c) => page.w.headers[c]),
    body,
  );
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
    body.innerHTML = segments.map((s) => s.head + [...s.rows].sort((a, b) => (column < 0 ? 0 : (ascending ? 1 : -1) * a.cells[column].localeCompare(b.cells[column], document.documentElement.lang, { numeric: true }))).map((r) => r.html).join('')).join('');
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

export interface ViewOptions extends PageOptions {
  columns?: ZendeskColumn[];
  /** Group rows by assignee group, as a view with "Group by" does. */
  groupBy?: 'group';
  title?: string;
}

export const DEFAULT_VIEW_COLUMNS: ZendeskColumn[] = ['id', 'subject', 'status', 'requester', 'priority', 'requested', 'assignee'];

function viewChrome(page: Page, title: string, count: number, content: string): string {
  return `<div data-test-id="header-tablist" role="tablist"></div>
<div data-garden-id="pane" role="tabpanel"><div data-test-id="views_views-pane-div">
  <h1 data-test-id="views_views-header-title">${esc(title)}</h1>
  <div data-test-id="views_views-header-counter">${page.w.tickets(count)}</div>
  <button data-test-id="views_views-list_header-refresh">${page.w.refresh}</button>
  <div id="views_views-ticket-table"><div data-garden-id="pane.content">
    ${content}
  </div></div>
</div></div>`;
}

/** A view: `/agent/filters/{id}` (§3). With no tickets, the table's body is empty and the pane says so. */
export function zendeskViewPage(tickets: FakeZendeskTicket[], options: ViewOptions = {}): string {
  const page = pageOf(options);
  const columns = options.columns ?? DEFAULT_VIEW_COLUMNS;
  const title = options.title ?? page.w.viewTitle;
  const content = `${table(page, tickets, columns, { groupBy: options.groupBy })}${tickets.length === 0 ? `\n    <div data-garden-id="typography.font">${page.w.emptyView}</div>` : ''}`;
  return shell(page, title, viewChrome(page, title, tickets.length, content), TABLE_SCRIPT);
}

/**
 * A view after a redesign SLA Lens has not seen: the same tickets, links and texts, but rows are
 * `div[role="row"]` with hashed classes and none of the test ids, Garden ids or `aria-describedby`
 * the readers know. The readers must find nothing here while the page plainly shows tickets.
 */
export function zendeskDriftedViewPage(tickets: FakeZendeskTicket[], options: PageOptions = {}): string {
  const page = pageOf(options);
  const { w } = page;
  const rows = tickets
    .map(
      (t) => `<div role="row" class="sc-1x2y3z-0 kPqRsT">
  <div role="gridcell" class="sc-1x2y3z-1"><input type="checkbox" aria-label="${w.selectTicket}"></div>
  <div role="gridcell" class="sc-1x2y3z-2">#${t.id}</div>
  <div role="gridcell" class="sc-1x2y3z-3"><a class="sc-4d5e6f-0" href="tickets/${t.id}">${esc(t.subject)}</a></div>
  <div role="gridcell" class="sc-1x2y3z-4"><span class="sc-7g8h9i-0">${w.status[t.status]}</span></div>
  <div role="gridcell" class="sc-1x2y3z-5">${esc(t.assignee ?? '-')}</div>
</div>`,
    )
    .join('\n');
  const grid = `<div role="grid" class="drifted-grid">
  <div role="row" class="sc-1x2y3z-0 hdr"><div role="columnheader"></div><div role="columnheader">${w.headers.id}</div><div role="columnheader">${w.headers.subject}</div><div role="columnheader">${w.headers.status}</div><div role="columnheader">${w.headers.assignee}</div></div>
  ${rows}
</div>`;
  return shell(page, w.viewTitle, viewChrome(page, w.viewTitle, tickets.length, grid));
}

function tab(page: Page, t: FakeZendeskTicket, active: boolean): string {
  const entity = page.m.entityIds ? ` data-entity-type="ticket" data-entity-id="${t.id}"` : '';
  return `<div data-test-id="header-tab" role="tab" aria-selected="${active}"${entity}>
  <div data-test-id="header-tab-title">${esc(t.subject)}</div>
  <div data-test-id="header-tab-subtitle"><span>#${t.id}</span></div>
  <button data-test-id="close-button" aria-label="${page.w.closeTab}">×</button>
</div>`;
}

function ticketFields(page: Page, t: FakeZendeskTicket): string {
  return `<div data-test-id="ticket-fields-status-view">${statusBadge(page, t.status)}</div>
    <div data-test-id="ticket-fields-priority-select"><div data-garden-id="dropdowns.combobox.value">${page.w.priority[t.priority]}</div></div>`;
}

function conversation(page: Page): string {
  return `<div data-test-id="omni-log-container"><article data-test-id="omni-log-comment-item"><p>${page.w.comment('<a href="/agent/tickets/998">#998</a>')}</p></article></div>`;
}

function workspace(page: Page, t: FakeZendeskTicket, visible: boolean): string {
  const { w, m } = page;
  // Hidden workspaces stay mounted (rule 8); holatuwol filters on their inline display: none.
  const style = visible || m.hideInactive !== 'style' ? '' : ' style="display: none;"';
  const header = `<header class="omni-header"><input data-test-id="omni-header-subject" value="${esc(t.subject)}" aria-label="${w.subject}" size="40">
    <div data-test-id="omni-header-via-label">${w.via(t.via)}</div></header>
    <span data-test-id="tabs-section-nav-item-ticket">${w.ticketNav(t.id)}</span>`;
  if (!m.activePane) {
    return `<div class="workspace"${style}>
  <div data-side-conversations-anchor-id="${t.id}">
    ${header}
    ${ticketFields(page, t)}
    ${conversation(page)}
  </div>
</div>`;
  }
  // The ticket's grid of panes (a 2026 capture: `ticket-{id}-custom-layout`, columns 1–3, each a Garden pane);
  // toggl finds the one on screen by `data-is-active="true"`.
  return `<div class="workspace"${style}><div class="ticket">
  <div data-side-conversations-anchor-id="${t.id}">
    <div class="ticket-panes-grid-layout${visible ? ' active' : ''}" data-test-id="ticket-${t.id}-custom-layout" data-is-active="${visible}">
      <div data-test-id="column-1" data-garden-id="pane">${ticketFields(page, t)}</div>
      <div data-test-id="column-2" data-garden-id="pane">
        ${header}
        ${conversation(page)}
      </div>
      <div data-test-id="column-3" data-garden-id="pane"><div data-garden-id="tags.avatar" aria-hidden="true"></div>${esc(t.requester)}</div>
    </div>
  </div>
</div></div>`;
}

/**
 * Switching tabs happens in the page: the clicked tab's workspace becomes the visible one (its
 * inline style and its grid's active marker), then the URL is pushed, as the agent UI (a
 * single-page app, §1) does. The fake site's `locale` parameter is kept.
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
      const active = ws.querySelector('[data-side-conversations-anchor-id="' + id + '"]') !== null;
      if (active) ws.removeAttribute('style');
      else if (ws.querySelector('[data-side-conversations-anchor-id]') && document.body.dataset.hide === 'style') ws.style.display = 'none';
      const grid = ws.querySelector('.ticket-panes-grid-layout');
      if (grid) {
        grid.setAttribute('data-is-active', String(active));
        grid.classList.toggle('active', active);
      }
    }
    history.pushState({}, '', '/agent/tickets/' + id + location.search);
  });
})();`;

const withHide = (page: Page, html: string) => html.replace('<body>', `<body data-hide="${page.m.hideInactive}">`);

/** The ticket page with a tab per open ticket; only the active ticket's workspace is visible (§5). */
export function zendeskTicketPage(open: FakeZendeskTicket[], activeId: number, options: PageOptions = {}): string {
  const page = pageOf(options);
  const tabs = open.map((t) => tab(page, t, t.id === activeId)).join('\n');
  const workspaces = open.map((t) => workspace(page, t, t.id === activeId)).join('\n');
  return withHide(page, shell(page, `#${activeId}`, `<div data-test-id="header-tablist" role="tablist">${tabs}</div>\n${workspaces}`, TABS_SCRIPT));
}

export const SEARCH_COLUMNS: ZendeskColumn[] = ['subject', 'requester', 'requested', 'status', 'group', 'assignee'];

export interface SearchOptions extends PageOptions {
  /** The selected tab of the results: tickets (default) or users. */
  tab?: 'tickets' | 'users';
}

interface FakeUser {
  id: number;
  name: string;
  role: 'end-user' | 'agent';
}

/**
 * The users a search finds: each result's requester (`20000 + ticket id`, as the fake API says)
 * and assignee, and one user whose id is also a ticket's: read as a ticket, it would badge a
 * person with that ticket's state.
 */
function usersFound(results: FakeZendeskTicket[], all: FakeZendeskTicket[]): FakeUser[] {
  const users = new Map<number, FakeUser>();
  for (const t of results) {
    users.set(20000 + t.id, { id: 20000 + t.id, name: t.requester, role: 'end-user' });
    if (t.assignee) users.set(zendeskAgentId(t.assignee), { id: zendeskAgentId(t.assignee), name: t.assignee, role: 'agent' });
  }
  const clash = all.find((t) => !results.includes(t)) ?? all[0];
  if (clash) users.set(clash.id, { id: clash.id, name: 'Casey Ortiz', role: 'end-user' });
  return [...users.values()];
}

function usersTable(page: Page, users: FakeUser[]): string {
  // The worst case no source rules out (real-markup-evidence.md §2.12): user rows in the generic
  // table, with the user's id where a ticket row has the ticket's.
  const rows = users
    .map(
      (u) => `<tr data-garden-id="tables.row" data-test-id="generic-table-row" role="row" aria-selected="false" tabindex="-1" aria-describedby="generic-table-row-${u.id}">
  <td data-garden-id="tables.cell" data-test-id="generic-table-cells-selectable"><input type="checkbox"></td>
  <td data-garden-id="tables.cell"><a data-garden-id="buttons.anchor" href="/agent/users/${u.id}/requested_tickets">${esc(u.name)}</a></td>
  <td data-garden-id="tables.cell">${esc(u.name.toLowerCase().replace(/\W+/g, '.'))}@acme.example</td>
  <td data-garden-id="tables.cell">${u.role === 'agent' ? page.w.agent : page.w.endUser}</td>
</tr>`,
    )
    .join('\n');
  return tableShell(page.w.userHeaders, rows);
}

/**
 * Search results, `/agent/search/1?query=…` (§4): a workspace with the query box, the Tickets and
 * Users tabs (one `aria-selected`), and the selected tab's generic table, tickets inside
 * `div[id^="search-ticket-"]` (holatuwol). The agent also has a ticket open in another tab (its
 * workspace hidden) and the search tab itself, which names no ticket.
 */
export function zendeskSearchPage(tickets: FakeZendeskTicket[], query: string, openTicket?: FakeZendeskTicket, options: SearchOptions = {}): string {
  const page = pageOf(options);
  const { w, m } = page;
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '' && !word.includes(':'));
  const results = tickets.filter((t) => words.every((word) => t.subject.toLowerCase().includes(word)));
  const users = usersFound(results, tickets);
  const onUsers = options.tab === 'users';
  // A numeric entity id on a tab that is no ticket's: only `data-entity-type="ticket"` names a ticket.
  const entity = m.entityIds ? ' data-entity-type="search" data-entity-id="1"' : '';
  const searchTab = `<div data-test-id="header-tab" role="tab" aria-selected="true"${entity}>
  <div data-test-id="header-tab-title">${esc(w.searchTab(query))}</div>
  <div data-test-id="header-tab-subtitle"><span>${w.results(onUsers ? users.length : results.length)}</span></div>
  <button data-test-id="close-button" aria-label="${w.closeTab}">×</button>
</div>`;
  const content = onUsers
    ? `<div id="search-user-table">
    ${usersTable(page, users)}
  </div>`
    : `<div id="search-ticket-table">
    ${table(page, results, SEARCH_COLUMNS, { describedBy: m.searchDescribedBy })}
  </div>`;
  return withHide(
    page,
    shell(
      page,
      w.searchTab(query),
      `<div data-test-id="header-tablist" role="tablist">${openTicket ? tab(page, openTicket, false) : ''}${searchTab}</div>
${openTicket ? workspace(page, openTicket, false) : ''}
<div class="workspace"><div data-garden-id="pane" role="tabpanel">
  <input data-test-id="search_advanced-search-box_input-field_media-input" value="${esc(query)}" aria-label="${w.search}">
  <div role="tablist">
    <div data-test-id="search_tables_tab-tickets" role="tab" aria-selected="${!onUsers}">${w.ticketsTab(results.length)}</div>
    <div data-test-id="search_tables_tab-users" role="tab" aria-selected="${onUsers}">${w.usersTab(users.length)}</div>
  </div>
  ${content}
  <nav data-garden-id="pagination.pagination_view"><ul><li data-garden-id="pagination.page" aria-current="true" title="1">1</li></ul></nav>
</div></div>`,
      TABLE_SCRIPT,
    ),
  );
}
