import { browser, defineBackground } from '#imports';
import { SlaLensDatabase } from '../lib/db/database';
import { createConfigCache, evaluateRequest, InvalidMessageError, parseEvaluateRequest } from '../lib/db/evaluate';

export default defineBackground({
  type: 'module',
  main() {
    const db = new SlaLensDatabase();
    const config = createConfigCache(db);

    // Listeners must be registered synchronously, before any await, or the
    // event that woke the service worker is lost.
    browser.runtime.onInstalled.addListener(({ reason }) => {
      // First run: the extension does nothing until an admin imports a config.
      if (reason === 'install') void browser.runtime.openOptionsPage();
    });

    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
      if ((message as { type?: unknown } | null)?.type !== 'sla:evaluate') return undefined;
      void (async () => {
        try {
          const request = parseEvaluateRequest(message);
          // Only our own content script, and only about the site it runs on.
          const from = sender.url ? new URL(sender.url).hostname : null;
          if (sender.id !== browser.runtime.id || from !== request.site) throw new InvalidMessageError(`a message about ${request.site} came from ${from ?? 'elsewhere'}`);
          sendResponse({ ok: true, response: await evaluateRequest(db, request, await config(), Date.now()) });
        } catch (error) {
          if (!(error instanceof InvalidMessageError)) console.error('SLA Lens could not evaluate tickets', error);
          sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      })();
      // The answer comes asynchronously.
      return true;
    });

    db.open().catch((error: unknown) => console.error('SLA Lens could not open its database', error));
  },
});
