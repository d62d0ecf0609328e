import { describe, expect, it } from 'vitest';
import { parsePercent, PERCENT_PATTERN, readPercent } from './percent';

describe('parsePercent', () => {
  it.each([
    ['95%', 95],
    ['99.5%', 99.5],
    ['99.95%', 99.95],
    ['0%', 0],
    ['0.5%', 0.5],
    ['100%', 100],
    ['100.00%', 100],
    ['7.10%', 7.1],
  ])('%j is %d', (text, value) => {
    expect(parsePercent(text)).toBe(value);
  });

  it.each(['95', '0.95', '', '%', 'high', '95 %', ' 95%', '95%%', '+95%', '095%', '.5%', '95.%', '1e2%', '-5%', '-0%', '100.01%', '101%', '99.999%', `${'9'.repeat(40)}%`])('refuses %j', (text) => {
    expect(parsePercent(text)).toBeNull();
  });

  it('says why a text is not a percentage, so the message can say what to change', () => {
    expect(['95', '-5%', '120%', '99.999%', 'high', '95 %'].map((t) => readPercent(t))).toEqual([
      { ok: false, problem: 'no-sign' },
      { ok: false, problem: 'range' },
      { ok: false, problem: 'range' },
      { ok: false, problem: 'decimals' },
      { ok: false, problem: 'other' },
      { ok: false, problem: 'other' },
    ]);
  });

  it('agrees with the pattern the JSON Schema publishes, so editors flag what the extension refuses', () => {
    const pattern = new RegExp(PERCENT_PATTERN);
    const samples = ['0%', '5%', '10%', '99.5%', '99.95%', '100%', '100.0%', '100.00%', '100.01%', '100.1%', '101%', '-0%', '-5%', '095%', '99.999%', '95', '95 %', '.5%', '95.%', 'x%'];
    for (const text of samples) expect(pattern.test(text), text).toBe(parsePercent(text) !== null);
  });
});
