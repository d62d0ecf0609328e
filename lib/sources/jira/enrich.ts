/**
 * Jira's side of the shared enrichment policy (`../enricher.ts`: coalescing, cache, backoff): one
 * batch is one search of at most 50 keys. The search target is worked out once per origin; a
 * Cloud-looking site whose v3 search answers 404 is a Data Center and is remembered as one, and
 * keys JQL rejects as unknown are dropped and the search asked again without them.
 */
import { createEnricher as createSharedEnricher, failedBatch, type BatchOutcome, type Enricher } from '../enricher';
import type { Fetch, RequestContext } from '../http';
import { discoverRequestTypeField, searchFields, searchIssues, type SearchTarget } from './rest';
import { isValidIssueKey } from './urls';

export interface EnricherOptions {
  fetch: Fetch;
  /** Where to send searches for `origin`: Cloud or DC, and DC's base URL. */
  target(origin: string): SearchTarget;
  // Possibly undefined below: the adapter passes its caller's optional options straight through.
  /** The JSM request-type field's id; asked of each site once (`GET /field`) when not given. */
  requestTypeField?: string | undefined;
  ttlMs?: number | undefined;
  coalesceMs?: number | undefined;
  batchSize?: number;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  /** Per request (default 20 s, ../http.ts). */
  timeoutMs?: number | undefined;
  /** Per answer's body (default 8 MiB, ../http.ts). */
  maxBytes?: number | undefined;
}

export function createEnricher(options: EnricherOptions): Enricher {
  const targets = new Map<string, SearchTarget>();
  const fieldsByOrigin = new Map<string, Promise<string[]>>();

  function fieldsFor(origin: string, target: SearchTarget, context: RequestContext): Promise<string[]> {
    let fields = fieldsByOrigin.get(origin);
    if (!fields) {
      fields = (options.requestTypeField ? Promise.resolve(options.requestTypeField) : discoverRequestTypeField(context, target)).then(searchFields);
      fieldsByOrigin.set(origin, fields);
    }
    return fields;
  }

  async function fetchBatch(origin: string, keys: string[], { signal, now }: { signal: AbortSignal; now: number }): Promise<BatchOutcome> {
    let target = targets.get(origin) ?? options.target(origin);
    targets.set(origin, target);
    // Requests may go to `origin` only: a target built from the page's meta tags cannot lead them elsewhere.
    const context: RequestContext = { fetch: options.fetch, origin, signal, now, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes };
    const fields = await fieldsFor(origin, target, context);
    let chunk = keys;
    for (let attempt = 0; attempt < 2 && chunk.length > 0; attempt++) {
      const outcome = await searchIssues(context, target, chunk, fields);
      if (outcome.ok) return { facts: outcome.facts };
      if (signal.aborted) return { failure: 'network' };
      // No v3 API: a Data Center without the meta tags that would have said so (jira-dom.md §5.3).
      if (outcome.notFound && target.kind === 'cloud' && attempt === 0) {
        target = { ...target, kind: 'dc' };
        targets.set(origin, target);
        continue;
      }
      // JQL rejects keys that do not exist or are not visible: ask for the rest (the rejected ones stay unknown).
      const invalid = new Set(outcome.invalidKeys ?? []);
      if (invalid.size > 0 && attempt === 0) {
        chunk = chunk.filter((k) => !invalid.has(k));
        continue;
      }
      return failedBatch(outcome);
    }
    return {};
  }

  return createSharedEnricher({
    fetchBatch,
    normalizeKey: (key) => {
      const k = key.trim().toUpperCase();
      return isValidIssueKey(k) ? k : null;
    },
    batchSize: options.batchSize ?? 50,
    ttlMs: options.ttlMs,
    coalesceMs: options.coalesceMs,
    backoffBaseMs: options.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs,
  });
}
