// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAST_TICK_MS, SLOW_TICK_MS, createTicker, type Scheduler } from './ticker';

/** A scheduler the test drives: nothing runs until `fire()`. */
function manualScheduler() {
  const timers: Array<{ fn: () => void; ms: number; live: boolean }> = [];
  const schedule: Scheduler = (fn, ms) => {
    const t = { fn, ms, live: true };
    timers.push(t);
    return () => void (t.live = false);
  };
  return {
    schedule,
    /** Delays of the timers still pending. */
    pending: () => timers.filter((t) => t.live).map((t) => t.ms),
    fire() {
      const t = timers.find((x) => x.live);
      if (!t) throw new Error('no timer pending');
      t.live = false;
      t.fn();
    },
  };
}

let hidden = false;
Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
function setHidden(value: boolean) {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => {
  hidden = false;
  vi.useRealTimers();
});

function setup(fast: () => boolean = () => false) {
  const clock = manualScheduler();
  const controller = new AbortController();
  let t = 1_000_000;
  const renders: number[] = [];
  const ticker = createTicker({
    signal: controller.signal,
    schedule: clock.schedule,
    now: () => (t += 1),
    render: (now) => {
      renders.push(now);
      return fast();
    },
  });
  return { clock, controller, renders, ticker };
}

describe('createTicker', () => {
  it('starts with an immediate tick, then every 30 s', () => {
    const { clock, renders } = setup();
    expect(clock.pending()).toEqual([0]);
    expect(renders).toHaveLength(0);
    clock.fire();
    expect(renders).toHaveLength(1);
    expect(clock.pending()).toEqual([SLOW_TICK_MS]);
    clock.fire();
    expect(renders).toHaveLength(2);
    expect(clock.pending()).toEqual([SLOW_TICK_MS]);
  });

  it('ticks every second while a badge needs it, and slows down after', () => {
    let fast = true;
    const { clock } = setup(() => fast);
    clock.fire();
    expect(clock.pending()).toEqual([FAST_TICK_MS]);
    clock.fire();
    expect(clock.pending()).toEqual([FAST_TICK_MS]);
    fast = false;
    clock.fire();
    expect(clock.pending()).toEqual([SLOW_TICK_MS]);
  });

  it('tickNow() renders now and replaces the planned tick (one timer, never two)', () => {
    let fast = false;
    const { clock, renders, ticker } = setup(() => fast);
    clock.fire();
    fast = true;
    ticker.tickNow();
    expect(renders).toHaveLength(2);
    expect(clock.pending()).toEqual([FAST_TICK_MS]);
    expect(ticker.nextDelay).toBe(FAST_TICK_MS);
  });

  it('sleeps while the tab is hidden and wakes with an immediate tick', () => {
    const { clock, renders, ticker } = setup();
    clock.fire();
    setHidden(true);
    expect(clock.pending()).toEqual([]);
    expect(ticker.nextDelay).toBeNull();
    setHidden(false);
    expect(clock.pending()).toEqual([0]);
    clock.fire();
    expect(renders).toHaveLength(2);
    expect(clock.pending()).toEqual([SLOW_TICK_MS]);
  });

  it('tickNow() while hidden renders but plans nothing', () => {
    const { clock, renders, ticker } = setup();
    setHidden(true);
    ticker.tickNow();
    expect(renders).toHaveLength(1);
    expect(clock.pending()).toEqual([]);
  });

  it('stops on abort: no timer, no listener, tickNow() does nothing', () => {
    const { clock, controller, renders, ticker } = setup();
    clock.fire();
    controller.abort();
    expect(clock.pending()).toEqual([]);
    setHidden(true);
    setHidden(false);
    ticker.tickNow();
    expect(clock.pending()).toEqual([]);
    expect(renders).toHaveLength(1);
  });

  it('does nothing with an already aborted signal', () => {
    const clock = manualScheduler();
    const render = vi.fn();
    createTicker({ signal: AbortSignal.abort(), schedule: clock.schedule, render });
    expect(clock.pending()).toEqual([]);
    expect(render).not.toHaveBeenCalled();
  });

  it('a render that throws is reported and the ticker carries on', () => {
    const clock = manualScheduler();
    const onError = vi.fn();
    createTicker({
      signal: new AbortController().signal,
      schedule: clock.schedule,
      onError,
      render: () => {
        throw new Error('boom');
      },
    });
    clock.fire();
    expect(onError).toHaveBeenCalledOnce();
    expect(clock.pending()).toEqual([SLOW_TICK_MS]);
  });

  it('accepts a scheduler that returns an id, like WXT’s ctx.setTimeout', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const render = vi.fn(() => false);
    createTicker({ signal: controller.signal, render, schedule: (fn, ms) => setTimeout(fn, ms) });
    vi.advanceTimersByTime(0);
    expect(render).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(SLOW_TICK_MS);
    expect(render).toHaveBeenCalledTimes(2);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('accepts a setTimeout/clearTimeout pair and { fast } results', () => {
    const ids: number[] = [];
    const cleared: unknown[] = [];
    const fns: Array<() => void> = [];
    const controller = new AbortController();
    createTicker({
      signal: controller.signal,
      render: () => ({ fast: true }),
      setTimeout: (fn, ms) => {
        fns.push(fn);
        ids.push(ms);
        return `id-${ids.length}`;
      },
      clearTimeout: (id) => cleared.push(id),
    });
    fns[0]!();
    expect(ids).toEqual([0, FAST_TICK_MS]);
    controller.abort();
    expect(cleared).toEqual(['id-2']);
  });

  it('uses setTimeout by default', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const render = vi.fn(() => true);
    createTicker({ signal: controller.signal, render });
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(3 * FAST_TICK_MS);
    expect(render).toHaveBeenCalledTimes(4);
    controller.abort();
    vi.advanceTimersByTime(SLOW_TICK_MS);
    expect(render).toHaveBeenCalledTimes(4);
    expect(vi.getTimerCount()).toBe(0);
  });
});
