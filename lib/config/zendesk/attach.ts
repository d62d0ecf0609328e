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
  const what = attachment.intervals && attachment.holidays.length === 0 ? 'These opening hours (workweek)' : 'These holidays';
  const hint = attachment.input.scheduleId;
  if (hint !== undefined) {
    const found = schedules.find((s) => s.zendeskId === hint);
    if (!found) problems.error(attachment.where, `${what} are for schedule ${hint}, which was not imported. Also import that schedule (GET /api/v2/business_hours/schedules).`);
    return found ?? null;
  }
  if (schedules.length === 0) {
    problems.error(attachment.where, `${what} belong to a schedule, but no schedule was imported. Also import your schedules (GET /api/v2/business_hours/schedules).`);
    return null;
  }
  const named = idsInFileName(attachment.input.fileName);
  const byName = schedules.filter((s) => s.zendeskId !== undefined && named.includes(s.zendeskId));
  if (byName.length === 1) return byName[0]!;
  if (schedules.length === 1) return schedules[0]!;
  const choices = schedules.map((s) => s.label).join(', ');
  const example = schedules.find((s) => s.zendeskId !== undefined)?.zendeskId ?? 1;
  problems.error(
    attachment.where,
    `Which schedule are ${what.toLowerCase()} for? Zendesk's export does not say, and several schedules were imported: ${choices}. Choose the schedule, or name the file after its id, such as "holidays-${example}.json".`,
  );
  return null;
}

function idsInFileName(fileName: string | undefined): number[] {
  return fileName === undefined ? [] : [...fileName.matchAll(/\d+/g)].map((m) => Number(m[0]));
}
