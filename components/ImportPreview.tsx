import { useId } from 'preact/hooks';
import type { ConfigChange } from '../lib/config/diff';
import { t, tp } from '../lib/i18n/core';
import { Button } from './Button';
import { ChangeList } from './ChangeList';
import { Words } from './Words';

interface ImportPreviewProps {
  /** The configuration's name, if it has one. */
  name?: string | undefined;
  /** What was checked: "acme.yaml", "the pasted text". */
  subject: string;
  policyCount: number;
  calendarCount: number;
  changes: readonly ConfigChange[];
  /** Identical to the active configuration: nothing to apply. */
  unchanged: boolean;
  /** There is no active configuration yet: everything is new. */
  firstImport: boolean;
  note: string;
  onNoteChange(note: string): void;
  applying: boolean;
  onApply(): void;
  onDiscard(): void;
}

/** A valid configuration before it is applied: what will change, a note, and Apply. */
export function ImportPreview(props: ImportPreviewProps) {
  const { name, subject, policyCount, calendarCount, changes, unchanged, firstImport, note, applying } = props;
  const noteId = useId();
  const noteHint = useId();
  return (
    <div class="preview">
      <div class="preview__head">
        <span class="pill pill--ok">{t('adm_preview_valid')}</span>
        <h3 class="preview__title">{name ? t('adm_preview_title_named', { name, subject }) : t('adm_preview_title', { subject })}</h3>
      </div>
      <p class="muted">
        {t('adm_preview_counts', { policies: tp('adm_policies', policyCount), calendars: tp('adm_calendars', calendarCount) })}{' '}
        {unchanged ? '' : firstImport ? t('adm_preview_first') : tp('adm_preview_changes', changes.length)}
      </p>
      {unchanged ? <p class="callout">{t('adm_preview_identical')}</p> : <ChangeList changes={changes} />}
      {unchanged ? (
        <div class="preview__actions">
          <Button variant="secondary" onClick={props.onDiscard}>
            {t('adm_close')}
          </Button>
        </div>
      ) : (
        <form
          class="preview__form"
          onSubmit={(e) => {
            e.preventDefault();
            props.onApply();
          }}
        >
          <div class="field">
            <label class="field__label" for={noteId}>
              <Words text={t('adm_preview_note_label')} parts={{ optional: <span class="field__optional">{t('adm_optional')}</span> }} />
            </label>
            <input
              id={noteId}
              class="field__input"
              type="text"
              value={note}
              aria-describedby={noteHint}
              placeholder={t('adm_preview_note_placeholder')}
              onInput={(e) => props.onNoteChange(e.currentTarget.value)}
            />
            <p class="field__hint" id={noteHint}>
              {t('adm_preview_note_hint')}
            </p>
          </div>
          <div class="preview__actions">
            <Button type="submit" disabled={applying}>
              {applying ? t('adm_applying') : t('adm_apply')}
            </Button>
            <Button variant="secondary" onClick={props.onDiscard} disabled={applying}>
              {t('adm_discard')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
