/**
 * A ticket's aging flags (issue 18 §2), read in one place for the badge's mark, the popup's stale
 * list and the store's index of when each ticket turns stale.
 */
import { agingFlagsAt, agingState, type AgingWatch } from '../sla/index';
import { calendarFor, type CalendarSpecs } from './calendars';
import type { AgingView } from './types';

/** When the ticket's first aging flag turns on; Infinity: never, without new facts. */
export function firstStaleAt(aging: AgingView | undefined, calendars: CalendarSpecs): number {
  const cal = aging ? calendarFor(calendars, aging.calendarId) : null;
  if (!aging || !cal) return Infinity;
  return Math.min(Infinity, ...aging.watches.map((w) => agingFlagsAt(cal, w)));
}

/** The flags at `now`: the oldest watch already stale (the one that is shown), and when the next of the others turns stale. */
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
