/**
 * A ticket's aging flags read at `now` (issue 18 §2), as the badge's mark and the popup's stale
 * list both read them: the oldest watch already stale (the one that is shown), and when the next
 * of the others turns stale.
 */
import { agingFlagsAt, agingState, type AgingWatch } from '../sla/index';
import { calendarFor, type CalendarSpecs } from './calendars';
import type { AgingView } from './types';

export function readAging(aging: AgingView | undefined, calendars: CalendarSpecs, now: number): { stale: AgingWatch | null; nextAt: number } {
  const cal = aging ? calendarFor(calendars, aging.calendarId) : null;
  if (!aging || !cal) return { stale: null, nextAt: Infinity };
  let stale: AgingWatch | null = null;
  let nextAt = Infinity;
  for (const watch of aging.watches) {
    if (agingState(cal, watch, now).stale) {
      if (!stale || watch.since < stale.since) stale = watch;
    } else nextAt = Math.min(nextAt, agingFlagsAt(cal, watch));
  }
  return { stale, nextAt };
}
