import { browser } from '#imports';
import { render } from 'preact';
import { SlaLensDatabase } from '../../lib/db/database';
import { createOptionsStores } from '../../lib/options/context';
import { downloadText } from '../../lib/options/history-store';
import { OptionsApp } from './OptionsApp';
import './style.css';

function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const stores = createOptionsStores(new SlaLensDatabase(), {
    now: () => Date.now(),
    async fetchSample() {
      const response = await fetch(browser.runtime.getURL('/sla-config.sample.json'));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    },
    download: downloadText,
  });
  render(<OptionsApp stores={stores} />, root);
}

main();
