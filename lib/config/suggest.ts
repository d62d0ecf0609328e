import { t, tp } from '../i18n/core';

/**
 * Longer than any field, calendar or policy name worth a "did you mean": beyond it no hint is
 * offered, so a pasted megabyte next to another costs nothing (the table is length × length).
 */
export const MAX_SUGGEST_LENGTH = 64;

/** A name as messages quote it: at most 64 characters, so a pasted megabyte is not echoed per problem. */
export function clip(name: string): string {
  return name.length > MAX_SUGGEST_LENGTH ? `${name.slice(0, MAX_SUGGEST_LENGTH)}…` : name;
}

/** Among more names than this a guess is more noise than help, and each costs a table. */
export const MAX_SUGGEST_CANDIDATES = 200;

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string alignment), for
 * "did you mean" hints on a handful of short names: "emae" is one slip away from "emea". Three
 * rows, since the swap looks two rows back.
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/**
 * The closest candidate, if it is close enough to be a plausible typo: at most a third of the
 * word's length (at least one edit from three letters on), ignoring case.
 */
export function suggest(word: string, candidates: Iterable<string>): string | null {
  if (word.length > MAX_SUGGEST_LENGTH) return null;
  const list: string[] = [];
  for (const c of candidates) {
    if (list.length === MAX_SUGGEST_CANDIDATES) return null;
    if (c.length <= MAX_SUGGEST_LENGTH) list.push(c);
  }
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

/** Longer lists are cut ("… and 37 more"): a message repeated per problem must stay a sentence. */
const MAX_QUOTED = 12;

/** `"a", "b" or "c"` in the language in use; past 12 values, the first 12 and how many more. */
export function quoteList(values: readonly unknown[]): string {
  const quote = (v: unknown) => JSON.stringify(typeof v === 'string' ? clip(v) : v);
  if (values.length > MAX_QUOTED) return tp('cfg_list_more', values.length - MAX_QUOTED, { items: values.slice(0, MAX_QUOTED).map(quote).join(', ') });
  return orList(values.map(quote));
}

/**
 * Alternatives, `a, b or c`. Not `Intl.ListFormat`: its English puts a comma before "or", and
 * the English of these messages has none; the language's "or" comes from the catalog.
 */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('cfg_list_or', { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}

/** All of them, `a, b and c` (no comma before "and", as the English of these messages writes it). */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return t('cfg_list_and', { items: items.slice(0, -1).join(', '), last: items[items.length - 1]! });
}
