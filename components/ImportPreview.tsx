import { useId } from 'preact/hooks';
import type { ConfigChange } from '../lib/config/diff';
import { plural } from '../lib/view/words';
import { Button } from './Button';
import { ChangeList } from './ChangeList';

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
        <span class="pill pill--ok">Valid</span>
        <h3 class="preview__title">
          {name ? `“${name}”` : 'Configuration'} from {subject}
        </h3>
      </div>
      <p class="muted">
        {plural(policyCount, 'policy', 'policies')}, {plural(calendarCount, 'calendar')}.{' '}
        {unchanged ? '' : firstImport ? 'Nothing is active yet, so everything below is new.' : `${plural(changes.length, 'change')} against the active configuration.`}
      </p>
      {unchanged ? <p class="callout">This file is identical to the active configuration. There is nothing to apply.</p> : <ChangeList changes={changes} />}
      {unchanged ? (
        <div class="preview__actions">
          <Button variant="secondary" onClick={props.onDiscard}>
            Close
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
              What changed and why <span class="field__optional">(optional)</span>
            </label>
            <input
              id={noteId}
              class="field__input"
              type="text"
              value={note}
              aria-describedby={noteHint}
              placeholder="e.g. New enterprise contract: 4h resolution for Highest"
              onInput={(e) => props.onNoteChange(e.currentTarget.value)}
            />
            <p class="field__hint" id={noteHint}>
              Kept in the version history next to this change.
            </p>
          </div>
          <div class="preview__actions">
            <Button type="submit" disabled={applying}>
              {applying ? 'Applying…' : 'Apply'}
            </Button>
            <Button variant="secondary" onClick={props.onDiscard} disabled={applying}>
              Discard
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
