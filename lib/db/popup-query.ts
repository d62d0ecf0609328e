/**
 * What the popup reads: counts by state, the at-risk and breached tickets most urgent first, the
 * sites seen, and compliance per policy. States are computed from the stored clocks at the
 * caller's `now`, so nothing shown is stale; candidates are found through the store's indexes.
 */
import type { ComplianceBar, TicketCounts, TicketSummary } from '../messaging/types';
import type { TicketSource } from '../sla/index';
import type { SlaLensDatabase } from './database';

export interface SiteSeen {
  site: string;
  source: TicketSource;
  tickets: number;
}

export interface PopupSnapshot {
  now: number;
  counts: TicketCounts;
  /** At-risk and breached tickets, most urgent first (soonest breach; breached longest ago first). */
  urgent: TicketSummary[];
  sites: SiteSeen[];
  /** Every stored ticket, whatever its state. */
  tracked: number;
}

export declare function loadPopup(db: SlaLensDatabase, now: number): Promise<PopupSnapshot>;

/** The same snapshot a few seconds on: the urgent tickets' countdowns and states at `now`, counts adjusted. Pure. */
export declare function advanceSnapshot(snapshot: PopupSnapshot, now: number): PopupSnapshot;

/** Per policy, tickets whose target was decided in the last `days` days: met or missed. */
export declare function loadCompliance(db: SlaLensDatabase, now: number, days: number): Promise<ComplianceBar[]>;
