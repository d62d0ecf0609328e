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
