import { describe, expect, it } from 'vitest';
import { BERLIN_WEEKDAYS, errorsOf, expectOk } from './test-helpers';
import { validateConfig } from './validate';

const policy = (extra: object = {}) => ({ id: 'p', calendar: 'emea', targets: { High: { resolution: '8h' } }, ...extra });
const doc = (extra: object = {}) => ({ version: 1, calendars: [BERLIN_WEEKDAYS], policies: [policy()], ...extra });
const withPolicy = (extra: object) => doc({ policies: [policy(extra)] });
const withCalendar = (extra: object) => doc({ calendars: [{ ...BERLIN_WEEKDAYS, ...extra }] });
const weekWith = (days: object) => withCalendar({ week: { ...BERLIN_WEEKDAYS.week, ...days } });

/** [what, document, path, message (exact, or a pattern)] */
const BAD: Array<[string, unknown, string, string | RegExp]> = [
  // shape
  ['unknown top-level field, with a suggestion', doc({ calender: [] }), 'calender', 'Unknown field "calender" — did you mean "calendars"?'],
  ['unknown policy field, with a suggestion', withPolicy({ calender: 'emea' }), 'policies[0].calender', 'Unknown field "calender" — did you mean "calendar"?'],
  [
    'unknown field without a close match lists the allowed ones',
    withPolicy({ colour: 'red' }),
    'policies[0].colour',
    /^Unknown field "colour"; the fields allowed here are id, name, description, extends, match, calendar, targets, pauseOn, warnAt, effective\.$/,
  ],
  ['unknown match key', withPolicy({ match: { projects: 'SUP' } }), 'policies[0].match.projects', 'Unknown field "projects" — did you mean "project"?'],
  ['unknown label-set key', withPolicy({ match: { labels: { anyof: ['x'] } } }), 'policies[0].match.labels.anyof', /^Unknown field "anyof"/],
  ['unknown target metric', withPolicy({ targets: { High: { resolutoin: '8h' } } }), 'policies[0].targets.High.resolutoin', 'Unknown field "resolutoin" — did you mean "resolution"?'],
  [
    'unknown holiday field picks the matching holiday form',
    withCalendar({ holidays: [{ date: '2026-12-24', hourz: [] }] }),
    'calendars[0].holidays[0].hourz',
    'Unknown field "hourz" — did you mean "hours"?',
  ],
  ['missing required field', doc({ policies: [{ calendar: 'emea' }] }), 'policies[0].id', 'Missing required field "id".'],
  ['missing time zone', withCalendar({ timeZone: undefined }), 'calendars[0].timeZone', 'Missing required field "timeZone".'],
  ['missing policies', { version: 1 }, 'policies', 'Missing required field "policies".'],
  ['wrong type', doc({ policies: 'all' }), 'policies', '"policies" must be a list; found the text "all".'],
  ['wrong type in a list', withPolicy({ pauseOn: ['pending', 7] }), 'policies[0].pauseOn[1]', 'Entry 2 of this list must be text; found the number 7.'],
  ['duration of the wrong type', withPolicy({ targets: { High: { resolution: true } } }), 'policies[0].targets.High.resolution', '"resolution" must be text or a number; found true.'],
  [
    'invalid enum lists the allowed values',
    withPolicy({ match: { source: 'jra' } }),
    'policies[0].match.source',
    '"source" must be one of "jira" or "zendesk"; found the text "jra" — did you mean "jira"?',
  ],
  ['empty any-of list', withPolicy({ match: { project: [] } }), 'policies[0].match.project', '"project" must list at least one value.'],
  ['empty label any', withPolicy({ match: { labels: { any: [] } } }), 'policies[0].match.labels.any', '"any" must list at least one value.'],
  ['field value of the wrong type', withPolicy({ match: { field: { tier: { gold: true } } } }), 'policies[0].match.field.tier', '"tier" must be text, a number or true or false; found an object.'],
  ['field names with spaces are quoted in paths', withPolicy({ match: { field: { 'Customer tier': [] } } }), 'policies[0].match.field["Customer tier"]', /found a list/],
  ['bad id', withPolicy({ id: 'my policy' }), 'policies[0].id', 'A policy id may contain only letters, digits, "-", "_" and ".", and must start with a letter or digit.'],
  // durations and thresholds (messages from lib/sla)
  [
    'duration in days',
    withPolicy({ targets: { High: { resolution: '2d' } } }),
    'policies[0].targets.High.resolution',
    'Duration "2d": days and weeks are ambiguous in business calendars; write hours, such as "24h" or "8h".',
  ],
  ['ISO duration in days', withPolicy({ targets: { '*': { firstResponse: 'P1D' } } }), 'policies[0].targets.*.firstResponse', /days and weeks are ambiguous/],
  ['not a duration', withPolicy({ targets: { High: { resolution: 'soon' } } }), 'policies[0].targets.High.resolution', '"soon" is not a duration; write "45m", "4h", "1h30m" or "PT4H30M".'],
  ['negative minutes', withPolicy({ targets: { High: { resolution: -5 } } }), 'policies[0].targets.High.resolution', '-5 is not a duration; a number means minutes and must be 0 or more.'],
  ['warnAt above 100%', withPolicy({ warnAt: '120%' }), 'policies[0].warnAt', 'Warning threshold "120%": a warning share must be above 0% and at most 100%.'],
  ['warnAt nonsense', withPolicy({ warnAt: 'early' }), 'policies[0].warnAt', /^"early" is not a warning threshold; write a share such as "75%" or a time left such as "1h"/],
  // calendars (messages from compileCalendar, re-rooted)
  [
    'time out of range',
    weekWith({
      tue: [
        ['09:00', '12:00'],
        ['25:00', '26:00'],
      ],
    }),
    'calendars[0].week.tue[1][0]',
    '"25:00" is not a time of day; write "HH:MM" from "00:00" to "24:00".',
  ],
  [
    'overlapping intervals',
    weekWith({
      wed: [
        ['09:00', '12:00'],
        ['11:00', '14:00'],
      ],
    }),
    'calendars[0].week.wed[1]',
    'This interval overlaps week.wed[0].',
  ],
  ['empty interval', weekWith({ thu: [['09:00', '09:00']] }), 'calendars[0].week.thu[0]', 'The interval ["09:00", "09:00"] is empty.'],
  ['unknown time zone', withCalendar({ timeZone: 'Europe/Atlantis' }), 'calendars[0].timeZone', '"Europe/Atlantis" is not a known IANA time zone, such as "Europe/Berlin" or "America/New_York".'],
  ['never open', withCalendar({ week: {} }), 'calendars[0].week', 'The calendar is never open; give at least one weekday its opening hours.'],
  ['unknown weekday', withCalendar({ week: { monday: [['09:00', '17:00']] } }), 'calendars[0].week.monday', 'Unknown field "monday" — did you mean "mon"?'],
  ['holiday date that does not exist', withCalendar({ holidays: ['2026-02-30'] }), 'calendars[0].holidays[0]', '"2026-02-30" is not a calendar date; write "YYYY-MM-DD".'],
  ['holiday range backwards', withCalendar({ holidays: [{ from: '2026-12-31', to: '2026-12-24' }] }), 'calendars[0].holidays[0].to', 'The range ends (2026-12-24) before it starts (2026-12-31).'],
  [
    'a date both closed and open',
    withCalendar({ holidays: ['2026-12-25', { date: '2026-12-25', hours: [['09:00', '12:00']] }] }),
    'calendars[0].holidays[1]',
    'This date is already listed at holidays[0] as closed; it cannot also be open; keep one of the two.',
  ],
  // whole-document rules
  [
    'duplicate calendar id',
    doc({ calendars: [BERLIN_WEEKDAYS, { ...BERLIN_WEEKDAYS, timeZone: 'Europe/Paris' }] }),
    'calendars[1].id',
    'Calendar id "emea" is already used by calendars[0]; ids must be unique.',
  ],
  [
    'calendar id 24x7 is reserved',
    doc({ calendars: [{ ...BERLIN_WEEKDAYS, id: '24x7' }], policies: [policy({ calendar: '24x7' })] }),
    'calendars[0].id',
    /^"24x7" is the built-in always-open calendar/,
  ],
  ['duplicate policy id', doc({ policies: [policy(), policy({ calendar: '24x7' })] }), 'policies[1].id', 'Policy id "p" is already used by policies[0]; ids must be unique.'],
  ['undefined calendar, with a suggestion', withPolicy({ calendar: 'emae' }), 'policies[0].calendar', 'Calendar "emae" is not defined; use one of "emea" or "24x7". Did you mean "emea"?'],
  ['undefined calendar', withPolicy({ calendar: 'apac' }), 'policies[0].calendar', 'Calendar "apac" is not defined; use one of "emea" or "24x7".'],
  ['targets but no calendar', withPolicy({ calendar: undefined }), 'policies[0].calendar', 'Policy "p" has targets but no calendar; add "calendar" with a calendar id or "24x7".'],
  ['unknown parent', withPolicy({ extends: 'enterprize' }), 'policies[0].extends', 'Policy "p" extends "enterprize", which is not defined in this file.'],
  [
    'priority listed twice in different case',
    withPolicy({ targets: { High: { resolution: '8h' }, HIGH: { resolution: '4h' } } }),
    'policies[0].targets.HIGH',
    'Priority "HIGH" is listed twice (also as "High"); priority names compare case-insensitively.',
  ],
  ['effective period backwards', withPolicy({ effective: { from: '2026-12-31', to: '2026-01-01' } }), 'policies[0].effective.to', 'The period ends (2026-01-01) before it starts (2026-12-31).'],
  [
    'effective date that does not exist',
    withPolicy({ effective: { from: '2026-13-01' } }),
    'policies[0].effective.from',
    '"2026-13-01" is not a calendar date; write "YYYY-MM-DD", such as "2026-01-31".',
  ],
  ['unknown effective field', withPolicy({ effective: { until: '2026-12-31' } }), 'policies[0].effective.until', /^Unknown field "until"/],
  // versions
  ['no version', { policies: [] }, 'version', 'This file has no "version"; add "version": 1 at the top.'],
  ['newer version', { version: 3, policies: [] }, 'version', 'This file is version 3; this SLA Lens understands up to version 1. Update the extension.'],
  ['version as text', { version: '1', policies: [] }, 'version', '"version" must be a whole number such as 1; found "1".'],
  ['not an object', ['policies'], '', 'An SLA configuration must be an object with "version" and "policies" at the top.'],
];

describe('validateConfig: a table of bad documents', () => {
  it.each(BAD)('%s', (_what, document, path, message) => {
    const errors = errorsOf(validateConfig(document));
    const at = errors.filter((e) => e.path === path);
    expect(at, `problems: ${JSON.stringify(errors)}`).toHaveLength(1);
    if (typeof message === 'string') expect(at[0]!.message).toBe(message);
    else expect(at[0]!.message).toMatch(message);
    expect(at[0]!.severity).toBe('error');
    expect(at[0]!.line).toBeUndefined();
  });

  it('the good base document of the table is valid', () => {
    expect(expectOk(validateConfig(doc())).warnings).toEqual([]);
  });

  it('collects every shape error at once, in document order', () => {
    const errors = errorsOf(validateConfig(doc({ policies: [policy({ calender: 'x' }), policy({ id: 'q', warnAt: '0%' })] })));
    expect(errors.map((e) => e.path)).toEqual(['policies[0].calender', 'policies[1].warnAt']);
  });

  it('reports problems of different calendars side by side', () => {
    const errors = errorsOf(
      validateConfig(
        doc({
          calendars: [
            { ...BERLIN_WEEKDAYS, timeZone: 'Nowhere' },
            { ...BERLIN_WEEKDAYS, id: 'b', week: {} },
          ],
        }),
      ),
    );
    expect(errors.map((e) => e.path)).toEqual(['calendars[0].timeZone', 'calendars[1].week']);
  });
});

describe('validateConfig: accepted forms', () => {
  it.each([
    ['durations', { targets: { High: { firstResponse: '45m', resolution: '1h30m' }, Low: { firstResponse: 'PT4H30M', resolution: 600 } } }],
    ['warnAt as a share', { warnAt: '50%' }],
    ['warnAt as time left', { warnAt: '1h' }],
    [
      'match with every key',
      {
        match: {
          source: 'jira',
          site: '*.atlassian.net',
          project: ['SUP'],
          issueType: 'Bug',
          requestType: 'Get help',
          priority: ['High'],
          status: 'Open',
          group: 'L2',
          organization: 'Acme',
          assignee: 'kim',
          labels: { any: ['a'], all: ['b'], none: [] },
          tags: { none: ['c'] },
          field: { tier: 'gold', seats: 10, vip: true },
        },
      },
    ],
    ['24x7 calendar', { calendar: '24x7' }],
    ['an open-ended period', { effective: { from: '2026-01-01' } }],
  ])('%s', (_what, extra) => {
    expect(expectOk(validateConfig(withPolicy(extra))).warnings).toEqual([]);
  });

  it('keeps the document as written and gives resolved values', () => {
    const result = expectOk(validateConfig(withPolicy({ pauseOn: ['Waiting for Customer'], targets: { High: { resolution: '1h30m' } } })));
    expect(result.document.policies[0]!.targets).toEqual({ High: { resolution: '1h30m' } });
    expect(result.config.policies[0]).toMatchObject({
      id: 'p',
      name: 'p',
      index: 0,
      calendarId: 'emea',
      targets: { high: { label: 'High', resolutionMs: 5_400_000 } },
      pauseOn: ['waiting for customer'],
      warnAt: { fraction: 0.75 },
    });
    expect(result.config.calendars.emea?.timeZone).toBe('Europe/Berlin');
  });
});
