/**
 * Readers as strategy lists. Markup drifts, so each part of a page that shows tickets (a queue's
 * rows, an issue view's header, a tabs bar) is read by an ordered list of strategies: the most
 * specific markup first, broader evidence after (issue-route links), legacy markup last. The first
 * strategy that yields tickets wins, and the diagnostics say which one did and what every other
 * one matched, so a report from a page we cannot read tells us which belief broke.
 *
 * Run conditions are data: each site names its page types (URL predicates, and a markup test where
 * the URL is not enough), and each surface the page types it runs on, so a board's reader never
 * runs on a queue and the tab's status names the page from the same table.
 */
import type { PageKind } from './page-status';
import type { FoundTicket } from './types';

export type Reader = (root: ParentNode, url: URL) => FoundTicket[];

export interface Strategy {
  /** Short and stable: it appears in diagnostics (`queue/cell-testid`). */
  readonly name: string;
  readonly read: Reader;
  /**
   * Narrows the surface's page types for broad evidence (any grid row with an issue link): such a
   * strategy runs only on these, never on a page of no known type.
   */
  readonly on?: readonly PageType[];
}

/** A test of a URL's shape (urls.ts): pure, never reads `location`. */
export type UrlPredicate = (url: URL) => boolean;

/**
 * A kind of page a site shows, known by its URL and, where the URL is not enough, by its markup
 * (a search whose Tickets tab is selected). Page types are tried in order; the first that holds
 * is the page's.
 */
export interface PageType {
  /** Stable, for tests and diagnostics. */
  readonly name: string;
  /** Every one must hold. */
  readonly url: readonly UrlPredicate[];
  /** Markup the page must also show; absent: the URL is enough. */
  readonly markup?: (doc: ParentNode) => boolean;
  /** What the tab's status calls the page; null where no tickets are expected of it. */
  readonly kind: PageKind | null;
}

/** A part of a page that shows tickets, read by the first of its strategies that finds any. */
export interface Surface {
  readonly name: string;
  /**
   * The page types it runs on, or `anywhere` for what opens over any page (an issue in a modal, a
   * child-issue table, a dashboard gadget's issue table).
   */
  readonly on: readonly PageType[] | 'anywhere';
  readonly strategies: readonly Strategy[];
}

/** How one site's pages are read: its page types, its surfaces, and where its rich text is. */
export interface SiteReader {
  readonly pageTypes: readonly PageType[];
  readonly surfaces: readonly Surface[];
  readonly inRichText: (el: Element) => boolean;
}

const docOf = (root: ParentNode): ParentNode => (root as Node).ownerDocument ?? root;

/** The page's type: the first whose URL predicates and markup test hold, or null. */
export function pageTypeOf(reader: SiteReader, url: URL, root: ParentNode): PageType | null {
  return reader.pageTypes.find((type) => type.url.every((holds) => holds(url)) && (type.markup?.(docOf(root)) ?? true)) ?? null;
}

const running = new WeakMap<SiteReader, Map<PageType | null, readonly Surface[]>>();

/**
 * The surfaces that run on a page of `type`, each with the strategies that run there. A page of no
 * known type gets every surface: a ticket list we have not catalogued (a dashboard, a project's
 * own issue list) must not lose its badges, and each strategy still needs its own markup to find
 * anything. Only strategies that narrow their page types stay off it.
 */
export function surfacesOn(reader: SiteReader, type: PageType | null): readonly Surface[] {
  let byType = running.get(reader);
  if (!byType) running.set(reader, (byType = new Map()));
  let surfaces = byType.get(type);
  if (!surfaces) {
    surfaces = reader.surfaces
      .filter((surface) => !type || surface.on === 'anywhere' || surface.on.includes(type))
      .map((surface) => ({ ...surface, strategies: surface.strategies.filter((s) => !s.on || (type !== null && s.on.includes(type))) }))
      .filter((surface) => surface.strategies.length > 0);
    byType.set(type, surfaces);
  }
  return surfaces;
}

/** Every ticket the surfaces that run on this page find under `root` (readSurfaces). */
export function readPage(reader: SiteReader, root: ParentNode, url: URL): FoundTicket[] {
  return readSurfaces(surfacesOn(reader, pageTypeOf(reader, url, root)), reader.inRichText, root, url);
}

/**
 * What every strategy of every surface finds on this page, for diagnostics. Surfaces that do not
 * run here are counted too (a board's cards found on a URL we took for a queue is the clue), but
 * only a running one's tickets are marked used.
 */
export function diagnosePage(reader: SiteReader, root: ParentNode, url: URL): StrategyCount[] {
  const runs = new Set(surfacesOn(reader, pageTypeOf(reader, url, root)).flatMap((surface) => surface.strategies.map((s) => `${surface.name}/${s.name}`)));
  return countStrategies(reader.surfaces, reader.inRichText, root, url, (name) => runs.has(name));
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
  /** Whether this strategy's tickets are the ones shown (the first of its surface to find any, on a page its surface runs on). */
  used: boolean;
}

/**
 * Every strategy of every surface run on its own, for diagnostics. Only structure comes out:
 * counts and names, never a key, a title or an id.
 */
export function countStrategies(surfaces: readonly Surface[], inRichText: (el: Element) => boolean, root: ParentNode, url: URL, runs: (strategy: string) => boolean = () => true): StrategyCount[] {
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
      const name = `${surface.name}/${strategy.name}`;
      // A strategy that does not run here never supplies the tickets shown.
      const used: boolean = !winner && tickets > 0 && runs(name);
      winner ||= used;
      counts.push({ strategy: name, tickets, used });
    }
  }
  return counts;
}
