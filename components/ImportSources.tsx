import { useId, useState } from 'preact/hooks';
import { t } from '../lib/i18n/core';
import { Button } from './Button';

interface ImportSourcesProps {
  pasteText: string;
  onPasteTextChange(text: string): void;
  onFiles(files: File[]): void;
  onCheckPaste(): void;
}

/** The three ways in: choose files, drop them, or paste text. A new pick replaces a check still running. */
export function ImportSources({ pasteText, onPasteTextChange, onFiles, onCheckPaste }: ImportSourcesProps) {
  const inputId = useId();
  const hintId = useId();
  const pasteId = useId();
  const [dragging, setDragging] = useState(false);

  const take = (list: FileList | null | undefined) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(files);
  };

  return (
    <div class="import-sources">
      <div
        class={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragOver={(e) => {
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={(e) => {
          if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          take(e.dataTransfer?.files);
        }}
      >
        <svg class="drop-zone__icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <path d="M12 15V4m0 0L7.5 8.5M12 4l4.5 4.5M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
        <p class="drop-zone__title">{t('adm_import_drop')}</p>
        <div class="file-picker">
          <input
            id={inputId}
            class="visually-hidden"
            type="file"
            multiple
            accept=".json,.yaml,.yml"
            aria-describedby={hintId}
            onChange={(e) => {
              const input = e.currentTarget;
              take(input.files);
              // Choosing the same file again after fixing it must fire change again.
              input.value = '';
            }}
          />
          <label class="button button--secondary" for={inputId}>
            {t('adm_import_choose')}
          </label>
        </div>
        <p class="drop-zone__hint" id={hintId}>
          {t('adm_import_hint')}
        </p>
      </div>

      <form
        class="paste"
        onSubmit={(e) => {
          e.preventDefault();
          onCheckPaste();
        }}
      >
        <label class="field__label" for={pasteId}>
          {t('adm_import_paste_label')}
        </label>
        <textarea
          id={pasteId}
          class="paste__text"
          rows={6}
          spellcheck={false}
          placeholder={'version: 1\nname: Acme support SLAs\ncalendars: …'}
          value={pasteText}
          onInput={(e) => onPasteTextChange(e.currentTarget.value)}
        />
        <div class="paste__actions">
          <Button type="submit" variant="secondary" disabled={pasteText.trim() === ''}>
            {t('adm_import_check_paste')}
          </Button>
        </div>
      </form>
    </div>
  );
}
