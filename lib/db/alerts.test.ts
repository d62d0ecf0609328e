import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { applyConfig, H, MIN, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import { alertSettingsFrom, isQuiet, parseAlertId, saveAlertSettings, takeDueAlerts, DEFAULT_ALERTS } from './alerts';
import { SlaLensDatabase } from './database';

const NOON = 12 * 60;
const J = 'acme.atlassian.net';
const facts = (key: string, ageMs: number, extra: Partial<TicketFacts> = {}) => ticketFacts(J, key, ageMs, extra);

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`alerts-${n++}`);
  await db.open();
  // 10 h to resolve, at risk from 75 % (7 h 30 m).
  await applyConfig(db, simpleConfig({ resolution: '10h' }));
});
afterEach(async () => {
  await db.delete();
});

const seeAt = (tickets: TicketFacts[], at = NOW) => see(db, tickets, at);

describe('alert settings', () => {
  it('are off by default, and anything unusable falls back to its default', () => {
    expect(alertSettingsFrom(undefined)).toEqual(DEFAULT_ALERTS);
    expect(alertSettingsFrom({ enabled: true, leadMinutes: -5, quietHours: { from: '25:00', to: '07:00' }, mutedSites: ['a', 3] })).toEqual({
      enabled: true,
      leadMinutes: 15,
      quietHours: null,
      mutedSites: ['a'],
    });
  });

  it('quiet hours may span midnight', () => {
    const s = { ...DEFAULT_ALERTS, quietHours: { from: '22:00', to: '07:00' } };
    expect([isQuiet(s, 23 * 60), isQuiet(s, 3 * 60), isQuiet(s, 7 * 60), isQuiet(s, NOON)]).toEqual([true, true, false, false]);
    const day = { ...DEFAULT_ALERTS, quietHours: { from: '12:00', to: '13:00' } };
    expect([isQuiet(day, NOON), isQuiet(day, 13 * 60)]).toEqual([true, false]);
  });

  it('alert ids carry the ticket and metric', () => {
    expect(parseAlertId('sla|acme.atlassian.net|SUP-1|resolution')).toEqual({ site: J, key: 'SUP-1', metric: 'resolution' });
    expect(parseAlertId('other')).toBeNull();
  });
});

describe('takeDueAlerts', () => {
  beforeEach(async () => {
    await seeAt([
      facts('RISK', 8 * H), // at risk: 2 h left
      facts('SOON', 7 * H), // ok, but… 3 h left: not within 15 min
      facts('CALM', H),
      facts('GONE', 11 * H), // already breached when seen: no alert
    ]);
  });

  it('does nothing while alerts are off', async () => {
    expect(await takeDueAlerts(db, NOW, NOON)).toEqual([]);
  });

  it('alerts once per ticket and metric when it turns at-risk or will breach within the lead time', async () => {
    await saveAlertSettings(db, { ...DEFAULT_ALERTS, enabled: true, leadMinutes: 180 });
    const first = await takeDueAlerts(db, NOW, NOON);
    expect(first.map((a) => [a.key, a.metric, a.title])).toEqual([
      ['RISK', 'resolution', 'RISK breaches in 2 h 0 min'],
      ['SOON', 'resolution', 'SOON breaches in 3 h 0 min'],
    ]);
    expect(first[0]).toMatchObject({ id: `sla|${J}|RISK|resolution`, url: `https://${J}/browse/RISK`, message: 'Resolution (Standard) — Ticket RISK' });
    expect(await takeDueAlerts(db, NOW + MIN, NOON)).toEqual([]);
    // Seen again by an overlay: still remembered.
    await seeAt([facts('RISK', 8 * H + MIN)], NOW + MIN);
    expect(await takeDueAlerts(db, NOW + 2 * MIN, NOON)).toEqual([]);
    // CALM turns at-risk 6.5 h later.
    expect((await takeDueAlerts(db, NOW + 6.5 * H, NOON)).map((a) => a.key)).toEqual(['CALM']);
  });

  it('holds alerts back in quiet hours and on muted sites, without forgetting them', async () => {
    await saveAlertSettings(db, { ...DEFAULT_ALERTS, enabled: true, quietHours: { from: '11:00', to: '13:00' } });
    expect(await takeDueAlerts(db, NOW, NOON)).toEqual([]);
    expect((await takeDueAlerts(db, NOW, 13 * 60)).map((a) => a.key)).toEqual(['RISK']);
    await saveAlertSettings(db, { ...DEFAULT_ALERTS, enabled: true, leadMinutes: 180, mutedSites: [J] });
    expect(await takeDueAlerts(db, NOW, NOON)).toEqual([]);
  });
});
