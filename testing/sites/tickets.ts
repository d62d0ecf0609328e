/**
 * The tickets a fake site serves. Times are absolute instants, so a test or the demo builds them
 * relative to its own `now` and every state can be shown whatever the time of day.
 */
export interface FakeStatusChange {
  at: number;
  from: string;
  to: string;
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
}

export const JIRA_PROJECT = { id: 10000, key: 'SUP', name: 'Customer Support' };

export const ZENDESK_GROUPS: Record<number, string> = { 360001: 'Tier 1', 360002: 'Tier 2' };
export const ZENDESK_ORGANIZATIONS: Record<number, string> = { 470001: 'Globex', 470002: 'Initech' };

/** Jira's date form: milliseconds and an offset without a colon (`2026-11-26T14:02:31.892+0000`). */
export function jiraDate(t: number): string {
  return new Date(t).toISOString().replace('Z', '+0000');
}

/** Zendesk's date form: whole seconds in UTC (`2026-11-26T14:02:31Z`). */
export function zendeskDate(t: number): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
