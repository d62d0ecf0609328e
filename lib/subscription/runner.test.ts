import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { history } from '../db/config-store';
import { SlaLensDatabase } from '../db/database';
import { createSubscriptionRunner, type SubscriptionStore } from './runner';
import { subscribe, type SubscriptionState } from './state';

const URL_ = 'https://config.acme.example/sla.json';
const designExample = readFileSync(new URL('../config/__fixtures__/design-example.json', import.meta.url), 'utf8');

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`subscription-runner-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Storage as the background has it: what was saved, as a copy (structured clone). */
function memoryStore(initial: SubscriptionState | null): SubscriptionStore & { value: SubscriptionState | null } {
  const store = {
    value: initial,
    load: async () => (store.value ? structuredClone(store.value) : null),
    save: async (state: SubscriptionState) => {
      store.value = structuredClone(state);
    },
  };
  return store;
}

/** A server that answers after `gate` opens, counting requests. */
function slowServer(text: string) {
  let open = () => {};
  const gate = new Promise<void>((r) => (open = r));
  let requests = 0;
  const fetch = (async () => {
    requests++;
    await gate;
    const response = new Response(text, { status: 200 });
    Object.defineProperty(response, 'url', { value: URL_ });
    return response;
  }) as typeof globalThis.fetch;
  return { fetch, open, requests: () => requests };
}

describe('the subscription runner', () => {
  it('checks when due, saves the state and asks to be woken for the next check', async () => {
    let clock = Date.UTC(2026, 11, 3, 9);
    const store = memoryStore(subscribe(URL_, 30, clock));
    const server = slowServer(designExample);
    server.open();
    const woken: Array<number | null> = [];
    const runner = createSubscriptionRunner({ db, store, fetch: server.fetch, now: () => clock, schedule: (when) => woken.push(when) });
    const result = await runner.run();
    expect(result?.applied?.id).toBe(1);
    expect(store.value?.lastAppliedAt).toBe(clock);
    expect(woken).toEqual([clock + 30 * 60_000]);
    // Not due yet: nothing asked, woken at the same instant.
    clock += 10 * 60_000;
    expect(await runner.run()).toBeNull();
    expect(server.requests()).toBe(1);
    expect(woken.at(-1)).toBe(store.value!.nextTryAt);
    // "Check now" does not wait.
    await runner.run({ force: true });
    expect(server.requests()).toBe(2);
  });

  it('runs one check at a time: an alarm and "Check now" together apply the file once', async () => {
    const clock = Date.UTC(2026, 11, 3, 9);
    const store = memoryStore(subscribe(URL_, 60, clock));
    const server = slowServer(designExample);
    const runner = createSubscriptionRunner({ db, store, fetch: server.fetch, now: () => clock, schedule: () => {} });
    const both = [runner.run(), runner.run({ force: true })];
    await vi.waitFor(() => expect(server.requests()).toBe(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(server.requests()).toBe(1);
    server.open();
    const [first, second] = await Promise.all(both);
    expect(first?.applied?.id).toBe(1);
    expect(second?.applied).toBeUndefined();
    expect((await history(db)).length).toBe(1);
  });

  it('drops an answer that lands after the user unsubscribed, and asks to be woken for nothing', async () => {
    const clock = Date.UTC(2026, 11, 3, 9);
    const store = memoryStore(subscribe(URL_, 60, clock));
    const server = slowServer(designExample);
    const woken: Array<number | null> = [];
    const runner = createSubscriptionRunner({ db, store, fetch: server.fetch, now: () => clock, schedule: (when) => woken.push(when) });
    const running = runner.run();
    await vi.waitFor(() => expect(server.requests()).toBe(1));
    store.value = null;
    server.open();
    await running;
    expect(store.value).toBeNull();
    expect(woken).toEqual([null]);
  });
});
