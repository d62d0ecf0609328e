/**
 * The popup's read model: stored tickets as lists show them, counts by state, and compliance per
 * policy. Types only.
 */
import type { AgingKind, TicketSource } from '../sla/index';
import type { BadgeMetric, BadgeState } from './types';

/**
 * A stored ticket as the popup shows it, its state computed at the popup's `now`. The optional
 * properties are copied from the stored row, facts and view, which may hold them as undefined.
 */
export interface TicketSummary {
  site: string;
  key: string;
  source: TicketSource;
  title?: string | undefined;
  url?: string | undefined;
  /** Jira project or Zendesk group. */
  team?: string | undefined;
  assignee?: string | undefined;
  policyId?: string | undefined;
  policyName?: string | undefined;
  /** The most urgent running metric (as on the badge). */
  metric: BadgeMetric | null;
  state: BadgeState;
  /** When the shown metric breaches (breached: when it did); Infinity when it never will. */
  dueAt: number;
  /** Business time left on the shown metric; negative once breached. */
  remainingMs: number;
  /** Whether that time is business time (false: the calendar is 24x7). */
  businessTime: boolean;
  /** False when the figures rest on inferred data (the popup says so). */
  exact: boolean;
  firstSeen: number;
  lastSeen: number;
}

/** How many stored tickets are in each state at `now`, and how many of those rest on approximate data. */
export interface TicketCounts {
  breached: number;
  atRisk: number;
  ok: number;
  paused: number;
  /** Of the four above, how many have approximate figures. */
  approximate: number;
  /** Tickets an aging flag marks as stale (issue 18 §2); absent in snapshots kept before there were any. */
  stale?: number;
}

/** A stale ticket as the popup lists it: what flags it, and since when (its age is read at the popup's `now`). */
export interface StaleTicket {
  site: string;
  key: string;
  source: TicketSummary['source'];
  title?: string | undefined;
  url?: string | undefined;
  kind: AgingKind;
  since: number;
  status?: string | undefined;
}

/** One policy's record over a window: tickets whose target was decided in it, met or missed. */
export interface ComplianceBar {
  policyId: string;
  policyName: string;
  met: number;
  missed: number;
  /** The missed tickets, most recent first. */
  missedTickets: Array<Pick<TicketSummary, 'site' | 'key' | 'source' | 'title' | 'url' | 'metric' | 'dueAt'>>;
}

/** The active configuration as the popup names it. */
export interface ConfigLabel {
  name: string;
  version: number;
  /** Whether it lists the organisation's `sites`; false: every site counts. Unknown in snapshots stored before it was kept. */
  sitesDeclared?: boolean;
}
