/**
 * The tickets a fake site serves. Times are absolute instants, so a test or the demo builds them
 * relative to its own `now` and every state can be shown whatever the time of day.
 */
export interface FakeStatusChange {
  at: number;
  from: string;
  to: string;
}

/** A comment on a Jira issue. JSM comments are public (to the customer) or internal notes. */
export interface FakeJiraComment {
  id: number;
  at: number;
  /** Display name; the account id is derived from it (`fakeAccountId`). */
  author: string;
  public: boolean;
  body: string;
}

export interface FakeJiraIssue {
  id: number;
  key: string;
  summary: string;
  issueType: string;
  requestType?: string;
  priority: 'Highest' | 'High' | 'Medium' | 'Low' | 'Lowest';
  status: string;
  statusCategory: 'new' | 'indeterminate' | 'done';
  labels: string[];
  assignee?: string;
  reporter: string;
  created: number;
  updated: number;
  resolved?: number;
  /** Oldest first; the status before the first change is the workflow's initial status. */
  history: FakeStatusChange[];
  /** Oldest first. Absent means none. */
  comments?: FakeJiraComment[];
}

/** A comment on a Zendesk ticket after its description (which the requester writes at creation). */
export interface FakeZendeskComment {
  id: number;
  at: number;
  /** The requester's name (then it is the requester's comment), or an agent's. */
  author: string;
  /** False: an internal note. */
  public: boolean;
  body: string;
}

/** One target of the `slas` sideload (zendesk-dom.md §7.3). */
export interface FakeZendeskSlaMetric {
  metric: string;
  stage: 'active' | 'paused' | 'achieved';
  breachAt: number | null;
}

export interface FakeZendeskTicket {
  id: number;
  subject: string;
  type: 'question' | 'incident' | 'problem' | 'task';
  priority: 'urgent' | 'high' | 'normal' | 'low';
  status: 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
  tags: string[];
  requester: string;
  assignee?: string;
  groupId: number;
  organizationId?: number;
  created: number;
  updated: number;
  history: FakeStatusChange[];
  /** Oldest first. Absent means none. */
  comments?: FakeZendeskComment[];
  /** What `include=slas` answers; absent: the sideload is left out, as when Zendesk ignores it. */
  slas?: FakeZendeskSlaMetric[];
  /** `via.channel`: `web` when absent; `mail` for email (Zendesk's via types reference). */
  via?: string;
}

export const JIRA_PROJECT = { id: 10000, key: 'SUP', name: 'Customer Support' };

export const ZENDESK_GROUPS: Record<number, string> = { 360001: 'Tier 1', 360002: 'Tier 2' };
export const ZENDESK_ORGANIZATIONS: Record<number, string> = { 470001: 'Globex', 470002: 'Initech' };

/** The user id the fake Zendesk gives an agent: stable per name. Requesters are `20000 + ticket id`. */
export function zendeskAgentId(name: string): number {
  let hash = 5381;
  for (const c of name) hash = (hash * 33 + c.charCodeAt(0)) % 1_000_000;
  return 361_000_000 + hash;
}

/**
 * Jira's date form: milliseconds and an offset without a colon (`2026-11-26T14:02:31.892+0000`).
 * `offsetMinutes` gives the server's zone, as a Data Center in Singapore answers `…+0800`.
 */
export function jiraDate(t: number, offsetMinutes = 0): string {
  const local = new Date(t + offsetMinutes * 60_000).toISOString().slice(0, -1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The account id the fake sites give a person (Cloud `accountId`, DC `key`/`name`). */
export function fakeAccountId(displayName: string): string {
  return `acc-${displayName.toLowerCase().replace(/\W+/g, '-')}`;
}

/** Zendesk's date form: whole seconds in UTC (`2026-11-26T14:02:31Z`). */
export function zendeskDate(t: number): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
