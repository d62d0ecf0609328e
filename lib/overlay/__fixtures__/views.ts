/** Views and clocks for the overlay's tests: Tuesday 24 Nov 2026, 10:00 UTC (11:00 in Berlin). */
import type { CalendarSpec, ClockInput } from '../../sla/index';
import type { BadgeMetric, ClockView, SlaView } from '../../view/types';

export const NOW = Date.UTC(2026, 10, 24, 10, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

/** EMEA business hours: Mon–Fri 09:00–17:00 Berlin. */
export const EMEA: CalendarSpec = {
  timeZone: 'Europe/Berlin',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
};

export function clock(metric: BadgeMetric, input: ClockInput, calendarId = '24x7', policyName = 'Enterprise customers'): ClockView {
  return { metric, policyId: policyName.toLowerCase().replace(/\W+/g, '-'), policyName, clock: input, calendarId, businessTime: calendarId !== '24x7' };
}

/** A 24x7 running clock with `remainingMs` left of a `targetMs` target at NOW. */
export function running(metric: BadgeMetric, remainingMs: number, targetMs = 100 * HOUR, now = NOW): ClockView {
  return clock(metric, { start: now - (targetMs - remainingMs), targetMs });
}

export function view(clocks: ClockView[], extra: Partial<SlaView> = {}): SlaView {
  return { key: 'SUP-1', kind: 'clocks', policyId: 'enterprise', policyName: 'Enterprise customers', clocks, exact: true, ...extra };
}
