import type { DBCore } from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluateRequest } from '../messaging/types';
import type { TicketFacts } from '../sla/index';
import { applyImport, previewText } from './config-store';
import { SlaLensDatabase } from './database';
import { parseEvaluateRequest } from '../messaging/schema';
import { createConfigCache, createTicketRecorder, evaluateRequest, evaluateTickets, recordTickets, refreshStoredTickets, type Sighting } from './evaluate';
import { tallyAll, TALLIES_KEY } from './tallies';

const designExample = readFileSync(new URL('../config/__fixtures__/design-example.json', import.meta.url), 'utf8');
const at = (iso: string) => Date.parse(iso);
const site = 'acme.atlassian.net';
const ticket = (key: string, extra: Partial<TicketFacts> = {}): TicketFacts => ({
  source: 'jira',
  site,
  key,
  project: 'SUP',
  priority: 'High',
  labels: ['enterprise'],
  status: 'In Progress',
  title: 'Printer on fire',
  created: at('2026-11-23T09:00:00Z'),
  statusHistory: [{ at: at('2026-11-23T09:00:00Z'), status: 'In Progress' }],
  firstResponseAt: at('2026-11-23T09:20:00Z'),
  exact: true,
  ...extra,
});
const request = (tickets: TicketFacts[], unreadable?: string[]): EvaluateRequest => ({ type: 'sla:evaluate', source: 'jira', site, tickets, ...(unreadable ? { unreadable } : {}) });

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`evaluate-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function withConfig() {
  const preview = await previewText(db, designExample, { kind: 'paste' });
  if (!preview.ok) throw new Error('design example must be valid');
  await applyImport(db, preview);
}

describe('a message with one ticket the background refuses', () => {
  it('badges the other 499 and marks that one SLA unknown, with the reason', async () => {
    await withConfig();
    const tickets = Array.from({ length: 500 }, (_, i) => ticket(`SUP-${i + 1}`, i === 250 ? { title: 'x'.repeat(5000) } : {}));
    const { request: checked, refused } = parseEvaluateRequest(request(tickets));
    expect(checked.tickets).toHaveLength(499);
    const { response, sightings } = await evaluateTickets(db, checked, await createConfigCache(db)(), at('2026-11-23T10:00:00Z'), refused);
    expect(response.views).toHaveLength(500);
    expect(response.views.filter((v) => v.kind === 'clocks')).toHaveLength(499);
    const marked = response.views.find((v) => v.key === 'SUP-251')!;
    expect(marked).toMatchObject({ kind: 'unknown', exact: false });
    expect(marked.note).toMatch(/refused.*title/);
    // Nothing of a refused ticket is recorded.
    expect(sightings.map((s) => s.row.key)).not.toContain('SUP-251');
    expect(sightings).toHaveLength(499);
  });
});

describe('evaluateRequest', () => {
  it('without a configuration, every ticket has no SLA and nothing is recorded', async () => {
    const response = await evaluateRequest(db, request([ticket('SUP-1')]), await createConfigCache(db)(), at('2026-11-23T10:00:00Z'));
    expect(response).toMatchObject({ configVersion: null, views: [{ key: 'SUP-1', kind: 'none' }] });
    expect(await db.tickets.count()).toBe(0);
  });

  it('evaluates against the active configuration and records the tickets for the popup', async () => {
    await withConfig();
    const now = at('2026-11-23T15:30:00Z');
    const response = await evaluateRequest(db, request([ticket('SUP-1'), ticket('SUP-2', { project: 'OPS', labels: [] })], ['SUP-3']), await createConfigCache(db)(), now);
    expect(response.configVersion).toBe(1);
    expect(response.views.map((v) => [v.key, v.kind])).toEqual([
      ['SUP-1', 'clocks'],
      ['SUP-2', 'none'],
      ['SUP-3', 'unknown'],
    ]);
    expect(Object.keys(response.calendars)).toEqual(['emea']);
    // 09:00 UTC is 10:00 in Berlin: by 16:30 Berlin, 6.5 of 8 business hours are used (first response was met).
    expect(await db.tickets.get([site, 'SUP-1'])).toMatchObject({ facts: { title: 'Printer on fire' }, team: 'SUP', phase: 'running', firstSeen: now, lastSeen: now });
    expect(await db.tickets.get([site, 'SUP-2'])).toMatchObject({ phase: 'none' });
  });

  it('remembers the statuses it sees over time, for sites that give no history', async () => {
    await withConfig();
    const cache = createConfigCache(db);
    const blind = (status: string) => ticket('SUP-1', { status, statusHistory: undefined, exact: false });
    await evaluateRequest(db, request([blind('In Progress')]), await cache(), at('2026-11-23T10:00:00Z'));
    const response = await evaluateRequest(db, request([blind('Waiting for customer')]), await cache(), at('2026-11-23T11:00:00Z'));
    expect(response.views[0]).toMatchObject({ exact: false, note: expect.stringMatching(/statuses SLA Lens saw/) });
    expect(response.views[0]!.clocks[0]!.clock.pauses).toEqual([{ from: at('2026-11-23T11:00:00Z'), to: null }]);
    const stored = await db.tickets.get([site, 'SUP-1']);
    expect(stored?.observed.map((o) => o.status)).toEqual(['In Progress', 'Waiting for customer']);
    expect(stored?.firstSeen).toBe(at('2026-11-23T10:00:00Z'));
  });

  it('reads the configuration again only when another version becomes active', async () => {
    const cache = createConfigCache(db);
    expect((await cache()).version).toBeNull();
    await withConfig();
    const first = await cache();
    expect(first.version).toBe(1);
    expect(await cache()).toBe(first);
  });
});

describe('createTicketRecorder', () => {
  it('writes a burst of evaluations together, the latest row per ticket winning, keeping the first sighting', async () => {
    await withConfig();
    const cache = createConfigCache(db);
    const planned: Array<() => void> = [];
    const recorder = createTicketRecorder(db, { delayMs: 300, schedule: (fn) => planned.push(fn) });
    const first = await evaluateTickets(db, request([ticket('SUP-1'), ticket('SUP-2')]), await cache(), at('2026-11-23T10:00:00Z'));
    recorder.add(first.sightings);
    const second = await evaluateTickets(db, request([ticket('SUP-1', { status: 'Done' })]), await cache(), at('2026-11-23T10:05:00Z'));
    recorder.add(second.sightings);
    // Only the plan made after the last evaluation writes.
    expect(planned).toHaveLength(2);
    planned[0]!();
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.tickets.count()).toBe(0);
    planned[1]!();
    await expect.poll(() => db.tickets.count()).toBe(2);
    expect(await db.tickets.get([site, 'SUP-1'])).toMatchObject({ facts: expect.objectContaining({ status: 'Done' }), lastSeen: at('2026-11-23T10:05:00Z') });
  });

  it('writes after the burst is over, or after the longest wait however long the burst', () => {
    const delays: number[] = [];
    let now = 0;
    const recorder = createTicketRecorder(db, { delayMs: 300, schedule: (_fn, ms) => delays.push(ms), clock: () => now, maxWaitMs: 3000 });
    const row = (key: string) => ({ row: { site, key } }) as unknown as Sighting;
    recorder.add([row('A')]);
    now = 2900;
    recorder.add([row('B')]);
    now = 3100;
    recorder.add([row('C')]);
    expect(delays).toEqual([300, 100, 0]);
  });
});

describe('one read of the stored rows per message', () => {
  /** Ticket rows read from IndexedDB, per key, whoever reads them (the totals' middleware included). */
  function countReads(db: SlaLensDatabase): Map<string, number> {
    const reads = new Map<string, number>();
    const count = (keys: unknown[]) => keys.forEach((k) => reads.set(String(k), (reads.get(String(k)) ?? 0) + 1));
    db.use({
      stack: 'dbcore',
      name: 'ReadCounter',
      // Next to IndexedDB: below the totals' middleware and below Dexie's transaction cache (-1),
      // so only reads that reach the store count.
      level: -2,
      create: (down: DBCore) => ({
        ...down,
        table(name: string) {
          const table = down.table(name);
          if (name !== 'tickets') return table;
          const key = table.schema.primaryKey.extractKey!;
          return {
            ...table,
            get: (req) => (count([req.key]), table.get(req)),
            getMany: (req) => (count(req.keys), table.getMany(req)),
            query: (req) => table.query(req).then((res) => (req.values && count(res.result.map(key)), res)),
          };
        },
      }),
    });
    return reads;
  }
  const blind = (key: string) => ticket(key, { status: 'Waiting for customer', statusHistory: undefined, exact: false });

  let reads: Map<string, number>;
  beforeEach(async () => {
    await db.delete();
    db = new SlaLensDatabase(`evaluate-reads-${n++}`);
    reads = countReads(db);
    await db.open();
    await withConfig();
    await evaluateRequest(db, request([blind('SUP-1'), blind('SUP-2'), ticket('SUP-3')]), await createConfigCache(db)(), at('2026-11-23T10:00:00Z'));
    reads.clear();
  });

  it('rows evaluation read (tickets without history) are not read again to record them, nor for the totals', async () => {
    const later = at('2026-11-23T11:00:00Z');
    const { sightings } = await evaluateTickets(db, request([blind('SUP-1'), blind('SUP-2'), ticket('SUP-3'), blind('SUP-4')]), await createConfigCache(db)(), later);
    expect(Object.fromEntries(reads)).toEqual({ 'acme.atlassian.net,SUP-1': 1, 'acme.atlassian.net,SUP-2': 1, 'acme.atlassian.net,SUP-4': 1 });
    await recordTickets(db, sightings);
    // The one with history is read when it is recorded, once.
    expect(Object.fromEntries(reads)).toEqual({ 'acme.atlassian.net,SUP-1': 1, 'acme.atlassian.net,SUP-2': 1, 'acme.atlassian.net,SUP-3': 1, 'acme.atlassian.net,SUP-4': 1 });
    // What recording did is what it did before: first sightings kept, observed statuses grown, totals exact.
    expect(await db.tickets.get([site, 'SUP-1'])).toMatchObject({ firstSeen: at('2026-11-23T10:00:00Z'), lastSeen: later });
    expect(await db.tickets.get([site, 'SUP-3'])).toMatchObject({ firstSeen: at('2026-11-23T10:00:00Z'), lastSeen: later });
    expect(await db.tickets.get([site, 'SUP-4'])).toMatchObject({ firstSeen: later });
    expect((await db.meta.get(TALLIES_KEY))?.value).toEqual({ ...tallyAll(await db.tickets.toArray()), writes: expect.any(Number) });
  });

  it('a row written between evaluation and recording is read again, so an alert shown in between stays remembered', async () => {
    const { sightings } = await evaluateTickets(db, request([blind('SUP-1'), blind('SUP-2')]), await createConfigCache(db)(), at('2026-11-23T11:00:00Z'));
    expect(sightings.map((s) => s.row.notified)).toEqual([undefined, undefined]);
    // An alert for SUP-1 is shown (and remembered) while the sighting waits to be recorded.
    await db.tickets.update([site, 'SUP-1'], { notified: ['resolution'] });
    reads.clear();
    await recordTickets(db, sightings);
    // The write moved the store's write count: both rows are read again, once, and nothing is lost.
    expect(Object.fromEntries(reads)).toEqual({ 'acme.atlassian.net,SUP-1': 1, 'acme.atlassian.net,SUP-2': 1 });
    expect((await db.tickets.get([site, 'SUP-1']))?.notified).toEqual(['resolution']);
    expect((await db.meta.get(TALLIES_KEY))?.value).toEqual({ ...tallyAll(await db.tickets.toArray()), writes: expect.any(Number) });
  });

  it('evaluating every stored ticket again reads each row once, the totals included', async () => {
    await refreshStoredTickets(db, await createConfigCache(db)(), at('2026-11-23T12:00:00Z'));
    expect(Object.fromEntries(reads)).toEqual({ 'acme.atlassian.net,SUP-1': 1, 'acme.atlassian.net,SUP-2': 1, 'acme.atlassian.net,SUP-3': 1 });
  });
});
