import { useId } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import type { SubscriptionStore } from '../../lib/options/subscription-store';
import { useValue } from '../../lib/options/value';
import { describe, REFRESH_FLOOR_MINUTES } from '../../lib/subscription/state';

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
    <Section
      id="subscription"
      title="Subscription"
      description="Follow a configuration file your team publishes at an https:// address: SLA Lens checks it on a schedule and applies each valid amendment as a new version."
    >
      {state === undefined && <p class="muted">Reading the subscription…</p>}
      {state && summary && (
        <div class="subscription">
          <p>
            Subscribed to <a href={state.url}>{state.url}</a>, checked every {state.refreshMinutes} min.
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
                Apply the new file
              </Button>
            )}
            <Button variant="secondary" disabled={busy} onClick={() => void store.checkNow()}>
              Check now
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => void store.unsubscribe()}>
              Unsubscribe
            </Button>
          </div>
        </div>
      )}
      {state === null && (
        <form
          class="subscription__form"
          noValidate
          aria-label="Subscribe to a configuration file"
          onSubmit={(e) => {
            e.preventDefault();
            void store.subscribe();
          }}
        >
          <div class="field">
            <label class="field__label" for={urlId}>
              Configuration file address
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
              Check every (minutes)
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
            Subscribe
          </Button>
          <p class="muted">
            The server must let SLA Lens read the file: it asks your permission for that one address. A server that answers with an <code>ETag</code> or <code>Last-Modified</code> header is asked only
            for changes.
          </p>
        </form>
      )}
    </Section>
  );
}
