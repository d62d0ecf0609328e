import { formatDuration } from '../config/format';

/** Words and local times for the options page. Pure; the user's locale and zone. */

// One description of a version's source, shared with the popup's announcement.
export { describeSource } from '../db/announcement';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "26 Nov 2026, 16:05" in the user's locale and zone. */
export function formatLocalTime(instant: number): string {
  return dateTime.format(instant);
}

const calendarDate = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A config date ("2026-12-24") as "Thu, 24 Dec 2026"; the text itself when it is not a date. */
export function formatConfigDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return calendarDate.format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A duration for reading: "38h 19m", "4h", "30m" (the file's own spelling, with spaces). */
export function formatSpan(ms: number): string {
  return formatDuration(ms).replace(/([hms])(?=\d)/g, '$1\u00a0');
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `<input type=datetime-local>` value for an instant, in local time. */
export function toDateTimeLocal(instant: number): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant of a `datetime-local` value (local time), or null when it is empty or invalid. */
export function fromDateTimeLocal(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) return null;
  const t = new Date(text).getTime();
  return Number.isNaN(t) ? null : t;
}
