import { CalendarError, compileCalendar, type HolidaySpec } from '../../sla/index';
import { t } from '../../i18n/core';
import { holidayFromZendesk } from './holidays';
import { weekFromIntervals } from './intervals';
import { child, describe, type Problems, type Where } from './problems';
import { ianaFromZendeskZone } from './rails-zones';
import type { CalendarV1Like } from './types';

export interface ScheduleParts {
  /** The Zendesk schedule object. */
  schedule: Record<string, unknown>;
  where: Where;
  calendarId: string;
  /** Holidays from holidays bodies that belong to this schedule. */
  holidays: Array<{ value: unknown; where: Where }>;
  /** Intervals from a `/workweek` body, which replace the schedule's own. */
  workweek?: { value: unknown; where: Where };
}

/**
 * Zendesk gives a new schedule Monday–Friday 09:00–17:00: the docs' Create Schedule request has
 * no intervals and its 201 response has exactly these.
 */
const ZENDESK_DEFAULT_INTERVALS = [1, 2, 3, 4, 5].map((day) => ({ start_time: day * 1440 + 540, end_time: day * 1440 + 1020 }));

/** A Zendesk schedule as a calendar, checked by the engine itself. Null after reporting a problem. */
export function calendarFromSchedule(parts: ScheduleParts, problems: Problems): CalendarV1Like | null {
  const { schedule, where } = parts;
  const label = scheduleLabel(schedule);
  const errorsBefore = problems.errors.length;

  const name = typeof schedule.name === 'string' && schedule.name.trim() !== '' ? schedule.name : label;
  const timeZone = ianaFromZendeskZone(schedule.time_zone);
  if (timeZone === null) {
    problems.error(child(where, 'time_zone'), t('cfgz_time_zone', { schedule: label, value: describe(schedule.time_zone) }));
  }

  let intervals = parts.workweek ? parts.workweek.value : schedule.intervals;
  let intervalsWhere = parts.workweek?.where ?? child(where, 'intervals');
  if (intervals === undefined) {
    problems.warn(where, t('cfgz_default_hours', { schedule: label }));
    intervals = ZENDESK_DEFAULT_INTERVALS;
    intervalsWhere = where;
  }
  const week = weekFromIntervals(intervals, intervalsWhere, problems);

  const holidays: HolidaySpec[] = [];
  const holidayWhere: Where[] = [];
  const seen = new Set<string>();
  for (const h of parts.holidays) {
    const spec = holidayFromZendesk(h.value, h.where, problems);
    if (spec === null) continue;
    // The same holiday from a list and a show export is one holiday, not a clash.
    const key = JSON.stringify(spec);
    if (seen.has(key)) continue;
    seen.add(key);
    holidays.push(spec);
    holidayWhere.push(h.where);
  }

  if (timeZone === null || week === null || problems.errors.length > errorsBefore) return null;
  const calendar: CalendarV1Like = { id: parts.calendarId, name, timeZone, week, holidays };
  try {
    compileCalendar(calendar);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    problems.error(rootEnginePath(error.path, where, intervalsWhere, holidayWhere), t('cfgz_schedule_invalid', { schedule: label, problem: sentence(error.detail) }));
    return null;
  }
  return calendar;
}

/** `"North America" (id 1)`, for messages. */
export function scheduleLabel(schedule: Record<string, unknown>): string {
  const named = typeof schedule.name === 'string' && schedule.name.trim() !== '';
  if (typeof schedule.id !== 'number') return named ? t('cfgf_quoted', { text: schedule.name as string }) : t('cfgz_schedule_unnamed');
  // The id as Zendesk writes it (360001, not 360,001).
  const id = String(schedule.id);
  return named ? t('cfgz_schedule_named_id', { name: schedule.name as string, id }) : t('cfgz_schedule_unnamed_id', { id });
}

/** The engine's calendar-relative path (`week.tue[0][1]`, `holidays[2].to`) re-rooted in the Zendesk file. */
function rootEnginePath(path: string, schedule: Where, intervals: Where, holidays: Where[]): Where {
  if (path === 'timeZone') return child(schedule, 'time_zone');
  if (path.startsWith('week')) return intervals;
  const m = /^holidays\[(\d+)\](?:\.(\w+))?/.exec(path);
  const holiday = m ? holidays[Number(m[1])] : undefined;
  if (m && holiday) {
    const field = m[2] === 'to' ? 'end_date' : m[2] === undefined ? null : 'start_date';
    return field === null ? holiday : child(holiday, field);
  }
  return schedule;
}

function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
