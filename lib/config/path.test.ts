import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from './path';
import { editDistance, suggest } from './suggest';

describe('problem paths', () => {
  it.each([
    [['policies', 3, 'targets', 'High', 'resolution'], 'policies[3].targets.High.resolution'],
    [['calendars', 2, 'week', 'tue', 1, 0], 'calendars[2].week.tue[1][0]'],
    [['policies', 0, 'targets', '*', 'firstResponse'], 'policies[0].targets.*.firstResponse'],
    [['policies', 0, 'match', 'field', 'Customer tier'], 'policies[0].match.field["Customer tier"]'],
    [['policies', 0, 'match', 'field', 'a.b'], 'policies[0].match.field["a.b"]'],
    [[], ''],
  ])('%j ⇄ %s', (segments, text) => {
    expect(formatPath(segments)).toBe(text);
    expect(parsePath(text)).toEqual(segments);
  });
});

describe('did you mean', () => {
  it.each([
    ['calender', ['calendar', 'name'], 'calendar'],
    ['emae', ['emea', 'americas'], 'emea'],
    ['monday', ['mon', 'tue'], 'mon'],
    ['Resolution', ['firstResponse', 'resolution'], 'resolution'],
    ['colour', ['id', 'name', 'calendar'], null],
    ['x', ['y'], null],
  ])('%s among %j → %s', (word, candidates, expected) => {
    expect(suggest(word, candidates)).toBe(expected);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('emae', 'emea')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('accepts a one-shot iterator', () => {
    expect(suggest('enterprize', new Map([['enterprise', 0]]).keys())).toBe('enterprise');
  });
});
