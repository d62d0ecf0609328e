/**
 * DOM helpers every source's page readers share. Page text is only ever read as text. What an
 * element means (a key, a status, a rich-text area) is each vendor's own, in its `dom.ts` and
 * `selectors.ts`.
 */

/** Visible text, whitespace collapsed; undefined when empty. */
export function text(el: Element | null | undefined): string | undefined {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Every element under `root` matching `selector`, `root` itself included. */
export function all(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  if (isElement(root) && root.matches(selector)) found.unshift(root);
  return found;
}

// By shape rather than `instanceof Element`, whose answer depends on the realm the node came from.
export const isElement = (node: unknown): node is Element => typeof (node as Element | null)?.matches === 'function';

/**
 * A test for "inside what `selector` matches": each vendor passes its rich-text areas (a
 * description, a comment, an editor), where a mentioned key or ticket number is only a word.
 */
export const within =
  (selector: string) =>
  (el: Element): boolean =>
    el.closest(selector) !== null;
