/**
 * Which rows of a long list to render: rows have known heights (a few fixed kinds), so their
 * offsets are prefix sums and the visible window is two binary searches. Rendering only the
 * window plus a little overscan keeps a 10,000-ticket list as cheap as a 20-row one.
 */

/** `offsets[i]` is the top of row i; `offsets[n]` the total height. */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The row that contains pixel `y` (clamped to the list). */
export function rowAt(offsets: readonly number[], y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows `[start, end)` to render for a viewport at `scrollTop`, with `overscan` rows either side. */
export function visibleWindow(offsets: readonly number[], scrollTop: number, viewportHeight: number, overscan: number): { start: number; end: number } {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const total = offsets[n]!;
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, total - viewportHeight)));
  const first = rowAt(offsets, top);
  const last = rowAt(offsets, top + Math.max(0, viewportHeight - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}

/** The scrollTop that brings row `i` fully into view, moving as little as possible. */
export function scrollToReveal(offsets: readonly number[], i: number, scrollTop: number, viewportHeight: number, above = 0): number {
  const top = offsets[i] ?? 0;
  const bottom = offsets[i + 1] ?? top;
  if (top - above < scrollTop) return Math.max(0, top - above);
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight;
  return scrollTop;
}
