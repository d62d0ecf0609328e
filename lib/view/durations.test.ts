import { describe, expect, it } from 'vitest';
import { compactBusinessSpan, compactWallSpan, countdownFigure, fullBusinessSpan } from './durations';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('compactBusinessSpan: business time stays in hours', () => {
  it.each([
    [400, '1s'],
    [12 * S, '12s'],
    [59 * S + 999, '59s'],
    [M, '1m'],
    [45 * M + 59 * S, '45m'],
    [59 * M + 59 * S, '59m'],
    [H, '1h'],
    [2 * H, '2h'],
    [3 * H + 12 * M + 30 * S, '3h 12m'],
    [9 * H + 59 * M, '9h 59m'],
    [10 * H + 30 * M, '10h'],
    [38 * H + 12 * M, '38h'],
    [100 * H, '100h'],
  ])('%i ms → %s', (ms, text) => {
    expect(compactBusinessSpan(ms)).toBe(text);
  });
});

describe('fullBusinessSpan: minutes kept for tooltips', () => {
  it.each([
    [30 * S, 'under a minute'],
    [59 * S + 999, 'under a minute'],
    [60 * S, '1m'],
    [45 * M, '45m'],
    [2 * H, '2h'],
    [38 * H + 12 * M + 59 * S, '38h 12m'],
    [3 * D, '72h'],
  ])('%i ms → %s', (ms, text) => {
    expect(fullBusinessSpan(ms)).toBe(text);
  });
});

describe('compactWallSpan: elapsed wall-clock time may use days', () => {
  it.each([
    [10 * S, '1m'],
    [40 * M, '40m'],
    [3 * H + 12 * M, '3h 12m'],
    [14 * H + 30 * M, '14h'],
    [D - 1, '23h'],
    [D, '1d'],
    [2 * D + 3 * H + 59 * M, '2d 3h'],
    [2 * D, '2d'],
    [12 * D + 5 * H, '12d'],
  ])('%i ms → %s', (ms, text) => {
    expect(compactWallSpan(ms)).toBe(text);
  });
});

describe('countdownFigure: the figure alone, for a cell too narrow for the words', () => {
  it.each([
    ['ok', 3 * H + 12 * M, false, '3h 12m'],
    ['at-risk', 45 * M, true, '~45m'],
    ['at-risk', 30 * S, false, '<1m'],
    ['paused', 2 * H, false, '2h'],
    ['breached', 0, false, 'Breached'],
    ['met', 0, false, 'met'],
  ] as const)('%s, %i ms left, approximate %s → %s', (state, remainingMs, approximate, text) => {
    expect(countdownFigure({ state, remainingMs, dueAt: 0 }, 40 * M, approximate)).toBe(text);
  });
});
