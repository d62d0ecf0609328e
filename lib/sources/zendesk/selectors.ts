/**
 * Every selector the Zendesk adapter uses, in one place, each with the fixture pages on which it
 * must be found (checked by selectors.test.ts against the fake site's pages, never live sites).
 * Sources and status marks are in the team's reference notes, zendesk-dom.md (section numbers
 * below) and real-markup-evidence.md (§2.11–2.14). Rules followed: anchor on `data-test-id` /
 * `data-garden-id` (rule 1), accept the `data-testid` spelling too (rule 2), find a column by the
 * cell's own test-id, never by position or by its header's words (rule 3; any UI language), and no
 * class name (those broke, §6) except where the evidence names an element by nothing else
 * (`CLASS_SELECTORS`).
 */

/** The fixture pages (lib/sources/zendesk/__fixtures__/pages.ts renders each one). */
export type ZendeskFixturePage =
  'view' | 'view-grouped' | 'ticket' | 'search' | 'view-de' | 'view-he' | 'ticket-de' | 'ticket-he' | 'search-de' | 'search-he' | 'search-users' | 'view-empty' | 'view-drifted';

export interface SelectorEntry {
  readonly selector: string;
  /** Pages on which the selector must match at least one element. */
  readonly pages: readonly ZendeskFixturePage[];
}

type Op = '=' | '^=' | '$=' | '*=';

/** `[data-test-id…]`, Zendesk's spelling (rule 2), and `[data-testid…]`, which costs nothing to accept. */
export function testid(op: Op, value: string, prefix = '', suffix = ''): string {
  return `${prefix}[data-test-id${op}"${value}"]${suffix}, ${prefix}[data-testid${op}"${value}"]${suffix}`;
}

/** `inner` inside each alternative of `outer`. */
const inside = (outer: string, inner: string): string =>
  outer
    .split(', ')
    .map((o) => `${o} ${inner}`)
    .join(', ');

const ALL_PAGES: readonly ZendeskFixturePage[] = [
  'view',
  'view-grouped',
  'ticket',
  'search',
  'view-de',
  'view-he',
  'ticket-de',
  'ticket-he',
  'search-de',
  'search-he',
  'search-users',
  'view-empty',
  'view-drifted',
];
/** Pages whose generic table shows ticket rows. */
const TICKET_TABLES: readonly ZendeskFixturePage[] = ['view', 'view-grouped', 'search', 'view-de', 'view-he', 'search-de', 'search-he'];
const TABLES: readonly ZendeskFixturePage[] = [...TICKET_TABLES, 'search-users', 'view-empty'];
const VIEWS_WITH_ID: readonly ZendeskFixturePage[] = ['view', 'view-grouped', 'view-de', 'view-he'];
const TICKET_PAGES: readonly ZendeskFixturePage[] = ['ticket', 'ticket-de', 'ticket-he'];
const SEARCHES: readonly ZendeskFixturePage[] = ['search', 'search-de', 'search-he', 'search-users'];
/** Pages with a ticket open in a tab (a search keeps one open in the background). */
const OPEN_TICKETS: readonly ZendeskFixturePage[] = [...TICKET_PAGES, ...SEARCHES];
/** The newer markup (testing/sites/zendesk.ts `MARKUP`): active-pane marker and entity ids. */
const NEWER: readonly ZendeskFixturePage[] = ['ticket-de', 'ticket-he', 'search-de', 'search-he'];

export const SELECTORS = {
  /** Garden components render the whole agent UI (rule 1): the marker of a host-mapped Zendesk. */
  garden: { selector: '[data-garden-id]', pages: ALL_PAGES },
  /** The tabs bar is on every agent page (§5.3). */
  tabList: { selector: testid('=', 'header-tablist'), pages: ALL_PAGES },

  // The generic table of views and search results (§3.1, §4).
  table: { selector: `table[data-garden-id="tables.table"], ${testid('=', 'generic-table', 'table')}`, pages: TABLES },
  /** Ticket rows; group-by rows are `tables.group_row` / `generic-table-rows-group-by` and never match. */
  row: { selector: `tr[data-garden-id="tables.row"], ${testid('=', 'generic-table-row', 'tr')}`, pages: TICKET_TABLES },
  /** Rows by their `aria-describedby` alone, as bryanvillarin (2026) finds them, test ids or not. */
  describedRow: { selector: 'tr[aria-describedby*="generic-table-row-"]', pages: [...VIEWS_WITH_ID, 'search-de', 'search-he'] },
  groupRow: { selector: `tr[data-garden-id="tables.group_row"], ${testid('=', 'generic-table-rows-group-by', 'tr')}`, pages: ['view-grouped'] },
  /** Text `#123` (§3.2). */
  idCell: { selector: testid('=', 'generic-table-cells-id', 'td'), pages: VIEWS_WITH_ID },
  /** The subject link; its href attribute is relative, `tickets/123` (rule 6). */
  subjectLink: { selector: inside(testid('=', 'ticket-table-cells-subject', 'td'), 'a[href]'), pages: TICKET_TABLES },
  /**
   * The status badge: `status-badge-{new|open|pending|hold|solved|closed}` names the status in any
   * language (rule 5); 2023's `data-cy-test-id="status-badge-state"` names none (§6, holatuwol),
   * and still marks where the status is.
   */
  statusBadge: { selector: `${testid('^=', 'status-badge-')}, [data-cy-test-id^="status-badge-"]`, pages: [...TICKET_TABLES, ...OPEN_TICKETS] },
  assigneeCell: { selector: testid('=', 'ticket-table-cells-assignee', 'td'), pages: TICKET_TABLES },
  /** The bulk-select checkbox: where a row's badge goes when it shows neither subject nor status. */
  selectable: { selector: inside(testid('=', 'generic-table-cells-selectable', 'td'), 'input'), pages: [...TICKET_TABLES, 'search-users'] },

  // Search (§4; holatuwol `view_columns.ts`): its result tabs, and the tickets' results.
  searchTab: { selector: testid('^=', 'search_tables_tab-'), pages: SEARCHES },
  /** A search shows ticket rows only while this tab is selected; other tabs list users and organizations. */
  searchTicketsSelected: { selector: testid('=', 'search_tables_tab-tickets', '', '[aria-selected="true"]'), pages: ['search', 'search-de', 'search-he'] },
  searchTicketResults: { selector: '[id^="search-ticket-"]', pages: ['search', 'search-de', 'search-he'] },

  // The tabs bar (§5.3): every open ticket has a tab, whichever workspace is visible.
  tab: { selector: testid('=', 'header-tab'), pages: OPEN_TICKETS },
  /**
   * A tab that says it is a ticket's and which (lowply's bookmarklet reads `data-entity-type`, a
   * tab-timer extension `[role="tab"][data-entity-id]`): the id without parsing any text.
   */
  entityTab: {
    selector: `[role="tab"][data-entity-type="ticket"][data-entity-id], ${testid('=', 'header-tab', '', '[data-entity-type="ticket"][data-entity-id]')}`,
    pages: NEWER,
  },
  tabTitle: { selector: testid('=', 'header-tab-title'), pages: OPEN_TICKETS },
  /** Its first child's text is `#123`. */
  tabSubtitle: { selector: testid('=', 'header-tab-subtitle'), pages: OPEN_TICKETS },

  // The ticket page (§5.1, §5.2): one root per open ticket, all mounted; only one is visible.
  ticketRoot: { selector: '[data-side-conversations-anchor-id]', pages: OPEN_TICKETS },
  /**
   * The ticket's grid of panes on screen (toggl 2024-10, a 2026 rating-button extension): the one
   * place that says which open ticket is shown without inferring it from styles. The class is the
   * only name the evidence gives the grid; its test id `ticket-{id}-custom-layout` (a 2026 capture)
   * is accepted too.
   */
  activePane: {
    selector: `.ticket-panes-grid-layout[data-is-active="true"], ${testid('$=', '-custom-layout', '', '[data-is-active="true"]')}`,
    pages: ['ticket-de', 'ticket-he'],
  },
  /** The grids of the open tickets not on screen. */
  inactivePane: {
    selector: `.ticket-panes-grid-layout[data-is-active="false"], ${testid('$=', '-custom-layout', '', '[data-is-active="false"]')}`,
    pages: NEWER,
  },
  /** Since 2025-06; `ticket-pane-subject` before (§6). Read `.value`. */
  subjectInput: { selector: `${testid('=', 'omni-header-subject', 'input')}, ${testid('=', 'ticket-pane-subject', 'input')}`, pages: TICKET_PAGES },
  /** Text ending `#123`, inside the ticket. */
  navItemTicket: { selector: testid('=', 'tabs-section-nav-item-ticket'), pages: TICKET_PAGES },
  statusView: { selector: testid('=', 'ticket-fields-status-view'), pages: TICKET_PAGES },
  /** The conversation and editors: ticket numbers mentioned there are never tickets. */
  richText: { selector: `${testid('=', 'omni-log-container')}, [contenteditable="true"]`, pages: OPEN_TICKETS },
} as const satisfies Record<string, SelectorEntry>;

/** Selectors that name a class, each with why: the evidence names the element by nothing else. */
export const CLASS_SELECTORS: Partial<Record<keyof typeof SELECTORS, string>> = {
  activePane: 'toggl (2024-10) and a 2026 extension know the ticket grid only by its class; data-is-active carries the meaning',
  inactivePane: 'the same grid, not on screen',
};

export type SelectorName = keyof typeof SELECTORS;

/** The selector text of `name`: readers use this, never a literal. */
export const S = Object.fromEntries(Object.entries(SELECTORS).map(([name, entry]) => [name, entry.selector])) as { readonly [K in SelectorName]: string };
