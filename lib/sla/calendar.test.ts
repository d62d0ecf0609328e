import { describe, expect, it } from 'vitest';
import { businessTimeBetween, CalendarError, compileCalendar, type CalendarSpec } from './index';

const weekdays = { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } as CalendarSpec['week'];

function errorOf(spec: unknown): CalendarError {
  try {
    compileCalendar(spec as CalendarSpec);
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return e as CalendarError;
  }
  throw new Error('expected compileCalendar to refuse this calendar');
}

describe('compileCalendar refuses bad input with the path of the problem', () => {
  it.each([
    ['unknown zone', { timeZone: 'Mars/Olympus', week: weekdays }, 'timeZone', /not a known IANA time zone/],
    ['missing zone', { week: weekdays }, 'timeZone', /time zone is required/],
    ['zone of the wrong type', { timeZone: 3, week: weekdays }, 'timeZone', /not a known IANA/],
    [
      'malformed start',
      {
        timeZone: 'UTC',
        week: {
          tue: [
            ['09:00', '12:00'],
            ['9:30', '17:00'],
          ],
        },
      },
      'week.tue[1][0]',
      /"9:30" is not a time of day/,
    ],
    ['malformed end', { timeZone: 'UTC', week: { mon: [['09:00', '17:60']] } }, 'week.mon[0][1]', /"17:60"/],
    ['hour 25', { timeZone: 'UTC', week: { mon: [['25:00', '26:00']] } }, 'week.mon[0][0]', /not a time of day/],
    ['24:00 as a start', { timeZone: 'UTC', week: { mon: [['24:00', '06:00']] } }, 'week.mon[0][0]', /can only end an interval/],
    ['time as a number', { timeZone: 'UTC', week: { mon: [[900, '17:00']] } }, 'week.mon[0][0]', /expected a time of day/],
    ['empty interval', { timeZone: 'UTC', week: { wed: [['10:00', '10:00']] } }, 'week.wed[0]', /is empty/],
    ['interval of one value', { timeZone: 'UTC', week: { wed: [['10:00']] } }, 'week.wed[0]', /expected an interval/],
    ['day that is not a list', { timeZone: 'UTC', week: { wed: '09:00-17:00' } }, 'week.wed', /expected a list/],
    [
      'overlap in a day',
      {
        timeZone: 'UTC',
        week: {
          thu: [
            ['09:00', '13:00'],
            ['12:00', '17:00'],
          ],
        },
      },
      'week.thu[1]',
      /overlaps week.thu\[0\]/,
    ],
    [
      'duplicate interval',
      {
        timeZone: 'UTC',
        week: {
          thu: [
            ['09:00', '13:00'],
            ['09:00', '13:00'],
          ],
        },
      },
      'week.thu[1]',
      /overlaps/,
    ],
    ['overnight shift into the next day', { timeZone: 'UTC', week: { mon: [['22:00', '06:00']], tue: [['05:00', '12:00']] } }, 'week.tue[0]', /overlaps week.mon\[0\]/],
    ['sunday night into monday', { timeZone: 'UTC', week: { mon: [['01:00', '09:00']], sun: [['22:00', '02:00']] } }, 'week.mon[0]', /overnight shift week.sun\[0\]/],
    ['misspelt weekday', { timeZone: 'UTC', week: { mon: [['09:00', '17:00']], thur: [['09:00', '17:00']] } }, 'week.thur', /unknown field "thur"/],
    ['no open time at all', { timeZone: 'UTC', week: {} }, 'week', /never open/],
    ['only empty days', { timeZone: 'UTC', week: { mon: [], sat: [] } }, 'week', /never open/],
    ['week missing', { timeZone: 'UTC' }, 'week', /opening hours per weekday/],
    ['bad holiday date', { timeZone: 'UTC', week: weekdays, holidays: ['2026-12-25', '2026-02-30'] }, 'holidays[1]', /not a calendar date/],
    ['holiday in another format', { timeZone: 'UTC', week: weekdays, holidays: ['25/12/2026'] }, 'holidays[0]', /YYYY-MM-DD/],
    ['bad special date', { timeZone: 'UTC', week: weekdays, holidays: [{ date: '2026-13-01' }] }, 'holidays[0].date', /not a calendar date/],
    [
      'bad special hours',
      {
        timeZone: 'UTC',
        week: weekdays,
        holidays: [
          {
            date: '2026-12-24',
            hours: [
              ['09:00', '12:00'],
              ['11:00', '1300'],
            ],
          },
        ],
      },
      'holidays[0].hours[1][1]',
      /"1300"/,
    ],
    [
      'overlapping special hours',
      {
        timeZone: 'UTC',
        week: weekdays,
        holidays: [
          {
            date: '2026-12-24',
            hours: [
              ['09:00', '12:00'],
              ['11:00', '13:00'],
            ],
          },
        ],
      },
      'holidays[0].hours[1]',
      /overlaps holidays\[0\].hours\[0\]/,
    ],
    ['range ending before it starts', { timeZone: 'UTC', week: weekdays, holidays: [{ from: '2026-12-31', to: '2026-12-24' }] }, 'holidays[0].to', /ends .* before it starts/],
    ['range with a bad end', { timeZone: 'UTC', week: weekdays, holidays: [{ from: '2026-12-24', to: 'soon' }] }, 'holidays[0].to', /not a calendar date/],
    ['holiday with an unknown field', { timeZone: 'UTC', week: weekdays, holidays: [{ date: '2026-12-24', hour: [] }] }, 'holidays[0].hour', /unknown field/],
    [
      'date both closed and open',
      { timeZone: 'UTC', week: weekdays, holidays: ['2026-12-24', { date: '2026-12-24', hours: [['09:00', '12:00']] }] },
      'holidays[1]',
      /already listed at holidays\[0\] as closed/,
    ],
    [
      'date open, then closed',
      { timeZone: 'UTC', week: weekdays, holidays: [{ date: '2026-12-24', hours: [['09:00', '12:00']] }, '2026-12-24'] },
      'holidays[1]',
      /with opening hours; it cannot also be closed/,
    ],
    [
      'date with two different special hours',
      {
        timeZone: 'UTC',
        week: weekdays,
        holidays: [
          { date: '2026-12-24', hours: [['09:00', '12:00']] },
          { date: '2026-12-24', hours: [['09:00', '13:00']] },
        ],
      },
      'holidays[1]',
      /with other opening hours/,
    ],
    ['holidays not a list', { timeZone: 'UTC', week: weekdays, holidays: '2026-12-25' }, 'holidays', /expected a list/],
    ['unknown top-level field', { timeZone: 'UTC', week: weekdays, holiday: [] }, 'holiday', /unknown field/],
  ])('%s', (_name, spec, path, message) => {
    const error = errorOf(spec);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.detail).not.toContain(`${path}: `);
  });

  it.each([null, undefined, 42, 'always', []])('refuses %j as a calendar', (spec) => {
    expect(errorOf(spec).path).toBe('');
  });
});

describe('compileCalendar accepts', () => {
  it('the 24x7 calendar', () => {
    const cal = compileCalendar('24x7');
    expect(cal.always).toBe(true);
    expect(cal.weeklyOpenMs).toBe(7 * 24 * 3_600_000);
  });

  it('overnight shifts, 24:00 ends, breaks, and zone aliases', () => {
    const cal = compileCalendar({
      timeZone: 'Asia/Calcutta',
      week: {
        mon: [['00:00', '24:00']],
        tue: [['22:00', '06:00']],
        wed: [
          ['09:00', '12:00'],
          ['13:00', '17:00'],
        ],
      },
      holidays: ['2026-12-25', { date: '2026-12-24', hours: [['09:00', '12:00']], name: 'Christmas Eve' }, { from: '2026-12-28', to: '2026-12-31', name: 'Year end' }],
      id: 'india',
      name: 'India office',
    });
    expect(cal.timeZone).toMatch(/^Asia\/(Calcutta|Kolkata)$/);
    expect(cal.weeklyOpenMs).toBe((24 + 8 + 7) * 3_600_000);
  });

  it('a calendar open one minute a week', () => {
    expect(compileCalendar({ timeZone: 'Europe/Berlin', week: { wed: [['10:00', '10:01']] } }).weeklyOpenMs).toBe(60_000);
  });
});

describe('compileCalendar accepts a holiday repeated with the same meaning', () => {
  const hoursOn = (spec: CalendarSpec, day: number) => {
    return businessTimeBetween(compileCalendar(spec), Date.UTC(2026, 11, day), Date.UTC(2026, 11, day + 1));
  };
  it.each([
    ['a closed date twice', ['2026-12-24', '2026-12-24'], 0],
    ['a closed date as text and as an object', ['2026-12-24', { date: '2026-12-24', name: 'Christmas Eve' }], 0],
    [
      'the same special hours twice, written in another order',
      [
        {
          date: '2026-12-24',
          hours: [
            ['13:00', '14:00'],
            ['09:00', '10:00'],
          ],
        },
        {
          date: '2026-12-24',
          hours: [
            ['09:00', '10:00'],
            ['13:00', '14:00'],
          ],
        },
      ],
      2 * 3_600_000,
    ],
  ])('%s', (_name, holidays, ms) => {
    expect(hoursOn({ timeZone: 'UTC', week: { thu: [['09:00', '17:00']] }, holidays } as CalendarSpec, 24)).toBe(ms);
  });
});
