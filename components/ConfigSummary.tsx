import type { ComponentChildren } from 'preact';
import { t, tp } from '../lib/i18n/core';

interface ConfigSummaryProps {
  name: string;
  description?: string | undefined;
  version: number;
  /** Local time, already formatted. */
  appliedAt: string;
  /** "file acme.yaml", "pasted", … */
  source: string;
  note: string;
  policyCount: number;
  calendarCount: number;
  /** The team's watched scopes; left unsaid when there are none. */
  watchCount?: number;
  actions?: ComponentChildren;
}

/** The head of the active configuration: what it is, which version, and where it came from. */
export function ConfigSummary(props: ConfigSummaryProps) {
  const meta = { when: props.appliedAt, source: props.source, policies: tp('adm_policies', props.policyCount), calendars: tp('adm_calendars', props.calendarCount) };
  return (
    <div class="config-summary">
      <div class="config-summary__main">
        <p class="config-summary__eyebrow">
          <span class="pill pill--ok">{t('adm_config_active')}</span> {t('adm_version', { version: props.version })}
        </p>
        <h3 class="config-summary__name">
          <bdi>{props.name}</bdi>
        </h3>
        {props.description && (
          <p class="muted">
            <bdi>{props.description}</bdi>
          </p>
        )}
        <p class="config-summary__meta">{props.watchCount ? t('adm_summary_meta_watched', { ...meta, watched: tp('adm_watched_scopes', props.watchCount) }) : t('adm_summary_meta', meta)}</p>
        {props.note && <p class="config-summary__note">{t('adm_quoted', { text: props.note })}</p>}
      </div>
      {props.actions && <div class="config-summary__actions">{props.actions}</div>}
    </div>
  );
}
