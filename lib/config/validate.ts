import { formatNumber, t } from '../i18n/core';
import { checkDocument } from './check-document';
import { ConfigVersionError, migrateToLatest } from './migrate';
import { canonical } from './format';
import { inspectValue } from './limits';
import { capProblems, toProblem, type Problem, type RawProblem } from './problem';
import { resolveConfig } from './resolve';
import { configSchema } from './schema';
import { findUnreachable } from './shadowing';
import type { Position } from './source-map';
import type { ParseResult } from './types';
import { issuesToProblems } from './zod-issues';

export type Locator = (problem: RawProblem) => Position | undefined;

/**
 * A parsed document (from JSON, YAML, storage or an importer) checked in three stages: version
 * (and migration), shape (zod), then the whole-document rules. Each stage runs only if the one
 * before passed, so one mistake is not echoed as several.
 */
export function validateConfig(value: unknown): ParseResult {
  return validateWith(value, () => undefined);
}

export function validateWith(value: unknown, locate: Locator, extraWarnings: Problem[] = []): ParseResult {
  const place = (raw: RawProblem[]) => sortByPosition(capProblems(raw).map((r) => toProblem(r, locate(r))));
  const fail = (raw: RawProblem[]): ParseResult => ({
    ok: false,
    errors: place(raw.filter((p) => p.severity === 'error')),
    warnings: [...extraWarnings, ...place(raw.filter((p) => p.severity === 'warning'))],
  });

  // Before anything recurses into the value or copies it: depth, reserved keys, expanded size.
  const unsafe = inspectValue(value);
  if (unsafe) return fail([unsafe]);

  let doc: Record<string, unknown>;
  try {
    doc = migrateToLatest(value).doc;
  } catch (e) {
    if (!(e instanceof ConfigVersionError)) throw e;
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    return fail([{ severity: 'error', path: isObject ? ['version'] : [], message: e.message }]);
  }

  const shape = configSchema.safeParse(doc);
  if (!shape.success) return fail(issuesToProblems(shape.error.issues, doc, configSchema));

  const { problems, merged } = checkDocument(shape.data);
  if (problems.some((p) => p.severity === 'error')) return fail(problems);

  // The document is hashed and stored as written out; `inspectValue` bounds it, this says so plainly.
  const written = canonicalLength(shape.data);
  if (written > MAX_CANONICAL_LENGTH) {
    return fail([
      {
        severity: 'error',
        path: [],
        message: t('cfg_too_large_written', {
          size: formatNumber(written / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          max: MAX_CANONICAL_LENGTH / 1024 / 1024,
        }),
      },
    ]);
  }

  const config = resolveConfig(shape.data, merged);
  const warnings = [...problems, ...findUnreachable(shape.data, config.policies)];
  return { ok: true, config, document: shape.data, warnings: [...extraWarnings, ...place(warnings)] };
}

/** Twice the largest file SLA Lens reads: room for reformatting, none for amplification. */
export const MAX_CANONICAL_LENGTH = 10 * 1024 * 1024;

function canonicalLength(document: unknown): number {
  try {
    return canonical(document).length;
  } catch (e) {
    // Past V8's longest string JSON.stringify throws a RangeError: over any limit.
    if (e instanceof RangeError) return Infinity;
    throw e;
  }
}

/** Top to bottom in the file when positions are known; otherwise in the order found. */
function sortByPosition(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}
