import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { applyConfig, H, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import { SlaLensDatabase } from './database';
import { createConfigCache, refreshStoredTickets } from './evaluate';
import { readTallies, tallyAll, TALLIES_KEY } from './tallies';
import { DAY_MS, pruneTickets } from './upkeep';

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`tallies-${n++}`);
  await db.open();
  await applyConfig(db, simpleConfig({ resolution: '4h' }, { pauseOn: ['pending'] }));
});
afterEach(async () => {
  await db.delete();
});

const facts = (site: string, key: string, status: string, extra: Partial<TicketFacts> = {}) => ticketFacts(site, key, H, { status, statusHistory: [{ at: NOW - H, status }], ...extra });
const seeAt = (site: string, tickets: TicketFacts[], at = NOW) => see(db, tickets, at);

/** The stored totals must always equal a count of the rows themselves. */
async function expectExact() {
  const stored = (await db.meta.get(TALLIES_KEY))?.value;
  expect(stored).toEqual(tallyAll(await db.tickets.toArray()));
}

describe('ticket tallies', () => {
  it('stay exact through sightings, re-sightings that change a phase, re-evaluation and retention', async () => {
    const J = 'acme.atlassian.net';
    const Z = 'acme.zendesk.com';
    await seeAt(J, [facts(J, 'SUP-1', 'Open'), facts(J, 'SUP-2', 'Open', { exact: false })]);
    await seeAt(Z, [facts(Z, '1', 'pending'), facts(Z, '2', 'open')]);
    await expectExact();
    expect(await readTallies(db)).toMatchObject({ total: 4, phases: { running: 3, paused: 1 }, approx: { running: 1, paused: 0 }, sites: { [J]: { source: 'jira', tickets: 2 }, [Z]: { source: 'zendesk', tickets: 2 } } });
    // Seen again: one now paused, one now approximate.
    await seeAt(J, [facts(J, 'SUP-1', 'pending'), facts(J, 'SUP-2', 'Open')], NOW + H);
    await expectExact();
    expect((await readTallies(db)).phases).toMatchObject({ running: 2, paused: 2 });
    await refreshStoredTickets(db, await createConfigCache(db)(), NOW + H);
    await expectExact();
    // Zendesk's tickets were last seen at NOW, Jira's an hour later.
    expect(await pruneTickets(db, NOW + 30 * DAY_MS + H / 2)).toBe(2);
    await expectExact();
    expect(Object.keys((await readTallies(db)).sites)).toEqual([J]);
  });

  it('are counted from the rows when a store has none yet', async () => {
    await seeAt('acme.atlassian.net', [facts('acme.atlassian.net', 'SUP-1', 'Open')]);
    await db.meta.delete(TALLIES_KEY);
    expect(await readTallies(db)).toMatchObject({ total: 1, phases: { running: 1 } });
  });
});
