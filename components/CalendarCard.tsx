import { t } from '../lib/i18n/core';
import { formatConfigDate } from '../lib/options/format';
import type { CalendarSpec, HolidaySpec } from '../lib/sla/types';
import { CalendarWeek, listed } from './CalendarWeek';

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
          <span class="chip" title={t('adm_calendar_zone_tip')}>
            <span class="visually-hidden">{t('adm_calendar_zone')} </span>
            {spec.timeZone}
          </span>
          {usedBy.length > 0 && <span class="muted">{t('adm_calendar_used_by', { policies: listed(usedBy) })}</span>}
        </p>
      </header>
      <CalendarWeek week={spec.week} label={t('adm_calendar_week_label', { calendar: title, zone: spec.timeZone })} />
      <div class="holidays">
        <h5 class="holidays__title">{t('adm_holidays')}</h5>
        {holidays.length === 0 ? (
          <p class="muted">{t('adm_holidays_none')}</p>
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
        <span class="holiday__kind holiday__kind--closed">{t('adm_closed')}</span>
      </li>
    );
  }
  if ('from' in holiday) {
    return (
      <li class="holiday">
        <span class="holiday__date">
          <time dateTime={holiday.from}>{formatConfigDate(holiday.from)}</time> – <time dateTime={holiday.to}>{formatConfigDate(holiday.to)}</time>
        </span>
        <span class="holiday__kind holiday__kind--closed">{t('adm_closed')}</span>
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
        <span class="holiday__kind holiday__kind--special">{t('adm_holiday_open', { hours: listed(holiday.hours!.map(([a, b]) => `${a}–${b}`)) })}</span>
      ) : (
        <span class="holiday__kind holiday__kind--closed">{t('adm_closed')}</span>
      )}
      {holiday.name && <span class="holiday__name">{holiday.name}</span>}
    </li>
  );
}
