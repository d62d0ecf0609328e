import '../../lib/zod-setup';
import { browser } from '#imports';
import { render } from 'preact';
import { SlaLensDatabase } from '../../lib/db/database';
import { createOptionsStores } from '../../lib/options/context';
import { downloadText } from '../../lib/options/history-store';
import { publishActiveVersion } from '../../lib/messaging/config-version';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { MANAGED_STATUS_KEY, STORAGE_PROBLEM_KEY, SUBSCRIPTION_KEY, WATCH_REQUEST_KEY, siteKindKey } from '../../lib/storage-keys';
import { createScopeSources } from '../../lib/watch/sources';
import { storedManagedStatus } from '../../lib/managed/status';
import { storedSubscription } from '../../lib/subscription/state';
import { applyStateTokens } from '../../lib/view/colours';
import { OptionsApp } from './OptionsApp';
import { chooseLanguage, chosenLanguage, installLanguage, onLanguageChanged } from '../../lib/i18n/browser';
import { t } from '../../lib/i18n/core';
import './style.css';

/** Calls `listener` whenever `key` changes in `storage.local`, until the returned function is called. */
function watchLocal(key: string, listener: () => void): () => void {
  const changed = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && key in changes) listener();
  };
  browser.storage.onChanged.addListener(changed);
  return () => browser.storage.onChanged.removeListener(changed);
}

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  applyStateTokens(document);
  await installLanguage(document);
  document.title = t('opt_title');
  const db = new SlaLensDatabase(undefined, { onActiveVersion: publishActiveVersion });
  const stores = createOptionsStores(db, {
    now: () => Date.now(),
    async fetchSample() {
      const response = await fetch(browser.runtime.getURL('/sla-config.sample.json'));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    },
    download: downloadText,
    alerts: {
      requestPermission: () => browser.permissions.request({ permissions: ['notifications'] }),
      hasPermission: () => browser.permissions.contains({ permissions: ['notifications'] }),
    },
    storageProblem: {
      async read() {
        const value = (await browser.storage.local.get(STORAGE_PROBLEM_KEY))[STORAGE_PROBLEM_KEY] as { message?: unknown } | undefined;
        return typeof value?.message === 'string' ? value.message : null;
      },
      onChanged: (listener) => watchLocal(STORAGE_PROBLEM_KEY, listener),
    },
    managed: {
      read: async () => storedManagedStatus((await browser.storage.local.get(MANAGED_STATUS_KEY))[MANAGED_STATUS_KEY]),
      onChanged: (listener) => watchLocal(MANAGED_STATUS_KEY, listener),
    },
    subscription: {
      read: async () => storedSubscription((await browser.storage.local.get(SUBSCRIPTION_KEY))[SUBSCRIPTION_KEY]),
      write: (state) => (state === null ? browser.storage.local.remove(SUBSCRIPTION_KEY) : browser.storage.local.set({ [SUBSCRIPTION_KEY]: state })),
      onChanged: (listener) => watchLocal(SUBSCRIPTION_KEY, listener),
      requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
      async releaseOrigin(pattern) {
        const key = siteKindKey(new URL(pattern.replace(/\/\*$/, '')).origin);
        if ((await browser.storage.local.get(key))[key] === undefined) await browser.permissions.remove({ origins: [pattern] });
      },
    },
    watch: {
      // The options page lists a scope itself to test it: extension pages reach the sites as the background does.
      test: (scope) => createScopeSources({ fetch: (input, init) => fetch(input, init), now: Date.now }).list({ ...scope, id: 'test', origin: 'personal' }, AbortSignal.timeout(60_000)),
      request: (options) => browser.storage.local.set({ [WATCH_REQUEST_KEY]: { at: Date.now(), ...options } }),
    },
    wallboardUrl: browser.runtime.getURL('/wallboard.html'),
    reportUrl: browser.runtime.getURL('/report.html'),
    language: { chosen: chosenLanguage, choose: chooseLanguage },
    sites: {
      // Extension pages have the same APIs as the background: no messaging needed.
      registry: createSiteRegistry({ permissions: browser.permissions, scripting: browser.scripting, storage: browser.storage.local }),
      onPermissionsChanged(listener) {
        browser.permissions.onAdded.addListener(listener);
        browser.permissions.onRemoved.addListener(listener);
        return () => {
          browser.permissions.onAdded.removeListener(listener);
          browser.permissions.onRemoved.removeListener(listener);
        };
      },
    },
  });
  const draw = () => render(<OptionsApp stores={stores} />, root);
  draw();
  // Another language chosen (here or in another tab): the page says everything again in it.
  onLanguageChanged(() => {
    document.title = t('opt_title');
    render(null, root);
    draw();
  }, document);
}

void main();
