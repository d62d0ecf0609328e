import { CalendarError } from './errors';
import type { CalendarSpec, Weekday } from './types';
import { DAY, HOUR, MINUTE, canonicalTimeZone, getZone, type Zone } from './zone';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * The engine works between these instants. A due time beyond the horizon is reported as
 * `Infinity` (never), so a calendar open one minute a week with a target of a year still answers
 * at once instead of walking millennia.
 */
export const HORIZON_START = Date.UTC(1900, 0, 1);
export const HORIZON_END = Date.UTC(2200, 0, 1);

/**
 * The timeline is cut into fixed UTC blocks; each block holds its open intervals with prefix
 * sums, so every query is a map lookup plus a binary search. 28 days keeps a 40-business-hour
 * target within one or two blocks.
 */
export const BLOCK_MS = 28 * DAY;
const MAX_CACHED_BLOCKS = 4096;

/** Minutes from the start of the local day; `end` may pass 1440 for an overnight shift. */
type DayHours = ReadonlyArray<readonly [start: number, end: number]>;

export interface Block {
  /** Open intervals [starts[i], ends[i]) clipped to the block, sorted and disjoint. */
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** cum[i] = open time in the block before interval i; cum[n] = total. */
  readonly cum: Float64Array;
  readonly total: number;
}

export interface Calendar {
  readonly timeZone: string;
  /** True for the `24x7` calendar: business time is elapsed time. */
  readonly always: boolean;
  /** Open time in one ordinary week (no holidays, no daylight-saving change), in ms. */
  readonly weeklyOpenMs: number;
  /** @internal the block with index `k` (`Math.floor(t / BLOCK_MS)`). */
  block(k: number): Block;
}

const EMPTY_BLOCK: Block = {
  starts: new Float64Array(0),
  ends: new Float64Array(0),
  cum: new Float64Array(1),
  total: 0,
};

class AlwaysOpen implements Calendar {
  readonly timeZone = 'UTC';
  readonly always = true;
  readonly weeklyOpenMs = 7 * DAY;
  block(k: number): Block {
    const s = k * BLOCK_MS;
    return {
      starts: Float64Array.of(s),
      ends: Float64Array.of(s + BLOCK_MS),
      cum: Float64Array.of(0, BLOCK_MS),
      total: BLOCK_MS,
    };
  }
}

const ALWAYS = new AlwaysOpen();

class WeeklyCalendar implements Calendar {
  readonly always = false;
  readonly timeZone: string;
  readonly weeklyOpenMs: number;
  private readonly zone: Zone;
  private readonly week: readonly DayHours[];
  private readonly specialDays: ReadonlyMap<number, DayHours>;
  private readonly closedRanges: ReadonlyArray<readonly [number, number]>;
  private readonly blocks = new Map<number, Block>();
  // One-entry memo: consecutive queries nearly always hit the same block.
  private lastK = NaN;
  private lastBlock: Block = EMPTY_BLOCK;

  constructor(timeZone: string, week: readonly DayHours[], specialDays: ReadonlyMap<number, DayHours>, closedRanges: ReadonlyArray<readonly [number, number]>) {
    this.timeZone = timeZone;
    this.zone = getZone(timeZone);
    this.week = week;
    this.specialDays = specialDays;
    this.closedRanges = closedRanges;
    let open = 0;
    for (const day of week) for (const [s, e] of day) open += (e - s) * MINUTE;
    this.weeklyOpenMs = open;
  }

  block(k: number): Block {
    if (k === this.lastK) return this.lastBlock;
    let b = this.blocks.get(k);
    if (!b) {
      b = this.buildBlock(k);
      if (this.blocks.size >= MAX_CACHED_BLOCKS) this.blocks.clear();
      this.blocks.set(k, b);
    }
    this.lastK = k;
    this.lastBlock = b;
    return b;
  }

  private hoursOn(day: number): DayHours {
    const special = this.specialDays.get(day);
    if (special) return special;
    for (const [from, to] of this.closedRanges) if (day >= from && day <= to) return [];
    return this.week[weekdayIndex(day)]!;
  }

  private buildBlock(k: number): Block {
    const lo = k * BLOCK_MS;
    const hi = lo + BLOCK_MS;
    if (hi <= HORIZON_START || lo >= HORIZON_END) return EMPTY_BLOCK;
    // Offsets lie within ±15h and a shift may run into the next day, so look one day further back.
    const firstDay = Math.floor((lo - 15 * HOUR) / DAY) - 1;
    const lastDay = Math.floor((hi + 15 * HOUR) / DAY);
    const starts: number[] = [];
    const ends: number[] = [];
    let prevEnd = -Infinity;
    for (let day = firstDay; day <= lastDay; day++) {
      const base = day * DAY;
      for (const [s, e] of this.hoursOn(day)) {
        let from = this.zone.localToUtc(base + s * MINUTE);
        let to = this.zone.localToUtc(base + e * MINUTE);
        if (from < lo) from = lo;
        if (to > hi) to = hi;
        // A special day may start inside the previous day's overnight shift, and a window inside a
        // spring-forward gap collapses: keep the timeline sorted and disjoint.
        if (from < prevEnd) from = prevEnd;
        if (to <= from) continue;
        if (from === prevEnd) {
          ends[ends.length - 1] = to;
        } else {
          starts.push(from);
          ends.push(to);
        }
        prevEnd = to;
      }
    }
    const n = starts.length;
    const cum = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) cum[i + 1] = cum[i]! + ends[i]! - starts[i]!;
    return { starts: Float64Array.from(starts), ends: Float64Array.from(ends), cum, total: cum[n]! };
  }
}

/** Monday = 0 … Sunday = 6 for a day number counted from 1970-01-01 (a Thursday). */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const TIME = /^(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseTime(value: unknown, path: string, isEnd: boolean): number {
  if (typeof value !== 'string') {
    throw new CalendarError(path, `expected a time of day as "HH:MM", got ${describe(value)}`);
  }
  const m = TIME.exec(value);
  const h = m ? Number(m[1]) : NaN;
  const min = m ? Number(m[2]) : NaN;
  if (m && h === 24 && min === 0) {
    if (isEnd) return 1440;
    throw new CalendarError(path, '"24:00" can only end an interval; start the day at "00:00"');
  }
  if (!m || h > 23 || min > 59) {
    throw new CalendarError(path, `"${value}" is not a time of day; write "HH:MM" from "00:00" to "24:00"`);
  }
  return h * 60 + min;
}

/** Day number (days since 1970-01-01) of a "YYYY-MM-DD" date. */
function parseDate(value: unknown, path: string): number {
  if (typeof value !== 'string') {
    throw new CalendarError(path, `expected a date as "YYYY-MM-DD", got ${describe(value)}`);
  }
  const m = DATE.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const t = Date.UTC(y, mo - 1, d);
    const check = new Date(t);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d) {
      return t / DAY;
    }
  }
  throw new CalendarError(path, `"${value}" is not a calendar date; write "YYYY-MM-DD"`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknownKeys(obj: Record<string, unknown>, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const where = path ? `${path}.${key}` : key;
      throw new CalendarError(where, `unknown field "${key}"; expected one of ${allowed.join(', ')}`);
    }
  }
}

interface Span {
  start: number;
  end: number;
  path: string;
}

/**
 * Parses one day's intervals into minutes from the day's start. `offset` places the day in a
 * longer run (the week) so that overnight shifts are checked against the next day.
 */
function parseHours(value: unknown, path: string, offset: number, spans: Span[]): Array<[number, number]> {
  if (!Array.isArray(value)) {
    throw new CalendarError(path, `expected a list of ["HH:MM", "HH:MM"] intervals, got ${describe(value)}`);
  }
  const out: Array<[number, number]> = [];
  value.forEach((interval: unknown, i) => {
    const at = `${path}[${i}]`;
    if (!Array.isArray(interval) || interval.length !== 2) {
      throw new CalendarError(at, `expected an interval ["HH:MM", "HH:MM"], got ${describe(interval)}`);
    }
    const start = parseTime(interval[0], `${at}[0]`, false);
    let end = parseTime(interval[1], `${at}[1]`, true);
    if (end === start) {
      throw new CalendarError(at, `the interval ["${interval[0]}", "${interval[1]}"] is empty`);
    }
    // An end before the start is an overnight shift that belongs to the day it starts.
    if (end < start) end += 1440;
    out.push([start, end]);
    spans.push({ start: offset + start, end: offset + end, path: at });
  });
  out.sort((a, b) => a[0] - b[0]);
  return out;
}

/** Throws on the first pair of spans that overlap; `cycle` wraps the last day onto the first. */
function assertDisjoint(spans: Span[], cycle: number | null): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let reach: Span | null = null;
  for (const span of sorted) {
    if (reach && span.start < reach.end) {
      throw new CalendarError(span.path, `this interval overlaps ${reach.path}`);
    }
    if (!reach || span.end > reach.end) reach = span;
  }
  if (cycle !== null && reach && sorted.length > 0) {
    const first = sorted[0]!;
    if (reach !== first && reach.end - cycle > first.start) {
      throw new CalendarError(first.path, `this interval overlaps the overnight shift ${reach.path}`);
    }
  }
}

function sameHours(a: DayHours, b: DayHours): boolean {
  return a.length === b.length && a.every(([start, end], i) => start === b[i]![0] && end === b[i]![1]);
}

/**
 * Validates a calendar and prepares it for fast queries. Throws `CalendarError` naming the
 * offending field.
 */
export function compileCalendar(spec: CalendarSpec | '24x7'): Calendar {
  if (spec === '24x7') return ALWAYS;
  if (!isRecord(spec)) {
    throw new CalendarError('', `expected a calendar object or "24x7", got ${describe(spec)}`);
  }
  rejectUnknownKeys(spec, ['timeZone', 'week', 'holidays', 'id', 'name'], '');

  const timeZone = canonicalTimeZone(spec.timeZone);
  if (timeZone === null) {
    throw new CalendarError(
      'timeZone',
      spec.timeZone === undefined ? 'a time zone is required, such as "Europe/Berlin"' : `${describe(spec.timeZone)} is not a known IANA time zone, such as "Europe/Berlin" or "America/New_York"`,
    );
  }

  if (!isRecord(spec.week)) {
    throw new CalendarError('week', `expected opening hours per weekday (mon … sun), got ${describe(spec.week)}`);
  }
  rejectUnknownKeys(spec.week, WEEKDAYS, 'week');
  const spans: Span[] = [];
  const week = WEEKDAYS.map((name, i) => {
    const hours = spec.week[name];
    return hours === undefined ? [] : parseHours(hours, `week.${name}`, i * 1440, spans);
  });
  assertDisjoint(spans, 7 * 1440);
  if (spans.length === 0) {
    throw new CalendarError('week', 'the calendar is never open; give at least one weekday its opening hours');
  }

  const specialDays = new Map<number, DayHours>();
  const listedAt = new Map<number, string>();
  // The same day twice with the same hours is harmless and common (two countries' lists merged):
  // either entry gives the same calendar. Different hours for one day cannot both hold.
  const setDay = (day: number, hours: DayHours, path: string) => {
    const earlier = listedAt.get(day);
    if (earlier !== undefined) {
      const before = specialDays.get(day)!;
      if (sameHours(before, hours)) return;
      const conflict = before.length === 0 ? 'as closed; it cannot also be open' : hours.length === 0 ? 'with opening hours; it cannot also be closed' : 'with other opening hours';
      throw new CalendarError(path, `this date is already listed at ${earlier} ${conflict}; keep one of the two`);
    }
    listedAt.set(day, path);
    specialDays.set(day, hours);
  };
  const closedRanges: Array<[number, number]> = [];
  const holidays: unknown = spec.holidays ?? [];
  if (!Array.isArray(holidays)) {
    throw new CalendarError('holidays', `expected a list of holidays, got ${describe(holidays)}`);
  }
  holidays.forEach((h: unknown, i) => {
    const path = `holidays[${i}]`;
    if (typeof h === 'string') {
      setDay(parseDate(h, path), [], path);
      return;
    }
    if (!isRecord(h)) {
      throw new CalendarError(path, `expected a date "YYYY-MM-DD", { date, hours? } or { from, to }, got ${describe(h)}`);
    }
    if ('from' in h || 'to' in h) {
      rejectUnknownKeys(h, ['from', 'to', 'name'], path);
      const from = parseDate(h.from, `${path}.from`);
      const to = parseDate(h.to, `${path}.to`);
      if (to < from) throw new CalendarError(`${path}.to`, `the range ends (${String(h.to)}) before it starts (${String(h.from)})`);
      closedRanges.push([from, to]);
      return;
    }
    rejectUnknownKeys(h, ['date', 'hours', 'name'], path);
    const day = parseDate(h.date, `${path}.date`);
    const daySpans: Span[] = [];
    const hours = h.hours === undefined ? [] : parseHours(h.hours, `${path}.hours`, 0, daySpans);
    assertDisjoint(daySpans, null);
    setDay(day, hours, path);
  });

  return new WeeklyCalendar(timeZone, week, specialDays, closedRanges);
}
