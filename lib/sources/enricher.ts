/**
 * The enrichment policy every source adapter shares, whatever its REST API: calls made in the
 * same task (or a window, if asked) are coalesced into one batch per origin, cut into chunks of
 * `batchSize` keys that go through the adapter's `fetchBatch` four at a time, in the caller's
 * order unless rows scrolled into view move theirs up (`prioritize`); the first chunk, the
 * caller's first keys, is a wave of its own, and the adapter's fetch limits how many requests are
 * in flight; facts are
 * cached per key for the page's life with a TTL, so a steady page costs a few requests a minute;
 * after a failure the origin backs off exponentially (or for `Retry-After`), once for a whole
 * burst, answering at once from cache meanwhile. Callers hear each answer as it lands
 * (`onFacts`). Never throws.
 */
import type { TicketFacts } from '../sla/index';
import { MAX_RETRY_AFTER_MS } from './http';
import type { EnrichFailure, EnrichOptions, EnrichResult } from './types';

/**
 * The chunks of a batch asked together: the first wave is the caller's first chunk alone (the
 * overlay puts the rows in view first), the second the rest. A request for all of a wave's keys
 * (Jira's bulk changelog) is made once per wave, through `memo`.
 */
export interface Wave {
  keys: readonly string[];
  memo: Map<string, Promise<unknown>>;
  /** The first wave: the caller's first keys (the rows in view), whose requests go ahead of the rest (`priority: 'high'`). */
  first: boolean;
  /** The keys the callers said are on screen (`EnrichOptions.inView`); absent when none said. */
  inView?: ReadonlySet<string>;
}

export interface BatchContext {
  signal: AbortSignal;
  now: number;
  wave: Wave;
  /**
   * Facts for some of the keys, before the batch is over (a slow batch answers ticket by ticket):
   * cached at once and passed on to every waiting caller's `onFacts`. A key delivered approximate
   * may be delivered again, exact; any other second delivery is ignored.
   */
  deliver(facts: ReadonlyMap<string, TicketFacts>): void;
}

export interface BatchOutcome {
  /** Facts not yet delivered. */
  facts?: ReadonlyMap<string, TicketFacts>;
  /**
   * Set when the site failed: the origin backs off, and keys without facts are asked again later.
   * Without it, keys the batch gave no facts for are remembered as unknown until the TTL ends.
   */
  failure?: EnrichFailure;
  retryAfterMs?: number;
}

/** A request's failure as a batch's outcome, with its Retry-After when it gave one. */
export function failedBatch({ failure, retryAfterMs }: { failure: EnrichFailure; retryAfterMs?: number }): BatchOutcome {
  return retryAfterMs !== undefined ? { failure, retryAfterMs } : { failure };
}

export interface EnricherOptions {
  /** One request (or a few) for at most `batchSize` keys of `origin`; never throws. */
  fetchBatch(origin: string, keys: string[], context: BatchContext): Promise<BatchOutcome>;
  /** The key in its canonical form, or null when it is not a key of this source (never sent). */
  normalizeKey(key: string): string | null;
  batchSize: number;
  /** Chunks of a batch asked at once (default 4); the rest wait in a queue `prioritize` reorders. */
  chunksAtOnce?: number;
  // Possibly undefined: each source passes its caller's optional tuning straight through.
  ttlMs?: number | undefined;
  coalesceMs?: number | undefined;
  backoffBaseMs?: number | undefined;
  backoffMaxMs?: number | undefined;
  /**
   * Tickets whose facts are kept per origin, the longest unanswered going first (default: no
   * limit, as a page's life bounds it). The background, which may run for days, sets one.
   */
  maxCached?: number | undefined;
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
  /** Told the keys of each answer as it lands. */
  listeners: Set<(keys: readonly string[]) => void>;
  /** The keys its callers said are on screen; null when none said. */
  inView: Set<string> | null;
}

interface OriginState {
  cache: Map<string, Cached>;
  inflight: Map<string, Batch>;
  pending: Batch | null;
  /** The chunks of running batches not yet asked, in the order they will be. */
  queues: Set<QueuedChunk[]>;
  failures: number;
  blockedUntil: number;
  /** Undefined again once a batch succeeds. */
  lastFailure?: EnrichFailure | undefined;
}

export interface Enricher {
  enrich(keys: readonly string[], options: EnrichOptions): Promise<EnrichResult>;
  /** Moves the chunks holding any of `keys` that have not been asked yet to the front of their batch's queue (the rows scrolled into view). */
  prioritize(origin: string, keys: readonly string[]): void;
}

/** Chunks asked at once per batch by default: about the requests the adapters' fetch lets fly (limit.ts). */
const CHUNKS_AT_ONCE = 4;

interface QueuedChunk {
  chunk: string[];
  wave: Wave;
}

export function createEnricher(options: EnricherOptions): Enricher {
  const defaultTtl = options.ttlMs ?? 60_000;
  // The overlay gathers a page's rows itself, so by default this joins only the calls made in the
  // same task: a timer, however short, ran ~600 ms late while a 1,000-row page loaded (measured).
  const coalesceMs = options.coalesceMs ?? 0;
  const { batchSize } = options;
  const baseMs = options.backoffBaseMs ?? 5_000;
  const maxMs = options.backoffMaxMs ?? 5 * 60_000;
  const origins = new Map<string, OriginState>();
  const maxCached = options.maxCached ?? Infinity;
  /** Kept last (a Map keeps insertion order), so the entry answered longest ago goes first past the limit. */
  const keep = (s: OriginState, key: string, entry: Cached) => {
    s.cache.delete(key);
    s.cache.set(key, entry);
    if (s.cache.size > maxCached) s.cache.delete(s.cache.keys().next().value!);
  };

  const stateOf = (origin: string): OriginState => {
    let s = origins.get(origin);
    if (!s) origins.set(origin, (s = { cache: new Map(), inflight: new Map(), pending: null, queues: new Set(), failures: 0, blockedUntil: 0 }));
    return s;
  };

  function fail(s: OriginState, failure: EnrichFailure, now: number, retryAfter?: number): void {
    s.failures += 1;
    s.lastFailure = failure;
    const exponential = Math.min(maxMs, baseMs * 2 ** (s.failures - 1));
    // Capped here too: a source that reads its own Retry-After must not stop enrichment for the page's life.
    s.blockedUntil = now + (retryAfter !== undefined ? Math.min(Math.max(0, retryAfter), MAX_RETRY_AFTER_MS) : exponential);
  }

  async function run(origin: string, s: OriginState, batch: Batch): Promise<EnrichFailure | undefined> {
    if (coalesceMs > 0) await new Promise((resolve) => setTimeout(resolve, coalesceMs));
    else await Promise.resolve();
    if (s.pending === batch) s.pending = null;
    const keys = [...batch.keys];
    if (batch.controller.signal.aborted) return 'network';
    if (batch.now < s.blockedUntil) return s.lastFailure;
    const chunks: string[][] = [];
    for (let i = 0; i < keys.length; i += batchSize) chunks.push(keys.slice(i, i + batchSize));
    // The first chunk (the rows in view) is its own wave, so nothing it waits for is sized by the rest.
    const inView = batch.inView ? { inView: batch.inView as ReadonlySet<string> } : {};
    const waves = [chunks.slice(0, 1), chunks.slice(1)]
      .filter((w) => w.length > 0)
      .map((w, i) => ({ chunks: w, wave: { keys: w.flat(), memo: new Map<string, Promise<unknown>>(), first: i === 0, ...inView } }));
    // Every chunk goes at once (the source's fetch limits how many requests are in flight): the
    // first failure backs the origin off once and stops the rest, which are asked again later.
    const stop = new AbortController();
    const signal = AbortSignal.any([batch.controller.signal, stop.signal]);
    let failure: EnrichFailure | undefined;
    const answered = new Set<string>();
    const store = (facts: ReadonlyMap<string, TicketFacts>) => {
      const landed: string[] = [];
      for (const [key, f] of facts) {
        if (!batch.keys.has(key)) continue;
        // Once answered, a key takes only exact facts over approximate ones.
        if (answered.has(key) && (!f.exact || s.cache.get(key)?.facts?.exact !== false)) continue;
        answered.add(key);
        keep(s, key, { facts: f, at: batch.now });
        landed.push(key);
      }
      if (landed.length > 0) for (const listener of batch.listeners) listener(landed);
    };
    const runChunk = async (chunk: string[], wave: Wave) => {
      let outcome: BatchOutcome;
      try {
        outcome = await options.fetchBatch(origin, chunk, { signal, now: batch.now, wave, deliver: store });
      } catch {
        outcome = { failure: 'network' };
      }
      if (failure !== undefined || signal.aborted) return;
      if (outcome.facts) store(outcome.facts);
      if (outcome.failure) {
        failure = outcome.failure;
        fail(s, outcome.failure, batch.now, outcome.retryAfterMs);
        stop.abort();
        return;
      }
      // Keys the site did not return do not exist or are not visible: unknown until the TTL ends.
      for (const key of chunk) if (!answered.has(key)) keep(s, key, { facts: null, at: batch.now });
    };
    // A few chunks at a time, from a queue the rows scrolled into view can jump (`prioritize`).
    const queue: QueuedChunk[] = waves.flatMap(({ chunks: list, wave }) => list.map((chunk) => ({ chunk, wave })));
    s.queues.add(queue);
    const worker = async () => {
      for (let next = queue.shift(); next && failure === undefined && !signal.aborted; next = queue.shift()) await runChunk(next.chunk, next.wave);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(options.chunksAtOnce ?? CHUNKS_AT_ONCE, queue.length) }, worker));
    } finally {
      s.queues.delete(queue);
    }
    if (batch.controller.signal.aborted) return 'network'; // our own choice: no backoff
    if (failure !== undefined) return failure;
    s.failures = 0;
    s.lastFailure = undefined;
    return undefined;
  }

  function join(origin: string, s: OriginState, keys: string[], now: number, inView: readonly string[] | undefined): Batch[] {
    const batches = new Set<Batch>();
    const onScreen = inView ? new Set(inView.map(options.normalizeKey)) : null;
    for (const key of keys) {
      const running = s.inflight.get(key);
      if (running) {
        batches.add(running);
        continue;
      }
      if (!s.pending) {
        const batch: Batch = { keys: new Set(), now, waiting: 0, controller: new AbortController(), done: Promise.resolve(undefined), listeners: new Set(), inView: null };
        batch.done = run(origin, s, batch).finally(() => {
          for (const k of batch.keys) if (s.inflight.get(k) === batch) s.inflight.delete(k);
        });
        s.pending = batch;
      }
      if (onScreen) {
        const said = (s.pending.inView ??= new Set());
        if (onScreen.has(key)) said.add(key);
      }
      s.pending.keys.add(key);
      s.pending.now = Math.max(s.pending.now, now);
      s.inflight.set(key, s.pending);
      batches.add(s.pending);
    }
    return [...batches];
  }

  function prioritize(origin: string, keys: readonly string[]): void {
    const s = origins.get(origin);
    if (!s || s.queues.size === 0) return;
    const wanted = new Set(keys.map(options.normalizeKey).filter((k): k is string => k !== null));
    for (const queue of s.queues) {
      const first = queue.filter((q) => q.chunk.some((k) => wanted.has(k)));
      if (first.length === 0) continue;
      const rest = queue.filter((q) => !first.includes(q));
      queue.splice(0, queue.length, ...first, ...rest);
    }
  }

  async function enrich(keys: readonly string[], { origin, signal, now, onFacts, maxAgeMs, inView }: EnrichOptions): Promise<EnrichResult> {
    const facts = new Map<string, TicketFacts>();
    const ttl = maxAgeMs ?? defaultTtl;
    try {
      const s = stateOf(origin);
      const wanted = [...new Set(keys.map(options.normalizeKey).filter((k): k is string => k !== null))];
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
      const batches = join(origin, s, stale, now, inView);
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

  return { enrich, prioritize };
}
