import type { z } from 'zod';
import type { PathSegment } from './path';
import { error, MAX_PROBLEMS, type RawProblem } from './problem';
import { allowedKeysAt } from './schema-walk';
import { didYouMean, quoteList } from './suggest';

/**
 * zod's issues in words an admin understands. zod's own messages ("Invalid input: expected
 * string, received undefined") are written for programmers; every code we can meet in our schema
 * gets its own sentence here.
 */
type Issue = z.core.$ZodIssue;

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return 'an object';
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object (a set of fields)',
  record: 'an object (a set of fields)',
};

function expectedName(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

function subject(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'The file';
  return typeof last === 'number' ? `Entry ${last + 1} of this list` : `"${last}"`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let value = root;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) return { found: false, value: undefined };
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value };
}

function withStop(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
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
        const hint = didYouMean(key, allowed);
        const name = key.length > 64 ? `${key.slice(0, 64)}…` : key;
        const message = hint ? `Unknown field "${name}"${hint}` : `Unknown field "${name}"; the fields allowed here are ${allowed.join(', ')}.`;
        return error([...path, key], message, 'key');
      });
    }
    case 'invalid_type': {
      const parent = valueAt(input, path.slice(0, -1));
      const key = path[path.length - 1];
      const here = valueAt(input, path);
      if (here.value === undefined && typeof key === 'string' && parent.found) {
        return [error(path, `Missing required field "${key}".`, 'key')];
      }
      // A schema may word its own type error where the likely slip is known (`objective: 95`
      // lacks only the % sign); zod's own words, which start "Invalid input", are replaced.
      if (!issue.message.startsWith('Invalid input')) return [error(path, withStop(issue.message))];
      return [error(path, `${subject(path)} must be ${expectedName(issue.expected)}; found ${describeValue(here.value)}.`)];
    }
    case 'invalid_value': {
      const found = valueAt(input, path).value;
      const hint = typeof found === 'string' ? didYouMean(found, issue.values.map(String)) : '';
      const allowed = issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${quoteList(issue.values)}`;
      return [error(path, `${subject(path)} must be ${allowed}; found ${describeValue(found)}${hint || '.'}`)];
    }
    case 'too_small': {
      if (issue.origin === 'array') return [error(path, `${subject(path)} must list at least ${Number(issue.minimum) === 1 ? 'one value' : `${issue.minimum} values`}.`)];
      if (issue.origin === 'string') return [error(path, `${subject(path)} must not be empty.`)];
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
      return [error(path, `Missing required field "${String(path[path.length - 1])}".`, 'key')];
    }
    const list = expected.length <= 1 ? expected.join('') : `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`;
    return [error(path, `${subject(path)} must be ${list}; found ${describeValue(found.value)}.`)];
  }
  const best = typeMatched.reduce((a, b) => (b.length < a.length ? b : a));
  return issuesToProblems(best, input, schema, path);
}
