/**
 * Every selector the Zendesk adapter uses, in one place, each with the fixture pages on which it
 * must be found (checked by selectors.test.ts against the fake site's pages, never live sites).
 * Sources and status marks are in the team's reference notes, zendesk-dom.md (section numbers
 * below). Rules followed: anchor on `data-test-id` / `data-garden-id` (rule 1), accept the
 * `data-testid` spelling too (rule 2), find columns from the table's own header or the cell's own
 * test-id, never by position (rule 3), and never a class name: those broke (§6).
 */

/** The fixture pages (lib/sources/zendesk/__fixtures__/pages.ts renders each one). */
export type ZendeskFixturePage = 'view' | 'view-grouped' | 'ticket' | 'search';

export interface SelectorEntry {
  readonly selector: string;
  /** Pages on which the selector must match at least one element. */
  readonly pages: readonly ZendeskFixturePage[];
}

type Op = '=' | '^=' | '$=' | '*=';

/** `[data-test-id…]`, Zendesk's spelling (rule 2), and `[data-testid…]`, which costs nothing to accept. */
export function testid(op: Op, value: string, prefix = ''): string {
  return `${prefix}[data-test-id${op}"${value}"], ${prefix}[data-testid${op}"${value}"]`;
}

/** `inner` inside each alternative of `outer`. */
const inside = (outer: string, inner: string): string => outer.split(', ').map((o) => `${o} ${inner}`).join(', ');

const ALL_PAGES: readonly ZendeskFixturePage[] = ['view', 'view-grouped', 'ticket', 'search'];
const TABLES: readonly ZendeskFixturePage[] = ['view', 'view-grouped', 'search'];

export const SELECTORS = {
  /** Garden components render the whole agent UI (rule 1): the marker of a host-mapped Zendesk. */
  garden: { selector: '[data-garden-id]', pages: ALL_PAGES },
  /** The tabs bar is on every agent page (§5.3). */
  tabList: { selector: testid('=', 'header-tablist'), pages: ALL_PAGES },

  // The generic table of views and search results (§3.1, §4).
  table: { selector: `table[data-garden-id="tables.table"], ${testid('=', 'generic-table', 'table')}`, pages: TABLES },
  headerRow: { selector: 'tr[data-garden-id="tables.header_row"]', pages: TABLES },
  /** Ticket rows; group-by rows are `tables.group_row` / `generic-table-rows-group-by` and never match. */
  row: { selector: `tr[data-garden-id="tables.row"], ${testid('=', 'generic-table-row', 'tr')}`, pages: TABLES },
  groupRow: { selector: `tr[data-garden-id="tables.group_row"], ${testid('=', 'generic-table-rows-group-by', 'tr')}`, pages: ['view-grouped'] },
  /** Text `#123` (§3.2). */
  idCell: { selector: testid('=', 'generic-table-cells-id', 'td'), pages: ['view', 'view-grouped'] },
  /** The subject link; its href attribute is relative, `tickets/123` (rule 6). */
  subjectLink: { selector: inside(testid('=', 'ticket-table-cells-subject', 'td'), 'a[href]'), pages: TABLES },
  /** Locale-free status: `status-badge-{new|open|pending|hold|solved|closed}` (rule 5; 2023's `data-cy-test-id`, §6). */
  statusBadge: { selector: `${testid('^=', 'status-badge-')}, [data-cy-test-id^="status-badge-"]`, pages: ALL_PAGES },
  assigneeCell: { selector: testid('=', 'ticket-table-cells-assignee', 'td'), pages: TABLES },
  typeCell: { selector: testid('=', 'ticket-table-cells-type', 'td'), pages: ['view-grouped'] },
  /** Every date column has this one test-id: which date it is comes from the header (§3.2). */
  dateTime: { selector: inside(testid('=', 'generic-table-cells-date', 'td'), 'time[datetime]'), pages: TABLES },
  /** The bulk-select checkbox: where a row's badge goes when it shows neither subject nor status. */
  selectable: { selector: inside(testid('=', 'generic-table-cells-selectable', 'td'), 'input'), pages: TABLES },

  // The tabs bar (§5.3): every open ticket has a tab, whichever workspace is visible.
  tab: { selector: testid('=', 'header-tab'), pages: ['ticket', 'search'] },
  tabTitle: { selector: testid('=', 'header-tab-title'), pages: ['ticket', 'search'] },
  /** Its first child's text is `#123`. */
  tabSubtitle: { selector: testid('=', 'header-tab-subtitle'), pages: ['ticket', 'search'] },

  // The ticket page (§5.1, §5.2): one root per open ticket, all mounted; only one is visible.
  ticketRoot: { selector: '[data-side-conversations-anchor-id]', pages: ['ticket', 'search'] },
  /** Since 2025-06; `ticket-pane-subject` before (§6). Read `.value`. */
  subjectInput: { selector: `${testid('=', 'omni-header-subject', 'input')}, ${testid('=', 'ticket-pane-subject', 'input')}`, pages: ['ticket'] },
  /** Text ending `#123`, inside the ticket. */
  navItemTicket: { selector: testid('=', 'tabs-section-nav-item-ticket'), pages: ['ticket'] },
  statusView: { selector: testid('=', 'ticket-fields-status-view'), pages: ['ticket'] },
  priorityValue: { selector: inside(testid('=', 'ticket-fields-priority-select'), '[data-garden-id="dropdowns.combobox.value"]'), pages: ['ticket'] },
  /** The conversation and editors: ticket numbers mentioned there are never tickets. */
  richText: { selector: `${testid('=', 'omni-log-container')}, [contenteditable="true"]`, pages: ['ticket', 'search'] },
} as const satisfies Record<string, SelectorEntry>;

export type SelectorName = keyof typeof SELECTORS;

/** The selector text of `name`: readers use this, never a literal. */
export const S = Object.fromEntries(Object.entries(SELECTORS).map(([name, entry]) => [name, entry.selector])) as { readonly [K in SelectorName]: string };
