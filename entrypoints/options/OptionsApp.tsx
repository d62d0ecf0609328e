import { useEffect } from 'preact/hooks';
import { AppHeader } from '../../components/AppHeader';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Section';
import { OptionsContext, useOptions, useOptionsData, type OptionsStores } from '../../lib/options/context';
import { ActiveConfigSection } from './ActiveConfigSection';
import { AlertsSection } from './AlertsSection';
import { HistorySection } from './HistorySection';
import { ImportSection } from './ImportSection';
import { SitesSection } from './SitesSection';
import { StoredTicketsSection } from './StoredTicketsSection';
import { SubscriptionSection } from './SubscriptionSection';
import { WatchSection } from './WatchSection';
import { ManagedNotice } from './ManagedNotice';
import { useValue } from '../../lib/options/value';
import { isLockedStatus } from '../../lib/managed/status';
import { TesterSection } from './TesterSection';
import { LanguageSection } from './LanguageSection';
import { t } from '../../lib/i18n/core';

/** The options page, given its stores (the real database in main.tsx, a test database in tests). */
export function OptionsApp({ stores }: { stores: OptionsStores }) {
  return (
    <OptionsContext.Provider value={stores}>
      <OptionsPage />
    </OptionsContext.Provider>
  );
}

function OptionsPage() {
  const { subscription, managed, env } = useOptions();
  const locked = isLockedStatus(useValue(managed.status));
  // Followed for the whole page: the configuration section says when the subscribed file was checked.
  useEffect(() => subscription?.start(), [subscription]);
  const live = useOptionsData();
  const data = live.status === 'ready' ? live.value : null;
  return (
    <div class="options">
      <div class="options__header">
        <AppHeader
          title={t('opt_title')}
          subtitle={t('opt_subtitle')}
          actions={
            env.reportUrl ? (
              <a class="button button--secondary button--small" href={env.reportUrl} target="_blank" rel="noreferrer">
                {t('opt_report_link')}
              </a>
            ) : undefined
          }
        />
        <nav class="options__nav" aria-label={t('opt_nav_label')}>
          <a href="#config">{t('opt_nav_config')}</a>
          <a href="#import">{t('opt_nav_import')}</a>
          {subscription && <a href="#subscription">{t('opt_subscription_title')}</a>}
          {data?.config && <a href="#tester">{t('opt_tester_title')}</a>}
          <a href="#history">{t('opt_nav_history')}</a>
          <a href="#sites">{t('opt_sites_title')}</a>
          <a href="#watch">{t('opt_nav_watch')}</a>
          <a href="#alerts">{t('opt_alerts_title')}</a>
          <a href="#stored-tickets">{t('opt_stored_title')}</a>
          {env.language && <a href="#language">{t('language_title')}</a>}
        </nav>
      </div>
      <main class="options__sections">
        <ManagedNotice store={managed} />
        {live.status === 'error' && <Notice tone="error">{t('opt_read_failed', { error: String(live.error) })}</Notice>}
        <ActiveConfigSection data={data} />
        {locked ? <LockedImport /> : <ImportSection hasActive={Boolean(data?.active)} />}
        {subscription && !locked && <SubscriptionSection store={subscription} />}
        {data?.config && <TesterSection config={data.config} />}
        {data && <HistorySection data={data} locked={locked} />}
        <SitesSection />
        <WatchSection />
        <AlertsSection />
        <StoredTicketsSection />
        <LanguageSection />
      </main>
    </div>
  );
}

/** Where the import would be, when the organisation's policy locks the configuration. */
function LockedImport() {
  return (
    <Section id="import" title={t('opt_import_title')} description={t('opt_locked_import_description')}>
      <p>{t('opt_locked_import_body')}</p>
    </Section>
  );
}
