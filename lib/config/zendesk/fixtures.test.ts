import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importZendesk } from './import-zendesk';
import { fixture } from './test-helpers';

/**
 * Meta-test: every example in __fixtures__ is either a body that must import, or a fragment that
 * must be refused with a message — a new fixture cannot slip in untested. The exact results are
 * asserted in import-fixtures.test.ts.
 */

const dir = new URL('./__fixtures__/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** Fragments of a body, or bodies that hold no policies, schedules or holidays. */
const NOT_BODIES = new Set([
  'sla_policies.definitions.200.json',
  'sla_policies.reorder.request.json',
  'sla_policies.json-format.condition-example.json',
  'sla_policies.json-format.filter-example.json',
  'sla_policies.json-format.policy-metric-example.json',
  'schedules.json-format.interval-example-1.json',
  'schedules.json-format.interval-example-2.json',
]);
/** Holidays and workweek bodies do not say their schedule; they import next to one. */
const NEEDS_SCHEDULE = /^schedules\.(holidays\.|workweek\.|json-format\.holiday-example)/;

describe('every reference example', () => {
  it('is here (30 policy and schedule examples)', () => {
    expect(files).toHaveLength(30);
  });

  it.each(files.filter((f) => !NOT_BODIES.has(f)))('%s imports', (name) => {
    const inputs = NEEDS_SCHEDULE.test(name) ? [fixture('schedules.show.200.json'), fixture(name)] : [fixture(name)];
    const result = importZendesk(inputs);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each([...NOT_BODIES])('%s is refused with a message for the admin', (name) => {
    const result = importZendesk([fixture(name)]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([expect.objectContaining({ fileName: name, path: '', message: expect.any(String) })]);
  });

  it('is listed in PROVENANCE.md with its sha256', () => {
    const provenance = readFileSync(new URL('PROVENANCE.md', dir), 'utf8');
    for (const name of files) {
      const sum = createHash('sha256')
        .update(readFileSync(new URL(name, dir)))
        .digest('hex');
      expect(provenance, name).toContain(`${sum}  ${name}`);
      expect(provenance, name).toContain(`| \`${name}\` |`);
    }
  });
});
