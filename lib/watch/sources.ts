/**
 * How the background reaches a watched scope's site (issue 16 §2): the scope's kind says Jira or
 * Zendesk; a `*.atlassian.net` site is Jira Cloud, any other Jira a Data Center at its root; the
 * listing is the scope's own (jira.ts, zendesk.ts), the facts come from the overlay's enrichment
 * in its background form (Jira by GET only: a background POST carries the extension's origin,
 * which Atlassian's XSRF protection may refuse), under the account's audit budget the tabs share.
 */
import { createEnricher as createJiraEnricher } from '../sources/jira/enrich';
import type { SearchTarget } from '../sources/jira/rest';
import { createZendeskEnricher, type ZendeskEnricherOptions } from '../sources/zendesk/enrich';
import type { Fetch, RequestContext } from '../sources/http';
import { failureWords } from '../view/words';
import { listJiraScope } from './jira';
import type { ReadOutcome } from './runner';
import { MAX_SCOPE_TICKETS, type JiraScopeQuery, type ScopeListing, type WatchScope, type ZendeskScopeQuery } from './types';
import { listZendeskScope } from './zendesk';

export type ScopeSource = 'jira' | 'zendesk';

/** Facts kept per site between rounds: more than one scope's most, far fewer than a site's scopes could name. */
export const MAX_CACHED_FACTS = 2 * MAX_SCOPE_TICKETS;

export function sourceOf(scope: WatchScope): ScopeSource {
  return scope.query.kind === 'view' || scope.query.kind === 'search' ? 'zendesk' : 'jira';
}

export function jiraTarget(site: string): SearchTarget {
  const origin = `https://${site}`;
  return { kind: site.endsWith('.atlassian.net') ? 'cloud' : 'dc', baseUrl: origin, site };
}

export interface ScopeSourcesOptions {
  fetch: Fetch;
  now(): number;
  /** The account's audit budget and trails, shared with the tabs (lib/messaging/audit-budget.ts). */
  auditBudget?: ZendeskEnricherOptions['auditBudget'];
  shareTrails?: ZendeskEnricherOptions['shareTrails'];
}

export function createScopeSources(options: ScopeSourcesOptions) {
  // A service worker kept alive for days must not keep every ticket it ever read.
  const jira = createJiraEnricher({ fetch: options.fetch, target: (origin) => jiraTarget(new URL(origin).hostname), method: 'GET', maxCached: MAX_CACHED_FACTS });
  const zendesk = createZendeskEnricher({
    fetch: options.fetch,
    maxCached: MAX_CACHED_FACTS,
    ...(options.auditBudget ? { auditBudget: options.auditBudget } : {}),
    ...(options.shareTrails ? { shareTrails: options.shareTrails } : {}),
  });
  const context = (scope: WatchScope, signal: AbortSignal): RequestContext => ({ fetch: options.fetch, origin: `https://${scope.site}`, signal, now: options.now() });

  return {
    list(scope: WatchScope, signal: AbortSignal, since?: number): Promise<ScopeListing> {
      return sourceOf(scope) === 'jira'
        ? listJiraScope(context(scope, signal), jiraTarget(scope.site), scope.query as JiraScopeQuery, undefined, since)
        : listZendeskScope(context(scope, signal), `https://${scope.site}`, scope.query as ZendeskScopeQuery, undefined, since);
    },

    async read(scope: WatchScope, keys: readonly string[], signal: AbortSignal): Promise<ReadOutcome> {
      const enricher = sourceOf(scope) === 'jira' ? jira : zendesk;
      const result = await enricher.enrich(keys, { origin: `https://${scope.site}`, signal, now: options.now() });
      const facts = keys.flatMap((k) => {
        const f = result.facts.get(k);
        return f ? [f] : [];
      });
      return result.failure ? { facts, failure: { failure: result.failure, message: `${scope.site}: ${failureWords(result.failure)}` } } : { facts };
    },
  };
}

export type ScopeSources = ReturnType<typeof createScopeSources>;
