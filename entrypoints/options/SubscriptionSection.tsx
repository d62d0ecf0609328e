import { useId } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import type { SubscriptionStore } from '../../lib/options/subscription-store';
import { useValue } from '../../lib/options/value';
import { describe, REFRESH_FLOOR_MINUTES } from '../../lib/subscription/state';
import { formatNumber, t, tp } from '../../lib/i18n/core';
import { Words } from '../../components/Words';

/** One configuration for the whole team: every browser subscribed to the same file follows its amendments. */
export function SubscriptionSection({ store }: { store: SubscriptionStore }) {
  const state = useValue(store.state);
  const form = useValue(store.form);
  const problem = useValue(store.problem);
  const busy = useValue(store.busy);
  const clock = useValue(store.clock);
  const urlId = useId();
  const refreshId = useId();
  const problemId = useId();

  const summary = state ? describe(state, clock) : null;
  return (
    <Section id="subscription" title={t('opt_subscription_title')} description={t('opt_subscription_description')}>
      {state === undefined && <p class="muted">{t('opt_subscription_reading')}</p>}
      {state && summary && (
        <div class="subscription">
          <p>
            {/* Minutes as they are typed into the form: no grouping. */}
            <Words text={tp('opt_subscribed', state.refreshMinutes, { n: formatNumber(state.refreshMinutes, { useGrouping: false }) })} parts={{ url: <a href={state.url}>{state.url}</a> }} />
          </p>
          <div role="status">
            <Notice tone={summary.status === 'error' ? 'error' : 'info'}>
              {summary.lines.map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </Notice>
          </div>
          <div class="subscription__actions">
            {state.pendingConfirmation && (
              <Button disabled={busy} onClick={() => void store.confirm()}>
                {t('opt_subscription_apply')}
              </Button>
            )}
            <Button variant="secondary" disabled={busy} onClick={() => void store.checkNow()}>
              {t('opt_subscription_check_now')}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => void store.unsubscribe()}>
              {t('opt_subscription_unsubscribe')}
            </Button>
          </div>
        </div>
      )}
      {state === null && (
        <form
          class="subscription__form"
          noValidate
          aria-label={t('opt_subscription_form')}
          onSubmit={(e) => {
            e.preventDefault();
            void store.subscribe();
          }}
        >
          <div class="field">
            <label class="field__label" for={urlId}>
              {t('opt_subscription_url')}
            </label>
            <input
              id={urlId}
              class="field__input"
              type="url"
              inputMode="url"
              autoComplete="off"
              spellcheck={false}
              placeholder="https://intranet.example.com/support/sla.yaml"
              value={form.url}
              aria-invalid={problem !== null}
              aria-describedby={problem === null ? undefined : problemId}
              onInput={(e) => store.change({ url: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label class="field__label" for={refreshId}>
              {t('opt_subscription_refresh')}
            </label>
            <input
              id={refreshId}
              class="field__input"
              type="number"
              min={REFRESH_FLOOR_MINUTES}
              step={5}
              value={form.refreshMinutes}
              onInput={(e) => store.change({ refreshMinutes: e.currentTarget.value })}
            />
          </div>
          {problem !== null && (
            <p class="field__problem" id={problemId} role="alert">
              {problem}
            </p>
          )}
          <Button type="submit" disabled={busy}>
            {t('opt_subscription_subscribe')}
          </Button>
          <p class="muted">
            <Words text={t('opt_subscription_server')} parts={{ etag: <code>ETag</code>, last_modified: <code>Last-Modified</code> }} />
          </p>
        </form>
      )}
    </Section>
  );
}
