/**
 * Messages between content scripts and the background, and what the background answers: types
 * only, so the content script bundle carries none of the background's code. The background
 * validates every message before it touches the database.
 */
import type { CalendarSpec, ClockInput, TicketFacts, TicketSource, VendorSlaMetric } from '../sla/index';

/** The badge states of DESIGN.md's contract. */
export type BadgeState = 'ok' | 'at-risk' | 'breached' | 'paused' | 'met' | 'missed' | 'unknown' | 'none';
export type BadgeMetric = 'resolution' | 'first-response';

/** One metric's clock, as the content script needs it to tick locally with the engine. */
export interface ClockView {
  metric: BadgeMetric;
  /** The policy that sets this metric's target (the first matching one with a target for it). */
  policyId: string;
  policyName: string;
  /** The engine's input, with `warnAt` already parsed. */
  clock: ClockInput;
  calendarId: string;
  /** True unless the calendar is 24x7: the figure is business time. */
  businessTime: boolean;
}

/** What the overlay shows for one ticket. */
export interface SlaView {
  key: string;
  /** `none`: no policy applies; `unknown`: the facts needed are missing. */
  kind: 'clocks' | 'none' | 'unknown';
  policyId?: string;
  policyName?: string;
  /** Running and stopped clocks of the applicable policy; the badge shows the most urgent. */
  clocks: ClockView[];
  /** False when times or history were inferred: the figure is approximate and says so. */
  exact: boolean;
  /** Why the state is unknown or approximate, for the tooltip. */
  note?: string;
  /**
   * The ticketing tool's own SLA state, shown beside ours (Zendesk): null when the tool did not
   * report it (unknown, not "no SLA"); absent for tools that never report one.
   */
  vendor?: VendorSlaMetric[] | null;
}

export interface EvaluateRequest {
  type: 'sla:evaluate';
  source: TicketSource;
  site: string;
  tickets: TicketFacts[];
  /** Keys the page shows but whose facts could not be read: badged `unknown`. */
  unreadable?: string[];
}

export interface EvaluateResponse {
  views: SlaView[];
  /** Calendars the clocks refer to, by id (`24x7` is implied). */
  calendars: Record<string, CalendarSpec>;
  /** The active config version the views were computed with (null: no config). */
  configVersion: number | null;
}

/** Asked by a content script for the statuses the background has observed, when history is unavailable. */
export type ContentMessage = EvaluateRequest;

/** storage.local key the options page bumps when a configuration is applied: content scripts re-evaluate. */
export const CONFIG_VERSION_KEY = 'sla:configVersion';

/** A stored ticket as the popup shows it, its state computed at the popup's `now`. */
export interface TicketSummary {
  site: string;
  key: string;
  source: TicketSource;
  title?: string;
  url?: string;
  /** Jira project or Zendesk group. */
  team?: string;
  assignee?: string;
  policyId?: string;
  policyName?: string;
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
