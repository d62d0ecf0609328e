/**
 * Keeps a subscription checked on time. The state lives in extension storage, never only in
 * memory: a browser restart or a stopped service worker resumes where it was, and the next check is
 * an alarm at `nextTryAt`. Checks run one at a time; with the content hash in the state, two
 * alarms (or an alarm and "Check now") never apply the same file twice.
 */
import type { SlaLensDatabase } from '../db/database';
import { checkSubscription, type CheckResult } from './check';
import { isDue, type SubscriptionState } from './state';

export interface SubscriptionStore {
  load(): Promise<SubscriptionState | null>;
  save(state: SubscriptionState): Promise<void>;
}

export interface RunnerDeps {
  db: SlaLensDatabase;
  store: SubscriptionStore;
  fetch: typeof fetch;
  now: () => number;
  /** Asks to be woken at `when` (an epoch instant); null: nothing to wake for. */
  schedule(when: number | null): void;
  /** Whether the organisation's policy set the subscription. */
  managed?: () => boolean;
}

export interface SubscriptionRunner {
  /** Checks when due (or at once with `force`); then schedules the next check. A confirmation travels in the stored state. */
  run(options?: { force?: boolean }): Promise<CheckResult | null>;
}

export function createSubscriptionRunner(deps: RunnerDeps): SubscriptionRunner {
  let queue: Promise<unknown> = Promise.resolve();
  const once = async (options: { force?: boolean }): Promise<CheckResult | null> => {
    const state = await deps.store.load();
    if (!state) {
      deps.schedule(null);
      return null;
    }
    if (!options.force && !isDue(state, deps.now())) {
      deps.schedule(state.nextTryAt);
      return null;
    }
    const result = await checkSubscription(deps.db, state, {
      fetch: deps.fetch,
      now: deps.now,
      ...(deps.managed?.() ? { managed: true } : {}),
      ...(state.confirmed ? { confirmed: state.confirmed } : {}),
    });
    // Unsubscribed (or subscribed elsewhere) while the file was on its way: that answer is moot.
    const current = await deps.store.load();
    if (current?.url !== state.url) {
      deps.schedule(current?.nextTryAt ?? null);
      return null;
    }
    await deps.store.save(result.state);
    deps.schedule(result.state.nextTryAt);
    return result;
  };
  return {
    run(options = {}) {
      const next = queue.then(() => once(options));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
