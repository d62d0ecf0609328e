/**
 * UTC offsets of an IANA zone, and wall-clock → instant conversion with Temporal's "compatible"
 * disambiguation. Everything goes through `Intl`, never the machine's own zone, so results do not
 * depend on where the engine runs.
 *
 * An `Intl` call costs a few microseconds, so offsets are cached per week: one call per week
 * boundary, plus a bisection in the rare week whose two ends differ (a transition).
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export interface Zone {
  readonly id: string;
  /** local wall-clock time minus UTC, in ms, at the instant `t`. */
  offsetAt(t: number): number;
  /**
   * The instant at which the zone's clocks show `local` (wall-clock ms as if it were UTC).
   * A time skipped by a spring-forward gap moves forward by the gap; a time shown twice in a
   * fall-back overlap takes its first occurrence.
   */
  localToUtc(local: number): number;
}

const UTC_IDS = new Set(['UTC', 'ETC/UTC', 'GMT', 'ETC/GMT', 'ZULU', 'UNIVERSAL', 'ETC/UNIVERSAL', 'ETC/ZULU']);

const utcZone: Zone = {
  id: 'UTC',
  offsetAt: () => 0,
  localToUtc: (local) => local,
};

/** The zone's canonical id, or null when `Intl` does not know it. */
export function canonicalTimeZone(id: unknown): string | null {
  if (typeof id !== 'string' || id.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

interface WeekOffsets {
  /** First instant of the new offset, or Infinity when the week has no transition. */
  at: number;
  before: number;
  after: number;
}

class IntlZone implements Zone {
  readonly id: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly weeks = new Map<number, WeekOffsets>();
  private readonly boundaries = new Map<number, number>();

  constructor(id: string) {
    this.id = id;
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetAt(t: number): number {
    const k = Math.floor(t / WEEK);
    const w = this.weeks.get(k) ?? this.measureWeek(k);
    return t < w.at ? w.before : w.after;
  }

  localToUtc(local: number): number {
    const before = this.offsetAt(local - DAY);
    const after = this.offsetAt(local + DAY);
    if (before === after) return local - before;
    const early = local - before;
    const late = local - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    // In a gap: read the wall time with the offset in force before it, which lands after the gap.
    return early;
  }

  private measureWeek(k: number): WeekOffsets {
    const lo = k * WEEK;
    const hi = lo + WEEK;
    const before = this.boundaryOffset(lo);
    const after = this.boundaryOffset(hi);
    let w: WeekOffsets;
    if (before === after) {
      w = { at: Infinity, before, after };
    } else {
      // Transitions fall on whole seconds: bisect seconds.
      let a = lo / 1000;
      let b = hi / 1000;
      while (b - a > 1) {
        const mid = Math.floor((a + b) / 2);
        if (this.rawOffset(mid * 1000) === before) a = mid;
        else b = mid;
      }
      w = { at: b * 1000, before, after };
    }
    if (this.weeks.size > 20_000) this.weeks.clear();
    this.weeks.set(k, w);
    return w;
  }

  private boundaryOffset(t: number): number {
    let o = this.boundaries.get(t);
    if (o === undefined) {
      o = this.rawOffset(t);
      if (this.boundaries.size > 20_000) this.boundaries.clear();
      this.boundaries.set(t, o);
    }
    return o;
  }

  private rawOffset(t: number): number {
    const seconds = Math.floor(t / 1000) * 1000;
    const v: Record<string, number> = {};
    for (const part of this.format.formatToParts(seconds)) v[part.type] = Number(part.value);
    const d = new Date(0);
    d.setUTCFullYear(v.year!, v.month! - 1, v.day!);
    d.setUTCHours(v.hour!, v.minute!, v.second!, 0);
    return d.getTime() - seconds;
  }
}

const zones = new Map<string, Zone>();

/** A shared, cached zone. `id` must already be valid (see `canonicalTimeZone`). */
export function getZone(id: string): Zone {
  if (UTC_IDS.has(id.toUpperCase())) return utcZone;
  let z = zones.get(id);
  if (!z) {
    z = new IntlZone(id);
    zones.set(id, z);
  }
  return z;
}
