/**
 * Messages between content scripts and the background, and what the background answers: types
 * only, so the content script bundle carries none of the background's code. The background
 * validates every message before it touches the database.
 */
import type { CalendarSpec, TicketFacts, TicketSource } from '../sla/index';
import type { SharedTrail } from './audit-trails';
import type { SlaView } from '../view/types';

export interface EvaluateRequest {
  type: 'sla:evaluate';
  source: TicketSource;
  site: string;
  tickets: TicketFacts[];
  /**
   * Keys the page shows but whose facts could not be read: badged `unknown`. Possibly undefined
   * as the message schema (zod's `.optional()`) takes it, like a ticket's optional facts.
   */
  unreadable?: string[] | undefined;
}

export interface EvaluateResponse {
  views: SlaView[];
  /** Calendars the clocks refer to, by id (`24x7` is implied). */
  calendars: Record<string, CalendarSpec>;
  /** The active config version the views were computed with (null: no config). */
  configVersion: number | null;
}

/** A ticket an audit budget ask is about: its id and its update stamp (empty when it has none it can share). */
export interface AuditTicketRef {
  id: number;
  stamp: string;
}

/**
 * A content script asks the background for audit requests on its Zendesk site: the account's
 * rate limit is shared by every tab, so the budget is the background's to hold. It names the
 * tickets whose audits it would read, so the background can first answer with the trails another
 * tab already read, and passes on what the site last said of its limit
 * (`lib/sources/rate-budget.ts`), each part only when known.
 */
export interface AuditBudgetRequest {
  type: 'sla:audit-budget';
  /** The page's host name: one account, one budget. */
  site: string;
  /** Audit requests wanted now, 0 (trails only) to the tickets listed. */
  want: number;
  /** The tickets without a trail in the tab, 1 to `MAX_AUDIT_TICKETS`, each id once. */
  tickets: AuditTicketRef[];
  remaining?: number;
  limit?: number;
  resetSeconds?: number;
}

export interface AuditBudgetResponse {
  /** How many audits may be read, 0 to `want`, and never more than the tickets `trails` left without one. */
  granted: number;
  /** The trails the background keeps for tickets of the request, each under the stamp it was asked with. */
  trails: SharedTrail[];
}

/** Trails a tab just read, for the background to keep for every tab on the site; fire and forget. */
export interface AuditTrailsPut {
  type: 'sla:audit-trails';
  site: string;
  /** 1 to `MAX_AUDIT_TICKETS`, each id once, each trail within `SHARED_TRAIL_LIMITS`. */
  trails: SharedTrail[];
}

export interface AuditTrailsStored {
  stored: number;
}
