import { useState } from 'preact/hooks';
import { Button } from '../Button';
import { t } from '../../lib/i18n/core';

export interface UnreadablePageProps {
  /** What the page is: "Jira Service Management queue". */
  label: string;
  found: number;
  shown: number;
  /** The diagnostics as copied: structure only. */
  diagnostics: string;
  onCopy: (text: string) => Promise<void>;
}

/**
 * Said instead of silence when the tab shows tickets SLA Lens could not read (the vendor changed
 * its markup): what the page is, and diagnostics the user can send us. What is copied is shown
 * before it is copied, so nobody has to take our word that it holds no ticket data.
 */
export function UnreadablePage({ label, found, shown, diagnostics, onCopy }: UnreadablePageProps) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () =>
    onCopy(diagnostics).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <section class="unreadable-page" aria-labelledby="unreadable-page-title">
      <h2 class="unreadable-page__title" id="unreadable-page-title">
        {t('unreadable_title', { page: label })}
      </h2>
      <p class="unreadable-page__text">
        {found === 0 ? t('unreadable_found_none') : t('unreadable_found_some', { shown, found })} {t('unreadable_why')}
      </p>
      <div class="unreadable-page__actions">
        <Button variant="secondary" size="small" onClick={() => void copy()}>
          {t('unreadable_copy')}
        </Button>
        <span role="status" class="unreadable-page__copied">
          {copied === 'yes' ? t('unreadable_copied') : copied === 'failed' ? t('unreadable_copy_failed') : ''}
        </span>
      </div>
      <details class="unreadable-page__details">
        <summary>{t('unreadable_what')}</summary>
        <pre class="unreadable-page__diagnostics">{diagnostics}</pre>
      </details>
    </section>
  );
}
