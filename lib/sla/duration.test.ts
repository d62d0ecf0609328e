import { describe, expect, it } from 'vitest';
import { DurationError, parseDuration, parseWarnAt } from './index';

const M = 60_000;

describe('parseDuration', () => {
  it.each([
    ['45m', 45 * M],
    ['4h', 240 * M],
    ['1h30m', 90 * M],
    ['1h 30m', 90 * M],
    ['2H', 120 * M],
    ['PT4H30M', 270 * M],
    ['pt15m', 15 * M],
    ['PT90S', 1.5 * M],
    [' 8h ', 480 * M],
    [90, 90 * M],
    [0, 0],
    [0.5, 30_000],
  ])('%j is %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each(['2d', '1w', 'P1D', 'P1W', 'P1DT2H', '3 d'])('refuses days and weeks in %j', (input) => {
    expect(() => parseDuration(input)).toThrow(/ambiguous in business calendars; write hours/);
  });

  it.each(['', 'soon', 'h', '4 hours', '1m30h', 'PT', '-5m', -5, NaN, Infinity, null, {}, true])('refuses %j', (input) => {
    expect(() => parseDuration(input)).toThrow(DurationError);
  });
});

describe('parseWarnAt', () => {
  it('reads a consumed share or a time left', () => {
    expect(parseWarnAt('75%')).toEqual({ fraction: 0.75 });
    expect(parseWarnAt('100 %')).toEqual({ fraction: 1 });
    expect(parseWarnAt('1h')).toEqual({ remainingMs: 60 * M });
    expect(parseWarnAt(30)).toEqual({ remainingMs: 30 * M });
  });
  it('refuses shares out of range and nonsense', () => {
    expect(() => parseWarnAt('0%')).toThrow(/above 0%/);
    expect(() => parseWarnAt('150%')).toThrow(/at most 100%/);
    expect(() => parseWarnAt('soon')).toThrow(/not a warning threshold/);
  });
});
