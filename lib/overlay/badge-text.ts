/**
 * What a badge says: state, metric, text and tooltip for one ticket at `now`, computed from the
 * background's `SlaView` with the engine, so badges tick locally without asking again. Pure; runs
 * every tick for up to 1,000 badges, so calendars are compiled once and due-time strings cached.
 */
import type { ClockState } from '../sla/index';
import type { CalendarSpecs } from '../view/calendars';
import { readView, type UnknownReason } from '../view/read-view';
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

const MINUTE = 60_000;

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

function unknownBecause(reason: UnknownReason): string {
  switch (reason.why) {
    case 'facts':
      return 'the facts this ticket needs could not be read';
    case 'no-clock':
      return 'the policy has no clock for this ticket';
    case 'calendar':
      return `its business calendar "${reason.calendarId}" is not available`;
    case 'error':
      return 'its clock could not be computed';
  }
}

/**
 * The badge for one ticket at `now`: the state and clock `readView` picks (the most urgent
 * running metric, else the resolution clock's met/missed), in words.
 */
export function badgeFor(view: SlaView, calendars: CalendarSpecs, now: number, options: BadgeTextOptions = {}): RenderedBadge {
  if (view.kind === 'none') {
    const vendor = vendorPhrase(view.vendor, now, formatterFor(options));
    const label = vendor ? `No SLA policy applies to this ticket.${vendor}` : 'No SLA policy applies to this ticket';
    return { state: 'none', metric: null, text: 'no SLA', label, fast: false, changesAt: vendorChangesAt(view.vendor, now) };
  }
  const reading = readView(view, calendars, now);
  if (!reading.shown) return unknown(view, unknownBecause(reading.unknown ?? { why: 'error' }));

  const shown = reading.shown.clock;
  const cs = reading.shown.state;
  const approximate = !view.exact;
  const due = formatterFor(options);

  // Each metric's target may come from a different policy: the label leads with the shown one's
  // and names another only where it differs.
  const policy = shown.policyName || view.policyName || shown.policyId || view.policyId || 'SLA';
  let label = `${policy} — ${clockPhrase(METRIC_WORDS[shown.metric] ?? shown.metric, shown, cs, now, due)}.`;
  for (const other of reading.clocks) {
    if (other === reading.shown) continue;
    const otherPolicy = other.clock.policyName || other.clock.policyId;
    const name = capitalise(METRIC_WORDS[other.clock.metric] ?? other.clock.metric) + (otherPolicy && otherPolicy !== policy ? ` (${otherPolicy})` : '');
    label += ` ${clockPhrase(name, other.clock, other.state, now, due)}.`;
  }
  if (approximate) label += ` Approximate: ${approximateBecause(view.note)}.`;
  label += vendorPhrase(view.vendor, now, due);

  const changesAt = Math.min(reading.changesAt, vendorChangesAt(view.vendor, now));
  return { state: reading.state, metric: shown.metric, text: countdownWords(cs, now, approximate), label, fast: reading.fast, changesAt };
}
