/**
 * What a stored ticket's clocks say at a given instant, and the few numbers the store indexes so
 * the popup, the toolbar count and the alerts find tickets without evaluating every one:
 *
 * - `phase` changes only with new facts: `running` (some clock runs, or is breached), `paused`,
 *   `stopped`, `none`, `unknown`;
 * - `riskAt` and `dueAt`, for a running ticket, are when its most urgent clock turns at-risk and
 *   breaches if nothing changes. So at any `now`: breached ⟺ dueAt ≤ now; at risk ⟺ riskAt ≤ now
 *   < dueAt; ok otherwise. A read re-evaluates the clocks of the rows it shows, with its own `now`.
 *
 * All of them come from `readView` (`lib/view`), as the badge's state does.
 */
import type { SlaLensDatabase } from './database';

/**
 * Running tickets whose moment (`riskAt`: turning at-risk, `dueAt`: breaching) is at most `upTo`,
 * in that order: at-risk-or-worse at `now` is `[phase+riskAt]` up to now, breached `[phase+dueAt]`.
 */
export function runningUpTo(db: SlaLensDatabase, index: '[phase+riskAt]' | '[phase+dueAt]', upTo: number) {
  return db.tickets.where(index).between(['running', -Infinity], ['running', upTo], true, true);
}

/** Breached and at-risk tickets at `now`, counted over their own (small) index ranges. */
export async function urgentCounts(db: SlaLensDatabase, now: number): Promise<{ breached: number; atRisk: number }> {
  const [breached, riskOrWorse] = await Promise.all([runningUpTo(db, '[phase+dueAt]', now).count(), runningUpTo(db, '[phase+riskAt]', now).count()]);
  return { breached, atRisk: riskOrWorse - breached };
}
