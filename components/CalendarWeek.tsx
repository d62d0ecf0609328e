import type { CalendarSpec, Hours, Weekday } from '../lib/sla/types';

const DAYS: Array<[Weekday, string, string]> = [
  ['mon', 'Mon', 'Monday'],
  ['tue', 'Tue', 'Tuesday'],
  ['wed', 'Wed', 'Wednesday'],
  ['thu', 'Thu', 'Thursday'],
  ['fri', 'Fri', 'Friday'],
  ['sat', 'Sat', 'Saturday'],
  ['sun', 'Sun', 'Sunday'],
];
const DAY_MINUTES = 24 * 60;

export interface WeekBar {
  /** Minutes from the day's midnight. */
  from: number;
  to: number;
  /** The text alternative: "Monday 09:00–17:00". */
  label: string;
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
  const bars: WeekBar[][] = DAYS.map(() => []);
  DAYS.forEach(([day, , name], i) => {
    for (const [start, end] of week[day] ?? []) {
      const from = minutes(start);
      const to = minutes(end);
      if (to > from) {
        bars[i]!.push({ from, to, label: `${name} ${start}–${end}` });
        continue;
      }
      const [, , next] = DAYS[(i + 1) % 7]!;
      bars[i]!.push({ from, to: DAY_MINUTES, label: `${name} ${start}–${end} (overnight, until ${next} ${end})` });
      if (to > 0) bars[(i + 1) % 7]!.push({ from: 0, to, label: `${next} 00:00–${end} (${name}'s overnight shift)` });
    }
  });
  for (const day of bars) day.sort((a, b) => a.from - b.from);
  return bars;
}

const hoursText = (hours: Hours | undefined) => (hours && hours.length > 0 ? hours.map(([a, b]) => `${a}–${b}`).join(', ') : 'Closed');

interface CalendarWeekProps {
  week: CalendarSpec['week'];
  /** The accessible name of the grid, e.g. "Opening hours of EMEA business hours". */
  label: string;
}

/** The weekly opening hours: seven rows (Monday to Sunday) across 24 hours, open time as bars. */
export function CalendarWeek({ week, label }: CalendarWeekProps) {
  const bars = weekBars(week);
  return (
    <div class="week">
      <div class="week__axis" aria-hidden="true">
        {[0, 6, 12, 18, 24].map((h) => (
          <span key={h} style={{ left: `${(h / 24) * 100}%` }}>
            {String(h).padStart(2, '0')}
          </span>
        ))}
      </div>
      <ul class="week__days" aria-label={label}>
        {DAYS.map(([day, short, name], i) => {
          const dayBars = bars[i]!;
          return (
            <li key={day} class="week__day">
              <span class="week__name" aria-hidden="true">
                {short}
              </span>
              <span class="week__track">
                {dayBars.length === 0 && <span class="visually-hidden">{name} closed</span>}
                {dayBars.map((bar) => (
                  <span
                    key={`${bar.from}-${bar.to}`}
                    class="week__bar"
                    role="img"
                    aria-label={bar.label}
                    title={bar.label}
                    style={{ left: `${(bar.from / DAY_MINUTES) * 100}%`, width: `${((bar.to - bar.from) / DAY_MINUTES) * 100}%` }}
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
