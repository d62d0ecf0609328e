import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../sla/index';
import { durationText } from './duration-text';

describe('durationText', () => {
  it.each([
    [10 * 60, '10m'],
    [45 * 60, '45m'],
    [60 * 60, '1h'],
    [90 * 60, '1h30m'],
    [4 * 3600, '4h'],
    [72 * 3600, '72h'],
    [2460 * 60, '41h'],
    [90, '1m30s'],
    [15, '15s'],
    [3615, '1h15s'],
  ])('%i s → %s, which parseDuration reads back', (seconds, text) => {
    expect(durationText(seconds)).toBe(text);
    expect(parseDuration(text)).toBe(seconds * 1000);
  });
});
