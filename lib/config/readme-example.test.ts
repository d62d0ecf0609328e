import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from './index';

// The README teaches the format with an example: it must stay a valid configuration.
describe("the README's configuration example", () => {
  it('parses with no errors and no warnings', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Write an SLA configuration'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const result = parseConfigText(yaml!, 'README.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (result.ok) expect(result.config.policies.map((p) => p.id)).toEqual(['enterprise-eu', 'enterprise', 'zendesk-standard']);
  });

  it('the watched-scopes example (top-level keys added to a configuration) gives one scope of each form', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('**Watched scopes.**'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const result = parseConfigText(`version: 1\npolicies: []\n${yaml!}`, 'README.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (result.ok) expect(result.config.watch?.map((s) => s.query.kind)).toEqual(['jql', 'filter', 'queue', 'view', 'search']);
  });

  it('the objectives and credits example (one policy entry) sets all four fields, with no problem', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('**Objectives and service credits.**'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    // The entry leaves out what the main example gives it: a calendar and targets.
    const result = parseConfigText(`version: 1\npolicies:\n${yaml!}    calendar: 24x7\n    targets: { "*": { resolution: 8h } }\n`, 'README.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (result.ok) {
      const { objective, credits, creditCap, fee } = result.config.policies[0]!;
      expect({ objective, credits, creditCap, fee }).toEqual({
        objective: 95,
        credits: [
          { below: 95, credit: 5 },
          { below: 90, credit: 10 },
        ],
        creditCap: 25,
        fee: { amount: 12000, currency: 'EUR' },
      });
    }
  });
});
