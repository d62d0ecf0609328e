import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { applyConfig, H, MIN, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import {
  ALERT_DEFAULTS_KEY,
  ALERTS_PER_ROUND,
  alertSettingsFrom,
  isQuiet,
  parseAlertId,
  readAlertSettings,
  readAlertSettingsInForce,
  saveAlertSettings,
  showDueAlerts,
  writeAlertDefaults,
  DEFAULT_ALERTS,
  type AlertNotification,
} from './alerts';
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

describe('the organisation’s alert defaults (its policy’s `alerts`)', () => {
  it('are in force, over SLA Lens’s own defaults, until a person saves their settings', async () => {
    expect(await readAlertSettingsInForce(db)).toEqual({ settings: DEFAULT_ALERTS, from: 'default' });
    await writeAlertDefaults(db, { enabled: true, mutedSites: ['vendor.atlassian.net'] });
    expect(await readAlertSettingsInForce(db)).toEqual({ settings: { ...DEFAULT_ALERTS, enabled: true, mutedSites: ['vendor.atlassian.net'] }, from: 'organisation' });
    await saveAlertSettings(db, { ...DEFAULT_ALERTS, leadMinutes: 30 });
    expect(await readAlertSettingsInForce(db)).toEqual({ settings: { ...DEFAULT_ALERTS, leadMinutes: 30 }, from: 'own' });
    // Amended defaults leave the person's settings alone.
    await writeAlertDefaults(db, { enabled: true, leadMinutes: 60 });
    expect(await readAlertSettings(db)).toEqual({ ...DEFAULT_ALERTS, leadMinutes: 30 });
  });

  it('go with the policy’s `alerts`, and a value the options page would refuse falls back to its default', async () => {
    await writeAlertDefaults(db, { leadMinutes: 5000 } as never);
    expect((await readAlertSettings(db)).leadMinutes).toBe(DEFAULT_ALERTS.leadMinutes);
    await writeAlertDefaults(db, undefined);
    expect(await db.meta.get(ALERT_DEFAULTS_KEY)).toBeUndefined();
    expect(await readAlertSettingsInForce(db)).toEqual({ settings: DEFAULT_ALERTS, from: 'default' });
  });

  it('are written only when they change', async () => {
    const writes: string[] = [];
    db.meta.hook('creating', (key) => void writes.push(String(key)));
    db.meta.hook('updating', (_changes, key) => void writes.push(String(key)));
    db.meta.hook('deleting', (key) => void writes.push(`-${String(key)}`));
    await writeAlertDefaults(db, { enabled: true });
    await writeAlertDefaults(db, { enabled: true });
    await writeAlertDefaults(db, undefined);
    await writeAlertDefaults(db, undefined);
    expect(writes).toEqual([ALERT_DEFAULTS_KEY, `-${ALERT_DEFAULTS_KEY}`]);
  });

  it('turn alerts on for a person who set none, with the organisation’s lead time and muted sites', async () => {
    await seeAt([facts('RISK', 8 * H), facts('SOON', 7 * H)]);
    await seeAt([ticketFacts('vendor.atlassian.net', 'VEN-1', 8 * H)]);
    expect(await takeDueAlerts(db, NOW, NOON)).toEqual([]);
    await writeAlertDefaults(db, { enabled: true, leadMinutes: 180, mutedSites: ['vendor.atlassian.net'] });
    expect((await takeDueAlerts(db, NOW, NOON)).map((a) => a.key)).toEqual(['RISK', 'SOON']);
  });
});

/** One round, every notification shown: what was shown. */
const takeDueAlerts = (db: SlaLensDatabase, now: number, localMinutes: number) => showDueAlerts(db, now, localMinutes, async () => undefined);

describe('showDueAlerts', () => {
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

describe('a round of alerts (L7)', () => {
  const many = Array.from({ length: 12 }, (_, i) => facts(`RISK-${i + 1}`, 8 * H + i * MIN));
  beforeEach(async () => {
    await seeAt(many);
    await saveAlertSettings(db, { ...DEFAULT_ALERTS, enabled: true });
  });

  it(`shows at most ${ALERTS_PER_ROUND} alerts one by one, soonest first, and one summary naming the rest`, async () => {
    const shown: AlertNotification[] = [];
    const alerted = await showDueAlerts(db, NOW, NOON, async (n) => void shown.push(n));
    expect(shown).toHaveLength(ALERTS_PER_ROUND + 1);
    expect(shown.slice(0, ALERTS_PER_ROUND).map((n) => n.id)).toEqual(['RISK-12', 'RISK-11', 'RISK-10'].map((k) => `sla|${J}|${k}|resolution`));
    const summary = shown[ALERTS_PER_ROUND]!;
    expect(summary.title).toBe('9 more tickets about to breach');
    expect(summary.message).toBe('RISK-9, RISK-8, RISK-7, RISK-6, RISK-5 and 4 more. Open SLA Lens for the list.');
    // A summary is no ticket's: a click on it opens none.
    expect(parseAlertId(summary.id)).toBeNull();
    expect(alerted).toHaveLength(12);
    // All were told, so the next round has nothing to say.
    expect(await showDueAlerts(db, NOW + MIN, NOON, async (n) => void shown.push(n))).toEqual([]);
  });

  it('remembers an alert only once it was shown: one that failed comes back next round', async () => {
    const failing = `sla|${J}|RISK-11|resolution`;
    const errors: unknown[] = [];
    const first = await showDueAlerts(
      db,
      NOW,
      NOON,
      async (n) => {
        if (n.id === failing) throw new Error('the notification centre is gone');
      },
      (e) => errors.push(e),
    );
    expect(first.map((a) => a.key)).not.toContain('RISK-11');
    expect(errors).toHaveLength(1);
    const again: AlertNotification[] = [];
    await showDueAlerts(db, NOW + MIN, NOON, async (n) => void again.push(n));
    expect(again.map((n) => n.id)).toEqual([failing]);
  });

  it('two rounds started together never show the same alert twice', async () => {
    const shown: string[] = [];
    const notify = async (n: AlertNotification) => {
      await new Promise((r) => setTimeout(r, 5));
      shown.push(n.id);
    };
    await Promise.all([showDueAlerts(db, NOW, NOON, notify), showDueAlerts(db, NOW, NOON, notify)]);
    expect(shown.filter((id) => id.startsWith('sla|'))).toHaveLength(ALERTS_PER_ROUND);
    expect(new Set(shown).size).toBe(shown.length);
  });
});
