/**
 * Messages between content scripts and the background, and what the background answers: types
 * only, so the content script bundle carries none of the background's code. The background
 * validates every message before it touches the database.
 */
import type { CalendarSpec, TicketFacts, TicketSource } from '../sla/index';
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

/**
 * A content script asks the background for audit requests on its Zendesk site: the account's
 * rate limit is shared by every tab, so the budget is the background's to hold. It passes on
 * what the site last said of its limit (`lib/sources/rate-budget.ts`), each part only when known.
 */
export interface AuditBudgetRequest {
  type: 'sla:audit-budget';
  /** The page's host name: one account, one budget. */
  site: string;
  /** Audit requests wanted now, 1 to `MAX_AUDIT_BUDGET_WANT`. */
  want: number;
  remaining?: number;
  limit?: number;
  resetSeconds?: number;
}

export interface AuditBudgetResponse {
  /** How many of them may be sent, 0 to `want`. */
  granted: number;
}
