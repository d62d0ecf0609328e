/**
 * What a round of watching records: the facts it read, except where they would make a stored
 * ticket worse. A re-read that got no history (the account's audit budget spent, a changelog cut
 * short) is approximate; when nothing the clocks depend on moved since the exact row was stored,
 * the exact row stays, rather than a ticket flickering to "~" every other round.
 */
import type { StoredTicket } from '../db/database';
import type { TicketFacts } from '../sla/index';

/** The facts a clock reads that a status history would not already explain. */
const moved = (before: TicketFacts, after: TicketFacts) =>
  before.status !== after.status ||
  before.statusCategory !== after.statusCategory ||
  (before.resolvedAt ?? null) !== (after.resolvedAt ?? null) ||
  (before.firstResponseAt ?? null) !== (after.firstResponseAt ?? null) ||
  before.priority !== after.priority;

/** `fresh` without the facts that would only replace an exact stored row (`stored[i]` is `fresh[i]`'s) with a less exact one. */
export function worthRecording(fresh: readonly TicketFacts[], stored: ReadonlyArray<StoredTicket | undefined>): TicketFacts[] {
  return fresh.filter((facts, i) => {
    const row = stored[i];
    return facts.exact || !row?.facts.exact || moved(row.facts, facts);
  });
}
