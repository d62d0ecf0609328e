import { useEffect } from 'preact/hooks';
import { AddSiteForm } from '../../components/AddSiteForm';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { BuiltInSiteList, SelfHostedSiteList } from '../../components/SiteList';
import { useOptions } from '../../lib/options/context';
import { useValue } from '../../lib/options/value';
import { BUILT_IN_SITES } from '../../lib/sources/sites';
import { t } from '../../lib/i18n/core';

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
    <Section id="sites" title={t('opt_sites_title')} description={t('opt_sites_description')}>
      <div class="subsection">
        <h3 class="subsection__title">{t('opt_sites_built_in')}</h3>
        <BuiltInSiteList sites={BUILT_IN_SITES} />
      </div>
      <div class="subsection">
        <h3 class="subsection__title">{t('opt_sites_self_hosted')}</h3>
        {loadError !== null && <Notice tone="error">{t('opt_sites_read_failed', { error: loadError })}</Notice>}
        {sites === null ? (
          loadError === null && <p class="muted">{t('opt_sites_reading')}</p>
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
      <p class="muted">{t('opt_sites_privacy')}</p>
    </Section>
  );
}
