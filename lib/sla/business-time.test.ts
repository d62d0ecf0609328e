import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, compileCalendar, dueAt, HORIZON_END, isOpen, nextOpen, subtractBusinessTime, type CalendarSpec } from './index';

const H = 3_600_000;
const M = 60_000;
const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const nineToFive = (timeZone: string, extra: Partial<CalendarSpec> = {}) =>
  compileCalendar({
    timeZone,
    week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
    ...extra,
  });

describe('closing-time convention', () => {
  const cal = nineToFive('UTC');
  it('a target completing at a closing time is due at that closing, not the next opening', () => {
    // Mon 2026-11-23 09:00 + 8h
    expect(iso(addBusinessTime(cal, at('2026-11-23T09:00Z'), 8 * H))).toBe('2026-11-23T17:00:00.000Z');
    expect(iso(addBusinessTime(cal, at('2026-11-23T13:00Z'), 4 * H))).toBe('2026-11-23T17:00:00.000Z');
    // Friday's closing, not Monday's opening.
    expect(iso(addBusinessTime(cal, at('2026-11-27T16:00Z'), 1 * H))).toBe('2026-11-27T17:00:00.000Z');
    expect(iso(addBusinessTime(cal, at('2026-11-27T16:00Z'), 1 * H + 1))).toBe('2026-11-30T09:00:00.001Z');
  });
  it('counting back to an opening gives that opening', () => {
    expect(iso(subtractBusinessTime(cal, at('2026-11-24T17:00Z'), 8 * H))).toBe('2026-11-24T09:00:00.000Z');
    expect(iso(subtractBusinessTime(cal, at('2026-11-30T10:00Z'), 1 * H))).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(subtractBusinessTime(cal, at('2026-11-30T10:00Z'), 1 * H + 1))).toBe('2026-11-27T16:59:59.999Z');
  });
  it('zero is the instant itself, and negative amounts go the other way', () => {
    expect(addBusinessTime(cal, at('2026-11-28T12:00Z'), 0)).toBe(at('2026-11-28T12:00Z'));
    expect(iso(addBusinessTime(cal, at('2026-11-30T10:00Z'), -H))).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(subtractBusinessTime(cal, at('2026-11-27T16:00Z'), -H))).toBe('2026-11-27T17:00:00.000Z');
  });
  it('intervals are half-open: closed at the closing instant', () => {
    expect(isOpen(cal, at('2026-11-23T09:00Z'))).toBe(true);
    expect(isOpen(cal, at('2026-11-23T17:00Z'))).toBe(false);
    expect(iso(nextOpen(cal, at('2026-11-23T17:00Z')))).toBe('2026-11-24T09:00:00.000Z');
  });
});

describe('24:00 and overnight shifts', () => {
  it('"24:00" ends the day and meets the next day without a gap', () => {
    const cal = compileCalendar({ timeZone: 'UTC', week: { mon: [['16:00', '24:00']], tue: [['00:00', '02:00']] } });
    expect(businessTimeBetween(cal, at('2026-11-23T00:00Z'), at('2026-11-25T00:00Z'))).toBe(10 * H);
    expect(iso(addBusinessTime(cal, at('2026-11-23T23:00Z'), 2 * H))).toBe('2026-11-24T01:00:00.000Z');
    expect(isOpen(cal, at('2026-11-24T00:00Z'))).toBe(true);
  });
  it('an overnight shift belongs to the day it starts', () => {
    // Friday's shift runs into Saturday morning; Saturday itself is closed.
    const cal = compileCalendar({ timeZone: 'Europe/London', week: { fri: [['22:00', '06:00']] } });
    expect(businessTimeBetween(cal, at('2026-11-27T00:00Z'), at('2026-11-30T00:00Z'))).toBe(8 * H);
    expect(isOpen(cal, at('2026-11-28T05:59Z'))).toBe(true);
    expect(iso(addBusinessTime(cal, at('2026-11-27T12:00Z'), 8 * H))).toBe('2026-11-28T06:00:00.000Z');
  });
  it('a holiday closes the shifts starting that day, not the one running into it', () => {
    const cal = compileCalendar({ timeZone: 'UTC', week: { mon: [['22:00', '06:00']], tue: [['22:00', '06:00']] }, holidays: ['2026-11-24'] });
    expect(businessTimeBetween(cal, at('2026-11-23T00:00Z'), at('2026-11-26T00:00Z'))).toBe(8 * H);
  });
});

describe('holidays', () => {
  const cal = nineToFive('Europe/Berlin', {
    holidays: ['2026-12-25', { date: '2026-12-24', hours: [['09:00', '12:00']] }, { from: '2026-12-28', to: '2026-12-31' }],
  });
  it('closed dates, special hours and inclusive ranges', () => {
    // Mon 21 (8h) Tue 22 (8h) Wed 23 (8h) Thu 24 (3h) Fri 25 (0) … Mon 28 – Thu 31 (0) Fri Jan 1 (8h)
    expect(businessTimeBetween(cal, at('2026-12-21T00:00+01:00'), at('2027-01-02T00:00+01:00'))).toBe(35 * H);
    expect(iso(addBusinessTime(cal, at('2026-12-24T11:00+01:00'), 2 * H))).toBe(iso(at('2027-01-01T10:00+01:00')));
    expect(iso(nextOpen(cal, at('2026-12-24T12:00+01:00')))).toBe(iso(at('2027-01-01T09:00+01:00')));
  });
  it('special hours may open a day that is normally closed', () => {
    const sat = nineToFive('UTC', { holidays: [{ date: '2026-11-28', hours: [['10:00', '14:00']] }] });
    expect(businessTimeBetween(sat, at('2026-11-28T00:00Z'), at('2026-11-29T00:00Z'))).toBe(4 * H);
  });
});

describe('daylight saving through the calendar zone', () => {
  it('a 01:00–03:00 window is one hour on a spring-forward night and three on a fall-back night', () => {
    const cal = compileCalendar({ timeZone: 'America/New_York', week: { sun: [['01:00', '03:00']] } });
    expect(businessTimeBetween(cal, at('2026-03-08T00:00-05:00'), at('2026-03-09T00:00-04:00'))).toBe(1 * H);
    expect(businessTimeBetween(cal, at('2026-11-01T00:00-04:00'), at('2026-11-02T00:00-05:00'))).toBe(3 * H);
    expect(businessTimeBetween(cal, at('2026-03-15T00:00-04:00'), at('2026-03-16T00:00-04:00'))).toBe(2 * H);
  });
  it('a boundary inside the gap moves forward by the gap; a repeated one takes its first occurrence', () => {
    const gap = compileCalendar({ timeZone: 'America/New_York', week: { sun: [['02:30', '05:00']] } });
    expect(iso(nextOpen(gap, at('2026-03-08T00:00-05:00')))).toBe(iso(at('2026-03-08T03:30-04:00')));
    const overlap = compileCalendar({ timeZone: 'America/New_York', week: { sun: [['01:30', '05:00']] } });
    expect(iso(nextOpen(overlap, at('2026-11-01T00:00-04:00')))).toBe(iso(at('2026-11-01T01:30-04:00')));
  });
  it('opening hours stay on the wall clock across a transition', () => {
    const cal = nineToFive('Europe/Berlin');
    // Fri 2026-03-27 16:00 CET + 2h = Mon 30 10:00 CEST (clocks went forward on Sunday 29).
    expect(iso(addBusinessTime(cal, at('2026-03-27T16:00+01:00'), 2 * H))).toBe(iso(at('2026-03-30T10:00+02:00')));
  });
  it('Lord Howe moves its clocks by half an hour', () => {
    const cal = compileCalendar({ timeZone: 'Australia/Lord_Howe', week: { sun: [['01:00', '03:00']] } });
    // 2026-04-05: clocks go back from 02:00 to 01:30.
    expect(businessTimeBetween(cal, at('2026-04-04T12:00Z'), at('2026-04-05T12:00Z'))).toBe(2.5 * H);
  });
  it('Samoa skipped 30 December 2011 altogether', () => {
    const cal = compileCalendar({ timeZone: 'Pacific/Apia', week: { thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [['09:00', '17:00']] } });
    // Thu 29 and Sat 31 exist, Fri 30 does not: its hours fold onto the next day, which is already open.
    expect(businessTimeBetween(cal, at('2011-12-29T00:00-10:00'), at('2012-01-01T00:00+14:00'))).toBe(16 * H);
  });
});

describe('pauses', () => {
  const cal = nineToFive('UTC');
  it('only their overlap with open time stops the clock', () => {
    const start = at('2026-11-23T09:00Z');
    expect(iso(dueAt(cal, start, 8 * H, [{ from: at('2026-11-23T18:00Z'), to: at('2026-11-24T08:00Z') }]))).toBe('2026-11-23T17:00:00.000Z');
    expect(iso(dueAt(cal, start, 8 * H, [{ from: at('2026-11-23T16:00Z'), to: at('2026-11-24T10:00Z') }]))).toBe('2026-11-24T11:00:00.000Z');
  });
  it('overlapping and unsorted pauses count once', () => {
    const start = at('2026-11-23T09:00Z');
    const pauses = [
      { from: at('2026-11-23T12:00Z'), to: at('2026-11-23T14:00Z') },
      { from: at('2026-11-23T10:00Z'), to: at('2026-11-23T13:00Z') },
    ];
    expect(iso(dueAt(cal, start, 4 * H, pauses))).toBe('2026-11-23T17:00:00.000Z');
  });
  it('a target reached exactly when a pause begins is due then', () => {
    const start = at('2026-11-23T09:00Z');
    expect(iso(dueAt(cal, start, 2 * H, [{ from: at('2026-11-23T11:00Z'), to: at('2026-11-23T15:00Z') }]))).toBe('2026-11-23T11:00:00.000Z');
  });
});

describe('odd input never hangs', () => {
  it('a year-long target on a calendar open one minute a week answers at once (never, within the horizon)', () => {
    const cal = compileCalendar({ timeZone: 'Europe/Berlin', week: { wed: [['10:00', '10:01']] } });
    const due = addBusinessTime(cal, at('2026-11-26T00:00Z'), 365 * 24 * H);
    expect(due).toBe(Infinity);
    expect(subtractBusinessTime(cal, at('2026-11-26T00:00Z'), 365 * 24 * H)).toBe(-Infinity);
    // 40 business hours at one minute a week is 2400 weeks: still inside the horizon, and exact.
    const forty = addBusinessTime(cal, at('2026-11-26T00:00Z'), 40 * H);
    expect(businessTimeBetween(cal, at('2026-11-26T00:00Z'), forty)).toBe(40 * H);
    expect(new Date(forty).getUTCDay()).toBe(3);
  });
  it('a year-long target on a business calendar is exact', () => {
    const cal = nineToFive('America/New_York', { holidays: [{ from: '2027-07-01', to: '2027-07-31' }] });
    const start = at('2026-11-26T15:00Z');
    const due = addBusinessTime(cal, start, 365 * 24 * H);
    expect(businessTimeBetween(cal, start, due)).toBe(365 * 24 * H);
    expect(due).toBeLessThan(HORIZON_END);
  });
  it('a calendar closed forever by a holiday range reports never', () => {
    const cal = nineToFive('UTC', { holidays: [{ from: '2026-01-01', to: '2299-12-31' }] });
    expect(addBusinessTime(cal, at('2026-11-26T00:00Z'), H)).toBe(Infinity);
    expect(nextOpen(cal, at('2026-11-26T00:00Z'))).toBe(Infinity);
  });
  it('NaN and infinite inputs come back as such', () => {
    const cal = nineToFive('UTC');
    expect(addBusinessTime(cal, NaN, H)).toBeNaN();
    expect(addBusinessTime(cal, 0, NaN)).toBeNaN();
    expect(addBusinessTime(cal, at('2026-11-26T00:00Z'), Infinity)).toBe(Infinity);
    expect(businessTimeBetween(cal, NaN, 0)).toBe(0);
    expect(businessTimeBetween(cal, at('2026-11-26T00:00Z'), Infinity)).toBeGreaterThan(0);
    expect(businessTimeBetween(cal, at('2026-11-27T00:00Z'), at('2026-11-26T00:00Z'))).toBe(0);
  });
});

describe('24x7', () => {
  const cal = compileCalendar('24x7');
  it('is wall-clock time', () => {
    expect(addBusinessTime(cal, 1000, 5 * M)).toBe(1000 + 5 * M);
    expect(subtractBusinessTime(cal, 1000, 5 * M)).toBe(1000 - 5 * M);
    expect(businessTimeBetween(cal, 1000, 9000)).toBe(8000);
    expect(nextOpen(cal, 1234)).toBe(1234);
  });
});
