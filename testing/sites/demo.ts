/**
 * The demo's sample data. Each ticket is given the state it should be in (on track, at risk,
 * breached, paused, met) and the share of its resolution target consumed; its creation time is
 * then worked out backwards through the sample configuration's own policy and business calendar,
 * so every state is on screen whenever the demo runs, weekends and nights included.
 */
import { readFileSync } from 'node:fs';
import { matchPolicy, parseConfigText, type ResolvedConfig } from '../../lib/config/index';
import { addBusinessTime, compileCalendar, subtractBusinessTime, type TicketFacts } from '../../lib/sla/index';
import type { FakeSiteData } from './index';
import { sampleJiraIssues, sampleZendeskTickets } from './samples';

const H = 3_600_000;

export const SAMPLE_CONFIG_PATH = new URL('../../public/sla-config.sample.json', import.meta.url);

export function sampleConfig(): ResolvedConfig {
  const parsed = parseConfigText(readFileSync(SAMPLE_CONFIG_PATH, 'utf8'), 'sla-config.sample.json');
  if (!parsed.ok) throw new Error(`The sample configuration is invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.config;
}

type Wanted =
  | { state: 'ok' | 'at-risk' | 'breached'; consumed: number }
  /** Paused for the last `hours`, after consuming `consumed` of the target. */
  | { state: 'paused'; consumed: number; hours: number }
  /** Resolved `hours` ago, after consuming `consumed` of the target. */
  | { state: 'met'; consumed: number; hours: number };

/**
 * Hours before `now` at which the ticket must have been created, the instant its clock stopped or
 * paused, and when its resolution target falls due if it never pauses.
 */
function timeline(config: ResolvedConfig, facts: Omit<TicketFacts, 'created' | 'exact' | 'site' | 'key'>, wanted: Wanted, now: number): { ageH: number; stoppedH: number | null; dueAt: number } {
  const ticket: TicketFacts = { ...facts, site: 'demo', key: 'demo', created: now, exact: true };
  const match = matchPolicy(config, ticket, 'resolution');
  if (!match) throw new Error(`No sample policy matches ${JSON.stringify(facts)}`);
  const calendar = compileCalendar(match.policy.calendarId === '24x7' ? '24x7' : config.calendars[match.policy.calendarId]!);
  const stoppedH = wanted.state === 'paused' || wanted.state === 'met' ? wanted.hours : null;
  const clockEnd = now - (stoppedH ?? 0) * H;
  const created = subtractBusinessTime(calendar, clockEnd, wanted.consumed * match.targetMs);
  return { ageH: (now - created) / H, stoppedH, dueAt: addBusinessTime(calendar, created, match.targetMs) };
}

/** The state each demo ticket is built to be in under the sample configuration. */
export const DEMO_JIRA_STATES: Readonly<Record<string, string>> = {
  'SUP-101': 'ok',
  'SUP-102': 'at-risk',
  'SUP-103': 'breached',
  'SUP-104': 'paused',
  'SUP-105': 'ok',
  'SUP-106': 'ok',
  'SUP-107': 'met',
  'SUP-108': 'at-risk',
};
export const DEMO_ZENDESK_STATES: Readonly<Record<string, string>> = { 4101: 'at-risk', 4102: 'breached', 4103: 'ok', 4104: 'paused', 4105: 'paused', 4106: 'met', 4107: 'ok' };

/** Hours ago at which work started: soon after creation, and before any pause or resolution. */
function inProgress(ageH: number, stoppedH: number | null): number {
  return (stoppedH ?? 0) + (ageH - (stoppedH ?? 0)) * 0.9;
}

export function demoSites(now: number, config: ResolvedConfig = sampleConfig()): FakeSiteData {
  const jira = (n: number, summary: string, priority: 'Highest' | 'High' | 'Medium' | 'Low', labels: string[], wanted: Wanted, assignee?: string) => {
    const { ageH, stoppedH } = timeline(config, { source: 'jira', project: 'SUP', priority, labels }, wanted, now);
    const changes: Array<[number, string]> = [[inProgress(ageH, stoppedH), 'In Progress']];
    if (wanted.state === 'paused') changes.push([stoppedH!, 'Waiting for customer']);
    if (wanted.state === 'met') changes.push([stoppedH!, 'Resolved']);
    return { n, summary, priority, ageH, labels, assignee, changes };
  };
  const zendesk = (
    id: number,
    subject: string,
    priority: 'urgent' | 'high' | 'normal' | 'low',
    wanted: Wanted,
    extra: { assignee?: string; groupId?: number; type?: 'question' | 'incident' | 'problem' | 'task' } = {},
  ) => {
    const { ageH, stoppedH, dueAt } = timeline(config, { source: 'zendesk', priority }, wanted, now);
    const changes: Array<[number, 'open' | 'pending' | 'hold' | 'solved']> = [[inProgress(ageH, stoppedH), 'open']];
    if (wanted.state === 'paused') changes.push([stoppedH!, priority === 'low' ? 'hold' : 'pending']);
    if (wanted.state === 'met') changes.push([stoppedH!, 'solved']);
    // An agent replied five minutes in, so only the resolution clocks run (every first-response target is longer).
    const firstReplyH = ageH - 5 / 60;
    // Zendesk's own view of the resolution target, as its `slas` sideload reports it.
    const stage = wanted.state === 'paused' ? 'paused' : wanted.state === 'met' ? 'achieved' : 'active';
    const slas = [{ metric: 'total_resolution_time', stage, breachAt: dueAt } as const];
    return { id, subject, priority, ageH, changes, firstReplyH, slas, ...extra };
  };

  return {
    jira: sampleJiraIssues(now, [
      jira(101, 'VPN drops every 10 minutes for the Lisbon office', 'Highest', ['enterprise'], { state: 'ok', consumed: 0.3 }, 'Priya Natarajan'),
      jira(102, 'Invoice PDF shows the wrong VAT number', 'High', ['enterprise', 'eu'], { state: 'at-risk', consumed: 0.85 }, 'Marco Rossi'),
      jira(103, 'Cannot reset password from the mobile app', 'Medium', [], { state: 'breached', consumed: 1.15 }, 'Priya Natarajan'),
      jira(104, 'Export to CSV times out for large projects', 'High', ['enterprise'], { state: 'paused', consumed: 0.5, hours: 3 }),
      jira(105, 'Typo on the onboarding email', 'Low', [], { state: 'ok', consumed: 0.1 }, 'Marco Rossi'),
      jira(106, '<img src=x onerror="document.title=\'pwned\'"> Script tags in subject <b>bold</b>', 'Medium', [], { state: 'ok', consumed: 0.4 }),
      jira(107, 'SSO login loop after certificate rotation', 'Highest', ['enterprise'], { state: 'met', consumed: 0.7, hours: 1 }, 'Ana Souza'),
      jira(108, 'Dashboard charts empty for the Toronto team', 'High', ['enterprise', 'canada'], { state: 'at-risk', consumed: 0.9 }, 'Ana Souza'),
    ]),
    zendesk: sampleZendeskTickets(now, [
      zendesk(4101, 'Checkout page returns 502 for EU customers', 'urgent', { state: 'at-risk', consumed: 0.8 }, { assignee: 'Sam Okafor', groupId: 360002 }),
      zendesk(4102, 'Refund not received after 10 days', 'high', { state: 'breached', consumed: 1.2 }, { assignee: 'Lena Fischer' }),
      zendesk(4103, 'How do I add a second admin?', 'normal', { state: 'ok', consumed: 0.2 }, { type: 'question' }),
      zendesk(4104, 'Bulk import stuck at 99%', 'high', { state: 'paused', consumed: 0.4, hours: 5 }, { assignee: 'Sam Okafor', groupId: 360002 }),
      zendesk(4105, 'Feature request: dark mode for reports', 'low', { state: 'paused', consumed: 0.6, hours: 20 }, { type: 'task' }),
      zendesk(4106, 'Password reset email lands in spam', 'normal', { state: 'met', consumed: 0.5, hours: 2 }, { assignee: 'Lena Fischer' }),
      zendesk(4107, '<img src=x onerror="document.title=\'pwned\'"> Refund for tickets/999 <b>#998</b>', 'normal', { state: 'ok', consumed: 0.3 }, { groupId: 360002 }),
    ]),
    zendeskView: { title: 'Unsolved tickets in your groups' },
  };
}

/** The watched scopes the browser suites add (issue 16): every demo ticket, by a Jira query and a Zendesk view. */
export const WATCH_JQL = 'project = SUP AND statusCategory != Done';
export const WATCH_VIEW = '360001';

/** The demo sites, signed-in only, serving the watched scopes and logging each API request. */
export function watchedDemoSites(now: number): FakeSiteData {
  return {
    ...demoSites(now),
    requireSession: true,
    apiLog: [],
    jiraScopes: { [WATCH_JQL]: Object.keys(DEMO_JIRA_STATES) },
    zendeskViews: { [WATCH_VIEW]: Object.keys(DEMO_ZENDESK_STATES).map(Number) },
  };
}

/** The demo tickets breached or at risk: what the popup's urgent list shows. */
export const DEMO_URGENT = [...Object.entries(DEMO_JIRA_STATES), ...Object.entries(DEMO_ZENDESK_STATES)].filter(([, s]) => s === 'breached' || s === 'at-risk').map(([k]) => k);
