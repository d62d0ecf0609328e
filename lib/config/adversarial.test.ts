import { Composer } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDuration, parseWarnAt } from '../sla/index';
import { siteGlob } from './match';
import { parseConfigText } from './parse';
import { MAX_PROBLEMS } from './problem';
import { MAX_SUGGEST_LENGTH, suggest } from './suggest';
import type { ParseResult } from './types';
import { validateConfig } from './validate';
import { importZendesk } from './zendesk/index';

/**
 * Files an admin may be sent by someone else. Each case must end with listed problems (or a
 * valid config) after a bounded amount of work, asserted by counting steps, reads or input, never
 * by the clock: the old code overflowed the stack, hung for minutes or allocated gigabytes here.
 */

const errors = (r: ParseResult) => (r.ok ? [] : r.errors);
const messages = (r: ParseResult) => errors(r).map((e) => e.message);
const policy = (extra: object = {}) => ({ id: 'p', calendar: '24x7', targets: { '*': { resolution: '8h' } }, ...extra });

afterEach(() => {
  vi.restoreAllMocks();
});

/** Counts the YAML composer's runs: a refusal by the pre-scan must come before it. */
function composerRuns() {
  return vi.spyOn(Composer.prototype, 'compose');
}

describe('deep nesting: refused at level 65, before anything recurses', () => {
  const LEVELS = 100_000;

  it('JSON: 100,000 nested lists', () => {
    const compose = composerRuns();
    const result = parseConfigText('['.repeat(LEVELS) + ']'.repeat(LEVELS), 'deep.json');
    expect(errors(result)).toEqual([expect.objectContaining({ line: 1, column: 65, message: expect.stringMatching(/nested more than 64 levels/) as unknown })]);
    expect(compose).not.toHaveBeenCalled();
  });

  it('JSON: 100,000 nested objects', () => {
    const result = parseConfigText(`{"version": 1, "policies": [], "x": ${'{"a": '.repeat(LEVELS)}1${'}'.repeat(LEVELS)}}`, 'deep.json');
    expect(errors(result)).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/nested more than 64 levels/) as unknown })]);
  });

  it.each([
    ['flow lists', `version: 1\npolicies: []\nx: ${'['.repeat(LEVELS)}`, 3],
    ['flow maps', `version: 1\npolicies: []\nx: ${'{a: '.repeat(LEVELS)}`, 3],
    ['block lists on one line', `version: 1\npolicies: []\nx:\n  ${'- '.repeat(LEVELS)}1`, 4],
    ['explicit keys', `version: 1\npolicies: []\nx:\n  ${'? '.repeat(LEVELS)}1`, 4],
    ['block maps by indentation', `version: 1\npolicies: []\n${Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1`, 3 + 64],
  ])('YAML: %s', (_name, text, line) => {
    const compose = composerRuns();
    const result = parseConfigText(text, 'deep.yaml');
    expect(errors(result)).toEqual([expect.objectContaining({ message: expect.stringMatching(/nested more than 64 levels/) as unknown })]);
    expect(errors(result)[0]!.line).toBe(line);
    expect(compose).not.toHaveBeenCalled();
  });

  it('does not mistake brackets and dashes inside text for nesting', () => {
    const text = ['version: 1', `name: "${'['.repeat(200)}"`, 'description: |', `  ${'- '.repeat(200)}`, `  ${'{'.repeat(200)}`, 'policies: []'].join('\n');
    expect(parseConfigText(text, 'ok.yaml')).toMatchObject({ ok: true });
  });

  it('a value nested 100,000 deep handed to validateConfig (an importer, a stored version)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < LEVELS; i++) deep = [deep];
    const result = validateConfig({ version: 1, policies: [policy({ pauseOn: deep })] });
    expect(errors(result)).toEqual([expect.objectContaining({ message: expect.stringMatching(/nested more than 64 levels/) as unknown })]);
    expect(errors(result)[0]!.path.split('[').length).toBeLessThanOrEqual(70);
  });

  it('a Zendesk export whose condition value is nested 100,000 deep', () => {
    const value = JSON.parse(
      `{"sla_policies": [{"title": "Deep", "filter": {"all": [{"field": "priority", "operator": "is", "value": ${'['.repeat(LEVELS)}"high"${']'.repeat(LEVELS)}}]}, "policy_metrics": []}]}`,
    ) as unknown;
    const result = importZendesk([{ value, fileName: 'policies.json' }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.objectContaining({ fileName: 'policies.json', message: expect.stringMatching(/nested more than 64 levels/) as unknown })]);
  });

  it('a circular alias (an anchor used inside itself) becomes a problem, not an endless object', () => {
    const result = parseConfigText('version: 1\npolicies:\n  - id: p\n    pauseOn: &loop [*loop]\n', 'loop.yaml');
    expect(messages(result)).toEqual([expect.stringMatching(/nested more than 64 levels.*alias/)]);
  });
});

describe('YAML aliases: a global budget and an expanded-size limit', () => {
  it('billion laughs (nested aliases) is refused', () => {
    const lines = ['version: 1', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    lines.push('policies: []');
    expect(parseConfigText(lines.join('\n'), 'lol.yaml').ok).toBe(false);
  });

  it('flat amplification: one large anchor copied 99 times is refused for its expanded size', () => {
    const statuses = Array.from({ length: 1_000 }, (_, i) => `"${'waiting on the customer '.repeat(5)}${i}"`).join(', ');
    const policies = [`  - { id: p0, calendar: 24x7, pauseOn: &statuses [${statuses}] }`];
    for (let i = 1; i < 100; i++) policies.push(`  - { id: p${i}, calendar: 24x7, pauseOn: *statuses }`);
    const text = ['version: 1', 'policies:', ...policies].join('\n');
    expect(text.length).toBeLessThan(200_000);
    const result = parseConfigText(text, 'copies.yaml');
    // 99 copies of ~125 KB would be 12 MB of document to copy, hash and store.
    expect(messages(result)).toEqual([expect.stringMatching(/too large once its aliases are expanded/)]);
  });

  it('more than 200 aliases are refused before they are resolved', () => {
    const policies = Array.from({ length: 201 }, (_, i) => `  - { id: p${i}, calendar: 24x7, pauseOn: *${['a', 'b', 'c'][i % 3]!} }`);
    const text = ['version: 1', 'x: [&a pending, &b hold, &c waiting]', 'policies:', ...policies].join('\n');
    const result = parseConfigText(text, 'aliases.yaml');
    expect(errors(result)).toEqual([expect.objectContaining({ line: 3 + 201, message: expect.stringMatching(/more than 200 aliases/) as unknown })]);
  });
});

describe('5 MB on one line', () => {
  const FIVE_MB = 5 * 1024 * 1024;

  it('an object with ~400,000 fields and one repeated at the end: found in one pass', () => {
    const keys: string[] = [];
    for (let i = 0, size = 0; size < FIVE_MB - 100; i++) {
      keys.push(`"k${i}":0`);
      size += keys[keys.length - 1]!.length + 1;
    }
    const text = `{"version":1,"policies":[],${keys.join(',')},"k7":1}`;
    expect(text.length).toBeGreaterThan(FIVE_MB - 200);
    // yaml's own uniqueKeys compares every key with every earlier one: 8 × 10^10 steps here.
    expect(errors(parseConfigText(text, 'wide.json'))).toEqual([
      { severity: 'error', path: '', message: 'The field "k7" appears twice in the same object; keep only one.', line: 1, column: text.length - 6 },
    ]);
    // Linear, but yaml composes a flow map this wide at about a microsecond a character.
  }, 60_000);

  it('40,000 unknown fields: a hundred problems listed, then a note', () => {
    const text = `{"version":1,"policies":[],${Array.from({ length: 40_000 }, (_, i) => `"k${i}":0`).join(',')}}`;
    const result = parseConfigText(text, 'wide.json');
    expect(errors(result)).toHaveLength(MAX_PROBLEMS + 1);
    expect(messages(result)).toContain(`${MAX_PROBLEMS} problems are listed; SLA Lens stopped looking after that. Fix these and check the file again.`);
  });

  it('one field name of 5 MB: no suggestion computed, the message quotes a little of it', () => {
    const name = 'calendarz'.repeat(FIVE_MB / 9);
    const result = parseConfigText(`{"version": 1, "policies": [], "${name}": 1}`, 'long.json');
    expect(errors(result)).toHaveLength(1);
    expect(messages(result)[0]!.length).toBeLessThan(400);
    expect(errors(result)[0]!.path.length).toBeLessThan(100);
  });

  it('one text value of 5 MB where a duration belongs', () => {
    const result = validateConfig({ version: 1, policies: [policy({ targets: { '*': { resolution: `1${'0'.repeat(FIVE_MB)}h` } } })] });
    expect(messages(result)).toEqual([expect.stringMatching(/is too long to be a duration \(5242882 characters\)/)]);
    expect(messages(result)[0]!.length).toBeLessThan(300);
  });
});

describe('durations: no pattern ever sees more than 32 characters', () => {
  it.each([
    ['spaces between the parts', `1h${' '.repeat(100_000)}x`],
    ['digits', '1'.repeat(100_000)],
    ['a share', `${'1'.repeat(100_000)}%`],
  ])('%s', (_name, input) => {
    const exec = RegExp.prototype.exec;
    let longest = 0;
    let watching = false;
    vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, text: string) {
      if (watching) {
        longest = Math.max(longest, text.length);
        // Fail at once rather than backtrack for minutes: the point is that this never runs.
        if (text.length > 32) throw new Error(`a pattern ran on ${text.length} characters`);
      }
      return exec.call(this, text);
    });
    const thrown = (parse: () => unknown) => {
      watching = true;
      try {
        parse();
      } catch (e) {
        return (e as Error).message;
      } finally {
        watching = false;
      }
      return 'no error';
    };
    expect(thrown(() => parseDuration(input))).toMatch(/too long to be a duration/);
    expect(thrown(() => parseWarnAt(input))).toMatch(/is not a warning threshold/);
    expect(longest).toBeLessThanOrEqual(32);
  });

  it.each([
    [1e305, 'a number of minutes overflowing to Infinity'],
    ['99999999999999999999h', 'text'],
    [6_000_001, 'just over 100,000 hours in minutes'],
  ])('an absurd target (%j: %s) is refused, never Infinity (sent as null, read as breached)', (resolution: string | number, _what: string) => {
    const result = validateConfig({ version: 1, policies: [policy({ targets: { '*': { resolution } }, warnAt: resolution })] });
    expect(errors(result).map((e) => [e.path, e.message])).toEqual([
      ['policies[0].targets.*.resolution', expect.stringMatching(/longer than 100,000 hours/)],
      ['policies[0].warnAt', expect.stringMatching(/longer than 100,000 hours/)],
    ]);
  });

  it('100,000 hours itself is accepted', () => {
    expect(validateConfig({ version: 1, policies: [policy({ targets: { '*': { resolution: '100000h' } } })] }).ok).toBe(true);
  });
});

describe('site globs: linear matching, bounded globs', () => {
  it('a glob that backtracks exponentially as a pattern costs at most (host + 1) × glob comparisons', () => {
    const glob = `${'*e'.repeat(16)}*x`;
    const host = `${'e'.repeat(200)}.example.com`;
    const matcher = siteGlob(glob);
    expect(matcher).not.toBeInstanceOf(RegExp);
    const steps = { count: 0 };
    expect(matcher.test(host, steps)).toBe(false);
    expect(steps.count).toBeGreaterThan(0);
    expect(steps.count).toBeLessThanOrEqual((host.length + 1) * glob.length);
  });

  it.each([
    ['*.atlassian.net', 'acme.atlassian.net', true],
    ['*acme*', 'acme', true],
    ['a*a', 'a', false],
    ['a**b', 'ab', true],
    ['*.*.com', 'x.y.com', true],
    ['*.*.com', 'x.com', false],
    ['*', '', true],
    ['x*y*z', 'xzyz', true],
    ['x*y*z', 'xzzy', false],
  ])('%s vs %s → %s', (glob, host, expected) => {
    expect(siteGlob(glob).test(host)).toBe(expected);
  });

  it('refuses a glob with more than 8 stars, or longer than 255 characters, with its path', () => {
    const result = validateConfig({ version: 1, policies: [policy({ match: { site: ['*.acme.com', '*a*b*c*d*e*f*g*h*i'] } }), policy({ id: 'q', match: { site: `${'a'.repeat(300)}.com` } })] });
    expect(errors(result).map((e) => [e.path, e.message])).toEqual([
      ['policies[0].match.site[1]', 'A site glob may use "*" at most 8 times; this one uses it 9 times.'],
      ['policies[1].match.site', expect.stringMatching(/at most 255 characters/)],
    ]);
    expect(validateConfig({ version: 1, policies: [policy({ match: { site: '**.acme.**' } })] }).ok).toBe(true);
  });
});

describe('suggestions: bounded work', () => {
  /** Candidates that count how many were read. */
  function counted(names: string[]) {
    const seen = { count: 0 };
    const iterable = {
      *[Symbol.iterator]() {
        for (const n of names) {
          seen.count++;
          yield n;
        }
      },
    };
    return { iterable, seen };
  }

  it('a word longer than 64 characters reads no candidate', () => {
    const { iterable, seen } = counted(['emea', 'x'.repeat(5_000)]);
    expect(suggest('x'.repeat(MAX_SUGGEST_LENGTH + 1), iterable)).toBeNull();
    expect(seen.count).toBe(0);
  });

  it('more than 200 candidates: no guess, and no more than 201 read', () => {
    const { iterable, seen } = counted(Array.from({ length: 100_000 }, (_, i) => `calendar-${i}`));
    expect(suggest('calendar-1x', iterable)).toBeNull();
    expect(seen.count).toBeLessThanOrEqual(201);
  });

  it('an unknown calendar and an "extends" of 100,000 characters next to ids as long', () => {
    const long = 'a'.repeat(100_000);
    const result = validateConfig({ version: 1, policies: [policy({ id: long }), policy({ id: 'q', extends: `${long}b`, calendar: `${long}c` })] });
    expect(messages(result)).toHaveLength(2);
    for (const m of messages(result)) expect(m.length).toBeLessThan(1_000);
  });

  it('still suggests among a few short names', () => {
    expect(suggest('emae', ['emea', 'apac'])).toBe('emea');
  });
});

describe('many mistakes: a hundred problems, found with bounded work', () => {
  it('50,000 broken policies', () => {
    const result = validateConfig({ version: 1, policies: Array.from({ length: 50_000 }, () => ({ idd: 'x' })) });
    expect(errors(result)).toHaveLength(MAX_PROBLEMS + 1);
  });

  it('5,000 policies each extending the one before (n³ steps without a depth bound)', () => {
    const policies = Array.from({ length: 5_000 }, (_, i) => policy({ id: `p${i}`, ...(i > 0 ? { extends: `p${i - 1}` } : {}) }));
    const result = validateConfig({ version: 1, policies });
    expect(errors(result)).toHaveLength(MAX_PROBLEMS + 1);
    expect(messages(result)[0]).toBe('Policy "p17" inherits through more than 16 levels of "extends"; SLA Lens follows up to 16.');
  });
});

describe('names JavaScript reserves are refused with their path, never dropped', () => {
  it.each([
    ['a priority named __proto__ (JSON)', '{"version": 1, "policies": [{"id": "p", "calendar": "24x7", "targets": {"__proto__": {"resolution": "1h"}}}]}', 'policies[0].targets.__proto__'],
    ['a field named constructor (JSON)', '{"version": 1, "policies": [{"id": "p", "match": {"field": {"constructor": "x"}}}]}', 'policies[0].match.field.constructor'],
    ['a priority named prototype (YAML)', 'version: 1\npolicies:\n  - id: p\n    calendar: 24x7\n    targets:\n      prototype: { resolution: 1h }\n', 'policies[0].targets.prototype'],
  ])('%s', (_name, text, path) => {
    const result = parseConfigText(text);
    expect(errors(result)).toEqual([expect.objectContaining({ path, message: expect.stringMatching(/JavaScript reserves it/) as unknown })]);
    expect(errors(result)[0]!.line).toBeGreaterThan(0);
  });

  it.each(['constructor', '__proto__', 'toString'])('a Zendesk condition on %s is an error, not a condition on Object', (field) => {
    const value = {
      sla_policies: [{ title: 'P', filter: { all: [{ field, operator: 'is', value: 'x' }] }, policy_metrics: [{ priority: 'high', metric: 'first_reply_time', target: 60, business_hours: false }] }],
    };
    const result = importZendesk([{ value, fileName: 'policies.json' }]);
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([expect.stringContaining(`SLA Lens has no match key for ${field}`)]);
  });

  it('a Zendesk metric named constructor is left out like any unknown metric', () => {
    const value = { sla_policies: [{ title: 'P', filter: { all: [] }, policy_metrics: [{ priority: 'high', metric: 'constructor', target: 60, business_hours: false }] }] };
    const result = importZendesk([{ value }]);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('the metric constructor is not known to SLA Lens')]);
  });
});
