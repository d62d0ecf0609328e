import type { TicketSummary } from '../../../lib/view/summary';

/** Thu 26 Nov 2026, 12:00 UTC: the popup's `now` in these tests. */
export const NOW = Date.UTC(2026, 10, 26, 12, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** A ticket summary with plausible defaults: at risk, due in `dueIn` ms. */
export function summary(key: string, over: Partial<TicketSummary> & { dueIn?: number } = {}): TicketSummary {
  const { dueIn = 30 * MINUTE, ...rest } = over;
  const state = rest.state ?? (dueIn < 0 ? 'breached' : 'at-risk');
  return {
    site: 'acme.atlassian.net',
    key,
    source: 'jira',
    title: `Ticket ${key}`,
    url: `https://acme.atlassian.net/browse/${key}`,
    team: 'SUP',
    assignee: 'Ana',
    policyId: 'enterprise',
    policyName: 'Enterprise customers',
    metric: 'resolution',
    state,
    dueAt: NOW + dueIn,
    remainingMs: dueIn,
    businessTime: true,
    exact: true,
    firstSeen: NOW - 10 * HOUR,
    lastSeen: NOW,
    ...rest,
  };
}
