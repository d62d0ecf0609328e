import { describe, expect, it } from 'vitest';
import { config, errorsOf, expectOk } from './test-helpers';
import { validateConfig } from './validate';

const H = 3_600_000;
const v = (policies: unknown[]) => validateConfig({ version: 1, policies });

describe('extends: inheritance', () => {
  const family = config([
    { id: 'service', extends: 'customer', match: { requestType: 'Outage' }, targets: { High: { resolution: '2h' } } },
    { id: 'customer', extends: 'org', match: { organization: 'Contoso' }, name: 'Contoso', targets: { High: { firstResponse: '30m' }, Low: { resolution: '24h' } }, warnAt: '1h' },
    {
      id: 'org',
      name: 'Organisation',
      description: 'defaults',
      match: { source: 'jira' },
      calendar: '24x7',
      targets: { high: { firstResponse: '1h', resolution: '8h' }, '*': { firstResponse: '4h', resolution: '40h' } },
      pauseOn: ['Waiting for customer'],
      effective: { from: '2026-01-01' },
    },
  ]);
  const [service, customer, org] = family.policies;

  it('is multi-level: a grandchild inherits through its parent', () => {
    expect(service).toMatchObject({ calendarId: '24x7', pauseOn: ['waiting for customer'], effective: { from: '2026-01-01' }, description: 'defaults' });
  });

  it('the nearest ancestor that sets a field wins', () => {
    expect(service!.name).toBe('Contoso');
    expect(service!.warnAt).toEqual({ remainingMs: H });
    expect(org!.warnAt).toEqual({ fraction: 0.75 });
  });

  it('targets merge per priority and per metric, priority names case-insensitively', () => {
    expect(service!.targets).toEqual({
      high: { label: 'High', firstResponseMs: 0.5 * H, resolutionMs: 2 * H },
      low: { label: 'Low', resolutionMs: 24 * H },
      '*': { label: '*', firstResponseMs: 4 * H, resolutionMs: 40 * H },
    });
    expect(customer!.targets.high).toEqual({ label: 'High', firstResponseMs: 0.5 * H, resolutionMs: 8 * H });
  });

  it("match is the ancestors' match AND its own (a child narrows its parent)", () => {
    expect(service!.match).toEqual([{ source: 'jira' }, { organization: 'Contoso' }, { requestType: 'Outage' }]);
  });

  it("id, index and the extends link are the policy's own", () => {
    expect(family.policies.map((p) => [p.id, p.index, p.extends])).toEqual([
      ['service', 0, 'customer'],
      ['customer', 1, 'org'],
      ['org', 2, undefined],
    ]);
  });

  it('a child that sets a list replaces the inherited one', () => {
    const cfg = config([
      { id: 'base', calendar: '24x7', pauseOn: ['pending', 'hold'], targets: { '*': { resolution: '8h' } }, match: { priority: 'low' } },
      { id: 'child', extends: 'base', pauseOn: ['pending'], match: { priority: 'high' } },
    ]);
    expect(cfg.policies[1]!.pauseOn).toEqual(['pending']);
  });

  it('objective, credit tiers, cap and fee are inherited like warnAt, each from the nearest ancestor that sets it', () => {
    const cfg = config([
      { id: 'gold', extends: 'customer', match: { labels: { any: ['gold'] } }, objective: '99%', credits: [{ below: '99%', credit: '10%' }] },
      { id: 'customer', extends: 'org', match: { organization: 'Contoso' }, fee: { amount: 15000, currency: 'EUR' } },
      {
        id: 'org',
        calendar: '24x7',
        targets: { '*': { resolution: '40h' } },
        objective: '95%',
        credits: [
          { below: '95%', credit: '5%' },
          { below: '90%', credit: '10%' },
        ],
        creditCap: '25%',
        fee: { amount: 12000, currency: 'EUR' },
      },
    ]);
    const [gold, customer, org] = cfg.policies;
    const slo = (p: typeof gold) => ({ objective: p!.objective, credits: p!.credits, creditCap: p!.creditCap, fee: p!.fee });
    expect(slo(gold)).toEqual({ objective: 99, credits: [{ below: 99, credit: 10 }], creditCap: 25, fee: { amount: 15000, currency: 'EUR' } });
    expect(slo(customer)).toEqual({ ...slo(org), fee: { amount: 15000, currency: 'EUR' } });
    expect(slo(org)).toEqual({
      objective: 95,
      credits: [
        { below: 95, credit: 5 },
        { below: 90, credit: 10 },
      ],
      creditCap: 25,
      fee: { amount: 12000, currency: 'EUR' },
    });
  });

  it('a child that sets credit tiers replaces the inherited list rather than merging tiers', () => {
    const cfg = config([
      { id: 'child', extends: 'base', match: { priority: 'high' }, credits: [{ below: '80%', credit: '50%' }] },
      { id: 'base', calendar: '24x7', targets: { '*': { resolution: '8h' } }, credits: [{ below: '95%', credit: '5%' }] },
    ]);
    expect(cfg.policies[0]!.credits).toEqual([{ below: 80, credit: 50 }]);
  });

  it('an abstract base needs no calendar; its children supply one', () => {
    const result = expectOk(
      v([
        { id: 'child', extends: 'base', calendar: '24x7', targets: { '*': { resolution: '1h' } } },
        { id: 'base', pauseOn: ['pending'] },
      ]),
    );
    expect(result.warnings).toEqual([]);
    expect(result.config.policies[1]!.calendarId).toBeNull();
    expect(result.config.policies[0]!.pauseOn).toEqual(['pending']);
  });

  it('targets inherited without a calendar anywhere in the chain are an error on the child', () => {
    const errors = errorsOf(
      v([
        { id: 'base', targets: { '*': { resolution: '1h' } }, calendar: '24x7' },
        { id: 'other', targets: { '*': { resolution: '1h' } } },
        { id: 'child', extends: 'other' },
      ]),
    );
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['policies[1].calendar', 'Policy "other" has targets but no calendar; add "calendar" with a calendar id or "24x7".'],
      ['policies[2].calendar', 'Policy "child" has targets but no calendar; add "calendar" with a calendar id or "24x7" (or on a policy it extends).'],
    ]);
  });
});

describe('extends: errors', () => {
  it.each([
    ['itself', [{ id: 'a', extends: 'a' }], 'policies[0].extends', 'a → a'],
    [
      'two policies',
      [
        { id: 'a', extends: 'b' },
        { id: 'b', extends: 'a' },
      ],
      'policies[0].extends',
      'a → b → a',
    ],
    [
      'three policies, found from the first in the file',
      [
        { id: 'x', extends: 'c' },
        { id: 'c', extends: 'b' },
        { id: 'a', extends: 'c' },
        { id: 'b', extends: 'a' },
      ],
      'policies[1].extends',
      'c → b → a → c',
    ],
  ])('a cycle through %s is one error naming the cycle', (_what, policies, path, cycle) => {
    const errors = errorsOf(v(policies));
    expect(errors).toEqual([{ severity: 'error', path, message: `These policies extend each other in a circle: ${cycle}. Remove one of the "extends".` }]);
  });

  it('an unknown parent, with a suggestion; its children are not reported again', () => {
    const errors = errorsOf(
      v([
        { id: 'enterprise', calendar: '24x7' },
        { id: 'eu', extends: 'enterprize' },
        { id: 'eu-gold', extends: 'eu' },
      ]),
    );
    expect(errors).toEqual([{ severity: 'error', path: 'policies[1].extends', message: 'Policy "eu" extends "enterprize", which is not defined in this file — did you mean "enterprise"?' }]);
  });
});
