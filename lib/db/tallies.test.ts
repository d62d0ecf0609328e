import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import type { TicketPhase } from '../view/types';
import { applyConfig, H, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import { SlaLensDatabase, type StoredTicket } from './database';
import { createConfigCache, refreshStoredTickets } from './evaluate';
import { readTallies, rowsAsRead, tallyAll, TALLIES_KEY, ticketWrites } from './tallies';
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
  expect(stored).toEqual({ ...tallyAll(await db.tickets.toArray()), writes: expect.any(Number) });
}

describe('ticket tallies', () => {
  it('stay exact through sightings, re-sightings that change a phase, re-evaluation and retention', async () => {
    const J = 'acme.atlassian.net';
    const Z = 'acme.zendesk.com';
    await seeAt(J, [facts(J, 'SUP-1', 'Open'), facts(J, 'SUP-2', 'Open', { exact: false })]);
    await seeAt(Z, [facts(Z, '1', 'pending'), facts(Z, '2', 'open')]);
    await expectExact();
    expect(await readTallies(db)).toMatchObject({
      total: 4,
      phases: { running: 3, paused: 1 },
      approx: { running: 1, paused: 0 },
      sites: { [J]: { source: 'jira', tickets: 2 }, [Z]: { source: 'zendesk', tickets: 2 } },
    });
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

// Writers that never heard of the totals: Dexie's own write paths on the raw table.
const SITES = ['acme.atlassian.net', 'acme.zendesk.com'];
const PHASES: TicketPhase[] = ['running', 'paused', 'stopped', 'none', 'unknown'];
type Key = [string, string];

function storedRow(site: string, key: string, phase: TicketPhase, approx: 0 | 1, lastSeen: number): StoredTicket {
  const facts = ticketFacts(site, key, H);
  return { site, key, view: { key, kind: 'none', clocks: [], exact: approx === 0 }, facts, phase, riskAt: Infinity, dueAt: Infinity, approx, staleAt: Infinity, firstSeen: 0, lastSeen, observed: [] };
}

const keyArb = fc.tuple(fc.constantFrom(...SITES), fc.constantFrom('1', '2', '3', '4')) as fc.Arbitrary<Key>;
const phaseArb = fc.constantFrom(...PHASES);
const rowArb = fc.tuple(keyArb, phaseArb, fc.constantFrom<0 | 1>(0, 1), fc.integer({ min: 0, max: 9 })).map(([[site, key], phase, approx, lastSeen]) => storedRow(site, key, phase, approx, lastSeen));

type Op =
  | { kind: 'put'; row: StoredTicket }
  | { kind: 'bulkPut'; rows: StoredTicket[] }
  | { kind: 'add'; row: StoredTicket }
  | { kind: 'bulkAdd'; rows: StoredTicket[] }
  | { kind: 'delete'; key: Key }
  | { kind: 'bulkDelete'; keys: Key[] }
  | { kind: 'deleteSeenBefore'; lastSeen: number }
  | { kind: 'deleteSiteRange'; site: string }
  | { kind: 'modify'; site: string; phase: TicketPhase }
  | { kind: 'flipApprox' }
  | { kind: 'update'; key: Key; phase: TicketPhase }
  | { kind: 'move'; key: Key; site: string }
  | { kind: 'clear' }
  | { kind: 'together'; ops: Op[]; abort: boolean }
  | { kind: 'vouched'; row: StoredTicket; stale: boolean };

const simpleOpArb: fc.Arbitrary<Op> = fc.oneof(
  rowArb.map((row): Op => ({ kind: 'put', row })),
  fc.array(rowArb, { maxLength: 6 }).map((rows): Op => ({ kind: 'bulkPut', rows })),
  rowArb.map((row): Op => ({ kind: 'add', row })),
  fc.array(rowArb, { maxLength: 6 }).map((rows): Op => ({ kind: 'bulkAdd', rows })),
  keyArb.map((key): Op => ({ kind: 'delete', key })),
  fc.array(keyArb, { maxLength: 4 }).map((keys): Op => ({ kind: 'bulkDelete', keys })),
  fc.integer({ min: 0, max: 10 }).map((lastSeen): Op => ({ kind: 'deleteSeenBefore', lastSeen })),
  fc.constantFrom(...SITES).map((site): Op => ({ kind: 'deleteSiteRange', site })),
  fc.tuple(fc.constantFrom(...SITES), phaseArb).map(([site, phase]): Op => ({ kind: 'modify', site, phase })),
  fc.constant<Op>({ kind: 'flipApprox' }),
  fc.tuple(keyArb, phaseArb).map(([key, phase]): Op => ({ kind: 'update', key, phase })),
  fc.tuple(keyArb, fc.constantFrom(...SITES)).map(([key, site]): Op => ({ kind: 'move', key, site })),
  fc.constant<Op>({ kind: 'clear' }),
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: simpleOpArb },
  { weight: 1, arbitrary: fc.tuple(fc.array(simpleOpArb, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([ops, abort]): Op => ({ kind: 'together', ops, abort })) },
  { weight: 1, arbitrary: fc.tuple(rowArb, fc.boolean()).map(([row, stale]): Op => ({ kind: 'vouched', row, stale })) },
);

/** Runs one write; refused writes (an add over an existing row, a move onto one) are part of the game. */
async function run(op: Op): Promise<unknown> {
  const refused = () => undefined;
  switch (op.kind) {
    case 'put':
      return db.tickets.put(op.row);
    case 'bulkPut':
      return db.tickets.bulkPut(op.rows);
    case 'add':
      return db.tickets.add(op.row).catch(refused);
    case 'bulkAdd':
      return db.tickets.bulkAdd(op.rows).catch(refused);
    case 'delete':
      return db.tickets.delete(op.key);
    case 'bulkDelete':
      return db.tickets.bulkDelete(op.keys);
    case 'deleteSeenBefore':
      return db.tickets.where('lastSeen').below(op.lastSeen).delete();
    case 'deleteSiteRange':
      // On the primary key: Dexie deletes it as one range.
      return db.tickets.where('[site+key]').between([op.site, ''], [op.site, '\uffff']).delete();
    case 'modify':
      return db.tickets.where('site').equals(op.site).modify({ phase: op.phase });
    case 'flipApprox':
      return db.tickets.toCollection().modify((row) => void (row.approx = row.approx === 1 ? 0 : 1));
    case 'update':
      return db.tickets.update(op.key, { phase: op.phase });
    case 'move':
      // A new primary key: Dexie deletes the row and adds it again.
      return db.tickets
        .where('[site+key]')
        .equals(op.key)
        .modify((row) => {
          const { source } = ticketFacts(op.site, row.key, H);
          Object.assign(row, { site: op.site, facts: { ...row.facts, site: op.site, source } });
        })
        .catch(refused);
    case 'clear':
      return db.tickets.clear();
    case 'together':
      return db
        .transaction('rw', db.tickets, async () => {
          await Promise.all(op.ops.map(run));
          if (op.abort) throw new Error('rolled back');
        })
        .catch(refused);
    case 'vouched':
      // A writer that tells the write what it read: the truth under the current count, or a wrong
      // row under a count that has moved on (which the write must not take).
      return db.transaction('rw', db.tickets, db.meta, async (tx) => {
        const writes = await ticketWrites(db);
        const key: Key = [op.row.site, op.row.key];
        if (writes !== null) rowsAsRead(tx, op.stale ? writes - 1 : writes, [[key, op.stale ? undefined : await db.tickets.get(key)]]);
        await db.tickets.put(op.row);
      });
  }
}

describe('ticket tallies, kept under every write', () => {
  it('equal a count from scratch after any sequence of raw writes, bulk or not, in and out of transactions, rolled back or not, told what was read or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        await db.tickets.clear();
        await db.meta.delete(TALLIES_KEY);
        for (const op of ops) {
          await run(op);
          const stored = (await db.meta.get(TALLIES_KEY))?.value ?? tallyAll([]);
          expect(stored, `after ${op.kind}`).toEqual({ ...tallyAll(await db.tickets.toArray()), writes: expect.any(Number) });
        }
      }),
      { numRuns: 150 },
    );
  });
});
