/**
 * The options page's side of a configuration subscribed by URL: subscribe (asking the browser for
 * that one host, inside the click), "Check now", confirm a file that waits for a person, and
 * unsubscribe. The checks themselves run in the background (lib/subscription/runner.ts); this
 * store only writes the state in extension storage and follows it.
 */
import { subscribe as newSubscription, clampRefresh, REFRESH_DEFAULT_MINUTES, type SubscriptionState } from '../subscription/state';
import { value } from './value';
import { t } from '../i18n/core';

export interface SubscriptionDeps {
  read(): Promise<SubscriptionState | null>;
  write(state: SubscriptionState | null): Promise<void>;
  onChanged(listener: () => void): () => void;
  /** Asks the browser for access to `origin` (`https://host/*`); true when granted. Must run inside the click. */
  requestOrigin(pattern: string): Promise<boolean>;
  /**
   * Gives back the access asked for a file's host (`https://host/*`) once no subscription needs it,
   * unless that host is also a site an admin added: a permission kept for nothing is one a
   * browser's review would rightly question.
   */
  releaseOrigin(pattern: string): Promise<void>;
}

export interface SubscriptionForm {
  url: string;
  refreshMinutes: string;
}

/** Why an address cannot be subscribed to, or null when it can. */
export function subscriptionUrlProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return t('opt_subscription_url_empty');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return t('opt_subscription_url_invalid');
  }
  if (url.protocol !== 'https:') return t('opt_subscription_url_not_https');
  if (url.username || url.password) return t('opt_subscription_url_password');
  return null;
}

export function createSubscriptionStore(deps: SubscriptionDeps, now: () => number) {
  /** undefined until first read; null when there is no subscription. */
  const state = value<SubscriptionState | null | undefined>(undefined);
  const form = value<SubscriptionForm>({ url: '', refreshMinutes: String(REFRESH_DEFAULT_MINUTES) });
  const problem = value<string | null>(null);
  const busy = value(false);
  /** The time the page shows "ago" and "in" against, moved on while the page is open. */
  const clock = value(now());

  async function refresh(): Promise<void> {
    try {
      state.set(await deps.read());
    } catch (error) {
      problem.set(t('opt_subscription_read_failed', { error: error instanceof Error ? error.message : String(error) }));
    }
  }

  const write = async (next: SubscriptionState | null) => {
    busy.set(true);
    try {
      await deps.write(next);
      state.set(next);
      clock.set(now());
    } finally {
      busy.set(false);
    }
  };

  const release = (subscription: SubscriptionState) =>
    deps.releaseOrigin(`${new URL(subscription.url).origin}/*`).catch((error: unknown) => {
      problem.set(t('opt_subscription_release_failed', { host: new URL(subscription.url).host, error: error instanceof Error ? error.message : String(error) }));
    });

  return {
    state,
    form,
    problem,
    busy,
    clock,
    start(): () => void {
      void refresh();
      const stop = deps.onChanged(() => {
        clock.set(now());
        void refresh();
      });
      return stop;
    },
    change(patch: Partial<SubscriptionForm>) {
      form.update((f) => ({ ...f, ...patch }));
      problem.set(null);
    },
    /** The form's submit: the permission prompt is asked for before anything else is awaited. */
    async subscribe(): Promise<void> {
      const { url, refreshMinutes } = form.get();
      const why = subscriptionUrlProblem(url);
      if (why) {
        problem.set(why);
        return;
      }
      const address = new URL(url.trim());
      const granted = await deps.requestOrigin(`${address.origin}/*`).catch(() => false);
      if (!granted) {
        problem.set(t('opt_subscription_denied', { host: address.host }));
        return;
      }
      await write(newSubscription(address.href, clampRefresh(Number(refreshMinutes)), now()));
    },
    /** Makes the subscription due: the background checks it at once. */
    async checkNow(): Promise<void> {
      const current = state.get();
      if (current) await write({ ...current, nextTryAt: now() });
    },
    /** The file waiting for confirmation is applied on the check this starts. */
    async confirm(): Promise<void> {
      const current = state.get();
      if (current?.pendingConfirmation) await write({ ...current, confirmed: current.pendingConfirmation.hash, nextTryAt: now() });
    },
    async unsubscribe(): Promise<void> {
      const before = state.get();
      // Released first: a granted host with no subscription naming it would pass for a self-hosted site.
      if (before) await release(before);
      await write(null);
    },
  };
}

export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
