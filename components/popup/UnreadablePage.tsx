import { useState } from 'preact/hooks';
import { Button } from '../Button';

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
        {label}: SLA Lens can't read this page yet
      </h2>
      <p class="unreadable-page__text">
        {found === 0 ? 'It shows tickets, but SLA Lens found none of them.' : `It shows about ${shown} tickets; SLA Lens found ${found}.`} The page's layout has probably changed. Copy the diagnostics
        and send them to your SLA Lens admin or to us: they describe the page's structure only, with no ticket text, names or ids.
      </p>
      <div class="unreadable-page__actions">
        <Button variant="secondary" size="small" onClick={() => void copy()}>
          Copy diagnostics
        </Button>
        <span role="status" class="unreadable-page__copied">
          {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Could not copy: select the text below instead' : ''}
        </span>
      </div>
      <details class="unreadable-page__details">
        <summary>What is copied</summary>
        <pre class="unreadable-page__diagnostics">{diagnostics}</pre>
      </details>
    </section>
  );
}
