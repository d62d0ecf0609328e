import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlaLensDatabase, type StoredTicket } from './database';
import { afterConfigChange, DAY_MS, pruneTickets, RETENTION_KEY, TICKETS_VERSION_KEY, ticketsStamp, toolbarBadge, updateToolbar, type ToolbarAction } from './upkeep';

const NOW = Date.parse('2026-11-26T12:00:00Z');

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`upkeep-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const row = (key: string, fields: Partial<StoredTicket>): StoredTicket => ({
  site: 'acme.atlassian.net',
  key,
  view: { key, kind: 'clocks', clocks: [], exact: true },
  facts: { source: 'jira', site: 'acme.atlassian.net', key, created: NOW - DAY_MS, exact: true },
  phase: 'running',
  riskAt: Infinity,
  dueAt: Infinity,
  approx: 0,
  staleAt: Infinity,
  firstSeen: NOW,
  lastSeen: NOW,
  observed: [],
  ...fields,
});

function recorder(): ToolbarAction & { calls: Record<string, unknown> } {
  const calls: Record<string, unknown> = {};
  return {
    calls,
    setBadgeText: ({ text }) => void (calls.text = text),
    setBadgeBackgroundColor: ({ color }) => void (calls.background = color),
    setBadgeTextColor: ({ color }) => void (calls.foreground = color),
    setTitle: ({ title }) => void (calls.title = title),
  };
}

describe('the toolbar count', () => {
  it('is breached + at risk, red with any breach, amber otherwise, empty when calm', () => {
    expect(toolbarBadge(2, 3)).toMatchObject({ text: '5', background: '#C9372C', title: 'SLA Lens: 2 breached, 3 at risk' });
    expect(toolbarBadge(0, 1)).toMatchObject({ text: '1', background: '#E2B203', title: 'SLA Lens: 1 at risk' });
    expect(toolbarBadge(0, 0)).toMatchObject({ text: '', title: 'SLA Lens: nothing at risk' });
    expect(toolbarBadge(1200, 5).text).toBe('999+');
  });

  it('counts the store at now: a ticket whose moment passed counts without being seen again', async () => {
    await db.tickets.bulkPut([
      row('SUP-1', { riskAt: NOW - 1, dueAt: NOW + 1000 }), // at risk
      row('SUP-2', { riskAt: NOW - 5000, dueAt: NOW - 1 }), // breached
      row('SUP-3', { riskAt: NOW + 60_000, dueAt: NOW + 120_000 }), // ok, at risk in a minute
      row('SUP-4', { phase: 'paused', riskAt: Infinity, dueAt: NOW - 1 }), // paused: not counted
    ]);
    const action = recorder();
    await updateToolbar(db, action, NOW);
    expect(action.calls).toEqual({ text: '2', background: '#C9372C', foreground: '#FFFFFF', title: 'SLA Lens: 1 breached, 1 at risk' });
    await updateToolbar(db, action, NOW + 60_000);
    expect(action.calls.text).toBe('3');
  });
});

describe('retention', () => {
  it('removes tickets not seen for 30 days by default, or the configured number of days', async () => {
    await db.tickets.bulkPut([row('OLD', { lastSeen: NOW - 31 * DAY_MS }), row('MONTH', { lastSeen: NOW - 29 * DAY_MS }), row('NEW', { lastSeen: NOW })]);
    expect(await pruneTickets(db, NOW)).toBe(1);
    expect((await db.tickets.toArray()).map((t) => t.key).sort()).toEqual(['MONTH', 'NEW']);
    await db.meta.put({ key: RETENTION_KEY, value: 7 });
    expect(await pruneTickets(db, NOW)).toBe(1);
    expect((await db.tickets.toArray()).map((t) => t.key)).toEqual(['NEW']);
  });

  it('ignores a nonsensical setting', async () => {
    await db.tickets.put(row('MONTH', { lastSeen: NOW - 29 * DAY_MS }));
    await db.meta.put({ key: RETENTION_KEY, value: -3 });
    expect(await pruneTickets(db, NOW)).toBe(0);
  });
});

describe('after a configuration change', () => {
  it('evaluates the stored tickets again once per version', async () => {
    // Derived fields from an evaluation under another configuration.
    await db.tickets.put(row('SUP-1', { riskAt: NOW + DAY_MS, dueAt: NOW + 2 * DAY_MS, view: { key: 'SUP-1', kind: 'none', clocks: [], exact: true } }));
    expect(await afterConfigChange(db, { version: 3, config: null }, NOW)).toBe(true);
    expect(await db.tickets.get(['acme.atlassian.net', 'SUP-1'])).toMatchObject({ phase: 'none', riskAt: Infinity });
    // The same version again (a service worker waking up): nothing is rewritten.
    expect(await afterConfigChange(db, { version: 3, config: null }, NOW)).toBe(false);
    expect(await afterConfigChange(db, { version: 4, config: null }, NOW)).toBe(true);
  });
});

describe('the mark of what the stored tickets were brought up to date with', () => {
  it('is the version alone without policy sites, else the version and the sites in any order', () => {
    expect(ticketsStamp(3, [])).toBe(3);
    expect(ticketsStamp(null, [])).toBeNull();
    expect(ticketsStamp(3, ['b.atlassian.net', 'a.atlassian.net'])).toBe(ticketsStamp(3, ['a.atlassian.net', 'b.atlassian.net']));
    expect(ticketsStamp(3, ['a.atlassian.net'])).not.toBe(ticketsStamp(4, ['a.atlassian.net']));
    expect(ticketsStamp(3, ['a.atlassian.net'])).not.toBe(ticketsStamp(3, ['a.atlassian.net', 'b.atlassian.net']));
    expect(ticketsStamp(null, ['a.atlassian.net'])).not.toBe(ticketsStamp(null, []));
  });

  it('a store marked before policy sites existed is not evaluated again without them; a change of the policy’s sites evaluates it again', async () => {
    await db.meta.put({ key: TICKETS_VERSION_KEY, value: 3 });
    expect(await afterConfigChange(db, { version: 3, config: null }, NOW)).toBe(false);
    expect(await afterConfigChange(db, { version: 3, config: null }, NOW, new Set(), ['acme.atlassian.net'])).toBe(true);
    expect(await afterConfigChange(db, { version: 3, config: null }, NOW, new Set(), ['acme.atlassian.net'])).toBe(false);
    expect(await afterConfigChange(db, { version: 3, config: null }, NOW, new Set(), ['acme.atlassian.net', 'acme.zendesk.com'])).toBe(true);
    // The policy took its sites back: once more, then the plain version mark again.
    expect(await afterConfigChange(db, { version: 3, config: null }, NOW)).toBe(true);
    expect((await db.meta.get(TICKETS_VERSION_KEY))?.value).toBe(3);
  });
});
