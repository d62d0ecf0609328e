/**
 * What the report page reads (issue 17): the decided targets of a range, the agreements with
 * their terms and nesting, and the zones their calendars keep, so the page can cut periods where
 * each agreement cuts them.
 */
import { buildReport, type PeriodReport, type ReportPolicy } from '../report/report';
import { defaultPeriods, firstRange } from '../report/periods';
import { REPORT_SNAPSHOT_KEY } from '../storage-keys';
import { ticketWrites } from './tallies';
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

/**
 * The figures the report opens on (last month and this month, by agreement, every agreement and
 * customer), kept by the background in `storage.session` so the page paints them before its own
 * read of the store, as the popup paints its first page; the page's own read replaces them.
 */
export interface StoredReportSnapshot {
  at: number;
  zone: string;
  oldest: number | null;
  /** The cells without the targets behind them (the page's own read brings those). */
  reports: PeriodReport[];
}

export async function reportSnapshot(db: SlaLensDatabase, now: number): Promise<StoredReportSnapshot> {
  const range = firstRange(now);
  const data = await loadReport(db, range.start, range.end, now);
  const reports = buildReport(data.targets, defaultPeriods(data.zone, now), 'agreement', data.policies).map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, targets: [] })) }));
  return { at: now, zone: data.zone, oldest: data.oldest, reports };
}

/** A snapshot as storage gives it back; null when it is not one. */
export function storedReportSnapshot(value: unknown): StoredReportSnapshot | null {
  const v = value as StoredReportSnapshot | undefined;
  return v &&
    typeof v.at === 'number' &&
    typeof v.zone === 'string' &&
    Array.isArray(v.reports) &&
    v.reports.every((r) => r && Array.isArray(r.cells) && r.period && typeof r.period.start === 'number')
    ? v
    : null;
}

/**
 * Keeps the snapshot: at most once a `minIntervalMs`, and only when the store was written since
 * (each costs a read of two months of decisions).
 */
export function createReportSnapshots(db: SlaLensDatabase, store: { set(items: Record<string, unknown>): Promise<void> }, options: { minIntervalMs?: number } = {}) {
  const every = options.minIntervalMs ?? 60_000;
  let last: { at: number; writes: number | null } | null = null;
  return async (now: number): Promise<boolean> => {
    if (last && now - last.at < every) return false;
    const writes = await ticketWrites(db);
    if (last && writes === last.writes) return false;
    last = { at: now, writes };
    await store.set({ [REPORT_SNAPSHOT_KEY]: await reportSnapshot(db, now) });
    return true;
  };
}
