import '../lib/zod-setup';
import { CONFIG_VERSION_KEY, MANAGED_STATUS_KEY, POLICY_SITES_KEY, SITE_KIND_KEY_PREFIX, STORAGE_PROBLEM_KEY, SUBSCRIPTION_KEY, WATCH_REQUEST_KEY } from '../lib/storage-keys';
import { createWatchRunner } from '../lib/watch/runner';
import { worthRecording } from '../lib/watch/record';
import { createScopeSources, sourceOf } from '../lib/watch/sources';
import { WATCH_DEFAULT_MINUTES, WATCH_FLOOR_MINUTES } from '../lib/watch/state';
import { asFilled, fillRange } from '../lib/watch/fill';
import { FILL_CANCEL, FILL_PORT, parseFillRequest, type FillMessage } from '../lib/watch/fill-protocol';
import { readScopes, readWatchState } from '../lib/watch/store';
import type { WatchScope } from '../lib/watch/types';
import type { TicketFacts } from '../lib/sla/index';
import { browser, defineBackground } from '#imports';
import { installLanguage, onLanguageChanged, refreshChosenLanguage } from '../lib/i18n/browser';
import { SlaLensDatabase } from '../lib/db/database';
import { createConfigCache, createTicketRecorder, evaluateTickets } from '../lib/db/evaluate';
import { publishActiveVersion } from '../lib/messaging/config-version';
import { senderProblem, type Envelope } from '../lib/messaging/protocol';
import { InvalidMessageError, parseEvaluateRequest } from '../lib/messaging/schema';
import type { EvaluateResponse } from '../lib/messaging/types';
import { createAuditBudgetHost, type AuditHostAnswer } from '../lib/messaging/audit-budget';
import { parseAlertId, showDueAlerts, writeAlertDefaults } from '../lib/db/alerts';
import { afterConfigChange, publishPopupSnapshot, pruneTickets, showToolbarBadge } from '../lib/db/upkeep';
import { createReportSnapshots } from '../lib/db/report';
import { openTicket } from '../lib/view/ticket-url';
import { createSiteRegistry } from '../lib/sources/site-registry';
import { createSubscriptionRunner } from '../lib/subscription/runner';
import { storedSubscription, subscribe } from '../lib/subscription/state';
import { applyManagedConfig } from '../lib/db/managed-config';
import { readManaged } from '../lib/managed/read';
import { createOrgSites } from '../lib/config/org-sites';
import { storedManagedStatus, type ManagedStatus } from '../lib/managed/status';
import { createPolicySites } from '../lib/managed/policy-sites';
import { clearTabStatus, PAGE_STATUS_TYPE, parsePageStatus, recordTabStatus, type TabAction } from '../lib/tabs/page-status';

export default defineBackground({
  type: 'module',
  main() {
    // The notes and alerts it writes speak the user's chosen language, else the browser's; after an
    // update the chosen language's messages are read again, new words included.
    void installLanguage();
    onLanguageChanged(() => undefined);
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'update') void refreshChosenLanguage();
    });
    const db = new SlaLensDatabase(undefined, { onActiveVersion: publishActiveVersion });
    const activeConfig = createConfigCache(db);
    // The policy's sites declare the organisation's sites with the configuration's own. Nothing is
    // evaluated before the policy was first read, or a vendor's tickets could be recorded meanwhile.
    const policySites = createPolicySites(
      {
        get: async () => (await browser.storage.local.get(POLICY_SITES_KEY))[POLICY_SITES_KEY],
        set: (sites) => browser.storage.local.set({ [POLICY_SITES_KEY]: sites }),
      },
      (error) => console.error('SLA Lens could not keep the sites of the organisation’s policy', error),
    );
    const orgSites = createOrgSites();
    const config = async () => {
      const [active] = await Promise.all([activeConfig(), policySites.known]);
      return orgSites(active, policySites.sites());
    };
    const report = (what: string) => (error: unknown) => console.error(`SLA Lens could not ${what}`, error);
    // Alerts are opt-in: nothing is shown (or remembered as shown) without the permission. A few a
    // round, the rest in one summary, each remembered only once it was shown.
    const showAlerts = async () => {
      if (!(await browser.permissions.contains({ permissions: ['notifications'] })) || !browser.notifications) return;
      const notifications = browser.notifications;
      const now = new Date();
      await showDueAlerts(
        db,
        now.getTime(),
        now.getHours() * 60 + now.getMinutes(),
        ({ id, title, message }) => notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message }),
        report('show an alert'),
      );
    };
    // Whatever team leads see outside the pages: the toolbar count, alerts, the popup's first page.
    const reportSnapshot = createReportSnapshots(db, browser.storage.session);
    const refreshSummaries = () => {
      // The popup paints this first page at once, before its database is open; its counts are the icon's.
      void publishPopupSnapshot(db, browser.storage.session, Date.now())
        .then(({ counts }) => showToolbarBadge(browser.action, counts.breached, counts.atRisk))
        .catch(report('update the popup and the toolbar count'));
      void showAlerts().catch(report('show alerts'));
      // The report's opening figures, likewise (at most once a minute).
      void reportSnapshot(Date.now()).catch(report('update the report’s opening figures'));
    };
    // What became of the store is kept where the settings page reads it, outside IndexedDB (which may
    // be what failed), and written only when it changes.
    let storageProblem: string | null | undefined;
    const recorder = createTicketRecorder(db, {
      onRecorded: refreshSummaries,
      onStorage(problem) {
        if (problem === storageProblem) return;
        storageProblem = problem;
        void (problem === null ? browser.storage.local.remove(STORAGE_PROBLEM_KEY) : browser.storage.local.set({ [STORAGE_PROBLEM_KEY]: { message: problem, at: Date.now() } })).catch(
          report('keep what became of the ticket store'),
        );
      },
    });

    // Self-hosted sites an admin added always count as the organisation's (the registry's
    // trustedHosts: granted by the user, not merely listed in storage). Read once, and again
    // whenever a site or a permission is added or removed.
    const readSelfHosted = (): Promise<ReadonlySet<string>> => sites.trustedHosts();
    let selfHosted: Promise<ReadonlySet<string>> = Promise.resolve(new Set());
    const rereadSelfHosted = () => {
      selfHosted = readSelfHosted().catch((error: unknown): ReadonlySet<string> => {
        report('read the self-hosted sites')(error);
        return new Set();
      });
    };

    // A click on an alert opens its ticket. The API exists only once the permission is granted.
    let listening = false;
    const listenToAlerts = () => {
      if (listening || !browser.notifications) return;
      listening = true;
      browser.notifications.onClicked.addListener((id) => {
        const parsed = parseAlertId(id);
        if (!parsed) return;
        void db.tickets.get([parsed.site, parsed.key]).then(async (row) => {
          // Only web addresses: a stored URL came from a page.
          if (row) openTicket({ site: row.site, url: row.facts.url }, (url) => browser.tabs.create({ url }));
          await browser.notifications.clear(id);
        }, report('open the ticket of an alert'));
      });
    };
    listenToAlerts();
    browser.permissions.onAdded.addListener(listenToAlerts);
    const sites = createSiteRegistry({ permissions: browser.permissions, scripting: browser.scripting, storage: browser.storage.local });
    rereadSelfHosted();
    browser.permissions.onAdded.addListener(rereadSelfHosted);
    browser.permissions.onRemoved.addListener(rereadSelfHosted);

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

    // The toolbar count moves with time alone (tickets turn at-risk and breach between sightings):
    // recount each minute. Tickets not seen for the retention period are forgotten once an hour.
    const ensureAlarms = () => {
      void browser.alarms.create('sla:minute', { periodInMinutes: 1 });
      void browser.alarms.create('sla:retention', { delayInMinutes: 1, periodInMinutes: 60 });
    };
    browser.runtime.onInstalled.addListener(ensureAlarms);
    browser.runtime.onStartup.addListener(ensureAlarms);

    // A configuration subscribed by URL: checked at install and start, on its own alarm, and at
    // once when the options page subscribes or asks ("Check now" makes it due).
    const subscription = createSubscriptionRunner({
      db,
      store: {
        load: async () => storedSubscription((await browser.storage.local.get(SUBSCRIPTION_KEY))[SUBSCRIPTION_KEY]),
        save: (state) => browser.storage.local.set({ [SUBSCRIPTION_KEY]: state }),
      },
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
      schedule: (when) => void (when === null ? browser.alarms.clear('sla:subscription') : browser.alarms.create('sla:subscription', { when })),
      managed: () => managedUrl !== undefined,
    });
    const checkSubscription = () => void subscription.run().catch(report('check the subscribed configuration'));

    // Another configuration became active (its write announces the version), or the policy's sites
    // changed: the stored tickets are evaluated again, then counted once for the toolbar, the popup
    // and alerts, so none of them shows the old policies. One run at a time, so that an older run
    // cannot leave its mark over a newer one's.
    let upkeep: Promise<unknown> = Promise.resolve();
    const reevaluate = () => {
      const run = async () => {
        const [active, hosts] = await Promise.all([activeConfig(), selfHosted, policySites.known]);
        await afterConfigChange(db, active, Date.now(), hosts, policySites.sites());
      };
      upkeep = upkeep.then(run).then(refreshSummaries, report('evaluate stored tickets again'));
    };

    // The organisation's policy (Chrome/Edge managed storage, Firefox's policies.json): read at
    // every start and, in Chrome, on every change. Its inline configuration is applied when it
    // changes; its configuration URL becomes the subscription, checked as the organisation's.
    let managedUrl: string | undefined;
    const applyPolicy = async () => {
      // Firefox rejects the read when there is no policy at all: that is "no policy", not an error.
      const raw: unknown = await browser.storage.managed.get().catch(() => undefined);
      const reading = readManaged(raw);
      const sites = reading.settings.sites ?? [];
      // Other sites than those in use (kept from the last reading, or read before) without a new
      // version: the stored tickets are brought up to date all the same.
      const sitesChanged = policySites.read(sites);
      if (sitesChanged) reevaluate();
      const stored = await browser.storage.local.get([MANAGED_STATUS_KEY, SUBSCRIPTION_KEY]);
      const before = storedManagedStatus(stored[MANAGED_STATUS_KEY]);
      const status: ManagedStatus = { at: Date.now(), reading };
      const { config, configUrl, refreshMinutes } = reading.settings;
      if (config) {
        const result = await applyManagedConfig(db, config, before?.config?.hash);
        // Refused once, still refused: the problems stay shown while the policy holds the same file.
        const problems = result.problems ?? (before?.config?.hash === result.textHash ? before.config.problems : undefined);
        status.config = { hash: result.textHash, ...(problems ? { problems } : {}) };
      }
      const current = storedSubscription(stored[SUBSCRIPTION_KEY]);
      managedUrl = configUrl;
      if (configUrl) {
        status.subscribed = true;
        if (current?.url !== configUrl || (refreshMinutes !== undefined && current.refreshMinutes !== refreshMinutes)) {
          await browser.storage.local.set({ [SUBSCRIPTION_KEY]: subscribe(configUrl, refreshMinutes, Date.now()) });
        }
      } else if (before?.subscribed && current) {
        // The organisation took its URL back: the subscription it made goes with it.
        await browser.storage.local.remove(SUBSCRIPTION_KEY);
      }
      if (reading.inForce.length === 0 && reading.ignored.length === 0) await browser.storage.local.remove(MANAGED_STATUS_KEY);
      else await browser.storage.local.set({ [MANAGED_STATUS_KEY]: status });
      // Where the background's alerts and the options page both read them; a person's own settings win.
      await writeAlertDefaults(db, reading.settings.alerts);
    };
    const readPolicy = () =>
      void applyPolicy()
        .catch(report("apply the organisation's policy"))
        // A policy that could not be read holds no evaluation back.
        .finally(() => policySites.settle());
    readPolicy();
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') readPolicy();
    });
    browser.runtime.onInstalled.addListener(checkSubscription);
    browser.runtime.onStartup.addListener(checkSubscription);
    browser.storage.onChanged.addListener((changes, area) => {
      const change = area === 'local' ? changes[SUBSCRIPTION_KEY] : undefined;
      // The runner's own writes schedule a later check; only a state made due (or removed) is news.
      if (change && (storedSubscription(change.newValue)?.nextTryAt ?? 0) <= Date.now()) checkSubscription();
    });
    browser.alarms.onAlarm.addListener(({ name }) => {
      if (name === 'sla:subscription') checkSubscription();
      if (name === 'sla:minute') refreshSummaries();
      if (name === 'sla:retention') void pruneTickets(db, Date.now()).then(refreshSummaries, report('remove old tickets'));
    });

    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && Object.keys(changes).some((key) => key.startsWith(SITE_KIND_KEY_PREFIX))) rereadSelfHosted();
      if (area === 'local' && CONFIG_VERSION_KEY in changes) reevaluate();
    });

    // Whether each tab's page could be read: kept for the popup, shown on the toolbar for that tab.
    const tabAction = browser.action as unknown as TabAction;
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if ((message as { type?: unknown } | null)?.type !== PAGE_STATUS_TYPE) return undefined;
      const status = parsePageStatus(message);
      const tabId = sender.tab?.id;
      if (!status || tabId === undefined || senderProblem(sender, status.site, browser.runtime.id) !== null) return undefined;
      void recordTabStatus(tabId, status, browser.runtime.getManifest().version, Date.now(), browser.storage.session, tabAction).catch(report('keep the status of a page'));
      return undefined;
    });
    browser.tabs.onRemoved.addListener((tabId) => void clearTabStatus(tabId, browser.storage.session).catch(report('forget a closed tab')));
    // A new document in the tab: its content script (if any) says afresh what it can read.
    browser.tabs.onUpdated.addListener((tabId, change) => {
      if (change.status === 'loading') void clearTabStatus(tabId, browser.storage.session, tabAction).catch(report('forget a page the tab left'));
    });

    // Zendesk audits: one budget per account for every tab of this browser, a pause for all of them
    // when the site's rate-limit headers run low, and the audit trails every tab reads, served
    // back to the others.
    const auditBudget = createAuditBudgetHost({ now: () => Date.now() });
    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: AuditHostAnswer) => void) => {
      const answer = auditBudget.handle(message, sender, browser.runtime.id);
      if (answer) sendResponse(answer);
      return undefined;
    });

    browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: Envelope<EvaluateResponse>) => void) => {
      if ((message as { type?: unknown } | null)?.type !== 'sla:evaluate') return undefined;
      void (async () => {
        try {
          const { request, refused } = parseEvaluateRequest(message);
          const problem = senderProblem(sender, request.site, browser.runtime.id);
          if (problem) throw new InvalidMessageError(problem);
          const { response, sightings } = await evaluateTickets(db, request, await config(), Date.now(), refused, await selfHosted);
          // Badges first; the record for the popup follows once the overlay's burst of questions is answered.
          sendResponse({ ok: true, response });
          recorder.add(sightings);
        } catch (error) {
          if (!(error instanceof InvalidMessageError)) console.error('SLA Lens could not evaluate tickets', error);
          sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      })();
      // The answer comes asynchronously.
      return true;
    });

    // Watched scopes (issue 16): every scope listed on its alarm, through the sites' own APIs with
    // the user's session, into the same store as the tickets seen on pages; at once when a scope
    // is added or the configuration that carries the team's changes (a scope never read is due).
    const sources = createScopeSources({
      fetch: (input, init) => fetch(input, init),
      now: () => Date.now(),
      auditBudget: async (ask) => auditBudget.ask(ask),
      shareTrails: (put) => auditBudget.put(put.site, put.trails),
    });
    // What the watch and a report's fill read is recorded as the overlays' sightings are: one row
    // per ticket, room made when the quota is full, then the count and alerts. A ticket a fill
    // brought in is kept as seen when it was resolved, so it gives way first.
    const recordRead = async (scope: WatchScope, facts: readonly TicketFacts[], filled: boolean) => {
      const stored = await db.tickets.bulkGet(facts.map((f): [string, string] => [scope.site, f.key]));
      const request = { type: 'sla:evaluate' as const, source: sourceOf(scope), site: scope.site, tickets: worthRecording(facts, stored) };
      const { sightings } = await evaluateTickets(db, request, await config(), Date.now(), [], await selfHosted);
      if (!filled) return recorder.add(sightings);
      recorder.add(asFilled(sightings, new Set(stored.flatMap((row) => (row ? [row.key] : [])))));
      // A fill's progress counts what is in the store.
      await recorder.flush();
    };
    const watch = createWatchRunner({
      db,
      now: () => Date.now(),
      list: sources.list,
      read: sources.read,
      spent: sources.spent,
      perRequest: sources.perRequest,
      rotateExact: (scope) => sourceOf(scope) === 'jira',
      record: (scope, facts) => recordRead(scope, facts, false),
    });
    const runWatch = (options: { force?: boolean; only?: string[] } = {}) => void watch.run(options).then(refreshSummaries, report('refresh the watched scopes'));
    const ensureWatchAlarm = () => void browser.alarms.create('sla:watch', { delayInMinutes: WATCH_FLOOR_MINUTES, periodInMinutes: WATCH_DEFAULT_MINUTES });
    browser.runtime.onInstalled.addListener(ensureWatchAlarm);
    browser.runtime.onStartup.addListener(ensureWatchAlarm);
    browser.alarms.onAlarm.addListener(({ name }) => {
      if (name === 'sla:watch') runWatch();
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local') return;
      if (CONFIG_VERSION_KEY in changes) runWatch();
      const asked = changes[WATCH_REQUEST_KEY]?.newValue as { force?: unknown; only?: unknown } | undefined;
      if (asked && typeof asked === 'object') {
        const only = Array.isArray(asked.only) ? asked.only.filter((id): id is string => typeof id === 'string') : undefined;
        runWatch({ force: asked.force === true, ...(only ? { only } : {}) });
      }
    });

    // "Fill this period from the site" (issue 17 §3): the report page holds a port open while the
    // background reads what was resolved in its range; Cancel, or the page closed, stops it. Only
    // the extension's own pages may ask (a content script's port names a web page), one fill at a time.
    let filling = false;
    browser.runtime.onConnect.addListener((port) => {
      if (port.name !== FILL_PORT) return;
      if (port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(browser.runtime.getURL('/'))) return port.disconnect();
      const controller = new AbortController();
      let open = true;
      port.onDisconnect.addListener(() => {
        open = false;
        controller.abort();
      });
      const post = (message: FillMessage) => {
        if (open) port.postMessage(message);
      };
      port.onMessage.addListener((message: unknown) => {
        if ((message as { type?: unknown } | null)?.type === FILL_CANCEL.type) return controller.abort();
        const request = parseFillRequest(message);
        if (!request) return;
        if (filling) return post({ type: 'refused', message: 'A fill is already running in another report tab: wait for it, or stop it there.' });
        filling = true;
        void (async () => {
          const [scopes, states] = await Promise.all([readScopes(db), readWatchState(db)]);
          if (scopes.length === 0) return post({ type: 'refused', message: 'No queue is watched, so there is no site to fill from: watch a queue in the settings first.' });
          const sites = await fillRange(
            {
              scopes,
              held: (scope) => states[scope.id]?.keys,
              list: (scope, signal) => sources.list(scope, signal),
              read: sources.read,
              record: (scope, facts) => recordRead(scope, facts, true),
              sleep: (ms, signal) =>
                new Promise<void>((resolve) => {
                  const timer = setTimeout(resolve, ms);
                  signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
                }),
              onProgress: (progress) => post({ type: 'progress', sites: progress, done: false }),
            },
            request,
            controller.signal,
          );
          post({ type: 'progress', sites, done: true });
        })()
          .catch((error: unknown) => {
            report('fill the report from the sites')(error);
            post({ type: 'refused', message: `SLA Lens could not fill the report: ${error instanceof Error ? error.message : String(error)}` });
          })
          .finally(() => {
            filling = false;
            refreshSummaries();
          });
      });
    });

    // On every start (an upgrade may have left rows to derive again): bring the store up to date.
    db.open().then(reevaluate, report('open its database'));
  },
});
