/**
 * The targets decided (issue 17), as the report reads them: written with every ticket the
 * background records or evaluates again (one ticket's decisions replace its earlier ones: the
 * latest facts and configuration decide), found by the instant they were decided, kept when their
 * tickets give way to the store's limits, and pruned after two years.
 */
import { decidedTargets, type DecidedTarget } from '../report/decide';
import type { SlaLensDatabase, StoredTicket } from './database';
import { calendarsOf } from './popup-query';

const DAY = 86_400_000;
/** Two years and a month: a year's report and the year before it to compare, whole months. */
export const OUTCOME_RETENTION_MS = 761 * DAY;

/** Within a transaction that holds `db.decisions`: these tickets' decisions, replacing what they had. */
export async function replaceOutcomes(db: SlaLensDatabase, tickets: ReadonlyArray<Pick<StoredTicket, 'site' | 'key'>>, decided: readonly DecidedTarget[]): Promise<void> {
  if (tickets.length === 0) return;
  await db.decisions
    .where('[site+key]')
    .anyOf(tickets.map((t) => [t.site, t.key]))
    .delete();
  if (decided.length > 0) await db.decisions.bulkPut([...decided]);
}

/**
 * The targets decided in `[start, end)`: the stored ones by their index, and the tickets still
 * running whose clock breached in the range since they were last written (decided at the breach,
 * which no write marked), found by `[phase+dueAt]`. A ticket's stored decision wins.
 */
export async function decidedBetween(db: SlaLensDatabase, start: number, end: number, now: number): Promise<DecidedTarget[]> {
  return db.transaction('r', [db.decisions, db.tickets, db.calendars], async () => {
    const [stored, breached, specs] = await Promise.all([
      db.decisions.where('decidedAt').between(start, end, true, false).toArray(),
      db.tickets
        .where('[phase+dueAt]')
        .between(['running', start], ['running', Math.min(end, now + 1)], true, false)
        .toArray(),
      calendarsOf(db),
    ]);
    const id = (t: DecidedTarget) => `${t.site}\u0000${t.key}\u0000${t.policyId}\u0000${t.metric}\u0000${t.cycle}`;
    const seen = new Set(stored.map(id));
    const late = breached.flatMap((row) => decidedTargets(row, specs, now)).filter((t) => t.decidedAt >= start && t.decidedAt < end && !seen.has(id(t)));
    return [...stored, ...late];
  });
}

/** Forgets decisions older than the retention; returns how many went. */
export async function pruneOutcomes(db: SlaLensDatabase, now: number): Promise<number> {
  return db.decisions
    .where('decidedAt')
    .below(now - OUTCOME_RETENTION_MS)
    .delete();
}

/** How far back the store's decisions go (the report says what it is based on). */
export async function oldestDecision(db: SlaLensDatabase): Promise<number | null> {
  const first = await db.decisions.orderBy('decidedAt').first();
  return first?.decidedAt ?? null;
}
