import type { z } from 'zod';
import { t, tp, type MessageKey } from '../i18n/core';
import type { PathSegment } from './path';
import { error, MAX_PROBLEMS, type RawProblem } from './problem';
import { allowedKeysAt } from './schema-walk';
import { orList, quoteList, suggest } from './suggest';

/**
 * zod's issues in words an admin understands. zod's own messages ("Invalid input: expected
 * string, received undefined") are written for programmers; every code we can meet in our schema
 * gets its own sentence here.
 */
type Issue = z.core.$ZodIssue;

/** What was found, as the end of "…; found {found}." says it (`null`, `true` and `false` as JSON writes them). */
export function describeValue(value: unknown): string {
  if (value === undefined) return t('cfg_found_nothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('cfg_found_list');
  // The value as the file wrote it (`String`, not the locale's digits): it is quoted, not counted.
  if (typeof value === 'string') return t('cfg_found_text', { text: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) });
  if (typeof value === 'number') return t('cfg_found_number', { number: String(value) });
  if (typeof value === 'boolean') return `${value}`;
  return t('cfg_found_object');
}

const EXPECTED: Record<string, MessageKey> = {
  string: 'cfg_expected_text',
  number: 'cfg_expected_number',
  int: 'cfg_expected_whole_number',
  boolean: 'cfg_expected_boolean',
  array: 'cfg_expected_list',
  tuple: 'cfg_expected_list',
  object: 'cfg_expected_object',
  record: 'cfg_expected_object',
};

/** zod's name of a type in words; a type our schema never uses keeps zod's name. */
function expectedName(expected: string): string {
  const key = EXPECTED[expected];
  return key ? t(key) : expected;
}

/** Who the sentence is about: the file, an entry of a list, or a field by its (quoted) name. */
function subject(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return t('cfg_subject_file');
  return typeof last === 'number' ? t('cfg_subject_entry', { n: String(last + 1) }) : `"${last}"`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value };
}

/** zod's own messages end without a stop; ours end with their language's. */
function withStop(message: string): string {
  return /[.!?。！？]$/.test(message) ? message : `${message}.`;
}

export function issuesToProblems(issues: readonly Issue[], input: unknown, schema: z.ZodType, prefix: PathSegment[] = []): RawProblem[] {
  const out: RawProblem[] = [];
  // Past the cap the rest are dropped anyway (capProblems); hints and paths for them are wasted work.
  for (const issue of issues) {
    if (out.length > MAX_PROBLEMS) break;
    out.push(...issueToProblems(issue, input, schema, [...prefix, ...(issue.path as PathSegment[])]));
  }
  return out;
}

function issueToProblems(issue: Issue, input: unknown, schema: z.ZodType, path: PathSegment[]): RawProblem[] {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, path);
      return issue.keys.slice(0, MAX_PROBLEMS + 1).map((key) => {
        const hint = suggest(key, allowed);
        const name = key.length > 64 ? `${key.slice(0, 64)}…` : key;
        const message = hint !== null ? t('cfg_unknown_field_hint', { name, hint }) : t('cfg_unknown_field', { name, allowed: allowed.join(', ') });
        return error([...path, key], message, 'key');
      });
    }
    case 'invalid_type': {
      const parent = valueAt(input, path.slice(0, -1));
      const key = path[path.length - 1];
      const here = valueAt(input, path);
      if (here.value === undefined && typeof key === 'string' && parent.found) {
        return [error(path, t('cfg_missing_field', { name: key }), 'key')];
      }
      // A schema may word its own type error where the likely slip is known (`objective: 95`
      // lacks only the % sign); zod's own words, which start "Invalid input", are replaced.
      if (!issue.message.startsWith('Invalid input')) return [error(path, withStop(issue.message))];
      return [error(path, t('cfg_must_be', { subject: subject(path), expected: expectedName(issue.expected), found: describeValue(here.value) }))];
    }
    case 'invalid_value': {
      const found = valueAt(input, path).value;
      const hint = typeof found === 'string' ? suggest(found, issue.values.map(String)) : null;
      const vars = { subject: subject(path), found: describeValue(found), ...(hint !== null ? { hint } : {}) };
      const message =
        issue.values.length === 1
          ? t(hint !== null ? 'cfg_must_be_value_hint' : 'cfg_must_be_value', { ...vars, value: JSON.stringify(issue.values[0]) })
          : t(hint !== null ? 'cfg_must_be_one_of_hint' : 'cfg_must_be_one_of', { ...vars, values: quoteList(issue.values) });
      return [error(path, message)];
    }
    case 'too_small': {
      if (issue.origin === 'array') return [error(path, tp('cfg_min_values', Number(issue.minimum), { subject: subject(path) }))];
      if (issue.origin === 'string') return [error(path, t('cfg_must_not_be_empty', { subject: subject(path) }))];
      return [error(path, withStop(issue.message))];
    }
    case 'invalid_union':
      return unionProblems(issue, input, schema, path);
    default:
      return [error(path, withStop(issue.message))];
  }
}

/**
 * A union fails as a whole; we explain the option the writer most likely meant: the one whose
 * type matched and that has the fewest complaints. When no option's type matched, we list the types.
 */
function unionProblems(issue: Extract<Issue, { code: 'invalid_union' }>, input: unknown, schema: z.ZodType, path: PathSegment[]): RawProblem[] {
  const branches = issue.errors;
  const typeMatched = branches.filter((b) => !(b.length === 1 && b[0]!.code === 'invalid_type' && b[0]!.path.length === 0));
  if (typeMatched.length === 0) {
    const expected = [...new Set(branches.flatMap((b) => b.map((i) => (i.code === 'invalid_type' ? expectedName(i.expected) : ''))))].filter(Boolean);
    const found = valueAt(input, path);
    if (found.value === undefined && typeof path[path.length - 1] === 'string' && valueAt(input, path.slice(0, -1)).found) {
      return [error(path, t('cfg_missing_field', { name: String(path[path.length - 1]) }), 'key')];
    }
    return [error(path, t('cfg_must_be', { subject: subject(path), expected: orList(expected), found: describeValue(found.value) }))];
  }
  const best = typeMatched.reduce((a, b) => (b.length < a.length ? b : a));
  return issuesToProblems(best, input, schema, path);
}
