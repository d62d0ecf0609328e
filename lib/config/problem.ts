import { tp } from '../i18n/core';
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

/**
 * More errors than anyone reads in one go. Producers stop looking past it, so a file of a million
 * mistakes costs a hundred sentences (each with its hints and position), not a million.
 */
export const MAX_PROBLEMS = 100;

/** The first `MAX_PROBLEMS` errors (and warnings), and one line saying how many more were found. */
export function capProblems(raw: RawProblem[]): RawProblem[] {
  const errors = raw.filter((p) => p.severity === 'error');
  const warnings = raw.filter((p) => p.severity === 'warning');
  const out = [...errors.slice(0, MAX_PROBLEMS), ...warnings.slice(0, MAX_PROBLEMS)];
  if (errors.length > MAX_PROBLEMS) {
    out.push(error([], tp('cfg_problems_capped', MAX_PROBLEMS)));
  }
  return out;
}
