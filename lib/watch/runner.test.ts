import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyConfig, H, NOW, simpleConfig, ticketFacts } from '../db/__fixtures__/store';
import { SlaLensDatabase } from '../db/database';
import { createConfigCache, evaluateTickets, recordTickets } from '../db/evaluate';
import type { TicketFacts } from '../sla/index';
import { createWatchRunner, type WatchDeps } from './runner';
import { addPersonalScope, readWatchState, removePersonalScope, ScopeRefused } from './store';
import type { ScopeListing, WatchScope } from './types';

const J = 'acme.atlassian.net';
const MIN = 60_000;

let db: SlaLensDatabase;
let clock: number;
beforeEach(async () => {
  db = new SlaLensDatabase(`watch-runner-${crypto.randomUUID()}`);
  await db.open();
  await applyConfig(db, simpleConfig({ resolution: '10h' }));
  clock = NOW;
});
afterEach(async () => {
  await db.delete();
});

/** A site whose scopes hold what `held` says, and whose tickets read as `ticketFacts`. */
function fakeSite(held: Record<string, string[] | ScopeListing>) {
  const listed: string[] = [];
  const read: string[][] = [];
  const deps: WatchDeps = {
    db,
    now: () => clock,
    async list(scope) {
      listed.push(scope.id);
      const h = held[scope.id]!;
      return Array.isArray(h) ? { ok: true, keys: [...h], requests: 1 } : h;
    },
    async read(_scope, keys) {
      read.push([...keys]);
      return { facts: keys.map((k) => ticketFacts(J, k, H)) };
    },
    // As the background records: evaluated against the active configuration, one row per ticket.
    async record(scope, facts) {
      const config = await createConfigCache(db)();
      const { sightings } = await evaluateTickets(db, { type: 'sla:evaluate', source: 'jira', site: scope.site, tickets: facts as TicketFacts[] }, config, clock);
      await recordTickets(db, sightings);
    },
  };
  return { deps, listed, read };
}

describe('a round of watching', () => {
  it('lists each scope, reads its tickets into the store, and is not due again before the interval', async () => {
    const scope = await addPersonalScope(db, { site: J, name: 'SUP', query: { kind: 'jql', jql: 'project = SUP' } });
    const site = fakeSite({ [scope.id]: ['SUP-1', 'SUP-2'] });
    const runner = createWatchRunner(site.deps);
    const report = await runner.run();
    expect(report.listed).toEqual([{ id: scope.id, ok: true, tickets: 2, read: 2, requests: 1 }]);
    expect((await db.tickets.toArray()).map((t) => [t.key, t.phase])).toEqual([
      ['SUP-1', 'running'],
      ['SUP-2', 'running'],
    ]);
    expect((await readWatchState(db))[scope.id]).toMatchObject({ keys: ['SUP-1', 'SUP-2'], lastSuccessAt: NOW, nextTryAt: NOW + 2 * MIN });

    clock += MIN;
    expect((await runner.run()).listed).toEqual([]);
    clock += MIN;
    expect((await runner.run()).listed).toHaveLength(1);
    // Forced (a scope just added, "Refresh now"): at once.
    expect((await runner.run({ force: true })).listed).toHaveLength(1);
  });

  it('reads a ticket that left the scope once more, so a solved one stops looking at risk', async () => {
    const scope = await addPersonalScope(db, { site: J, query: { kind: 'filter', filter: '10001' } });
    const held: Record<string, string[]> = { [scope.id]: ['SUP-1', 'SUP-2'] };
    const site = fakeSite(held);
    site.deps.read = async (_scope, keys) => ({
      facts: keys.map((k) => (k === 'SUP-1' && held[scope.id]!.length === 1 ? ticketFacts(J, k, H, { status: 'Done', statusCategory: 'done', resolvedAt: NOW }) : ticketFacts(J, k, H))),
    });
    const runner = createWatchRunner(site.deps);
    await runner.run();
    held[scope.id] = ['SUP-2'];
    clock += 2 * MIN;
    await runner.run();
    expect((await db.tickets.get([J, 'SUP-1']))!.phase).toBe('stopped');
    expect((await readWatchState(db))[scope.id]!.keys).toEqual(['SUP-2']);
  });

  it('where the site says what changed, reads again the tickets stored approximate, and (when asked) no others', async () => {
    const scope = await addPersonalScope(db, { site: J, query: { kind: 'jql', jql: 'project = SUP' } });
    const site = fakeSite({ [scope.id]: ['SUP-1', 'SUP-2', 'SUP-3'] });
    site.deps.read = async (_scope, keys) => {
      site.read.push([...keys]);
      return { facts: keys.map((k) => ticketFacts(J, k, H, { exact: k !== 'SUP-2' })) };
    };
    site.deps.rotateExact = () => false;
    const list = site.deps.list;
    site.deps.list = async (s, signal) => ({ ...(await list(s, signal)), changed: [] }) as ScopeListing;
    const runner = createWatchRunner(site.deps);
    await runner.run();
    clock += 2 * MIN;
    await runner.run();
    expect(site.read).toEqual([['SUP-1', 'SUP-2', 'SUP-3'], ['SUP-2']]);
  });

  it('keeps to the round’s requests: what changed is read whatever it costs, the approximate ones and the rotation take what is left, a site each in turn', async () => {
    const Z = 'acme.zendesk.com';
    const view = await addPersonalScope(db, { site: Z, query: { kind: 'view', view: '360001' } });
    const jql = await addPersonalScope(db, { site: J, query: { kind: 'jql', jql: 'project = SUP' } });
    const ids = Array.from({ length: 10 }, (_, i) => String(i + 1));
    const keys = Array.from({ length: 300 }, (_, i) => `SUP-${i + 1}`);
    let spent = 0;
    let changed: string[] = [];
    const reads: Array<[string, string[]]> = [];
    const freshness: boolean[] = [];
    const deps: WatchDeps = {
      db,
      now: () => clock,
      spent: () => spent,
      roundRequests: 8,
      // Zendesk: a request for the facts and one for each ticket's history; Jira: a request per 100.
      perRequest: (scope) => (scope.site === Z ? 1 : 100),
      rotateExact: (scope) => scope.site === J,
      async list(scope, _signal, since) {
        spent++;
        return { ok: true, keys: scope.site === Z ? ids : keys, requests: 1, ...(since !== undefined ? { changed: scope.site === Z ? changed : [] } : {}) };
      },
      async read(scope, read, _signal, fresh) {
        reads.push([scope.site, [...read]]);
        freshness.push(fresh === true);
        spent += scope.site === Z ? 1 + read.length : Math.ceil(read.length / 100);
        // Zendesk's first reading ran out of audits: every ticket stored approximate.
        return { facts: read.map((k) => (scope.site === Z ? { ...ticketFacts(Z, k, H), exact: reads.filter(([s]) => s === Z).length > 1 } : ticketFacts(J, k, H))) };
      },
      async record(scope, facts) {
        const config = await createConfigCache(db)();
        const { sightings } = await evaluateTickets(db, { type: 'sla:evaluate', source: scope.site === Z ? 'zendesk' : 'jira', site: scope.site, tickets: facts as TicketFacts[] }, config, clock);
        await recordTickets(db, sightings);
      },
    };
    const runner = createWatchRunner(deps);
    // A first listing reads everything, whatever the round's requests.
    await runner.run();
    expect(reads).toEqual([
      [Z, ids],
      [J, keys],
    ]);

    reads.length = 0;
    freshness.length = 0;
    spent = 0;
    changed = ['7'];
    clock += 2 * MIN;
    await runner.run();
    // 2 listings; the changed ticket (2 requests); then half of the 4 left for Zendesk's approximate
    // ones (a request for their facts, one each for their histories: 1 ticket), the rest for Jira's rotation.
    expect(reads).toEqual([
      [Z, ['7']],
      [Z, ['1']],
      [J, keys.slice(0, 10)],
    ]);
    // Only what changed is read past the sources' caches; the turns may be served from them.
    expect(freshness).toEqual([true, false, false]);
    expect(spent).toBe(7);
    expect((await readWatchState(db))[jql.id]!.cursor).toBe(10);

    reads.length = 0;
    spent = 0;
    changed = ['3', '4', '5', '6', '8'];
    clock += 2 * MIN;
    await runner.run();
    // Past the round's requests, what changed is still read; nothing else is.
    expect(reads).toEqual([[Z, ['3', '4', '5', '6', '8']]]);
    expect((await readWatchState(db))[jql.id]!.cursor).toBe(10);
    expect((await readWatchState(db))[view.id]!.keys).toEqual(ids);
  });

  it('does not read twice a change the next listing sees again (the minute of margin for the clocks), only a newer one', async () => {
    const scope = await addPersonalScope(db, { site: 'acme.zendesk.com', query: { kind: 'view', view: '360001' } });
    const site = fakeSite({});
    let stamps: Record<string, number> = {};
    site.deps.list = async (_s, _signal, since) => ({ ok: true, keys: ['1', '2'], requests: 1, ...(since !== undefined ? { changed: Object.keys(stamps), stamps } : {}) });
    site.deps.rotateExact = () => false;
    const fresh: Array<boolean | undefined> = [];
    const read = site.deps.read;
    site.deps.read = (s, keys, signal, asked) => (fresh.push(asked), read(s, keys, signal));
    const runner = createWatchRunner(site.deps);
    await runner.run();
    stamps = { '1': NOW + MIN };
    clock += 2 * MIN;
    await runner.run();
    expect((await readWatchState(db))[scope.id]!.readStamps).toEqual({ '1': NOW + MIN });
    // Ticket 1 at the same stamp again, ticket 2 changed since.
    stamps = { '1': NOW + MIN, '2': NOW + 3 * MIN };
    clock += 2 * MIN;
    await runner.run();
    stamps = { '1': NOW + 5 * MIN };
    clock += 2 * MIN;
    await runner.run();
    expect(site.read).toEqual([['1', '2'], ['1'], ['2'], ['1']]);
    // What joined or changed is read past any cache.
    expect(fresh).toEqual([true, true, true, true]);
  });

  it('keeps the last good listing and says why when a scope fails; the other scopes go on', async () => {
    const broken = await addPersonalScope(db, { site: J, query: { kind: 'queue', serviceDesk: '2', queue: '7' } });
    const fine = await addPersonalScope(db, { site: 'acme.zendesk.com', query: { kind: 'view', view: '360001' } });
    const site = fakeSite({ [broken.id]: { ok: false, failure: 'signed-out', message: 'Sign in to acme.atlassian.net.', requests: 1 }, [fine.id]: ['1'] });
    const report = await createWatchRunner(site.deps).run();
    expect(report.listed.map((l) => [l.id, l.ok])).toEqual([
      [broken.id, false],
      [fine.id, true],
    ]);
    expect((await readWatchState(db))[broken.id]!.error).toEqual({ failure: 'signed-out', message: 'Sign in to acme.atlassian.net.', at: NOW });
  });

  it('takes turns: two rounds asked together never list a scope twice at once', async () => {
    const scope = await addPersonalScope(db, { site: J, query: { kind: 'jql', jql: 'project = SUP' } });
    const site = fakeSite({ [scope.id]: ['SUP-1'] });
    let inFlight = 0;
    let most = 0;
    const list = site.deps.list;
    site.deps.list = async (s, signal) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return list(s, signal);
    };
    const runner = createWatchRunner(site.deps);
    const [a, b] = await Promise.all([runner.run(), runner.run()]);
    expect(most).toBe(1);
    // The second found the scope not due: listed once in all.
    expect([a.listed.length, b.listed.length]).toEqual([1, 0]);
  });

  it('forgets the state of a scope no longer watched', async () => {
    const scope = await addPersonalScope(db, { site: J, query: { kind: 'jql', jql: 'project = SUP' } });
    await createWatchRunner(fakeSite({ [scope.id]: ['SUP-1'] }).deps).run();
    await removePersonalScope(db, scope.id);
    expect(await readWatchState(db)).toEqual({});
  });
});

describe('personal scopes', () => {
  it('refuses the same scope twice', async () => {
    const scope: Omit<WatchScope, 'id' | 'origin'> = { site: J, query: { kind: 'jql', jql: 'project = SUP' } };
    await addPersonalScope(db, scope);
    await expect(addPersonalScope(db, scope)).rejects.toThrow(ScopeRefused);
    await expect(addPersonalScope(db, scope)).rejects.toThrow('You already watch this.');
  });

  it('are read by the runner only for the scopes it was asked about', async () => {
    const a = await addPersonalScope(db, { site: J, query: { kind: 'jql', jql: 'a = 1' } });
    const b = await addPersonalScope(db, { site: J, query: { kind: 'jql', jql: 'b = 1' } });
    const site = fakeSite({ [a.id]: [], [b.id]: [] });
    const spy = vi.spyOn(site.deps, 'list');
    await createWatchRunner(site.deps).run({ only: [b.id] });
    expect(spy.mock.calls.map(([s]) => s.id)).toEqual([b.id]);
  });
});
