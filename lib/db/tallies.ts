/**
 * Running totals of the ticket store: tickets per phase, approximate ones, tickets per site. A
 * ticket's phase, site and exactness change only when it is written, so totals kept up to date
 * by every write are exact, and the popup reads one row instead of counting 10,000 (IndexedDB
 * counts by walking the index). The at-risk and breached counts depend on `now` and are counted
 * at read time over their small index ranges.
 */
import type { TicketSource } from '../sla/index';
import type { SlaLensDatabase, StoredTicket } from './database';
import type { TicketPhase } from '../view/types';

export const TALLIES_KEY = 'ticketTallies';

export interface TicketTallies {
  total: number;
  phases: Record<TicketPhase, number>;
  /** Approximate tickets among the running and the paused ones. */
  approx: { running: number; paused: number };
  sites: Record<string, { source: TicketSource; tickets: number }>;
}

export function emptyTallies(): TicketTallies {
  return { total: 0, phases: { running: 0, paused: 0, stopped: 0, none: 0, unknown: 0 }, approx: { running: 0, paused: 0 }, sites: {} };
}

type Counted = Pick<StoredTicket, 'site' | 'source' | 'phase' | 'approx'>;

/** Adds (`sign` 1) or removes (-1) one row's share. */
export function tally(t: TicketTallies, row: Counted, sign: 1 | -1): void {
  t.total += sign;
  t.phases[row.phase] += sign;
  if (row.approx === 1 && (row.phase === 'running' || row.phase === 'paused')) t.approx[row.phase] += sign;
  const site = (t.sites[row.site] ??= { source: row.source, tickets: 0 });
  site.tickets += sign;
  if (site.tickets <= 0) delete t.sites[row.site];
}

export function tallyAll(rows: Iterable<Counted>): TicketTallies {
  const t = emptyTallies();
  for (const row of rows) tally(t, row, 1);
  return t;
}

function isTallies(value: unknown): value is TicketTallies {
  const v = value as TicketTallies | undefined;
  return typeof v?.total === 'number' && typeof v.phases === 'object' && typeof v.approx === 'object' && typeof v.sites === 'object';
}

/** The stored totals; counted from the rows when there are none yet (a store from before them). */
export async function readTallies(db: SlaLensDatabase): Promise<TicketTallies> {
  const stored = (await db.meta.get(TALLIES_KEY))?.value;
  if (isTallies(stored)) return stored;
  const rows: Counted[] = [];
  await db.tickets.each((r) => void rows.push({ site: r.site, source: r.source, phase: r.phase, approx: r.approx }));
  return tallyAll(rows);
}

/** Call inside a transaction over `tickets` and `meta`. */
export function saveTallies(db: SlaLensDatabase, t: TicketTallies): Promise<string> {
  return db.meta.put({ key: TALLIES_KEY, value: t });
}
