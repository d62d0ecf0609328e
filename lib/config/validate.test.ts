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
    /^Unknown field "colour"; the fields allowed here are id, name, description, extends, match, calendar, targets, pauseOn, internalNotesCount, warnAt, aging, effective, objective, credits, creditCap, fee\.$/,
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
  // objectives and service credits
  ['objective without a % sign', withPolicy({ objective: '95' }), 'policies[0].objective', '"95" is not a percentage; write it with a % sign, such as "95%".'],
  ['objective as a number (YAML `objective: 95`)', withPolicy({ objective: 95 }), 'policies[0].objective', '95 is not a percentage; write it with a % sign, such as "95%".'],
  ['objective as a share', withPolicy({ objective: 0.95 }), 'policies[0].objective', '0.95 is not a percentage; write it with a % sign, such as "95%".'],
  ['objective of the wrong type', withPolicy({ objective: true }), 'policies[0].objective', '"objective" must be text; found true.'],
  ['objective that is not a number', withPolicy({ objective: 'high' }), 'policies[0].objective', '"high" is not a percentage; write a number from 0 to 100 followed by %, such as "95%".'],
  ['objective with a space before %', withPolicy({ objective: '95 %' }), 'policies[0].objective', '"95 %" is not a percentage; write a number from 0 to 100 followed by %, such as "95%".'],
  ['objective above 100%', withPolicy({ objective: '120%' }), 'policies[0].objective', '"120%" is out of range; an objective is from 0% to 100%.'],
  ['objective below 0%', withPolicy({ objective: '-5%' }), 'policies[0].objective', '"-5%" is out of range; an objective is from 0% to 100%.'],
  ['objective with 3 decimals', withPolicy({ objective: '99.999%' }), 'policies[0].objective', '"99.999%" has more than 2 decimals; write at most 2, such as "99.95%".'],
  ['no credit tiers', withPolicy({ credits: [] }), 'policies[0].credits', '"credits" must list at least one value.'],
  [
    'more than 20 credit tiers',
    withPolicy({ credits: Array.from({ length: 21 }, (_, i) => ({ below: `${99 - i}%`, credit: `${i}%` })) }),
    'policies[0].credits',
    'A policy has at most 20 credit tiers; this one lists 21.',
  ],
  ['credit tier threshold at 0%', withPolicy({ credits: [{ below: '0%', credit: '5%' }] }), 'policies[0].credits[0].below', '"0%" is out of range; a tier\'s "below" is above 0% and at most 100%.'],
  [
    'credit tier threshold above 100%',
    withPolicy({ credits: [{ below: '101%', credit: '5%' }] }),
    'policies[0].credits[0].below',
    '"101%" is out of range; a tier\'s "below" is above 0% and at most 100%.',
  ],
  ['credit above 100%', withPolicy({ credits: [{ below: '95%', credit: '150%' }] }), 'policies[0].credits[0].credit', '"150%" is out of range; a credit is from 0% to 100% of the fee.'],
  ['credit as a number', withPolicy({ credits: [{ below: '95%', credit: 5 }] }), 'policies[0].credits[0].credit', '5 is not a percentage; write it with a % sign, such as "95%".'],
  ['credit tier missing its credit', withPolicy({ credits: [{ below: '95%' }] }), 'policies[0].credits[0].credit', 'Missing required field "credit".'],
  [
    'unknown credit tier field',
    withPolicy({ credits: [{ below: '95%', credit: '5%', upto: '90%' }] }),
    'policies[0].credits[0].upto',
    /^Unknown field "upto"; the fields allowed here are below, credit\.$/,
  ],
  [
    'credit tiers out of order',
    withPolicy({
      credits: [
        { below: '90%', credit: '5%' },
        { below: '95%', credit: '10%' },
      ],
    }),
    'policies[0].credits[1].below',
    'This tier starts below 95%, which is not lower than the tier before it (below 90%); list tiers from the highest "below" down.',
  ],
  [
    'two credit tiers with the same threshold',
    withPolicy({
      credits: [
        { below: '95%', credit: '5%' },
        { below: '95.00%', credit: '10%' },
      ],
    }),
    'policies[0].credits[1].below',
    'This tier starts below 95.00%, which is not lower than the tier before it (below 95%); list tiers from the highest "below" down.',
  ],
  [
    'a lower tier owing less credit',
    withPolicy({
      credits: [
        { below: '95%', credit: '10%' },
        { below: '90%', credit: '5%' },
      ],
    }),
    'policies[0].credits[1].credit',
    'This tier owes 5%, less than the tier before it (10% below 95%); worse compliance must not owe a smaller credit.',
  ],
  ['credit cap above 100%', withPolicy({ creditCap: '110%' }), 'policies[0].creditCap', '"110%" is out of range; a credit cap is from 0% to 100% of the fee.'],
  ['credit cap without a % sign', withPolicy({ creditCap: '25' }), 'policies[0].creditCap', '"25" is not a percentage; write it with a % sign, such as "95%".'],
  ['negative fee', withPolicy({ fee: { amount: -5, currency: 'EUR' } }), 'policies[0].fee.amount', 'The fee -5 is below 0; write an amount of 0 or more, such as 12000.'],
  ['fee of infinity (YAML `.inf`)', withPolicy({ fee: { amount: Infinity, currency: 'EUR' } }), 'policies[0].fee.amount', 'Infinity is not an amount; write a number of 0 or more, such as 12000.'],
  ['fee written as text', withPolicy({ fee: { amount: '12,000', currency: 'EUR' } }), 'policies[0].fee.amount', '"amount" must be a number; found the text "12,000".'],
  ['fee without a currency', withPolicy({ fee: { amount: 12000 } }), 'policies[0].fee.currency', 'Missing required field "currency".'],
  ['currency in lower case', withPolicy({ fee: { amount: 12000, currency: 'eur' } }), 'policies[0].fee.currency', '"eur" is not an ISO 4217 currency code — did you mean "EUR"?'],
  ['currency spelt out', withPolicy({ fee: { amount: 12000, currency: 'Euro' } }), 'policies[0].fee.currency', '"Euro" is not an ISO 4217 currency code — did you mean "EUR"?'],
  ['currency one letter off', withPolicy({ fee: { amount: 12000, currency: 'EUD' } }), 'policies[0].fee.currency', '"EUD" is not an ISO 4217 currency code — did you mean "EUR"?'],
  ['currency that does not exist', withPolicy({ fee: { amount: 12000, currency: 'QQQ' } }), 'policies[0].fee.currency', '"QQQ" is not an ISO 4217 currency code; write one such as "EUR" or "USD".'],
  ['currency as a symbol', withPolicy({ fee: { amount: 12000, currency: '€' } }), 'policies[0].fee.currency', '"€" is not an ISO 4217 currency code; write one such as "EUR" or "USD".'],
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
    [
      'objective, credit tiers, cap and fee',
      {
        objective: '99.5%',
        credits: [
          { below: '99.5%', credit: '5%' },
          { below: '95%', credit: '10%' },
          { below: '90%', credit: '10%' },
        ],
        creditCap: '25%',
        fee: { amount: 12000, currency: 'EUR' },
      },
    ],
    [
      'the extremes of each percentage',
      {
        objective: '100%',
        credits: [
          { below: '100%', credit: '0%' },
          { below: '0.01%', credit: '100%' },
        ],
        creditCap: '100%',
        fee: { amount: 0, currency: 'JPY' },
      },
    ],
    ['a fee with cents', { fee: { amount: 999.99, currency: 'USD' } }],
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

describe('objectives and service credits', () => {
  const tiers = [
    { below: '95%', credit: '5%' },
    { below: '90%', credit: '10%' },
  ];

  it('resolve to numbers: percentages without the sign, tiers highest threshold first, the fee as written', () => {
    const result = expectOk(validateConfig(withPolicy({ objective: '99.5%', credits: tiers, creditCap: '25%', fee: { amount: 12000.5, currency: 'EUR' } })));
    const resolved = result.config.policies[0]!;
    expect([resolved.objective, resolved.credits, resolved.creditCap, resolved.fee]).toEqual([
      99.5,
      [
        { below: 95, credit: 5 },
        { below: 90, credit: 10 },
      ],
      25,
      { amount: 12000.5, currency: 'EUR' },
    ]);
    expect(result.document.policies[0]!.objective).toBe('99.5%');
  });

  it('are absent from the resolved policy when the file does not set them, so earlier configurations resolve as before', () => {
    const resolved = expectOk(validateConfig(doc())).config.policies[0]!;
    for (const key of ['objective', 'credits', 'creditCap', 'fee']) expect(Object.hasOwn(resolved, key), key).toBe(false);
  });

  it('every tier out of order is reported, each against the tier before it', () => {
    const errors = errorsOf(
      validateConfig(
        withPolicy({
          credits: [
            { below: '95%', credit: '10%' },
            { below: '97%', credit: '5%' },
            { below: '90%', credit: '25%' },
          ],
        }),
      ),
    );
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['policies[0].credits[1].below', 'This tier starts below 97%, which is not lower than the tier before it (below 95%); list tiers from the highest "below" down.'],
      ['policies[0].credits[1].credit', 'This tier owes 5%, less than the tier before it (10% below 95%); worse compliance must not owe a smaller credit.'],
    ]);
  });

  it('a cap below the smallest tier credit is a warning at the cap, not an error', () => {
    const result = expectOk(validateConfig(withPolicy({ credits: tiers, creditCap: '4%' })));
    expect(result.warnings).toEqual([
      {
        severity: 'warning',
        path: 'policies[0].creditCap',
        message: 'The credit cap 4% is below the smallest tier credit (5% below 95%), so the tiers above it never apply in full: whenever a credit is owed, it is 4%.',
      },
    ]);
    expect(result.config.policies[0]!.creditCap).toBe(4);
  });

  it('a cap between the tiers, or equal to the smallest credit, is no warning', () => {
    expect(expectOk(validateConfig(withPolicy({ credits: tiers, creditCap: '5%' }))).warnings).toEqual([]);
    expect(expectOk(validateConfig(withPolicy({ credits: tiers, creditCap: '7.5%' }))).warnings).toEqual([]);
  });

  it('the cap warning is given where the cap or the tiers are written, once, not on every child that inherits both', () => {
    const policies = [
      { id: 'child', extends: 'base', match: { project: 'SUP' } },
      { id: 'tiers', extends: 'base', match: { project: 'OPS' }, credits: [{ below: '99%', credit: '20%' }] },
      { id: 'base', calendar: 'emea', targets: { High: { resolution: '8h' } }, credits: tiers, creditCap: '2%' },
    ];
    const warnings = expectOk(validateConfig(doc({ policies }))).warnings;
    expect(warnings.map((w) => [w.path, w.message.slice(0, 70)])).toEqual([
      ['policies[1].credits', 'The credit cap 2% is below the smallest tier credit (20% below 99%), s'],
      ['policies[2].creditCap', 'The credit cap 2% is below the smallest tier credit (5% below 95%), so'],
    ]);
  });
});
