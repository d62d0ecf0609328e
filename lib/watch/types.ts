/**
 * Watched scopes (issue 16): what a team lead names to watch without opening a page, and what
 * reading one gives. A scope reader lists the tickets in the scope (keys for Jira, ids for
 * Zendesk); their facts come from the same enrichment the overlay uses, so a watched ticket is
 * read exactly as a seen one.
 */
import type { EnrichFailure } from '../sources/types';

/** What a scope asks the site for. Jira: a JQL query, a saved filter, a JSM queue; Zendesk: a view, a search. */
export type ScopeQuery =
  { kind: 'jql'; jql: string } | { kind: 'filter'; filter: string } | { kind: 'queue'; serviceDesk: string; queue: string } | { kind: 'view'; view: string } | { kind: 'search'; search: string };

export type JiraScopeQuery = Extract<ScopeQuery, { kind: 'jql' | 'filter' | 'queue' }>;
export type ZendeskScopeQuery = Extract<ScopeQuery, { kind: 'view' | 'search' }>;

export interface WatchScope {
  /** Stable: `team:<site>:<kind>:<value>` for the configuration's (lib/config/watch.ts), `personal:<uuid>` for a person's. */
  id: string;
  /** The site's host name, such as `acme.atlassian.net`. */
  site: string;
  name?: string;
  query: ScopeQuery;
  origin: 'team' | 'personal';
}

/** A scope holding more tickets than this is refused with a message, never cut short silently. */
export const MAX_SCOPE_TICKETS = 10_000;

/** Why a scope could not be listed, beyond the overlay's own failures. */
export type ScopeFailure = EnrichFailure | 'not-found' | 'invalid-query' | 'too-many';

export type ScopeListing =
  | {
      ok: true;
      /** Jira issue keys (`SUP-12`) or Zendesk ticket ids (`4521`), each once, in the site's order. */
      keys: string[];
      /** Requests this listing made. */
      requests: number;
      /**
       * Of `keys`, those changed at or after the `since` the lister was given, when it could tell
       * (a second query for Jira's JQL and filters, the tickets' own stamps for Zendesk and JSM
       * queues); absent when it could not, and the runner reads in rotation instead.
       */
      changed?: string[];
      /** Of `changed`, each one's last-change stamp where the site gives it (Zendesk's `updated_at`). */
      stamps?: Record<string, number>;
      /** Where a followed view's walk by id goes on next round (a page number; lib/watch/zendesk.ts). */
      walk?: number;
    }
  | {
      ok: false;
      failure: ScopeFailure;
      /** One sentence for the popup and the options page, naming the site and, where it helps, what to do. */
      message: string;
      requests: number;
      /** The site asked to wait this long (429 `Retry-After`). */
      retryAfterMs?: number;
    };
