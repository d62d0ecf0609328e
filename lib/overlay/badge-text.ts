/**
 * What a badge says: state, metric, text and tooltip for one ticket at `now`, computed from the
 * background's `SlaView` with the engine, so badges tick locally without asking again. Pure; runs
 * every tick for up to 1,000 badges, so calendars are compiled once and due-time strings cached.
 */
import { compileCalendar, evaluateClock, isOpen, nextOpen, type Calendar, type CalendarSpec, type ClockState } from '../sla/index';
import type { BadgeMetric, BadgeState, ClockView, SlaView } from '../view/types';
import { countdownWords, fullBusinessSpan } from './duration-text';

export interface RenderedBadge {
  state: BadgeState;
  /** The metric shown; null for `none` and `unknown`. */
  metric: BadgeMetric | null;
  /** The pill's text: `3h 12m left`, `breached 40m ago`, `paused · 2h left`, `met`, `no SLA`. */
  text: string;
  /** For `title` and `aria-label`: policy, metric, local due time, business or calendar time. */
  label: string;
  /** The text may change within seconds (last 10 minutes, or just breached): tick every second. */
  fast: boolean;
  /**
   * The earliest instant at which this badge's state, text or label can change (Infinity: only
   * new facts change it). A one-second tick redraws only the badges whose moment has come.
   */
  changesAt: number;
}

/** The user's locale and time zone for due times; both default to the browser's. */
export interface BadgeTextOptions {
  locale?: string | readonly string[];
  timeZone?: string;
}

/** Compiled calendars by id (a `Map` will do). `24x7` is implied. */
export interface CalendarLookup {
  get(id: string): Calendar | undefined;
}

const MINUTE = 60_000;
/** Within this much business time left, badges tick every second. */
export const FAST_WINDOW_MS = 10 * MINUTE;

let always: Calendar | undefined;
const compiledBySpec = new Map<string, Calendar | null>();

/**
 * Compiles the calendars of an `EvaluateResponse` once: the same spec (by content) is reused
 * across responses. A spec the engine rejects is left out, so its tickets show `unknown` instead
 * of throwing into the page.
 */
export function compileCalendars(specs: Readonly<Record<string, CalendarSpec>>): Map<string, Calendar> {
  const out = new Map<string, Calendar>();
  for (const id of Object.keys(specs)) {
    const spec = specs[id]!;
    const key = JSON.stringify(spec);
    let cal = compiledBySpec.get(key);
    if (cal === undefined) {
      try {
        cal = compileCalendar(spec);
      } catch {
        cal = null;
      }
      if (compiledBySpec.size > 256) compiledBySpec.clear();
      compiledBySpec.set(key, cal);
    }
    if (cal) out.set(id, cal);
  }
  return out;
}

function calendarFor(calendars: CalendarLookup, id: string): Calendar | undefined {
  const cal = calendars.get(id);
  if (cal || id !== '24x7') return cal;
  return (always ??= compileCalendar('24x7'));
}

/** Due times in the user's locale and zone ("Tue 26 Nov, 17:00"), cached per instant. */
class DueFormatter {
  private readonly short: Intl.DateTimeFormat;
  private readonly long: Intl.DateTimeFormat;
  private readonly year: Intl.DateTimeFormat;
  private readonly cache = new Map<number, string>();

  constructor(options: BadgeTextOptions) {
    const locale = options.locale as string | string[] | undefined;
    const base = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: options.timeZone } as const;
    this.short = new Intl.DateTimeFormat(locale, base);
    this.long = new Intl.DateTimeFormat(locale, { ...base, year: 'numeric' });
    this.year = new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: options.timeZone });
  }

  /** With the year only when it is not the current one (as of when first formatted). */
  format(instant: number, now: number): string {
    let text = this.cache.get(instant);
    if (text === undefined) {
      const sameYear = Math.abs(instant - now) < 370 * 24 * 60 * MINUTE && this.year.format(instant) === this.year.format(now);
      text = (sameYear ? this.short : this.long).format(instant);
      if (this.cache.size > 4096) this.cache.clear();
      this.cache.set(instant, text);
    }
    return text;
  }
}

const formatters = new Map<string, DueFormatter>();

function formatterFor(options: BadgeTextOptions): DueFormatter {
  const key = `${String(options.locale ?? '')}|${options.timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new DueFormatter(options);
    formatters.set(key, f);
  }
  return f;
}

const METRIC_WORDS: Record<BadgeMetric, string> = { resolution: 'resolution', 'first-response': 'first response' };

/** Lower is more urgent: breached, then at risk, then running; stopped clocks last. */
function rank(state: ClockState['state']): number {
  switch (state) {
    case 'breached':
      return 0;
    case 'at-risk':
      return 1;
    case 'ok':
    case 'paused':
      return 2;
    default:
      return 3;
  }
}

function unknown(view: SlaView, reason: string): RenderedBadge {
  return { state: 'unknown', metric: null, text: 'SLA unknown', label: `SLA unknown: ${trimStop(view.note ?? reason)}`, fast: false, changesAt: Infinity };
}

function trimStop(s: string): string {
  return s.replace(/[.\s]+$/, '');
}

/** The background's notes may start with "approximate:"; the label says it once. */
function approximateBecause(note: string | undefined): string {
  return trimStop((note ?? 'some times were inferred from the page').replace(/^\s*approximate\s*:\s*/i, ''));
}

/** `metric` names the clock in the phrase: "resolution", or "First response (Standard)". */
function clockPhrase(metric: string, clock: ClockView, cs: ClockState, now: number, due: DueFormatter): string {
  const kind = clock.businessTime ? 'business time' : 'calendar time';
  const when = due.format(cs.dueAt, now);
  switch (cs.state) {
    case 'ok':
      return `${metric}: on track, ${fullBusinessSpan(cs.remainingMs)} of ${kind} left, due ${when}`;
    case 'at-risk':
      return `${metric}: at risk, ${fullBusinessSpan(cs.remainingMs)} of ${kind} left, due ${when}`;
    case 'paused':
      return `${metric}: paused with ${fullBusinessSpan(cs.remainingMs)} of ${kind} left, due ${when} if it resumes now`;
    case 'breached':
      return cs.remainingMs < 0
        ? `${metric}: breached ${when}, ${fullBusinessSpan(-cs.remainingMs)} of ${kind} over target`
        : `${metric}: breached ${when} (${kind})`;
    case 'met':
      return `${metric}: met, was due ${when} (${kind})`;
    case 'missed':
      return `${metric}: missed by ${fullBusinessSpan(-cs.remainingMs)} of ${kind}, was due ${when}`;
  }
}

/** `first_reply_time` → `first reply`: Zendesk's metric names, as people say them. */
function vendorMetricName(metric: string): string {
  return metric === 'total_resolution_time' ? 'resolution' : metric.replace(/_time$/, '').replace(/_/g, ' ');
}

/**
 * What Zendesk itself says about the ticket's targets, for the tooltip, so agents see where the
 * contract and the tool disagree. Its breach rule: an active target past its breach time.
 */
function vendorPhrase(vendor: SlaView['vendor'], now: number, due: DueFormatter): string {
  if (vendor === undefined) return '';
  if (vendor === null) return ' Zendesk’s own SLA state was not available.';
  if (vendor.length === 0) return ' Zendesk applies no SLA targets to it.';
  const parts = vendor.map((m) => {
    const name = vendorMetricName(m.metric);
    if (m.stage === 'achieved') return `${name} achieved`;
    if (m.stage === 'paused') return `${name} paused`;
    if (m.breachAt === null) return `${name} active`;
    return m.breachAt <= now ? `${name} breached ${due.format(m.breachAt, now)}` : `${name} due ${due.format(m.breachAt, now)}`;
  });
  return ` Zendesk says: ${parts.join('; ')}.`;
}

/** When Zendesk's own words about the ticket change: an active target reaching its breach time. */
function vendorChangesAt(vendor: SlaView['vendor'], now: number): number {
  let at = Infinity;
  for (const m of vendor ?? []) if (m.stage === 'active' && m.breachAt !== null && m.breachAt > now && m.breachAt < at) at = m.breachAt;
  return at;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * The badge for one ticket at `now`. Shows the most urgent running metric (breached, then at
 * risk, then the least time left); when no clock runs, the resolution clock's met/missed.
 */
export function badgeFor(view: SlaView, calendars: CalendarLookup, now: number, options: BadgeTextOptions = {}): RenderedBadge {
  if (view.kind === 'none') {
    const vendor = vendorPhrase(view.vendor, now, formatterFor(options));
    const label = vendor ? `No SLA policy applies to this ticket.${vendor}` : 'No SLA policy applies to this ticket';
    return { state: 'none', metric: null, text: 'no SLA', label, fast: false, changesAt: vendorChangesAt(view.vendor, now) };
  }
  if (view.kind !== 'clocks') return unknown(view, 'the facts this ticket needs could not be read');
  const clocks = view.clocks;
  if (clocks.length === 0) return unknown(view, 'the policy has no clock for this ticket');

  const states: ClockState[] = [];
  let best = -1;
  for (let i = 0; i < clocks.length; i++) {
    const clock = clocks[i]!;
    const cal = calendarFor(calendars, clock.calendarId);
    if (!cal) return unknown(view, `its business calendar "${clock.calendarId}" is not available`);
    let cs: ClockState;
    try {
      cs = evaluateClock(cal, clock.clock, now);
    } catch {
      return unknown(view, 'its clock could not be computed');
    }
    states.push(cs);
    if (best < 0) {
      best = i;
      continue;
    }
    const b = states[best]!;
    const r = rank(cs.state);
    const rb = rank(b.state);
    if (r < rb) best = i;
    else if (r === rb) {
      if (r < 3 ? cs.remainingMs < b.remainingMs : clock.metric === 'resolution' && clocks[best]!.metric !== 'resolution') best = i;
    }
  }

  const shown = clocks[best]!;
  const cs = states[best]!;
  const approximate = !view.exact;
  const due = formatterFor(options);

  // Each metric's target may come from a different policy: the label leads with the shown one's
  // and names another only where it differs.
  const policy = shown.policyName || view.policyName || shown.policyId || view.policyId || 'SLA';
  let label = `${policy} — ${clockPhrase(METRIC_WORDS[shown.metric] ?? shown.metric, shown, cs, now, due)}.`;
  for (let i = 0; i < clocks.length; i++) {
    if (i === best) continue;
    const other = clocks[i]!;
    const otherPolicy = other.policyName || other.policyId;
    const name = capitalise(METRIC_WORDS[other.metric] ?? other.metric) + (otherPolicy && otherPolicy !== policy ? ` (${otherPolicy})` : '');
    label += ` ${clockPhrase(name, other, states[i]!, now, due)}.`;
  }
  if (approximate) label += ` Approximate: ${approximateBecause(view.note)}.`;
  label += vendorPhrase(view.vendor, now, due);

  let fast = false;
  if (cs.state === 'breached') fast = now - cs.dueAt < MINUTE;
  else if (cs.state === 'ok' || cs.state === 'at-risk') {
    fast = cs.remainingMs <= FAST_WINDOW_MS && isOpen(calendarFor(calendars, shown.calendarId)!, now);
  }

  let changesAt = vendorChangesAt(view.vendor, now);
  for (let i = 0; i < clocks.length; i++) {
    const at = nextChange(states[i]!, clocks[i]!, calendarFor(calendars, clocks[i]!.calendarId)!, now);
    if (at < changesAt) changesAt = at;
  }
  return { state: cs.state, metric: shown.metric, text: countdownWords(cs, now, approximate), label, fast, changesAt };
}

/**
 * When one clock's words can next change. Figures are shown to the minute (to the second in the
 * last one); a running clock's time left falls with wall time only while its calendar is open;
 * its state changes at the warning threshold and at the breach; "breached … ago" and a paused
 * clock's "due … if it resumes now" move with wall time.
 */
function nextChange(cs: ClockState, clock: ClockView, cal: Calendar, now: number): number {
  const nextWallMinute = (from: number) => now + MINUTE - (((now - from) % MINUTE) + MINUTE) % MINUTE;
  switch (cs.state) {
    case 'met':
    case 'missed':
      return Infinity;
    case 'paused':
      return nextWallMinute(0);
    case 'breached':
      return nextWallMinute(cs.dueAt);
  }
  if (!isOpen(cal, now)) return Math.max(now + 1, nextOpen(cal, now));
  const r = cs.remainingMs;
  // Figures round down: "5m left" turns into "4m" the moment a whole minute is no longer left.
  let wait = r >= MINUTE ? (r % MINUTE) + 1 : (r % 1000) + 1;
  const warn = clock.clock.warnAt;
  const untilWarning = warn && typeof warn === 'object' && 'remainingMs' in warn ? r - warn.remainingMs : warn && typeof warn === 'object' && 'fraction' in warn ? r - clock.clock.targetMs * (1 - warn.fraction) : r - clock.clock.targetMs * 0.25;
  if (untilWarning > 0 && untilWarning < wait) wait = untilWarning;
  // Entering the last ten minutes switches the tab to one-second ticks.
  const untilFast = r - FAST_WINDOW_MS;
  if (untilFast > 0 && untilFast < wait) wait = untilFast;
  if (r < wait) wait = r;
  return now + Math.max(1, wait);
}
