import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedPolicy } from '../config/index';
import { activeVersionId } from './active-version';
import { applyImport, previewText } from './config-store';
import { enforceTicketCaps, isQuotaError, matchedFields, storedFacts, withTicketSpace } from './capacity';
import { SlaLensDatabase, type StoredTicket } from './database';
import { createConfigCache, createTicketRecorder, evaluateTickets, REFRESH_CURSOR_KEY, refreshStoredTickets } from './evaluate';
import { applyConfig, H, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import { modelQuota, type QuotaModel } from './__fixtures__/quota';
import { readTallies, tallyAll } from './tallies';

const J = 'acme.atlassian.net';
const Z = 'acme.zendesk.com';

let db: SlaLensDatabase;
let quota: QuotaModel;
/** Makes the n-th write to the tickets fail as a stopped service worker's would (0: none). */
let stopAtWrite = 0;
let writes = 0;
let n = 0;
beforeEach(() => {
  db = new SlaLensDatabase(`capacity-${n++}`);
  // Middleware goes in before the database opens.
  quota = modelQuota(db, { full: false, need: 0, refused: 0 });
  stopAtWrite = 0;
  writes = 0;
  db.use({
    stack: 'dbcore',
    name: 'StopsOnce',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'tickets') return table;
        return { ...table, mutate: (req) => (++writes === stopAtWrite ? Promise.reject(new Error('service worker stopped')) : table.mutate(req)) };
      },
    }),
  });
});
const fill = (need: number) => Object.assign(quota, { full: true, need });
afterEach(async () => {
  await db.delete();
});

/** `count` tickets of `site`, the i-th seen i minutes after `from`. */
async function seen(site: string, count: number, from = NOW) {
  for (let i = 0; i < count; i++) await see(db, [ticketFacts(site, site === Z ? String(100 + i) : `SUP-${i}`, H)], from + i * 60_000);
}

const keysOf = async (site: string) => (await db.tickets.where('site').equals(site).toArray()).map((r) => r.key).sort();

describe('custom fields kept', () => {
  const policy = (field: Record<string, string>) => ({ match: [{ field }, {}] }) as unknown as ResolvedPolicy;

  it('keeps only the fields some policy matches on, compared as matching compares them (case aside)', () => {
    const kept = matchedFields([policy({ 'Customer Tier': 'Gold' }), policy({ customfield_10020: 'x' })]);
    expect([...kept].sort()).toEqual(['customer tier', 'customfield_10020']);
    const facts = ticketFacts(Z, '1', H, { fields: { 'customer tier': 'Gold', CUSTOMFIELD_10020: 'x', phone: '+44 20 7946 0000', address: '1 Main St' } });
    expect(storedFacts(facts, kept).fields).toEqual({ 'customer tier': 'Gold', CUSTOMFIELD_10020: 'x' });
    // Nothing matched on: no fields at all, and nothing else changes.
    const { fields, ...rest } = facts;
    expect(fields).toBeDefined();
    expect(storedFacts(facts, new Set())).toEqual(rest);
    // Facts without fields are the facts.
    expect(storedFacts(rest, kept)).toBe(rest);
  });

  it('a recorded ticket keeps no field the configuration does not match on, but its view was computed from all it was sent', async () => {
    await applyConfig(db, JSON.stringify({ version: 1, policies: [{ id: 'gold', name: 'Gold', match: { field: { tier: 'Gold' } }, calendar: '24x7', targets: { '*': { resolution: '4h' } } }] }));
    const config = await createConfigCache(db)();
    const { response, sightings } = await evaluateTickets(
      db,
      { type: 'sla:evaluate', source: 'zendesk', site: Z, tickets: [ticketFacts(Z, '7', H, { fields: { tier: 'Gold', phone: '+1 555 0100' } })] },
      config,
      NOW,
    );
    expect(response.views[0]!.kind).toBe('clocks');
    expect(sightings[0]!.row.facts.fields).toEqual({ tier: 'Gold' });
  });
});

describe('caps', () => {
  it('keeps each site within its cap and the store within the total, forgetting the tickets seen longest ago first', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    await seen(J, 5);
    await seen(Z, 4, NOW + 3 * 60_000);
    expect(await enforceTicketCaps(db, { perSite: 3, total: 5 })).toBe(4);
    // Jira's two oldest went for the site cap (SUP-0, SUP-1), Zendesk's oldest (100) too; then
    // the store had 6: the oldest left overall (SUP-2, seen at +2 min) went.
    expect(await keysOf(J)).toEqual(['SUP-3', 'SUP-4']);
    expect(await keysOf(Z)).toEqual(['101', '102', '103']);
    // The running totals followed every eviction.
    const rows: StoredTicket[] = await db.tickets.toArray();
    expect(await readTallies(db)).toEqual({ ...tallyAll(rows), writes: expect.any(Number) });
    // Within its caps, a store loses nothing.
    expect(await enforceTicketCaps(db, { perSite: 3, total: 5 })).toBe(0);
    expect(await db.tickets.count()).toBe(5);
  });

  it('the recorder keeps the caps after each write', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    await seen(J, 4);
    const config = await createConfigCache(db)();
    const recorder = createTicketRecorder(db, { caps: { perSite: 3, total: 100 }, schedule: () => undefined });
    const { sightings } = await evaluateTickets(db, { type: 'sla:evaluate', source: 'jira', site: J, tickets: [ticketFacts(J, 'SUP-9', H)] }, config, NOW + H);
    recorder.add(sightings);
    await recorder.flush();
    expect(await keysOf(J)).toEqual(['SUP-2', 'SUP-3', 'SUP-9']);
  });
});

describe('a full browser', () => {
  it('knows a quota error however it is wrapped', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), { name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });

  async function fullStore(need: number) {
    await applyConfig(db, simpleConfig({ resolution: '8h' }, { name: 'First' }));
    await seen(J, 10);
    const before = await activeVersionId(db);
    const preview = await previewText(db, simpleConfig({ resolution: '4h' }, { name: 'Second' }), { kind: 'paste' });
    if (!preview.ok) throw new Error('valid');
    fill(need);
    return { before, preview };
  }

  it('applies a configuration when the ticket cache fills the quota: the tickets seen longest ago make room', async () => {
    const { before, preview } = await fullStore(3);
    const applied = await applyImport(db, preview);
    expect(quota.refused).toBeGreaterThan(0);
    expect(await activeVersionId(db)).toBe(applied.id);
    expect(applied.id).toBe(before! + 1);
    // Half went, the oldest half.
    expect(await keysOf(J)).toEqual(['SUP-5', 'SUP-6', 'SUP-7', 'SUP-8', 'SUP-9']);
  });

  it('gives up the whole cache if half is not enough', async () => {
    const { preview } = await fullStore(8);
    const applied = await applyImport(db, preview);
    expect(await activeVersionId(db)).toBe(applied.id);
    expect(await db.tickets.count()).toBe(0);
  });

  it('refuses a configuration the browser has no room for even without tickets, and the active one stays', async () => {
    const { before, preview } = await fullStore(1_000);
    const refusal = await applyImport(db, preview).catch((e: unknown) => e);
    expect(isQuotaError(refusal)).toBe(true);
    expect(await activeVersionId(db)).toBe(before);
    expect((await db.configVersions.toArray()).map((v) => v.document.name)).toEqual(['First']);
  });

  it('a write that fails for another reason is not retried and costs no tickets', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    await seen(J, 2);
    let calls = 0;
    const failure = await withTicketSpace(db, async () => {
      calls++;
      throw new Error('constraint');
    }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe('constraint');
    expect(calls).toBe(1);
    expect(await db.tickets.count()).toBe(2);
  });

  it('the recorder makes room, keeps what it saw, and says what it forgot; then all is well again', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    await seen(J, 6);
    const config = await createConfigCache(db)();
    const said: Array<string | null> = [];
    const recorder = createTicketRecorder(db, { schedule: () => undefined, onStorage: (problem) => said.push(problem) });
    fill(1);
    recorder.add((await evaluateTickets(db, { type: 'sla:evaluate', source: 'jira', site: J, tickets: [ticketFacts(J, 'NEW-1', H)] }, config, NOW + H)).sightings);
    await recorder.flush();
    expect(quota.refused).toBeGreaterThan(0);
    expect(await keysOf(J)).toEqual(['NEW-1', 'SUP-3', 'SUP-4', 'SUP-5']);
    expect(said).toEqual(['The browser’s storage for SLA Lens was full: the 3 tickets seen longest ago were forgotten to make room.']);
    recorder.add((await evaluateTickets(db, { type: 'sla:evaluate', source: 'jira', site: J, tickets: [ticketFacts(J, 'NEW-2', H)] }, config, NOW + 2 * H)).sightings);
    await recorder.flush();
    expect(said[1]).toBeNull();
  });

  it('the recorder reports a write the browser refuses even with no tickets left, and throws nothing', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    const config = await createConfigCache(db)();
    const said: Array<string | null> = [];
    const recorder = createTicketRecorder(db, { schedule: () => undefined, onStorage: (problem) => said.push(problem) });
    fill(1_000);
    recorder.add((await evaluateTickets(db, { type: 'sla:evaluate', source: 'jira', site: J, tickets: [ticketFacts(J, 'NEW-1', H)] }, config, NOW)).sightings);
    await recorder.flush();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^SLA Lens could not keep the tickets it saw: the browser refused to store them \(QuotaExceededError\)/);
    expect(await db.tickets.count()).toBe(0);
  });
});

describe('evaluating the stored tickets again, in chunks', () => {
  it('goes on where a stopped service worker left off, for the same version, and starts over for another', async () => {
    // A first configuration that matches on the phone field, so the tickets keep it.
    const byPhone = { id: 'vip', name: 'VIP', match: { field: { phone: '+1 555 9999' } }, calendar: '24x7', targets: { '*': { resolution: '1h' } } };
    await applyConfig(db, JSON.stringify({ version: 1, policies: [byPhone, JSON.parse(simpleConfig({ resolution: '8h' })).policies[0]] }));
    for (let i = 0; i < 5; i++) await see(db, [ticketFacts(Z, String(i), H, { fields: { phone: `+1 555 010${i}` } })]);
    await applyConfig(db, simpleConfig({ resolution: '4h' }));
    const config = await createConfigCache(db)();
    // The service worker stops during the second chunk.
    stopAtWrite = writes + 2;
    await expect(refreshStoredTickets(db, config, NOW, 2)).rejects.toThrow('service worker stopped');
    expect((await db.meta.get(REFRESH_CURSOR_KEY))?.value).toEqual({ version: config.version, after: [Z, '1'] });
    const withFields = async () => (await db.tickets.toArray()).filter((r) => r.facts.fields !== undefined).map((r) => r.key);
    // The first chunk was rewritten (no field is matched on, so none is kept); the rest not yet.
    expect(await withFields()).toEqual(['2', '3', '4']);

    expect(await refreshStoredTickets(db, config, NOW, 2)).toBe(3);
    expect(await withFields()).toEqual([]);
    expect(await db.meta.get(REFRESH_CURSOR_KEY)).toBeUndefined();
    const targets = (await db.tickets.toArray()).map((r) => (r.view.kind === 'clocks' ? r.view.clocks[0]!.clock.targetMs : null));
    expect(targets).toEqual(Array(5).fill(4 * H));

    // A note left for another version is not followed.
    await db.meta.put({ key: REFRESH_CURSOR_KEY, value: { version: 1, after: [Z, '3'] } });
    expect(await refreshStoredTickets(db, config, NOW, 2)).toBe(5);
  });
});
