import { useEffect } from 'preact/hooks';
import { AddSiteForm } from '../../components/AddSiteForm';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { BuiltInSiteList, SelfHostedSiteList } from '../../components/SiteList';
import { useOptions } from '../../lib/options/context';
import { useValue } from '../../lib/options/value';
import { BUILT_IN_SITES } from '../../lib/sources/sites';

/** Where SLA Lens runs: the built-in sites, and self-hosted ones the admin adds and removes. */
export function SitesSection() {
  const { sites: store } = useOptions();
  const sites = useValue(store.sites);
  const loadError = useValue(store.loadError);
  const form = useValue(store.form);
  const problem = useValue(store.problem);
  const message = useValue(store.message);
  const pending = useValue(store.pending);
  // Live: permissions granted or revoked in the browser's own UI show up here.
  useEffect(() => store.start(), [store]);

  return (
    <Section id="sites" title="Sites" description="Where SLA Lens shows countdowns. Jira Cloud and Zendesk work out of the box; add self-hosted Jira and Zendesk custom domains one at a time.">
      <div class="subsection">
        <h3 class="subsection__title">Built in</h3>
        <BuiltInSiteList sites={BUILT_IN_SITES} />
      </div>
      <div class="subsection">
        <h3 class="subsection__title">Self-hosted</h3>
        {loadError !== null && <Notice tone="error">The self-hosted sites could not be read: {loadError}</Notice>}
        {sites === null ? (
          loadError === null && <p class="muted">Reading the sites…</p>
        ) : (
          <SelfHostedSiteList sites={sites} pending={pending} onRemove={(origin) => void store.remove(origin)} onAllow={(site) => void store.allowAgain(site)} />
        )}
      </div>
      <div role="status">
        {message?.tone === 'success' && (
          <Notice tone="success" onDismiss={store.dismiss}>
            <p>{message.text}</p>
            {message.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </Notice>
        )}
      </div>
      {message?.tone === 'error' && (
        <Notice tone="error" onDismiss={store.dismiss}>
          {message.text}
        </Notice>
      )}
      <AddSiteForm form={form} problem={problem} busy={pending !== null} onChange={store.change} onSubmit={() => void store.add()} />
      <p class="muted">SLA countdowns are computed in this browser. No ticket data leaves it: the only requests SLA Lens makes go to the Jira or Zendesk site you are already signed in to.</p>
    </Section>
  );
}
