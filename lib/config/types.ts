import type { CalendarSpec, WarnAt } from '../sla/index';
import type { Match } from './schema';
import type { Problem } from './problem';
import type { ConfigV1 } from './schema';
import type { WatchScope } from '../watch/types';
import type { NoteMetric } from './metrics';

export interface ResolvedTarget {
  /** The priority as the file spells it (`High`); the record key is lower-cased. */
  label: string;
  firstResponseMs?: number;
  resolutionMs?: number;
  nextReplyMs?: number;
  periodicUpdateMs?: number;
  pausableUpdateMs?: number;
  requesterWaitMs?: number;
  agentWorkMs?: number;
}

/** A policy with `extends` applied and every value parsed, ready for matching and clocks. */
export interface ResolvedPolicy {
  id: string;
  /** Own or inherited name, else the id. */
  name: string;
  description?: string;
  /** Position in the file's `policies`; also the precedence (lowest first). */
  index: number;
  extends?: string;
  /** Every condition from the root ancestor down; all must hold. Empty: every ticket. */
  match: Match[];
  /** A calendar id or `'24x7'`; null only for a policy without targets (an abstract base). */
  calendarId: string | null;
  /** By lower-cased priority name, or `'*'` for every other priority. */
  targets: Record<string, ResolvedTarget>;
  /** Lower-cased status names during which the clocks stop. */
  pauseOn: string[];
  /** Metrics for which an agent's internal note counts as a reply or an update (Zendesk's advanced settings). */
  internalNotesCount?: NoteMetric[];
  /** When a ticket is flagged as stale, in the policy's calendar; `statuses` lower-cased (absent: any status not done). */
  aging?: { noPublicUpdateMs?: number; inStatusMs?: number; statuses?: string[] };
  warnAt: WarnAt;
  /** As written, dates inclusive. */
  effective?: { from?: string; to?: string };
  /** The same period as instants in the calendar's zone (UTC for 24x7): `from <= created < until`. */
  effectiveMs?: { from?: number; until?: number };
  /** The compliance promised, as a percentage (95 for "95%"). */
  objective?: number;
  /** Credit tiers, highest threshold first: below `below` percent compliance, `credit` percent of the fee is owed. */
  credits?: Array<{ below: number; credit: number }>;
  /** The most credit owed for one period, a percentage. */
  creditCap?: number;
  /** The fee for one period, so credits show as money. */
  fee?: { amount: number; currency: string };
}

export interface ResolvedConfig {
  name?: string;
  description?: string;
  /** The organisation's own sites (host globs); absent or empty: every site counts. */
  sites?: string[];
  /** Where the report cuts its months for every agreement together (canonical IANA zone); absent: the zone most agreements keep. */
  reportZone?: string;
  /** The team's watched scopes (`watch`), with ids that last while their site and query do; absent when it lists none. */
  watch?: WatchScope[];
  /** By calendar id, as written (the engine compiles them). */
  calendars: Record<string, CalendarSpec>;
  policies: ResolvedPolicy[];
}

/** A policy that can apply: it has a calendar. */
export type ApplicablePolicy = ResolvedPolicy & { calendarId: string };

export type ParseResult = { ok: true; config: ResolvedConfig; document: ConfigV1; warnings: Problem[] } | { ok: false; errors: Problem[]; warnings: Problem[] };
