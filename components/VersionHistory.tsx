import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConfigChange } from '../lib/config/diff';
import { plural } from '../lib/view/words';
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
              Version {v.id}
              {v.active && <span class="pill pill--ok">Active</span>}
            </h3>
            <p class="version__meta">
              <time dateTime={v.isoTime}>{v.when}</time> · {v.source} · {plural(v.changes.length, 'change')}
            </p>
          </div>
          {v.note && <p class="version__note">“{v.note}”</p>}
          <div class="version__body">
            {v.changes.length > 0 ? (
              <details class="version__diff">
                <summary>Show what changed in version {v.id}</summary>
                <ChangeList changes={v.changes} />
              </details>
            ) : (
              <p class="muted">No changes to the configuration before it.</p>
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
                <Button size="small" variant="secondary" disabled={pending !== null} onClick={() => setConfirming(v.id)}>
                  {pending === v.id ? 'Rolling back…' : 'Roll back to this version'}
                  <span class="visually-hidden"> (version {v.id})</span>
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
    <div class="confirm" role="group" aria-label={`Confirm rolling back to version ${props.versionId}`} ref={ref}>
      <p>Make version {props.versionId}’s configuration active again? It is applied as a new version; nothing is deleted.</p>
      <div class="confirm__actions">
        <Button size="small" disabled={props.disabled} onClick={props.onConfirm}>
          Roll back to version {props.versionId}
        </Button>
        <Button size="small" variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
