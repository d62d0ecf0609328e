import type { Hours, Weekday } from '../../sla/index';
import { t } from '../../i18n/core';
import { child, describe, isRecord, type Problems, type Where } from './problems';

export type Week = Partial<Record<Weekday, Hours>>;

const DAY = 1440;
const WEEK = 7 * DAY;
/** Zendesk counts interval minutes from Sunday 00:00 in the schedule's zone. */
const ZENDESK_DAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** Our files list days Monday first, as DESIGN.md does. */
const OUTPUT_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

interface Piece {
  /** Minutes from Sunday 00:00, within one day: [start, end), end ≤ the next midnight. */
  start: number;
  end: number;
  /** Index of the Zendesk interval it came from, and where that is. */
  index: number;
  where: Where;
}

/**
 * Zendesk's `intervals` (`[{start_time, end_time}]`, minutes from Sunday 00:00, 0–10080) as our
 * weekly hours. Zendesk says an interval can't span calendar days, yet its own docs print one that
 * does (1980 → 3900, Monday 09:00 → Tuesday 17:00): such an interval is cut at each midnight
 * ("24:00" / "00:00"), and one running past Saturday midnight continues on Sunday. Touching
 * intervals merge; overlapping ones are an error, since Zendesk would not have saved them.
 * Returns null after reporting a problem.
 */
export function weekFromIntervals(intervals: unknown, where: Where, problems: Problems): Week | null {
  if (!Array.isArray(intervals)) {
    problems.error(where, t('cfgz_intervals_list', { value: describe(intervals) }));
    return null;
  }
  const pieces: Piece[] = [];
  let ok = true;
  intervals.forEach((interval: unknown, i) => {
    const at = child(where, i);
    const range = readInterval(interval, at, problems);
    if (range === null) ok = false;
    else pieces.push(...cutAtMidnights(range[0], range[1], i, at));
  });
  if (!ok || !noOverlaps(pieces, problems)) return null;
  return toWeek(pieces);
}

function readInterval(interval: unknown, at: Where, problems: Problems): [number, number] | null {
  if (!isRecord(interval)) {
    problems.error(at, t('cfgz_interval_shape', { value: describe(interval) }));
    return null;
  }
  const { start_time: start, end_time: end } = interval;
  if (!isMinute(start) || start >= WEEK) {
    problems.error(child(at, 'start_time'), t('cfgz_interval_start', { value: describe(start) }));
    return null;
  }
  if (!isMinute(end) || end <= start || end - start > WEEK) {
    // The minute as the file writes it (1980, not 1,980).
    problems.error(child(at, 'end_time'), t('cfgz_interval_end', { start: String(start), value: describe(end) }));
    return null;
  }
  return [start, end];
}

function isMinute(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function cutAtMidnights(start: number, end: number, index: number, where: Where): Piece[] {
  const pieces: Piece[] = [];
  for (let from = start; from < end;) {
    const midnight = (Math.floor(from / DAY) + 1) * DAY;
    const to = Math.min(end, midnight);
    // Past Saturday midnight the week starts again on Sunday.
    const shift = Math.floor(from / WEEK) * WEEK;
    pieces.push({ start: from - shift, end: to - shift, index, where });
    from = to;
  }
  return pieces;
}

function noOverlaps(pieces: Piece[], problems: Problems): boolean {
  const sorted = [...pieces].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1]!, sorted[i]!];
    if (cur.start < prev.end) {
      const [first, second] = prev.index <= cur.index ? [prev, cur] : [cur, prev];
      problems.error(second.where, t('cfgz_interval_overlap', { path: first.where.path }));
      return false;
    }
  }
  return true;
}

function toWeek(pieces: Piece[]): Week {
  const byDay = new Map<Weekday, Array<[number, number]>>();
  for (const p of [...pieces].sort((a, b) => a.start - b.start)) {
    const day = ZENDESK_DAYS[Math.floor(p.start / DAY)]!;
    const base = Math.floor(p.start / DAY) * DAY;
    const list = byDay.get(day) ?? [];
    const last = list[list.length - 1];
    if (last && last[1] === p.start - base) last[1] = p.end - base;
    else list.push([p.start - base, p.end - base]);
    byDay.set(day, list);
  }
  const week: Week = {};
  for (const day of OUTPUT_ORDER) {
    const list = byDay.get(day);
    if (list) week[day] = list.map(([s, e]) => [clock(s), clock(e)]);
  }
  return week;
}

/** Minutes from midnight as "HH:MM"; 1440 is "24:00", the end of the day. */
function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
