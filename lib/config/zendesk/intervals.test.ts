import { describe, expect, it } from 'vitest';
import { weekFromIntervals } from './intervals';
import { Problems } from './problems';

const at = { fileName: 'schedules.json', path: 'schedules[0].intervals' };

function convert(intervals: unknown) {
  const problems = new Problems();
  const week = weekFromIntervals(intervals, at, problems);
  return { week, errors: problems.errors.map((e) => `${e.path}: ${e.message}`) };
}

const iv = (start_time: number, end_time: number) => ({ start_time, end_time });

describe('weekFromIntervals', () => {
  it('counts minutes from Sunday 00:00: 1980–2460 is Monday 09:00–17:00', () => {
    expect(convert([iv(1980, 2460), iv(3420, 3900)])).toEqual({
      week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
      errors: [],
    });
  });

  it("cuts the docs' day-spanning example (1980 → 3900) at midnight", () => {
    // schedules.json-format.interval-example-1.json: described as Monday, really Monday 09:00 → Tuesday 17:00.
    expect(convert([iv(1980, 3900)]).week).toEqual({ mon: [['09:00', '24:00']], tue: [['00:00', '17:00']] });
  });

  it('writes an interval ending at midnight as "24:00" (interval-example-2: Tuesday 16:00 → 24:00)', () => {
    expect(convert([iv(3840, 4320)]).week).toEqual({ tue: [['16:00', '24:00']] });
  });

  it('ends Saturday at 10080 and starts Sunday at 0', () => {
    expect(convert([iv(0, 60), iv(9000, 10080)]).week).toEqual({ sat: [['06:00', '24:00']], sun: [['00:00', '01:00']] });
  });

  it('continues an interval past Saturday midnight on Sunday', () => {
    expect(convert([iv(9900, 10500)]).week).toEqual({ sat: [['21:00', '24:00']], sun: [['00:00', '07:00']] });
  });

  it('merges touching intervals and sorts each day', () => {
    expect(convert([iv(2160, 2460), iv(1980, 2160), iv(1500, 1560)]).week).toEqual({
      mon: [
        ['01:00', '02:00'],
        ['09:00', '17:00'],
      ],
    });
  });

  it('keeps a split shift split, Monday first', () => {
    expect(convert([iv(5100, 5280), iv(1980, 2160), iv(2220, 2460)]).week).toEqual({
      mon: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
      wed: [['13:00', '16:00']],
    });
  });

  it('reports overlapping intervals at the later one', () => {
    expect(convert([iv(1980, 2460), iv(2400, 2500)]).errors).toEqual(['schedules[0].intervals[1]: This interval overlaps schedules[0].intervals[0]; Zendesk intervals must not overlap.']);
  });

  it.each([
    [[iv(-1, 60)], 'schedules[0].intervals[0].start_time'],
    [[iv(10080, 10100)], 'schedules[0].intervals[0].start_time'],
    [[{ start_time: '540', end_time: 600 }], 'schedules[0].intervals[0].start_time'],
    [[iv(600, 600)], 'schedules[0].intervals[0].end_time'],
    [[iv(600, 500)], 'schedules[0].intervals[0].end_time'],
    [[iv(0, 60), 'x'], 'schedules[0].intervals[1]'],
    ['Mon-Fri', 'schedules[0].intervals'],
  ])('reports a bad interval list %j at %s', (intervals, path) => {
    const { week, errors } = convert(intervals);
    expect(week).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${path.replace(/[.[\]]/g, '\\$&')}: `));
  });

  it('gives an empty week for no intervals (the engine then refuses it)', () => {
    expect(convert([])).toEqual({ week: {}, errors: [] });
  });
});
