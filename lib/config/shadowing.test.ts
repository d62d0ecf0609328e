import { describe, expect, it } from 'vitest';
import { expectOk } from './test-helpers';
import { validateConfig } from './validate';

const warningsOf = (policies: unknown[]) => expectOk(validateConfig({ version: 1, policies })).warnings;
const both = { firstResponse: '1h', resolution: '8h' };
const p = (id: string, match: object | undefined, targets: object, extra: object = {}) => ({ id, ...(match ? { match } : {}), calendar: '24x7', targets, ...extra });

describe('warnings: policies that can never apply', () => {
  it('an earlier catch-all with "*" targets hides a later policy completely', () => {
    const warnings = warningsOf([p('all', undefined, { '*': both }), p('vip', { labels: { any: ['vip'] } }, { High: both })]);
    expect(warnings).toEqual([
      {
        severity: 'warning',
        path: 'policies[1]',
        message:
          'Policy "vip" can never apply: policy "all" above it (policies[0]) matches every ticket and already has a target for every priority and metric it sets. Move "vip" above "all", or narrow "all".',
      },
    ]);
  });

  it('an earlier catch-all that only covers some metrics hides only those targets, and says which', () => {
    const warnings = warningsOf([
      p('resolution-for-all', {}, { '*': { resolution: '40h' }, High: { firstResponse: '1h' } }),
      p('later', { project: 'SUP' }, { High: both, Low: both, '*': { firstResponse: '8h' } }),
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe('policies[1].targets');
    expect(warnings[0]!.message).toBe(
      'These targets of policy "later" can never apply: High first response, High resolution, Low resolution. Policy "resolution-for-all" above it (policies[0]) matches every ticket and has them first. Its other targets still apply.',
    );
  });

  it('an earlier catch-all for some priorities does not hide a later policy for other priorities', () => {
    expect(warningsOf([p('urgent', {}, { urgent: both }), p('rest', {}, { high: both, '*': both })])).toEqual([]);
  });

  it('a specific priority of the earlier policy does not cover a later "*"', () => {
    const warnings = warningsOf([p('a', {}, { High: both }), p('b', {}, { High: both, '*': both })]);
    expect(warnings[0]!.message).toMatch(/^These targets of policy "b" can never apply: High first response, High resolution\. /);
  });

  it('an earlier catch-all limited to one source hides later policies of that source only', () => {
    const policies = [
      p('zendesk-all', { source: 'zendesk' }, { '*': both }),
      p('zendesk-vip', { source: 'zendesk', tags: { any: ['vip'] } }, { urgent: both }),
      p('jira', { source: 'jira' }, { '*': both }),
      p('anything', {}, { '*': both }),
    ];
    const warnings = warningsOf(policies);
    expect(warnings.map((w) => w.path)).toEqual(['policies[1]']);
    expect(warnings[0]!.message).toContain('matches every Zendesk ticket');
  });

  it('an earlier catch-all with an effective period hides nothing', () => {
    expect(warningsOf([p('promo', {}, { '*': both }, { effective: { from: '2026-01-01', to: '2026-03-31' } }), p('base', {}, { '*': both })])).toEqual([]);
  });

  it('an earlier policy with different conditions hides nothing, even when they overlap', () => {
    expect(warningsOf([p('sup', { project: 'SUP' }, { '*': both }), p('vip', { labels: { any: ['vip'] } }, { '*': both })])).toEqual([]);
  });

  it("a parent listed above the child that narrows it hides the child (the DESIGN example's enterprise-eu)", () => {
    const warnings = warningsOf([p('enterprise', { project: 'SUP' }, { High: both, '*': both }), { id: 'enterprise-eu', extends: 'enterprise', match: { labels: { any: ['eu'] } } }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/move "enterprise-eu" above "enterprise"\.$/);
  });

  it('the same child listed above its parent is fine', () => {
    expect(warningsOf([{ id: 'enterprise-eu', extends: 'enterprise', match: { labels: { any: ['eu'] } } }, p('enterprise', { project: 'SUP' }, { High: both, '*': both })])).toEqual([]);
  });

  it('several earlier policies together can hide a later one', () => {
    const warnings = warningsOf([p('fr', {}, { '*': { firstResponse: '1h' } }), p('res', {}, { '*': { resolution: '8h' } }), p('late', { project: 'X' }, { High: both })]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(
      /^Policy "late" can never apply: policies "fr" \(policies\[0\]\) and "res" \(policies\[1\]\) above it match every ticket this one matches and already have a target/,
    );
  });
});

describe('warnings: policies without targets', () => {
  it('a policy without targets that nothing extends', () => {
    expect(warningsOf([{ id: 'lonely', match: { project: 'SUP' } }])).toEqual([
      { severity: 'warning', path: 'policies[0]', message: 'Policy "lonely" has no targets and no policy extends it, so it never applies; add "targets", or remove it.' },
    ]);
  });

  it('an abstract base that something extends is fine', () => {
    expect(
      warningsOf([
        { id: 'base', match: { project: 'SUP' } },
        { id: 'child', extends: 'base', calendar: '24x7', targets: { '*': both } },
      ]),
    ).toEqual([]);
  });
});
