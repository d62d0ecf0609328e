/**
 * The popup with its database: loaded after the first paint, since Dexie is most of what the
 * popup's scripts weigh.
 */
import { browser } from '#imports';
import { render } from 'preact';
import { SlaLensDatabase } from '../../lib/db/database';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { browserVersion } from '../../lib/tabs/tab-status';
import { Popup, type PopupProps } from './Popup';
import { watchActiveTabStatus } from './tab-status';
import { MANAGED_STATUS_KEY, SEEN_VERSION_KEY, SUBSCRIPTION_KEY, WATCH_REQUEST_KEY } from '../../lib/storage-keys';
import { storedManagedStatus } from '../../lib/managed/status';
import { storedSubscription } from '../../lib/subscription/state';

export function mountPopup(root: HTMLElement, initial: PopupProps['initial']): void {
  const db = new SlaLensDatabase();
  const registry = createSiteRegistry({ permissions: browser.permissions, scripting: browser.scripting, storage: browser.storage.local });
  render(
    <Popup
      db={db}
      now={Date.now}
      openTab={(url) => void browser.tabs.create({ url })}
      openSettings={() => void browser.runtime.openOptionsPage()}
      selfHostedSites={registry.list}
      initial={initial}
      watchPageStatus={watchActiveTabStatus}
      copyText={(text) => navigator.clipboard.writeText(text)}
      browserName={browserVersion(navigator.userAgent)}
      optionsUrl={browser.runtime.getURL('/options.html')}
      agreementsUrl={browser.runtime.getURL('/agreements.html')}
      reportUrl={browser.runtime.getURL('/report.html')}
      subscription={{ read: async () => storedSubscription((await browser.storage.local.get(SUBSCRIPTION_KEY))[SUBSCRIPTION_KEY]) }}
      watchPage={{
        url: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url ?? null,
        fetch: (input, init) => fetch(input, init),
        request: (options) => browser.storage.local.set({ [WATCH_REQUEST_KEY]: { at: Date.now(), ...options } }),
      }}
      policySites={async () => storedManagedStatus((await browser.storage.local.get(MANAGED_STATUS_KEY))[MANAGED_STATUS_KEY])?.reading.settings.sites ?? []}
      seenVersion={{
        read: async () => {
          const seen = (await browser.storage.local.get(SEEN_VERSION_KEY))[SEEN_VERSION_KEY];
          return typeof seen === 'number' ? seen : null;
        },
        write: (id) => browser.storage.local.set({ [SEEN_VERSION_KEY]: id }),
      }}
    />,
    root,
  );
}
