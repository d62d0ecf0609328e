import { formatConfigDate } from '../lib/options/format';
import type { CalendarSpec, HolidaySpec } from '../lib/sla/types';
import { CalendarWeek } from './CalendarWeek';

interface CalendarCardProps {
  id: string;
  spec: CalendarSpec;
  /** Policies that use this calendar, by name. */
  usedBy: string[];
}

/** A business calendar: weekly hours grid, time zone and holidays. */
export function CalendarCard({ id, spec, usedBy }: CalendarCardProps) {
  const title = spec.name ?? id;
  const headingId = `calendar-${id}-title`;
  const holidays = spec.holidays ?? [];
  return (
    <article class="calendar" aria-labelledby={headingId}>
      <header class="calendar__head">
        <h4 class="calendar__name" id={headingId}>
          {title}
        </h4>
        <p class="calendar__meta">
          <code>{id}</code>
          <span class="chip" title="Opening hours are wall-clock times in this zone">
            <span class="visually-hidden">Time zone </span>
            {spec.timeZone}
          </span>
          {usedBy.length > 0 && <span class="muted">Used by {usedBy.join(', ')}</span>}
        </p>
      </header>
      <CalendarWeek week={spec.week} label={`Weekly hours of ${title} (${spec.timeZone})`} />
      <div class="holidays">
        <h5 class="holidays__title">Holidays</h5>
        {holidays.length === 0 ? (
          <p class="muted">None. Open every week as above.</p>
        ) : (
          <ul class="holiday-list">
            {holidays.map((h, i) => (
              <HolidayItem key={i} holiday={h} />
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

function HolidayItem({ holiday }: { holiday: HolidaySpec }) {
  if (typeof holiday === 'string') {
    return (
      <li class="holiday">
        <time class="holiday__date" dateTime={holiday}>
          {formatConfigDate(holiday)}
        </time>
        <span class="holiday__kind holiday__kind--closed">Closed</span>
      </li>
    );
  }
  if ('from' in holiday) {
    return (
      <li class="holiday">
        <span class="holiday__date">
          <time dateTime={holiday.from}>{formatConfigDate(holiday.from)}</time> – <time dateTime={holiday.to}>{formatConfigDate(holiday.to)}</time>
        </span>
        <span class="holiday__kind holiday__kind--closed">Closed</span>
        {holiday.name && <span class="holiday__name">{holiday.name}</span>}
      </li>
    );
  }
  const special = holiday.hours && holiday.hours.length > 0;
  return (
    <li class="holiday">
      <time class="holiday__date" dateTime={holiday.date}>
        {formatConfigDate(holiday.date)}
      </time>
      {special ? (
        <span class="holiday__kind holiday__kind--special">Open {holiday.hours!.map(([a, b]) => `${a}–${b}`).join(', ')}</span>
      ) : (
        <span class="holiday__kind holiday__kind--closed">Closed</span>
      )}
      {holiday.name && <span class="holiday__name">{holiday.name}</span>}
    </li>
  );
}
