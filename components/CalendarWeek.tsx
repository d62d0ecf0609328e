import { formatLocale, t, uiLocale } from '../lib/i18n/core';
import type { CalendarSpec, Hours, Weekday } from '../lib/sla/types';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_MINUTES = 24 * 60;

export interface WeekBar {
  /** Minutes from the day's midnight. */
  from: number;
  to: number;
  /** The text alternative: "Monday 09:00–17:00". */
  label: string;
}

const dayNames = new Map<string, { short: string[]; long: string[] }>();

/** The weekdays' names, Monday first, short ("Mon") and long ("Monday"), as the language in use writes them. */
export function weekdayNames(): { short: string[]; long: string[] } {
  const locale = formatLocale();
  let names = dayNames.get(locale);
  if (!names) {
    const name = (weekday: 'short' | 'long') => {
      const f = new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' });
      // 1 January 2024 was a Monday.
      return DAYS.map((_, i) => f.format(Date.UTC(2024, 0, 1 + i)));
    };
    dayNames.set(locale, (names = { short: name('short'), long: name('long') }));
  }
  return names;
}

const lists = new Map<string, Intl.ListFormat>();

/**
 * Items side by side as the language in use separates them: "09:00–12:00, 13:00–17:00", "Waiting,
 * On hold" in English (a plain comma, where `listAnd` would say "and"; other languages may join the last).
 */
export function listed(items: readonly string[]): string {
  const tag = uiLocale().tag;
  let f = lists.get(tag);
  if (!f) lists.set(tag, (f = new Intl.ListFormat(tag, { type: 'unit', style: 'short' })));
  return f.format(items);
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The open intervals of each weekday, Monday first. An overnight shift (end before start) belongs
 * to the day it starts: drawn to midnight there, and spilling into the next morning (Sunday's
 * into Monday's).
 */
export function weekBars(week: Partial<Record<Weekday, Hours>>): WeekBar[][] {
  const names = weekdayNames().long;
  const bars: WeekBar[][] = DAYS.map(() => []);
  DAYS.forEach((day, i) => {
    const name = names[i]!;
    for (const [start, end] of week[day] ?? []) {
      const from = minutes(start);
      const to = minutes(end);
      if (to > from) {
        bars[i]!.push({ from, to, label: t('adm_week_bar', { day: name, from: start, to: end }) });
        continue;
      }
      const next = names[(i + 1) % 7]!;
      bars[i]!.push({ from, to: DAY_MINUTES, label: t('adm_week_bar_overnight', { day: name, from: start, to: end, next }) });
      if (to > 0) bars[(i + 1) % 7]!.push({ from: 0, to, label: t('adm_week_bar_spill', { day: next, from: '00:00', to: end, previous: name }) });
    }
  });
  for (const day of bars) day.sort((a, b) => a.from - b.from);
  return bars;
}

const hoursText = (hours: Hours | undefined) => (hours && hours.length > 0 ? listed(hours.map(([a, b]) => `${a}–${b}`)) : t('adm_closed'));

interface CalendarWeekProps {
  week: CalendarSpec['week'];
  /** The accessible name of the grid, e.g. "Opening hours of EMEA business hours". */
  label: string;
}

/** The weekly opening hours: seven rows (Monday to Sunday) across 24 hours, open time as bars. */
export function CalendarWeek({ week, label }: CalendarWeekProps) {
  const bars = weekBars(week);
  const names = weekdayNames();
  return (
    <div class="week">
      <div class="week__axis" aria-hidden="true">
        {[0, 6, 12, 18, 24].map((h) => (
          <span key={h} style={{ insetInlineStart: `${(h / 24) * 100}%` }}>
            {String(h).padStart(2, '0')}
          </span>
        ))}
      </div>
      <ul class="week__days" aria-label={label}>
        {DAYS.map((day, i) => {
          const dayBars = bars[i]!;
          return (
            <li key={day} class="week__day">
              <span class="week__name" aria-hidden="true">
                {names.short[i]}
              </span>
              <span class="week__track">
                {dayBars.length === 0 && <span class="visually-hidden">{t('adm_week_day_closed', { day: names.long[i]! })}</span>}
                {dayBars.map((bar) => (
                  <span
                    key={`${bar.from}-${bar.to}`}
                    class="week__bar"
                    role="img"
                    aria-label={bar.label}
                    title={bar.label}
                    style={{ insetInlineStart: `${(bar.from / DAY_MINUTES) * 100}%`, width: `${((bar.to - bar.from) / DAY_MINUTES) * 100}%` }}
                  />
                ))}
              </span>
              <span class={`week__hours${week[day]?.length ? '' : ' week__hours--closed'}`} aria-hidden="true">
                {hoursText(week[day])}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
