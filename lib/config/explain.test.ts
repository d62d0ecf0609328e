import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { explainMatch } from './explain';
import { matchPolicy, type MetricName } from './match';
import { parseConfigText } from './parse';
import { BERLIN_WEEKDAYS, config, expectOk, ticket } from './test-helpers';

const H = 3_600_000;
const fixture = (path: string) => expectOk(parseConfigText(readFileSync(new URL(path, import.meta.url), 'utf8'), path)).config;
const design = fixture('./__fixtures__/design-example.json');
const sample = fixture('../../public/sla-config.sample.json');

const reasons = (e: ReturnType<typeof explainMatch>) => e.rejected.map((r) => `${r.policy.id}: ${r.reason}`);

describe('explainMatch on the design example', () => {
  it('applies the first policy and rejects none before it', () => {
    const e = explainMatch(design, ticket({ project: 'SUP', labels: ['Enterprise'], priority: 'High' }), 'resolution');
    expect(e.applied?.policy.id).toBe('enterprise');
    expect(e.applied?.targetMs).toBe(8 * H);
    expect(e.rejected).toEqual([]);
  });

  it('names the first failed condition of every earlier policy', () => {
    const e = explainMatch(design, ticket({ source: 'zendesk', site: 'acme.zendesk.com', priority: 'Urgent' }), 'resolution');
    expect(e.applied?.policy.id).toBe('zendesk-standard');
    expect(e.applied?.targetMs).toBe(4 * H);
    expect(reasons(e)).toEqual(["enterprise: source is jira, the ticket's is zendesk", "enterprise-eu: source is jira, the ticket's is zendesk"]);
  });

  it('says which value the ticket has, or that it has none', () => {
    expect(reasons(explainMatch(design, ticket({ project: 'OPS' }), 'resolution'))[0]).toBe("enterprise: project is SUP, the ticket's is OPS");
    expect(reasons(explainMatch(design, ticket({}), 'resolution'))[0]).toBe('enterprise: project is SUP, the ticket has none');
    expect(reasons(explainMatch(design, ticket({ project: 'sup', labels: ['vip'] }), 'resolution'))[0]).toBe("enterprise: labels include any of enterprise; the ticket's are vip");
  });

  it('reports an effective period the ticket was created outside of, in the calendar zone', () => {
    const e = explainMatch(design, ticket({ project: 'SUP', labels: ['eu'], created: Date.UTC(2027, 0, 5, 10) }), 'resolution');
    expect(e.applied).toBeNull();
    expect(reasons(e)[1]).toBe('enterprise-eu: outside its effective period (2026-01-01 to 2026-12-31); the ticket was created on 2027-01-05 (Europe/Berlin)');
  });

  it('no policy applies: every policy is listed with its reason', () => {
    const e = explainMatch(design, ticket({ project: 'OPS' }), 'firstResponse');
    expect(e.applied).toBeNull();
    expect(e.rejected.map((r) => r.policy.id)).toEqual(['enterprise', 'enterprise-eu', 'zendesk-standard']);
  });
});

describe('explainMatch: reasons', () => {
  const star = { '*': { resolution: '8h' } };
  it.each<[string, unknown, Partial<TicketFacts>, MetricName, string]>([
    ['missing target for the priority and metric', { High: { resolution: '8h' } }, { priority: 'Low' }, 'resolution', 'no target for priority Low and metric resolution'],
    ['metric missing even under "*"', star, { priority: 'Low' }, 'firstResponse', 'no target for priority Low and metric first response'],
    ['ticket without a priority', { High: { resolution: '8h' } }, {}, 'resolution', 'no target for tickets without a priority and metric resolution'],
  ])('%s', (_name, targets, facts, metric, reason) => {
    const e = explainMatch(config([{ id: 'p', calendar: '24x7', targets }]), ticket(facts), metric);
    expect(e.applied).toBeNull();
    expect(e.rejected[0]?.reason).toBe(reason);
  });

  it.each<[string, object, Partial<TicketFacts>, string]>([
    ['site glob', { site: '*.zendesk.com' }, { site: 'acme.atlassian.net' }, "site is *.zendesk.com, the ticket's is acme.atlassian.net"],
    ['a list of names', { issueType: ['Bug', 'Incident'] }, { issueType: 'Task' }, "issue type is Bug or Incident, the ticket's is Task"],
    ['all labels', { labels: { all: ['vip', 'eu'] } }, { labels: ['VIP'] }, 'labels include all of vip, eu; the ticket lacks eu'],
    ['none of the labels', { tags: { none: ['internal'] } }, { labels: ['Internal', 'x'] }, 'tags include none of internal; the ticket has internal'],
    ['any label, none present', { labels: { any: ['vip'] } }, {}, 'labels include any of vip; the ticket has no labels'],
    ['custom field', { field: { Tier: 'gold' } }, { fields: { tier: 'silver' } }, "field Tier is gold, the ticket's is silver"],
    ['custom field absent', { field: { Tier: 'gold' } }, {}, 'field Tier is gold, the ticket has none'],
  ])('%s', (_name, match, facts, reason) => {
    const e = explainMatch(config([{ id: 'p', match, calendar: '24x7', targets: star }]), ticket(facts), 'resolution');
    expect(e.rejected[0]?.reason).toBe(reason);
  });

  it('an abstract base policy is passed over as such, and its children still apply', () => {
    const e = explainMatch(
      config([
        { id: 'base', match: { project: 'SUP' } },
        { id: 'child', extends: 'base', calendar: '24x7', targets: star },
      ]),
      ticket({ project: 'SUP' }),
      'resolution',
    );
    expect(e.applied?.policy.id).toBe('child');
    expect(reasons(e)).toEqual(['base: a base for other policies (no calendar or targets of its own)']);
  });

  it('checks inherited conditions first, as the parent wrote them', () => {
    const family = config(
      [
        { id: 'parent', match: { source: 'jira', project: 'SUP' }, calendar: 'emea', targets: star },
        { id: 'child', extends: 'parent', match: { labels: { any: ['eu'] } } },
      ],
      [BERLIN_WEEKDAYS],
    );
    const e = explainMatch({ ...family, policies: [family.policies[1]!] }, ticket({ project: 'OPS', labels: ['x'] }), 'resolution');
    expect(e.rejected[0]?.reason).toBe("project is SUP, the ticket's is OPS");
  });
});

describe('explainMatch agrees with matchPolicy', () => {
  const tickets: Array<Partial<TicketFacts>> = [
    {},
    { project: 'SUP' },
    { project: 'SUP', labels: ['enterprise'] },
    { project: 'sup', labels: ['ENTERPRISE', 'eu'], priority: 'highest' },
    { project: 'SUP', labels: ['eu'], created: Date.UTC(2026, 5, 1) },
    { project: 'SUP', labels: ['eu'], created: Date.UTC(2025, 11, 31, 22, 59) },
    { project: 'SUP', labels: ['eu'], created: Date.UTC(2025, 11, 31, 23, 0) },
    { project: 'SUP', labels: ['enterprise', 'canada'], priority: 'Low' },
    { project: 'SUP', labels: ['us'], priority: 'High' },
    { project: 'SUP', issueType: 'Bug', priority: 'High' },
    { source: 'zendesk', site: 'acme.zendesk.com', priority: 'urgent' },
    { source: 'zendesk', site: 'acme.zendesk.com', priority: 'normal', labels: ['vip'] },
    { source: 'zendesk', site: 'acme.zendesk.com' },
    { source: 'jira', project: 'OPS', priority: 'Highest' },
  ];
  const cases = [design, sample].flatMap((cfg) => tickets.flatMap((t) => (['resolution', 'firstResponse'] as const).map((metric) => [cfg, t, metric] as const)));

  it.each(cases)('%#', (cfg, facts, metric) => {
    const expected = matchPolicy(cfg, ticket(facts), metric);
    const e = explainMatch(cfg, ticket(facts), metric);
    expect(e.applied?.policy.id ?? null).toBe(expected?.policy.id ?? null);
    expect(e.applied?.targetMs).toBe(expected?.targetMs);
    const appliedIndex = e.applied ? cfg.policies.indexOf(e.applied.policy) : cfg.policies.length;
    expect(e.rejected.map((r) => r.policy.id)).toEqual(cfg.policies.slice(0, appliedIndex).map((p) => p.id));
  });

  it('on random tickets against a config that uses every match key', () => {
    const cfg = config(
      [
        {
          id: 'a',
          match: { source: 'jira', site: '*.atlassian.net', project: ['SUP', 'OPS'], labels: { any: ['vip', 'gold'], none: ['internal'] } },
          calendar: 'emea',
          targets: { High: { resolution: '4h' } },
        },
        { id: 'b', match: { issueType: 'Bug', status: ['Open', 'In progress'], tags: { all: ['vip', 'eu'] } }, calendar: '24x7', targets: { '*': { firstResponse: '1h' } } },
        {
          id: 'c',
          match: { group: 'Tier 2', field: { Tier: 'gold' } },
          calendar: '24x7',
          targets: { low: { resolution: '9h' }, '*': { resolution: '10h' } },
          effective: { from: '2026-03-01', to: '2026-06-30' },
        },
        { id: 'd', extends: 'a', match: { priority: ['High', 'Low'] }, targets: { Low: { firstResponse: '2h' } } },
        { id: 'e', match: { source: 'zendesk' }, calendar: '24x7', targets: { '*': { resolution: '72h' } } },
      ],
      [BERLIN_WEEKDAYS],
    );
    const pick = <T>(values: T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
    const facts = fc.record({
      source: fc.constantFrom('jira' as const, 'zendesk' as const),
      site: fc.constantFrom('acme.atlassian.net', 'acme.zendesk.com', 'support.acme.com'),
      project: pick(['SUP', 'ops', 'DEV']),
      issueType: pick(['bug', 'Task']),
      status: pick(['open', 'Closed', 'IN PROGRESS']),
      priority: pick(['High', 'low', 'Urgent']),
      group: pick(['tier 2', 'Tier 1']),
      labels: fc.option(fc.subarray(['VIP', 'gold', 'internal', 'eu', 'x']), { nil: undefined }),
      fields: fc.option(fc.record({ tier: fc.constantFrom('Gold', 'silver') }), { nil: undefined }),
      created: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
    });
    fc.assert(
      fc.property(facts, fc.constantFrom<MetricName>('resolution', 'firstResponse'), (f, metric) => {
        const t = ticket(Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)));
        const e = explainMatch(cfg, t, metric);
        const m = matchPolicy(cfg, t, metric);
        expect(e.applied?.policy.id ?? null).toBe(m?.policy.id ?? null);
        expect(e.applied?.targetMs).toBe(m?.targetMs);
        for (const r of e.rejected) expect(r.reason).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
