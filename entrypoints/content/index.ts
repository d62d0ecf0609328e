import { browser, defineContentScript, type ContentScriptContext } from '#imports';
import { onActiveVersion } from '../../lib/messaging/config-version';
import { sendAuditBudget, sendAuditTrails, sendEvaluate } from '../../lib/messaging/protocol';
import { startOverlay } from '../../lib/overlay/controller';
import { createJiraAdapter } from '../../lib/sources/jira/adapter';
import { adapterFor } from '../../lib/sources/pick';
import { BUILT_IN_PAGES } from '../../lib/sources/sites';
import { createZendeskAdapter } from '../../lib/sources/zendesk/adapter';
import type { SourceAdapter } from '../../lib/sources/types';
import { PAGE_STATUS_TYPE, type PageStatusMessage } from '../../lib/tabs/tab-status';
import type { TicketSource } from '../../lib/sla/index';
import { jiraFieldKey, siteKindKey } from '../../lib/storage-keys';
import { installLanguage, onLanguageChanged } from '../../lib/i18n/browser';

// The account's audit budget is the background's, shared by every tab on it.
const zendeskAdapter = createZendeskAdapter({
  auditBudget: (ask) => sendAuditBudget((message) => browser.runtime.sendMessage(message), { type: 'sla:audit-budget', ...ask }),
  shareTrails: (put) => sendAuditTrails((message) => browser.runtime.sendMessage(message), { type: 'sla:audit-trails', ...put }),
});
// Which field holds the request type is asked of a Jira site once, not on every page load.
const recalledFields = new Map<string, Promise<unknown>>();
function recallField(origin: string): Promise<unknown> {
  let recalled = recalledFields.get(origin);
  if (!recalled) {
    const key = jiraFieldKey(origin);
    recalled = browser.storage.local.get(key).then((items) => items[key]);
    recalledFields.set(origin, recalled);
  }
  return recalled;
}
const jiraAdapter = createJiraAdapter({
  fieldMemory: {
    recall: recallField,
    remember: (origin, field) => void browser.storage.local.set({ [jiraFieldKey(origin)]: field }).catch(() => undefined),
  },
});
const ADAPTERS: readonly SourceAdapter[] = [jiraAdapter, zendeskAdapter];

export default defineContentScript({
  matches: BUILT_IN_PAGES,
  // Measured (npm run bench, issue 14): starting at document_end badged a 1,000-row page no sooner
  // and slowed the page's own load, so the script waits for the browser's idle point.
  runAt: 'document_idle',
  main(ctx) {
    // The browser suites' build (`wxt build --mode e2e`) marks the page, so they can see the script
    // start and clean up after an update or reload; a release build leaves nothing by which a
    // page could tell SLA Lens is installed before it badges anything (the constant folds away).
    if (import.meta.env.MODE === 'e2e') {
      const root = document.documentElement;
      root.dataset.slaLens = 'active';
      ctx.onInvalidated(() => {
        delete root.dataset.slaLens;
      });
    }

    const url = new URL(location.href);
    // Read while the page is scanned, not after: the first search waits for it.
    if (jiraAdapter.ownsHost(url)) recallField(url.origin).catch(() => undefined);
    // The language the user chose, if not the browser's: one storage read, beside the other.
    void Promise.all([declaredKind(url), installLanguage()]).then(([declared]) => {
      if (ctx.isInvalid) return;
      const adapter = adapterFor(ADAPTERS, url, document, declared);
      if (adapter) start(ctx, adapter, url);
      else watchForMarkup(ctx, declared);
    });
  },
});

/** What an admin declared a self-hosted site to be; null on the vendors' own hosts, which decide alone. */
async function declaredKind(url: URL): Promise<TicketSource | null> {
  if (ADAPTERS.some((a) => a.ownsHost(url))) return null;
  const key = siteKindKey(url.origin);
  const kind = (await browser.storage.local.get(key).catch(() => ({}) as Record<string, unknown>))[key];
  return kind === 'jira' || kind === 'zendesk' ? kind : null;
}

/**
 * A self-hosted site (a Zendesk custom domain) may render the markup that names it only after
 * document_idle: look again as the page builds, for a while, then give up quietly.
 */
function watchForMarkup(ctx: ContentScriptContext, declared: TicketSource | null): void {
  const observer = new MutationObserver(() => {
    const found = adapterFor(ADAPTERS, new URL(location.href), document, declared);
    if (!found) return;
    observer.disconnect();
    start(ctx, found, new URL(location.href));
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  ctx.setTimeout(() => observer.disconnect(), 30_000);
  ctx.onInvalidated(() => observer.disconnect());
}

function start(ctx: ContentScriptContext, adapter: SourceAdapter, url: URL): void {
  const overlay = startOverlay(
    {
      adapter,
      evaluate: (request) => sendEvaluate((message) => browser.runtime.sendMessage(message), request),
      onConfigChanged: onActiveVersion,
      // WXT's timers check the context on every call, so an orphaned script stops on its next tick.
      setTimeout: (handler, ms) => ctx.setTimeout(handler, ms),
      clearTimeout: (id) => clearTimeout(id as number),
      now: () => Date.now(),
      document,
      reportPage(report) {
        const message: PageStatusMessage = { type: PAGE_STATUS_TYPE, site: location.hostname, ...report };
        // Best effort: a background that is restarting must not break the page.
        browser.runtime.sendMessage(message).catch(() => undefined);
      },
    },
    ctx.signal,
    url,
  );
  // WXT's watcher reports a navigation when it starts (the Navigation API's destination), before it
  // commits and even when it never does (a download, a 204, another origin). So the event only
  // says "look again": the URL is read from `location` once the navigation has had its turn, and
  // the overlay ignores any that left the origin it started on.
  const stop = onLanguageChanged(() => overlay.relabel());
  ctx.onInvalidated(stop);
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    ctx.setTimeout(() => overlay.navigate(new URL(location.href)), 0);
  });
}
