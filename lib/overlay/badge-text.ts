/**
 * What a badge says: state, metric, text and tooltip for one ticket at `now`, computed from the
 * background's `SlaView` with the engine, so badges tick locally without asking again. Pure; runs
 * every tick for up to 1,000 badges, so calendars are compiled once and due-time strings cached.
 */
import type { AgingKind, ClockState } from '../sla/index';
import type { VendorSlaWords } from '../sources/types';
import type { CalendarSpecs } from '../view/calendars';
import { readAging } from '../view/aging';
import { readView, type UnknownReason } from '../view/read-view';
import type { BadgeMetric, BadgeState, ClockView, SlaView } from '../view/types';
import { compactWallSpan, countdownFigure, countdownWords, fullBusinessSpan } from '../view/durations';
import { formatDue, metricWords, staleWords, type TimeFormat } from '../view/words';
import { sentence, t } from '../i18n/core';

export interface RenderedBadge {
  state: BadgeState;
  /** The metric shown; null for `none` and `unknown`. */
  metric: BadgeMetric | null;
  /** The pill's text: `3h 12m left`, `breached 40m ago`, `paused · 2h left`, `met`, `no SLA`. */
  text: string;
  /** Shorter words for a cell too narrow for `text` (`2h 48m`, `Breached`); absent when `text` is as short as it gets. */
  short?: string;
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

/**
 * The user's locale and time zone for due times (both default to the browser's), and how the tool
 * speaks of its own SLA state where it keeps one. Only Zendesk reports one, so its words are the
 * default until the adapter hands the board its own.
 */
/** `vendorWords`: how the page's tool speaks of its own SLA state (the source adapter's). */
export type BadgeTextOptions = TimeFormat & { vendorWords?: VendorSlaWords };

/** For a view that carries a tool's own SLA state when no adapter said how that tool speaks of it. */
const ANY_TOOL: VendorSlaWords = { tool: '', metric: (name) => name.replace(/_/g, ' ') };

/** Due times in the user's locale and zone ("Tue 26 Nov, 17:00"). */
type Due = (instant: number, now: number) => string;
const dueIn =
  (format: TimeFormat): Due =>
  (instant, now) =>
    formatDue(instant, now, format);

/** `3h 12m of business time`, `45m of calendar time`. */
function spanOf(ms: number, businessTime: boolean): string {
  return t(businessTime ? 'span_of_business' : 'span_of_calendar', { span: fullBusinessSpan(ms) });
}

function unknown(view: SlaView, reason: string): RenderedBadge {
  return { state: 'unknown', metric: null, text: t('pill_unknown'), label: t('tip_unknown', { why: trimStop(view.note ?? reason) }), fast: false, changesAt: Infinity };
}

function trimStop(s: string): string {
  return s.replace(/[.。\s]+$/, '');
}

/** The background's notes may start with "approximate:"; the label says it once. */
function approximateBecause(note: string | undefined): string {
  return trimStop((note ?? t('approx_inferred')).replace(/^\s*approximate\s*:\s*/i, ''));
}

/** `metric` names the clock in the phrase: "resolution", or "First response (Standard)". */
function clockPhrase(metric: string, clock: ClockView, cs: ClockState, now: number, due: Due): string {
  const kind = t(clock.businessTime ? 'kind_business' : 'kind_calendar');
  const when = due(cs.dueAt, now);
  const span = (ms: number) => spanOf(ms, clock.businessTime);
  switch (cs.state) {
    case 'ok':
      return t('clock_ok', { metric, left: span(cs.remainingMs), when });
    case 'at-risk':
      return t('clock_at_risk', { metric, left: span(cs.remainingMs), when });
    case 'paused':
      return t('clock_paused', { metric, left: span(cs.remainingMs), when });
    case 'breached':
      return cs.remainingMs < 0 ? t('clock_breached_over', { metric, when, over: span(-cs.remainingMs) }) : t('clock_breached', { metric, when, kind });
    case 'met':
      return t('clock_met', { metric, when, kind });
    case 'missed':
      return t('clock_missed', { metric, over: span(-cs.remainingMs), when });
  }
}

/**
 * What the tool itself says about the ticket's targets, for the tooltip, so agents see where the
 * contract and the tool disagree. Its breach rule: an active target past its breach time.
 */
function vendorPhrase(vendor: SlaView['vendor'], words: VendorSlaWords, now: number, due: Due): string {
  if (vendor === undefined) return '';
  const tool = words.tool || t('tool_any');
  if (vendor === null) return ` ${t('vendor_unavailable', { tool })}`;
  if (vendor.length === 0) return ` ${t('vendor_none', { tool })}`;
  const parts = vendor.map((m) => {
    const metric = words.metric(m.metric);
    if (m.stage === 'achieved') return t('vendor_achieved', { metric });
    if (m.stage === 'paused') return t('vendor_paused', { metric });
    if (m.breachAt === null) return t('vendor_active', { metric });
    return t(m.breachAt <= now ? 'vendor_breached' : 'vendor_due', { metric, when: due(m.breachAt, now) });
  });
  return ` ${t('vendor_says', { tool, parts: parts.join(t('list_separator')) })}`;
}

/** When the tool's own words about the ticket change: an active target reaching its breach time. */
function vendorChangesAt(vendor: SlaView['vendor'], now: number): number {
  let at = Infinity;
  for (const m of vendor ?? []) if (m.stage === 'active' && m.breachAt !== null && m.breachAt > now && m.breachAt < at) at = m.breachAt;
  return at;
}

function unknownBecause(reason: UnknownReason): string {
  switch (reason.why) {
    case 'facts':
      return t('unknown_facts');
    case 'no-clock':
      return t('unknown_no_clock');
    case 'calendar':
      return t('unknown_calendar', { calendar: reason.calendarId });
    case 'error':
      return t('unknown_error');
  }
}

/**
 * The badge for one ticket at `now`: the state and clock `readView` picks (the most urgent
 * running metric, else the resolution clock's met/missed), in words.
 */
export function badgeFor(view: SlaView, calendars: CalendarSpecs, now: number, options: BadgeTextOptions = {}): RenderedBadge {
  if (view.kind === 'none') {
    const vendor = vendorPhrase(view.vendor, options.vendorWords ?? ANY_TOOL, now, dueIn(options));
    const label = vendor ? `${sentence(t('tip_none'))}${vendor}` : t('tip_none');
    return { state: 'none', metric: null, text: t('pill_none'), label, fast: false, changesAt: vendorChangesAt(view.vendor, now) };
  }
  // A badge needs no indexed moments; a tick redraws up to a thousand of them.
  const reading = readView(view, calendars, now, { moments: false });
  if (!reading.shown) return unknown(view, unknownBecause(reading.unknown ?? { why: 'error' }));

  const shown = reading.shown.clock;
  const cs = reading.shown.state;
  const approximate = !view.exact;
  const due = dueIn(options);

  // Each metric's target may come from a different policy: the label leads with the shown one's
  // and names another only where it differs.
  const policy = shown.policyName || view.policyName || shown.policyId || view.policyId || 'SLA';
  let label = sentence(`${policy} — ${clockPhrase(metricWords(shown.metric), shown, cs, now, due)}`);
  for (const other of reading.clocks) {
    if (other === reading.shown) continue;
    const otherPolicy = other.clock.policyName || other.clock.policyId;
    const name = metricWords(other.clock.metric, true) + (otherPolicy && otherPolicy !== policy ? ` (${otherPolicy})` : '');
    label += ` ${sentence(clockPhrase(name, other.clock, other.state, now, due))}`;
  }
  if (approximate) label += ` ${t('tip_approximate', { why: approximateBecause(view.note) })}`;
  if (view.aging?.unknown) label += ` ${t('tip_stale_unknown', { what: view.aging.unknown })}`;
  label += vendorPhrase(view.vendor, options.vendorWords ?? ANY_TOOL, now, due);

  const changesAt = Math.min(reading.changesAt, vendorChangesAt(view.vendor, now));
  const text = countdownWords(cs, now, approximate);
  const short = countdownFigure(cs, now, approximate);
  return { state: reading.state, metric: shown.metric, text, ...(short !== text ? { short } : {}), label, fast: reading.fast, changesAt };
}

/** The aging flag beside a badge (issue 18 §2; DESIGN: `data-sla-aging`). */
export interface RenderedAging {
  kind: AgingKind;
  /** `no update 3d 4h`, `in Waiting for cu… 5d`. */
  text: string;
  label: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** A status name in the flag's pill is cut here; the tooltip has it whole. */
const STATUS_CHARS = 18;

/**
 * The ticket's aging flag at `now`, if it is stale (the oldest of its stale watches), and when
 * that can next change: a watch turning stale, or the flag's age moving on (by the minute under
 * a day, by the hour after).
 */
export function agingFor(view: SlaView, calendars: CalendarSpecs, now: number, options: TimeFormat = {}): { flag: RenderedAging | null; changesAt: number } {
  const aging = view.aging;
  const { stale: oldest, nextAt } = readAging(aging, calendars, now);
  let changesAt = nextAt;
  if (!aging || !oldest) return { flag: null, changesAt };
  const age = Math.max(0, now - oldest.since);
  changesAt = Math.min(changesAt, now + (age < DAY_MS ? MINUTE_MS - (age % MINUTE_MS) : HOUR_MS - (age % HOUR_MS)));
  const span = compactWallSpan(age);
  const since = formatDue(oldest.since, now, options);
  const threshold = spanOf(oldest.thresholdMs, aging.calendarId !== '24x7');
  const text = staleWords(oldest.kind, oldest.status, age, STATUS_CHARS);
  const what = oldest.kind === 'no-update' ? t('stale_what_no_update') : t('stale_what_in_status', { status: oldest.status ?? t('stale_its_status') });
  return { flag: { kind: oldest.kind, text, label: t('tip_stale', { what, span, since, threshold }) }, changesAt };
}
