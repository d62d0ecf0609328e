import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { applyImport, previewText } from './config-store';
import { SlaLensDatabase } from './database';
import { createConfigCache, evaluateRequest, refreshStoredTickets } from './evaluate';
import { readTallies, tallyAll, TALLIES_KEY } from './tallies';
import { DAY_MS, pruneTickets } from './upkeep';

const H = 3_600_000;
const NOW = Date.parse('2026-11-26T12:00:00Z');

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`tallies-${n++}`);
  await db.open();
  const text = JSON.stringify({ version: 1, policies: [{ id: 'p', match: {}, calendar: '24x7', targets: { '*': { resolution: '4h' } }, pauseOn: ['pending'] }] });
  const preview = await previewText(db, text, { kind: 'paste' });
  if (!preview.ok) throw new Error('config must be valid');
  await applyImport(db, preview);
});
afterEach(async () => {
  await db.delete();
});

const facts = (site: string, key: string, status: string, extra: Partial<TicketFacts> = {}): TicketFacts => ({
  source: site.endsWith('.zendesk.com') ? 'zendesk' : 'jira',
  site,
  key,
  status,
  created: NOW - H,
  statusHistory: [{ at: NOW - H, status }],
  exact: true,
  ...extra,
});

async function see(site: string, tickets: TicketFacts[], at = NOW) {
  await evaluateRequest(db, { type: 'sla:evaluate', source: tickets[0]!.source, site, tickets }, await createConfigCache(db)(), at);
}

/** The stored totals must always equal a count of the rows themselves. */
async function expectExact() {
  const stored = (await db.meta.get(TALLIES_KEY))?.value;
  expect(stored).toEqual(tallyAll(await db.tickets.toArray()));
}

describe('ticket tallies', () => {
  it('stay exact through sightings, re-sightings that change a phase, re-evaluation and retention', async () => {
    const J = 'acme.atlassian.net';
    const Z = 'acme.zendesk.com';
    await see(J, [facts(J, 'SUP-1', 'Open'), facts(J, 'SUP-2', 'Open', { exact: false })]);
    await see(Z, [facts(Z, '1', 'pending'), facts(Z, '2', 'open')]);
    await expectExact();
    expect(await readTallies(db)).toMatchObject({ total: 4, phases: { running: 3, paused: 1 }, approx: { running: 1, paused: 0 }, sites: { [J]: { source: 'jira', tickets: 2 }, [Z]: { source: 'zendesk', tickets: 2 } } });
    // Seen again: one now paused, one now approximate.
    await see(J, [facts(J, 'SUP-1', 'pending'), facts(J, 'SUP-2', 'Open')], NOW + H);
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
    await see('acme.atlassian.net', [facts('acme.atlassian.net', 'SUP-1', 'Open')]);
    await db.meta.delete(TALLIES_KEY);
    expect(await readTallies(db)).toMatchObject({ total: 1, phases: { running: 1 } });
  });
});
