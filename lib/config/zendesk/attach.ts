import { t } from '../../i18n/core';
import { commaList } from '../format';
import type { Problems } from './problems';
import type { Attachment } from './read-inputs';

export interface ScheduleRef {
  /** Zendesk's schedule id, from the body or the input's `scheduleId`. */
  zendeskId: number | undefined;
  label: string;
}

/**
 * The schedule a holidays or workweek body belongs to. Zendesk's bodies do not say (the id is
 * only in the request URL), so: the input's `scheduleId`; else a schedule id written in the file
 * name (`holidays-2.json`); else the only schedule imported. Anything else is a question for the
 * admin, reported as an error rather than guessed.
 */
export function scheduleFor<T extends ScheduleRef>(attachment: Attachment, schedules: readonly T[], problems: Problems): T | null {
  const hours = attachment.intervals !== undefined && attachment.holidays.length === 0;
  const hint = attachment.input.scheduleId;
  if (hint !== undefined) {
    const found = schedules.find((s) => s.zendeskId === hint);
    // Ids as written: String keeps a Zendesk id such as 360001 from being grouped like a count.
    if (!found) problems.error(attachment.where, t(hours ? 'cfgz_hours_schedule_missing' : 'cfgz_holidays_schedule_missing', { id: String(hint) }));
    return found ?? null;
  }
  if (schedules.length === 0) {
    problems.error(attachment.where, t(hours ? 'cfgz_hours_no_schedule' : 'cfgz_holidays_no_schedule'));
    return null;
  }
  const named = idsInFileName(attachment.input.fileName);
  const byName = schedules.filter((s) => s.zendeskId !== undefined && named.includes(s.zendeskId));
  if (byName.length === 1) return byName[0]!;
  if (schedules.length === 1) return schedules[0]!;
  const choices = commaList(schedules.map((s) => s.label));
  const example = String(schedules.find((s) => s.zendeskId !== undefined)?.zendeskId ?? 1);
  problems.error(attachment.where, t(hours ? 'cfgz_hours_which_schedule' : 'cfgz_holidays_which_schedule', { choices, example }));
  return null;
}

function idsInFileName(fileName: string | undefined): number[] {
  return fileName === undefined ? [] : [...fileName.matchAll(/\d+/g)].map((m) => Number(m[0]));
}
