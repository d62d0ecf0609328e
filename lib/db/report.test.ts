import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyConfig, NOW } from './__fixtures__/store';
import { SlaLensDatabase } from './database';
import { REPORT_SNAPSHOT_KEY } from '../storage-keys';
import { createReportSnapshots, loadReport, storedReportSnapshot } from './report';

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

describe('the report’s opening figures, kept by the background', () => {
  it('are last month and this month by agreement, without the targets behind them, kept at most once a minute and only after a write', async () => {
    await applyConfig(db, config());
    const { see, ticketFacts, H } = await import('./__fixtures__/store');
    const done = ticketFacts('acme.atlassian.net', 'SUP-1', 10 * H, {
      status: 'Done',
      statusCategory: 'done',
      resolvedAt: NOW - 9 * H,
      statusHistory: [
        { at: NOW - 10 * H, status: 'Open' },
        { at: NOW - 9 * H, status: 'Done' },
      ],
    });
    await see(db, [done]);
    const stored: Array<Record<string, unknown>> = [];
    const keep = createReportSnapshots(db, { set: async (items) => void stored.push(items) });
    expect(await keep(NOW)).toBe(true);
    const snapshot = storedReportSnapshot(stored[0]![REPORT_SNAPSHOT_KEY])!;
    expect(snapshot.reports.map((r) => r.period.id)).toEqual(['2026-10', '2026-11']);
    expect(snapshot.reports[1]!.cells.map((c) => [c.key, c.decided, c.targets.length])).toEqual([['a', 1, 0]]);
    // Within the minute, or with no write since: not read again.
    expect(await keep(NOW + 30_000)).toBe(false);
    expect(await keep(NOW + 90_000)).toBe(false);
    await see(db, [{ ...done, title: 'Changed' }], NOW + 100_000);
    expect(await keep(NOW + 120_000)).toBe(true);
    expect(storedReportSnapshot({ at: 'x' })).toBeNull();
  });
});
