/**
 * One ticket, one state: for random views recorded at one instant and read at a later one, the
 * badge, the popup's rows and counts, the toolbar count and the alerts all say what `readView`
 * says. They read the view through different paths (the badge evaluates every clock; the store
 * keeps indexed moments; alerts walk index ranges), so this is what holds them together.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgeFor } from '../overlay/badge-text';
import type { ClockInput } from '../sla/index';
import type { CalendarSpecs } from '../view/calendars';
import { readView } from '../view/read-view';
import type { BadgeMetric, ClockView, SlaView } from '../view/types';
import { applyConfig, H, MIN, NOW, ticketFacts } from './__fixtures__/store';
import { saveAlertSettings, showDueAlerts, DEFAULT_ALERTS } from './alerts';
import { SlaLensDatabase } from './database';
import { recordTickets, ticketRow } from './evaluate';
import { loadPopup } from './popup-query';
import { urgentCounts } from './ticket-state';

const SITE = 'acme.atlassian.net';
const NOON = 12 * 60;
const LEAD_MIN = 30;
const CONFIG = JSON.stringify({
  version: 1,
  name: 'Parity',
  calendars: [
    { id: 'emea', timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } },
  ],
  policies: [{ id: 'std', name: 'Standard', match: {}, calendar: 'emea', targets: { '*': { resolution: '8h' } } }],
});

let db: SlaLensDatabase;
let calendars: CalendarSpecs;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`parity-${n++}`);
  await db.open();
  await applyConfig(db, CONFIG);
  await saveAlertSettings(db, { ...DEFAULT_ALERTS, enabled: true, leadMinutes: LEAD_MIN });
  calendars = Object.fromEntries((await db.calendars.toArray()).map((c) => [c.id, c.spec]));
});
afterEach(async () => {
  await db.delete();
});

/**
 * A clock as the background builds one from facts seen at NOW: started in the past, stopped in
 * the past or not at all, paused in closed spans in the past or in one still open.
 */
const clockArb = (metric: BadgeMetric): fc.Arbitrary<ClockView> =>
  fc
    .record({
      ageMin: fc.integer({ min: 1, max: 60 * 24 * 6 }),
      targetMin: fc.integer({ min: 1, max: 60 * 24 * 8 }),
      stopAgo: fc.option(fc.integer({ min: 0, max: 60 * 24 * 6 }), { nil: undefined }),
      pause: fc.option(fc.record({ fromAgo: fc.integer({ min: 0, max: 60 * 24 * 6 }), lengthMin: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }) }), { nil: undefined }),
      warnAt: fc.constantFrom(undefined, { fraction: 0.5 }, { fraction: 0.9 }, { remainingMs: 30 * MIN }),
      calendarId: fc.constantFrom('24x7', 'emea'),
    })
    .map(({ ageMin, targetMin, stopAgo, pause, warnAt, calendarId }) => {
      const start = NOW - ageMin * MIN;
      const input: ClockInput = { start, targetMs: targetMin * MIN };
      if (warnAt) input.warnAt = warnAt;
      if (stopAgo !== undefined && stopAgo < ageMin) input.stop = NOW - stopAgo * MIN;
      if (pause && pause.fromAgo < ageMin) {
        const from = NOW - pause.fromAgo * MIN;
        const to = pause.lengthMin === null ? null : Math.min(NOW, from + pause.lengthMin * MIN);
        if (input.stop == null || (to !== null && to <= input.stop)) input.pauses = [{ from, to }];
      }
      return { metric, policyId: 'std', policyName: 'Standard', clock: input, calendarId, businessTime: calendarId !== '24x7' };
    });

const viewArb = (key: string): fc.Arbitrary<SlaView> =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.option(clockArb('first-response'), { nil: undefined }), clockArb('resolution'), fc.boolean())
        .map(([fr, res, exact]): SlaView => ({ key, kind: 'clocks', policyId: 'std', policyName: 'Standard', clocks: fr ? [fr, res] : [res], exact })),
    },
    { weight: 1, arbitrary: fc.constant<SlaView>({ key, kind: 'none', clocks: [], exact: true }) },
    { weight: 1, arbitrary: fc.constant<SlaView>({ key, kind: 'unknown', clocks: [], exact: false }) },
  );

const ticketsArb = fc.array(fc.nat(), { minLength: 1, maxLength: 10 }).chain((ids) => fc.tuple(...ids.map((_, i) => viewArb(`SUP-${i + 1}`))));
// Read later than recorded, as the popup and the toolbar do: by minutes, hours or days.
const laterArb = fc.oneof(
  fc.integer({ min: 0, max: 90 }).map((m) => m * MIN),
  fc.integer({ min: 0, max: 72 }).map((h) => h * H),
  fc.integer({ min: 0, max: 1000 }),
);

describe('badge = popup row = toolbar count = alert, for the same tickets at the same instant', () => {
  it('holds for random views, recorded at one instant and read at a later one', async () => {
    await fc.assert(
      fc.asyncProperty(ticketsArb, laterArb, async (views, later) => {
        await db.tickets.clear();
        await db.meta.delete('ticketTallies');
        await recordTickets(
          db,
          views.map((v) => ({ row: ticketRow(SITE, ticketFacts(SITE, v.key, H), v, calendars, NOW, undefined, []) })),
        );
        const now = NOW + later;
        const badge = new Map(views.map((v) => [v.key, badgeFor(v, calendars, now, { locale: 'en-GB', timeZone: 'UTC' })]));
        const read = new Map(views.map((v) => [v.key, readView(v, calendars, now)]));
        for (const v of views) {
          expect(badge.get(v.key)!.state, `badge of ${v.key}`).toBe(read.get(v.key)!.state);
          expect(badge.get(v.key)!.metric, `badge metric of ${v.key}`).toBe(read.get(v.key)!.metric);
        }

        const count = (state: string) => views.filter((v) => badge.get(v.key)!.state === state).length;
        // The toolbar's count, from the store's indexed moments.
        expect(await urgentCounts(db, now)).toEqual({ breached: count('breached'), atRisk: count('at-risk') });

        const popup = await loadPopup(db, now);
        expect(popup.counts.breached).toBe(count('breached'));
        expect(popup.counts.atRisk).toBe(count('at-risk'));
        const rows = new Map(popup.urgent.map((t) => [t.key, t]));
        for (const v of views) {
          const b = badge.get(v.key)!;
          const row = rows.get(v.key);
          if (b.state === 'breached' || b.state === 'at-risk') {
            expect(row, `popup row of ${v.key}`).toBeDefined();
            expect(row!.state).toBe(b.state);
            expect(row!.metric).toBe(b.metric);
          } else expect(row, `no popup row for ${v.key} (${b.state})`).toBeUndefined();
        }

        const alerts = await showDueAlerts(db, now, NOON, async () => undefined);
        const alerted = new Set(alerts.map((a) => `${a.key}|${a.metric}`));
        for (const v of views) {
          const r = read.get(v.key)!;
          // A ticket whose badge says at risk alerts for the clock it shows.
          if (r.state === 'at-risk') expect(alerted.has(`${v.key}|${r.metric}`), `alert for ${v.key}`).toBe(true);
          // And every clock that alerts reads at risk, or running with its breach within the lead time.
          for (const c of r.clocks) {
            const due = c.state.state === 'at-risk' || (c.state.state === 'ok' && c.state.dueAt - now <= LEAD_MIN * MIN);
            expect(alerted.has(`${v.key}|${c.clock.metric}`), `alert for ${v.key} ${c.clock.metric} (${c.state.state})`).toBe(due);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
