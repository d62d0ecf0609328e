/**
 * A ticket's SLA view: what the background works out from the facts and the active configuration
 * (which policy, which clocks), and what every reader of a ticket's state starts from — the badge,
 * the stored ticket, the popup, the toolbar count and alerts. Types only; pure.
 */
import type { AgingWatch } from '../sla/index';
import type { ClockInput, VendorSlaMetric } from '../sla/index';

/** The badge states of DESIGN.md's contract. */
export type BadgeState = 'ok' | 'at-risk' | 'breached' | 'paused' | 'met' | 'missed' | 'unknown' | 'none';
export type BadgeMetric = 'resolution' | 'first-response' | 'next-reply' | 'periodic-update' | 'pausable-update' | 'requester-wait' | 'agent-work';

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
  /**
   * A metric that recurs (next reply, the updates: issue 18): its cycles before the one `clock`
   * shows, oldest first, each stopped. The badge shows `clock`; compliance counts every cycle.
   */
  earlier?: Array<Pick<ClockInput, 'start' | 'stop' | 'pauses'>> | undefined;
}

/** A policy's aging flags for one ticket (issue 18 §2): the watches the overlay and the popup read at their own `now`. */
export interface AgingView {
  policyId: string;
  calendarId: string;
  watches: AgingWatch[];
  /** What the data cannot support, in words for the tooltip ("the last public update (the site did not give all comments)"): no flag without data. */
  unknown?: string | undefined;
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
  /** The first matching policy's aging flags, where one defines them. */
  aging?: AgingView | undefined;
  /**
   * The ticketing tool's own SLA state, shown beside ours (Zendesk): null when the tool did not
   * report it (unknown, not "no SLA"); absent for tools that never report one.
   */
  vendor?: VendorSlaMetric[] | null;
}

/**
 * What a ticket's clocks allow, independent of `now` except through new facts: `running` (some
 * clock runs, or is breached), `paused`, `stopped`, `none` (no policy), `unknown`.
 */
export type TicketPhase = 'running' | 'paused' | 'stopped' | 'none' | 'unknown';
