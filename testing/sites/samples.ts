/**
 * Realistic ticket sets for the fake sites, built relative to `now` so a test or the demo always
 * sees the same ages whatever the clock says.
 */
import type { FakeJiraComment, FakeJiraIssue, FakeStatusChange, FakeZendeskComment, FakeZendeskSlaMetric, FakeZendeskTicket } from './tickets';

const MIN = 60_000;
const H = 60 * MIN;

interface JiraSpec {
  n: number;
  summary: string;
  priority: FakeJiraIssue['priority'];
  ageH: number;
  status?: string;
  /** Hours ago of each status change, oldest first, as [hoursAgo, to]. */
  changes?: Array<[number, string]>;
  labels?: string[];
  // Possibly undefined: callers pass their own optional assignee straight through.
  assignee?: string | undefined;
  requestType?: string;
  issueType?: string;
  /**
   * Hours ago of the first public reply by an agent; null for none. Default: when work started
   * (the first status change), or none while the ticket still waits for support.
   */
  firstReplyH?: number | null;
}

const DONE = new Set(['Done', 'Resolved', 'Closed', 'Canceled']);
const NEW = new Set(['Open', 'To Do', 'Waiting for support']);

const REPORTER = 'Dana Whitfield';

/**
 * The conversation before and around the first agent reply: the reporter adds detail (not a
 * response), an agent leaves an internal note (not public), then an agent replies publicly.
 */
function comments(n: number, created: number, replyAt: number | null, agent: string): FakeJiraComment[] {
  const list: FakeJiraComment[] = [{ id: n * 10 + 1, at: created + MIN, author: REPORTER, public: true, body: `Adding a screenshot, see also SUP-${n + 1}.` }];
  if (replyAt === null) return list;
  list.push({ id: n * 10 + 2, at: created + (replyAt - created) / 2, author: agent, public: false, body: 'Internal: checking with the network team. <script>alert(1)</script>' });
  list.push({ id: n * 10 + 3, at: replyAt, author: agent, public: true, body: 'Thanks, we are looking into it.' });
  return list;
}

function history(now: number, initial: string, changes: Array<[number, string]>): FakeStatusChange[] {
  let from = initial;
  return changes.map(([hoursAgo, to]) => {
    const change = { at: now - hoursAgo * H, from, to };
    from = to;
    return change;
  });
}

export function sampleJiraIssues(now: number, specs: JiraSpec[] = DEFAULT_JIRA): FakeJiraIssue[] {
  return specs.map((s) => {
    const changes = s.changes ?? [];
    const status = changes.length > 0 ? changes[changes.length - 1]![1] : (s.status ?? 'Waiting for support');
    const created = now - s.ageH * H;
    const h = history(now, 'Waiting for support', changes);
    const category = DONE.has(status) ? 'done' : NEW.has(status) ? 'new' : 'indeterminate';
    const replyH = s.firstReplyH !== undefined ? s.firstReplyH : (changes[0]?.[0] ?? null);
    const replyAt = replyH === null ? null : Math.max(created + 2 * MIN, now - replyH * H);
    const resolved = category === 'done' ? h[h.length - 1]?.at : undefined;
    return {
      id: 10000 + s.n,
      key: `SUP-${s.n}`,
      summary: s.summary,
      issueType: s.issueType ?? 'Service request',
      requestType: s.requestType ?? 'Get IT help',
      priority: s.priority,
      status,
      statusCategory: category,
      labels: s.labels ?? [],
      ...(s.assignee !== undefined ? { assignee: s.assignee } : {}),
      reporter: REPORTER,
      created,
      updated: h.length > 0 ? h[h.length - 1]!.at : created,
      ...(resolved !== undefined ? { resolved } : {}),
      history: h,
      comments: comments(s.n, created, replyAt, s.assignee ?? 'Support agent'),
    };
  });
}

const DEFAULT_JIRA: JiraSpec[] = [
  { n: 101, summary: 'VPN drops every 10 minutes for the Lisbon office', priority: 'Highest', ageH: 1, labels: ['enterprise'], assignee: 'Priya Natarajan', changes: [[0.5, 'In Progress']] },
  { n: 102, summary: 'Invoice PDF shows the wrong VAT number', priority: 'High', ageH: 5, labels: ['enterprise', 'eu'], assignee: 'Marco Rossi', changes: [[4, 'In Progress']] },
  { n: 103, summary: 'Cannot reset password from the mobile app', priority: 'Medium', ageH: 30, assignee: 'Priya Natarajan' },
  {
    n: 104,
    summary: 'Export to CSV times out for large projects',
    priority: 'High',
    ageH: 50,
    labels: ['enterprise'],
    changes: [
      [45, 'In Progress'],
      [20, 'Waiting for customer'],
    ],
  },
  { n: 105, summary: 'Typo on the onboarding email', priority: 'Low', ageH: 3, assignee: 'Marco Rossi' },
  { n: 106, summary: '<img src=x onerror="document.title=\'pwned\'"> Script tags in subject <b>bold</b>', priority: 'Medium', ageH: 2 },
  {
    n: 107,
    summary: 'SSO login loop after certificate rotation',
    priority: 'Highest',
    ageH: 6,
    labels: ['enterprise'],
    assignee: 'Ana Souza',
    changes: [
      [5.5, 'In Progress'],
      [1, 'Resolved'],
    ],
  },
];

const FILLER_SUMMARIES = [
  'Shared mailbox not syncing on Outlook',
  'Add Maya to the finance group',
  'Laptop battery swells after update',
  'Printer on floor 3 prints blank pages',
  'Request a licence for Figma',
  '<img src=x onerror=alert(1)> in the subject line',
];
const FILLER_STATUSES: Array<Array<[number, string]>> = [
  [],
  [[0.9, 'In Progress']],
  [
    [0.9, 'In Progress'],
    [0.4, 'Waiting for customer'],
  ],
  [
    [0.9, 'In Progress'],
    [0.1, 'Resolved'],
  ],
];
const PRIORITIES: Array<FakeJiraIssue['priority']> = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];

/** `count` varied issues (SUP-201…) for long lists: the navigator, the backlog, speed tests. */
export function manyJiraIssues(now: number, count: number, first = 201): FakeJiraIssue[] {
  const specs: JiraSpec[] = Array.from({ length: count }, (_, i) => {
    const ageH = 2 + ((i * 7) % 60);
    return {
      n: first + i,
      summary: FILLER_SUMMARIES[i % FILLER_SUMMARIES.length]!,
      priority: PRIORITIES[i % PRIORITIES.length]!,
      ageH,
      changes: FILLER_STATUSES[i % FILLER_STATUSES.length]!.map(([share, to]) => [ageH * share, to] as [number, string]),
      labels: i % 3 === 0 ? ['enterprise'] : [],
      assignee: i % 4 === 0 ? undefined : ['Priya Natarajan', 'Marco Rossi', 'Ana Souza'][i % 3],
    };
  });
  return sampleJiraIssues(now, specs);
}

interface ZendeskSpec {
  id: number;
  subject: string;
  priority: FakeZendeskTicket['priority'];
  ageH: number;
  status?: FakeZendeskTicket['status'];
  changes?: Array<[number, FakeZendeskTicket['status']]>;
  tags?: string[];
  assignee?: string;
  groupId?: number;
  type?: FakeZendeskTicket['type'];
  /**
   * Hours ago of the first public reply by an agent; null for none. Default: when the ticket was
   * opened (its first status change), or none while it is still new.
   */
  firstReplyH?: number | null;
  slas?: FakeZendeskSlaMetric[];
  via?: string;
}

const ZENDESK_REQUESTER = 'Jordan Ellis';

/**
 * The conversation after the description: the requester adds detail (not a reply), an agent
 * leaves an internal note (not public), then an agent replies publicly.
 */
function zendeskComments(id: number, created: number, replyAt: number | null, agent: string): FakeZendeskComment[] {
  const list: FakeZendeskComment[] = [{ id: id * 10 + 1, at: created + MIN, author: ZENDESK_REQUESTER, public: true, body: `One more detail: this also happens on ticket #${id + 1}.` }];
  if (replyAt === null) return list;
  list.push({ id: id * 10 + 2, at: created + (replyAt - created) / 2, author: agent, public: false, body: 'Internal: asked the payments team. <img src=x onerror=alert(1)>' });
  list.push({ id: id * 10 + 3, at: replyAt, author: agent, public: true, body: 'Thanks, we are looking into it.' });
  return list.sort((a, b) => a.at - b.at);
}

export function sampleZendeskTickets(now: number, specs: ZendeskSpec[] = DEFAULT_ZENDESK): FakeZendeskTicket[] {
  return specs.map((s) => {
    const changes = s.changes ?? [];
    const status = changes.length > 0 ? changes[changes.length - 1]![1] : (s.status ?? 'new');
    const created = now - s.ageH * H;
    const h = history(now, 'new', changes);
    const replyH = s.firstReplyH !== undefined ? s.firstReplyH : (changes[0]?.[0] ?? null);
    const replyAt = replyH === null ? null : Math.max(created + 2 * MIN, now - replyH * H);
    return {
      id: s.id,
      subject: s.subject,
      type: s.type ?? 'incident',
      priority: s.priority,
      status,
      tags: s.tags ?? [],
      requester: ZENDESK_REQUESTER,
      ...(s.assignee !== undefined ? { assignee: s.assignee } : {}),
      groupId: s.groupId ?? 360001,
      organizationId: 470001,
      created,
      updated: Math.max(h.length > 0 ? h[h.length - 1]!.at : created, replyAt ?? created),
      history: h,
      comments: zendeskComments(s.id, created, replyAt, s.assignee ?? 'Support agent'),
      ...(s.slas ? { slas: s.slas } : {}),
      ...(s.via ? { via: s.via } : {}),
    };
  });
}

const DEFAULT_ZENDESK: ZendeskSpec[] = [
  { id: 4101, subject: 'Checkout page returns 502 for EU customers', priority: 'urgent', ageH: 0.5, assignee: 'Sam Okafor', changes: [[0.2, 'open']], groupId: 360002 },
  { id: 4102, subject: 'Refund not received after 10 days', priority: 'high', ageH: 20, assignee: 'Lena Fischer', changes: [[18, 'open']] },
  { id: 4103, subject: 'How do I add a second admin?', priority: 'normal', ageH: 26, status: 'new', type: 'question' },
  {
    id: 4104,
    subject: 'Bulk import stuck at 99%',
    priority: 'high',
    ageH: 30,
    assignee: 'Sam Okafor',
    changes: [
      [28, 'open'],
      [10, 'pending'],
    ],
    groupId: 360002,
  },
  {
    id: 4105,
    subject: 'Feature request: dark mode for reports',
    priority: 'low',
    ageH: 100,
    changes: [
      [90, 'open'],
      [50, 'hold'],
    ],
    type: 'task',
  },
  {
    id: 4106,
    subject: 'Password reset email lands in spam',
    priority: 'normal',
    ageH: 8,
    assignee: 'Lena Fischer',
    changes: [
      [7, 'open'],
      [1, 'solved'],
    ],
  },
  { id: 4107, subject: '<img src=x onerror=alert(1)> Refund for tickets/999 #998', priority: 'normal', ageH: 4, changes: [[3, 'open']], groupId: 360002 },
];
