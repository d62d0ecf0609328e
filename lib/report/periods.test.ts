import { describe, expect, it } from 'vitest';
import { customPeriod, defaultPeriods, monthsUpTo, quartersUpTo } from './periods';

const iso = (ms: number) => new Date(ms).toISOString();

describe('report periods, cut in the agreement’s zone', () => {
  it('opens on the last complete month and the current one to date', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const [last, current] = defaultPeriods('Europe/Berlin', now);
    expect(last).toMatchObject({ id: '2026-11', label: 'November 2026', toDate: false });
    expect([iso(last!.start), iso(last!.end)]).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
    expect(current).toMatchObject({ id: '2026-12', toDate: true, start: last!.end });
  });

  it('a month ends at midnight in its zone: the same instant is November in Berlin and December in Sydney', () => {
    const instant = Date.parse('2026-11-30T15:00:00Z');
    const inBerlin = monthsUpTo('Europe/Berlin', instant, 1)[0]!;
    const inSydney = monthsUpTo('Australia/Sydney', instant, 1)[0]!;
    expect([inBerlin.id, inSydney.id]).toEqual(['2026-11', '2026-12']);
    expect(iso(inSydney.start)).toBe('2026-11-30T13:00:00.000Z');
  });

  it('months across a change of clocks are whole months of local days (October in Berlin has 25 hours more than 30 days)', () => {
    const months = monthsUpTo('Europe/Berlin', Date.parse('2026-11-15T12:00:00Z'), 3);
    expect(months.map((m) => m.id)).toEqual(['2026-09', '2026-10', '2026-11']);
    const october = months[1]!;
    expect((october.end - october.start) / 3_600_000).toBe(31 * 24 + 1);
    // Each month starts where the one before ends.
    expect(months[1]!.start).toBe(months[0]!.end);
    expect(months[2]!.start).toBe(months[1]!.end);
  });

  it('twelve months back cross the year, and in a zone whose spring is in October (Sydney) too', () => {
    const months = monthsUpTo('Australia/Sydney', Date.parse('2026-03-10T00:00:00Z'), 12);
    expect(months[0]!.id).toBe('2025-04');
    expect(months[11]!.id).toBe('2026-03');
    expect(months.every((m, i) => i === 0 || m.start === months[i - 1]!.end)).toBe(true);
    const october = months.find((m) => m.id === '2025-10')!;
    expect((october.end - october.start) / 3_600_000).toBe(31 * 24 - 1);
  });

  it('quarters, and a custom range of dates, both ends inclusive; a range that runs backwards or names no real date is refused', () => {
    const quarters = quartersUpTo('America/New_York', Date.parse('2026-12-03T10:00:00Z'), 2);
    expect(quarters.map((q) => [q.id, q.label])).toEqual([
      ['2026-Q3', 'Q3 2026'],
      ['2026-Q4', 'Q4 2026'],
    ]);
    expect(iso(quarters[1]!.start)).toBe('2026-10-01T04:00:00.000Z');
    const custom = customPeriod('Asia/Kolkata', '2026-11-03', '2026-11-20', Date.parse('2026-12-03T00:00:00Z'))!;
    expect([iso(custom.start), iso(custom.end), custom.toDate]).toEqual(['2026-11-02T18:30:00.000Z', '2026-11-20T18:30:00.000Z', false]);
    expect(customPeriod('UTC', '2026-11-20', '2026-11-03', 0)).toBeNull();
    expect(customPeriod('UTC', '2026-02-30', '2026-03-03', 0)).toBeNull();
  });
});
