import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyConfig, H, simpleConfig } from './__fixtures__/store';
import { SlaLensDatabase, type StoredTicket } from './database';
import { createConfigCache, refreshStoredTickets } from './evaluate';
import { loadPopup } from './popup-query';
import { TALLIES_KEY, tallyAll } from './tallies';

const V1 = { meta: 'key', calendars: 'id', policies: 'id, index', configVersions: '++id, appliedAt' };
const V2_TICKETS = { tickets: '[site+key], state, dueAt, lastSeen, site' };
const V3_TICKETS = { tickets: '[site+key], lastSeen, site, [phase+dueAt], [phase+riskAt], [approx+phase]' };
/** Each earlier schema, by version: what a user of that release has on disk. */
const SCHEMAS: Array<Record<string, string>> = [
  V1,
  V2_TICKETS,
  V3_TICKETS,
  {},
  {},
  { tickets: '[site+key], lastSeen, site, [site+lastSeen], [phase+dueAt], [phase+riskAt], [approx+phase]' },
  { outcomes: '[site+key+policyId+metric], decidedAt, [site+key]' },
];

/** A database as release `version` left it, open. */
async function openOld(name: string, version: number): Promise<Dexie> {
  const old = new Dexie(name);
  SCHEMAS.slice(0, version).forEach((stores, i) => old.version(i + 1).stores(stores));
  await old.open();
  return old;
}

const J = 'acme.atlassian.net';
const Z = 'acme.zendesk.com';

describe('database versions', () => {
  it('upgrades a version 1 database with a configuration in it, keeping the configuration', async () => {
    const name = 'upgrade-v1';
    // What a user of the first release has on disk.
    const v1 = new Dexie(name);
    v1.version(1).stores({ meta: 'key', calendars: 'id', policies: 'id, index', configVersions: '++id, appliedAt' });
    await v1.open();
    await v1.table('configVersions').add({ appliedAt: 1, hash: 'h', source: { kind: 'paste' }, note: 'first', document: { version: 1, policies: [] }, changes: [] });
    await v1.table('meta').put({ key: 'activeConfigVersion', value: 1 });
    await v1.table('policies').add({ id: 'p', index: 0 });
    v1.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    expect(await db.meta.get('activeConfigVersion')).toEqual({ key: 'activeConfigVersion', value: 1 });
    expect((await db.configVersions.get(1))?.note).toBe('first');
    expect(await db.policies.count()).toBe(1);
    await db.tickets.put({
      site: 'acme.atlassian.net',
      key: 'SUP-1',
      facts: { source: 'jira', site: 'acme.atlassian.net', key: 'SUP-1', created: 1, exact: true },
      view: { key: 'SUP-1', kind: 'none', clocks: [], exact: true },
      phase: 'none',
      riskAt: Infinity,
      dueAt: Infinity,
      approx: 0,
      staleAt: Infinity,
      firstSeen: 1,
      lastSeen: 1,
      observed: [],
    });
    expect(await db.tickets.get(['acme.atlassian.net', 'SUP-1'])).toMatchObject({ key: 'SUP-1' });
    await db.delete();
  });

  it('upgrades version 2 tickets: a phase from their last state, found again through the new indexes', async () => {
    const name = 'upgrade-v2';
    const v2 = new Dexie(name);
    v2.version(1).stores({ meta: 'key', calendars: 'id', policies: 'id, index', configVersions: '++id, appliedAt' });
    v2.version(2).stores({ tickets: '[site+key], state, dueAt, lastSeen, site' });
    await v2.open();
    const row = (key: string, state: string, exact = true) => ({
      site: 'acme.atlassian.net',
      key,
      source: 'jira',
      view: { key, kind: 'clocks', clocks: [], exact },
      state,
      dueAt: 5_000,
      firstSeen: 1,
      lastSeen: 2,
      observed: [],
    });
    await v2.table('tickets').bulkAdd([row('SUP-1', 'ok'), row('SUP-2', 'breached', false), row('SUP-3', 'paused'), row('SUP-4', 'met'), row('SUP-5', 'none')]);
    v2.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    const byKey = Object.fromEntries((await db.tickets.toArray()).map((t) => [t.key, [t.phase, t.riskAt, t.approx]]));
    expect(byKey).toEqual({ 'SUP-1': ['running', 5_000, 0], 'SUP-2': ['running', -Infinity, 1], 'SUP-3': ['paused', Infinity, 0], 'SUP-4': ['stopped', Infinity, 0], 'SUP-5': ['none', Infinity, 0] });
    expect(await db.tickets.where('[phase+riskAt]').between(['running', -Infinity], ['running', 1_000], true, true).primaryKeys()).toEqual([['acme.atlassian.net', 'SUP-2']]);
    expect(await db.tickets.where('[approx+phase]').equals([1, 'running']).count()).toBe(1);
    await db.delete();
  });

  it('upgrades version 3 tickets: the state and the flat copies of the facts go, everything read stays', async () => {
    const name = 'upgrade-v3';
    const v3 = new Dexie(name);
    v3.version(1).stores({ meta: 'key', calendars: 'id', policies: 'id, index', configVersions: '++id, appliedAt' });
    v3.version(2).stores({ tickets: '[site+key], state, dueAt, lastSeen, site' });
    v3.version(3).stores({ tickets: '[site+key], lastSeen, site, [phase+dueAt], [phase+riskAt], [approx+phase]' });
    await v3.open();
    // A row as version 3 wrote it (evaluate.ts at that release).
    const facts = {
      source: 'jira',
      site: 'acme.atlassian.net',
      key: 'SUP-1',
      title: 'Printer on fire',
      url: 'https://acme.atlassian.net/browse/SUP-1',
      project: 'SUP',
      priority: 'High',
      status: 'Open',
      assignee: 'Priya',
      created: 1_000,
      exact: true,
    };
    const v3row = {
      site: 'acme.atlassian.net',
      key: 'SUP-1',
      source: 'jira',
      title: 'Printer on fire',
      url: 'https://acme.atlassian.net/browse/SUP-1',
      team: 'SUP',
      priority: 'High',
      status: 'Open',
      assignee: 'Priya',
      view: { key: 'SUP-1', kind: 'clocks', clocks: [], exact: true },
      facts,
      state: 'at-risk',
      phase: 'running',
      riskAt: 2_000,
      dueAt: 9_000,
      approx: 0,
      notified: ['resolution'],
      firstSeen: 1_000,
      lastSeen: 3_000,
      observed: [{ at: 1_000, status: 'Open' }],
    };
    await v3.table('tickets').add(v3row);
    v3.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    const { state, priority, status, source, title, url, assignee, ...kept } = v3row;
    expect([state, priority, status, source, title, url, assignee]).toEqual(['at-risk', 'High', 'Open', 'jira', 'Printer on fire', 'https://acme.atlassian.net/browse/SUP-1', 'Priya']);
    // Version 10 adds when its aging flags turn on: none.
    expect(await db.tickets.get(['acme.atlassian.net', 'SUP-1'])).toEqual({ ...kept, staleAt: Infinity });
    // Still found by its moments.
    expect(await db.tickets.where('[phase+riskAt]').between(['running', -Infinity], ['running', 2_000], true, true).count()).toBe(1);
    await db.delete();
  });

  // Rows as the version 2 release wrote them (evaluate.ts at 0f93fd3): flat copies, no facts.
  const resolutionClock = {
    metric: 'resolution',
    policyId: 'std',
    policyName: 'Standard',
    clock: { start: 1_000, targetMs: 4 * H, pauses: [], stop: null, warnAt: 0.75 },
    calendarId: '24x7',
    businessTime: false,
  };
  const replyClock = { ...resolutionClock, metric: 'first-response', clock: { ...resolutionClock.clock, targetMs: H, stop: 2_000 } };
  const v2rows = [
    {
      site: J,
      key: 'SUP-7',
      source: 'jira',
      title: 'Printer on fire',
      url: `https://${J}/browse/SUP-7`,
      team: 'SUP',
      priority: 'High',
      status: 'Waiting for customer',
      assignee: 'Priya',
      view: { key: 'SUP-7', kind: 'clocks', policyId: 'std', policyName: 'Standard', clocks: [resolutionClock, replyClock], exact: true },
      state: 'at-risk',
      dueAt: 1_000 + 4 * H,
      firstSeen: 1_500,
      lastSeen: 3_000,
      observed: [
        { at: 1_500, status: 'Open' },
        { at: 2_500, status: 'Waiting for customer' },
      ],
    },
    {
      site: Z,
      key: '42',
      source: 'zendesk',
      team: 'Tier 1',
      status: 'open',
      view: { key: '42', kind: 'none', clocks: [], exact: true },
      state: 'none',
      dueAt: Infinity,
      firstSeen: 1_200,
      lastSeen: 3_000,
      observed: [{ at: 1_200, status: 'open' }],
    },
  ];
  const copies = ['source', 'title', 'url', 'assignee', 'priority', 'status', 'state'];

  it('upgrades version 2 tickets, written before facts were kept: facts recovered from the row, read by the popup, evaluated again, counted', async () => {
    const name = 'upgrade-v2-facts';
    const v2 = new Dexie(name);
    v2.version(1).stores(V1);
    v2.version(2).stores(V2_TICKETS);
    await v2.open();
    await v2.table('tickets').bulkAdd(v2rows);
    v2.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    const jira = (await db.tickets.get([J, 'SUP-7']))!;
    // The priority and status too: they were still on the row when facts were recovered.
    expect(jira.facts).toEqual({
      source: 'jira',
      site: J,
      key: 'SUP-7',
      title: 'Printer on fire',
      url: `https://${J}/browse/SUP-7`,
      project: 'SUP',
      assignee: 'Priya',
      priority: 'High',
      status: 'Waiting for customer',
      created: 1_000,
      resolvedAt: null,
      firstResponseAt: 2_000,
      exact: false,
    });
    const zendesk = (await db.tickets.get([Z, '42']))!;
    // Version 6 says what its ids are: none were kept.
    expect(zendesk.facts).toEqual({ source: 'zendesk', site: Z, key: '42', group: 'Tier 1', status: 'open', created: 1_200, resolvedAt: null, firstResponseAt: null, exact: false, aliases: {} });
    for (const row of [jira, zendesk]) for (const copy of copies) expect(row, copy).not.toHaveProperty(copy);
    expect([jira.team, zendesk.team]).toEqual(['SUP', 'Tier 1']);
    expect((await db.meta.get(TALLIES_KEY))?.value).toEqual({ ...tallyAll([jira, zendesk]), writes: expect.any(Number) });

    // The popup reads what the ticket is from its facts.
    const popup = await loadPopup(db, 1_000 + 3.5 * H);
    expect(popup.urgent).toEqual([expect.objectContaining({ key: 'SUP-7', source: 'jira', title: 'Printer on fire', url: `https://${J}/browse/SUP-7`, team: 'SUP', assignee: 'Priya' })]);
    expect(popup.sites).toEqual([
      { site: J, source: 'jira', tickets: 1 },
      { site: Z, source: 'zendesk', tickets: 1 },
    ]);
    // A new configuration evaluates it again from the recovered facts, approximately (its history was never kept).
    await applyConfig(db, simpleConfig({ resolution: '8h' }, { pauseOn: ['waiting for customer'] }));
    await refreshStoredTickets(db, await createConfigCache(db)(), 1_000 + 3.5 * H);
    const again = (await db.tickets.get([J, 'SUP-7']))!;
    expect(again.view).toMatchObject({ kind: 'clocks', exact: false, clocks: [{ metric: 'resolution', clock: { start: 1_000, targetMs: 8 * H, pauses: [{ from: 2_500, to: null }] } }] });
    expect(again.phase).toBe('paused');
    await db.delete();
  });

  it('upgrades version 4 tickets: a row without facts gets them, the flat copies go, the totals are counted again', async () => {
    const name = 'upgrade-v4';
    const v4 = await openOld(name, 4);
    // A version 2 row as versions 3 and 4 left it (its state, priority and status gone), and a row version 4 wrote.
    const { state, priority, status, ...old } = v2rows[0]!;
    expect([state, priority, status]).toEqual(['at-risk', 'High', 'Waiting for customer']);
    const facts = {
      source: 'jira',
      site: J,
      key: 'SUP-8',
      title: 'Toner low',
      url: `https://${J}/browse/SUP-8`,
      project: 'SUP',
      assignee: 'Ana',
      priority: 'Low',
      status: 'Open',
      created: 5_000,
      statusHistory: [{ at: 5_000, status: 'Open' }],
      exact: true,
    };
    const v4row = {
      site: J,
      key: 'SUP-8',
      source: 'jira',
      title: 'Toner low',
      url: facts.url,
      team: 'SUP',
      assignee: 'Ana',
      view: { key: 'SUP-8', kind: 'none', clocks: [], exact: true },
      facts,
      phase: 'none',
      riskAt: Infinity,
      dueAt: Infinity,
      approx: 0,
      notified: ['resolution'],
      firstSeen: 5_000,
      lastSeen: 6_000,
      observed: [],
    };
    await v4.table('tickets').bulkAdd([{ ...old, phase: 'running', riskAt: -Infinity, approx: 0 }, v4row]);
    // Totals that drifted while writers kept them by hand.
    await v4.table('meta').put({ key: TALLIES_KEY, value: { total: 7, phases: { running: 7, paused: 0, stopped: 0, none: 0, unknown: 0 }, approx: { running: 0, paused: 0 }, sites: {} } });
    v4.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    const recovered = (await db.tickets.get([J, 'SUP-7']))!;
    expect(recovered.facts).toEqual({
      source: 'jira',
      site: J,
      key: 'SUP-7',
      title: 'Printer on fire',
      url: `https://${J}/browse/SUP-7`,
      project: 'SUP',
      assignee: 'Priya',
      status: 'Waiting for customer',
      created: 1_000,
      resolvedAt: null,
      firstResponseAt: 2_000,
      exact: false,
    });
    const { source, title, url, assignee, ...kept } = v4row;
    expect([source, title, url, assignee]).toEqual(['jira', facts.title, facts.url, facts.assignee]);
    expect(await db.tickets.get([J, 'SUP-8'])).toEqual({ ...kept, staleAt: Infinity });
    for (const copy of copies) expect(recovered, copy).not.toHaveProperty(copy);
    const rows: StoredTicket[] = await db.tickets.toArray();
    expect((await db.meta.get(TALLIES_KEY))?.value).toEqual({ ...tallyAll(rows), writes: expect.any(Number) });
    expect((await db.meta.get(TALLIES_KEY))?.value).toMatchObject({ total: 2, phases: { running: 1, none: 1 }, sites: { [J]: { source: 'jira', tickets: 2 } } });
    await db.delete();
  });

  it('upgrades version 7: the decisions kept move to a table keyed by cycle too, each its metric’s first, and the old table goes', async () => {
    const name = 'upgrade-v7';
    const v7 = await openOld(name, 7);
    const decided = (key: string, metric: string, decidedAt: number) => ({
      site: J,
      key,
      source: 'jira',
      policyId: 'gold',
      policyName: 'Gold',
      metric,
      targetMs: 4 * H,
      startedAt: 0,
      dueAt: 4 * H,
      stoppedAt: 3 * H,
      decidedAt,
      outcome: 'met',
      usedMs: 3 * H,
      approximate: false,
    });
    // A ticket long gone from the store: its decisions are all that is left of it.
    await v7.table('outcomes').bulkAdd([decided('SUP-1', 'resolution', 3 * H), decided('SUP-1', 'first-response', H), decided('SUP-2', 'resolution', 2 * H)]);
    v7.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    expect(db.tables.map((t) => t.name)).not.toContain('outcomes');
    const moved = await db.decisions.orderBy('decidedAt').toArray();
    expect(moved.map((o) => [o.key, o.metric, o.cycle, o.decidedAt])).toEqual([
      ['SUP-1', 'first-response', 0, H],
      ['SUP-2', 'resolution', 0, 2 * H],
      ['SUP-1', 'resolution', 0, 3 * H],
    ]);
    db.close();
    await Dexie.delete(name);
  });

  it('upgrades version 6: the targets the tickets held have decided go into their own table, found by the instant decided', async () => {
    const name = 'upgrade-v6';
    const v6 = await openOld(name, 6);
    const now = Date.now();
    const clock = (metric: string, start: number, stop?: number) => ({
      metric,
      policyId: 'gold',
      policyName: 'Gold',
      calendarId: '24x7',
      businessTime: false,
      clock: { start, targetMs: 4 * H, ...(stop !== undefined ? { stop } : {}) },
    });
    const row = (key: string, clocks: object[], phase: string) => ({
      site: J,
      key,
      view: { key, kind: 'clocks', clocks, exact: true, policyId: 'gold', policyName: 'Gold' },
      facts: { source: 'jira', site: J, key, created: now - 20 * H, exact: true, organization: 'Globex' },
      phase,
      riskAt: Infinity,
      dueAt: Infinity,
      approx: 0,
      firstSeen: 1,
      lastSeen: 2,
      observed: [],
    });
    await v6.table('tickets').bulkAdd([
      // Met at its stop; missed (stopped late); still running, breached; running within target.
      row('SUP-1', [clock('first-response', now - 20 * H, now - 19 * H)], 'stopped'),
      row('SUP-2', [clock('resolution', now - 20 * H, now - 10 * H)], 'stopped'),
      row('SUP-3', [clock('resolution', now - 10 * H)], 'running'),
      row('SUP-4', [clock('resolution', now - H)], 'running'),
    ]);
    v6.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    const outcomes = await db.decisions.orderBy('decidedAt').toArray();
    expect(outcomes.map((o) => [o.key, o.metric, o.outcome, o.decidedAt - now])).toEqual(
      [
        ['SUP-2', 'resolution', 'missed', -16 * H],
        ['SUP-1', 'first-response', 'met', -19 * H],
        ['SUP-3', 'resolution', 'missed', -6 * H],
      ].sort((a, b) => (a[3] as number) - (b[3] as number)),
    );
    expect(outcomes[0]).toMatchObject({ organization: 'Globex', policyName: 'Gold', targetMs: 4 * H, approximate: false });
    await db.delete();
  });

  it('upgrades version 5 tickets: only the custom fields a policy matches on are kept, and old Zendesk ids become aliases', async () => {
    const name = 'upgrade-v5';
    const v5 = await openOld(name, 5);
    // The active policies as the configuration store resolved them: one matches on a field.
    await v5.table('policies').bulkAdd([
      { id: 'vip', index: 0, match: [{ field: { 'Customer Tier': 'Gold' } }] },
      { id: 'std', index: 1, match: [{}] },
    ]);
    const row = (key: string, facts: Record<string, unknown>) => ({
      site: Z,
      key,
      view: { key, kind: 'none', clocks: [], exact: true },
      facts: { source: 'zendesk', site: Z, key, created: 1, exact: true, ...facts },
      phase: 'none',
      riskAt: Infinity,
      dueAt: Infinity,
      approx: 0,
      firstSeen: 1,
      lastSeen: 2,
      observed: [],
    });
    await v5.table('tickets').bulkAdd([
      // Recorded before sources gave aliases: the ids were kept among the fields.
      row('1', { group: 'Tier 3', fields: { group_id: 360002, organization_id: '77', 'customer tier': 'Gold', phone: '+44 20 7946 0000' } }),
      row('2', { aliases: { group: '9' }, fields: { phone: '+1 555 0100', address: '1 Main St' } }),
      row('3', { aliases: {} }),
    ]);
    v5.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(10);
    const facts = async (key: string) => (await db.tickets.get([Z, key]))!.facts;
    expect(await facts('1')).toMatchObject({ aliases: { group: '360002', organization: '77' }, fields: { 'customer tier': 'Gold' } });
    expect((await facts('1')).fields).toEqual({ 'customer tier': 'Gold' });
    expect(await facts('2')).toEqual({ source: 'zendesk', site: Z, key: '2', created: 1, exact: true, aliases: { group: '9' } });
    expect(await facts('3')).toEqual({ source: 'zendesk', site: Z, key: '3', created: 1, exact: true, aliases: {} });
    // A site's least recently seen tickets are found through the new index.
    expect(await db.tickets.where('[site+lastSeen]').between([Z, Dexie.minKey], [Z, Dexie.maxKey]).count()).toBe(3);
    await db.delete();
  });
});
