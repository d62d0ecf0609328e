import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERTS } from '../db/alerts';
import { MANAGED_KEYS } from './read';
import { MANAGED_SCHEMA } from './schema';

/**
 * Chromium's checks of a `storage.managed_schema` (components/policy/core/common/schema.cc), as
 * far as this schema needs them, and a little stricter: Chromium ignores unknown attributes, but
 * one that is not in its lists does nothing in Chrome and only misleads a reader here. A schema
 * Chrome refuses keeps the whole extension from loading, so the test fails before a build does.
 */
const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];
const COMMON = ['type', 'title', 'description'];
const ATTRIBUTES: Record<string, string[]> = {
  object: [...COMMON, 'properties', 'additionalProperties'],
  array: [...COMMON, 'items'],
  string: [...COMMON, 'enum'],
  integer: [...COMMON, 'enum'],
  number: COMMON,
  boolean: COMMON,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function chromeSchemaProblems(schema: unknown): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!isObject(node)) return void problems.push(`${path}: a schema must be an object`);
    const { type } = node;
    if (typeof type !== 'string') return void problems.push(`${path}: needs exactly one "type" string, has ${JSON.stringify(type)}`);
    if (!TYPES.includes(type)) return void problems.push(`${path}: unknown type "${type}"`);
    for (const key of Object.keys(node)) {
      if (!ATTRIBUTES[type]!.includes(key)) problems.push(`${path}: "${key}" is not allowed on type ${type}`);
    }
    for (const key of ['title', 'description']) {
      if (key in node && typeof node[key] !== 'string') problems.push(`${path}: "${key}" must be a string`);
    }
    if ('enum' in node) {
      const values = node.enum;
      const ok = Array.isArray(values) && values.length > 0 && values.every((v) => (type === 'string' ? typeof v === 'string' : Number.isInteger(v)));
      if (!ok) problems.push(`${path}: "enum" must be a non-empty list of ${type} values`);
    }
    if (type === 'array') {
      if (!('items' in node)) problems.push(`${path}: an array needs "items"`);
      else walk(node.items, `${path}.items`);
    }
    if (type === 'object') {
      if ('properties' in node) {
        if (!isObject(node.properties)) problems.push(`${path}: "properties" must be an object`);
        else for (const [name, sub] of Object.entries(node.properties)) walk(sub, `${path}.${name}`);
      }
      // Chrome wants a schema here: `true` fails "Invalid type for attribute 'additionalProperties'".
      if ('additionalProperties' in node) walk(node.additionalProperties, `${path}.additionalProperties`);
    }
  };
  if (!isObject(schema) || schema.type !== 'object') problems.push('root: the main schema must have type "object"');
  if (isObject(schema) && ('additionalProperties' in schema || 'patternProperties' in schema)) problems.push('root: no "additionalProperties" or "patternProperties" at the main schema');
  walk(schema, 'root');
  return problems;
}

describe('the managed schema', () => {
  it('passes the checks of Chrome’s policy schema', () => {
    expect(chromeSchemaProblems(MANAGED_SCHEMA)).toEqual([]);
  });

  it('is the file WXT copies into the build, exactly', () => {
    const file: unknown = JSON.parse(readFileSync(new URL('../../public/managed-schema.json', import.meta.url), 'utf8'));
    expect(file).toStrictEqual(MANAGED_SCHEMA);
  });

  it('declares exactly the keys the reader reads, and the alert settings of the options page', () => {
    expect(Object.keys(MANAGED_SCHEMA.properties!).sort()).toEqual([...MANAGED_KEYS].sort());
    expect(Object.keys(MANAGED_SCHEMA.properties!.alerts!.properties!).sort()).toEqual(Object.keys(DEFAULT_ALERTS).sort());
  });

  it('takes the inline configuration as text: Chrome has no type for an arbitrary tree', () => {
    expect(MANAGED_SCHEMA.properties!.config).toMatchObject({ type: 'string' });
  });

  describe('the checker refuses what Chrome refuses', () => {
    const wrap = (node: unknown) => ({ type: 'object', properties: { x: node } });
    it.each<[string, unknown, RegExp]>([
      ['two types', wrap({ type: ['string', 'integer'] }), /exactly one "type"/],
      ['a missing type', wrap({ title: 'x' }), /exactly one "type"/],
      ['an unknown type', wrap({ type: 'integr' }), /unknown type "integr"/],
      ['"any"', wrap({ type: 'any' }), /unknown type "any"/],
      ['additionalProperties at the top', { type: 'object', properties: {}, additionalProperties: { type: 'string' } }, /root: no "additionalProperties"/],
      ['additionalProperties: true', wrap({ type: 'object', additionalProperties: true }), /additionalProperties: a schema must be an object/],
      ['an array without items', wrap({ type: 'array' }), /needs "items"/],
      ['items that are not a schema', wrap({ type: 'array', items: { type: 'strin' } }), /x\.items: unknown type/],
      ['a property that is not a schema', wrap('string'), /root\.x: a schema must be an object/],
      ['$ref', wrap({ type: 'string', $ref: 'other' }), /"\$ref" is not allowed/],
      ['an unknown keyword', wrap({ type: 'string', format: 'uri' }), /"format" is not allowed/],
      ['a top level that is not an object', { type: 'array', items: { type: 'string' } }, /main schema must have type "object"/],
      ['an empty enum', wrap({ type: 'string', enum: [] }), /"enum" must be a non-empty list/],
    ])('%s', (_name, schema, problem) => {
      const found = chromeSchemaProblems(schema);
      expect(
        found.some((p) => problem.test(p)),
        found.join('\n'),
      ).toBe(true);
    });

    it('and accepts a nested additionalProperties that is a schema', () => {
      expect(chromeSchemaProblems(wrap({ type: 'object', additionalProperties: { type: 'string' } }))).toEqual([]);
    });
  });
});
