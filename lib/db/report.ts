/**
 * What the report page reads (issue 17): the decided targets of a range, the agreements with
 * their terms and nesting, and the zones their calendars keep, so the page can cut periods where
 * each agreement cuts them.
 */
import type { ReportPolicy } from '../report/report';
import type { DecidedTarget } from '../report/decide';
import type { SlaLensDatabase } from './database';
import { canonicalTimeZone } from '../sla/index';
import { activeVersion } from './active-version';
import { decidedBetween, oldestDecision } from './outcomes';

export interface ReportData {
  targets: DecidedTarget[];
  policies: Array<ReportPolicy & { zone: string }>;
  /** Where "all agreements" is cut: the configuration's `reportZone`, else the zone most agreements keep their calendars in (UTC for 24x7). */
  zone: string;
  /** The earliest decision the store holds: a report before it says it has nothing to go on. */
  oldest: number | null;
}

export async function loadReport(db: SlaLensDatabase, start: number, end: number, now: number): Promise<ReportData> {
  const [targets, policies, calendars, oldest, version] = await Promise.all([
    decidedBetween(db, start, end, now),
    db.policies.orderBy('index').toArray(),
    db.calendars.toArray(),
    oldestDecision(db),
    activeVersion(db),
  ]);
  const zoneOf = new Map(calendars.map((c) => [c.id, c.spec.timeZone]));
  const withZones = policies.map((p) => ({
    id: p.id,
    name: p.name,
    extends: p.extends,
    objective: p.objective,
    credits: p.credits,
    creditCap: p.creditCap,
    fee: p.fee,
    zone: (p.calendarId && zoneOf.get(p.calendarId)) || 'UTC',
  }));
  const counts = new Map<string, number>();
  for (const p of withZones) counts.set(p.zone, (counts.get(p.zone) ?? 0) + 1);
  // The configuration's report zone, where it names one.
  const zone = canonicalTimeZone(version?.document.reportZone) ?? [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'UTC';
  return { targets, policies: withZones, zone, oldest };
}
