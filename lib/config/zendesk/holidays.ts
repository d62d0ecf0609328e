import type { HolidaySpec } from '../../sla/index';
import { t } from '../../i18n/core';
import { child, describe, isRecord, type Problems, type Where } from './problems';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One Zendesk holiday `{name, start_date, end_date}` (dates inclusive) as a calendar holiday: one
 * day becomes a date (with its name, when it has one, so the preview can say why a day is
 * closed), several days an inclusive `{from, to}` range. Dates are taken as given — the docs'
 * Create Holiday example answers with other dates than it was asked for, and we cannot know
 * which is right. Whether a date exists (2021-02-30) is left to `compileCalendar`.
 */
export function holidayFromZendesk(holiday: unknown, where: Where, problems: Problems): HolidaySpec | null {
  if (!isRecord(holiday)) {
    problems.error(where, t('cfgz_holiday_shape', { value: describe(holiday) }));
    return null;
  }
  const start = holiday.start_date;
  if (typeof start !== 'string' || !ISO_DATE.test(start)) {
    problems.error(child(where, 'start_date'), t('cfgz_holiday_start', { value: describe(start) }));
    return null;
  }
  // Zendesk always sends both dates; a missing end is read as a one-day holiday.
  const end = holiday.end_date ?? start;
  if (typeof end !== 'string' || !ISO_DATE.test(end)) {
    problems.error(child(where, 'end_date'), t('cfgz_holiday_end', { value: describe(end) }));
    return null;
  }
  if (end < start) {
    problems.error(child(where, 'end_date'), t('cfgz_holiday_backwards', { end, start }));
    return null;
  }
  const name = typeof holiday.name === 'string' && holiday.name.trim() !== '' ? holiday.name : undefined;
  if (end === start) return name === undefined ? start : { date: start, name };
  return name === undefined ? { from: start, to: end } : { from: start, to: end, name };
}
