/**
 * The overlay on one tab: finds ticket elements as the page renders them, gets their facts from
 * the site's API (falling back to what the page shows), asks the background for their SLA views,
 * and keeps one badge per ticket element ticking. Every run (one per in-page location) lives under
 * an AbortSignal derived from the content script's context, so navigation and extension updates
 * leave nothing behind.
 */
import type { SlaView } from '../view/types';
import type { EvaluateRequest, EvaluateResponse } from '../messaging/types';
import type { TicketFacts } from '../sla/index';
import { clampFacts } from '../sources/clamp';
import { cannotRead, type PageDiagnostics, type PageKind } from '../sources/page-status';
import type { EnrichFailure, FoundTicket, SourceAdapter } from '../sources/types';
import { failureWords } from '../view/words';
import { t } from '../i18n/core';
import { hasSlot, isOurs, removeAllBadges, showPlaceholder, sweepStaleBadges } from './badge';
import { createBadgeBoard } from './board';
import { injectStyle, removeStyle } from './style';
import { createTicker } from './ticker';

export interface OverlayDeps {
  adapter: SourceAdapter;
  /** Sends the request to the background; rejects when the background refuses or is gone. */
  evaluate(request: EvaluateRequest): Promise<EvaluateResponse>;
  /**
   * Calls back when another configuration version becomes active, with its version (null: none,
   * or not known); returns the unsubscribe.
   */
  onConfigChanged(listener: (version: number | null) => void): () => void;
  /** A timer that dies with the content script context (WXT's ctx.setTimeout). */
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  now(): number;
  document: Document;
  /**
   * Told once a ticket page's rows have settled, and again whenever that changes: whether SLA Lens
   * could read the page (diagnostics only when it could not).
   */
  reportPage?(report: PageReport): void;
}

export interface PageReport {
  readable: boolean;
  /** Null: not a page of tickets (any earlier status of the tab no longer holds). */
  kind: PageKind | null;
  found: number;
  shown: number;
  diagnostics?: PageDiagnostics;
}

/** Rows have settled when the page has added none for this long. */
export const SETTLE_MS = 1500;
/** A page that never stops changing (live counters) is judged this long after it was opened anyway. */
const SETTLE_MAX_MS = 8000;

/** Keys per background message (the background refuses larger batches). */
const BATCH = 500;
/** Tickets that appear together (a page rendering, a scroll) are enriched in one go. */
const GATHER_MS = 60;
/** Badges for rows out of view wait at most this long to go in together. */
const HOLD_MS = 300;
/** Placeholders at most per request: a big page's worth of rows. */
const MAX_PLACEHOLDERS = 2000;

function domFacts(found: FoundTicket, source: TicketFacts['source'], site: string): TicketFacts | null {
  const { created, ...rest } = found.dom;
  if (created === undefined) return null;
  return clampFacts({ ...rest, created, key: found.key, source, site, exact: false });
}

export interface Overlay {
  /**
   * Re-scans for the page at `url` (in-page navigation): a new run replaces the old one. A URL on
   * another origin is ignored: an in-page navigation never leaves the origin, and requests never do.
   */
  navigate(url: URL): void;
  /** Says every badge again in the language now in use (the user chose another on the options page). */
  relabel(): void;
}

export function startOverlay(deps: OverlayDeps, signal: AbortSignal, url: URL): Overlay {
  const doc = deps.document;
  const { adapter } = deps;
  const site = url.hostname;
  // Fixed for the overlay's life: every request goes to the origin the page was loaded from.
  const origin = url.origin;
  sweepStaleBadges(doc);
  injectStyle(doc);

  const views = new Map<string, SlaView>();
  const facts = new Map<string, TicketFacts>();
  const board = createBadgeBoard({ signal, ...(adapter.vendorWords ? { text: { vendorWords: adapter.vendorWords } } : {}) });
  /** Ticket elements currently on the page, by element. */
  const tracked = new Map<Element, FoundTicket>();
  let run = newRun(url);

  /** Tickets whose view is a stand-in after the background could not answer. */
  const retry = new Set<string>();
  /** Tickets the site's API could not give, and why: their badges say it. */
  const apiFailed = new Map<string, EnrichFailure>();
  // evaluate() shows the background's failures on the badges; what is left would be our own bug.
  const failed = (error: unknown) => console.error('SLA Lens could not badge the page', error);

  const ticker = createTicker({ signal, document: doc, render: (now) => board.render(now), now: deps.now, setTimeout: deps.setTimeout, clearTimeout: deps.clearTimeout });

  /**
   * Gives tracked elements their badges: those of the tickets in `keys` (whose views just
   * changed), or every one that has a view.
   */
  function show(keys?: ReadonlySet<string>): void {
    const now = deps.now();
    for (const [element, found] of tracked) {
      if (keys && !keys.has(found.key)) continue;
      const view = views.get(found.key);
      if (view) board.set(found, view, now);
      else if (!element.isConnected) tracked.delete(element);
    }
    ticker.tickNow();
  }

  /** The newest configuration version heard of: answers computed under an older one are dropped. */
  let newestVersion: number | null = null;
  const stale = (version: number | null) => newestVersion !== null && (version === null || version < newestVersion);

  /**
   * Badges held back: the page lays out its whole table for every round of new elements that goes
   * in (~0.3 s on a 1,000-row table here), so the rows out of view that have no placeholder to
   * take over (the page was still loading) get theirs together: at most
   * `HOLD_MS` after the first was held, when their enrichment is over, or as soon as the page
   * scrolls, whichever comes first.
   */
  const held = new Set<string>();
  let holdTimer: unknown = null;
  const showHeld = () => {
    if (holdTimer !== null) deps.clearTimeout(holdTimer);
    holdTimer = null;
    if (held.size === 0 || signal.aborted) return;
    const keys = new Set(held);
    held.clear();
    show(keys);
  };
  const hold = (key: string) => {
    held.add(key);
    holdTimer ??= deps.setTimeout(showHeld, HOLD_MS);
  };
  signal.addEventListener('abort', () => {
    if (holdTimer !== null) deps.clearTimeout(holdTimer);
  });
  /** Rows scrolled into view whose facts are still waiting move up the queue, once a frame at most. */
  let promoting = 0;
  const promote = () => {
    promoting = 0;
    const view = doc.defaultView;
    if (!view || !adapter.prioritize || signal.aborted) return;
    const keys = new Set<string>();
    for (const found of tracked.values()) if (run.inFlight.has(found.key) && !views.has(found.key) && !keys.has(found.key) && isNear(found.element, view)) keys.add(found.key);
    if (keys.size > 0) adapter.prioritize(origin, [...keys]);
  };
  const onScroll = () => {
    showHeld();
    if (adapter.prioritize && !promoting && run.inFlight.size > 0) promoting = requestAnimationFrame(promote);
  };
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true, signal });
  signal.addEventListener('abort', () => {
    if (promoting) cancelAnimationFrame(promoting);
  });

  /**
   * Asks the background for the tickets' views and badges them. Tickets the site's API could not
   * give (`apiFailed`) say why on their badges. When the background cannot answer, the tickets say
   * `SLA unknown` and why, and are asked for again when they show anew. Given `near` (the rows in
   * view when they were asked for), the badges of the others with no placeholder are held back to
   * go in together.
   */
  async function evaluate(tickets: TicketFacts[], unreadable: string[], near?: ReadonlySet<string>): Promise<void> {
    const changed = new Set<string>();
    const answers = [];
    for (let i = 0; i < Math.max(tickets.length, unreadable.length); i += BATCH) {
      const request: EvaluateRequest = { type: 'sla:evaluate', source: adapter.source, site, tickets: tickets.slice(i, i + BATCH), unreadable: unreadable.slice(i, i + BATCH) };
      answers.push(
        deps.evaluate(request).catch((error: unknown): null => {
          const reason = error instanceof Error ? error.message : String(error);
          for (const key of [...request.tickets.map((t) => t.key), ...(request.unreadable ?? [])]) {
            views.set(key, { key, kind: 'unknown', clocks: [], exact: false, note: t('note_evaluate_failed', { reason }) });
            // Asked for again the next time it shows.
            retry.add(key);
            changed.add(key);
          }
          return null;
        }),
      );
    }
    for (const response of await Promise.all(answers)) {
      if (signal.aborted) return;
      if (!response || stale(response.configVersion)) continue;
      if (response.configVersion !== null) newestVersion = Math.max(newestVersion ?? response.configVersion, response.configVersion);
      board.setCalendars(response.calendars);
      for (let view of response.views) {
        // The site's API failed for this ticket: its badge says why, not only that.
        const failure = apiFailed.get(view.key);
        if (failure && view.kind === 'unknown') view = { ...view, note: failureWords(failure) };
        else if (failure && !view.exact) view = { ...view, note: t('note_api_failed_page_times', { why: failureWords(failure) }) };
        views.set(view.key, view);
        retry.delete(view.key);
        changed.add(view.key);
      }
    }
    if (near) {
      // A row whose placeholder keeps its place costs nothing to badge now.
      const slotted = new Set<string>();
      for (const found of tracked.values()) if (changed.has(found.key) && hasSlot(found)) slotted.add(found.key);
      for (const key of changed) if (!near.has(key) && !slotted.has(key)) hold(key);
      for (const key of held) changed.delete(key);
    }
    show(changed);
  }

  /**
   * The keys with the rows in view (and half a screen below) first, each group in page order: the
   * first request asks for what the agent is looking at. One layout read for them all.
   */
  function inViewFirst(keys: string[]): { ordered: string[]; near: string[] } {
    const view = doc.defaultView;
    if (!view) return { ordered: keys, near: [] };
    const first = new Map<string, FoundTicket>();
    for (const found of tracked.values()) if (!first.has(found.key)) first.set(found.key, found);
    const near: string[] = [];
    const far: string[] = [];
    for (const key of keys) {
      const found = first.get(key);
      if (found && isNear(found.element, view)) near.push(key);
      else far.push(key);
    }
    return { ordered: [...near, ...far], near };
  }

  async function flush(current: Run): Promise<void> {
    // Measured before anything of ours goes in: once the page has drawn itself (document_idle),
    // its layout is clean and reading it costs nothing.
    const { ordered: keys, near } = inViewFirst([...current.pending]);
    current.pending.clear();
    for (const key of keys) {
      apiFailed.delete(key);
      current.inFlight.add(key);
    }
    if (keys.length === 0) return;
    // The requests leave first; the placeholders are laid out while they travel.
    const nearKeys = new Set(near);
    const done = enrichAndEvaluate(current, keys, nearKeys);
    // Until their facts arrive, the tickets show a quiet placeholder, not nothing and not a guess,
    // and it keeps each one's place: its badge takes over the same element, so the page's table is
    // laid out once for all of them instead of once for every round of badges (0.1–0.3 s each on a
    // 1,000-row table). Not before the page has loaded: anything put into a loading page's table
    // lays it out again and delays its load (measured: 0.4–0.6 s on a 1,000-row view).
    //
    // Beyond the view only in a table: there every element put in lays out the whole table again
    // (its columns are shared), so all its rows take their places in one go; rows laid out on
    // their own (JSM's grid rows) lay out only themselves when a badge goes in, and a thousand
    // placeholders there cost more than they save (measured on the JSM queue: all rows badged
    // 680 → 950 ms with them, against 2,405 → 1,467 ms on the Zendesk view's table).
    const asked = new Set(keys);
    const placeholders = () => {
      let shown = 0;
      for (const found of tracked.values()) {
        if (shown >= MAX_PLACEHOLDERS) break;
        if (!asked.has(found.key) || views.has(found.key) || !found.element.isConnected) continue;
        if (!nearKeys.has(found.key) && !found.element.closest('table')) continue;
        showPlaceholder(found);
        shown++;
      }
    };
    if (doc.readyState === 'complete') placeholders();
    else doc.defaultView?.addEventListener('load', placeholders, { once: true, signal: current.signal });
    try {
      await done;
    } finally {
      for (const key of keys) current.inFlight.delete(key);
      showHeld();
    }
  }

  async function enrichAndEvaluate(current: Run, keys: string[], near: ReadonlySet<string>): Promise<void> {
    const runSignal = current.signal;
    const evaluations: Array<Promise<void>> = [];
    const sent = new Set<string>();
    // The first answer goes to the background at once; answers landing while it is being
    // evaluated (Zendesk's come ticket by ticket) wait for it and go together as the next message.
    // No timer: while a big page loads, the browser runs timers hundreds of milliseconds late.
    let waiting = new Map<string, TicketFacts>();
    let evaluating = false;
    const release = () => {
      const tickets = [...waiting.values()];
      waiting = new Map();
      if (tickets.length === 0) return;
      evaluating = true;
      evaluations.push(
        evaluate(tickets, [], near)
          .catch(failed)
          .finally(() => {
            evaluating = false;
            release();
          }),
      );
    };
    const send = (batch: ReadonlyMap<string, TicketFacts>, now = false) => {
      for (const f of batch.values()) {
        // Sent once, and again only to make approximate facts exact (Zendesk's audits landing).
        const before = facts.get(f.key);
        if (sent.has(f.key) && !(f.exact && before && !before.exact)) continue;
        sent.add(f.key);
        facts.set(f.key, f);
        waiting.set(f.key, f);
      }
      if (now || !evaluating) release();
    };
    // Each answer is evaluated and badged as it lands, not after the last one. A navigation aborts
    // the requests; tickets still on the next page are asked for again by its run.
    const enriched = await adapter.enrich(keys, { origin, signal: runSignal, now: deps.now(), onFacts: (batch) => send(batch), inView: [...near] });
    if (runSignal.aborted) return;
    send(enriched.facts, true);
    // What the API did not give, the page may show (approximate); else the badge says unknown.
    const found = new Map([...tracked.values()].map((f) => [f.key, f]));
    const fromPage = new Map<string, TicketFacts>();
    const unreadable: string[] = [];
    for (const key of keys) {
      if (sent.has(key)) continue;
      const onPage = found.get(key);
      const f = onPage ? domFacts(onPage, adapter.source, site) : null;
      if (f) fromPage.set(key, f);
      else unreadable.push(key);
    }
    if (enriched.failure) for (const key of [...fromPage.keys(), ...unreadable]) apiFailed.set(key, enriched.failure);
    send(fromPage, true);
    if (unreadable.length > 0) evaluations.push(evaluate([], unreadable).catch(failed));
    // Each evaluation may start the next as it ends: wait for them in order, the list growing.
    for (let i = 0; i < evaluations.length; i++) await evaluations[i];
  }

  /** Compares what the page shows with what the readers found, and says so when it changed. */
  function judge(current: Run): void {
    current.settleTimer = null;
    const started = performance.now();
    const report = deps.reportPage;
    const currentUrl = current.url;
    const kind = adapter.pageKind(currentUrl, doc);
    if (!report || current.signal.aborted) return;
    if (!kind) {
      if (current.lastReport !== 'none') report({ readable: true, kind: null, found: 0, shown: 0 });
      current.lastReport = 'none';
      return;
    }
    const keys = new Set<string>();
    for (const [element, found] of tracked) {
      if (element.isConnected && !!found.isTicketView === (kind.shows === 'ticket')) keys.add(found.key);
    }
    const shown = adapter.shownTickets(doc.body, currentUrl);
    const reading = { kind, found: keys.size, shown };
    const readable = !cannotRead(reading);
    const summary = `${kind.id}:${readable}`;
    if (summary === current.lastReport) return;
    current.lastReport = summary;
    const diagnostics: PageDiagnostics | undefined = readable
      ? undefined
      : {
          source: adapter.source,
          page: kind.id,
          url: adapter.maskUrl(currentUrl),
          lang: doc.documentElement.lang.slice(0, 35),
          dir: doc.documentElement.dir.slice(0, 10) || doc.dir || 'ltr',
          found: keys.size,
          shown,
          strategies: adapter.diagnose(doc.body, currentUrl),
        };
    report({ readable, ...reading, ...(diagnostics ? { diagnostics } : {}) });
    // For `npm run bench`: when the page's status was known, and what judging it cost.
    performance.measure?.('sla-lens:page-judged', { start: started, end: performance.now() });
  }

  /** Judges the page once it has stopped adding rows (or has kept changing for too long). */
  function settleLater(current: Run): void {
    if (!deps.reportPage) return;
    const waited = deps.now() - current.started;
    if (current.settleTimer !== null) {
      if (waited + SETTLE_MS > SETTLE_MAX_MS) return;
      current.timers.clear(current.settleTimer);
    }
    current.settleTimer = current.timers.set(() => judge(current), SETTLE_MS);
  }

  function want(current: Run, key: string): void {
    if ((views.has(key) && !retry.has(key)) || current.pending.has(key) || current.inFlight.has(key)) return;
    retry.delete(key);
    current.pending.add(key);
    // Rows that appear later are gathered, as a page renders a scroll over a few frames (the
    // run's first rows are asked for at the end of its first scan: see `scan`).
    current.gatherTimer ??= current.timers.set(() => {
      current.gatherTimer = null;
      void flush(current).catch(failed);
    }, GATHER_MS);
  }

  function scan(current: Run): void {
    for (const [element] of tracked) if (!element.isConnected) tracked.delete(element);
    const fresh = new Set<string>();
    for (const found of adapter.find(doc.body, current.url)) {
      const before = tracked.get(found.element);
      if (before?.key === found.key && before.anchor === found.anchor) {
        // Asked for by a run a navigation cut short: this run asks again.
        if (!views.has(found.key)) want(current, found.key);
        continue;
      }
      // A virtualised list reuses rows for other tickets: the old figure must not stay under the new key.
      if (before) board.delete(found.element);
      tracked.set(found.element, found);
      fresh.add(found.key);
      want(current, found.key);
    }
    if (fresh.size > 0) show(fresh);
    // The rows already there when the run starts are asked for at once, not after a timer: while
    // a big page is still loading, the browser runs timers late (400 ms on a 1,000-row page).
    if (!current.flushed && current.pending.size > 0) {
      current.flushed = true;
      if (current.gatherTimer !== null) current.timers.clear(current.gatherTimer);
      current.gatherTimer = null;
      void flush(current).catch(failed);
    }
    settleLater(current);
  }

  /** A run's scope: everything it starts ends when its signal aborts. */
  interface Run {
    readonly url: URL;
    readonly signal: AbortSignal;
    abort(): void;
    readonly timers: RunTimers;
    readonly started: number;
    /** Keys waiting for the next enrichment, and keys whose enrichment is under way. */
    readonly pending: Set<string>;
    readonly inFlight: Set<string>;
    gatherTimer: unknown;
    /** Whether the run has asked for anything yet. */
    flushed: boolean;
    settleTimer: unknown;
    lastReport: string;
  }

  function newRun(at: URL): Run {
    const controller = new AbortController();
    const runSignal = AbortSignal.any([signal, controller.signal]);
    return {
      url: at,
      signal: runSignal,
      abort: () => controller.abort(),
      timers: runTimers(runSignal, deps),
      started: deps.now(),
      pending: new Set(),
      inFlight: new Set(),
      gatherTimer: null,
      flushed: false,
      settleTimer: null,
      lastReport: '',
    };
  }

  function observe(current: Run): void {
    const runSignal = current.signal;
    let frame = 0;
    const observer = new MutationObserver((mutations) => {
      // Our own badges going in or out are not news.
      const foreign = mutations.some((m) => [...m.addedNodes, ...m.removedNodes].some((n) => !isOurs(n)));
      if (!foreign || frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!runSignal.aborted) scan(current);
      });
    });
    observer.observe(doc.body, { childList: true, subtree: true });
    runSignal.addEventListener('abort', () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
    });
    scan(current);
  }

  const unsubscribe = deps.onConfigChanged((version) => {
    if (version !== null) newestVersion = Math.max(newestVersion ?? version, version);
    // The facts are still good: only the policies changed.
    void evaluate([...facts.values()], []).catch(failed);
  });

  signal.addEventListener('abort', () => {
    unsubscribe();
    board.clear();
    removeAllBadges(doc);
    removeStyle(doc);
  });

  observe(run);
  return {
    navigate(next: URL) {
      if (next.origin !== origin || next.href === run.url.href) return;
      run.abort();
      run = newRun(next);
      observe(run);
    },
    relabel() {
      board.render(deps.now(), true);
    },
  };
}

/** Whether an element is on screen or within half a screen below it (and laid out at all). */
function isNear(element: Element, view: Window): boolean {
  const rect = element.getBoundingClientRect();
  return rect.bottom >= 0 && rect.top <= view.innerHeight * 1.5 && (rect.width > 0 || rect.height > 0);
}

interface RunTimers {
  set(handler: () => void, ms: number): unknown;
  clear(id: unknown): void;
}

/** Timers that die with the run: each is cleared when the signal aborts, and never fires after. */
function runTimers(signal: AbortSignal, deps: Pick<OverlayDeps, 'setTimeout' | 'clearTimeout'>): RunTimers {
  const live = new Set<unknown>();
  signal.addEventListener('abort', () => {
    for (const id of live) deps.clearTimeout(id);
    live.clear();
  });
  return {
    set(handler, ms) {
      if (signal.aborted) return null;
      const id = deps.setTimeout(() => {
        live.delete(id);
        if (!signal.aborted) handler();
      }, ms);
      live.add(id);
      return id;
    },
    clear(id) {
      live.delete(id);
      deps.clearTimeout(id);
    },
  };
}
