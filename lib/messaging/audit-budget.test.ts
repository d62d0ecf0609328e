import { describe, expect, it } from 'vitest';
import type { AuditTrail } from './audit-trails';
import { createAuditBudgetHost, parseAuditBudgetRequest, parseAuditTrailsPut } from './audit-budget';
import type { Sender } from './protocol';

const ID = 'our-extension-id';
const SITE = 'acme.zendesk.com';
const OTHER = 'globex.zendesk.com';
const T = Date.parse('2026-11-26T10:00:00Z');
/** `count` tickets from id `from` on, all with `stamp`. */
const refs = (count: number, stamp = 's1', from = 1) => Array.from({ length: count }, (_, i) => ({ id: from + i, stamp }));
/** An ask about a batch's worth of tickets, none of them kept, so the budget alone decides. */
const ask = (extra: Record<string, unknown> = {}) => ({ type: 'sla:audit-budget', site: SITE, want: 10, tickets: refs(100, 'never-put', 10_000), ...extra });
const tab = (id: number, url = `https://${SITE}/agent/filters/1`): Sender => ({ id: ID, url, frameId: 0, tab: { id } });
const TRAIL: AuditTrail = { initial: 'new', changes: [{ at: T - 5_000, from: 'new', to: 'open' }], comments: [{ at: T - 4_000, author: 7 }], complete: true };
const put = (trails: unknown[], site = SITE) => ({ type: 'sla:audit-trails', site, trails });
const entry = (id: number, stamp = 's1', trail: unknown = TRAIL) => ({ id, stamp, trail });

describe('parseAuditBudgetRequest: the background takes only a well-formed ask', () => {
  it('takes a plain ask, and one with what the site said of its limit', () => {
    const tickets = refs(100, 'never-put', 10_000);
    expect(parseAuditBudgetRequest(ask())).toEqual({ type: 'sla:audit-budget', site: SITE, want: 10, tickets });
    expect(parseAuditBudgetRequest(ask({ want: 100, remaining: 0, limit: 700, resetSeconds: 41.5 }))).toEqual({
      type: 'sla:audit-budget',
      site: SITE,
      want: 100,
      tickets,
      remaining: 0,
      limit: 700,
      resetSeconds: 41.5,
    });
    // Firefox's structured clone keeps a key whose value is undefined: read as absent.
    expect(parseAuditBudgetRequest(ask({ remaining: undefined }))).toEqual({ type: 'sla:audit-budget', site: SITE, want: 10, tickets });
  });

  it('takes an ask for trails only (want 0), and tickets without a stamp to share', () => {
    const tickets = [
      { id: 1, stamp: '' },
      { id: Number.MAX_SAFE_INTEGER, stamp: 'x'.repeat(40) },
    ];
    expect(parseAuditBudgetRequest(ask({ want: 0, tickets }))).toEqual({ type: 'sla:audit-budget', site: SITE, want: 0, tickets });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'sla:audit-budget'],
    ['an array', [ask()]],
    ['another type', ask({ type: 'sla:evaluate' })],
    ['no site', { type: 'sla:audit-budget', want: 10 }],
    ['a site that is not a string', ask({ site: 42 })],
    ['an empty site', ask({ site: '' })],
    ['a site longer than a host name', ask({ site: `${'a'.repeat(250)}.com` })],
    ['no want', { type: 'sla:audit-budget', site: SITE }],
    ['want as a string', ask({ want: '10' })],
    ['want over the tickets it lists', ask({ want: 3, tickets: refs(2) })],
    ['no tickets', { type: 'sla:audit-budget', site: SITE, want: 1 }],
    ['tickets that are not a list', ask({ tickets: { 1: 's1' } })],
    ['an empty list of tickets', ask({ want: 0, tickets: [] })],
    ['over 100 tickets', ask({ tickets: refs(101) })],
    ['a ticket that is not an object', ask({ want: 1, tickets: [1] })],
    ['a ticket with a key it does not have', ask({ want: 1, tickets: [{ id: 1, stamp: 's1', trail: TRAIL }] })],
    ['a ticket without an id', ask({ want: 1, tickets: [{ stamp: 's1' }] })],
    ['a ticket id 0', ask({ want: 1, tickets: [{ id: 0, stamp: 's1' }] })],
    ['a ticket id below 0', ask({ want: 1, tickets: [{ id: -4, stamp: 's1' }] })],
    ['a ticket id a fraction', ask({ want: 1, tickets: [{ id: 1.5, stamp: 's1' }] })],
    ['a ticket id as a string', ask({ want: 1, tickets: [{ id: '1', stamp: 's1' }] })],
    ['a ticket id past a safe integer', ask({ want: 1, tickets: [{ id: 2 ** 53, stamp: 's1' }] })],
    ['a ticket without a stamp', ask({ want: 1, tickets: [{ id: 1 }] })],
    ['a stamp that is not a string', ask({ want: 1, tickets: [{ id: 1, stamp: 1_700_000_000 }] })],
    ['a stamp over 40 characters', ask({ want: 1, tickets: [{ id: 1, stamp: 'x'.repeat(41) }] })],
    [
      'the same ticket twice',
      ask({
        want: 1,
        tickets: [
          { id: 1, stamp: 's1' },
          { id: 1, stamp: 's2' },
        ],
      }),
    ],
    ['want below 0', ask({ want: -3 })],
    ['want over 100', ask({ want: 101 })],
    ['want a fraction', ask({ want: 2.5 })],
    ['want NaN', ask({ want: Number.NaN })],
    ['want Infinity', ask({ want: Number.POSITIVE_INFINITY })],
    ['remaining as a string', ask({ remaining: '5' })],
    ['remaining below 0', ask({ remaining: -1 })],
    ['remaining NaN', ask({ remaining: Number.NaN })],
    ['remaining huge', ask({ remaining: 1e12 })],
    ['limit 0', ask({ limit: 0 })],
    ['limit Infinity', ask({ limit: Number.POSITIVE_INFINITY })],
    ['limit huge', ask({ limit: 5e6 })],
    ['resetSeconds null', ask({ resetSeconds: null })],
    ['resetSeconds below 0', ask({ resetSeconds: -5 })],
    ['resetSeconds a day', ask({ resetSeconds: 86_400 })],
    ['a key it does not have', ask({ granted: 100 })],
  ])('refuses %s', (_name, message) => {
    expect(parseAuditBudgetRequest(message)).toBeNull();
  });
});

describe('parseAuditTrailsPut: the background keeps only trails of a trail’s shape, every part bounded', () => {
  it('takes trails, copied without the optional parts that are undefined', () => {
    const bare = { changes: [{ at: 1, from: undefined, to: 'open' }], comments: [{ at: 2, author: undefined }], complete: false, initial: undefined };
    expect(parseAuditTrailsPut(put([entry(1), entry(2, 's2', bare)]))).toEqual({
      type: 'sla:audit-trails',
      site: SITE,
      trails: [entry(1), entry(2, 's2', { changes: [{ at: 1, to: 'open' }], comments: [{ at: 2 }], complete: false })],
    });
    const full = { initial: 'x'.repeat(200), changes: refs(200).map((_, i) => ({ at: i, from: 'a', to: 'b' })), comments: refs(500).map((_, i) => ({ at: i, author: i })), complete: true };
    expect(parseAuditTrailsPut(put([entry(1, 'x'.repeat(40), full)]))?.trails[0]?.trail).toEqual(full);
  });

  const change = (c: Record<string, unknown>) => ({ ...TRAIL, changes: [c] });
  const comment = (c: Record<string, unknown>) => ({ ...TRAIL, comments: [c] });
  it.each([
    ['another type', { ...put([entry(1)]), type: 'sla:audit-budget' }],
    ['a key it does not have', { ...put([entry(1)]), want: 1 }],
    ['no site', { type: 'sla:audit-trails', trails: [entry(1)] }],
    ['a site longer than a host name', put([entry(1)], `${'a'.repeat(250)}.com`)],
    ['no trails', { type: 'sla:audit-trails', site: SITE }],
    ['an empty list', put([])],
    ['over 100 trails', put(refs(101).map(({ id }) => entry(id)))],
    ['the same ticket twice', put([entry(1), entry(1, 's2')])],
    ['an entry with a key it does not have', put([{ ...entry(1), body: 'Please help' }])],
    ['an id 0', put([entry(0)])],
    ['an id as a string', put([entry('1' as unknown as number)])],
    ['an empty stamp', put([entry(1, '')])],
    ['a stamp over 40 characters', put([entry(1, 'x'.repeat(41))])],
    ['a stamp that is not a string', put([{ id: 1, stamp: 17, trail: TRAIL }])],
    ['no trail', put([{ id: 1, stamp: 's1' }])],
    ['a trail that is a list', put([entry(1, 's1', [TRAIL])])],
    ['a trail with a key it does not have', put([entry(1, 's1', { ...TRAIL, events: [] })])],
    ['a trail with comment bodies', put([entry(1, 's1', comment({ at: 1, author: 7, body: 'Please help' }))])],
    ['a trail without `complete`', put([entry(1, 's1', { changes: [], comments: [] })])],
    ['`complete` as a string', put([entry(1, 's1', { ...TRAIL, complete: 'true' })])],
    ['`initial` not a string', put([entry(1, 's1', { ...TRAIL, initial: 3 })])],
    ['`initial` over 200 characters', put([entry(1, 's1', { ...TRAIL, initial: 'x'.repeat(201) })])],
    ['changes that are not a list', put([entry(1, 's1', { ...TRAIL, changes: {} })])],
    ['over 200 changes', put([entry(1, 's1', { ...TRAIL, changes: refs(201).map((_, i) => ({ at: i, to: 'open' })) })])],
    ['a change that is not an object', put([entry(1, 's1', { ...TRAIL, changes: ['open'] })])],
    ['a change with a key it does not have', put([entry(1, 's1', change({ at: 1, to: 'open', by: 7 }))])],
    ['a change without a time', put([entry(1, 's1', change({ to: 'open' }))])],
    ['a change at NaN', put([entry(1, 's1', change({ at: Number.NaN, to: 'open' }))])],
    ['a change at Infinity', put([entry(1, 's1', change({ at: Number.POSITIVE_INFINITY, to: 'open' }))])],
    ['a change at a date string', put([entry(1, 's1', change({ at: '2026-11-26T10:00:00Z', to: 'open' }))])],
    ['a change without `to`', put([entry(1, 's1', change({ at: 1 }))])],
    ['a change to over 200 characters', put([entry(1, 's1', change({ at: 1, to: 'x'.repeat(201) }))])],
    ['a change from a number', put([entry(1, 's1', change({ at: 1, from: 1, to: 'open' }))])],
    ['a change from over 200 characters', put([entry(1, 's1', change({ at: 1, from: 'x'.repeat(201), to: 'open' }))])],
    ['comments that are not a list', put([entry(1, 's1', { ...TRAIL, comments: 'none' })])],
    ['over 500 comments', put([entry(1, 's1', { ...TRAIL, comments: refs(501).map((_, i) => ({ at: i })) })])],
    ['a comment without a time', put([entry(1, 's1', comment({ author: 7 }))])],
    ['a comment at NaN', put([entry(1, 's1', comment({ at: Number.NaN }))])],
    ['a comment by a name', put([entry(1, 's1', comment({ at: 1, author: 'Ann' }))])],
    ['a comment by Infinity', put([entry(1, 's1', comment({ at: 1, author: Number.POSITIVE_INFINITY }))])],
  ])('refuses the whole message for %s', (_name, message) => {
    expect(parseAuditTrailsPut(message)).toBeNull();
    // Beside a good trail, all the same: one bad entry refuses them all.
    const trails = (message as { trails?: unknown }).trails;
    if (Array.isArray(trails) && trails.length > 0) expect(parseAuditTrailsPut({ ...message, trails: [entry(900), ...trails] })).toBeNull();
  });
});

describe('createAuditBudgetHost: one budget per site, for all its tabs', () => {
  it('leaves other messages to other listeners', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle({ type: 'sla:evaluate', site: SITE }, tab(1), ID)).toBeUndefined();
    expect(host.handle(null, tab(1), ID)).toBeUndefined();
    expect(host.handle('sla:audit-budget', tab(1), ID)).toBeUndefined();
  });

  it('grants from one budget whichever tab asks, 60 a minute by default', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle(ask({ want: 50 }), tab(1), ID)).toEqual({ ok: true, response: { granted: 50, trails: [] } });
    expect(host.handle(ask({ want: 50 }), tab(2), ID)).toEqual({ ok: true, response: { granted: 10, trails: [] } });
    expect(host.handle(ask(), tab(3), ID)).toEqual({ ok: true, response: { granted: 0, trails: [] } });
    // Another account has its own.
    expect(host.handle(ask({ site: 'globex.zendesk.com' }), tab(4, 'https://globex.zendesk.com/agent'), ID)).toEqual({ ok: true, response: { granted: 10, trails: [] } });
  });

  it('refills with its own clock', () => {
    let now = T;
    const host = createAuditBudgetHost({ perMinute: 20, now: () => now });
    expect(host.handle(ask({ want: 100 }), tab(1), ID)).toEqual({ ok: true, response: { granted: 20, trails: [] } });
    now += 30_000;
    expect(host.handle(ask({ want: 100 }), tab(2), ID)).toEqual({ ok: true, response: { granted: 10, trails: [] } });
  });

  it('stops granting for every tab when one reports that the site has few requests left, until its reset', () => {
    let now = T;
    const host = createAuditBudgetHost({ now: () => now });
    expect(host.handle(ask({ remaining: 12, limit: 400, resetSeconds: 20 }), tab(1), ID)).toEqual({ ok: true, response: { granted: 0, trails: [] } });
    expect(host.handle(ask(), tab(2), ID)).toEqual({ ok: true, response: { granted: 0, trails: [] } });
    now += 20_000;
    expect(host.handle(ask(), tab(2), ID)).toEqual({ ok: true, response: { granted: 10, trails: [] } });
  });

  it('refuses a malformed ask, with a reason', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle(ask({ want: 1000 }), tab(1), ID)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
  });

  it.each([
    ['another extension', { ...tab(1), id: 'someone-else' }],
    ['a page on another site', tab(1, 'https://evil.zendesk.com/agent')],
    ['a frame inside the page', { ...tab(1), frameId: 2 }],
    ['plain http', tab(1, `http://${SITE}/agent`)],
    ['a private window', { ...tab(1), tab: { id: 1, incognito: true } }],
  ])('refuses %s, and neither spends nor pauses the site’s budget for it', (_name, sender) => {
    const host = createAuditBudgetHost({ now: () => T });
    const refused = host.handle(ask({ want: 60, remaining: 0, limit: 700, resetSeconds: 60 }), sender, ID);
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/refused a message from a page: .+/) });
    expect(host.handle(ask({ want: 60 }), tab(2), ID)).toEqual({ ok: true, response: { granted: 60, trails: [] } });
  });
});

describe('createAuditBudgetHost: trails shared by every tab of the site, budget only for the rest', () => {
  /** A tab of `site` asks about `tickets` and wants audits for all of them. */
  const askAbout = (tickets: Array<{ id: number; stamp: string }>, site = SITE) => ({ type: 'sla:audit-budget', site, want: tickets.length, tickets });
  const other = (id: number): Sender => tab(id, `https://${OTHER}/agent/filters/1`);

  it('answers a later ask, from any tab, with the trails kept under the stamps it names, and grants budget only for the rest', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle(put([entry(1, 's1'), entry(2, 's1'), entry(3, 's1')]), tab(1), ID)).toEqual({ ok: true, response: { stored: 3 } });
    // Ticket 2 changed since (another stamp), ticket 4 was never read, ticket 5 has no stamp to match.
    const answer = host.handle(
      askAbout([
        { id: 1, stamp: 's1' },
        { id: 2, stamp: 's2' },
        { id: 3, stamp: 's1' },
        { id: 4, stamp: 's1' },
        { id: 5, stamp: '' },
      ]),
      tab(2),
      ID,
    );
    expect(answer).toEqual({ ok: true, response: { granted: 3, trails: [entry(1, 's1'), entry(3, 's1')] } });
    // The three granted came out of the minute's 60: the two served cost nothing.
    expect(host.handle(ask({ want: 60 }), tab(3), ID)).toEqual({ ok: true, response: { granted: 57, trails: [] } });
  });

  it('grants no more than `want`, nor than the tickets left without a trail', () => {
    const host = createAuditBudgetHost({ now: () => T });
    host.handle(put(refs(8).map(({ id }) => entry(id))), tab(1), ID);
    const tickets = refs(10);
    expect(host.handle({ ...askAbout(tickets), want: 10 }, tab(2), ID)).toMatchObject({ ok: true, response: { granted: 2 } });
    expect(host.handle({ ...askAbout(tickets), want: 1 }, tab(2), ID)).toMatchObject({ ok: true, response: { granted: 1 } });
    // Trails only: nothing granted, the trails all the same.
    const only = host.handle({ ...askAbout(tickets), want: 0 }, tab(2), ID);
    expect(only).toMatchObject({ ok: true, response: { granted: 0 } });
    expect((only as { response: { trails: unknown[] } }).response.trails).toHaveLength(8);
  });

  it('a newer trail replaces the older one: the stamp it is served under is the last one put', () => {
    const host = createAuditBudgetHost({ now: () => T });
    host.handle(put([entry(1, 's1')]), tab(1), ID);
    const newer = { ...TRAIL, changes: [...TRAIL.changes, { at: T, from: 'open', to: 'pending' }] };
    host.handle(put([entry(1, 's2', newer)]), tab(2), ID);
    expect(host.handle(askAbout([{ id: 1, stamp: 's1' }]), tab(3), ID)).toMatchObject({ response: { granted: 1, trails: [] } });
    expect(host.handle(askAbout([{ id: 1, stamp: 's2' }]), tab(3), ID)).toMatchObject({ response: { granted: 0, trails: [entry(1, 's2', newer)] } });
  });

  it('serves a site’s trails only to that site: the same ticket id elsewhere is another ticket', () => {
    const host = createAuditBudgetHost({ now: () => T });
    host.handle(put([entry(1, 's1')]), tab(1), ID);
    expect(host.handle(askAbout([{ id: 1, stamp: 's1' }], OTHER), other(2), ID)).toEqual({ ok: true, response: { granted: 1, trails: [] } });
    // Nor can a page of another site name this one to read them: the sender is checked against the site.
    expect(host.handle(askAbout([{ id: 1, stamp: 's1' }]), other(2), ID)).toEqual({ ok: false, error: expect.stringMatching(/about acme\.zendesk\.com came from globex\.zendesk\.com/) });
  });

  it('keeps at most `maxTrails` tickets across sites, the least recently used dropped first', () => {
    const host = createAuditBudgetHost({ now: () => T, maxTrails: 3 });
    host.handle(put([entry(1), entry(2)]), tab(1), ID);
    host.handle(put([entry(1)], OTHER), other(2), ID);
    // Asked for, ticket 1 is used again; ticket 2 is now the least recently used.
    expect(host.handle(askAbout([{ id: 1, stamp: 's1' }]), tab(1), ID)).toMatchObject({ response: { trails: [entry(1)] } });
    host.handle(put([entry(3)]), tab(1), ID);
    const kept = (site: string, sender: Sender) => (host.handle(askAbout(refs(3), site), sender, ID) as { response: { trails: Array<{ id: number }> } }).response.trails.map((t) => t.id);
    expect(kept(SITE, tab(1))).toEqual([1, 3]);
    expect(kept(OTHER, other(2))).toEqual([1]);
  });

  it('the default keeps 2,000 tickets', () => {
    const host = createAuditBudgetHost({ now: () => T });
    for (let i = 0; i < 21; i++) host.handle(put(refs(100, 's1', 1 + i * 100).map(({ id }) => entry(id))), tab(1), ID);
    const kept = (from: number) => (host.handle(askAbout(refs(100, 's1', from)), tab(1), ID) as { response: { trails: unknown[] } }).response.trails.length;
    // 2,100 put: the first hundred are gone, the rest are kept.
    expect(kept(1)).toBe(0);
    expect(kept(101)).toBe(100);
    expect(kept(2_001)).toBe(100);
  });

  it('refuses malformed trails whole, keeping none of them', () => {
    const host = createAuditBudgetHost({ now: () => T });
    const bad = { ...TRAIL, comments: [{ at: T, author: 7, body: 'Please help' }] };
    expect(host.handle(put([entry(1), entry(2, 's1', bad)]), tab(1), ID)).toEqual({ ok: false, error: expect.stringMatching(/refused a message from a page: not audit trails/) });
    expect(host.handle(askAbout(refs(2)), tab(2), ID)).toEqual({ ok: true, response: { granted: 2, trails: [] } });
  });

  it.each([
    ['another extension', { ...tab(1), id: 'someone-else' }],
    ['a page on another site', tab(1, `https://${OTHER}/agent`)],
    ['a frame inside the page', { ...tab(1), frameId: 2 }],
    ['plain http', tab(1, `http://${SITE}/agent`)],
    ['a private window', { ...tab(1), tab: { id: 1, incognito: true } }],
  ])('refuses %s before reading anything of the message but its site, and stores nothing for it', (_name, sender) => {
    const host = createAuditBudgetHost({ now: () => T });
    const read: string[] = [];
    const watched = (message: Record<string, unknown>) =>
      new Proxy(message, {
        get: (target, key) => (read.push(String(key)), Reflect.get(target, key)),
        ownKeys: (target) => (read.push('(keys)'), Reflect.ownKeys(target)),
      });
    expect(host.handle(watched(put([entry(1)])), sender, ID)).toEqual({ ok: false, error: expect.stringMatching(/refused a message from a page: .+/) });
    expect(host.handle(watched(askAbout([{ id: 1, stamp: 's1' }])), sender, ID)).toEqual({ ok: false, error: expect.stringMatching(/refused a message from a page: .+/) });
    expect(new Set(read)).toEqual(new Set(['type', 'site']));
    expect(host.handle(askAbout([{ id: 1, stamp: 's1' }]), tab(2), ID)).toEqual({ ok: true, response: { granted: 1, trails: [] } });
  });

  it('refuses a message whose site is not a string it can check the sender against', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle({ ...put([entry(1)]), site: ['acme.zendesk.com'] }, tab(1), ID)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
    expect(host.handle({ ...askAbout(refs(1)), site: undefined }, tab(1), ID)).toEqual({ ok: false, error: expect.stringMatching(/refused/) });
  });
});

describe('createAuditBudgetHost: the background’s own reads share the budget and trails with the tabs', () => {
  it('grants the background from the same budget, and serves it the trails a tab put (and a tab those it put)', () => {
    const host = createAuditBudgetHost({ now: () => T });
    expect(host.handle(ask({ want: 50 }), tab(1), ID)).toMatchObject({ ok: true, response: { granted: 50 } });
    // The watched scopes' reads take what the tabs left of the 60 a minute.
    expect(host.ask({ site: SITE, want: 50, tickets: refs(50, 'never-put', 20_000) })).toEqual({ granted: 10, trails: [] });
    host.handle(put([entry(7)]), tab(1), ID);
    expect(host.ask({ site: SITE, want: 0, tickets: [{ id: 7, stamp: 's1' }] }).trails).toEqual([{ id: 7, stamp: 's1', trail: TRAIL }]);
    host.put(SITE, [{ id: 8, stamp: 's2', trail: TRAIL }]);
    expect(host.handle({ type: 'sla:audit-budget', site: SITE, want: 0, tickets: [{ id: 8, stamp: 's2' }] }, tab(2), ID)).toMatchObject({ ok: true, response: { trails: [{ id: 8, stamp: 's2' }] } });
  });
});
