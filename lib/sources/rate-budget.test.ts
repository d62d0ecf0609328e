import { describe, expect, it } from 'vitest';
import { cleanRateLimit, createRateBudget, MAX_PAUSE_MS, MAX_RATE_LIMIT, readRateLimit, remainingFloor } from './rate-budget';

const T = Date.parse('2026-11-26T10:00:00Z');
const SITE = 'acme.zendesk.com';

describe('the bucket: a minute’s worth, refilled continuously', () => {
  it('starts full, grants no more than it holds, and never more than asked', () => {
    const budget = createRateBudget({ perMinute: 60 });
    expect(budget.take(SITE, 5, T)).toBe(5);
    expect(budget.take(SITE, 100, T)).toBe(55);
    expect(budget.take(SITE, 1, T)).toBe(0);
  });

  it('refills in proportion to the time gone by, up to a minute’s worth and no more', () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.take(SITE, 60, T);
    expect(budget.take(SITE, 100, T + 30_000)).toBe(30);
    expect(budget.take(SITE, 100, T + 31_000)).toBe(1);
    // An hour idle is still only a minute's worth.
    expect(budget.take(SITE, 1_000, T + 3_600_000)).toBe(60);
  });

  it('a clock that goes back refills nothing', () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.take(SITE, 60, T);
    expect(budget.take(SITE, 10, T - 60_000)).toBe(0);
    expect(budget.take(SITE, 10, T)).toBe(0);
  });

  it('a want that is not a positive number gets nothing, a fraction its whole part', () => {
    const budget = createRateBudget({ perMinute: 60 });
    for (const want of [0, -5, Number.NaN, Number.NEGATIVE_INFINITY]) expect(budget.take(SITE, want, T)).toBe(0);
    expect(budget.take(SITE, 2.9, T)).toBe(2);
    expect(budget.take(SITE, Number.POSITIVE_INFINITY, T)).toBe(0);
  });

  it('each site has its own budget', () => {
    const budget = createRateBudget({ perMinute: 10 });
    expect(budget.take(SITE, 10, T)).toBe(10);
    expect(budget.take('other.zendesk.com', 10, T)).toBe(10);
    expect(budget.take(SITE, 1, T)).toBe(0);
  });

  it('keeps a bounded number of sites, dropping the one idle longest', () => {
    const budget = createRateBudget({ perMinute: 10, maxSites: 2 });
    budget.take('a.test', 10, T);
    budget.take('b.test', 10, T);
    budget.take('a.test', 1, T);
    budget.take('c.test', 10, T);
    // a.test was used after b.test: it is still spent, b.test was dropped and starts afresh.
    expect(budget.take('a.test', 1, T)).toBe(0);
    expect(budget.take('b.test', 10, T)).toBe(10);
  });
});

describe('the site’s word on its limit', () => {
  it('few requests left pauses the budget until the site’s reset', () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.observe(SITE, { remaining: 15, limit: 200, resetSeconds: 30 }, T);
    expect(budget.paused(SITE, T)).toBe(true);
    expect(budget.take(SITE, 10, T + 29_999)).toBe(0);
    expect(budget.paused(SITE, T + 30_000)).toBe(false);
    expect(budget.take(SITE, 10, T + 30_000)).toBe(10);
  });

  it('“few” is under a tenth of the limit, and never under 20', () => {
    expect(remainingFloor(700)).toBe(70);
    expect(remainingFloor(200)).toBe(20);
    expect(remainingFloor(50)).toBe(20);
    expect(remainingFloor(undefined)).toBe(20);
    const budget = createRateBudget({ perMinute: 60 });
    budget.observe(SITE, { remaining: 69, limit: 700, resetSeconds: 10 }, T);
    expect(budget.take(SITE, 1, T)).toBe(0);
    const other = createRateBudget({ perMinute: 60 });
    other.observe(SITE, { remaining: 19, resetSeconds: 10 }, T);
    expect(other.take(SITE, 1, T)).toBe(0);
  });

  it('above the floor, it never grants what would take the site below it', () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.observe(SITE, { remaining: 100, limit: 700 }, T);
    expect(budget.paused(SITE, T)).toBe(false);
    expect(budget.take(SITE, 60, T)).toBe(30);
  });

  it('the pause is capped, however far off the site puts its reset, and is the cap when it gives none', () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.observe(SITE, { remaining: 0, limit: 700, resetSeconds: 3_600 }, T);
    expect(budget.take(SITE, 1, T + MAX_PAUSE_MS - 1)).toBe(0);
    expect(budget.take(SITE, 1, T + MAX_PAUSE_MS)).toBe(1);

    const unknown = createRateBudget({ perMinute: 60, maxPauseMs: 20_000 });
    unknown.observe(SITE, { remaining: 3 }, T);
    expect(unknown.take(SITE, 1, T + 19_999)).toBe(0);
    expect(unknown.take(SITE, 1, T + 20_000)).toBe(1);
  });

  it('plenty left, or nothing said about what is left, changes nothing', () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.observe(SITE, { remaining: 690, limit: 700, resetSeconds: 30 }, T);
    budget.observe(SITE, { limit: 5, resetSeconds: 30 }, T);
    budget.observe(SITE, undefined, T);
    expect(budget.take(SITE, 60, T)).toBe(60);
  });

  it('figures that are not finite numbers are ignored, never read as “none left”', () => {
    const budget = createRateBudget({ perMinute: 60 });
    for (const remaining of [Number.NaN, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, '0', null] as unknown as number[]) budget.observe(SITE, { remaining, limit: 700, resetSeconds: 30 }, T);
    expect(budget.paused(SITE, T)).toBe(false);
    expect(budget.take(SITE, 60, T)).toBe(60);
  });

  it('a negative reset is read as none to wait, not as a pause without end', () => {
    const budget = createRateBudget({ perMinute: 60 });
    budget.observe(SITE, { remaining: 0, resetSeconds: -1e12 }, T);
    expect(budget.take(SITE, 1, T)).toBe(1);
  });
});

describe('reading the headers', () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it('Zendesk’s own names and the IETF draft’s, whatever their case', () => {
    expect(readRateLimit(headers({ 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '699' }))).toEqual({ remaining: 699, limit: 700 });
    expect(readRateLimit(headers({ 'x-rate-limit': '700', 'ratelimit-limit': '700', 'x-rate-limit-remaining': '699', 'ratelimit-remaining': '699', 'ratelimit-reset': '41' }))).toEqual({
      remaining: 699,
      limit: 700,
      resetSeconds: 41,
    });
  });

  it('two names that disagree are read the careful way', () => {
    expect(readRateLimit(headers({ 'x-rate-limit-remaining': '30', 'ratelimit-remaining': '12' }))).toEqual({ remaining: 12 });
  });

  it('nothing about the limit: undefined', () => {
    expect(readRateLimit(headers({ 'Content-Type': 'application/json', 'X-RateLimit-Remaining': '3' }))).toBeUndefined();
  });

  it.each([['abc'], [''], ['-5'], ['1e3'], ['Infinity'], ['NaN'], ['7, 8'], ['0x10'], ['12345678901']])('a value such as %j is ignored', (value) => {
    expect(readRateLimit(headers({ 'x-rate-limit-remaining': value, 'ratelimit-remaining': value, 'ratelimit-reset': value, 'x-rate-limit': value }))).toBeUndefined();
  });

  it('values past any plan’s are clamped, the rest kept', () => {
    expect(readRateLimit(headers({ 'x-rate-limit': '9999999999', 'x-rate-limit-remaining': '5.7', 'ratelimit-reset': '9999999' }))).toEqual({
      remaining: 5,
      limit: MAX_RATE_LIMIT,
      resetSeconds: 3_600,
    });
    expect(readRateLimit(headers({ 'x-rate-limit': '0' }))).toEqual({ limit: 1 });
  });

  it('cleanRateLimit keeps only finite numbers, within bounds', () => {
    expect(cleanRateLimit({ remaining: '3', limit: Number.NaN, resetSeconds: {} })).toBeUndefined();
    expect(cleanRateLimit({ remaining: -4, limit: 2e12, resetSeconds: 1e9 })).toEqual({ remaining: 0, limit: MAX_RATE_LIMIT, resetSeconds: 3_600 });
    expect(cleanRateLimit(undefined)).toBeUndefined();
  });
});
