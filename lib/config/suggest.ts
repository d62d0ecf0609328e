/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment), for
 * "did you mean" hints on a handful of short names: "emae" is one slip away from "emea".
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The closest candidate, if it is close enough to be a plausible typo: at most a third of the
 * word's length (at least one edit from three letters on), ignoring case.
 */
export function suggest(word: string, candidates: Iterable<string>): string | null {
  const list = [...candidates];
  let best: string | null = null;
  let bestDistance = Infinity;
  const w = word.toLowerCase();
  // A spelled-out form of an abbreviation ("monday" for "mon", "calendars" for "calendar").
  for (const c of list) {
    const lc = c.toLowerCase();
    if (lc.length >= 3 && w.length >= 3 && (w.startsWith(lc) || lc.startsWith(w))) return c;
  }
  for (const c of list) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = word.length >= 3 ? Math.max(1, Math.floor(word.length / 3)) : 0;
  return best !== null && bestDistance <= limit ? best : null;
}

/** ' — did you mean "calendar"?' or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const s = suggest(word, candidates);
  return s === null ? '' : ` — did you mean "${s}"?`;
}

export function quoteList(values: readonly unknown[]): string {
  const q = values.map((v) => JSON.stringify(v));
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}
