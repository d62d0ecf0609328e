import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatSpan } from '../lib/options/format';
import { metricLabel } from '../lib/config/format';
import { METRIC_NAMES } from '../lib/config/metrics';
import { formatNumber, t } from '../lib/i18n/core';
import type { TesterForm, TesterResult } from '../lib/options/tester';
import { formatDue, stateWords } from '../lib/view/words';
import { Words } from './Words';

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
        <Field label={t('adm_tester_source')}>
          {(id) => (
            <select id={id} class="field__input" value={form.source} onChange={(e) => onChange({ source: e.currentTarget.value as TesterForm['source'] })}>
              <option value="jira">Jira</option>
              <option value="zendesk">Zendesk</option>
            </select>
          )}
        </Field>
        <TextField label={t('adm_tester_site')} value={form.site} onInput={(site) => onChange({ site })} placeholder="acme.atlassian.net" />
        <TextField label={t('adm_tester_project')} value={form.project} onInput={(project) => onChange({ project })} placeholder="SUP" />
        <TextField label={t('adm_tester_issue_type')} value={form.issueType} onInput={(issueType) => onChange({ issueType })} placeholder={t('adm_tester_issue_type_example')} />
        <TextField label={t('adm_priority')} value={form.priority} onInput={(priority) => onChange({ priority })} placeholder={t('adm_tester_priority_example')} />
        <TextField label={t('adm_tester_status')} value={form.status} onInput={(status) => onChange({ status })} placeholder={t('adm_tester_status_example')} />
        <TextField label={t('adm_tester_group')} value={form.group} onInput={(group) => onChange({ group })} placeholder={t('adm_tester_group_example')} />
        <TextField label={t('adm_tester_labels')} hint={t('adm_tester_labels_hint')} value={form.labels} onInput={(labels) => onChange({ labels })} placeholder={t('adm_tester_labels_example')} />
        <Field label={t('adm_tester_created')} wide>
          {(id) => <input id={id} class="field__input" type="datetime-local" value={form.created} onInput={(e) => onChange({ created: e.currentTarget.value })} />}
        </Field>
        <Field label={t('adm_tester_metric')}>
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
      <section class="tester__result" id={resultId} aria-label={t('adm_tester_result')}>
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
          <Words text={t('adm_tester_applies', { span: formatSpan(applied.targetMs), metric: metricWord })} parts={{ policy: <span class="tester__policy">{applied.policy.name}</span> }} />
        ) : (
          <span class="tester__none">{t('adm_tester_none', { metric: metricWord })}</span>
        )}
      </p>
      {applied && (
        <p class="tester__why">
          <Words
            text={t(priority.trim() ? 'adm_tester_why_priority' : 'adm_tester_why_no_priority', { rank: applied.policy.index + 1, metric: metricWord })}
            // What was typed is a part, never read as a message's {variable}.
            parts={{ id: <code>{applied.policy.id}</code>, priority: priority.trim() }}
          />
        </p>
      )}
      {result.clock && (
        <div class={`tester__clock clock clock--${result.clock.state}`}>
          <span class={`state-pill state-pill--${result.clock.state}`}>{stateWords(result.clock.state)}</span>
          <p>
            <Words
              text={t(result.clock.remainingMs >= 0 ? 'adm_tester_due_left' : 'adm_tester_due_over', { span: formatSpan(floorMinute(Math.abs(result.clock.remainingMs))) })}
              parts={{ due: <strong>{formatDue(result.clock.dueAt, result.clock.now)}</strong>, calendar: result.clock.calendar }}
            />
          </p>
          {result.pausedByStatus && <p class="muted">{t('adm_tester_paused_note')}</p>}
        </div>
      )}
      {applied && result.startsLater && <p class="muted tester__why">{t('adm_tester_starts_later')}</p>}
      {rejected.length > 0 && (
        <div class="tester__rejected">
          <h3 class="tester__subtitle">{applied ? t('adm_tester_rejected_title') : t('adm_tester_why_none')}</h3>
          <ol class="rejections">
            {rejected.map(({ policy, reason }) => (
              <li key={policy.id} class="rejection">
                <span class="rejection__rank" aria-hidden="true">
                  {formatNumber(policy.index + 1)}
                </span>
                <span>
                  <Words text={t('adm_tester_rejection')} parts={{ policy: <code>{policy.id}</code>, reason }} />
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
