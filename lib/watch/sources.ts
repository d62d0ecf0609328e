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
import { t } from '../i18n/core';
import { listJiraScope } from './jira';
import type { ReadOutcome } from './runner';
import { MAX_SCOPE_TICKETS, type JiraScopeQuery, type ScopeListing, type WatchScope, type ZendeskScopeQuery } from './types';
import type { PreviousListing } from './runner';
import { listZendeskChanges, listZendeskScope, SEARCH_LAG_MS, type ChangedOnSite } from './zendesk';

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
  // Every request counted where it leaves, listings and enrichment alike: a round keeps to its requests by this count.
  let sent = 0;
  const fetch: Fetch = (input, init) => {
    sent++;
    return options.fetch(input, init);
  };
  // A service worker kept alive for days must not keep every ticket it ever read.
  const jira = createJiraEnricher({ fetch, target: (origin) => jiraTarget(new URL(origin).hostname), method: 'GET', maxCached: MAX_CACHED_FACTS });
  const zendesk = createZendeskEnricher({
    fetch,
    maxCached: MAX_CACHED_FACTS,
    ...(options.auditBudget ? { auditBudget: options.auditBudget } : {}),
    ...(options.shareTrails ? { shareTrails: options.shareTrails } : {}),
  });
  const context = (scope: WatchScope, signal: AbortSignal): RequestContext => ({ fetch, origin: `https://${scope.site}`, signal, now: options.now() });
  // One search of the account's changes serves every view followed on it in a round (a round's
  // listings share its signal), and never another round: it must come before the round's own
  // listings to say what left them.
  const changes = new WeakMap<AbortSignal, Map<string, { from: number; answer: Promise<ChangedOnSite | undefined> }>>();
  function changesOn(scope: WatchScope, signal: AbortSignal, from: number): Promise<ChangedOnSite | undefined> {
    const round = changes.get(signal) ?? new Map<string, { from: number; answer: Promise<ChangedOnSite | undefined> }>();
    changes.set(signal, round);
    const held = round.get(scope.site);
    if (held && held.from <= from) return held.answer;
    // A minute more than asked, so the round's next view, whose last listing was moments apart, can use it.
    const asked = from - 60_000;
    const answer = listZendeskChanges(context(scope, signal), `https://${scope.site}`, asked).then((r) => r.changes);
    round.set(scope.site, { from: asked, answer });
    return answer;
  }

  return {
    /** Requests sent so far (the runner's `spent`). */
    spent: () => sent,
    /** Tickets a request reads (the runner's `perRequest`): Jira's searches and Zendesk's Show Many take 100, but each Zendesk ticket's history is a request of its own. */
    perRequest: (scope: WatchScope) => (sourceOf(scope) === 'jira' ? 100 : 1),

    list(scope: WatchScope, signal: AbortSignal, since?: number, previous?: PreviousListing): Promise<ScopeListing> {
      if (sourceOf(scope) === 'jira') return listJiraScope(context(scope, signal), jiraTarget(scope.site), scope.query as JiraScopeQuery, undefined, since);
      const follow =
        since !== undefined && previous
          ? { keys: previous.keys, ...(previous.walk !== undefined ? { walk: previous.walk } : {}), changes: () => changesOn(scope, signal, since - SEARCH_LAG_MS) }
          : undefined;
      return listZendeskScope(context(scope, signal), `https://${scope.site}`, scope.query as ZendeskScopeQuery, undefined, since, follow);
    },

    async read(scope: WatchScope, keys: readonly string[], signal: AbortSignal, fresh = false): Promise<ReadOutcome> {
      const enricher = sourceOf(scope) === 'jira' ? jira : zendesk;
      // What the site says changed is read again however recently it was read: a cached answer would hide the change.
      const result = await enricher.enrich(keys, { origin: `https://${scope.site}`, signal, now: options.now(), ...(fresh ? { maxAgeMs: 0 } : {}) });
      const facts = keys.flatMap((k) => {
        const f = result.facts.get(k);
        return f ? [f] : [];
      });
      return result.failure ? { facts, failure: { failure: result.failure, message: t('watch_site_failure', { site: scope.site, failure: failureWords(result.failure) }) } } : { facts };
    },
  };
}

export type ScopeSources = ReturnType<typeof createScopeSources>;
