import { BLOCK_MS, HORIZON_END, HORIZON_START, type Block, type Calendar } from './calendar';
import type { OpenPause, Pause } from './types';

const FIRST_BLOCK = Math.floor(HORIZON_START / BLOCK_MS);
const LAST_BLOCK = Math.floor(HORIZON_END / BLOCK_MS);

function clamp(t: number): number {
  return t < HORIZON_START ? HORIZON_START : t > HORIZON_END ? HORIZON_END : t;
}

/** Index of the last interval starting at or before `t`, or -1. */
function lastStartAtOrBefore(b: Block, t: number): number {
  const s = b.starts;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Open time in the block before `t`. */
function openBefore(b: Block, t: number): number {
  const i = lastStartAtOrBefore(b, t);
  if (i < 0) return 0;
  const end = b.ends[i]!;
  return b.cum[i]! + (t < end ? t : end) - b.starts[i]!;
}

/** Open time in [from, to); zero when `to` is not after `from`. */
export function businessTimeBetween(cal: Calendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (cal.always) return to - from;
  const a = clamp(from);
  const z = clamp(to);
  const ka = Math.floor(a / BLOCK_MS);
  const kz = Math.floor(z / BLOCK_MS);
  if (ka === kz) {
    const b = cal.block(ka);
    return openBefore(b, z) - openBefore(b, a);
  }
  const first = cal.block(ka);
  let sum = first.total - openBefore(first, a);
  for (let k = ka + 1; k < kz; k++) sum += cal.block(k).total;
  return sum + openBefore(cal.block(kz), z);
}

/**
 * The earliest instant at or after `from` by which `ms` of open time has passed. A target that
 * completes exactly at a closing time is due at that closing time. `Infinity` past the horizon.
 */
export function addBusinessTime(cal: Calendar, from: number, ms: number): number {
  if (ms === 0 || Number.isNaN(ms) || Number.isNaN(from)) return ms === 0 ? from : NaN;
  if (ms < 0) return subtractBusinessTime(cal, from, -ms);
  if (cal.always) return from + ms;
  if (from >= HORIZON_END || ms === Infinity) return Infinity;
  const start = clamp(from);
  let k = Math.floor(start / BLOCK_MS);
  let b = cal.block(k);
  let need = ms + openBefore(b, start);
  while (need > b.total) {
    need -= b.total;
    if (++k > LAST_BLOCK) return Infinity;
    b = cal.block(k);
  }
  // First interval whose cumulative end reaches `need`.
  const cum = b.cum;
  let lo = 0;
  let hi = b.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid + 1]! >= need) hi = mid;
    else lo = mid + 1;
  }
  return b.starts[lo]! + (need - cum[lo]!);
}

/**
 * The latest instant `t` with `businessTimeBetween(cal, t, from) === ms`. Counting back to an
 * opening boundary gives that opening. `-Infinity` before the horizon.
 */
export function subtractBusinessTime(cal: Calendar, from: number, ms: number): number {
  if (ms === 0 || Number.isNaN(ms) || Number.isNaN(from)) return ms === 0 ? from : NaN;
  if (ms < 0) return addBusinessTime(cal, from, -ms);
  if (cal.always) return from - ms;
  if (from <= HORIZON_START || ms === Infinity) return -Infinity;
  const start = clamp(from);
  let k = Math.floor(start / BLOCK_MS);
  let b = cal.block(k);
  let need = openBefore(b, start) - ms;
  while (need < 0) {
    if (--k < FIRST_BLOCK) return -Infinity;
    b = cal.block(k);
    need += b.total;
  }
  // Last interval whose cumulative start is at or before `need`.
  const cum = b.cum;
  let lo = 0;
  let hi = b.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (cum[mid]! <= need) lo = mid;
    else hi = mid - 1;
  }
  return b.starts[lo]! + (need - cum[lo]!);
}

/** `t` if the calendar is open at `t`, else the next opening instant (`Infinity` if none). */
export function nextOpen(cal: Calendar, t: number): number {
  if (cal.always || Number.isNaN(t)) return t;
  if (t >= HORIZON_END) return Infinity;
  const start = clamp(t);
  let k = Math.floor(start / BLOCK_MS);
  let b = cal.block(k);
  const i = lastStartAtOrBefore(b, start);
  if (i >= 0 && start < b.ends[i]!) return t < HORIZON_START ? b.starts[i]! : t;
  if (i + 1 < b.starts.length) return b.starts[i + 1]!;
  while (++k <= LAST_BLOCK) {
    b = cal.block(k);
    if (b.starts.length > 0) return b.starts[0]!;
  }
  return Infinity;
}

/** Whether the calendar is open at `t` (intervals are half-open: closed at the closing instant). */
export function isOpen(cal: Calendar, t: number): boolean {
  return nextOpen(cal, t) === t;
}

function isSorted(pauses: readonly OpenPause[]): boolean {
  for (let i = 1; i < pauses.length; i++) if (pauses[i]!.from < pauses[i - 1]!.from) return false;
  return true;
}

/** Pauses in order of their start; the caller's array is copied only when it is out of order. */
export function inOrder<P extends OpenPause>(pauses: readonly P[]): readonly P[] {
  return isSorted(pauses) ? pauses : [...pauses].sort((a, b) => a.from - b.from);
}

/**
 * Open time inside [from, to) covered by at least one pause. Overlapping pauses count once; a
 * pause still going on (`to: null`) runs to `to`.
 */
export function pausedBusinessTime(cal: Calendar, pauses: readonly OpenPause[], from: number, to: number): number {
  if (pauses.length === 0 || !(to > from)) return 0;
  const ordered = inOrder(pauses);
  let cursor = from;
  let paused = 0;
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i]!;
    const a = p.from > cursor ? p.from : cursor;
    const pEnd = p.to === null ? to : p.to;
    const z = pEnd < to ? pEnd : to;
    if (z > a) {
      paused += businessTimeBetween(cal, a, z);
      cursor = z;
    }
    if (cursor >= to) break;
  }
  return paused;
}

/**
 * The instant a clock started at `start` reaches `targetMs` of open time, not counting open time
 * covered by `pauses`. A target reached exactly when a pause begins is due at that instant.
 */
export function dueAt(cal: Calendar, start: number, targetMs: number, pauses: readonly Pause[] = []): number {
  if (pauses.length === 0 || !(targetMs > 0)) return addBusinessTime(cal, start, targetMs);
  const ordered = inOrder(pauses);
  let t = start;
  let remaining = targetMs;
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i]!;
    if (p.to <= t) continue;
    if (p.from > t) {
      const due = addBusinessTime(cal, t, remaining);
      if (due <= p.from) return due;
      remaining -= businessTimeBetween(cal, t, p.from);
    }
    t = p.to;
  }
  return addBusinessTime(cal, t, remaining);
}
