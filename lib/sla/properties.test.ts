import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, compileCalendar, dueAt, evaluateClock, isOpen, nextOpen, subtractBusinessTime, WEEKDAYS, type CalendarSpec, type Weekday } from './index';

const M = 60_000;
const H = 60 * M;
const DAY = 24 * H;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 0, 1);

// Zones whose transitions fall between 01:00 and 03:00 local, so schedules with boundaries at
// 00:00, 00:30 or from 04:00 on never place a boundary in a gap or an overlap (where the
// minute-by-minute oracle below and the "compatible" disambiguation would legitimately differ),
// while a window such as 00:00–06:00 still spans the transition.
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Sao_Paulo', 'Asia/Tokyo'];

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (halfHours: number) => `${pad(Math.floor(halfHours / 2))}:${halfHours % 2 ? '30' : '00'}`;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

// Transition dates of those zones, to aim windows at them.
const TRANSITIONS: Record<string, string[]> = {
  'Europe/Berlin': ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'],
  'America/New_York': ['2025-03-09', '2025-11-02', '2026-03-08', '2026-11-01', '2027-03-14', '2027-11-07'],
  'Australia/Sydney': ['2025-04-06', '2025-10-05', '2026-04-05', '2026-10-04', '2027-04-04', '2027-10-03'],
  'Pacific/Auckland': ['2025-04-06', '2025-09-28', '2026-04-05', '2026-09-27', '2027-04-04', '2027-09-26'],
};

/** A day's hours: sorted, disjoint intervals on half-hour boundaries 00:00, 00:30, 04:00 … 24:00. */
const dayHours = fc.uniqueArray(fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 8, max: 48 })), { maxLength: 6 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const hours: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) hours.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
  return hours;
});

const calendarSpec: fc.Arbitrary<CalendarSpec> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    closed: fc.uniqueArray(fc.integer({ min: FROM / DAY, max: TO / DAY - 1 }), { maxLength: 4 }),
    special: fc.option(fc.tuple(fc.integer({ min: FROM / DAY, max: TO / DAY - 1 }), dayHours)),
  })
  .filter(({ days }) => days.some((d) => d.length > 0))
  .map(({ timeZone, days, closed, special }) => {
    const week: Partial<Record<Weekday, Array<[string, string]>>> = {};
    WEEKDAYS.forEach((name, i) => {
      const day = days[i]!;
      if (day.length > 0) week[name] = day;
    });
    const holidays: CalendarSpec['holidays'] = closed.map(dateOf);
    if (special && !closed.includes(special[0])) holidays.push({ date: dateOf(special[0]), hours: special[1] });
    return { timeZone, week, holidays };
  });

const instant = fc.integer({ min: FROM, max: TO });
const minuteInstant = fc.integer({ min: FROM / M, max: TO / M }).map((m) => m * M);
const upTo40h = fc.integer({ min: 1, max: 40 * H });

/**
 * Open minutes in [from, to), found by reading the wall clock of every minute through Intl:
 * no offsets cache, no wall-clock → instant conversion, nothing shared with the engine.
 */
function oracleBetween(spec: CalendarSpec, from: number, to: number): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: spec.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  });
  const closed = new Map<string, Array<[string, string]>>();
  for (const h of spec.holidays ?? []) {
    if (typeof h === 'string') closed.set(h, []);
    else if ('date' in h) closed.set(h.date, h.hours ?? []);
  }
  let open = 0;
  for (let t = from; t < to; t += M) {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
    const date = `${p.year}-${p.month}-${p.day}`;
    const weekday = String(p.weekday).toLowerCase().slice(0, 3) as Weekday;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    const hours = closed.get(date) ?? spec.week[weekday] ?? [];
    const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
    if (hours.some(([s, e]) => minute >= toMin(s) && minute < toMin(e))) open += M;
  }
  return open;
}

describe('engine properties', () => {
  it('agrees minute by minute with a wall-clock oracle, across daylight-saving changes', () => {
    fc.assert(
      fc.property(calendarSpec, minuteInstant, fc.integer({ min: 0, max: 6 * 24 * 60 }), (spec, from, minutes) => {
        const to = from + minutes * M;
        expect(businessTimeBetween(compileCalendar(spec), from, to)).toBe(oracleBetween(spec, from, to));
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with the oracle on windows around each daylight-saving change', () => {
    const aimed = fc.record({
      spec: calendarSpec,
      zone: fc.constantFrom(...Object.keys(TRANSITIONS)),
      which: fc.integer({ min: 0, max: 5 }),
      before: fc.integer({ min: 0, max: 2 * 24 * 60 }),
      minutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
    });
    fc.assert(
      fc.property(aimed, ({ spec, zone, which, before, minutes }) => {
        const zoned = { ...spec, timeZone: zone };
        const from = Date.parse(`${TRANSITIONS[zone]![which]}T00:00Z`) - before * M;
        const to = from + minutes * M;
        const cal = compileCalendar(zoned);
        expect(businessTimeBetween(cal, from, to)).toBe(oracleBetween(zoned, from, to));
        const ms = oracleBetween(zoned, from, to);
        if (ms > 0) expect(businessTimeBetween(cal, from, addBusinessTime(cal, from, ms))).toBe(ms);
      }),
      { numRuns: 40 },
    );
  });

  it('adding then measuring back gives the target, and the due instant is the earliest such', () => {
    fc.assert(
      fc.property(calendarSpec, instant, upTo40h, (spec, from, ms) => {
        const cal = compileCalendar(spec);
        const due = addBusinessTime(cal, from, ms);
        expect(businessTimeBetween(cal, from, due)).toBe(ms);
        expect(businessTimeBetween(cal, from, due - 1)).toBeLessThan(ms);
      }),
      { numRuns: 300 },
    );
  });

  it('targets of up to a year measure back exactly too', () => {
    fc.assert(
      fc.property(calendarSpec, instant, fc.integer({ min: 1, max: 365 * DAY }), (spec, from, ms) => {
        const cal = compileCalendar(spec);
        const due = addBusinessTime(cal, from, ms);
        if (due !== Infinity) expect(businessTimeBetween(cal, from, due)).toBe(ms);
      }),
      { numRuns: 40 },
    );
  });

  it('subtracting gives the latest instant with that much open time before', () => {
    fc.assert(
      fc.property(calendarSpec, instant, upTo40h, (spec, from, ms) => {
        const cal = compileCalendar(spec);
        const back = subtractBusinessTime(cal, from, ms);
        expect(businessTimeBetween(cal, back, from)).toBe(ms);
        expect(businessTimeBetween(cal, back + 1, from)).toBeLessThan(ms);
      }),
      { numRuns: 300 },
    );
  });

  it('due instants are monotonic in the target', () => {
    fc.assert(
      fc.property(calendarSpec, instant, upTo40h, upTo40h, (spec, from, a, b) => {
        const cal = compileCalendar(spec);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addBusinessTime(cal, from, lo)).toBeLessThanOrEqual(addBusinessTime(cal, from, hi));
      }),
      { numRuns: 300 },
    );
  });

  it('open time is additive over adjacent ranges', () => {
    fc.assert(
      fc.property(calendarSpec, instant, instant, instant, (spec, x, y, z) => {
        const cal = compileCalendar(spec);
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c)).toBe(businessTimeBetween(cal, a, c));
      }),
      { numRuns: 100 },
    );
  });

  it('a pause outside open time changes nothing', () => {
    fc.assert(
      fc.property(calendarSpec, instant, upTo40h, fc.integer({ min: 0, max: 14 * DAY }), (spec, start, target, offset) => {
        const cal = compileCalendar(spec);
        const t = start + offset;
        fc.pre(!isOpen(cal, t));
        const pause = { from: t, to: nextOpen(cal, t) };
        fc.pre(pause.to !== Infinity);
        expect(dueAt(cal, start, target, [pause])).toBe(dueAt(cal, start, target));
        const now = pause.to + H;
        const paused = evaluateClock(cal, { start, targetMs: target, pauses: [pause] }, now);
        expect(paused).toEqual(evaluateClock(cal, { start, targetMs: target }, now));
      }),
      { numRuns: 200 },
    );
  });

  it('a pause inside open time before the due instant delays it by exactly its open time', () => {
    fc.assert(
      fc.property(calendarSpec, instant, upTo40h, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 8 * H }), (spec, start, target, where, length) => {
        const cal = compileCalendar(spec);
        const due = dueAt(cal, start, target);
        const from = Math.floor(start + (due - start) * where);
        fc.pre(from < due);
        const pause = { from, to: from + length };
        const delayed = dueAt(cal, start, target, [pause]);
        const pausedOpen = businessTimeBetween(cal, pause.from, pause.to);
        expect(businessTimeBetween(cal, start, delayed)).toBe(target + pausedOpen);
      }),
      { numRuns: 200 },
    );
  });

  it('24x7 is wall-clock time, and so is a week open around the clock in a daylight-saving zone', () => {
    const always = compileCalendar('24x7');
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instant, fc.integer({ min: 0, max: 400 * DAY }), (timeZone, from, ms) => {
        const allDay: Array<[string, string]> = [['00:00', '24:00']];
        const roundTheClock = compileCalendar({ timeZone, week: Object.fromEntries(WEEKDAYS.map((d) => [d, allDay])) });
        for (const cal of [always, roundTheClock]) {
          expect(addBusinessTime(cal, from, ms)).toBe(from + ms);
          expect(subtractBusinessTime(cal, from, ms)).toBe(from - ms);
          expect(businessTimeBetween(cal, from, from + ms)).toBe(ms);
        }
      }),
      { numRuns: 100 },
    );
  });
});
