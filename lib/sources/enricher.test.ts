import { describe, expect, it, vi } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { createEnricher, type BatchContext, type BatchOutcome } from './enricher';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const facts = (key: string): TicketFacts => ({ source: 'zendesk', site: 'acme.zendesk.com', key, created: NOW - 3_600_000, exact: true });
const opts = (now = NOW, extra: { onFacts?: (f: ReadonlyMap<string, TicketFacts>) => void; inView?: string[] } = {}) => ({
  origin: 'https://acme.zendesk.com',
  signal: new AbortController().signal,
  now,
  ...extra,
});

interface Call {
  keys: string[];
  context: BatchContext;
}

function enricherWith(answer: (call: Call) => Promise<BatchOutcome> | BatchOutcome, batchSize = 3, coalesceMs: number | 'default' = 1) {
  const calls: Call[] = [];
  const enricher = createEnricher({
    batchSize,
    ...(coalesceMs === 'default' ? {} : { coalesceMs }),
    normalizeKey: (k) => (/^\d+$/.test(k.trim()) ? k.trim() : null),
    fetchBatch: async (_origin, keys, context) => {
      const call = { keys, context };
      calls.push(call);
      return answer(call);
    },
  });
  return { enricher, calls };
}

describe('the shared enricher', () => {
  it('cuts the keys into batches of batchSize, normalised, without duplicates or non-keys', async () => {
    const { enricher, calls } = enricherWith(({ keys }) => ({ facts: new Map(keys.map((k) => [k, facts(k)])) }));
    const result = await enricher.enrich([' 1', '2', '2', '3', '4', 'x', '<img>'], opts());
    expect(calls.map((c) => c.keys)).toEqual([['1', '2', '3'], ['4']]);
    expect([...result.facts.keys()]).toEqual(['1', '2', '3', '4']);
  });

  it('by default joins the calls made in the same task, and asks without waiting for a timer', async () => {
    const { enricher, calls } = enricherWith(({ keys }) => ({ facts: new Map(keys.map((k) => [k, facts(k)])) }), 3, 'default');
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      const together = [enricher.enrich(['1'], opts()), enricher.enrich(['2'], opts())];
      // Asked before any task could run: a timer would not have fired yet.
      for (let i = 0; i < 20; i++) await Promise.resolve();
      expect(calls.map((c) => c.keys)).toEqual([['1', '2']]);
      await Promise.all(together);
      expect(timers).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
    }
  });

  it('passes facts delivered during a batch to onFacts before the batch ends, each key once', async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const heard: string[][] = [];
    const { enricher } = enricherWith(async ({ keys, context }) => {
      context.deliver(new Map([[keys[0]!, facts(keys[0]!)]]));
      await gate;
      // The first key again (ignored), and the rest.
      return { facts: new Map(keys.map((k) => [k, facts(k)])) };
    });
    const pending = enricher.enrich(['1', '2'], opts(NOW, { onFacts: (f) => heard.push([...f.keys()]) }));
    await expect.poll(() => heard).toEqual([['1']]);
    release();
    const result = await pending;
    expect(heard).toEqual([['1'], ['2']]);
    expect(result.facts.size).toBe(2);
  });

  it('takes a key delivered approximate again only when it comes exact, and tells onFacts; the cache and the result hold the exact facts', async () => {
    const heard: Array<Array<[string, boolean]>> = [];
    const approximate = (key: string): TicketFacts => ({ ...facts(key), exact: false });
    const { enricher } = enricherWith(({ keys: [a, b], context }) => {
      context.deliver(
        new Map([
          [a!, approximate(a!)],
          [b!, facts(b!)],
        ]),
      );
      // b was exact already: neither an approximate nor an exact second answer replaces it.
      context.deliver(new Map([[b!, approximate(b!)]]));
      context.deliver(new Map([[b!, facts(b!)]]));
      context.deliver(new Map([[a!, approximate(a!)]]));
      context.deliver(new Map([[a!, facts(a!)]]));
      return {};
    });
    const result = await enricher.enrich(['1', '2'], opts(NOW, { onFacts: (f) => heard.push([...f.values()].map((x) => [x.key, x.exact])) }));
    expect(heard).toEqual([
      [
        ['1', false],
        ['2', true],
      ],
      [['1', true]],
    ]);
    expect([...result.facts.values()].map((f) => [f.key, f.exact])).toEqual([
      ['1', true],
      ['2', true],
    ]);
  });

  it('tells each wave which of its keys the callers said are on screen, and nothing when none said', async () => {
    const { enricher, calls } = enricherWith(({ keys }) => ({ facts: new Map(keys.map((k) => [k, facts(k)])) }));
    await Promise.all([enricher.enrich(['1', '2', '3', '4'], opts(NOW, { inView: ['2', ' 4'] })), enricher.enrich(['5'], opts())]);
    expect(calls.map((c) => [c.keys, [...(c.context.wave.inView ?? [])]])).toEqual([
      [
        ['1', '2', '3'],
        ['2', '4'],
      ],
      [
        ['4', '5'],
        ['2', '4'],
      ],
    ]);
    const { enricher: unsaid, calls: plain } = enricherWith(({ keys }) => ({ facts: new Map(keys.map((k) => [k, facts(k)])) }));
    await unsaid.enrich(['1'], opts());
    expect(plain[0]!.context.wave.inView).toBeUndefined();
  });

  it('serves facts from its cache within the TTL, unless the caller asks for them younger (maxAgeMs: the watch’s changed tickets)', async () => {
    const { enricher, calls } = enricherWith(({ keys }) => ({ facts: new Map(keys.map((k) => [k, facts(k)])) }));
    await enricher.enrich(['1'], opts());
    await enricher.enrich(['1'], opts(NOW + 10_000));
    expect(calls).toHaveLength(1);
    await enricher.enrich(['1'], { ...opts(NOW + 10_000), maxAgeMs: 0 });
    expect(calls).toHaveLength(2);
  });

  it('remembers keys the site did not answer as unknown until the TTL ends', async () => {
    const { enricher, calls } = enricherWith(() => ({ facts: new Map([['1', facts('1')]]) }));
    await enricher.enrich(['1', '2'], opts());
    const again = await enricher.enrich(['1', '2'], opts(NOW + 1000));
    expect(calls).toHaveLength(1);
    expect([...again.facts.keys()]).toEqual(['1']);
    await enricher.enrich(['2'], opts(NOW + 61_000));
    expect(calls).toHaveLength(2);
  });

  it('with a limit, keeps the facts of the keys answered last: one answered longest ago is asked again', async () => {
    const calls: string[][] = [];
    const enricher = createEnricher({
      batchSize: 10,
      coalesceMs: 1,
      maxCached: 2,
      normalizeKey: (k) => k,
      fetchBatch: async (_origin, keys) => {
        calls.push(keys);
        return { facts: new Map(keys.map((k) => [k, facts(k)])) };
      },
    });
    await enricher.enrich(['1', '2', '3'], opts());
    // Within the TTL: 2 and 3 are kept, 1 is not.
    await enricher.enrich(['2', '3'], opts(NOW + 1000));
    expect(calls).toEqual([['1', '2', '3']]);
    await enricher.enrich(['1'], opts(NOW + 1000));
    expect(calls).toEqual([['1', '2', '3'], ['1']]);
  });

  it('keeps what was delivered before a failure, backs off, and asks again for the rest afterwards', async () => {
    let fail = true;
    const { enricher, calls } = enricherWith(({ keys, context }) => {
      if (!fail) return { facts: new Map(keys.map((k) => [k, facts(k)])) };
      context.deliver(new Map([['1', facts('1')]]));
      return { failure: 'rate-limited', retryAfterMs: 30_000 };
    });
    const first = await enricher.enrich(['1', '2'], opts());
    expect(first.failure).toBe('rate-limited');
    expect([...first.facts.keys()]).toEqual(['1']);
    expect((await enricher.enrich(['2'], opts(NOW + 29_000))).failure).toBe('rate-limited');
    expect(calls).toHaveLength(1);
    fail = false;
    const later = await enricher.enrich(['1', '2'], opts(NOW + 31_000));
    expect(later.failure).toBeUndefined();
    expect(calls.at(-1)!.keys).toEqual(['2']);
  });

  it('a fetchBatch that throws is a network failure, not an exception', async () => {
    const { enricher } = enricherWith(() => {
      throw new Error('boom');
    });
    expect(await enricher.enrich(['1'], opts())).toEqual({ facts: new Map(), failure: 'network' });
  });

  it('asks for every chunk at once, the first chunk (the rows in view) in a wave of its own and the rest in another', async () => {
    const gates: Array<() => void> = [];
    const { enricher, calls } = enricherWith(async ({ keys }) => {
      await new Promise<void>((r) => gates.push(r));
      return { facts: new Map(keys.map((k) => [k, facts(k)])) };
    }, 2);
    const pending = enricher.enrich(['1', '2', '3', '4', '5'], opts());
    // All three chunks are under way before any has answered.
    await expect.poll(() => calls.length).toBe(3);
    expect(calls.map((c) => c.context.wave.keys)).toEqual([
      ['1', '2'],
      ['3', '4', '5'],
      ['3', '4', '5'],
    ]);
    // One memo per wave, shared by its chunks.
    expect(calls[1]!.context.wave.memo).toBe(calls[2]!.context.wave.memo);
    expect(calls[0]!.context.wave.memo).not.toBe(calls[1]!.context.wave.memo);
    gates.forEach((open) => open());
    expect((await pending).facts.size).toBe(5);
  });

  it('a failure in a parallel burst backs the origin off once and stops the rest of the burst', async () => {
    let burst = true;
    const { enricher, calls } = enricherWith(async ({ keys, context }) => {
      if (burst && keys[0] === '3') return { failure: 'rate-limited' };
      // The others in the burst wait, and are stopped.
      if (burst) await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve()));
      return { facts: new Map(keys.map((k) => [k, facts(k)])) };
    }, 2);
    const first = await enricher.enrich(['1', '2', '3', '4', '5', '6'], opts());
    expect(first.failure).toBe('rate-limited');
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.context.signal.aborted)).toBe(true);
    burst = false;
    // Backed off once: the default base (5 s), not doubled for each request that failed or stopped.
    expect((await enricher.enrich(['1'], opts(NOW + 4_000))).failure).toBe('rate-limited');
    expect(calls).toHaveLength(3);
    await enricher.enrich(['1'], opts(NOW + 5_500));
    expect(calls).toHaveLength(4);
  });
  it('asks four chunks at a time, in order, and moves the chunks of keys scrolled into view up the queue', async () => {
    const gates: Array<() => void> = [];
    const { enricher, calls } = enricherWith(async ({ keys }) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return { facts: new Map(keys.map((k) => [k, facts(k)])) };
    }, 1);
    const keys = Array.from({ length: 8 }, (_, i) => String(i + 1));
    const done = enricher.enrich(keys, opts());
    await expect.poll(() => calls.length).toBe(4);
    expect(calls.map((c) => c.keys[0])).toEqual(['1', '2', '3', '4']);
    // Rows 7 and 8 came into view: theirs go next, then the rest in order.
    enricher.prioritize('https://acme.zendesk.com', ['8', '7', 'not-a-key']);
    enricher.prioritize('https://elsewhere.example', ['5']);
    gates.shift()!();
    await expect.poll(() => calls.length).toBe(5);
    gates.shift()!();
    gates.shift()!();
    gates.shift()!();
    await expect.poll(() => calls.length).toBe(8);
    expect(calls.map((c) => c.keys[0])).toEqual(['1', '2', '3', '4', '7', '8', '5', '6']);
    const releaseAll = setInterval(() => gates.splice(0).forEach((open) => open()), 1);
    expect((await done).facts.size).toBe(8);
    clearInterval(releaseAll);
  });
});
