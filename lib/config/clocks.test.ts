import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { calendarsFor, pausesFrom, viewFor } from './clocks';
import { parseConfigText } from './index';

const parsed = parseConfigText(readFileSync(new URL('./__fixtures__/design-example.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('design example must parse');
const config = parsed.config;
const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

const enterpriseTicket: TicketFacts = {
  source: 'jira',
  site: 'acme.atlassian.net',
  key: 'SUP-1',
  project: 'SUP',
  priority: 'High',
  labels: ['enterprise'],
  status: 'In Progress',
  created: at('2026-11-23T09:00:00Z'),
  statusHistory: [
    { at: at('2026-11-23T09:00:00Z'), status: 'Open' },
    { at: at('2026-11-23T10:00:00Z'), status: 'Waiting for customer' },
    { at: at('2026-11-23T12:00:00Z'), status: 'In Progress' },
  ],
  firstResponseAt: at('2026-11-23T09:20:00Z'),
  exact: true,
};

describe('pausesFrom', () => {
  it('turns stretches in a pause status into pauses, the current one open', () => {
    const history = [
      { at: 1, status: 'Open' },
      { at: 2, status: 'Waiting for customer' },
      { at: 3, status: 'In Progress' },
      { at: 4, status: 'waiting for CUSTOMER' },
    ];
    expect(pausesFrom(history, ['waiting for customer'])).toEqual([
      { from: 2, to: 3 },
      { from: 4, to: null },
    ]);
  });
  it('merges consecutive pause statuses into one pause', () => {
    expect(
      pausesFrom(
        [
          { at: 1, status: 'pending' },
          { at: 2, status: 'hold' },
          { at: 5, status: 'open' },
        ],
        ['pending', 'hold'],
      ),
    ).toEqual([{ from: 1, to: 5 }]);
  });
  it('has no pauses without pause statuses', () => {
    expect(pausesFrom([{ at: 1, status: 'Open' }], [])).toEqual([]);
  });
});

describe('viewFor', () => {
  it('a resolved ticket without its resolution time is unknown, never a clock still running', () => {
    const solved: TicketFacts = {
      source: 'zendesk',
      site: 'acme.zendesk.com',
      key: '9',
      priority: 'urgent',
      status: 'solved',
      statusCategory: 'done',
      created: at('2026-11-23T09:00:00Z'),
      exact: false,
    };
    expect(viewFor(config, solved)).toMatchObject({ kind: 'unknown', clocks: [], exact: false, note: expect.stringContaining('resolved') });
    expect(viewFor(config, { ...solved, resolvedAt: at('2026-11-23T10:00:00Z') }).kind).toBe('clocks');
    const jiraDone = { ...enterpriseTicket, statusHistory: [...enterpriseTicket.statusHistory!, { at: at('2026-11-24T09:00:00Z'), status: 'Done', category: 'done' as const }] };
    expect(viewFor(config, jiraDone).kind).toBe('unknown');
    expect(viewFor(config, { ...enterpriseTicket, statusHistory: undefined, status: 'Erledigt', statusCategory: 'done' }).kind).toBe('unknown');
  });

  it('done is what the source says (the status category), never a status name the generic layer knows', () => {
    // A Jira workflow may call a status "Solved" or "Closed" and still count it in progress.
    for (const status of ['solved', 'Closed']) {
      const jira: TicketFacts = { ...enterpriseTicket, statusHistory: undefined, status, statusCategory: 'indeterminate' };
      expect(viewFor(config, jira).kind, status).toBe('clocks');
    }
    // Whatever the source: without a done category, a status name alone does not stop the clock.
    const zendesk: TicketFacts = { source: 'zendesk', site: 'acme.zendesk.com', key: '9', priority: 'urgent', status: 'solved', created: at('2026-11-23T09:00:00Z'), exact: false };
    expect(viewFor(config, zendesk).kind).toBe('clocks');
  });

  it("carries the tool's own SLA state, keeping 'not reported' (null) apart where the source says the tool keeps one; Jira tickets have none", () => {
    const zendesk: TicketFacts = {
      source: 'zendesk',
      site: 'acme.zendesk.com',
      key: '7',
      priority: 'urgent',
      status: 'open',
      created: at('2026-11-23T09:00:00Z'),
      statusHistory: [],
      vendorSlaExpected: true,
      exact: true,
    };
    const reported = [{ metric: 'first_reply_time', stage: 'active' as const, breachAt: at('2026-11-23T10:00:00Z') }];
    expect(viewFor(config, { ...zendesk, vendorSla: reported }).vendor).toEqual(reported);
    expect(viewFor(config, zendesk).vendor).toBeNull();
    expect(viewFor(config, { ...zendesk, source: 'zendesk', priority: 'nonexistent', vendorSla: [] }).vendor).toEqual([]);
    expect('vendor' in viewFor(config, enterpriseTicket)).toBe(false);
    // The source, not the generic layer, says which tools keep one.
    expect('vendor' in viewFor(config, { ...zendesk, vendorSlaExpected: undefined })).toBe(false);
  });

  it('builds a clock per metric from the first policy with a target for it', () => {
    const view = viewFor(config, enterpriseTicket);
    expect(view).toMatchObject({ key: 'SUP-1', kind: 'clocks', policyId: 'enterprise', policyName: 'Enterprise customers', exact: true });
    expect(view.clocks).toEqual([
      {
        metric: 'resolution',
        policyId: 'enterprise',
        policyName: 'Enterprise customers',
        calendarId: 'emea',
        businessTime: true,
        clock: { start: enterpriseTicket.created, targetMs: 8 * H, pauses: [{ from: at('2026-11-23T10:00:00Z'), to: at('2026-11-23T12:00:00Z') }], stop: null, warnAt: { fraction: 0.75 } },
      },
      expect.objectContaining({ metric: 'first-response', clock: expect.objectContaining({ targetMs: 1 * H, stop: enterpriseTicket.firstResponseAt }) }),
    ]);
  });

  it('stops resolution when the ticket is done, and first response then too if nobody replied', () => {
    const done = { ...enterpriseTicket, firstResponseAt: null, resolvedAt: at('2026-11-24T09:00:00Z') };
    const view = viewFor(config, done);
    expect(view.clocks.map((c) => [c.metric, c.clock.stop])).toEqual([
      ['resolution', done.resolvedAt],
      ['first-response', done.resolvedAt],
    ]);
  });

  it('says no policy applies', () => {
    expect(viewFor(config, { ...enterpriseTicket, project: 'OPS', labels: [] })).toEqual({ key: 'SUP-1', kind: 'none', clocks: [], exact: true });
  });

  it('marks figures approximate without status history, using the statuses the background observed', () => {
    const noHistory = { ...enterpriseTicket, statusHistory: undefined };
    const blind = viewFor(config, { ...noHistory, status: 'Waiting for customer' });
    expect(blind.exact).toBe(false);
    expect(blind.note).toMatch(/pauses are not known/);
    // Without history the current pause status is taken to have held since creation.
    expect(blind.clocks[0]!.clock.pauses).toEqual([{ from: enterpriseTicket.created, to: null }]);
    const observed = viewFor(config, noHistory, {
      observed: [
        { at: at('2026-11-23T11:00:00Z'), status: 'In Progress' },
        { at: at('2026-11-23T13:00:00Z'), status: 'Waiting for customer' },
      ],
    });
    expect(observed.note).toMatch(/statuses SLA Lens saw/);
    expect(observed.clocks[0]!.clock.pauses).toEqual([{ from: at('2026-11-23T13:00:00Z'), to: null }]);
  });

  it('sends only the calendars the views use', () => {
    expect(Object.keys(calendarsFor(config, [viewFor(config, enterpriseTicket)]))).toEqual(['emea']);
    expect(calendarsFor(config, [])).toEqual({});
  });
});

describe('the clocks that run in cycles (issue 18)', () => {
  const cfg = (extra: Record<string, unknown> = {}) => {
    const result = parseConfigText(
      JSON.stringify({
        version: 1,
        name: 'Updates',
        policies: [
          {
            id: 'contract',
            name: 'Contract',
            match: { source: 'zendesk' },
            calendar: '24x7',
            targets: { '*': { nextReply: '2h', periodicUpdate: '8h', requesterWait: '24h', agentWork: '10h' } },
            ...extra,
          },
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.config;
  };
  const t = (hhmm: string) => at(`2026-11-23T${hhmm}:00Z`);
  const ticket: TicketFacts = {
    source: 'zendesk',
    site: 'acme.zendesk.com',
    key: '501',
    priority: 'normal',
    status: 'open',
    created: t('09:00'),
    statusHistory: [
      { at: t('09:00'), status: 'new', category: 'new' },
      { at: t('09:10'), status: 'open', category: 'indeterminate' },
      { at: t('11:00'), status: 'pending', category: 'indeterminate' },
      { at: t('13:00'), status: 'open', category: 'indeterminate' },
    ],
    comments: [
      { at: t('09:30'), by: 'agent', public: true },
      { at: t('12:00'), by: 'end-user', public: true },
      { at: t('14:00'), by: 'agent', public: false },
    ],
    exact: true,
  };
  const shown = (c: ReturnType<typeof cfg>, facts: TicketFacts) => viewFor(c, facts).clocks.map((k) => [k.metric, k.clock.start, k.clock.stop, k.clock.pauses, k.clock.targetMs]);

  it('shows each metric’s running cycle: the customer’s message waiting for a reply, the update since the last one, the waits paused while pending', () => {
    expect(shown(cfg(), ticket)).toEqual([
      // The requester wrote at 12:00 and no agent has answered in public since.
      ['next-reply', t('12:00'), null, [], 2 * H],
      // Updates: creation → the reply at 09:30, then running from it (the note at 14:00 is no update).
      ['periodic-update', t('09:30'), null, [], 8 * H],
      ['requester-wait', t('09:00'), null, [{ from: t('11:00'), to: t('13:00') }], 24 * H],
      ['agent-work', t('09:00'), null, [{ from: t('11:00'), to: t('13:00') }], 10 * H],
    ]);
  });

  it('counts an agent’s internal note as an update where the policy says so, and adds its pauseOn to the waits’ own', () => {
    const c = cfg({ internalNotesCount: ['periodicUpdate'], pauseOn: ['hold'] });
    const held: TicketFacts = { ...ticket, statusHistory: [...ticket.statusHistory!, { at: t('15:00'), status: 'hold', category: 'indeterminate' }] };
    expect(shown(c, held)).toEqual([
      ['next-reply', t('12:00'), null, [], 2 * H],
      ['periodic-update', t('14:00'), null, [], 8 * H],
      // On-hold pauses requester wait only because the policy adds it; agent work pauses on it by itself.
      [
        'requester-wait',
        t('09:00'),
        null,
        [
          { from: t('11:00'), to: t('13:00') },
          { from: t('15:00'), to: null },
        ],
        24 * H,
      ],
      [
        'agent-work',
        t('09:00'),
        null,
        [
          { from: t('11:00'), to: t('13:00') },
          { from: t('15:00'), to: null },
        ],
        10 * H,
      ],
    ]);
  });

  it('shows no reply clock when nothing is owed, and none without the whole thread, saying why', () => {
    const answered: TicketFacts = { ...ticket, comments: [...ticket.comments!, { at: t('14:30'), by: 'agent', public: true }] };
    expect(shown(cfg(), answered).map(([m, , stop]) => [m, stop])).toEqual([
      ['next-reply', t('14:30')],
      ['periodic-update', null],
      ['requester-wait', null],
      ['agent-work', null],
    ]);
    const { comments: _gone, ...unread } = ticket;
    const view = viewFor(cfg(), unread);
    expect(view.clocks.map((k) => k.metric)).toEqual(['requester-wait', 'agent-work']);
    expect(view.exact).toBe(false);
    expect(view.note).toBe("next reply and periodic update not shown: the site did not give all of the ticket's comments");
  });
});

describe('aging flags in the view (issue 18 §2)', () => {
  const cfg = (aging: Record<string, unknown>) => {
    const result = parseConfigText(
      JSON.stringify({
        version: 1,
        name: 'Aging',
        calendars: [
          { id: 'ny', timeZone: 'America/New_York', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } },
        ],
        policies: [
          // Targets from the first, aging from the second: each is the first that defines it.
          { id: 'targets', match: { source: 'jira' }, calendar: '24x7', targets: { '*': { resolution: '40h' } } },
          { id: 'stale', match: { source: 'jira' }, calendar: 'ny', aging },
        ],
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.config;
  };
  const withComments: TicketFacts = { ...enterpriseTicket, comments: [{ at: at('2026-11-23T09:20:00Z'), by: 'agent', public: true }] };

  it('carries the first aging policy’s watches and calendar, whichever policy sets the targets', () => {
    const view = viewFor(cfg({ noPublicUpdateFor: '16h', inStatusFor: '24h', statuses: ['In Progress'] }), withComments);
    expect(view.clocks.map((c) => c.policyId)).toEqual(['targets']);
    expect(view.aging).toEqual({
      policyId: 'stale',
      calendarId: 'ny',
      watches: [
        { kind: 'no-update', since: at('2026-11-23T09:20:00Z'), thresholdMs: 16 * H },
        { kind: 'in-status', since: at('2026-11-23T12:00:00Z'), thresholdMs: 24 * H, status: 'In Progress' },
      ],
    });
    // The content script gets the aging calendar with the clocks' ones.
    expect(Object.keys(calendarsFor(cfg({ noPublicUpdateFor: '16h' }), [view])).sort()).toEqual(['ny']);
  });

  it('flags nothing it cannot know, and says what; nothing on a resolved ticket', () => {
    const { comments: _none, statusHistory: _nor, ...bare } = withComments;
    expect(viewFor(cfg({ noPublicUpdateFor: '16h', inStatusFor: '24h' }), { ...bare, exact: false }).aging).toEqual({
      policyId: 'stale',
      calendarId: 'ny',
      watches: [],
      unknown: 'the last public update (the site did not give all comments) and how long the ticket has been in its status (the site gave no status history)',
    });
    expect(viewFor(cfg({ noPublicUpdateFor: '16h' }), { ...withComments, resolvedAt: at('2026-11-23T13:00:00Z'), statusCategory: 'done' }).aging?.watches).toEqual([]);
  });

  it('is refused without a threshold, at its path', () => {
    const result = parseConfigText(JSON.stringify({ version: 1, name: 'x', policies: [{ id: 'p', aging: { statuses: ['Open'] } }] }));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((p) => [p.path, p.message])).toEqual([['policies[0].aging', 'Give "noPublicUpdateFor", "inStatusFor", or both: an aging rule without either flags nothing.']]);
  });
});
