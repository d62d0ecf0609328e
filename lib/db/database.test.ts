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
    expect(db.verno).toBe(2);
    expect(await db.meta.get('activeConfigVersion')).toEqual({ key: 'activeConfigVersion', value: 1 });
    expect((await db.configVersions.get(1))?.note).toBe('first');
    expect(await db.policies.count()).toBe(1);
    await db.tickets.put({ site: 'acme.atlassian.net', key: 'SUP-1', source: 'jira', view: { key: 'SUP-1', kind: 'none', clocks: [], exact: true }, state: 'none', dueAt: Infinity, firstSeen: 1, lastSeen: 1, observed: [] });
    expect(await db.tickets.get(['acme.atlassian.net', 'SUP-1'])).toMatchObject({ key: 'SUP-1' });
    await db.delete();
  });
});
