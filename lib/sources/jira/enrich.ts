/**
 * Enrichment policy around `searchIssues`: calls made within a short window are coalesced into
 * one batch per origin, at most 50 keys a request; facts are cached per key for the page's life
 * with a TTL, so a steady page costs a few requests a minute; after a failure the origin backs
 * off exponentially (or for `Retry-After`), answering at once from cache meanwhile. Never throws.
 */
import type { TicketFacts } from '../../sla/index';
import type { EnrichFailure, EnrichOptions, EnrichResult } from '../types';
import { searchIssues, type Fetch, type SearchTarget } from './rest';
import { isValidIssueKey } from './urls';

export interface EnricherOptions {
  fetch: Fetch;
  /** Where to send searches for `origin`: Cloud or DC, and DC's base URL. */
  target(origin: string): SearchTarget;
  fields: readonly string[];
  ttlMs?: number;
  coalesceMs?: number;
  batchSize?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

interface Cached {
  facts: TicketFacts | null;
  at: number;
}

interface Batch {
  keys: Set<string>;
  now: number;
  /** Callers still waiting; the request is aborted when every one of them has given up. */
  waiting: number;
  controller: AbortController;
  done: Promise<EnrichFailure | undefined>;
  /** Told the keys of each answered request as it lands. */
  listeners: Set<(keys: readonly string[]) => void>;
}

interface OriginState {
  cache: Map<string, Cached>;
  inflight: Map<string, Batch>;
  pending: Batch | null;
  failures: number;
  blockedUntil: number;
  lastFailure?: EnrichFailure;
  target?: SearchTarget;
}

export function createEnricher(options: EnricherOptions) {
  const ttl = options.ttlMs ?? 60_000;
  const coalesceMs = options.coalesceMs ?? 50;
  const batchSize = options.batchSize ?? 50;
  const baseMs = options.backoffBaseMs ?? 5_000;
  const maxMs = options.backoffMaxMs ?? 5 * 60_000;
  const origins = new Map<string, OriginState>();

  const stateOf = (origin: string): OriginState => {
    let s = origins.get(origin);
    if (!s) origins.set(origin, (s = { cache: new Map(), inflight: new Map(), pending: null, failures: 0, blockedUntil: 0 }));
    return s;
  };

  function fail(s: OriginState, failure: EnrichFailure, now: number, retryAfter?: number): void {
    s.failures += 1;
    s.lastFailure = failure;
    const exponential = Math.min(maxMs, baseMs * 2 ** (s.failures - 1));
    s.blockedUntil = now + (retryAfter ?? exponential);
  }

  async function run(origin: string, s: OriginState, batch: Batch): Promise<EnrichFailure | undefined> {
    await new Promise((resolve) => setTimeout(resolve, coalesceMs));
    if (s.pending === batch) s.pending = null;
    const keys = [...batch.keys];
    if (batch.controller.signal.aborted) return 'network';
    if (batch.now < s.blockedUntil) return s.lastFailure;
    s.target ??= options.target(origin);
    for (let i = 0; i < keys.length; i += batchSize) {
      let chunk = keys.slice(i, i + batchSize);
      for (let attempt = 0; attempt < 2 && chunk.length > 0; attempt++) {
        const outcome = await searchIssues(options.fetch, s.target, chunk, options.fields, batch.controller.signal, batch.now);
        if (outcome.ok) {
          for (const key of chunk) s.cache.set(key, { facts: outcome.facts.get(key) ?? null, at: batch.now });
          for (const listener of batch.listeners) listener(chunk);
          s.failures = 0;
          s.lastFailure = undefined;
          break;
        }
        if (batch.controller.signal.aborted) return 'network'; // our own choice: no backoff
        // No v3 API: a Data Center without the meta tags that would have said so (jira-dom.md §5.3).
        if (outcome.notFound && s.target.kind === 'cloud' && attempt === 0) {
          s.target = { ...s.target, kind: 'dc' };
          continue;
        }
        // JQL rejects keys that do not exist or are not visible: remember them as unknown, ask for the rest.
        const invalid = new Set(outcome.invalidKeys ?? []);
        if (invalid.size > 0 && attempt === 0) {
          for (const key of invalid) s.cache.set(key, { facts: null, at: batch.now });
          chunk = chunk.filter((k) => !invalid.has(k));
          continue;
        }
        fail(s, outcome.failure, batch.now, outcome.retryAfterMs);
        return outcome.failure;
      }
    }
    return undefined;
  }

  function join(origin: string, s: OriginState, keys: string[], now: number): Batch[] {
    const batches = new Set<Batch>();
    for (const key of keys) {
      const running = s.inflight.get(key);
      if (running) {
        batches.add(running);
        continue;
      }
      if (!s.pending) {
        const batch: Batch = { keys: new Set(), now, waiting: 0, controller: new AbortController(), done: Promise.resolve(undefined), listeners: new Set() };
        batch.done = run(origin, s, batch).finally(() => {
          for (const k of batch.keys) if (s.inflight.get(k) === batch) s.inflight.delete(k);
        });
        s.pending = batch;
      }
      s.pending.keys.add(key);
      s.pending.now = Math.max(s.pending.now, now);
      s.inflight.set(key, s.pending);
      batches.add(s.pending);
    }
    return [...batches];
  }

  async function enrich(keys: readonly string[], { origin, signal, now, onFacts }: EnrichOptions): Promise<EnrichResult> {
    const facts = new Map<string, TicketFacts>();
    try {
      const s = stateOf(origin);
      const wanted = [...new Set(keys.map((k) => k.trim().toUpperCase()))].filter(isValidIssueKey);
      const collect = (fresh: boolean) => {
        for (const key of wanted) {
          const c = s.cache.get(key);
          if (c?.facts && (!fresh || now - c.at < ttl)) facts.set(key, c.facts);
        }
      };
      const stale = wanted.filter((k) => {
        const c = s.cache.get(k);
        return !c || now - c.at >= ttl;
      });
      if (stale.length === 0) {
        collect(true);
        return { facts };
      }
      // Backing off, or already cancelled: answer at once with what is known, however old.
      if (now < s.blockedUntil || signal.aborted) {
        collect(false);
        return { facts, failure: signal.aborted ? 'network' : (s.lastFailure ?? 'server-error') };
      }
      const batches = join(origin, s, stale, now);
      for (const b of batches) b.waiting += 1;
      const mine = new Set(stale);
      const report = onFacts
        ? (answered: readonly string[]) => {
            const partial = new Map<string, TicketFacts>();
            for (const key of answered) {
              const c = mine.has(key) ? s.cache.get(key) : undefined;
              if (c?.facts) partial.set(key, c.facts);
            }
            if (partial.size > 0) onFacts(partial);
          }
        : null;
      if (report) for (const b of batches) b.listeners.add(report);
      // The caller's signal may live as long as the page: the listener goes when the call ends.
      let onAbort = () => {};
      const aborted = new Promise<'aborted'>((resolve) => (onAbort = () => resolve('aborted')));
      signal.addEventListener('abort', onAbort, { once: true });
      const outcome = await Promise.race([Promise.all(batches.map((b) => b.done)), aborted]).finally(() => signal.removeEventListener('abort', onAbort));
      for (const b of batches) {
        if (report) b.listeners.delete(report);
        if (--b.waiting === 0 && outcome === 'aborted') b.controller.abort();
      }
      collect(false);
      if (outcome === 'aborted') return { facts, failure: 'network' };
      const failure = outcome.find((f) => f !== undefined);
      return failure ? { facts, failure } : { facts };
    } catch {
      return { facts, failure: 'bad-response' };
    }
  }

  return { enrich };
}
