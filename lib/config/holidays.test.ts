import { describe, expect, it } from 'vitest';
import type { HolidaySpec } from '../sla/index';
import { BERLIN_WEEKDAYS, errorsOf, expectOk } from './test-helpers';
import { validateConfig } from './validate';

const withHolidays = (holidays: HolidaySpec[]) => ({ version: 1, calendars: [{ ...BERLIN_WEEKDAYS, holidays }], policies: [] });
const warningsOf = (holidays: HolidaySpec[]) => expectOk(validateConfig(withHolidays(holidays))).warnings.map((w) => [w.path, w.message]);

describe('holidays listed more than once (two countries’ lists merged)', () => {
  it('accepts a date listed twice, with a warning naming both places', () => {
    expect(warningsOf(['2026-12-25', '2026-01-01', { date: '2026-12-25', name: 'Christmas' }])).toEqual([
      ['calendars[0].holidays[2]', '2026-12-25 is already listed at calendars[0].holidays[0]; listing it twice changes nothing.'],
    ]);
  });

  it('accepts the same special hours twice', () => {
    const half = { date: '2026-12-24', hours: [['09:00', '12:00']] } as HolidaySpec;
    expect(warningsOf([half, half])).toEqual([['calendars[0].holidays[1]', '2026-12-24 is already listed at calendars[0].holidays[0]; listing it twice changes nothing.']]);
  });

  it('accepts a closed date inside a closed range, before or after it', () => {
    expect(warningsOf(['2026-12-28', { from: '2026-12-24', to: '2026-12-31' }, { date: '2026-12-31', name: 'New Year’s Eve' }])).toEqual([
      ['calendars[0].holidays[0]', '2026-12-28 is inside the closed range 2026-12-24 to 2026-12-31 at calendars[0].holidays[1]; listing it again changes nothing.'],
      ['calendars[0].holidays[2]', '2026-12-31 is inside the closed range 2026-12-24 to 2026-12-31 at calendars[0].holidays[1]; listing it again changes nothing.'],
    ]);
  });

  it('accepts overlapping closed ranges', () => {
    expect(
      warningsOf([
        { from: '2026-12-27', to: '2027-01-02' },
        { from: '2026-12-24', to: '2026-12-28' },
        { from: '2027-03-01', to: '2027-03-02' },
      ]),
    ).toEqual([['calendars[0].holidays[1]', 'This range overlaps the closed range 2026-12-27 to 2027-01-02 at calendars[0].holidays[0]; the days in both are simply closed.']]);
  });

  it('finds a date inside a range that an earlier, longer range covers', () => {
    const ranges: HolidaySpec[] = [
      { from: '2026-07-01', to: '2026-08-31' },
      { from: '2026-07-10', to: '2026-07-11' },
    ];
    expect(warningsOf([...ranges, '2026-08-15']).map(([path]) => path)).toEqual(['calendars[0].holidays[1]', 'calendars[0].holidays[2]']);
  });

  it('refuses special hours on a day a closed range closes', () => {
    const errors = errorsOf(
      validateConfig(
        withHolidays([
          { from: '2026-12-24', to: '2026-12-26' },
          { date: '2026-12-24', hours: [['09:00', '12:00']] },
        ]),
      ),
    );
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['calendars[0].holidays[1]', '2026-12-24 is open 09:00–12:00 here, but the closed range 2026-12-24 to 2026-12-26 at calendars[0].holidays[0] closes it; keep one of the two.'],
    ]);
  });

  it.each([
    ['closed, then special hours', ['2026-12-24', { date: '2026-12-24', hours: [['09:00', '12:00']] }]],
    [
      'two different special hours',
      [
        { date: '2026-12-24', hours: [['09:00', '12:00']] },
        { date: '2026-12-24', hours: [['10:00', '12:00']] },
      ],
    ],
  ] as Array<[string, HolidaySpec[]]>)('refuses one date listed with conflicting hours: %s', (_name, holidays) => {
    const [error] = errorsOf(validateConfig(withHolidays(holidays)));
    expect(error).toMatchObject({ path: 'calendars[0].holidays[1]', message: expect.stringMatching(/^This date is already listed at holidays\[0\] .*; keep one of the two\.$/) as unknown });
  });
});
