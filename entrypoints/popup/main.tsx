import { browser } from '#imports';
import { render } from 'preact';
import { SlaLensDatabase } from '../../lib/db/database';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { Popup } from './Popup';
import './style.css';

function main() {
  const root = document.getElementById('app');
  if (!root) return;
  const db = new SlaLensDatabase();
  const registry = createSiteRegistry({ permissions: browser.permissions, scripting: browser.scripting, storage: browser.storage.local });
  render(
    <Popup
      db={db}
      now={Date.now}
      openTab={(url) => void browser.tabs.create({ url })}
      openSettings={() => void browser.runtime.openOptionsPage()}
      selfHostedSites={registry.list}
    />,
    root,
  );
}

main();
