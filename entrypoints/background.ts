import { browser, defineBackground } from '#imports';
import { SlaLensDatabase } from '../lib/db/database';
import { createConfigCache, createTicketRecorder, evaluateTickets, InvalidMessageError, parseEvaluateRequest } from '../lib/db/evaluate';
import { createSiteRegistry } from '../lib/sources/site-registry';

export default defineBackground({
  type: 'module',
  main() {
    const db = new SlaLensDatabase();
    const config = createConfigCache(db);
    const recorder = createTicketRecorder(db);
    const sites = createSiteRegistry({ permissions: browser.permissions, scripting: browser.scripting, storage: browser.storage.local });

    // Listeners must be registered synchronously, before any await, or the
    // event that woke the service worker is lost.

    // Self-hosted sites: a content script registered per granted origin. Permissions can also be
    // granted or revoked from the browser's own UI, so bring the scripts back in step whenever
    // that may have happened (the options page does the same while it is open).
    const reconcileSites = () => {
      sites.reconcile().catch((error: unknown) => console.error('SLA Lens could not update the content scripts of self-hosted sites', error));
    };
    browser.runtime.onInstalled.addListener(reconcileSites);
    browser.runtime.onStartup.addListener(reconcileSites);
    browser.permissions.onAdded.addListener(reconcileSites);
    browser.permissions.onRemoved.addListener(reconcileSites);

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
          const { response, rows } = await evaluateTickets(db, request, await config(), Date.now());
          // Badges first; the record for the popup follows once the overlay's burst of questions is answered.
          sendResponse({ ok: true, response });
          recorder.add(rows);
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
