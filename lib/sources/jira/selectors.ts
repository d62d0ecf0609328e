/**
 * Every selector the Jira adapter uses, in one place, each with the fixture pages on which it
 * must be found (checked by selectors.test.ts against the fake site's pages, never live sites).
 * Sources and status marks are in the team's reference notes, jira-dom.md (section numbers and
 * source tags below). Rules followed: both testid spellings (rule 1), stable leaves by suffix or
 * substring (rule 2), cells by their own testid or class, never by position (rule 7), and never a
 * generated class (rule 8): `ghx-*`, `issuerow`, `ak-renderer-document` are Jira's own names.
 */

/** The fixture pages (lib/sources/jira/__fixtures__/pages.ts renders each one). */
export type JiraFixturePage =
  | 'cloud-issue'
  | 'cloud-board'
  | 'cloud-board-modal'
  | 'cloud-backlog'
  | 'cloud-backlog-panel'
  | 'cloud-navigator'
  | 'cloud-navigator-detail'
  | 'cloud-queue'
  | 'cloud-queue-de'
  | 'cloud-queue-legacy'
  | 'dc-issue'
  | 'dc-navigator'
  | 'dc-navigator-detail'
  | 'dc-queue'
  | 'dc-board';

export interface SelectorEntry {
  readonly selector: string;
  /** Pages on which the selector must match at least one element. */
  readonly pages: readonly JiraFixturePage[];
}

type Op = '=' | '^=' | '$=' | '*=';

/** `[data-testid…]` and the older `[data-test-id…]` together (rule 1: Cloud renamed them in Oct 2023; some remain). */
export function testid(op: Op, value: string, prefix = ''): string {
  return `${prefix}[data-testid${op}"${value}"], ${prefix}[data-test-id${op}"${value}"]`;
}

/** Pages with an open Cloud issue view: full page, modal, side panel, and the navigator's detail view. */
const CLOUD_ISSUE_VIEWS = ['cloud-issue', 'cloud-board-modal', 'cloud-backlog-panel', 'cloud-navigator-detail'] as const;
const ALL_PAGES: readonly JiraFixturePage[] = [
  'cloud-issue',
  'cloud-board',
  'cloud-board-modal',
  'cloud-backlog',
  'cloud-backlog-panel',
  'cloud-navigator',
  'cloud-navigator-detail',
  'cloud-queue',
  'cloud-queue-de',
  'cloud-queue-legacy',
  'dc-issue',
  'dc-navigator',
  'dc-navigator-detail',
  'dc-queue',
  'dc-board',
];
const CLOUD_QUEUES = ['cloud-queue', 'cloud-queue-de'] as const;
const DC_PAGES = ['dc-issue', 'dc-navigator', 'dc-navigator-detail', 'dc-queue', 'dc-board'] as const;

export const SELECTORS = {
  /** Jira itself, Cloud and DC (§1). */
  app: { selector: 'meta[name="application-name"][content="JIRA"]', pages: ALL_PAGES },
  /** Only DC/Server renders these (§1; a saved 9.12 page). */
  dcVersion: { selector: 'meta[name="ajs-version-number"]', pages: DC_PAGES },
  dcBaseUrl: { selector: 'meta[name="ajs-base-url"]', pages: DC_PAGES },
  dcContextPath: { selector: 'meta[name="ajs-context-path"]', pages: DC_PAGES },

  /** Rich text: keys mentioned here never make tickets (rule 4, W). */
  richText: {
    // `.user-content-block`: Data Center's rendered descriptions and comments.
    selector: `.ak-renderer-document, .ProseMirror, [contenteditable="true"], .user-content-block, ${testid('*=', 'issue.activity')}, ${testid('*=', 'comment')}`,
    pages: [...CLOUD_ISSUE_VIEWS, 'dc-issue', 'dc-navigator-detail'],
  },
  /** Every key link; parse the key from the resolved href (rule 3). */
  /** Not on Cloud queues, whose links are queue-relative (`…/queues/custom/N/KEY`). */
  browseLink: { selector: 'a[href*="/browse/"]', pages: ALL_PAGES.filter((p) => !(CLOUD_QUEUES as readonly string[]).includes(p)) },

  // Cloud issue view: full page, modal, side panel (§3.1). Scope first, then query (rule 5).
  issueModal: { selector: testid('*=', 'modal-dialog', 'section[role="dialog"]'), pages: ['cloud-board-modal'] },
  /** The compact layout boards and backlogs open on the side (T commit db7f0b80, 2026-02). */
  issueSidePanel: { selector: testid('$=', 'issue-layout.compact-layout'), pages: ['cloud-backlog-panel'] },
  issueBreadcrumb: { selector: testid('$=', 'breadcrumbs.breadcrumb-current-issue-container'), pages: CLOUD_ISSUE_VIEWS },
  /** W matches `*="breadcrumbs.current-issue.item"`; the `a` carries `href="/browse/KEY"`. */
  issueKey: { selector: testid('*=', 'breadcrumbs.current-issue.item', 'a'), pages: CLOUD_ISSUE_VIEWS },
  issueSummary: { selector: testid('$=', 'foundation.summary.heading', 'h1'), pages: CLOUD_ISSUE_VIEWS },
  /** The older wrapper (JC) and the newer status button (3P). */
  issueStatus: { selector: `${testid('$=', 'foundation.status.status-field-wrapper')}, ${testid('$=', 'status-view.status-button.status-button', 'button')}`, pages: CLOUD_ISSUE_VIEWS },
  /** The same component in the issue view and the navigator (G): an `img` and a `span` with the name. */
  priorityField: { selector: testid('$=', 'priority-readview-full.ui.priority.wrapper'), pages: [...CLOUD_ISSUE_VIEWS, 'cloud-navigator'] },
  issueAssignee: { selector: testid('$=', 'issue.views.field.user.assignee'), pages: CLOUD_ISSUE_VIEWS },
  /** Status lozenge text in lists and the issue view: `…status-lozenge.N--text` (G). */
  statusLozengeText: {
    selector: '[data-testid*="status-lozenge."][data-testid$="--text"], [data-test-id*="status-lozenge."][data-test-id$="--text"]',
    pages: ['cloud-issue', 'cloud-navigator', 'cloud-queue-legacy'],
  },

  // Cloud issue navigator, list view (§3.2, G).
  navigatorRow: { selector: testid('$=', 'native-issue-table.ui.issue-row', 'tr'), pages: ['cloud-navigator'] },
  navigatorKey: { selector: testid('$=', 'issue-key.issue-key-cell', 'a'), pages: ['cloud-navigator'] },
  navigatorSummary: { selector: testid('$=', 'issue-summary.issue-summary-cell'), pages: ['cloud-navigator'] },
  navigatorWorkCell: { selector: testid('$=', 'issue-row.merged-cell'), pages: ['cloud-navigator'] },

  // Cloud issue navigator, detail view (§3.2, R: 3P): cards on the left, the issue view (§3.1) on the right.
  /** The `li` around each card. */
  detailCardItem: { selector: testid('$=', 'detail-view.card-list.card.list-item'), pages: ['cloud-navigator-detail'] },
  /** The card's link; the key is in its `/browse/` href or its own text (no key testid is reported). */
  detailCardLink: { selector: testid('$=', 'detail-view.card-list.card', 'a'), pages: ['cloud-navigator-detail'] },
  detailCardSummary: { selector: testid('$=', 'detail-view.card-list.card.summary'), pages: ['cloud-navigator-detail'] },

  // JSM agent queue, Cloud (real-markup-evidence.md §2.4: FT 2026-03 extension, a Selenium page
  // object, an older helper). Rows in the virtual table; each cell's testid ends
  // `cell-wrapper-row{KEY}-{fieldId}`, naming the ticket and the column in any UI language.
  queueVirtualTable: { selector: testid('$=', 'virtual-table.table.main'), pages: CLOUD_QUEUES },
  queueRow: { selector: '[role="row"]', pages: [...CLOUD_QUEUES, 'cloud-queue-legacy', 'cloud-navigator'] },
  queueCellWrapper: { selector: testid('*=', 'cell-wrapper-row'), pages: CLOUD_QUEUES },
  /** JC 2025-07: the key cell's link; its href may be queue-relative (`…/queues/custom/N/KEY`). */
  issueLink: { selector: 'a.issue-link', pages: [...CLOUD_QUEUES, 'dc-queue'] },
  /** Any link that may lead to an issue; which ones do is decided by the issue routes (urls.ts). */
  anyLink: { selector: 'a[href]', pages: ALL_PAGES },
  /** The 2025 markup (CB), kept as the last fallback: rows inside this container. */
  queueTable: { selector: '[data-vc="issue-table-container"]', pages: ['cloud-queue-legacy'] },
  /** The only Cloud view with a machine-readable date (CB); DC pages have them too (§4.1). */
  datetime: { selector: 'time[datetime]', pages: [...CLOUD_QUEUES, 'cloud-queue-legacy', 'dc-issue', 'dc-navigator'] },

  // Cloud board (§3.4, G; JA).
  boardCard: { selector: testid('$=', 'ui.card.card'), pages: ['cloud-board', 'cloud-board-modal'] },
  boardCardSummary: { selector: testid('*=', 'single-line-text-readview-card'), pages: ['cloud-board', 'cloud-board-modal'] },
  /** `img[alt="P1 priority"]` inside. */
  boardCardPriority: { selector: testid('$=', 'common.ui.priority.icon'), pages: ['cloud-board', 'cloud-board-modal'] },

  // Cloud backlog (§3.5, G2 "testid LEAF" rule: the prefix varies, the suffix is the key).
  backlogRow: { selector: testid('*=', 'card-list.card.content-container.'), pages: ['cloud-backlog', 'cloud-backlog-panel'] },
  /** Key + summary text for screen readers (G). */
  backlogScreenReaderKey: { selector: testid('$=', 'card-contents.screen-reader-key'), pages: ['cloud-backlog', 'cloud-backlog-panel'] },

  // Data Center issue view (§4.1).
  dcIssueKey: { selector: '#key-val', pages: ['dc-issue'] },
  dcIssueHeader: { selector: '.issue-header-content', pages: ['dc-issue'] },
  dcSummary: { selector: '#summary-val', pages: ['dc-issue'] },
  dcStatus: { selector: '#status-val', pages: ['dc-issue'] },
  dcPriority: { selector: '#priority-val', pages: ['dc-issue'] },
  dcType: { selector: '#type-val img[alt]', pages: ['dc-issue'] },
  dcAssignee: { selector: '#assignee-val', pages: ['dc-issue'] },
  dcCreated: { selector: '#created-val time[datetime]', pages: ['dc-issue'] },

  // Data Center navigator (§4.2): cells by `td.<fieldId>`, never by position.
  dcRow: { selector: 'tr.issuerow[data-issuekey]', pages: ['dc-navigator'] },
  dcRowKey: { selector: 'td.issuekey a', pages: ['dc-navigator'] },
  dcRowSummary: { selector: 'td.summary a', pages: ['dc-navigator'] },
  dcRowStatus: { selector: 'td.status', pages: ['dc-navigator'] },
  dcRowPriority: { selector: 'td.priority', pages: ['dc-navigator'] },
  dcRowType: { selector: 'td.issuetype img[alt]', pages: ['dc-navigator'] },
  dcRowAssignee: { selector: 'td.assignee', pages: ['dc-navigator'] },
  dcRowCreated: { selector: 'td.created time[datetime]', pages: ['dc-navigator'] },

  // Data Center board and backlog cards (§4.3, JH card.tsx; JA).
  dcCard: { selector: '.ghx-issue[data-issue-key], .js-issue[data-issue-key]', pages: ['dc-board'] },
  dcCardKeyLink: { selector: '.ghx-key a', pages: ['dc-board'] },
  dcCardKey: { selector: '.ghx-key', pages: ['dc-board'] },
  dcCardSummary: { selector: '.ghx-summary', pages: ['dc-board'] },
  dcCardType: { selector: '.ghx-type[title]', pages: ['dc-board'] },

  // Data Center navigator, detail view, and the DC JSM queue (real-markup-evidence.md §2.8, §2.10).
  // DC-DETAIL-AND-QUEUE: selectors for read-dc-lists.ts go here.
  // Detail view cards. A public file quotes a saved card: `li[title][data-key].focused >
  // a.splitview-issue-link[href="/browse/KEY"] > span.issue-link-key (type img, &nbsp;KEY) +
  // span.issue-link-summary`; page objects and scrapers read `ol.issue-list > li[data-key]`,
  // `ol.issue-list li .issue-link-key` and `a.splitview-issue-link` (all unnamed public files).
  dcIssueList: { selector: 'ol.issue-list', pages: ['dc-navigator-detail'] },
  dcIssueListItem: { selector: 'ol.issue-list > li[data-key]', pages: ['dc-navigator-detail'] },
  /** Any card, with or without `data-key`: the `li` around a card link. */
  dcIssueListCard: { selector: '.issue-list > li', pages: ['dc-navigator-detail'] },
  dcSplitviewLink: { selector: 'a.splitview-issue-link', pages: ['dc-navigator-detail'] },
  /** Read only inside the card list: the issue view's linked issues also carry `.issue-link-key`. */
  dcIssueLinkKey: { selector: 'span.issue-link-key', pages: ['dc-navigator-detail'] },
  dcIssueLinkSummary: { selector: 'span.issue-link-summary', pages: ['dc-navigator-detail'] },
  dcCardTypeIcon: { selector: '.splitview-issue-link img[alt]', pages: ['dc-navigator-detail'] },
  // DC JSM queue. Content scripts observe `.queue-react-table-container` and its `.issue-link`
  // elements (key and summary alike: one skips texts that start with the project key); the
  // performance toolkit (DCT agent_selectors.py) knows the page by `section#sd-page-panel`. Row
  // markup is not seen anywhere: rows are whatever table or grid row holds the links.
  dcQueueTable: { selector: '.queue-react-table-container', pages: ['dc-queue'] },
  dcQueuePanel: { selector: 'section#sd-page-panel', pages: ['dc-queue'] },
  /** Any element: no source shows the tag, only the class. */
  dcQueueIssueLink: { selector: '.issue-link', pages: ['dc-queue'] },
  dcQueueRow: { selector: 'tr, [role="row"]', pages: ['dc-queue'] },
} as const satisfies Record<string, SelectorEntry>;

export type SelectorName = keyof typeof SELECTORS;

/** The selector text of `name`: readers use this, never a literal. */
export const S = Object.fromEntries(Object.entries(SELECTORS).map(([name, entry]) => [name, entry.selector])) as { readonly [K in SelectorName]: string };
