import { describe, expect, it } from 'vitest';
import { parseConfigText } from './parse';
import type { Problem } from './problem';
import { errorsOf, expectOk } from './test-helpers';

const lines = (...l: string[]) => `${l.join('\n')}\n`;
const only = (problems: Problem[]) => {
  expect(problems, JSON.stringify(problems)).toHaveLength(1);
  return problems[0]!;
};

/** [what, text, path, line, column, message (exact, or a pattern)] */
type Case = [string, string, string, number, number, string | RegExp];

const YAML_CASES: Case[] = [
  ['unknown field, at its key', lines('version: 1', 'policies:', '  - id: p', '    calender: emea'), 'policies[0].calender', 4, 5, 'Unknown field "calender" — did you mean "calendar"?'],
  [
    'bad duration, at its value',
    lines('version: 1', 'policies:', '  - id: p', '    calendar: 24x7', '    targets:', '      High: { resolution: 2d }'),
    'policies[0].targets.High.resolution',
    6,
    27,
    /^Duration "2d": days and weeks are ambiguous/,
  ],
  [
    'missing field, at the object it is missing from',
    lines('version: 1', 'calendars:', '  - id: emea', '    week:', '      mon: [["09:00", "17:00"]]', 'policies: []'),
    'calendars[0].timeZone',
    3,
    5,
    'Missing required field "timeZone".',
  ],
  [
    'calendar error from the engine, re-rooted',
    lines(
      'version: 1',
      'calendars:',
      '  - id: emea',
      '    timeZone: Europe/Berlin',
      '    week:',
      '      mon: [["09:00", "17:00"]]',
      '      tue: [["09:00", "12:00"], ["25:00", "26:00"]]',
      'policies: []',
    ),
    'calendars[0].week.tue[1][0]',
    7,
    34,
    '"25:00" is not a time of day; write "HH:MM" from "00:00" to "24:00".',
  ],
  [
    'undefined calendar',
    lines('version: 1', 'policies:', '  - id: p', '    calendar: emae', '    targets: { "*": { resolution: 8h } }'),
    'policies[0].calendar',
    4,
    15,
    'Calendar "emae" is not defined; use "24x7".',
  ],
  [
    'extends cycle',
    lines('version: 1', 'policies:', '  - id: a', '    extends: b', '  - id: b', '    extends: a'),
    'policies[0].extends',
    4,
    14,
    'These policies extend each other in a circle: a → b → a. Remove one of the "extends".',
  ],
  ['newer version', lines('version: 3', 'policies: []'), 'version', 1, 10, 'This file is version 3; this SLA Lens understands up to version 1. Update the extension.'],
  ['no version, at the top', lines('policies: []'), 'version', 1, 1, 'This file has no "version"; add "version": 1 at the top.'],
  ['duplicate key (syntax)', lines('version: 1', 'policies:', '  - id: a', '    id: b'), '', 4, 5, 'The field "id" appears twice in the same object; keep only one.'],
  ['sequence item without dash (syntax)', lines('version: 1', 'policies:', '  - id: a', '   calendar: x'), '', 4, 1, /^This is not valid YAML: sequence item without - indicator\.$/],
  ['unclosed quote (syntax)', lines('version: 1', 'name: "Acme'), '', 3, 1, /^This is not valid YAML: missing closing "quote\.$/],
  ['tab indentation (syntax)', lines('version: 1', 'policies:', '\t- id: a'), '', 3, 1, 'Indent YAML with spaces, not tabs.'],
  ['two documents (syntax)', lines('version: 1', 'policies: []', '---', 'version: 1'), '', 3, 1, /^The file holds more than one YAML document/],
  ['unresolved alias', lines('version: 1', 'policies: *base'), '', 0, 0, /^This is not valid YAML: unresolved alias/],
];

const JSON_CASES: Case[] = [
  ['trailing comma', lines('{', '  "version": 1,', '  "policies": [],', '}'), '', 3, 17, 'Remove this comma: JSON does not allow a comma before }.'],
  ['trailing comma in a list', lines('{ "version": 1, "policies": [', '  { "id": "a" },', '] }'), '', 2, 16, 'Remove this comma: JSON does not allow a comma before ].'],
  ['missing comma', lines('{', '  "version": 1', '  "policies": []', '}'), '', 3, 3, 'Expected a comma or a closing } here.'],
  ['comment', lines('{', '  // our SLAs', '  "version": 1', '}'), '', 2, 3, 'JSON does not allow comments; remove this comment, or save the file as YAML (.yaml).'],
  ['single quotes', lines("{ 'version': 1 }"), '', 1, 3, 'Field names must be in double quotes ("name"); single quotes are not JSON.'],
  ['unquoted key', lines('{ version: 1 }'), '', 1, 3, 'Field names must be in double quotes, like "name".'],
  ['unterminated text', lines('{', '  "version": 1,', '  "name": "Acme', '}'), '', 3, 11, 'This text has no closing double quote before the end of the line.'],
  ['ends too early', '{"version": 1, "policies": [', '', 1, 29, 'The file ends too early: a closing ] is missing.'],
  ['bare word', lines('{ "version": one }'), '', 1, 14, /^Unexpected "one"; expected a value/],
  ['duplicate key', lines('{', '  "version": 1,', '  "version": 1,', '  "policies": []', '}'), '', 3, 3, 'The field "version" appears twice in the same object; keep only one.'],
  [
    'unknown field, at its key',
    lines('{', '  "version": 1,', '  "policies": [', '    { "id": "p", "calender": "emea" }', '  ]', '}'),
    'policies[0].calender',
    4,
    18,
    'Unknown field "calender" — did you mean "calendar"?',
  ],
  [
    'calendar error from the engine',
    lines(
      '{',
      '  "version": 1,',
      '  "calendars": [',
      '    { "id": "emea", "timeZone": "Europe/Berlin",',
      '      "week": { "mon": [["09:00", "17:00"]], "tue": [["09:00", "12:00"], ["11:00", "13:00"]] } }',
      '  ],',
      '  "policies": []',
      '}',
    ),
    'calendars[0].week.tue[1]',
    5,
    74,
    'This interval overlaps week.tue[0].',
  ],
  [
    'bad duration',
    lines('{', '  "version": 1,', '  "policies": [', '    {', '      "id": "p",', '      "calendar": "24x7",', '      "targets": { "High": { "resolution": "2d" } }', '    }', '  ]', '}'),
    'policies[0].targets.High.resolution',
    7,
    44,
    /^Duration "2d"/,
  ],
  ['missing field at the top', '{"version": 1}', 'policies', 1, 1, 'Missing required field "policies".'],
];

function check([_, text, path, line, column, message]: Case, fileName: string) {
  const problem = only(errorsOf(parseConfigText(text, fileName)));
  expect(problem.path).toBe(path);
  if (line === 0) expect(problem.line).toBeUndefined();
  else expect({ line: problem.line, column: problem.column }).toEqual({ line, column });
  if (typeof message === 'string') expect(problem.message).toBe(message);
  else expect(problem.message).toMatch(message);
}

describe('parseConfigText: YAML problems carry path, line and column', () => {
  it.each(YAML_CASES)('%s', (...c) => check(c, 'sla.yaml'));
});

describe('parseConfigText: JSON problems carry path, line and column', () => {
  it.each(JSON_CASES)('%s', (...c) => check(c, 'sla.json'));
});

describe('parseConfigText: formats', () => {
  it('text without a file name is JSON when it starts with {', () => {
    expect(only(errorsOf(parseConfigText('{ version: 1, policies: [] }'))).message).toBe('Field names must be in double quotes, like "name".');
  });

  it('the same flow text is accepted as YAML from a .yaml file', () => {
    expect(expectOk(parseConfigText('{ version: 1, policies: [] }', 'sla.yml')).warnings).toEqual([]);
  });

  it('YAML 1.2: unquoted times, dates and yes/no stay text', () => {
    const result = expectOk(
      parseConfigText(
        lines(
          'version: 1',
          'calendars:',
          '  - id: emea',
          '    timeZone: Europe/Berlin',
          '    week: { mon: [[09:00, 17:00]] }',
          '    holidays: [2026-12-25]',
          'policies:',
          '  - id: no',
          '    name: yes',
          '    calendar: emea',
          '    targets: { "*": { resolution: 8h } }',
        ),
        'sla.yaml',
      ),
    );
    expect(result.document.calendars?.[0]?.week.mon).toEqual([['09:00', '17:00']]);
    expect(result.document.calendars?.[0]?.holidays).toEqual(['2026-12-25']);
    expect(result.document.policies[0]).toMatchObject({ id: 'no', name: 'yes' });
  });

  it('an empty file', () => {
    expect(only(errorsOf(parseConfigText('  \n', 'sla.yaml')))).toMatchObject({ message: 'The file is empty.', line: 1, column: 1 });
  });

  it('a byte-order mark before JSON is fine', () => {
    expect(expectOk(parseConfigText('\uFEFF{"version": 1, "policies": []}')).warnings).toEqual([]);
  });

  it('lists several problems top to bottom', () => {
    const text = lines('version: 1', 'policies:', '  - id: p', '    calendar: 24x7', '    warnAt: 0%', '    targets:', '      High: { resolution: 2d }', '  - id: q', '    pauseOn: pending');
    expect(errorsOf(parseConfigText(text, 'sla.yaml')).map((e) => [e.path, e.line])).toEqual([
      ['policies[0].warnAt', 5],
      ['policies[0].targets.High.resolution', 7],
      ['policies[1].pauseOn', 9],
    ]);
  });

  it('warnings carry positions too', () => {
    const text = lines(
      'version: 1',
      'policies:',
      '  - id: all',
      '    calendar: 24x7',
      '    targets: { "*": { resolution: 8h } }',
      '  - id: later',
      '    calendar: 24x7',
      '    targets: { "*": { resolution: 4h } }',
    );
    const result = expectOk(parseConfigText(text, 'sla.yaml'));
    expect(only(result.warnings)).toMatchObject({ severity: 'warning', path: 'policies[1]', line: 6, column: 5 });
  });
});
