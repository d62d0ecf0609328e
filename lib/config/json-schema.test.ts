import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema, configJsonSchemaText } from './json-schema';
import { parseConfigText } from './parse';
import { PERCENT_PATTERN } from './percent';
import { expectOk } from './test-helpers';

const publicFile = (name: string) => readFileSync(new URL(`../../public/${name}`, import.meta.url), 'utf8');

describe('public/sla-config.schema.json', () => {
  it('matches the zod schema', () => {
    const committed = publicFile('sla-config.schema.json');
    // On failure: the schema in lib/config changed; regenerate the published file.
    expect(committed === configJsonSchemaText(), 'public/sla-config.schema.json is out of date: run npm run schema').toBe(true);
  });

  it('is strict and documented, so editors flag typos and explain fields', () => {
    const schema = configJsonSchema() as {
      additionalProperties: boolean;
      required: string[];
      properties: { policies: { items: { additionalProperties: boolean; properties: Record<string, { description?: string }> } } };
      $defs: Record<string, { description?: string }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['version', 'policies']);
    const policy = schema.properties.policies.items;
    expect(policy.additionalProperties).toBe(false);
    expect(policy.properties.calendar!.description).toMatch(/24x7/);
    expect(schema.$defs.Duration!.description).toMatch(/Days are not allowed/);
  });

  it('objectives and credits: strict, explained, and patterned so editors flag a percentage without its % sign', () => {
    type Field = {
      type?: string;
      pattern?: string;
      description?: string;
      additionalProperties?: boolean;
      minItems?: number;
      maxItems?: number;
      minimum?: number;
      items?: Field;
      properties?: Record<string, Field>;
    };
    const policy = (configJsonSchema() as { properties: { policies: { items: { properties: Record<string, Field> } } } }).properties.policies.items.properties;
    const { objective, credits, creditCap, fee } = policy;
    expect([objective!.pattern, creditCap!.pattern, credits!.items!.properties!.below!.pattern, credits!.items!.properties!.credit!.pattern]).toEqual(Array(4).fill(PERCENT_PATTERN));
    expect([credits!.minItems, credits!.maxItems, credits!.items!.additionalProperties, fee!.additionalProperties]).toEqual([1, 20, false, false]);
    expect(fee!.properties!.amount).toMatchObject({ type: 'number', minimum: 0 });
    expect(fee!.properties!.currency!.pattern).toBe('^[A-Z]{3}$');
    for (const [key, field] of Object.entries({ objective, credits, creditCap, fee, ...credits!.items!.properties, ...fee!.properties })) expect(field!.description, key).toBeTruthy();
  });

  it('watch: strict entries, every field explained, and exactly one query asked of editors', () => {
    type Field = { description?: string; properties?: Record<string, Field> };
    const watch = (configJsonSchema() as { properties: { watch: { maxItems: number; items: Field & { additionalProperties: boolean; required: string[]; oneOf: unknown[] } } } }).properties.watch;
    expect(watch.maxItems).toBe(50);
    expect(watch.items.additionalProperties).toBe(false);
    expect(watch.items.required).toEqual(['site']);
    expect(watch.items.oneOf).toEqual(['jql', 'filter', 'queue', 'view', 'search'].map((key) => ({ required: [key] })));
    const fields = watch.items.properties!;
    expect(Object.keys(fields)).toEqual(['site', 'name', 'jql', 'filter', 'queue', 'view', 'search']);
    for (const [key, field] of Object.entries({ ...fields, ...fields.queue!.properties })) expect(field.description, key).toBeTruthy();
  });
});

describe('configs that must be valid', () => {
  it('public/sla-config.sample.json: no errors, no warnings', () => {
    const result = expectOk(parseConfigText(publicFile('sla-config.sample.json'), 'sla-config.sample.json'));
    expect(result.warnings).toEqual([]);
    expect(result.document.$schema).toBe('./sla-config.schema.json');
  });

  it('the DESIGN.md example (JSON and YAML alike): no errors', () => {
    const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
    const json = expectOk(parseConfigText(fixture('design-example.json'), 'design-example.json'));
    const yaml = expectOk(parseConfigText(fixture('design-example.yaml'), 'design-example.yaml'));
    expect(yaml.document).toEqual(json.document);
    expect(yaml.config).toEqual(json.config);
    // As written, "enterprise-eu" sits below the parent it narrows, so the parent takes its tickets first.
    expect(json.warnings.map((w) => w.path)).toEqual(['policies[1]']);
  });
});
