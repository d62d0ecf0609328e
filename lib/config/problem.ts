import { formatPath, type PathSegment } from './path';

/** One thing wrong (error: blocks the import) or doubtful (warning: shown, does not block) in a config file. */
export interface Problem {
  severity: 'error' | 'warning';
  /** Where, rooted at the file: `policies[3].targets.High.resolution`; `""` for the file itself. */
  path: string;
  /** A sentence a non-programmer understands. */
  message: string;
  /** 1-based, when the problem came from text (`parseConfigText`). */
  line?: number;
  column?: number;
}

/**
 * A problem before it is placed in the text: `at` says whether line/column should point at the
 * key (unknown field, missing field inside it) or at the value.
 */
export interface RawProblem {
  severity: 'error' | 'warning';
  path: PathSegment[];
  message: string;
  at?: 'key' | 'value';
}

export function error(path: PathSegment[], message: string, at?: 'key' | 'value'): RawProblem {
  return { severity: 'error', path, message, ...(at ? { at } : {}) };
}

export function warning(path: PathSegment[], message: string, at?: 'key' | 'value'): RawProblem {
  return { severity: 'warning', path, message, ...(at ? { at } : {}) };
}

export function toProblem(raw: RawProblem, position?: { line: number; column: number }): Problem {
  return { severity: raw.severity, path: formatPath(raw.path), message: raw.message, ...(position ?? {}) };
}
