/**
 * Readers as strategy lists. Markup drifts, so each part of a page that shows tickets (a queue's
 * rows, an issue view's header, a tabs bar) is read by an ordered list of strategies: the most
 * specific markup first, broader evidence after (issue-route links), legacy markup last. The first
 * strategy that yields tickets wins, and the diagnostics say which one did and what every other
 * one matched, so a report from a page we cannot read tells us which belief broke.
 */
import type { FoundTicket } from './types';

export type Reader = (root: ParentNode, url: URL) => FoundTicket[];

export interface Strategy {
  /** Short and stable: it appears in diagnostics (`queue/cell-testid`). */
  readonly name: string;
  readonly read: Reader;
}

/** A part of a page that shows tickets, read by the first of its strategies that finds any. */
export interface Surface {
  readonly name: string;
  readonly strategies: readonly Strategy[];
}

/**
 * The first strategy's tickets (rich text left out), or none: later strategies run only when
 * earlier ones find nothing.
 */
export function readSurface(surface: Surface, inRichText: (el: Element) => boolean, root: ParentNode, url: URL): FoundTicket[] {
  for (const strategy of surface.strategies) {
    const found = strategy.read(root, url).filter((t) => !inRichText(t.element));
    if (found.length > 0) return found;
  }
  return [];
}

/** Strip fields the page did not show, so `dom` holds only what is there. */
export function compact<T extends FoundTicket['dom']>(dom: T): T {
  return Object.fromEntries(Object.entries(dom).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * Every ticket of every surface under `root`: one ticket per element (an element claimed by an
 * earlier surface is not read again by a later one), never inside rich text, and `dom` holding
 * only what the page showed.
 */
export function readSurfaces(surfaces: readonly Surface[], inRichText: (el: Element) => boolean, root: ParentNode, url: URL): FoundTicket[] {
  const seen = new Set<Element>();
  const found: FoundTicket[] = [];
  for (const surface of surfaces) {
    for (const ticket of readSurface(surface, inRichText, root, url)) {
      if (seen.has(ticket.element)) continue;
      seen.add(ticket.element);
      found.push({ ...ticket, dom: compact(ticket.dom) });
    }
  }
  return found;
}

/** What one strategy found on the page: a count, never the tickets themselves. */
export interface StrategyCount {
  /** `surface/strategy`. */
  strategy: string;
  /** Distinct tickets (by key) outside rich text. */
  tickets: number;
  /** Whether this strategy's tickets are the ones shown (the first of its surface to find any). */
  used: boolean;
}

/**
 * Every strategy of every surface run on its own, for diagnostics. Only structure comes out:
 * counts and names, never a key, a title or an id.
 */
export function countStrategies(surfaces: readonly Surface[], inRichText: (el: Element) => boolean, root: ParentNode, url: URL): StrategyCount[] {
  const counts: StrategyCount[] = [];
  for (const surface of surfaces) {
    let winner = false;
    for (const strategy of surface.strategies) {
      let tickets = 0;
      try {
        tickets = new Set(
          strategy
            .read(root, url)
            .filter((t) => !inRichText(t.element))
            .map((t) => t.key),
        ).size;
      } catch {
        // A strategy that throws on odd markup counts as finding nothing; the page must not break.
      }
      const used: boolean = !winner && tickets > 0;
      winner ||= used;
      counts.push({ strategy: `${surface.name}/${strategy.name}`, tickets, used });
    }
  }
  return counts;
}
