import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, scrollToReveal, visibleWindow } from './virtual-window';

describe('virtual window', () => {
  const offsets = rowOffsets([28, 56, 56, 28, 56, 56, 56]); // 0 28 84 140 168 224 280 336

  it('adds up offsets', () => {
    expect(offsets).toEqual([0, 28, 84, 140, 168, 224, 280, 336]);
  });

  it('finds the row under a pixel', () => {
    expect([0, 27, 28, 83, 84, 335, 400, -5].map((y) => rowAt(offsets, y))).toEqual([0, 0, 1, 1, 2, 6, 6, 0]);
  });

  it('renders the visible rows plus overscan, clamped to the list', () => {
    expect(visibleWindow(offsets, 0, 100, 0)).toEqual({ start: 0, end: 3 });
    expect(visibleWindow(offsets, 90, 100, 1)).toEqual({ start: 1, end: 6 }); // rows 2–4 show
    // Scrolled past the end (the list shrank under a filter): the last screenful.
    expect(visibleWindow(offsets, 10_000, 100, 0)).toEqual({ start: 5, end: 7 });
    expect(visibleWindow(rowOffsets([]), 0, 100, 3)).toEqual({ start: 0, end: 0 });
  });

  it('keeps a 10,000-row list to a window', () => {
    const big = rowOffsets(new Array(10_000).fill(56));
    const { start, end } = visibleWindow(big, 56 * 5000, 330, 4);
    expect(start).toBe(4996);
    expect(end - start).toBeLessThan(20);
  });

  it('scrolls as little as needed to reveal a row', () => {
    expect(scrollToReveal(offsets, 2, 0, 100)).toBe(40); // bottom 140 - 100
    expect(scrollToReveal(offsets, 1, 60, 100)).toBe(28);
    expect(scrollToReveal(offsets, 1, 20, 100)).toBe(20);
    // Leaves room for a group header above the row.
    expect(scrollToReveal(offsets, 4, 200, 100, 28)).toBe(140);
  });
});
