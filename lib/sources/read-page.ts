/**
 * What every adapter's `find` does with its readers: runs them in order, one ticket per element
 * (an element claimed by one reader is not read again by another), never inside rich text, and
 * keeps in `dom` only what the page showed.
 */
import type { FoundTicket } from './types';

export type Reader = (root: ParentNode, url: URL) => FoundTicket[];

/** Strip fields the page did not show, so `dom` holds only what is there. */
export function compact<T extends FoundTicket['dom']>(dom: T): T {
  return Object.fromEntries(Object.entries(dom).filter(([, v]) => v !== undefined && v !== '')) as T;
}

export function readAll(readers: readonly Reader[], inRichText: (el: Element) => boolean, root: ParentNode, url: URL): FoundTicket[] {
  const seen = new Set<Element>();
  const found: FoundTicket[] = [];
  for (const read of readers) {
    for (const ticket of read(root, url)) {
      if (seen.has(ticket.element) || inRichText(ticket.element)) continue;
      seen.add(ticket.element);
      found.push({ ...ticket, dom: compact(ticket.dom) });
    }
  }
  return found;
}
