import { useLayoutEffect, useReducer } from 'preact/hooks';

/**
 * A tiny observable value: the options page's stores are plain factories of these (no signals
 * library in the bundle), and components subscribe with `useValue`.
 */
export interface Value<T> {
  get(): T;
  set(next: T): void;
  update(change: (current: T) => T): void;
  subscribe(listener: (value: T) => void): () => void;
}

export function value<T>(initial: T): Value<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  const set = (next: T) => {
    if (Object.is(next, current)) return;
    current = next;
    for (const listener of [...listeners]) listener(current);
  };
  return {
    get: () => current,
    set,
    update: (change) => set(change(current)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Re-renders the component whenever the value changes. */
export function useValue<T>(source: Value<T>): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const current = source.get();
  // Layout effect: subscribed as soon as the component is in the DOM, before any input can reach it.
  useLayoutEffect(() => {
    const stop = source.subscribe(() => rerender(0));
    // A change between render and subscription would otherwise be missed.
    if (!Object.is(source.get(), current)) rerender(0);
    return stop;
  }, [source]);
  return current;
}
