import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, NOW, summary } from './__fixtures__/tickets';
import { formatClock, formatHour, nextLocalHour } from './format';
import { pillText, formatDue } from '../../lib/view/words';

describe('countdownText', () => {
  it.each([
    ['at-risk', 12 * MINUTE, true, '12m left'],
    ['at-risk', 3 * HOUR + 12 * MINUTE, false, '~3h 12m left'],
    ['at-risk', 30_000, true, '<1m left'],
    ['at-risk', 30_000, false, '<1m left'],
    ['paused', 2 * HOUR, true, 'paused · 2h left'],
    ['breached', -40 * MINUTE, true, 'breached 40m ago'],
    ['breached', -(51 * HOUR), false, 'breached ~2d 3h ago'],
    ['breached', -10_000, true, 'breached just now'],
  ] as const)('%s, %d ms left, exact %s: %s', (state, remainingMs, exact, text) => {
    expect(pillText(summary('X-1', { state, dueIn: remainingMs, exact }), NOW)).toBe(text);
  });
});

describe('times', () => {
  const utc = { locale: 'en-GB', timeZone: 'UTC' };
  it('writes clock times as the locale does, in the given zone', () => {
    expect(formatClock(NOW + 5 * MINUTE, utc)).toBe('12:05');
    expect(formatClock(NOW - 3 * HOUR, utc)).toBe('09:00');
    expect(formatClock(NOW, { locale: 'en-US', timeZone: 'America/New_York' })).toBe('7:00 AM');
  });

  it('writes axis hours short', () => {
    expect(formatHour(NOW + 8 * HOUR, utc)).toBe('20:00');
    expect(formatHour(NOW + 8 * HOUR, { locale: 'en-US', timeZone: 'UTC' })).toBe('8 PM');
  });

  it('adds the year to due times only when it differs', () => {
    expect(formatDue(NOW, NOW, utc)).toBe('Thu 26 Nov, 12:00');
    expect(formatDue(NOW + 40 * 24 * HOUR, NOW, utc)).toBe('Tue, 5 Jan 2027, 12:00');
    expect(formatDue(Infinity, NOW, utc)).toBe('never');
  });

  it('finds the next whole local hour', () => {
    expect(nextLocalHour(NOW, utc)).toBe(NOW + HOUR);
    expect(nextLocalHour(NOW + 59 * MINUTE + 999, utc)).toBe(NOW + HOUR);
    expect(nextLocalHour(NOW, { timeZone: 'Asia/Kolkata' })).toBe(NOW + 30 * MINUTE);
    expect(nextLocalHour(NOW, { timeZone: 'Asia/Kathmandu' })).toBe(NOW + 15 * MINUTE);
  });
});
