import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPersonalScope, writeScopeState } from '../watch/store';
import { applyConfig, H, MIN, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import { SlaLensDatabase } from './database';
import { advanceSnapshot, loadPopup } from './popup-query';
import { DEFAULT_WALLBOARD, loadScopeSnapshot, loadWallboard, readWallboardSettings, saveWallboardSettings, WALLBOARD_KEY } from './wallboard';

const J = 'acme.atlassian.net';
const OTHER = 'other.atlassian.net';

let db: SlaLensDatabase;
beforeEach(async () => {
  db = new SlaLensDatabase(`wallboard-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('wallboard settings', () => {
  it('shows titles until told not to, and keeps the setting', async () => {
    expect(await readWallboardSettings(db)).toEqual(DEFAULT_WALLBOARD);
    expect(DEFAULT_WALLBOARD.hideTitles).toBe(false);
    await saveWallboardSettings(db, { hideTitles: true });
    expect(await readWallboardSettings(db)).toEqual({ hideTitles: true });
    await saveWallboardSettings(db, { hideTitles: false });
    expect(await readWallboardSettings(db)).toEqual({ hideTitles: false });
  });

  it('reads anything else stored there as the default', async () => {
    for (const value of [null, 'yes', [], { hideTitles: 'true' }, { hideTitles: 1 }]) {
      await db.meta.put({ key: WALLBOARD_KEY, value });
      expect(await readWallboardSettings(db)).toEqual({ hideTitles: false });
    }
  });
});

describe('what the wallboard reads', () => {
  beforeEach(async () => {
    // 4 h to resolve, at risk from 75 %; "Waiting" pauses the clock.
    await applyConfig(db, simpleConfig({ resolution: '4h' }, { pauseOn: ['Waiting'] }));
    await see(db, [
      ticketFacts(J, 'SUP-1', 1 * H), // ok: at risk in 2 h
      ticketFacts(J, 'SUP-2', 3.5 * H, { assignee: 'Ana' }), // at risk, 30 m left
      ticketFacts(J, 'SUP-3', 5 * H), // breached an hour ago
      ticketFacts(J, 'SUP-4', 2 * H, { status: 'Waiting', statusHistory: [{ at: NOW - 2 * H, status: 'Waiting' }], exact: false }), // paused
      ticketFacts(J, 'SUP-5', 3.9 * H), // at risk, not in the scope
      ticketFacts(OTHER, 'SUP-2', 5 * H), // the same key on another site: not the scope's
    ]);
  });

  it('counts and lists only the tickets the scope named on its site, as the popup would', async () => {
    const s = await loadScopeSnapshot(db, NOW, J, ['SUP-3', 'SUP-2', 'SUP-1', 'SUP-4', 'SUP-404']);
    expect(s.counts).toEqual({ breached: 1, atRisk: 1, ok: 1, paused: 1, approximate: 1 });
    expect(s.tracked).toBe(4);
    expect(s.urgentTotal).toBe(2);
    expect(s.urgent.map((t) => [t.site, t.key, t.state])).toEqual([
      [J, 'SUP-3', 'breached'],
      [J, 'SUP-2', 'at-risk'],
    ]);
    expect(s.urgent[1]).toMatchObject({ assignee: 'Ana', title: 'Ticket SUP-2', remainingMs: 30 * MIN, dueAt: NOW + 30 * MIN });
    // SUP-1 turns at risk at 3 h of its 4: read again then.
    expect(s.reloadAt).toBe(NOW + 2 * H);
    expect(s.sites).toEqual([{ site: J, source: 'jira', tickets: 4 }]);

    // Its rows are the popup's: the same rows, and the tick advances them the same way.
    const all = await loadPopup(db, NOW);
    expect(s.urgent[1]).toEqual(all.urgent.find((t) => t.site === J && t.key === 'SUP-2'));
    const later = advanceSnapshot(s, NOW + 31 * MIN);
    expect(later.counts).toMatchObject({ breached: 2, atRisk: 0 });
    expect(later.urgent.map((t) => t.state)).toEqual(['breached', 'breached']);
  });

  it('an empty or unread scope shows nothing', async () => {
    const s = await loadScopeSnapshot(db, NOW, J, []);
    expect(s).toMatchObject({ counts: { breached: 0, atRisk: 0, ok: 0, paused: 0, approximate: 0 }, urgent: [], tracked: 0, reloadAt: Infinity, sites: [] });
  });

  it('reads every ticket, one scope, or says the scope is not watched', async () => {
    const scope = await addPersonalScope(db, { site: J, name: 'Tier 2', query: { kind: 'jql', jql: 'project = SUP' } });
    await writeScopeState(db, scope.id, { keys: ['SUP-2', 'SUP-3'], cursor: 0, failures: 0, lastSuccessAt: NOW - 40_000, nextTryAt: NOW + MIN });

    const all = await loadWallboard(db, NOW, null);
    expect(all.scope).toBeUndefined();
    expect(all.snapshot!.counts).toEqual((await loadPopup(db, NOW)).counts);
    expect(all.scopes.map((s) => s.id)).toEqual([scope.id]);
    // The newest of the tickets seen (at NOW) and the scope's listing.
    expect(all.updatedAt).toBe(NOW);

    const one = await loadWallboard(db, NOW, scope.id);
    expect(one.scope).toEqual(scope);
    expect(one.snapshot!.urgent.map((t) => t.key)).toEqual(['SUP-3', 'SUP-2']);
    expect(one.snapshot!.counts).toMatchObject({ breached: 1, atRisk: 1, ok: 0, paused: 0 });
    expect(one.updatedAt).toBe(NOW - 40_000);

    const gone = await loadWallboard(db, NOW, 'personal:gone');
    expect(gone.snapshot).toBeNull();
    expect(gone.scope).toBeUndefined();
  });
});
