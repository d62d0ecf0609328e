import { t } from '../../i18n/core';
import type { ImportProblem } from './types';

/** A place in one input file: the file's name and a path inside it. */
export interface Where {
  fileName?: string;
  path: string;
}

/** `child(w, 'filter', 'all', 2)` → `filter.all[2]`; numbers become indexes. */
export function child(where: Where, ...segments: Array<string | number>): Where {
  let path = where.path;
  for (const s of segments) {
    if (typeof s === 'number') path += `[${s}]`;
    else path = path === '' ? s : `${path}.${s}`;
  }
  return where.fileName === undefined ? { path } : { fileName: where.fileName, path };
}

/** Collects errors and warnings in the order they are found; nothing is thrown at the caller. */
export class Problems {
  readonly errors: ImportProblem[] = [];
  readonly warnings: ImportProblem[] = [];

  error(where: Where, message: string): void {
    this.errors.push(problem('error', where, message));
  }

  warn(where: Where, message: string): void {
    this.warnings.push(problem('warning', where, message));
  }
}

function problem(severity: ImportProblem['severity'], where: Where, message: string): ImportProblem {
  const p: ImportProblem = { severity, path: where.path, message };
  if (where.fileName !== undefined) p.fileName = where.fileName;
  return p;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for messages: `"abc"`, `42`, `a list`, `nothing`. */
export function describe(value: unknown): string {
  if (value === undefined || value === null) return t('cfgz_value_nothing');
  if (Array.isArray(value)) return t('cfgz_value_list');
  if (typeof value === 'object') return t('cfgz_value_object');
  return JSON.stringify(value);
}

/** How a file is named in messages that point to another file. */
export function fileLabel(where: Where): string {
  const path = where.path;
  if (where.fileName === undefined) return path === '' ? t('cfgz_file_another') : t('cfgz_file_other_at', { path });
  return path === '' ? where.fileName : t('cfgz_file_at', { file: where.fileName, path });
}
