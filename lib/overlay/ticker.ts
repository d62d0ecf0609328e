/**
 * The tab's one ticker: a single timer re-renders every badge, every 30 s, or every second while
 * a shown ticket is in its last 10 minutes or has just breached. No per-badge timers. It sleeps
 * while the tab is hidden and wakes with an immediate tick. Everything stops when `signal` aborts.
 *
 * In the content script give it WXT's context timers, bound, so an invalidated context is noticed
 * on the next tick: `setTimeout: (fn, ms) => ctx.setTimeout(fn, ms)` (or the equivalent
 * `schedule`), `signal: ctx.signal`.
 */

export const SLOW_TICK_MS = 30_000;
export const FAST_TICK_MS = 1_000;

/** `setTimeout`-like: returns a cancel function, or an id for `clearTimeout` (as `ctx.setTimeout` does). */
export type Scheduler = (fn: () => void, ms: number) => (() => void) | number | ReturnType<typeof setTimeout>;

/** What a render reports: true (or `{ fast: true }`) when a badge needs the one-second cadence. */
export type RenderResult = boolean | void | { fast: boolean };

export interface TickerOptions {
  signal: AbortSignal;
  /** Re-renders the badges at `now`. */
  render: (now: number) => RenderResult;
  now?: () => number;
  /** Plans a call; wins over `setTimeout`/`clearTimeout`. */
  schedule?: Scheduler;
  /** A `setTimeout`-like pair (WXT's `ctx.setTimeout`); `clearTimeout` defaults to the global one. */
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
  /** Whose visibility pauses the ticker. */
  document?: Document;
  /** A render that throws is reported here and the ticker carries on (nothing reaches the page). */
  onError?: (error: unknown) => void;
}

export interface Ticker {
  /** Renders now and plans the next tick: call after badges were added or their views changed. */
  tickNow(): void;
  /** Delay of the planned tick in ms; null while hidden or after abort. */
  readonly nextDelay: number | null;
}

const defaultSchedule: Scheduler = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

function fromTimeoutPair(set: TickerOptions['setTimeout'], clear: TickerOptions['clearTimeout']): Scheduler | undefined {
  if (!set) return undefined;
  return (fn, ms) => {
    const id = set(fn, ms);
    return () => (clear ? clear(id) : clearTimeout(id as ReturnType<typeof setTimeout>));
  };
}

export function createTicker(options: TickerOptions): Ticker {
  const { signal, render } = options;
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? fromTimeoutPair(options.setTimeout, options.clearTimeout) ?? defaultSchedule;
  const doc = options.document ?? document;
  const onError = options.onError ?? ((error: unknown) => console.error('SLA Lens: rendering badges failed', error));

  let cancel: (() => void) | null = null;
  let nextDelay: number | null = null;

  function clear(): void {
    cancel?.();
    cancel = null;
    nextDelay = null;
  }

  function plan(ms: number): void {
    clear();
    if (signal.aborted || doc.hidden) return;
    const handle = schedule(run, ms);
    cancel = typeof handle === 'function' ? handle : () => clearTimeout(handle);
    nextDelay = ms;
  }

  function run(): void {
    cancel = null;
    nextDelay = null;
    if (signal.aborted) return;
    let fast = false;
    try {
      const result = render(now());
      fast = result === true || (typeof result === 'object' && result !== null && result.fast);
    } catch (error) {
      onError(error);
    }
    plan(fast ? FAST_TICK_MS : SLOW_TICK_MS);
  }

  if (!signal.aborted) {
    doc.addEventListener('visibilitychange', () => (doc.hidden ? clear() : plan(0)), { signal });
    signal.addEventListener('abort', clear, { once: true });
    // Through the scheduler even when "immediate", so an invalidated WXT context stops it first.
    plan(0);
  }

  return {
    tickNow() {
      clear();
      run();
    },
    get nextDelay() {
      return nextDelay;
    },
  };
}
