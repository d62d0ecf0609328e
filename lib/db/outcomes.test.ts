import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyConfig, H, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import { SlaLensDatabase } from './database';
import { createConfigCache, refreshStoredTickets } from './evaluate';
import { decidedBetween, oldestDecision, OUTCOME_RETENTION_MS, pruneOutcomes } from './outcomes';
import { enforceTicketCaps } from './capacity';
import { forgetSite } from './upkeep';

const J = 'acme.atlassian.net';
let db: SlaLensDatabase;
beforeEach(async () => {
  db = new SlaLensDatabase(`outcomes-${crypto.randomUUID()}`);
  await db.open();
  await applyConfig(db, simpleConfig({ resolution: '4h' }));
});
afterEach(async () => {
  await db.delete();
});

const done = (key: string, ageMs: number, resolvedAgo: number) =>
  ticketFacts(J, key, ageMs, {
    status: 'Done',
    statusCategory: 'done',
    resolvedAt: NOW - resolvedAgo,
    statusHistory: [
      { at: NOW - ageMs, status: 'Open' },
      { at: NOW - resolvedAgo, status: 'Done' },
    ],
  });

describe('the targets decided, kept for the report', () => {
  it('are written with the tickets recorded: met at the stop, missed at the breach; a running clock within target is not decided', async () => {
    await see(db, [done('SUP-1', 10 * H, 8 * H), done('SUP-2', 10 * H, 2 * H), ticketFacts(J, 'SUP-3', 6 * H), ticketFacts(J, 'SUP-4', H)]);
    const stored = await db.decisions.orderBy('decidedAt').toArray();
    expect(stored.map((o) => [o.key, o.outcome, (o.decidedAt - NOW) / H])).toEqual(
      [
        ['SUP-2', 'missed', -6],
        ['SUP-1', 'met', -8],
        ['SUP-3', 'missed', -2],
      ].sort((a, b) => (a[2] as number) - (b[2] as number)),
    );
    expect(stored[0]).toMatchObject({ key: 'SUP-1', policyId: 'std', policyName: 'Standard', metric: 'resolution', priority: 'High', title: 'Ticket SUP-1', approximate: false });
  });

  it('finds a period’s by the instant decided, with the running tickets that breached since they were written', async () => {
    await see(db, [done('SUP-1', 10 * H, 8 * H), ticketFacts(J, 'SUP-5', 3 * H)]);
    // SUP-5 breaches an hour after it was written, and is not written again.
    expect((await decidedBetween(db, NOW - 24 * H, NOW + 24 * H, NOW)).map((t) => t.key)).toEqual(['SUP-1']);
    const later = await decidedBetween(db, NOW - 24 * H, NOW + 24 * H, NOW + 2 * H);
    expect(later.map((t) => [t.key, t.outcome, (t.decidedAt - NOW) / H])).toEqual([
      ['SUP-1', 'met', -8],
      ['SUP-5', 'missed', 1],
    ]);
    expect((await decidedBetween(db, NOW - 24 * H, NOW - 9 * H, NOW + 2 * H)).map((t) => t.key)).toEqual([]);
  });

  it('a ticket seen again replaces its decisions: the latest facts decide', async () => {
    await see(db, [done('SUP-1', 10 * H, 8 * H)]);
    // Reopened, and resolved again late: missed now, at its breach.
    await see(db, [done('SUP-1', 10 * H, H)], NOW + 60_000);
    const stored = await db.decisions.toArray();
    expect(stored.map((o) => [o.key, o.outcome])).toEqual([['SUP-1', 'missed']]);
  });

  it('a new configuration decides the stored tickets again', async () => {
    await see(db, [done('SUP-1', 10 * H, 7 * H)]);
    expect((await db.decisions.toArray()).map((o) => o.outcome)).toEqual(['met']);
    await applyConfig(db, simpleConfig({ resolution: '2h' }));
    await refreshStoredTickets(db, await createConfigCache(db)(), NOW);
    expect((await db.decisions.toArray()).map((o) => [o.outcome, o.targetMs / H])).toEqual([['missed', 2]]);
  });

  it('outlive their tickets when the store makes room, and go after the retention', async () => {
    await see(db, [done('SUP-1', 10 * H, 8 * H), done('SUP-2', 10 * H, 7 * H)]);
    await enforceTicketCaps(db, { perSite: 1, total: 1 });
    expect(await db.tickets.count()).toBe(1);
    expect(await db.decisions.count()).toBe(2);
    expect(await oldestDecision(db)).toBe(NOW - 8 * H);
    expect(await pruneOutcomes(db, NOW - 8 * H + OUTCOME_RETENTION_MS + 1)).toBe(1);
    expect((await db.decisions.toArray()).map((o) => o.key)).toEqual(['SUP-2']);
  });

  it('go with their site when it is removed', async () => {
    await see(
      db,
      [done('SUP-1', 10 * H, 8 * H), done('9', 10 * H, 8 * H)].map((t, i) => (i ? { ...t, site: 'acme.zendesk.com', source: 'zendesk' as const } : t)),
    );
    expect(await db.decisions.count()).toBe(2);
    await forgetSite(db, J);
    expect((await db.decisions.toArray()).map((o) => o.site)).toEqual(['acme.zendesk.com']);
  });
});
