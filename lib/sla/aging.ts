/**
 * Aging flags (issue 18 §2): what support teams ask for beside SLA clocks — a ticket nobody has
 * updated in public for too long, or one stuck in a status. A flag is not a target (nothing is
 * met or missed); it is a watch on an instant: from `since`, once `thresholdMs` of the policy's
 * calendar has passed, the ticket is stale. The overlay and the popup read the same watches at
 * their own `now`, as they read clocks.
 *
 * No flag without data: a ticket whose comments were not read cannot be said to have had no
 * update, and one without a status history cannot be said to have sat in its status; such a
 * watch is `unknown`, and the tooltip says so, rather than a flag that may be wrong either way.
 */
import { addBusinessTime, businessTimeBetween } from './business-time';
import type { Calendar } from './calendar';
import type { CommentEvent } from './cycles';
import type { StatusChange } from './ticket';
import type { Instant } from './types';

export interface AgingRule {
  /** Flag after this much of the calendar with no public agent comment (since creation, if none). */
  noPublicUpdateMs?: number | undefined;
  /** Flag after this much of the calendar in the current status… */
  inStatusMs?: number | undefined;
  /** …when it is one of these (lower-cased); any status not done when absent. */
  statuses?: readonly string[] | undefined;
}

export type AgingKind = 'no-update' | 'in-status';

export interface AgingWatch {
  kind: AgingKind;
  /** The last public agent comment (or creation), or when the ticket entered its status. */
  since: Instant;
  thresholdMs: number;
  /** The status, as the site names it (in-status only). */
  status?: string;
}

export interface AgingInput {
  created: Instant;
  statusHistory?: readonly StatusChange[] | undefined;
  comments?: readonly CommentEvent[] | undefined;
  /** The ticket is solved or resolved: nothing about it is stale. */
  done: boolean;
}

export interface AgingWatches {
  watches: AgingWatch[];
  /** The flags the rule asks for that the data cannot support. */
  unknown: AgingKind[];
}

export function agingWatches(t: AgingInput, rule: AgingRule): AgingWatches {
  const out: AgingWatches = { watches: [], unknown: [] };
  if (t.done) return out;
  if (rule.noPublicUpdateMs !== undefined) {
    if (t.comments === undefined) out.unknown.push('no-update');
    else {
      let since = t.created;
      for (const c of t.comments) if (c.by === 'agent' && c.public && c.at > since) since = c.at;
      out.watches.push({ kind: 'no-update', since, thresholdMs: rule.noPublicUpdateMs });
    }
  }
  if (rule.inStatusMs !== undefined) {
    const history = t.statusHistory;
    if (history === undefined || history.length === 0) out.unknown.push('in-status');
    else {
      // The latest entry is the status now; entries are in time order (the sources sort them).
      let current = history[0]!;
      for (const h of history) if (h.at >= current.at) current = h;
      const watched = rule.statuses === undefined ? current.category !== 'done' : rule.statuses.includes(current.status.toLowerCase());
      if (watched) out.watches.push({ kind: 'in-status', since: Math.max(current.at, t.created), thresholdMs: rule.inStatusMs, status: current.status });
    }
  }
  return out;
}

/** When a watch flags: its threshold of the calendar after `since`. */
export function agingFlagsAt(cal: Calendar, watch: AgingWatch): Instant {
  return addBusinessTime(cal, watch.since, watch.thresholdMs);
}

/** Whether the watch flags at `now`, and how much of the calendar has passed since. */
export function agingState(cal: Calendar, watch: AgingWatch, now: Instant): { stale: boolean; businessMs: number } {
  const businessMs = businessTimeBetween(cal, watch.since, now);
  return { stale: businessMs >= watch.thresholdMs, businessMs };
}
