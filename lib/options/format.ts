import { formatLocale, formatNumber, t } from '../i18n/core';

/** Words and local times for the options page. Pure; the language in use and the user's zone. */

// One description of a version's source, shared with the popup's announcement.
export { describeSource } from '../db/announcement';

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const CALENDAR_DATE: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter for the language in use (the user may change it while the page is open), made once per locale. */
function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = formatLocale();
  const key = `${name}|${locale}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** "26 Nov 2026, 16:05" in the language in use and the user's zone. */
export function formatLocalTime(instant: number): string {
  return dateFormat('dateTime', DATE_TIME).format(instant);
}

/** A config date ("2026-12-24") as "Thu, 24 Dec 2026"; the text itself when it is not a date. */
export function formatConfigDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return dateFormat('calendarDate', CALENDAR_DATE).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * A duration for reading, in the language's units: "38h 19m", "4h", "30m" in English, "38 Std.
 * 19 Min." in German. Unlike the configuration's problems, which quote the file's own `4h30m`,
 * nothing here is copied back into a file. Parts kept together on one line.
 */
export function formatSpan(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.round((ms % 60_000) / 1000);
  const plain = (value: number) => formatNumber(value, { useGrouping: false });
  // Hours and minutes together as the language joins them ("3時間12分", no space in Japanese).
  const hm = h && m ? t('span_hm', { a: plain(h), b: plain(m) }) : h ? t('span_h', { n: plain(h) }) : m ? t('span_m', { n: plain(m) }) : '';
  const parts = [hm, s ? t('span_s', { n: plain(s) }) : ''].filter(Boolean);
  return (parts.length > 0 ? parts.join(' ') : t('span_m', { n: plain(0) })).replace(/ /g, '\u00a0');
}

/** "6.0 MB" (`digits` after the point), in the language in use; no grouping, as a size was always written. */
export function formatMegabytes(bytes: number, digits = 1): string {
  return formatNumber(bytes / 1024 / 1024, { style: 'unit', unit: 'megabyte', minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false });
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
