import { describe, expect, it } from 'vitest';
import { matchPolicy, siteGlob } from './match';
import { BERLIN_WEEKDAYS, config, ticket } from './test-helpers';

const H = 3_600_000;
const catchAll = (id: string, match: unknown, extra: object = {}) => ({
  id,
  match,
  calendar: '24x7',
  targets: { '*': { firstResponse: '1h', resolution: '8h' } },
  ...extra,
});
const hitId = (cfg: ReturnType<typeof config>, t = ticket(), metric: 'resolution' | 'firstResponse' = 'resolution') => matchPolicy(cfg, t, metric)?.policy.id ?? null;

describe('matchPolicy: match keys', () => {
  it('an absent or empty match takes every ticket', () => {
    expect(hitId(config([{ id: 'a', calendar: '24x7', targets: { '*': { resolution: '1h' } } }]))).toBe('a');
    expect(hitId(config([catchAll('a', {})]), ticket({ source: 'zendesk', site: 'x.zendesk.com' }))).toBe('a');
  });

  it('source', () => {
    const cfg = config([catchAll('z', { source: 'zendesk' })]);
    expect(hitId(cfg, ticket({ source: 'zendesk' }))).toBe('z');
    expect(hitId(cfg, ticket({ source: 'jira' }))).toBeNull();
  });

  it.each([
    ['*.atlassian.net', 'acme.atlassian.net', true],
    ['*.atlassian.net', 'ACME.Atlassian.NET', true],
    ['*.atlassian.net', 'eu.acme.atlassian.net', true],
    ['*.atlassian.net', 'atlassian.net', false],
    ['*.atlassian.net', 'acme.atlassian.net.evil.com', false],
    ['*.atlassian.net', 'acmeXatlassian.net', false],
    ['support.acme.com', 'support.acme.com', true],
    ['support.acme.com', 'support.acme.co', false],
  ])('site glob %s vs %s → %s', (glob, host, expected) => {
    expect(siteGlob(glob).test(host)).toBe(expected);
    expect(hitId(config([catchAll('s', { site: glob })]), ticket({ site: host })) === 's').toBe(expected);
  });

  it('site accepts a list (any of)', () => {
    const cfg = config([catchAll('s', { site: ['support.acme.com', '*.zendesk.com'] })]);
    expect(hitId(cfg, ticket({ site: 'acme.zendesk.com' }))).toBe('s');
    expect(hitId(cfg, ticket({ site: 'acme.atlassian.net' }))).toBeNull();
  });

  it.each(['project', 'issueType', 'requestType', 'priority', 'status', 'group', 'organization', 'assignee'] as const)(
    '%s: one name or any of a list, case-insensitive; a ticket without it does not match',
    (key) => {
      const single = config([catchAll('p', { [key]: 'Sup Desk' })]);
      expect(hitId(single, ticket({ [key]: 'sup desk' }))).toBe('p');
      expect(hitId(single, ticket({ [key]: 'SUP DESK' }))).toBe('p');
      expect(hitId(single, ticket({ [key]: 'Other' }))).toBeNull();
      expect(hitId(single, ticket({ [key]: undefined }))).toBeNull();
      const list = config([catchAll('p', { [key]: ['One', 'Two'] })]);
      expect(hitId(list, ticket({ [key]: 'two' }))).toBe('p');
      expect(hitId(list, ticket({ [key]: 'three' }))).toBeNull();
    },
  );

  it.each(['group', 'organization', 'assignee'] as const)('%s also matches the alias its source gives (an id, as imported Zendesk policies name it), through the index too', (key) => {
    const cfg = config([catchAll('by-name', { [key]: 'Tier 2' }), catchAll('by-id', { [key]: '360002' })]);
    expect(hitId(cfg, ticket({ [key]: 'Tier 2', aliases: { [key]: '360001' } }))).toBe('by-name');
    expect(hitId(cfg, ticket({ [key]: 'Tier 3', aliases: { [key]: '360002' } }))).toBe('by-id');
    expect(hitId(cfg, ticket({ aliases: { [key]: '360002' } }))).toBe('by-id');
    expect(hitId(cfg, ticket({ source: 'zendesk', [key]: 'Tier 3', aliases: { [key]: '360003' } }))).toBeNull();
  });

  it.each([
    ['group', 'group_id'],
    ['organization', 'organization_id'],
    ['assignee', 'assignee_id'],
  ] as const)('%s: no vendor field is read as an alias; only the source says what a name is also called', (key, idField) => {
    const cfg = config([catchAll('by-id', { [key]: '360002' })]);
    // A Zendesk ticket as its adapter sends it now: the ids are its aliases, `fields` is only fields.
    expect(hitId(cfg, ticket({ source: 'zendesk', aliases: {}, fields: { [idField]: 360002 } }))).toBeNull();
    // A Jira ticket never had its fields read as aliases.
    expect(hitId(cfg, ticket({ source: 'jira', fields: { [idField]: 360002 } }))).toBeNull();
    // Aliases only for these three: a project is never matched through a field.
    expect(hitId(config([catchAll('p', { project: '7' })]), ticket({ fields: { project_id: 7 } }))).toBeNull();
  });

  it('all keys must hold (AND)', () => {
    const cfg = config([catchAll('p', { source: 'jira', project: 'SUP', status: 'Open' })]);
    expect(hitId(cfg, ticket({ project: 'SUP', status: 'open' }))).toBe('p');
    expect(hitId(cfg, ticket({ project: 'SUP', status: 'Closed' }))).toBeNull();
    expect(hitId(cfg, ticket({ project: 'OPS', status: 'Open' }))).toBeNull();
  });

  describe('labels and tags', () => {
    const cases: Array<[string, object, string[] | undefined, boolean]> = [
      ['any: one present', { any: ['vip', 'gold'] }, ['GOLD', 'x'], true],
      ['any: none present', { any: ['vip', 'gold'] }, ['x'], false],
      ['any: no labels at all', { any: ['vip'] }, undefined, false],
      ['all: every one present', { all: ['vip', 'eu'] }, ['eu', 'Vip', 'x'], true],
      ['all: one missing', { all: ['vip', 'eu'] }, ['vip'], false],
      ['none: absent', { none: ['internal'] }, ['vip'], true],
      ['none: present', { none: ['internal'] }, ['Internal'], false],
      ['none: no labels at all', { none: ['internal'] }, undefined, true],
      ['any + none together', { any: ['vip'], none: ['internal'] }, ['vip', 'internal'], false],
    ];
    it.each(cases)('%s', (_name, set, labels, expected) => {
      for (const key of ['labels', 'tags']) {
        const cfg = config([catchAll('l', { [key]: set })]);
        expect(hitId(cfg, ticket({ labels }))).toBe(expected ? 'l' : null);
      }
    });

    it('labels and tags both written: both must hold', () => {
      const cfg = config([catchAll('l', { labels: { any: ['a'] }, tags: { any: ['b'] } })]);
      expect(hitId(cfg, ticket({ labels: ['a', 'b'] }))).toBe('l');
      expect(hitId(cfg, ticket({ labels: ['a'] }))).toBeNull();
    });
  });

  describe('field', () => {
    const fields = { customfield_100: 'Gold', Tier: 3, 'Is VIP': true, Components: ['API', 'Web'], Empty: null };
    it.each([
      [{ customfield_100: 'gold' }, true],
      [{ customfield_100: 'silver' }, false],
      [{ tier: 3 }, true],
      [{ Tier: '3' }, true],
      [{ Tier: 4 }, false],
      [{ 'is vip': true }, true],
      [{ 'Is VIP': false }, false],
      [{ Components: 'web' }, true],
      [{ Components: 'mobile' }, false],
      [{ Empty: 'x' }, false],
      [{ Missing: 'x' }, false],
      [{ customfield_100: 'gold', Tier: 3 }, true],
      [{ customfield_100: 'gold', Tier: 2 }, false],
    ])('%j → %s', (field, expected) => {
      expect(hitId(config([catchAll('f', { field })]), ticket({ fields }))).toBe(expected ? 'f' : null);
    });

    it('a ticket without custom fields does not match a field condition', () => {
      expect(hitId(config([catchAll('f', { field: { x: 'y' } })]), ticket())).toBeNull();
    });
  });
});

describe('matchPolicy: effective period', () => {
  const berlin = config([{ id: 'e', calendar: 'emea', targets: { '*': { resolution: '8h' } }, effective: { from: '2026-01-01', to: '2026-01-31' } }], [BERLIN_WEEKDAYS]);
  it.each([
    ['Berlin midnight starting Jan 1', Date.UTC(2025, 11, 31, 23, 0), true],
    ['just before it', Date.UTC(2025, 11, 31, 22, 59, 59, 999), false],
    ['last instant of Jan 31 in Berlin', Date.UTC(2026, 0, 31, 22, 59, 59, 999), true],
    ['Berlin midnight ending Jan 31', Date.UTC(2026, 0, 31, 23, 0), false],
  ])('calendar zone: %s', (_name, created, expected) => {
    expect(hitId(berlin, ticket({ created }))).toBe(expected ? 'e' : null);
  });

  it('summer time: the end of the day is read with the offset of that date', () => {
    const summer = config([{ id: 'e', calendar: 'emea', targets: { '*': { resolution: '8h' } }, effective: { to: '2026-07-15' } }], [BERLIN_WEEKDAYS]);
    expect(hitId(summer, ticket({ created: Date.UTC(2026, 6, 15, 21, 59) }))).toBe('e');
    expect(hitId(summer, ticket({ created: Date.UTC(2026, 6, 15, 22, 0) }))).toBeNull();
  });

  it('24x7 reads the dates in UTC', () => {
    const utc = config([{ id: 'u', calendar: '24x7', targets: { '*': { resolution: '8h' } }, effective: { from: '2026-03-01', to: '2026-03-01' } }]);
    expect(hitId(utc, ticket({ created: Date.UTC(2026, 2, 1, 0, 0) }))).toBe('u');
    expect(hitId(utc, ticket({ created: Date.UTC(2026, 2, 1, 23, 59, 59, 999) }))).toBe('u');
    expect(hitId(utc, ticket({ created: Date.UTC(2026, 1, 28, 23, 59, 59, 999) }))).toBeNull();
    expect(hitId(utc, ticket({ created: Date.UTC(2026, 2, 2) }))).toBeNull();
  });

  it('outside its period the next policy applies', () => {
    const cfg = config([{ id: 'promo', calendar: '24x7', targets: { '*': { resolution: '1h' } }, effective: { from: '2027-01-01' } }, catchAll('base', {})]);
    expect(hitId(cfg, ticket({ created: Date.UTC(2026, 0, 1) }))).toBe('base');
    expect(hitId(cfg, ticket({ created: Date.UTC(2027, 0, 1) }))).toBe('promo');
  });
});

describe('matchPolicy: priorities, order and metrics', () => {
  const cfg = config([
    {
      id: 'p',
      calendar: '24x7',
      targets: { High: { firstResponse: '1h', resolution: '8h' }, '*': { resolution: '40h' } },
    },
  ]);

  it('exact priority name, case-insensitively', () => {
    expect(matchPolicy(cfg, ticket({ priority: 'High' }), 'resolution')?.targetMs).toBe(8 * H);
    expect(matchPolicy(cfg, ticket({ priority: 'HIGH' }), 'resolution')?.targetMs).toBe(8 * H);
  });

  it('falls back to "*" for other priorities and for tickets without one', () => {
    expect(matchPolicy(cfg, ticket({ priority: 'Low' }), 'resolution')?.targetMs).toBe(40 * H);
    expect(matchPolicy(cfg, ticket({ priority: undefined }), 'resolution')?.targetMs).toBe(40 * H);
  });

  it('falls back to "*" per metric, and finds nothing when neither has the metric', () => {
    const perMetric = config([{ id: 'm', calendar: '24x7', targets: { High: { firstResponse: '1h' }, '*': { resolution: '40h' } } }]);
    expect(matchPolicy(perMetric, ticket({ priority: 'High' }), 'resolution')?.targetMs).toBe(40 * H);
    expect(matchPolicy(perMetric, ticket({ priority: 'Low' }), 'firstResponse')).toBeNull();
  });

  it('without "*", a priority it does not list finds no target', () => {
    const noStar = config([{ id: 'n', calendar: '24x7', targets: { High: { resolution: '8h' } } }]);
    expect(matchPolicy(noStar, ticket({ priority: 'Low' }), 'resolution')).toBeNull();
  });

  it('the first matching policy in file order applies', () => {
    const ordered = config([catchAll('first', { project: 'SUP' }, { targets: { '*': { resolution: '2h' } } }), catchAll('second', { project: 'SUP' })]);
    const hit = matchPolicy(ordered, ticket({ project: 'SUP' }), 'resolution');
    expect(hit?.policy.id).toBe('first');
    expect(hit?.targetMs).toBe(2 * H);
  });

  it('a matching policy without a target for the metric lets a later policy apply', () => {
    const fallthrough = config([
      { id: 'resolution-only', match: { project: 'SUP' }, calendar: '24x7', targets: { '*': { resolution: '2h' } } },
      { id: 'urgent-only', match: { project: 'SUP' }, calendar: '24x7', targets: { Urgent: { firstResponse: '10m' } } },
      catchAll('fallback', {}),
    ]);
    expect(hitId(fallthrough, ticket({ project: 'SUP', priority: 'Urgent' }), 'resolution')).toBe('resolution-only');
    expect(hitId(fallthrough, ticket({ project: 'SUP', priority: 'Urgent' }), 'firstResponse')).toBe('urgent-only');
    expect(hitId(fallthrough, ticket({ project: 'SUP', priority: 'Low' }), 'firstResponse')).toBe('fallback');
  });

  it('returns the resolved calendar, pauses and warning threshold of the policy', () => {
    const cfg2 = config([{ id: 'x', calendar: 'emea', targets: { '*': { resolution: 90 } }, pauseOn: ['Waiting for Customer'], warnAt: '30m' }], [BERLIN_WEEKDAYS]);
    const hit = matchPolicy(cfg2, ticket(), 'resolution');
    expect(hit?.targetMs).toBe(1.5 * H);
    expect(hit?.policy.calendarId).toBe('emea');
    expect(hit?.policy.pauseOn).toEqual(['waiting for customer']);
    expect(hit?.policy.warnAt).toEqual({ remainingMs: 0.5 * H });
  });

  it('a child listed above its parent narrows it; the parent takes the rest', () => {
    const family = config([
      { id: 'eu', extends: 'enterprise', match: { labels: { any: ['eu'] } }, targets: { High: { resolution: '6h' } } },
      { id: 'enterprise', match: { project: 'SUP' }, calendar: '24x7', targets: { High: { resolution: '8h' } } },
    ]);
    expect(matchPolicy(family, ticket({ project: 'SUP', priority: 'High', labels: ['eu'] }), 'resolution')).toMatchObject({ policy: { id: 'eu' }, targetMs: 6 * H });
    expect(matchPolicy(family, ticket({ project: 'OPS', priority: 'High', labels: ['eu'] }), 'resolution')).toBeNull();
    expect(matchPolicy(family, ticket({ project: 'SUP', priority: 'High' }), 'resolution')).toMatchObject({ policy: { id: 'enterprise' }, targetMs: 8 * H });
  });

  it('an abstract base policy (no targets, no calendar) never applies', () => {
    const abstract = config([{ id: 'base', match: {} }, catchAll('child', { project: 'SUP' }, { extends: 'base' })]);
    expect(hitId(abstract, ticket({ project: 'SUP' }))).toBe('child');
    expect(hitId(abstract, ticket({ project: 'OPS' }))).toBeNull();
  });

  it('a config that went through structured cloning (storage) still matches', () => {
    const cloned = structuredClone(config([catchAll('a', { project: 'SUP' })]));
    expect(hitId(cloned, ticket({ project: 'sup' }))).toBe('a');
  });
});
