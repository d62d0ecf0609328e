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
          title="SLA Lens settings"
          subtitle="SLA policies, business calendars and the sites SLA Lens works on."
          actions={
            env.reportUrl ? (
              <a class="button button--secondary button--small" href={env.reportUrl} target="_blank" rel="noreferrer">
                SLA report
              </a>
            ) : undefined
          }
        />
        <nav class="options__nav" aria-label="Sections">
          <a href="#config">Configuration</a>
          <a href="#import">Import</a>
          {subscription && <a href="#subscription">Subscription</a>}
          {data?.config && <a href="#tester">Test a ticket</a>}
          <a href="#history">History</a>
          <a href="#sites">Sites</a>
          <a href="#watch">Watched</a>
          <a href="#alerts">Alerts</a>
          <a href="#stored-tickets">Stored tickets</a>
          {env.language && <a href="#language">{t('language_title')}</a>}
        </nav>
      </div>
      <main class="options__sections">
        <ManagedNotice store={managed} />
        {live.status === 'error' && <Notice tone="error">The settings could not be read from this browser’s storage: {String(live.error)}</Notice>}
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
    <Section id="import" title="Import a configuration" description="Your organisation sets the SLA configuration for everyone.">
      <p>Importing a configuration is turned off by your organisation. Ask whoever manages your browser to change the agreement.</p>
    </Section>
  );
}
