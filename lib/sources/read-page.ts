/**
 * Kept while the adapters move to surfaces (strategies.ts): each reader is a surface of one strategy.
 */
import { readSurfaces, type Reader } from './strategies';
import type { FoundTicket } from './types';

export { compact, type Reader } from './strategies';

export function readAll(readers: readonly Reader[], inRichText: (el: Element) => boolean, root: ParentNode, url: URL): FoundTicket[] {
  return readSurfaces(
    readers.map((read, i) => ({ name: String(i), strategies: [{ name: 'only', read }] })),
    inRichText,
    root,
    url,
  );
}
