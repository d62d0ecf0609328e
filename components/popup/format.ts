/**
 * Times the popup's timeline needs beyond the shared words (lib/view/words.ts): clock times and
 * whole hours for its axis, in the user's locale and zone. Pure; `now` and the zone are
 * parameters so tests do not depend on the machine.
 */
import { TZDate } from '@date-fns/tz';
import { addHours, startOfHour } from 'date-fns';
import { formatter, type TimeFormat } from '../../lib/view/words';

export type { TimeFormat } from '../../lib/view/words';

/** Local clock time: `14:05` (or `2:05 PM`, as the locale writes it). */
export function formatClock(instant: number, format: TimeFormat = {}): string {
  return formatter('clock', format).format(instant);
}

/** A whole hour for an axis: `14:00` in 24-hour locales, `2 PM` in 12-hour ones (shorter than `2:00 PM`). */
export function formatHour(instant: number, format: TimeFormat = {}): string {
  return formatter('hour', format).format(instant);
}

/** The next whole hour after `now` on the user's clock (zones with half-hour offsets included). */
export function nextLocalHour(now: number, format: TimeFormat = {}): number {
  const local = format.timeZone ? new TZDate(now, format.timeZone) : new Date(now);
  return addHours(startOfHour(local), 1).getTime();
}
