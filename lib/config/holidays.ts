import { t } from '../i18n/core';
import { formatHours } from './format';
import { formatPath, type PathSegment } from './path';
import { error, warning, type RawProblem } from './problem';
import type { CalendarDoc } from './schema';

interface Range {
  from: string;
  to: string;
  index: number;
}

/**
 * Holidays listed more than once in a calendar. Two countries' lists merged repeat dates and
 * overlap ranges: harmless, so a warning naming both places. A day with special hours inside a
 * closed range cannot be both: an error (the engine would let the hours win without a word).
 * The same date twice with different hours is refused by the engine itself (`compileCalendar`).
 *
 * Dates compare as text: the schema has already checked they are real `YYYY-MM-DD` dates.
 */
export function holidayRepeats(calendars: readonly CalendarDoc[]): RawProblem[] {
  const problems: RawProblem[] = [];
  calendars.forEach((calendar, c) => {
    const holidays = calendar.holidays ?? [];
    const at = (j: number): PathSegment[] => ['calendars', c, 'holidays', j];
    const ranges: Range[] = [];
    const dates: Array<{ date: string; hours: CalendarDoc['week']['mon']; index: number }> = [];
    holidays.forEach((h, j) => {
      if (typeof h === 'string') dates.push({ date: h, hours: undefined, index: j });
      else if ('from' in h) ranges.push({ from: h.from, to: h.to, index: j });
      else dates.push({ date: h.date, hours: h.hours, index: j });
    });

    const firstAt = new Map<string, number>();
    for (const { date, index } of dates) {
      const earlier = firstAt.get(date);
      if (earlier === undefined) firstAt.set(date, index);
      else problems.push(warning(at(index), t('cfg_holiday_twice', { date, where: formatPath(at(earlier)) })));
    }

    ranges.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.index - b.index));
    // Sweep: the range reaching furthest so far is the one a later range can overlap.
    let reach: Range | null = null;
    const furthest: Range[] = [];
    for (const range of ranges) {
      if (reach && range.from <= reach.to) {
        const [first, second] = reach.index < range.index ? [reach, range] : [range, reach];
        problems.push(warning(at(second.index), t('cfg_holiday_ranges_overlap', { from: first.from, to: first.to, where: formatPath(at(first.index)) })));
      }
      if (!reach || range.to > reach.to) reach = range;
      furthest.push(reach);
    }

    if (ranges.length === 0) return;
    for (const { date, hours, index } of dates) {
      const range = coveringRange(ranges, furthest, date);
      if (!range) continue;
      const vars = { date, from: range.from, to: range.to, where: formatPath(at(range.index)) };
      if (hours !== undefined && hours.length > 0) {
        problems.push(error(at(index), t('cfg_holiday_open_in_closed_range', { ...vars, hours: formatHours(hours) })));
      } else {
        problems.push(warning(at(index), t('cfg_holiday_in_closed_range', vars)));
      }
    }
  });
  return problems;
}

/**
 * A range containing `date`: among the ranges starting on or before it (found by binary search over
 * `sorted`), the one reaching furthest, which `furthest` holds for every prefix.
 */
function coveringRange(sorted: readonly Range[], furthest: readonly Range[], date: string): Range | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.from <= date) lo = mid + 1;
    else hi = mid;
  }
  const best = furthest[lo - 1];
  return best && best.to >= date ? best : null;
}
