/**
 * How many tickets a page appears to show, counted from evidence that does not depend on the
 * readers' markup beliefs: the grid rows and table rows of any list (ARIA roles and plain tables
 * are what screen readers and every table component keep), and the distinct tickets that the
 * page's links point to. The readers can be wrong about a page; this count is how we notice.
 */

export interface ShownOptions {
  /** The ticket a link points to, from its resolved href, or null. */
  linkKey(link: HTMLAnchorElement): string | null;
  /** Attributes that carry a ticket key or id on a row or card (`data-issue-key`). */
  keyAttributes?: readonly string[];
  /** Whether the value of one of those attributes is a ticket key. */
  isKey?(value: string): boolean;
  /**
   * Containers whose contents are not shown tickets: descriptions, comments and editors (what they
   * mention), hidden workspaces. Found once; each candidate is then checked against the few found,
   * not walked up to the root: a 1,000-row page stays cheap. (Our badges hold no row, link or key
   * attribute, and a page has a thousand of them: they are not containers to list here.)
   */
  exclude: string;
}

const MANY_CONTAINERS = 32;

const isHeaderRow = (row: Element): boolean => row.querySelector('[role="columnheader"], th') !== null || row.closest('thead') !== null;

/** The largest of: data rows, distinct linked tickets, distinct keyed elements. */
export function countShownTickets(root: ParentNode, options: ShownOptions): number {
  const excluded = [...root.querySelectorAll(options.exclude)];
  // Against a few containers, `contains` on each is cheapest; against many, one walk up per candidate.
  const hidden =
    excluded.length === 0 ? () => false : excluded.length <= MANY_CONTAINERS ? (el: Element) => excluded.some((x) => x.contains(el)) : (el: Element) => el.closest(options.exclude) !== null;
  const rows = new Set<Element>();
  for (const row of root.querySelectorAll('[role="row"], tbody > tr')) {
    if (isHeaderRow(row) || hidden(row)) continue;
    // A grid row inside a table row (or the reverse) is one row.
    const outer = row.parentElement?.closest('[role="row"], tbody > tr');
    if (outer && rows.has(outer)) continue;
    if ((row.textContent ?? '').trim() !== '') rows.add(row);
  }

  const linked = new Set<string>();
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const key = options.linkKey(link);
    if (key && !linked.has(key) && !hidden(link)) linked.add(key);
  }

  const keyed = new Set<string>();
  const attributes = options.keyAttributes ?? [];
  if (attributes.length > 0 && options.isKey) {
    for (const el of root.querySelectorAll(attributes.map((a) => `[${a}]`).join(', '))) {
      if (hidden(el)) continue;
      for (const a of attributes) {
        const value = el.getAttribute(a)?.trim() ?? '';
        if (options.isKey(value)) keyed.add(value);
      }
    }
  }
  return Math.max(rows.size, linked.size, keyed.size);
}
