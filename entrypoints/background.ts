import { browser, defineBackground } from '#imports';
import { SlaLensDatabase } from '../lib/db/database';

export default defineBackground({
  type: 'module',
  main() {
    // Listeners must be registered synchronously, before any await, or the
    // event that woke the service worker is lost.
    browser.runtime.onInstalled.addListener(({ reason }) => {
      // First run: the extension does nothing until an admin imports a config.
      if (reason === 'install') void browser.runtime.openOptionsPage();
    });

    const db = new SlaLensDatabase();
    db.open().catch((error: unknown) => console.error('SLA Lens could not open its database', error));
  },
});
