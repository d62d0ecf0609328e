import { useId } from 'preact/hooks';
import { t } from '../lib/i18n/core';
import type { SiteKind } from '../lib/sources/self-hosted';
import { Button } from './Button';

export interface AddSiteFormValue {
  address: string;
  kind: SiteKind;
}

interface AddSiteFormProps {
  form: AddSiteFormValue;
  /** Why the address cannot be added, after a submit. */
  problem: string | null;
  busy: boolean;
  onChange(patch: Partial<AddSiteFormValue>): void;
  /** Runs inside the submit event: the browser's permission prompt needs that user gesture. */
  onSubmit(): void;
}

const KINDS: ReadonlyArray<[SiteKind, string]> = [
  ['jira', 'Jira'],
  ['zendesk', 'Zendesk'],
];

/** A self-hosted Jira or a Zendesk custom domain: its address and which of the two it is. */
export function AddSiteForm({ form, problem, busy, onChange, onSubmit }: AddSiteFormProps) {
  const addressId = useId();
  const hintId = useId();
  const problemId = useId();
  const titleId = useId();
  const kindName = useId();
  return (
    <form
      class="add-site"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 class="subsection__title" id={titleId}>
        {t('empty_add_site')}
      </h3>
      <div class="add-site__fields">
        <div class="field add-site__address">
          <label class="field__label" for={addressId}>
            {t('adm_site_address')}
          </label>
          <input
            id={addressId}
            class="field__input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="https://jira.example.com"
            value={form.address}
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? hintId : `${problemId} ${hintId}`}
            onInput={(e) => onChange({ address: e.currentTarget.value })}
          />
          <span class="field__hint" id={hintId}>
            {t('adm_site_address_hint')}
          </span>
          {problem !== null && (
            <p class="add-site__problem" id={problemId} role="alert">
              {problem}
            </p>
          )}
        </div>
        <fieldset class="field">
          <legend class="field__label">{t('adm_site_kind')}</legend>
          <div class="segmented">
            {KINDS.map(([kind, word]) => (
              <label key={kind} class="segmented__option">
                <input type="radio" name={kindName} value={kind} checked={form.kind === kind} onChange={() => onChange({ kind })} />
                <span>{word}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div class="add-site__submit">
          <Button type="submit" disabled={busy}>
            {t('adm_add')}
          </Button>
        </div>
      </div>
    </form>
  );
}
