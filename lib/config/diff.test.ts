import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffConfigs } from './diff';
import { parseConfigText } from './parse';
import type { ConfigV1 } from './schema';
import { expectOk } from './test-helpers';

const design = JSON.parse(readFileSync(new URL('./__fixtures__/design-example.json', import.meta.url), 'utf8')) as ConfigV1;
const edit = (change: (doc: ConfigV1) => void): ConfigV1 => {
  const copy = structuredClone(design);
  change(copy);
  return copy;
};
const texts = (...args: Parameters<typeof diffConfigs>) => diffConfigs(...args).map((c) => c.text);

describe('diffConfigs', () => {
  it('no change, no summary', () => {
    expect(diffConfigs(design, structuredClone(design))).toEqual([]);
  });

  it('the first import lists everything as added, in file order', () => {
    expect(texts(null, design)).toEqual([
      'Config name (none) → "Acme support SLAs"',
      'Calendar "emea" added (Europe/Berlin)',
      'Policy "enterprise" added at position 1',
      'Policy "enterprise-eu" added at position 2',
      'Policy "zendesk-standard" added at position 3',
    ]);
  });

  it('a target change names the policy, priority, metric and both values', () => {
    const after = edit((d) => (d.policies[0]!.targets!.High!.resolution = '6h'));
    expect(diffConfigs(design, after)).toEqual([
      { kind: 'changed', subject: 'policy', id: 'enterprise', field: 'targets.High.resolution', before: '8h', after: '6h', text: 'Policy "enterprise": High resolution target 8h → 6h' },
      // The child inherits the target, so tickets under it change too.
      { kind: 'changed', subject: 'policy', id: 'enterprise-eu', field: 'targets.High.resolution', before: '8h', after: '6h', text: 'Policy "enterprise-eu": High resolution target 8h → 6h' },
    ]);
  });

  it('targets added and removed, per priority and metric', () => {
    const after = edit((d) => {
      const z = d.policies[2]!.targets!;
      delete z.urgent;
      z['*'] = { resolution: '72h', firstResponse: '1h30m' };
    });
    expect(texts(design, after)).toEqual(['Policy "zendesk-standard": new * (other priorities) first response target 1h30m', 'Policy "zendesk-standard": urgent resolution target 4h removed']);
  });

  it('calendar: zone, day hours and holidays', () => {
    const after = edit((d) => {
      const c = d.calendars![0]!;
      c.timeZone = 'Europe/Paris';
      c.week.fri = [['09:00', '17:00']];
      c.week.sat = [['10:00', '14:00']];
      c.holidays = ['2026-12-25', { from: '2026-12-28', to: '2026-12-31', name: 'Year end' }, { date: '2026-12-24', hours: [['09:00', '12:00']] }];
    });
    expect(texts(design, after)).toEqual([
      'Calendar "emea": time zone Europe/Berlin → Europe/Paris',
      'Calendar "emea": Friday hours 09:00–16:00 → 09:00–17:00',
      'Calendar "emea": Saturday hours closed → 10:00–14:00',
      'Calendar "emea": holiday 2026-12-26 removed',
      'Calendar "emea": holiday 2026-12-28 to 2026-12-31 (Year end) added',
    ]);
  });

  it('policy order: a swap reports the one policy that moved', () => {
    const after = edit((d) => {
      d.policies = [d.policies[1]!, d.policies[0]!, d.policies[2]!];
    });
    const changes = diffConfigs(design, after);
    expect(changes.filter((c) => c.kind === 'moved')).toEqual([
      {
        kind: 'moved',
        subject: 'policy',
        id: 'enterprise-eu',
        field: 'position',
        before: '2',
        after: '1',
        text: 'Policy "enterprise-eu" moved from position 2 to 1 (the first matching policy applies)',
      },
    ]);
  });

  it('a policy inserted above others is added, not a move of the rest', () => {
    const after = edit((d) => d.policies.unshift({ id: 'vip', calendar: '24x7', match: { labels: { any: ['vip'] } }, targets: { '*': { resolution: '2h' } } }));
    expect(texts(design, after)).toEqual(['Policy "vip" added at position 1']);
  });

  it('removed policies and calendars; the config name', () => {
    const after = edit((d) => {
      d.name = 'Acme SLAs 2027';
      d.policies = d.policies.filter((p) => p.id !== 'zendesk-standard');
      d.policies[0]!.calendar = '24x7';
      d.policies[1]!.calendar = '24x7';
      d.calendars = [];
    });
    expect(texts(design, after)).toEqual([
      'Config name "Acme support SLAs" → "Acme SLAs 2027"',
      'Calendar "emea" removed',
      'Policy "zendesk-standard" removed',
      'Policy "enterprise": calendar emea → 24x7',
      'Policy "enterprise-eu": calendar emea → 24x7',
    ]);
  });

  it('match, pauses, warning threshold and period', () => {
    const after = edit((d) => {
      const p = d.policies[2]!;
      p.match = { source: 'zendesk', group: ['Tier 2', 'Tier 3'] };
      p.pauseOn = ['pending'];
      p.warnAt = '1h';
      p.effective = { from: '2026-07-01' };
    });
    expect(texts(design, after)).toEqual([
      'Policy "zendesk-standard": match source zendesk → source zendesk, group Tier 2 or Tier 3',
      'Policy "zendesk-standard": pauses on pending, hold → pending',
      'Policy "zendesk-standard": warning threshold 75% → 1h left',
      'Policy "zendesk-standard": effective period always → from 2026-07-01',
    ]);
  });

  it('objective, credit tiers, cap and fee: set, changed and removed, on each policy that inherits them', () => {
    const tiers = [
      { below: '95%', credit: '5%' },
      { below: '90%', credit: '10%' },
    ];
    const before = edit((d) => {
      Object.assign(d.policies[0]!, { objective: '95%', credits: tiers, creditCap: '25%', fee: { amount: 12000, currency: 'EUR' } });
    });
    expect(texts(design, before).filter((t) => t.startsWith('Policy "enterprise":'))).toEqual([
      'Policy "enterprise": objective (none) → 95%',
      'Policy "enterprise": credit tiers added: below 95% 5%, below 90% 10%',
      'Policy "enterprise": credit cap (none) → 25%',
      'Policy "enterprise": fee (none) → 12,000 EUR',
    ]);

    const after = edit((d) => {
      Object.assign(d.policies[0]!, { objective: '97%', credits: [tiers[0], { below: '90%', credit: '15%' }], fee: { amount: 15000, currency: 'EUR' } });
    });
    expect(diffConfigs(before, after).filter((c) => c.id === 'enterprise')).toEqual([
      { kind: 'changed', subject: 'policy', id: 'enterprise', field: 'objective', before: '95%', after: '97%', text: 'Policy "enterprise": objective 95% → 97%' },
      {
        kind: 'changed',
        subject: 'policy',
        id: 'enterprise',
        field: 'credits',
        before: 'below 95% 5%, below 90% 10%',
        after: 'below 95% 5%, below 90% 15%',
        text: 'Policy "enterprise": credit tiers changed: below 95% 5%, below 90% 15% (before: below 95% 5%, below 90% 10%)',
      },
      { kind: 'changed', subject: 'policy', id: 'enterprise', field: 'creditCap', before: '25%', text: 'Policy "enterprise": credit cap 25% → (none)' },
      { kind: 'changed', subject: 'policy', id: 'enterprise', field: 'fee', before: '12,000 EUR', after: '15,000 EUR', text: 'Policy "enterprise": fee 12,000 EUR → 15,000 EUR' },
    ]);
    // The child inherits all four, so its tickets' credits change too.
    expect(
      diffConfigs(before, after)
        .filter((c) => c.id === 'enterprise-eu')
        .map((c) => c.field),
    ).toEqual(['objective', 'credits', 'creditCap', 'fee']);

    expect(texts(before, design).filter((t) => t.startsWith('Policy "enterprise":'))).toEqual([
      'Policy "enterprise": objective 95% → (none)',
      'Policy "enterprise": credit tiers removed (were: below 95% 5%, below 90% 10%)',
      'Policy "enterprise": credit cap 25% → (none)',
      'Policy "enterprise": fee 12,000 EUR → (none)',
    ]);
  });

  it('objectives and fees compare by value: the same percentage written otherwise is no change; a currency or a cent is', () => {
    const before = edit((d) => Object.assign(d.policies[2]!, { objective: '99.5%', fee: { amount: 1000, currency: 'EUR' } }));
    expect(
      diffConfigs(
        before,
        edit((d) => Object.assign(d.policies[2]!, { objective: '99.50%', fee: { amount: 1000.0, currency: 'EUR' } })),
      ),
    ).toEqual([]);
    expect(
      texts(
        before,
        edit((d) => Object.assign(d.policies[2]!, { objective: '99.5%', fee: { amount: 1000, currency: 'USD' } })),
      ),
    ).toEqual(['Policy "zendesk-standard": fee 1,000 EUR → 1,000 USD']);
    expect(
      texts(
        before,
        edit((d) => Object.assign(d.policies[2]!, { objective: '99.5%', fee: { amount: 1000.004, currency: 'EUR' } })),
      ),
    ).toEqual(['Policy "zendesk-standard": fee 1,000 EUR → 1,000.004 EUR']);
  });

  it('watched scopes: added, removed and renamed, each with what it is and where, as configuration changes', () => {
    const queue = { site: 'acme.atlassian.net', name: 'SUP queue', queue: { serviceDesk: 2, id: 7 } };
    const view = { site: 'acme.zendesk.com', view: 360001 };
    const jql = { site: 'acme.atlassian.net', jql: 'project = SUP AND statusCategory != Done' };
    const before = edit((d) => (d.watch = [queue, view]));
    expect(texts(design, before)).toEqual(['Watch: added “SUP queue” (queue 7 of service desk 2 on acme.atlassian.net)', 'Watch: added view 360001 on acme.zendesk.com']);

    const after = edit((d) => (d.watch = [jql, { ...view, name: 'Tier 2' }, { ...queue, name: 'Support queue' }]));
    expect(diffConfigs(before, after)).toEqual([
      {
        kind: 'added',
        subject: 'config',
        id: 'team:acme.atlassian.net:jql:project = SUP AND statusCategory != Done',
        field: 'watch',
        after: 'JQL “project = SUP AND statusCategory != Done” on acme.atlassian.net',
        text: 'Watch: added JQL “project = SUP AND statusCategory != Done” on acme.atlassian.net',
      },
      { kind: 'changed', subject: 'config', id: 'team:acme.zendesk.com:view:360001', field: 'watch', after: 'Tier 2', text: 'Watch: renamed (no name) → “Tier 2” (view 360001 on acme.zendesk.com)' },
      {
        kind: 'changed',
        subject: 'config',
        id: 'team:acme.atlassian.net:queue:2/7',
        field: 'watch',
        before: 'SUP queue',
        after: 'Support queue',
        text: 'Watch: renamed “SUP queue” → “Support queue” (queue 7 of service desk 2 on acme.atlassian.net)',
      },
    ]);
    expect(texts(after, design)).toEqual([
      'Watch: removed JQL “project = SUP AND statusCategory != Done” on acme.atlassian.net',
      'Watch: removed “Tier 2” (view 360001 on acme.zendesk.com)',
      'Watch: removed “Support queue” (queue 7 of service desk 2 on acme.atlassian.net)',
    ]);
  });

  it('watched scopes: another query is another scope; a new order or spelling of the same scope is no change', () => {
    const before = edit(
      (d) =>
        (d.watch = [
          { site: 'acme.atlassian.net', filter: 10001 },
          { site: 'acme.zendesk.com', search: 'status<solved' },
        ]),
    );
    const same = edit(
      (d) =>
        (d.watch = [
          { site: 'acme.zendesk.com', search: ' status<solved ' },
          { site: 'Acme.atlassian.net', filter: '10001' },
        ]),
    );
    expect(diffConfigs(before, same)).toEqual([]);
    const other = edit(
      (d) =>
        (d.watch = [
          { site: 'acme.atlassian.net', filter: 10002 },
          { site: 'acme.zendesk.com', search: 'status<solved' },
        ]),
    );
    expect(texts(before, other)).toEqual(['Watch: removed saved filter 10001 on acme.atlassian.net', 'Watch: added saved filter 10002 on acme.atlassian.net']);
  });

  it('accepts resolved configs and documents alike, with the same result', () => {
    const after = edit((d) => (d.policies[0]!.warnAt = '80%'));
    const resolvedBefore = expectOk(parseConfigText(JSON.stringify(design), 'a.json')).config;
    expect(diffConfigs(resolvedBefore, after)).toEqual(diffConfigs(design, after));
    expect(texts(resolvedBefore, after)).toEqual(['Policy "enterprise": warning threshold 75% → 80%', 'Policy "enterprise-eu": warning threshold 75% → 80%']);
  });

  it('refuses an invalid document rather than guessing', () => {
    expect(() =>
      diffConfigs(
        design,
        edit((d) => (d.policies[0]!.calendar = 'nowhere')),
      ),
    ).toThrow(/policies\[0\]\.calendar/);
  });
});
