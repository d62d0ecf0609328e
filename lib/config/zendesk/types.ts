import type { HolidaySpec, Hours, Weekday } from '../../sla/index';
import type { MetricName, NoteMetric } from '../metrics';

/**
 * The importer's own view of config version 1 (DESIGN.md, "The config file"). Kept local on
 * purpose: the zod schema in `lib/config/` is the authority and validates this output later; this
 * interface only names the subset the importer writes.
 */
export interface ConfigV1Like {
  version: 1;
  name: string;
  calendars: CalendarV1Like[];
  policies: PolicyV1Like[];
}

export interface CalendarV1Like {
  id: string;
  name: string;
  timeZone: string;
  week: Partial<Record<Weekday, Hours>>;
  holidays: HolidaySpec[];
}

/** A match value: one name, or a list of which any may match. */
export type NameOrNames = string | string[];

export interface MatchV1Like {
  source: 'zendesk';
  site?: NameOrNames;
  issueType?: NameOrNames;
  priority?: NameOrNames;
  status?: NameOrNames;
  group?: NameOrNames;
  organization?: NameOrNames;
  assignee?: NameOrNames;
  tags?: { any?: string[]; all?: string[]; none?: string[] };
  field?: Record<string, string>;
}

export type MetricKey = MetricName;

export type TargetsV1Like = Record<string, Partial<Record<MetricKey, string>>>;

export interface PolicyV1Like {
  id: string;
  name: string;
  description?: string;
  match: MatchV1Like;
  /** A calendar id from `calendars`, or "24x7". */
  calendar: string;
  targets: TargetsV1Like;
  pauseOn?: string[];
  internalNotesCount?: NoteMetric[];
}

export interface ImportProblem {
  severity: 'error' | 'warning';
  /** Rooted in the input file: `sla_policies[2].policy_metrics[1].metric`; '' for the whole file. */
  path: string;
  fileName?: string;
  /** A plain sentence for an admin. */
  message: string;
}

export interface ImportInput {
  /** The parsed JSON of one file. */
  value: unknown;
  fileName?: string;
  /** Which schedule a holidays or workweek body belongs to (Zendesk's bodies do not say). */
  scheduleId?: number;
}

export type ImportResult = { ok: true; document: ConfigV1Like; warnings: ImportProblem[] } | { ok: false; errors: ImportProblem[]; warnings: ImportProblem[] };
