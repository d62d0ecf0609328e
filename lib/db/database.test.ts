import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SlaLensDatabase } from './database';

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
    expect(db.verno).toBe(4);
    expect(await db.meta.get('activeConfigVersion')).toEqual({ key: 'activeConfigVersion', value: 1 });
    expect((await db.configVersions.get(1))?.note).toBe('first');
    expect(await db.policies.count()).toBe(1);
    await db.tickets.put({ site: 'acme.atlassian.net', key: 'SUP-1', source: 'jira', view: { key: 'SUP-1', kind: 'none', clocks: [], exact: true }, phase: 'none', riskAt: Infinity, dueAt: Infinity, approx: 0, firstSeen: 1, lastSeen: 1, observed: [] });
    expect(await db.tickets.get(['acme.atlassian.net', 'SUP-1'])).toMatchObject({ key: 'SUP-1' });
    await db.delete();
  });

  it('upgrades version 2 tickets: a phase from their last state, found again through the new indexes', async () => {
    const name = 'upgrade-v2';
    const v2 = new Dexie(name);
    v2.version(1).stores({ meta: 'key', calendars: 'id', policies: 'id, index', configVersions: '++id, appliedAt' });
    v2.version(2).stores({ tickets: '[site+key], state, dueAt, lastSeen, site' });
    await v2.open();
    const row = (key: string, state: string, exact = true) => ({ site: 'acme.atlassian.net', key, source: 'jira', view: { key, kind: 'clocks', clocks: [], exact }, state, dueAt: 5_000, firstSeen: 1, lastSeen: 2, observed: [] });
    await v2.table('tickets').bulkAdd([row('SUP-1', 'ok'), row('SUP-2', 'breached', false), row('SUP-3', 'paused'), row('SUP-4', 'met'), row('SUP-5', 'none')]);
    v2.close();

    const db = new SlaLensDatabase(name);
    await db.open();
    expect(db.verno).toBe(4);
    const byKey = Object.fromEntries((await db.tickets.toArray()).map((t) => [t.key, [t.phase, t.riskAt, t.approx]]));
    expect(byKey).toEqual({ 'SUP-1': ['running', 5_000, 0], 'SUP-2': ['running', -Infinity, 1], 'SUP-3': ['paused', Infinity, 0], 'SUP-4': ['stopped', Infinity, 0], 'SUP-5': ['none', Infinity, 0] });
    expect(await db.tickets.where('[phase+riskAt]').between(['running', -Infinity], ['running', 1_000], true, true).primaryKeys()).toEqual([['acme.atlassian.net', 'SUP-2']]);
    expect(await db.tickets.where('[approx+phase]').equals([1, 'running']).count()).toBe(1);
    await db.delete();
  });

  it('upgrades version 3 tickets: the state, priority and status copies go, everything read stays', async () => {
    const name = 'upgrade-v3';
    const v3 = new Dexie(name);
    v3.version(1).stores({ meta: 'key', calendars: 'id', policies: 'id, index', configVersions: '++id, appliedAt' });
    v3.version(2).stores({ tickets: '[site+key], state, dueAt, lastSeen, site' });
    v3.version(3).stores({ tickets: '[site+key], lastSeen, site, [phase+dueAt], [phase+riskAt], [approx+phase]' });
    await v3.open();
    // A row as version 3 wrote it (evaluate.ts at that release).
    const facts = { source: 'jira', site: 'acme.atlassian.net', key: 'SUP-1', title: 'Printer on fire', url: 'https://acme.atlassian.net/browse/SUP-1', project: 'SUP', priority: 'High', status: 'Open', created: 1_000, exact: true };
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
    expect(db.verno).toBe(4);
    const { state, priority, status, ...kept } = v3row;
    expect([state, priority, status]).toEqual(['at-risk', 'High', 'Open']);
    expect(await db.tickets.get(['acme.atlassian.net', 'SUP-1'])).toEqual(kept);
    // Still found by its moments.
    expect(await db.tickets.where('[phase+riskAt]').between(['running', -Infinity], ['running', 2_000], true, true).count()).toBe(1);
    await db.delete();
  });
});
