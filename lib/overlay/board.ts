/**
 * The badges a tab tracks: ticket element → its view. The controller adds, updates and drops
 * tickets; the ticker calls `render`. A render re-evaluates only the badges whose words can have
 * changed since they were drawn (each knows when that is: `changesAt`), and `upsertBadge` writes
 * to the DOM only what differs.
 *
 *   const board = createBadgeBoard({ signal: ctx.signal });
 *   const ticker = createTicker({ signal: ctx.signal, render: (now) => board.render(now),
 *                                 schedule: (fn, ms) => ctx.setTimeout(fn, ms) });
 *   board.setCalendars(response.calendars);
 *   for (const found of tickets) board.set(found, viewsByKey.get(found.key)!, Date.now());
 *   ticker.tickNow(); // picks the cadence the new badges need
 */
import type { CalendarSpec } from '../sla/index';
import { calendarFor, type CalendarSpecs } from '../view/calendars';
import type { SlaView } from '../view/types';
import { agingFor, badgeFor, type BadgeTextOptions } from './badge-text';
import { removeBadge, upsertAging, upsertBadge, type BadgeTarget } from './badge';

export interface BadgeBoardOptions {
  /** The user's locale and time zone for due times (default: the browser's). */
  text?: BadgeTextOptions;
  /** On abort every tracked badge is removed. */
  signal?: AbortSignal;
}

export interface BadgeBoard {
  /** Adds (or replaces by id) the calendars an `EvaluateResponse` refers to; compiled once. Call before `set`. */
  setCalendars(specs: Readonly<Record<string, CalendarSpec>>): void;
  /** Tracks a ticket element, or gives it a new view or anchor, and renders its badge at `now`. */
  set(target: BadgeTarget, view: SlaView, now: number): void;
  /** Stops tracking a ticket element and removes its badge. */
  delete(element: Element): void;
  /**
   * Re-renders at `now` what may have changed (all with `force`); forgets elements that left the
   * document. Returns true when a shown badge needs the one-second cadence.
   */
  render(now: number, force?: boolean): boolean;
  /** Forgets every ticket and removes its badge. */
  clear(): void;
  readonly size: number;
}

interface Entry {
  target: BadgeTarget;
  view: SlaView;
  renderedAt: number;
  fast: boolean;
  changesAt: number;
}

export function createBadgeBoard(options: BadgeBoardOptions = {}): BadgeBoard {
  const text = options.text ?? {};
  let calendars: CalendarSpecs = {};
  const entries = new Map<Element, Entry>();

  function draw(entry: Entry, now: number): void {
    const rendered = badgeFor(entry.view, calendars, now, text);
    const badge = upsertBadge(entry.target, rendered);
    const aging = agingFor(entry.view, calendars, now, text);
    upsertAging(badge, entry.target.key, aging.flag);
    entry.renderedAt = now;
    entry.fast = rendered.fast;
    entry.changesAt = Math.min(rendered.changesAt, aging.changesAt);
  }

  const board: BadgeBoard = {
    setCalendars(specs) {
      let changed = false;
      for (const [id, spec] of Object.entries(specs)) {
        // The same calendar in a new object compiles to the same one: nothing to redraw.
        if (calendars[id] === spec || (calendars[id] !== undefined && calendarFor(calendars, id) === calendarFor(specs, id))) continue;
        calendars = { ...calendars, [id]: spec };
        changed = true;
      }
      // Badges drawn before (maybe `unknown` for want of a calendar) are redrawn on the next render;
      // every answer carries its calendars, and most bring none that is new.
      if (changed) for (const entry of entries.values()) entry.changesAt = -Infinity;
    },
    set(target, view, now) {
      let entry = entries.get(target.element);
      if (entry) {
        entry.target = target;
        entry.view = view;
      } else {
        entry = { target, view, renderedAt: now, fast: false, changesAt: now };
        entries.set(target.element, entry);
      }
      draw(entry, now);
    },
    delete(element) {
      entries.delete(element);
      removeBadge(element);
    },
    render(now, force = false) {
      let fast = false;
      for (const [element, entry] of entries) {
        // Only badges whose words can have changed are evaluated again (a clock that jumped, a
        // sleeping laptop, passes changesAt forwards or goes back before renderedAt). The number
        // is compared first: every DOM access from a content script crosses into the page.
        if (force || now >= entry.changesAt || now < entry.renderedAt) {
          if (!element.isConnected) {
            entries.delete(element);
            removeBadge(element);
            continue;
          }
          draw(entry, now);
        }
        if (entry.fast) fast = true;
      }
      return fast;
    },
    clear() {
      for (const element of entries.keys()) removeBadge(element);
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };

  options.signal?.addEventListener('abort', () => board.clear(), { once: true });
  return board;
}
