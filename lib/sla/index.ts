/**
 * The SLA time engine. Pure: no DOM, no browser APIs, no clock of its own — `now` is always a
 * parameter, and results depend only on the calendar's own time zone.
 */
export { compileCalendar, WEEKDAYS, HORIZON_START, HORIZON_END, type Calendar } from './calendar';
export { addBusinessTime, subtractBusinessTime, businessTimeBetween, nextOpen, isOpen, dueAt, pausedBusinessTime } from './business-time';
export { evaluateClock, atRiskFrom, warningThresholdMs, DEFAULT_WARN_AT } from './clock';
export { parseDuration, parseWarnAt } from './duration';
export { CalendarError, DurationError } from './errors';
export { nextReplyCycles, periodicUpdateCycles, pausableUpdateCycles, requesterWaitCycle, agentWorkCycle, type CommentEvent, type Cycle, type CycleOptions, type MetricTimeline } from './cycles';
export { canonicalTimeZone } from './zone';
export { agingWatches, agingFlagsAt, agingState, type AgingRule, type AgingWatch, type AgingKind, type AgingWatches } from './aging';
export type * from './types';
export type * from './ticket';
