import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatSpan } from '../lib/options/format';
import { metricLabel } from '../lib/config/format';
import { METRIC_NAMES } from '../lib/config/metrics';
import type { TesterForm, TesterResult } from '../lib/options/tester';
import { formatDue, stateWords } from '../lib/view/words';

interface PolicyTesterProps {
  form: TesterForm;
  onChange(patch: Partial<TesterForm>): void;
  result: TesterResult;
}

/** A made-up ticket, and which policy would time it and why. */
export function PolicyTester({ form, onChange, result }: PolicyTesterProps) {
  const resultId = useId();
  return (
    <div class="tester">
      <form class="tester__form" aria-describedby={resultId} onSubmit={(e) => e.preventDefault()}>
        <Field label="Source">
          {(id) => (
            <select id={id} class="field__input" value={form.source} onChange={(e) => onChange({ source: e.currentTarget.value as TesterForm['source'] })}>
              <option value="jira">Jira</option>
              <option value="zendesk">Zendesk</option>
            </select>
          )}
        </Field>
        <TextField label="Site" value={form.site} onInput={(site) => onChange({ site })} placeholder="acme.atlassian.net" />
        <TextField label="Project" value={form.project} onInput={(project) => onChange({ project })} placeholder="SUP" />
        <TextField label="Issue type" value={form.issueType} onInput={(issueType) => onChange({ issueType })} placeholder="Bug" />
        <TextField label="Priority" value={form.priority} onInput={(priority) => onChange({ priority })} placeholder="High" />
        <TextField label="Status" value={form.status} onInput={(status) => onChange({ status })} placeholder="In progress" />
        <TextField label="Group" value={form.group} onInput={(group) => onChange({ group })} placeholder="Tier 2" />
        <TextField label="Labels or tags" hint="Separate them with commas." value={form.labels} onInput={(labels) => onChange({ labels })} placeholder="enterprise, eu" />
        <Field label="Created" wide>
          {(id) => <input id={id} class="field__input" type="datetime-local" value={form.created} onInput={(e) => onChange({ created: e.currentTarget.value })} />}
        </Field>
        <Field label="Metric">
          {(id) => (
            <select id={id} class="field__input" value={form.metric} onChange={(e) => onChange({ metric: e.currentTarget.value as TesterForm['metric'] })}>
              {METRIC_NAMES.map((metric) => (
                <option key={metric} value={metric}>
                  {metricLabel(metric, true)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <section class="tester__result" id={resultId} aria-label="Test result">
        <TesterVerdict result={result} metric={form.metric} priority={form.priority} />
      </section>
    </div>
  );
}

function TesterVerdict({ result, metric, priority }: { result: TesterResult; metric: TesterForm['metric']; priority: string }) {
  if (!result.ok) return <p class="tester__verdict tester__verdict--none">{result.message}</p>;
  const { applied, rejected } = result.explanation;
  const metricWord = metricLabel(metric);
  return (
    <>
      <p class="tester__verdict" aria-live="polite">
        {applied ? (
          <>
            <span class="tester__policy">{applied.policy.name}</span> applies: {formatSpan(applied.targetMs)} {metricWord} target
          </>
        ) : (
          <span class="tester__none">No policy applies to this ticket for {metricWord}.</span>
        )}
      </p>
      {applied && (
        <p class="tester__why">
          Policy {applied.policy.index + 1} (<code>{applied.policy.id}</code>) is the first that matches the ticket and has a {metricWord} target for{' '}
          {priority.trim() ? `priority ${priority.trim()}` : 'tickets without a priority'}.
        </p>
      )}
      {result.clock && (
        <div class={`tester__clock clock clock--${result.clock.state}`}>
          <span class={`state-pill state-pill--${result.clock.state}`}>{stateWords(result.clock.state)}</span>
          <p>
            Due <strong>{formatDue(result.clock.dueAt, result.clock.now)}</strong> (your time) ·{' '}
            {result.clock.remainingMs >= 0
              ? `${formatSpan(floorMinute(result.clock.remainingMs))} of business time left`
              : `over by ${formatSpan(floorMinute(-result.clock.remainingMs))} of business time`}{' '}
            · calendar {result.clock.calendar}
          </p>
          {result.pausedByStatus && <p class="muted">This policy pauses in this status. The tester has no status history, so it counts as if the clock had been running since creation.</p>}
        </div>
      )}
      {applied && result.startsLater && (
        <p class="muted tester__why">Next reply starts at the requester’s next message that no agent has answered; a ticket tested here has no messages, so no clock is shown.</p>
      )}
      {rejected.length > 0 && (
        <div class="tester__rejected">
          <h3 class="tester__subtitle">{applied ? 'Earlier policies that did not apply' : 'Why no policy applies'}</h3>
          <ol class="rejections">
            {rejected.map(({ policy, reason }) => (
              <li key={policy.id} class="rejection">
                <span class="rejection__rank" aria-hidden="true">
                  {policy.index + 1}
                </span>
                <span>
                  <code>{policy.id}</code>: {reason}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </>
  );
}

const floorMinute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

function Field(props: { label: string; hint?: string | undefined; wide?: boolean; children: (id: string, hintId: string) => ComponentChildren }) {
  const { label, hint, children } = props;
  const id = useId();
  const hintId = useId();
  return (
    <div class={`field${props.wide ? ' field--wide' : ''}`}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {children(id, hintId)}
      {hint && (
        <p class="field__hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}

function TextField(props: { label: string; hint?: string; value: string; placeholder?: string; onInput(value: string): void }) {
  return (
    <Field label={props.label} hint={props.hint}>
      {(id, hintId) => (
        <input
          id={id}
          class="field__input"
          type="text"
          value={props.value}
          placeholder={props.placeholder}
          aria-describedby={props.hint ? hintId : undefined}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}
