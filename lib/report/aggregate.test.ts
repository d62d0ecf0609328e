import { describe, expect, it } from 'vitest';
import { ancestry, inPeriod, tally, type PolicyNode } from './aggregate';
import type { DecidedTarget } from './decide';

const T0 = Date.parse('2026-11-01T00:00:00Z');
const H = 3_600_000;
let n = 0;
function target(over: Partial<DecidedTarget>): DecidedTarget {
  n++;
  return {
    site: 'acme.atlassian.net',
    key: `SUP-${n}`,
    source: 'jira',
    cycle: 0,
    policyId: 'svc-payments',
    policyName: 'Payments service',
    metric: 'resolution',
    targetMs: 8 * H,
    startedAt: T0,
    dueAt: T0 + 8 * H,
    stoppedAt: T0 + 4 * H,
    decidedAt: T0 + 4 * H,
    outcome: 'met',
    usedMs: 4 * H,
    approximate: false,
    ...over,
  };
}
const policies: PolicyNode[] = [
  { id: 'svc-payments', name: 'Payments service', extends: 'cust-globex' },
  { id: 'svc-web', name: 'Web service', extends: 'cust-globex' },
  { id: 'cust-globex', name: 'Globex', extends: 'corporate' },
  { id: 'corporate', name: 'Corporate' },
];

describe('report cells', () => {
  it('rolls a service agreement up into its customer and corporate agreements, parents first', () => {
    const targets = [
      target({}),
      target({ outcome: 'missed', stoppedAt: null, decidedAt: T0 + 8 * H }),
      target({ policyId: 'svc-web', policyName: 'Web service' }),
      target({ policyId: 'corporate', policyName: 'Corporate', approximate: true }),
    ];
    const cells = tally(targets, 'agreement', policies);
    expect(cells.map((c) => [c.key, c.depth, c.decided, c.met, c.missed, c.approximate])).toEqual([
      ['corporate', 0, 4, 3, 1, 1],
      ['cust-globex', 1, 3, 2, 1, 0],
      ['svc-payments', 2, 2, 1, 1, 0],
      ['svc-web', 2, 1, 1, 0, 0],
    ]);
    expect(cells[2]!.compliance).toBe(50);
    expect(cells[1]!.targets).toHaveLength(3);
  });

  it('breaks down by organisation, priority (case-insensitively), metric, site and team, naming the missing values', () => {
    const targets = [
      target({ organization: 'Globex', priority: 'High' }),
      target({ organization: 'Globex', priority: 'high', metric: 'first-response', outcome: 'missed' }),
      target({ priority: 'Low', site: 'acme.zendesk.com', team: 'Tier 2' }),
    ];
    expect(tally(targets, 'organization', policies).map((c) => [c.label, c.decided])).toEqual([
      ['Globex', 2],
      ['No organisation', 1],
    ]);
    expect(tally(targets, 'priority', policies).map((c) => [c.key, c.decided, c.missed])).toEqual([
      ['high', 2, 1],
      ['low', 1, 0],
    ]);
    expect(tally(targets, 'metric', policies).map((c) => c.label)).toEqual(['Resolution', 'First response']);
    expect(tally(targets, 'site', policies).map((c) => c.key)).toEqual(['acme.atlassian.net', 'acme.zendesk.com']);
    expect(tally(targets, 'team', policies).map((c) => c.label)).toEqual(['No team', 'Tier 2']);
  });

  it('counts a target in the period it was decided, start inclusive, end exclusive', () => {
    const at = (ms: number) => target({ decidedAt: ms });
    const period = { start: T0, end: T0 + 30 * 24 * H };
    expect(inPeriod([at(T0 - 1), at(T0), at(T0 + 30 * 24 * H - 1), at(T0 + 30 * 24 * H)], period).map((t) => t.decidedAt - T0)).toEqual([0, 30 * 24 * H - 1]);
  });

  it('follows extends to the root, and stops at an unknown parent or a loop', () => {
    const byId = new Map(policies.map((p) => [p.id, p]));
    expect(ancestry('svc-web', byId)).toEqual(['svc-web', 'cust-globex', 'corporate']);
    expect(ancestry('gone', byId)).toEqual(['gone']);
    const loop = new Map<string, PolicyNode>([
      ['a', { id: 'a', name: 'A', extends: 'b' }],
      ['b', { id: 'b', name: 'B', extends: 'a' }],
    ]);
    expect(ancestry('a', loop)).toEqual(['a', 'b']);
  });
});
