import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvaluateRequest } from '../../messaging/schema';
import { handle, ZENDESK_ORIGIN, type FakeSiteData } from '../../../testing/sites/index';
import { demoSites } from '../../../testing/sites/demo';
import { FIXTURE_NOW } from './__fixtures__/pages';
import { parseTicket, readAuditTrail, type AuditTrail, type ParseContext } from './parse';

const example = JSON.parse(readFileSync(new URL('./__fixtures__/tickets.json-format.example.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const context: ParseContext = {
  site: 'company.zendesk.com',
  origin: 'https://company.zendesk.com',
  groups: new Map([[98738, 'Tier 2']]),
  organizations: new Map([[509974, 'Globex']]),
  users: new Map([[235323, 'Sam Okafor']]),
};

const at = (iso: string) => Date.parse(iso);
const REQUESTER = 20978392;
const AGENT = 235323;

/** An audit in the documented shape (Ticket Audits docs): `created_at`, `author_id`, `events[]`. */
function audit(created_at: string, author_id: number, events: object[]) {
  return {
    id: Math.floor(Math.random() * 1e9),
    ticket_id: 35436,
    created_at,
    author_id,
    metadata: { system: {}, custom: {} },
    via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
    events,
  };
}
const change = (field_name: string, previous_value: unknown, value: unknown) => ({ id: 1, type: 'Change', field_name, value, previous_value });
const comment = (author_id: number, isPublic: boolean, body = 'Hello') => ({ id: 2, type: 'Comment', author_id, body, public: isPublic, attachments: [] });

/** The example ticket's life: created new, opened, a requester comment, an internal note, a public reply, pending, open. */
const HISTORY = [
  audit('2009-07-20T22:55:29Z', REQUESTER, [
    comment(REQUESTER, true, 'The fire is very colorful.'),
    { id: 3, type: 'Create', field_name: 'status', value: 'new' },
    { id: 4, type: 'Create', field_name: 'priority', value: 'high' },
  ]),
  audit('2009-07-20T23:10:00Z', AGENT, [change('status', 'new', 'open'), change('assignee_id', null, String(AGENT))]),
  audit('2009-07-20T23:20:00Z', REQUESTER, [comment(REQUESTER, true, 'Still burning. See ticket #999.')]),
  audit('2009-07-20T23:30:00Z', AGENT, [comment(AGENT, false, 'Internal: call the fire brigade')]),
  audit('2009-07-21T01:00:00Z', AGENT, [comment(AGENT, true, 'Please unplug it.'), change('status', 'open', 'pending')]),
  audit('2011-05-05T10:38:52Z', REQUESTER, [comment(REQUESTER, true, 'Done.'), change('status', 'pending', 'open')]),
];
const complete = (audits: unknown[] = HISTORY): AuditTrail => readAuditTrail(audits, true);

describe("Zendesk's documented ticket example", () => {
  it('reads what the ticket says, with names for group, organization and assignee, their ids as aliases and in fields', () => {
    expect(parseTicket(example, context, complete())).toEqual({
      source: 'zendesk',
      site: 'company.zendesk.com',
      key: '35436',
      url: 'https://company.zendesk.com/agent/tickets/35436',
      title: 'Help, my printer is on fire!',
      issueType: 'incident',
      priority: 'high',
      status: 'open',
      statusCategory: 'indeterminate',
      labels: ['enterprise', 'other_tag'],
      group: 'Tier 2',
      organization: 'Globex',
      assignee: 'Sam Okafor',
      aliases: { group: '98738', organization: '509974', assignee: '235323' },
      team: 'Tier 2',
      vendorSlaExpected: true,
      fields: { '27642': '745', '27648': 'yes', group_id: 98738, organization_id: 509974, assignee_id: 235323, custom_status_id: 123 },
      created: at('2009-07-20T22:55:29Z'),
      resolvedAt: null,
      firstResponseAt: at('2009-07-21T01:00:00Z'),
      statusHistory: [
        { at: at('2009-07-20T22:55:29Z'), status: 'new', category: 'new' },
        { at: at('2009-07-20T23:10:00Z'), status: 'open', category: 'indeterminate' },
        { at: at('2009-07-21T01:00:00Z'), status: 'pending', category: 'indeterminate' },
        { at: at('2011-05-05T10:38:52Z'), status: 'open', category: 'indeterminate' },
      ],
      // Who wrote each comment and whether the requester saw it: the requester's follow-up, an agent's internal note, the agent's reply, the requester again.
      comments: [
        { at: at('2009-07-20T23:20:00Z'), by: 'end-user', public: true },
        { at: at('2009-07-20T23:30:00Z'), by: 'agent', public: false },
        { at: at('2009-07-21T01:00:00Z'), by: 'agent', public: true },
        { at: at('2011-05-05T10:38:52Z'), by: 'end-user', public: true },
      ],
      exact: true,
    });
  });

  it('says what the generic layers need as data: solved and closed are done, the group is the team, ids are aliases', () => {
    for (const [status, category] of [
      ['new', 'new'],
      ['open', 'indeterminate'],
      ['pending', 'indeterminate'],
      ['hold', 'indeterminate'],
      ['solved', 'done'],
      ['closed', 'done'],
    ]) {
      expect(parseTicket({ ...example, status }, context, null)!.statusCategory, status).toBe(category);
    }
    const unassigned = parseTicket({ ...example, group_id: null, organization_id: null, assignee_id: null }, context, complete())!;
    // Given even when empty: facts without aliases are read as recorded before there were any.
    expect(unassigned.aliases).toEqual({});
    expect(unassigned).not.toHaveProperty('team');
  });

  it('has no slas key, so its vendor SLA is unknown (absent), and "web" names no via id', () => {
    const facts = parseTicket(example, context, complete())!;
    expect(facts).not.toHaveProperty('vendorSla');
    expect(facts.fields).not.toHaveProperty('via_id');
  });

  it('without audits: no history, first reply unknown, not exact', () => {
    const facts = parseTicket(example, context, null)!;
    expect(facts).toMatchObject({ exact: false, status: 'open', resolvedAt: null });
    expect(facts).not.toHaveProperty('statusHistory');
    expect(facts).not.toHaveProperty('firstResponseAt');
  });

  it('a group or organization whose name could not be read leaves the facts approximate, not guessed', () => {
    const facts = parseTicket(example, { ...context, groups: new Map(), organizations: new Map([[509974, null]]) }, complete())!;
    expect(facts.exact).toBe(false);
    expect(facts).not.toHaveProperty('group');
    expect(facts).not.toHaveProperty('organization');
    expect(facts.fields).toMatchObject({ group_id: 98738, organization_id: 509974 });
    expect(parseTicket({ ...example, group_id: null, organization_id: null }, { ...context, groups: new Map() }, complete())!.exact).toBe(true);
  });
});

describe('the first reply', () => {
  const withTrail = (audits: unknown[], done = true) => parseTicket(example, context, readAuditTrail(audits, done))!;

  it('is the first public comment by someone other than the requester, after creation', () => {
    expect(withTrail(HISTORY).firstResponseAt).toBe(at('2009-07-21T01:00:00Z'));
  });

  it('ignores the description, even when an agent wrote it (a ticket opened on the phone)', () => {
    const byAgent = [audit('2009-07-20T22:55:29Z', AGENT, [comment(AGENT, true, 'Caller says the printer is on fire'), { id: 3, type: 'Create', field_name: 'status', value: 'open' }])];
    expect(withTrail(byAgent).firstResponseAt).toBeNull();
  });

  it('ignores internal notes and the requester’s own comments: none yet is null when every audit was read', () => {
    const noReply = HISTORY.slice(0, 4);
    expect(withTrail(noReply).firstResponseAt).toBeNull();
    // With pages left unread, "none" is not known.
    expect(withTrail(noReply, false)).not.toHaveProperty('firstResponseAt');
    expect(withTrail(HISTORY, false).firstResponseAt).toBe(at('2009-07-21T01:00:00Z'));
  });

  it('takes the comment author from the event, else from the audit', () => {
    const anonymous = { id: 2, type: 'Comment', body: 'From the agent', public: true };
    expect(withTrail([HISTORY[0]!, audit('2009-07-20T23:00:00Z', AGENT, [anonymous])]).firstResponseAt).toBe(at('2009-07-20T23:00:00Z'));
    expect(withTrail([HISTORY[0]!, audit('2009-07-20T23:00:00Z', REQUESTER, [anonymous])]).firstResponseAt).toBeNull();
  });
});

describe('status history', () => {
  const ticket = (status: string) => ({ ...example, status });

  it('marks the facts approximate when the audits miss the latest change, and ends on the current status', () => {
    const facts = parseTicket(ticket('hold'), context, complete())!;
    expect(facts.exact).toBe(false);
    expect(facts.statusHistory!.at(-1)).toEqual({ at: at('2011-05-05T10:38:52Z'), status: 'hold', category: 'indeterminate' });
  });

  it('a solved ticket was resolved when it entered its last run of done statuses', () => {
    const solvedThenClosed = [...HISTORY, audit('2011-05-06T09:00:00Z', AGENT, [change('status', 'open', 'solved')]), audit('2011-06-06T09:00:00Z', -1, [change('status', 'solved', 'closed')])];
    const closed = parseTicket({ ...ticket('closed'), updated_at: '2011-06-06T09:00:00Z' }, context, complete(solvedThenClosed))!;
    expect(closed.resolvedAt).toBe(at('2011-05-06T09:00:00Z'));
    expect(closed.statusHistory!.map((s) => s.category)).toEqual(['new', 'indeterminate', 'indeterminate', 'indeterminate', 'done', 'done']);
    const reopened = [
      ...solvedThenClosed.slice(0, -1),
      audit('2011-05-07T09:00:00Z', REQUESTER, [change('status', 'solved', 'open')]),
      audit('2011-05-08T09:00:00Z', AGENT, [change('status', 'open', 'solved')]),
    ];
    expect(parseTicket({ ...ticket('solved'), updated_at: '2011-05-08T09:00:00Z' }, context, complete(reopened))!.resolvedAt).toBe(at('2011-05-08T09:00:00Z'));
    // No audits: when it was solved is not known; the last update is the best bound, and it says approximate.
    expect(parseTicket(ticket('solved'), context, null)).toMatchObject({ resolvedAt: at('2011-05-05T10:38:52Z'), exact: false });
  });

  it('counts custom statuses through their category: only status changes make history, the label id is a field', () => {
    const custom = [
      audit('2009-07-20T22:55:29Z', REQUESTER, [
        { id: 3, type: 'Create', field_name: 'status', value: 'new' },
        { id: 5, type: 'Create', field_name: 'custom_status_id', value: '1' },
      ]),
      // "Open – investigating" → "Open – waiting on engineering": same category, no status change.
      audit('2009-07-21T10:00:00Z', AGENT, [change('custom_status_id', '1', '2'), change('status', 'new', 'open')]),
      audit('2009-07-21T11:00:00Z', AGENT, [change('custom_status_id', '2', '3')]),
      // "Pending – awaiting parts" is in the pending category.
      audit('2009-07-22T10:00:00Z', AGENT, [change('custom_status_id', '3', '7'), change('status', 'open', 'pending')]),
    ];
    const facts = parseTicket({ ...ticket('pending'), custom_status_id: 7 }, context, complete(custom))!;
    expect(facts.statusHistory!.map((s) => s.status)).toEqual(['new', 'open', 'pending']);
    expect(facts.fields!.custom_status_id).toBe(7);
    expect(facts.exact).toBe(true);
  });

  it('sorts audits by time and ignores ones it cannot date or read', () => {
    const shuffled = [HISTORY[4], 'nonsense', HISTORY[0], { created_at: 'yesterday', events: [change('status', 'open', 'solved')] }, HISTORY[1], HISTORY[5], null];
    expect(parseTicket(example, context, complete(shuffled))!.statusHistory!.map((s) => s.status)).toEqual(['new', 'open', 'pending', 'open']);
  });
});

describe('the slas sideload', () => {
  const withSlas = (slas: unknown) => parseTicket({ ...example, slas }, context, complete())!;

  it('maps policy_metrics to vendorSla', () => {
    const facts = withSlas({
      policy_metrics: [
        { breach_at: '2011-05-05T12:00:00Z', stage: 'active', metric: 'first_reply_time', hours: 3 },
        { breach_at: null, stage: 'achieved', metric: 'requester_wait_time', days: -141 },
        { breach_at: '2011-05-06T12:00:00Z', stage: 'paused', metric: 'total_resolution_time', minutes: 10 },
      ],
    });
    expect(facts.vendorSla).toEqual([
      { metric: 'first_reply_time', stage: 'active', breachAt: at('2011-05-05T12:00:00Z') },
      { metric: 'requester_wait_time', stage: 'achieved', breachAt: null },
      { metric: 'total_resolution_time', stage: 'paused', breachAt: at('2011-05-06T12:00:00Z') },
    ]);
  });

  it('an empty list is no targets; a missing or malformed sideload is unknown', () => {
    expect(withSlas({ policy_metrics: [] }).vendorSla).toEqual([]);
    expect(withSlas(undefined)).not.toHaveProperty('vendorSla');
    expect(withSlas({})).not.toHaveProperty('vendorSla');
    expect(withSlas({ policy_metrics: [{ stage: 'breached', metric: 'x' }, { stage: 'active' }, 'x', { stage: 'active', metric: 'm', breach_at: 'soon' }] }).vendorSla).toEqual([
      { metric: 'm', stage: 'active', breachAt: null },
    ]);
  });
});

describe('untrusted input', () => {
  it('reads via ids from via types, ids and "email", and nothing from ambiguous channels', () => {
    const via = (channel: unknown) => parseTicket({ ...example, via: { channel } }, context, null)!.fields!.via_id;
    expect([via('mail'), via('email'), via(4), via('4'), via('web_form'), via('chat'), via('web'), via('api'), via('toString'), via(-1)]).toEqual([
      4,
      4,
      4,
      4,
      0,
      29,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('refuses tickets without an id or a creation time, and keeps values within what the background accepts', () => {
    expect(parseTicket({ ...example, id: '35436' }, context, null)).toBeNull();
    expect(parseTicket({ ...example, created_at: 'yesterday' }, context, null)).toBeNull();
    expect(parseTicket('<img src=x onerror=alert(1)>', context, null)).toBeNull();
    const facts = parseTicket(
      {
        ...example,
        subject: 'x'.repeat(3000),
        tags: ['ok', 7, '', 'y'.repeat(300)],
        custom_fields: [
          { id: 1, value: 'z'.repeat(2001) },
          { id: 2, value: ['a', 3] },
          { id: 3, value: { nested: true } },
          { id: 4, value: null },
          { id: 'x', value: 'v' },
        ],
      },
      context,
      complete(),
    )!;
    expect(facts.title).toHaveLength(2000);
    expect(facts.labels).toEqual(['ok']);
    expect(Object.keys(facts.fields!).filter((k) => /^\d+$/.test(k))).toEqual(['2']);
    expect(facts.fields!['2']).toEqual(['a']);
    expect(parseEvaluateRequest({ type: 'sla:evaluate', source: 'zendesk', site: facts.site, tickets: [facts] }).refused).toEqual([]);
  });
});

describe('the fake site, round trip', () => {
  it('reads back each demo ticket’s history and first reply, and the background accepts the facts', () => {
    const data: FakeSiteData = demoSites(FIXTURE_NOW);
    const get = (path: string) => JSON.parse(handle(data, { method: 'GET', url: new URL(path, ZENDESK_ORIGIN) })!.body) as Record<string, any>;
    const shown = get(`/api/v2/tickets/show_many.json?ids=${data.zendesk.map((t) => t.id).join(',')}&include=slas,users`);
    const users = new Map<number, string>(shown.users.map((u: { id: number; name: string }) => [u.id, u.name]));
    const all = shown.tickets.map((t: { id: number }) =>
      parseTicket(
        t,
        {
          site: 'acme.zendesk.com',
          origin: ZENDESK_ORIGIN,
          groups: new Map([
            [360001, 'Tier 1'],
            [360002, 'Tier 2'],
          ]),
          organizations: new Map([[470001, 'Globex']]),
          users,
        },
        complete(get(`/api/v2/tickets/${t.id}/audits.json`).audits),
      )!,
    );
    for (const t of data.zendesk) {
      const facts = all.find((f: { key: string }) => f.key === String(t.id))!;
      expect(facts.exact, `${t.id}`).toBe(true);
      expect(facts.statusHistory!.map((s: { status: string }) => s.status)).toEqual(['new', ...t.history.map((h) => h.to)]);
      expect(facts.firstResponseAt).toBe(Math.floor(t.comments!.find((c) => c.public && c.author !== t.requester)!.at / 1000) * 1000);
      expect(facts.vendorSla).toHaveLength(1);
      expect(facts.group).toBe(t.groupId === 360002 ? 'Tier 2' : 'Tier 1');
    }
    const checked = parseEvaluateRequest({ type: 'sla:evaluate', source: 'zendesk', site: 'acme.zendesk.com', tickets: all });
    expect(checked.refused).toEqual([]);
    expect(checked.request.tickets).toHaveLength(all.length);
  });
});
