import { AppHeader } from '../../components/AppHeader';
import { Notice } from '../../components/Notice';
import { OptionsContext, useOptions, useOptionsData, type OptionsStores } from '../../lib/options/context';
import { ActiveConfigSection } from './ActiveConfigSection';
import { AlertsSection } from './AlertsSection';
import { HistorySection } from './HistorySection';
import { ImportSection } from './ImportSection';
import { SitesSection } from './SitesSection';
import { StoredTicketsSection } from './StoredTicketsSection';
import { SubscriptionSection } from './SubscriptionSection';
import { TesterSection } from './TesterSection';

/** The options page, given its stores (the real database in main.tsx, a test database in tests). */
export function OptionsApp({ stores }: { stores: OptionsStores }) {
  return (
    <OptionsContext.Provider value={stores}>
      <OptionsPage />
    </OptionsContext.Provider>
  );
}

function OptionsPage() {
  const { subscription } = useOptions();
  const live = useOptionsData();
  const data = live.status === 'ready' ? live.value : null;
  return (
    <div class="options">
      <div class="options__header">
        <AppHeader title="SLA Lens settings" subtitle="SLA policies, business calendars and the sites SLA Lens works on." />
        <nav class="options__nav" aria-label="Sections">
          <a href="#config">Configuration</a>
          <a href="#import">Import</a>
          {subscription && <a href="#subscription">Subscription</a>}
          {data?.config && <a href="#tester">Test a ticket</a>}
          <a href="#history">History</a>
          <a href="#sites">Sites</a>
          <a href="#alerts">Alerts</a>
          <a href="#stored-tickets">Stored tickets</a>
        </nav>
      </div>
      <main class="options__sections">
        {live.status === 'error' && <Notice tone="error">The settings could not be read from this browser’s storage: {String(live.error)}</Notice>}
        <ActiveConfigSection data={data} />
        <ImportSection hasActive={Boolean(data?.active)} />
        {subscription && <SubscriptionSection store={subscription} />}
        {data?.config && <TesterSection config={data.config} />}
        {data && <HistorySection data={data} />}
        <SitesSection />
        <AlertsSection />
        <StoredTicketsSection />
      </main>
    </div>
  );
}
