/**
 * The periods a report is cut into (issue 17 §1): calendar months, quarters or a custom range of
 * dates, each cut at midnight in the agreement's zone (its calendar's, or the configuration's
 * report zone), never the machine's: a month in Sydney ends hours before the same month in
 * Berlin, and a target decided in between belongs to different months for each.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, startOfMonth, startOfQuarter } from 'date-fns';
import { formatLocale, t } from '../i18n/core';

export interface Period {
  /** `2026-11`, `2026-Q4`, `2026-11-03..2026-11-20`: stable, for links and CSV. */
  id: string;
  /** `November 2026`, `Q4 2026`, `Nov 3, 2026 – Nov 20, 2026`: in the language in use. */
  label: string;
  /** Instants, `start <= decidedAt < end`. */
  start: number;
  end: number;
  /** The period is not over at `now`: its figures are to date. */
  toDate: boolean;
}

export type PeriodKind = 'month' | 'quarter';

const pad = (n: number) => String(n).padStart(2, '0');

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Dates as the language in use writes them (its regional form in this browser), in `zone`. */
function dateFormat(kind: 'month' | 'day', zone: string | undefined): Intl.DateTimeFormat {
  const locale = formatLocale();
  const key = `${kind}|${locale}|${zone}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = kind === 'month' ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' };
    dateFormats.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })));
  }
  return f;
}

function monthAt(zone: string, instant: number): TZDate {
  return startOfMonth(new TZDate(instant, zone));
}

function month(start: TZDate, now: number): Period {
  const end = addMonths(start, 1);
  return {
    id: `${start.getFullYear()}-${pad(start.getMonth() + 1)}`,
    label: dateFormat('month', start.timeZone).format(start),
    start: start.getTime(),
    end: end.getTime(),
    toDate: now < end.getTime(),
  };
}

function quarter(start: TZDate, now: number): Period {
  const end = addMonths(start, 3);
  const q = Math.floor(start.getMonth() / 3) + 1;
  // The year as written, not as a count (`2026`, never `2,026`).
  return {
    id: `${start.getFullYear()}-Q${q}`,
    label: t('report_quarter', { q: String(q), year: String(start.getFullYear()) }),
    start: start.getTime(),
    end: end.getTime(),
    toDate: now < end.getTime(),
  };
}

/** The `count` calendar months up to the one holding `now` (to date), oldest first. */
export function monthsUpTo(zone: string, now: number, count: number): Period[] {
  const current = monthAt(zone, now);
  return Array.from({ length: count }, (_, i) => month(addMonths(current, i - count + 1), now));
}

/** The `count` quarters up to the one holding `now`, oldest first. */
export function quartersUpTo(zone: string, now: number, count: number): Period[] {
  const current = startOfQuarter(new TZDate(now, zone));
  return Array.from({ length: count }, (_, i) => quarter(addMonths(current, 3 * (i - count + 1)), now));
}

/** What a report opens on: the last complete month, and the current one to date. */
export const defaultPeriods = (zone: string, now: number): Period[] => monthsUpTo(zone, now, 2);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * From the first date to the last, both inclusive, in `zone`; null when either is not a real
 * date or the range runs backwards.
 */
export function customPeriod(zone: string, from: string, to: string, now: number): Period | null {
  const start = dateIn(zone, from);
  const last = dateIn(zone, to);
  if (!start || !last || last.getTime() < start.getTime()) return null;
  const end = addDays(last, 1);
  const fmt = dateFormat('day', zone);
  return { id: `${from}..${to}`, label: t('report_date_range', { from: fmt.format(start), to: fmt.format(last) }), start: start.getTime(), end: end.getTime(), toDate: now < end.getTime() };
}

function dateIn(zone: string, text: string): TZDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new TZDate(y, mo, d, zone);
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : null;
}

const DAY = 86_400_000;

/** What a set of periods reads: cut in UTC with a day either side, which holds them cut in any zone. */
export function readRange(periods: readonly Period[] | null, now: number): { start: number; end: number } | null {
  return periods && periods.length > 0 ? { start: periods[0]!.start - DAY, end: Math.min(periods[periods.length - 1]!.end + DAY, now + 1) } : null;
}

/** What the report opens on, as its first read: the default periods' range. */
export const firstRange = (now: number): { start: number; end: number } => readRange(defaultPeriods('UTC', now), now)!;
