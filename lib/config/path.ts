/**
 * Problem paths in the `policies[3].targets.High.resolution` notation, rooted at the file.
 * Keys that would be ambiguous in dotted form (spaces, dots, brackets) are quoted: `fields["Customer tier"]`.
 */
export type PathSegment = string | number;

const PLAIN_KEY = /^[^\s.[\]"]+$/;

/** A key longer than this is cut in paths: a path names a place, it need not repeat a pasted megabyte. */
const MAX_KEY_IN_PATH = 64;

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const whole = String(s);
      const key = whole.length > MAX_KEY_IN_PATH ? `${whole.slice(0, MAX_KEY_IN_PATH)}…` : whole;
      if (PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

const TOKEN = /([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;

/** Segments of a path the engine or `formatPath` wrote (`week.tue[1][0]`, `holidays[2].from`). */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const m of path.matchAll(TOKEN)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
  }
  return out;
}

/** The engine's calendar-relative path as segments, ready to be rooted under `calendars[i]`. */
export const pathFromEngine = parsePath;
