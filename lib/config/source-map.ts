import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { PathSegment } from './path';

export interface Position {
  line: number;
  column: number;
}

/**
 * Line and column of the node a problem path names, read from the parsed YAML/JSON document
 * (whose nodes keep their source ranges). A path that leaves the document — a missing field —
 * points at the deepest node that exists: the object the field is missing from, by its key when
 * it has one, so the editor lands on `week:` rather than on its first child.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly PathSegment[], at: 'key' | 'value' = 'value'): Position | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown = undefined;
  let complete = true;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) {
        complete = false;
        break;
      }
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      keyNode = undefined;
      node = node.items[segment];
    } else {
      complete = false;
      break;
    }
  }
  const preferKey = !complete || at === 'key';
  const target = (preferKey && keyNode) || node || keyNode;
  const offset = rangeStart(target);
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? range[0] : undefined;
}
