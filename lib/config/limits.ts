import { CST, isScalar, Lexer, visit, type Document } from 'yaml';
import { t, tp } from '../i18n/core';
import { MAX_NESTING } from './json-syntax';
import type { PathSegment } from './path';
import { error, type RawProblem } from './problem';

/**
 * Bounds on what an imported file may cost before and after parsing. A configuration comes from
 * a vendor or a colleague; whatever it holds, checking it must end quickly with a listed problem,
 * never a frozen tab or a stack overflow.
 */

/**
 * Aliases in one YAML file. Sharing a block of hours among calendars needs a handful; each alias
 * also costs yaml a scan of every anchor before it, so a million of them is quadratic.
 */
export const MAX_ALIASES = 200;

/**
 * Values plus characters of text, counting what aliases stand for each time they are used. A
 * 5 MB file without aliases stays below it; a flat ×100 copy of a large anchor does not, and
 * would otherwise be copied by zod, written out by `canonical` and stored in the history.
 */
export const MAX_VALUE_WEIGHT = 10 * 1024 * 1024;

/** Keys that mean something to JavaScript objects: zod drops `__proto__` from records silently. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const CONTROL = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/**
 * The offset at which the text nests collections deeper than `MAX_NESTING`, or null. Runs on
 * yaml's lexer (iterative, and it knows exactly which text is a quoted or block scalar) before the
 * composer, which recurses once per level: 100,000 levels overflow the stack, and a few thousand
 * already made V8 abort the process while compiling a pattern on the exhausted stack.
 *
 * The count is an upper bound of the composer's depth only up to a factor: open flow brackets, plus
 * the block indicators (`-`, `?`, `key:`) still open at smaller indentation or on the same line. A
 * sequence written at its key's own indentation is undercounted, so the composer may go up to about
 * twice as deep; the exact depth is checked after composing (`documentFaults`, `inspectValue`).
 */
export function nestingFault(text: string): number | null {
  const block: number[] = [];
  let flow = 0;
  let offset = 0;
  let column = 0;
  let lineStart = true;
  let nodeColumn = 0;
  let pendingNode = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    const type: string | null = scalarNext ? 'scalar-text' : CST.tokenType(token);
    scalarNext = type === 'scalar';
    if (CONTROL.has(type ?? '')) continue;
    const at = offset;
    offset += token.length;
    if (type === 'newline') {
      column = 0;
      lineStart = true;
      continue;
    }
    const start = column;
    column += token.length;
    if (type === 'space' || type === 'comment') continue;
    if (lineStart) {
      lineStart = false;
      if (flow === 0) {
        while (block.length > 0 && block[block.length - 1]! >= start) block.pop();
        nodeColumn = start;
        pendingNode = false;
      }
    }
    if (pendingNode) {
      nodeColumn = start;
      pendingNode = false;
    }
    switch (type) {
      case 'seq-item-ind':
      case 'explicit-key-ind':
        block.push(start);
        pendingNode = true;
        break;
      case 'map-value-ind':
        if (flow === 0 && block[block.length - 1] !== nodeColumn) block.push(nodeColumn);
        pendingNode = true;
        break;
      case 'flow-seq-start':
      case 'flow-map-start':
        flow++;
        break;
      case 'flow-seq-end':
      case 'flow-map-end':
        if (flow > 0) flow--;
        break;
      default:
        break;
    }
    if (block.length + flow > MAX_NESTING) return at;
  }
  return null;
}

/** A fault found in the composed YAML document, at a source offset. */
export interface DocumentFault {
  message: string;
  offset: number;
}

/**
 * Repeated keys and too many aliases, found in one linear pass. yaml's own `uniqueKeys` compares
 * each key with every earlier key of its map: 40,000 keys took 18 s, a 5 MB file would take an hour.
 */
export function documentFaults(doc: Document): DocumentFault[] {
  const faults: DocumentFault[] = [];
  let aliases = 0;
  visit(doc, {
    Alias(_key, node) {
      if (++aliases > MAX_ALIASES) {
        faults.push({
          message: tp('cfg_too_many_aliases', MAX_ALIASES),
          offset: node.range?.[0] ?? 0,
        });
        return visit.BREAK;
      }
      return undefined;
    },
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // yaml compares scalar keys by value and other keys by identity; so do we.
        if (!isScalar(pair.key)) continue;
        const value = pair.key.value;
        if (seen.has(value)) {
          const name = String(value);
          faults.push({
            message: t('cfg_field_twice', { name: JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}…` : name) }),
            offset: pair.key.range?.[0] ?? 0,
          });
        } else seen.add(value);
      }
    },
  });
  return faults;
}

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: PathSegment | null;
}

function pathOf(frame: Frame): PathSegment[] {
  const path: PathSegment[] = [];
  for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * The first reason a parsed value cannot be checked safely, with its path: nested deeper than
 * `MAX_NESTING` (also what a circular alias becomes), a key JavaScript reserves, or more weight than
 * `MAX_VALUE_WEIGHT` counting shared values each time they appear. Iterative, and it stops at the
 * first fault, so its own work is bounded by the weight limit whatever the value.
 */
export function inspectValue(root: unknown): RawProblem | null {
  const stack: Frame[] = [{ value: root, depth: 0, parent: null, key: null }];
  let weight = 1;
  const tooLarge = (frame: Frame) => error(pathOf(frame), tp('cfg_too_large_expanded', MAX_VALUE_WEIGHT));
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (typeof value === 'string') {
      weight += value.length;
      if (weight > MAX_VALUE_WEIGHT) return tooLarge(frame);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (frame.depth >= MAX_NESTING) return error(pathOf(frame), tp('cfg_too_deep_alias', MAX_NESTING));
    const depth = frame.depth + 1;
    if (Array.isArray(value)) {
      weight += value.length;
      if (weight > MAX_VALUE_WEIGHT) return tooLarge(frame);
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] as unknown, depth, parent: frame, key: i });
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (RESERVED_KEYS.has(key)) {
        return error([...pathOf(frame), key], t('cfg_reserved_name', { name: key }), 'key');
      }
      weight += 1 + key.length;
    }
    if (weight > MAX_VALUE_WEIGHT) return tooLarge(frame);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], depth, parent: frame, key: keys[i]! });
  }
  return null;
}
