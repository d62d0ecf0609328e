import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { importZendesk } from './import-zendesk';
import type { ConfigV1Like, ImportInput, ImportProblem } from './types';

/** A reference example from `__fixtures__/`, as the caller would pass it: parsed, with its file name. */
export function fixture(name: string, extra: Partial<ImportInput> = {}): ImportInput {
  const value: unknown = JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
  return { value, fileName: name, ...extra };
}

/** Imports and insists on success; returns the document and the warnings. */
export function imported(...inputs: ImportInput[]): { document: ConfigV1Like; warnings: ImportProblem[] } {
  const result = importZendesk(inputs);
  if (!result.ok) expect.fail(`expected the import to succeed, got: ${result.errors.map((e) => `${e.path}: ${e.message}`).join(' | ')}`);
  return result;
}

/** Imports and insists on failure; returns the errors. */
export function failed(...inputs: ImportInput[]): ImportProblem[] {
  const result = importZendesk(inputs);
  if (result.ok) expect.fail('expected the import to fail');
  return result.errors;
}

export const WEEKDAYS_9_TO_5 = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
};
