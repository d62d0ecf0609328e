import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigChange } from '../lib/config/diff';
import { t, tp } from '../lib/i18n/core';
import { Button } from './Button';
import { ChangeList } from './ChangeList';

export interface VersionRow {
  id: number;
  /** Local time, formatted. */
  when: string;
  /** Machine-readable for `<time>`. */
  isoTime: string;
  source: string;
  note: string;
  changes: readonly ConfigChange[];
  active: boolean;
}

interface VersionHistoryProps {
  versions: readonly VersionRow[];
  /** The version being rolled back to, while it runs. */
  pending: number | null;
  /** Absent: no rolling back here (the organisation's policy locks the configuration). */
  onRollBack?(versionId: number): void;
}

/** Every applied version, newest first, with its changes and a way back. */
export function VersionHistory({ versions, pending, onRollBack }: VersionHistoryProps) {
  const [confirming, setConfirming] = useState<number | null>(null);
  return (
    <ol class="versions">
      {versions.map((v) => (
        <li key={v.id} class={`version${v.active ? ' version--active' : ''}`}>
          <div class="version__head">
            <h3 class="version__title">
              {t('adm_version', { version: v.id })}
              {v.active && <span class="pill pill--ok">{t('adm_config_active')}</span>}
            </h3>
            <p class="version__meta">
              <time dateTime={v.isoTime}>{v.when}</time> · {v.source} · {tp('adm_changes', v.changes.length)}
            </p>
          </div>
          {v.note && <p class="version__note">{t('adm_quoted', { text: v.note })}</p>}
          <div class="version__body">
            {v.changes.length > 0 ? (
              <details class="version__diff">
                <summary>{t('adm_version_show_changes', { version: v.id })}</summary>
                <ChangeList changes={v.changes} />
              </details>
            ) : (
              <p class="muted">{t('adm_version_no_changes')}</p>
            )}
            {!v.active &&
              onRollBack &&
              (confirming === v.id ? (
                <ConfirmRollBack
                  versionId={v.id}
                  disabled={pending !== null}
                  onConfirm={() => {
                    setConfirming(null);
                    onRollBack(v.id);
                  }}
                  onCancel={() => setConfirming(null)}
                />
              ) : (
                // Named with the version for a screen reader; the name begins with the visible words.
                <Button
                  size="small"
                  variant="secondary"
                  disabled={pending !== null}
                  onClick={() => setConfirming(v.id)}
                  aria-label={pending === v.id ? t('adm_version_rolling_back_named', { version: v.id }) : t('adm_version_roll_back_named', { version: v.id })}
                >
                  {pending === v.id ? t('adm_version_rolling_back') : t('adm_version_roll_back')}
                </Button>
              ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Asks before rolling back; takes focus so that the keyboard user lands on the question. */
function ConfirmRollBack(props: { versionId: number; disabled: boolean; onConfirm(): void; onCancel(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.querySelector('button')?.focus(), []);
  return (
    <div class="confirm" role="group" aria-label={t('adm_version_confirm_label', { version: props.versionId })} ref={ref}>
      <p>{t('adm_version_confirm', { version: props.versionId })}</p>
      <div class="confirm__actions">
        <Button size="small" disabled={props.disabled} onClick={props.onConfirm}>
          {t('adm_version_roll_back_to', { version: props.versionId })}
        </Button>
        <Button size="small" variant="secondary" onClick={props.onCancel}>
          {t('adm_cancel')}
        </Button>
      </div>
    </div>
  );
}
