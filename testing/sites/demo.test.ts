import { describe, expect, it } from 'vitest';
import { matchPolicy } from '../../lib/config/index';
import { compileCalendar, evaluateClock, type OpenPause, type TicketFacts } from '../../lib/sla/index';
import { DEMO_JIRA_STATES, DEMO_ZENDESK_STATES, demoSites, sampleConfig } from './demo';
import type { FakeStatusChange } from './tickets';

const config = sampleConfig();

/** The clock of one demo ticket, evaluated from its status history as the overlay will. */
function stateOf(facts: TicketFacts, initialStatus: string, history: FakeStatusChange[], done: (status: string) => boolean, now: number): string {
  const match = matchPolicy(config, facts, 'resolution');
  if (!match) return 'none';
  const calendar = compileCalendar(match.policy.calendarId === '24x7' ? '24x7' : config.calendars[match.policy.calendarId]!);
  const pauses: OpenPause[] = [];
  let status = initialStatus;
  let since = facts.created;
  let stop: number | null = null;
  for (const change of [...history, { at: now, from: '', to: '' }]) {
    if (match.policy.pauseOn.includes(status.toLowerCase())) pauses.push({ from: since, to: change.at === now ? null : change.at });
    if (done(change.to) && stop === null) stop = change.at;
    status = change.to;
    since = change.at;
  }
  return evaluateClock(calendar, { start: facts.created, targetMs: match.targetMs, pauses, stop, warnAt: match.policy.warnAt }, now).state;
}

describe('the demo data shows every state under the sample configuration', () => {
  // Monday morning, Saturday night and a holiday: the states must not depend on when the demo runs.
  it.each(['2026-11-23T09:30:00Z', '2026-11-28T22:00:00Z', '2026-12-25T12:00:00Z', '2027-03-28T01:30:00Z'])('at %s', (iso) => {
    const now = Date.parse(iso);
    const sites = demoSites(now, config);
    const jira = Object.fromEntries(
      sites.jira.map((i) => [
        i.key,
        stateOf(
          { source: 'jira', site: 'acme.atlassian.net', key: i.key, project: 'SUP', priority: i.priority, labels: i.labels, created: i.created, exact: true },
          'Waiting for support',
          i.history,
          (s) => s === 'Resolved',
          now,
        ),
      ]),
    );
    expect(jira).toEqual(DEMO_JIRA_STATES);
    const zendesk = Object.fromEntries(
      sites.zendesk.map((t) => [
        t.id,
        stateOf(
          { source: 'zendesk', site: 'acme.zendesk.com', key: String(t.id), priority: t.priority, labels: t.tags, created: t.created, exact: true },
          'new',
          t.history,
          (s) => s === 'solved',
          now,
        ),
      ]),
    );
    expect(zendesk).toEqual(DEMO_ZENDESK_STATES);
  });
});
