import { canonicalTimeZone, parseDuration, parseWarnAt, type CalendarSpec } from '../sla/index';
// The engine's zone cache converts wall-clock dates to instants with the same DST rules as the clocks.
import { getZone } from '../sla/zone';
import { dateToLocalMs, DAY } from './dates';
import { METRICS, type MergedPolicy } from './extends';
import { parsePercent } from './percent';
import type { ConfigV1 } from './schema';
import type { ResolvedConfig, ResolvedPolicy, ResolvedTarget } from './types';
import { withWatch } from './watch';

const DEFAULT_WARN_AT = '75%';

/** The background's form of a valid document: inheritance applied, durations in ms, names lower-cased. */
export function resolveConfig(doc: ConfigV1, merged: ReadonlyArray<MergedPolicy | null>): ResolvedConfig {
  const calendars: Record<string, CalendarSpec> = {};
  for (const c of doc.calendars ?? []) calendars[c.id] = c as CalendarSpec;
  const policies = merged.map((m, index) => {
    if (!m) throw new Error(`policies[${index}] did not resolve; checkDocument must pass first`);
    return resolvePolicy(m, index, calendars);
  });
  return {
    ...(doc.name !== undefined ? { name: doc.name } : {}),
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    ...(doc.sites?.length ? { sites: doc.sites } : {}),
    ...(doc.reportZone !== undefined ? { reportZone: canonicalTimeZone(doc.reportZone) ?? doc.reportZone } : {}),
    ...withWatch(doc),
    calendars,
    policies,
  };
}

function resolvePolicy(m: MergedPolicy, index: number, calendars: Record<string, CalendarSpec>): ResolvedPolicy {
  const targets: Record<string, ResolvedTarget> = {};
  for (const [priority, t] of m.targets) {
    const target: ResolvedTarget = { label: t.label };
    for (const metric of METRICS) {
      const value = t[metric];
      if (value !== undefined) target[`${metric}Ms`] = parseDuration(value);
    }
    targets[priority] = target;
  }
  const calendarId = m.calendar ?? null;
  const policy: ResolvedPolicy = {
    id: m.doc.id,
    name: m.name ?? m.doc.id,
    index,
    match: m.matches,
    calendarId,
    targets,
    pauseOn: (m.pauseOn ?? []).map((s) => s.toLowerCase()),
    warnAt: parseWarnAt(m.warnAt ?? DEFAULT_WARN_AT),
  };
  if (m.description !== undefined) policy.description = m.description;
  if (m.aging !== undefined) {
    const aging: NonNullable<ResolvedPolicy['aging']> = {};
    if (m.aging.noPublicUpdateFor !== undefined) aging.noPublicUpdateMs = parseDuration(m.aging.noPublicUpdateFor);
    if (m.aging.inStatusFor !== undefined) aging.inStatusMs = parseDuration(m.aging.inStatusFor);
    if (m.aging.statuses !== undefined) aging.statuses = m.aging.statuses.map((s) => s.toLowerCase());
    policy.aging = aging;
  }
  if (m.internalNotesCount !== undefined && m.internalNotesCount.length > 0) policy.internalNotesCount = [...new Set(m.internalNotesCount)];
  if (m.doc.extends !== undefined) policy.extends = m.doc.extends;
  if (m.effective && (m.effective.from !== undefined || m.effective.to !== undefined)) {
    policy.effective = m.effective;
    policy.effectiveMs = effectiveInstants(m.effective, calendarId === null ? undefined : calendars[calendarId]);
  }
  if (m.objective !== undefined) policy.objective = percent(m.objective);
  if (m.credits !== undefined) policy.credits = m.credits.map((t) => ({ below: percent(t.below), credit: percent(t.credit) }));
  if (m.creditCap !== undefined) policy.creditCap = percent(m.creditCap);
  if (m.fee !== undefined) policy.fee = { amount: m.fee.amount, currency: m.fee.currency };
  return policy;
}

function percent(text: string): number {
  const value = parsePercent(text);
  if (value === null) throw new Error(`${JSON.stringify(text)} is not a percentage; the shape check must pass first`);
  return value;
}

/**
 * Dates are inclusive and read in the calendar's zone: `to: "2026-12-31"` in Berlin ends at
 * 2027-01-01 00:00 Berlin time. With 24x7 (or no calendar) the zone is UTC.
 */
function effectiveInstants(effective: { from?: string; to?: string }, calendar: CalendarSpec | undefined): { from?: number; until?: number } {
  const zoneId = calendar ? canonicalTimeZone(calendar.timeZone) : 'UTC';
  const zone = getZone(zoneId ?? 'UTC');
  const out: { from?: number; until?: number } = {};
  const from = effective.from === undefined ? null : dateToLocalMs(effective.from);
  const to = effective.to === undefined ? null : dateToLocalMs(effective.to);
  if (from !== null) out.from = zone.localToUtc(from);
  if (to !== null) out.until = zone.localToUtc(to + DAY);
  return out;
}
