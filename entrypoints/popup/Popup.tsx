/**
 * The popup's wiring: live queries on the extension's database, a one-second tick that advances
 * the countdowns between database changes, and the browser calls behind the buttons (passed in,
 * so tests can run it against a real Dexie database without a browser).
 */
import { t } from '../../lib/i18n/core';
import { pageLabel } from '../../lib/tabs/tab-status';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompliancePeriod, MissedTicket } from '../../components/popup/CompliancePanel';
import { PopupView } from '../../components/popup/PopupView';
import { openTicket } from '../../lib/view/ticket-url';
import { activeVersion, configLabel } from '../../lib/db/active-version';
import { announcement } from '../../lib/db/announcement';
import { describe as describeSubscription, type SubscriptionState } from '../../lib/subscription/state';
import type { SlaLensDatabase } from '../../lib/db/database';
import { advanceSnapshot, loadCompliance, loadPopup, POPUP_FIRST_PAGE, type PopupSnapshot } from '../../lib/db/popup-query';
import type { StaleTicket, TicketSummary } from '../../lib/view/summary';
import { useLiveQuery } from '../../lib/options/use-live-query';
import type { SelfHostedSite } from '../../lib/sources/site-registry';
import { diagnosticsReport, type TabPageStatus } from '../../lib/tabs/tab-status';
import { coveredSites } from './covered-sites';
import { addPersonalScope, readScopes, readWatchState, sameQuery, ScopeRefused } from '../../lib/watch/store';
import { scopeFromPage, serviceDeskFor, type PageScope } from '../../lib/watch/from-page';
import type { ScopeQuery } from '../../lib/watch/types';
import type { Fetch } from '../../lib/sources/http';
import { coverage } from '../../lib/watch/state';
import { describeScope } from '../../lib/config/format';

export interface PopupProps {
  db: SlaLensDatabase;
  now: () => number;
  openTab: (url: string) => void;
  openSettings: () => void;
  /** The self-hosted sites the browser lets SLA Lens run on. */
  selfHostedSites: () => Promise<readonly SelfHostedSite[]>;
  /** Calls back with the status of the tab the popup is about (null: nothing to say); returns the unsubscribe. */
  watchPageStatus?: (listener: (status: TabPageStatus | null) => void) => () => void;
  copyText?: (text: string) => Promise<void>;
  /** `Chrome 156`: for the diagnostics. */
  browserName?: string;
  /**
   * The last configuration version this browser's popup announced, kept in extension storage:
   * a newer one is announced once. Absent: no announcements (tests of other things).
   */
  seenVersion?: { read(): Promise<number | null>; write(id: number): Promise<void> };
  /** The configuration subscribed by URL, as the background last left it: a failing one is said here too. */
  subscription?: { read(): Promise<SubscriptionState | null> };
  /**
   * "Watch this queue": the address of the tab the popup is about, a `fetch` to ask a JSM site
   * which service desk a project is, and the way to ask the background for a round now.
   */
  watchPage?: { url(): Promise<string | null>; fetch: Fetch; request(options: { force?: boolean; only?: string[] }): Promise<void> };
  /** The sites the organisation's policy lists (lib/managed): they declare its sites as the configuration's own do. */
  policySites?: () => Promise<readonly string[]>;
  /** The options page's address: the announcement links to its history. */
  optionsUrl?: string;
  /** The "Our agreements" page, opened in a tab from the header. */
  agreementsUrl?: string;
  /** The SLA report page, opened in a tab from the header. */
  reportUrl?: string;
  /** What the first paint showed (the background's first page), shown until the database answers. */
  initial?: { snapshot: PopupSnapshot; config: { name: string; version: number } | null } | null | undefined;
}

/**
 * Between database changes the countdowns advance locally, every second; a ticket that was on
 * track turns at risk with no write at all, so the snapshot is loaded again at its `reloadAt`.
 */
const TICK_MS = 1000;

function message(what: string, error: unknown): string {
  return t('popup_read_failed', { what, error: error instanceof Error ? error.message : String(error) });
}

export function Popup({
  db,
  now,
  openTab,
  openSettings,
  selfHostedSites,
  initial,
  watchPageStatus,
  copyText,
  browserName = 'unknown',
  seenVersion,
  optionsUrl,
  agreementsUrl,
  reportUrl,
  subscription,
  policySites,
  watchPage,
}: PopupProps) {
  const [pageStatus, setPageStatus] = useState<TabPageStatus | null>(null);
  useEffect(() => watchPageStatus?.(setPageStatus), [watchPageStatus]);
  const [reloads, setReloads] = useState(0);
  const [tick, setTick] = useState(() => now());
  const [days, setDays] = useState<CompliancePeriod>(7);
  const [selfHosted, setSelfHosted] = useState<readonly SelfHostedSite[]>([]);

  const config = useLiveQuery(() => activeVersion(db), [db]);
  // The first render waits only for the counts and the first page of the list; every at-risk
  // ticket (for grouping, filters and search) follows at once, as does compliance.
  const [firstShown, setFirstShown] = useState(false);
  const loaded = useLiveQuery(() => loadPopup(db, now(), firstShown ? {} : { firstPage: POPUP_FIRST_PAGE }), [db, reloads, firstShown]);
  // Compliance reads every ticket of the period: it waits until the counts and list are on screen.
  const compliance = useLiveQuery(() => (firstShown ? loadCompliance(db, now(), days) : Promise.resolve(null)), [db, days, firstShown]);
  // Watched scopes' coverage: small rows, read after the first paint like compliance.
  const watched = useLiveQuery(async () => (firstShown ? { scopes: await readScopes(db), states: await readWatchState(db) } : null), [db, firstShown]);

  useEffect(() => {
    const ticking = setInterval(() => setTick(now()), TICK_MS);
    return () => clearInterval(ticking);
  }, [now]);

  // Once per snapshot: the query restarts, and the tick may pass reloadAt again meanwhile.
  const reloadAt = loaded.status === 'ready' ? loaded.value.reloadAt : Infinity;
  const reloadedFor = useRef<number | null>(null);
  useEffect(() => {
    if (tick >= reloadAt && reloadedFor.current !== reloadAt) {
      reloadedFor.current = reloadAt;
      setReloads((r) => r + 1);
    }
  }, [tick, reloadAt]);

  useEffect(() => {
    let live = true;
    // Without the list, the empty state still names the built-in sites.
    selfHostedSites().then(
      (sites) => live && setSelfHosted(sites),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [selfHostedSites]);

  // For `npm run bench`: when the first counts and list are on screen (effects run after paint).
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || loaded.status !== 'ready' || config.status !== 'ready') return;
    marked.current = true;
    // Unless the first paint from the background's snapshot came first.
    if (performance.getEntriesByName('sla-lens:first-render').length === 0) performance.mark('sla-lens:first-render');
    setFirstShown(true);
  }, [loaded.status, config.status]);

  const snapshot = useMemo(() => {
    const base = loaded.status === 'ready' ? loaded.value : initial?.snapshot;
    if (!base) return undefined;
    return tick > base.now ? advanceSnapshot(base, tick) : base;
  }, [loaded, tick, initial]);
  const sites = useMemo(() => coveredSites(selfHosted), [selfHosted]);

  // A new version since the popup last looked is announced once: remembered as seen as it shows.
  const [announced, setAnnounced] = useState<string | null>(null);
  const activeId = config.status === 'ready' ? (config.value?.id ?? null) : undefined;
  useEffect(() => {
    if (!seenVersion || activeId === undefined || activeId === null || config.status !== 'ready' || !config.value) return;
    const active = config.value;
    let live = true;
    seenVersion
      .read()
      .then((seen) => {
        if (!live || seen === active.id) return;
        const text = announcement(active, seen);
        if (text) setAnnounced(text);
        return seenVersion.write(active.id);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Once per version: the live query hands a new object for the same version on every change.
  }, [seenVersion, activeId]);

  // A team file that cannot be applied is everyone's business, not only the admin's: said here too.
  const [subscriptionTrouble, setSubscriptionTrouble] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    subscription
      ?.read()
      .then((state) => {
        if (!live || !state) return;
        const summary = describeSubscription(state, now());
        if (summary.status === 'error' || summary.status === 'confirm') setSubscriptionTrouble(summary.lines[0] ?? null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [subscription, now]);

  // The list the tab shows, when it is one SLA Lens can watch and does not yet.
  const [pageScope, setPageScope] = useState<PageScope | null>(null);
  const [watching, setWatching] = useState<{ busy: boolean; text?: string; tone?: 'success' | 'error' }>({ busy: false });
  useEffect(() => {
    let live = true;
    watchPage
      ?.url()
      .then((url) => live && setPageScope(url ? scopeFromPage(url) : null))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [watchPage]);
  const alreadyWatched =
    pageScope !== null &&
    watched.status === 'ready' &&
    !!watched.value?.scopes.some((s) =>
      'query' in pageScope ? s.site === pageScope.site && sameQuery(s.query, pageScope.query) : s.site === pageScope.site && s.query.kind === 'queue' && s.query.queue === pageScope.jsmQueue.queue,
    );
  async function watchThisPage() {
    if (!pageScope || !watchPage) return;
    setWatching({ busy: true });
    try {
      let query: ScopeQuery;
      if ('query' in pageScope) query = pageScope.query;
      else {
        const origin = `https://${pageScope.site}`;
        const desk = await serviceDeskFor({ fetch: watchPage.fetch, origin, signal: AbortSignal.timeout(20_000), now: now() }, origin, pageScope.jsmQueue.project);
        if (!desk.ok) return setWatching({ busy: false, text: desk.message, tone: 'error' });
        query = { kind: 'queue', serviceDesk: desk.id, queue: pageScope.jsmQueue.queue };
      }
      const added = await addPersonalScope(db, { site: pageScope.site, query });
      await watchPage.request({ only: [added.id], force: true });
      setWatching({ busy: false, text: t('popup_watching', { scope: describeScope(added), site: added.site }), tone: 'success' });
    } catch (error) {
      setWatching({ busy: false, text: error instanceof ScopeRefused ? error.message : t('popup_watch_failed', { error: String(error) }), tone: 'error' });
    }
  }

  // Sites the policy declares: "every site counts here" would not be true.
  const [policyDeclares, setPolicyDeclares] = useState(false);
  useEffect(() => {
    let live = true;
    policySites?.()
      .then((sites) => live && setPolicyDeclares(sites.length > 0))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [policySites]);

  const failed = config.status === 'error' ? config : loaded.status === 'error' ? loaded : null;
  const label = config.status === 'ready' ? (config.value ? configLabel(config.value) : null) : initial ? initial.config : undefined;
  const activeConfig = label && policyDeclares ? { ...label, sitesDeclared: true } : label;

  return (
    <PopupView
      config={activeConfig}
      snapshot={snapshot}
      compliance={compliance.status === 'ready' ? compliance.value : null}
      complianceError={compliance.status === 'error' ? message(t('popup_what_compliance'), compliance.error) : undefined}
      complianceDays={days}
      onComplianceDaysChange={setDays}
      sites={sites}
      onOpen={(ticket: TicketSummary | MissedTicket | StaleTicket) => openTicket(ticket, openTab)}
      onOpenSettings={openSettings}
      onOpenAgreements={agreementsUrl ? () => openTab(agreementsUrl) : undefined}
      onOpenReport={reportUrl ? () => openTab(reportUrl) : undefined}
      watchThisPage={
        pageScope && (!alreadyWatched || watching.text)
          ? { label: watchLabel(pageScope), busy: watching.busy, ...(watching.text ? { result: { text: watching.text, tone: watching.tone ?? 'success' } } : {}), onWatch: () => void watchThisPage() }
          : undefined
      }
      watched={
        watched.status === 'ready' && watched.value
          ? { scopes: watched.value.scopes.map((scope) => coverage(scope, watched.value!.states[scope.id], tick, scope.name ?? describeScope(scope))), onSignIn: openTab }
          : undefined
      }
      configTrouble={subscriptionTrouble ? { text: t('popup_config_trouble', { why: subscriptionTrouble }), onOpenSettings: openSettings } : undefined}
      announcement={announced ? { text: announced, onSeeChanges: () => (optionsUrl ? openTab(`${optionsUrl}#history`) : openSettings()), onDismiss: () => setAnnounced(null) } : undefined}
      error={failed?.status === 'error' ? message(t('popup_what_store'), failed.error) : undefined}
      unreadablePage={
        pageStatus && !pageStatus.readable && copyText
          ? { label: pageLabel(pageStatus.kind), found: pageStatus.found, shown: pageStatus.shown, diagnostics: diagnosticsReport(pageStatus, browserName), onCopy: copyText }
          : undefined
      }
    />
  );
}

/** What the button calls the list the tab shows. */
function watchLabel(scope: PageScope): string {
  if (!('query' in scope)) return t('popup_watch_queue');
  return t(scope.query.kind === 'view' ? 'popup_watch_view' : scope.query.kind === 'filter' ? 'popup_watch_filter' : 'popup_watch_search');
}
