import { z } from 'zod';
import { t } from '../i18n/core';
import { CalendarError, compileCalendar, type CalendarSpec } from '../sla/index';
import { pathFromEngine } from './path';

/**
 * Calendars are shaped here and validated by the engine itself (`compileCalendar`), so a file is
 * accepted exactly when the engine can run it and every message about hours comes from one place.
 * Patterns live in `.meta()` only: editors show and check them through the JSON Schema, while the
 * engine gives the precise sentence (`"25:00" is not a time of day …`).
 */

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export function idSchema(what: 'calendar' | 'policy') {
  return z
    .string()
    .regex(ID_PATTERN, { error: () => t(what === 'calendar' ? 'cfg_calendar_id_pattern' : 'cfg_policy_id_pattern') })
    .meta({ description: `Unique ${what} id, referenced from other parts of the file.` });
}

const timeOfDay = z.string().meta({
  description: 'Wall-clock time "HH:MM"; "24:00" may end a day.',
  pattern: '^(?:[01]\\d|2[0-3]):[0-5]\\d$|^24:00$',
});

export const hoursSchema = z.array(z.tuple([timeOfDay, timeOfDay])).meta({
  id: 'Hours',
  description: 'Opening intervals [["HH:MM", "HH:MM"], …]. An end before its start is an overnight shift belonging to the day it starts.',
});

export const dateSchema = z.string().meta({ description: 'A calendar date "YYYY-MM-DD".', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

const holidaySchema = z.union([
  dateSchema.meta({ description: 'Closed all day: "YYYY-MM-DD".' }),
  z.strictObject({ date: dateSchema, hours: hoursSchema.optional(), name: z.string().optional() }).meta({ description: 'Closed that day, or open only for `hours` (a half day).' }),
  z.strictObject({ from: dateSchema, to: dateSchema, name: z.string().optional() }).meta({ description: 'Closed from `from` to `to`, both dates included.' }),
]);

const week = z
  .strictObject({
    mon: hoursSchema.optional(),
    tue: hoursSchema.optional(),
    wed: hoursSchema.optional(),
    thu: hoursSchema.optional(),
    fri: hoursSchema.optional(),
    sat: hoursSchema.optional(),
    sun: hoursSchema.optional(),
  })
  .meta({ description: 'Opening hours per weekday; an omitted day is closed.' });

export const calendarSchema = z
  .strictObject({
    id: idSchema('calendar'),
    name: z.string().optional(),
    timeZone: z.string().meta({ description: 'IANA time zone, such as "Europe/Berlin" or "America/New_York".' }),
    week,
    holidays: z.array(holidaySchema).optional().meta({ description: 'Closed dates, half days and closed ranges.' }),
  })
  .superRefine((calendar, ctx) => {
    try {
      compileCalendar(calendar as CalendarSpec);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      ctx.addIssue({ code: 'custom', message: sentence(error.detail), path: pathFromEngine(error.path) });
    }
  })
  .meta({ description: 'Business hours in one time zone, with holidays.' });

export type CalendarDoc = z.infer<typeof calendarSchema>;

/** The engine writes lower-case clauses (in English: lib/sla has no catalog); a problem list reads better in sentences. */
function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
