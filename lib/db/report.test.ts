import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyConfig, NOW } from './__fixtures__/store';
import { SlaLensDatabase } from './database';
import { loadReport } from './report';

const calendar = (id: string, timeZone: string) => ({ id, timeZone, week: { mon: [['09:00', '17:00']] } });
const config = (extra: object = {}) =>
  JSON.stringify({
    version: 1,
    calendars: [calendar('berlin', 'Europe/Berlin'), calendar('ny', 'America/New_York')],
    policies: [
      { id: 'a', calendar: 'berlin', targets: { '*': { resolution: '8h' } }, objective: '95%' },
      { id: 'b', calendar: 'berlin', targets: { '*': { resolution: '8h' } } },
      { id: 'c', calendar: 'ny', targets: { '*': { resolution: '8h' } } },
    ],
    ...extra,
  });

let db: SlaLensDatabase;
beforeEach(async () => {
  db = new SlaLensDatabase(`report-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('what the report reads', () => {
  it('each agreement with its terms and its calendar’s zone; every agreement together cut where most are, or where the configuration says', async () => {
    await applyConfig(db, config());
    const data = await loadReport(db, NOW - 1, NOW, NOW);
    expect(data.policies.map((p) => [p.id, p.zone, p.objective])).toEqual([
      ['a', 'Europe/Berlin', 95],
      ['b', 'Europe/Berlin', undefined],
      ['c', 'America/New_York', undefined],
    ]);
    expect([data.zone, data.oldest, data.targets]).toEqual(['Europe/Berlin', null, []]);
    await applyConfig(db, config({ reportZone: 'Asia/Tokyo' }));
    expect((await loadReport(db, NOW - 1, NOW, NOW)).zone).toBe('Asia/Tokyo');
  });
});
