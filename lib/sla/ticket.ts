import type { Instant } from './types';
import type { CommentEvent } from './cycles';

export type TicketSource = 'jira' | 'zendesk';

/** A status the ticket held from `at` until the next entry (or now). */
export interface StatusChange {
  at: Instant;
  status: string;
  /** Jira's status category; Zendesk's solved/closed map to `done`. */
  category?: 'new' | 'indeterminate' | 'done' | undefined;
}

/**
 * One target as the ticketing tool itself reports it (Zendesk's `slas.policy_metrics[]`): shown
 * beside ours so agents see where the contract and the tool disagree. It names no policy or target.
 */
export interface VendorSlaMetric {
  /** The vendor's metric name, e.g. `first_reply_time`, `total_resolution_time`. */
  metric: string;
  stage: 'active' | 'paused' | 'achieved';
  /** When it breaches (for a paused target, a projection); null when not given. */
  breachAt: Instant | null;
}

/**
 * What the source adapters know about one ticket: the input of policy matching and clock
 * evaluation. Types only, so the content script, the background and the config layer share it.
 * An optional fact may also be present as undefined (not read): the message schema, which must
 * match this type, lets that through (zod's `.optional()`), and adapters fill facts that way.
 */
export interface TicketFacts {
  source: TicketSource;
  /** Host name, e.g. `acme.atlassian.net`. */
  site: string;
  /** `SUP-123` on Jira, `123` on Zendesk. */
  key: string;
  title?: string | undefined;
  url?: string | undefined;
  /** Jira project key. */
  project?: string | undefined;
  /** Jira issue type; Zendesk ticket type (question, incident, problem, task). */
  issueType?: string | undefined;
  /** Jira Service Management request type. */
  requestType?: string | undefined;
  priority?: string | undefined;
  status?: string | undefined;
  /**
   * The category of `status`, as the source knows it: Jira's status category, Zendesk's
   * solved/closed as `done`. Resolution stops in `done`; a ticket that does not say is not done.
   */
  statusCategory?: 'new' | 'indeterminate' | 'done' | undefined;
  /** Labels on Jira, tags on Zendesk. */
  labels?: string[] | undefined;
  /** Zendesk group. */
  group?: string | undefined;
  organization?: string | undefined;
  assignee?: string | undefined;
  /**
   * What else a policy may call the group, organization or assignee: the tool's own policies, and
   * so imported ones, may name them by id (Zendesk's do). A name condition matches these too.
   */
  aliases?: { group?: string | undefined; organization?: string | undefined; assignee?: string | undefined } | undefined;
  /** The team the ticket belongs to, as the popup groups it: the source's choice (a Jira project, a Zendesk group). */
  team?: string | undefined;
  /** Custom fields by id or name. */
  fields?: Record<string, string | number | boolean | null | string[]> | undefined;
  created: Instant;
  /** When the ticket entered a done state, if it is in one. */
  resolvedAt?: Instant | null | undefined;
  /** The first public reply by an agent. */
  firstResponseAt?: Instant | null | undefined;
  /** Oldest first; absent when the source could not read it. */
  statusHistory?: StatusChange[] | undefined;
  /**
   * Every comment after the ticket's creation, public replies and internal notes, with who wrote
   * it (agent or end user) and nothing of what it says: what next reply, the update metrics and
   * aging read. Absent when the source could not read them all (a long thread cut short).
   */
  comments?: CommentEvent[] | undefined;
  /**
   * The tool's own SLA state for this ticket: absent when it was not reported (unknown, not "no
   * SLA"); an empty list when the tool reports no targets.
   */
  vendorSla?: VendorSlaMetric[] | undefined;
  /** The tool keeps SLA state of its own (Zendesk): a missing `vendorSla` then means "not reported", not "none". */
  vendorSlaExpected?: boolean | undefined;
  /** False when times or history were inferred (from the page, or statuses observed over time). */
  exact: boolean;
}
