import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeManaged, hostName, isLocked, MANAGED_KEYS, MAX_IGNORED_LISTED, MAX_INLINE_CONFIG_BYTES, MAX_SITES, MAX_URL_LENGTH, readManaged } from './read';

const FULL = {
  configUrl: 'https://config.acme.example/sla.yaml',
  refreshMinutes: 30,
  config: 'version: 1\npolicies: []\n',
  locked: true,
  sites: ['acme.atlassian.net', 'jira.example.com'],
  alerts: { enabled: true, leadMinutes: 30, quietHours: { from: '19:00', to: '08:00' }, mutedSites: ['sandbox.atlassian.net'] },
};

const reasons = (raw: unknown) => readManaged(raw).ignored.map((i) => i.reason);

describe('readManaged', () => {
  it('applies a valid, complete policy as it is', () => {
    expect(readManaged(FULL)).toEqual({
      settings: { ...FULL, config: { kind: 'text', value: FULL.config } },
      inForce: ['configUrl', 'refreshMinutes', 'config', 'locked', 'sites', 'alerts'],
      ignored: [],
      notes: [],
    });
  });

  it.each([undefined, null])('reads %s (no policy; Firefox rejects managed.get() then) as no settings and nothing to report', (raw) => {
    expect(readManaged(raw)).toEqual({ settings: {}, inForce: [], ignored: [], notes: [] });
  });

  it.each<[unknown, string]>([
    [['configUrl'], 'a list'],
    ['https://config.acme.example/sla.yaml', '"https://config.acme.example/sla.yaml"'],
    [42, '42'],
    [true, 'true'],
  ])('refuses a policy that is not an object of settings: %j', (raw, got) => {
    expect(readManaged(raw)).toEqual({
      settings: {},
      inForce: [],
      ignored: [{ key: '(policy)', reason: `the whole policy: expected an object of named settings, got ${got}` }],
      notes: [],
    });
  });

  it.each<[string, unknown, string, string]>([
    ['configUrl', 42, 'configUrl', 'configUrl: expected an https:// address, got 42'],
    ['configUrl', '', 'configUrl', 'configUrl: is empty'],
    ['configUrl', 'config.acme.example/sla.yaml', 'configUrl', 'configUrl: "config.acme.example/sla.yaml" is not a web address'],
    ['refreshMinutes', 'thirty', 'refreshMinutes', 'refreshMinutes: expected a whole number of minutes, got "thirty"'],
    ['refreshMinutes', '30', 'refreshMinutes', 'refreshMinutes: expected a whole number of minutes, got "30"'],
    ['refreshMinutes', 30.5, 'refreshMinutes', 'refreshMinutes: expected a whole number of minutes, got 30.5'],
    ['config', 42, 'config', 'config: expected an SLA configuration (an object, or its JSON or YAML text), got 42'],
    ['config', [{ id: 'p' }], 'config', 'config: expected an SLA configuration (an object, or its JSON or YAML text), got a list'],
    ['config', '  \n', 'config', 'config: is empty'],
    ['locked', 'yes', 'locked', 'locked: expected true or false, got "yes"'],
    ['locked', 1, 'locked', 'locked: expected true or false, got 1'],
    ['sites', 'acme.atlassian.net', 'sites', 'sites: expected a list of host names such as acme.atlassian.net, got "acme.atlassian.net"'],
    ['alerts', true, 'alerts', 'alerts: expected an object of alert settings (enabled, leadMinutes, quietHours, mutedSites), got true'],
    ['alerts', [], 'alerts', 'alerts: expected an object of alert settings (enabled, leadMinutes, quietHours, mutedSites), got a list'],
  ])('ignores %s = %j, saying why', (key, value, reportedKey, reason) => {
    const reading = readManaged({ ...FULL, [key]: value });
    expect(reading.ignored).toEqual([{ key: reportedKey, reason }]);
    expect(reading.inForce).not.toContain(key);
    expect(reading.settings).not.toHaveProperty(key);
    // The other keys are applied all the same.
    expect(reading.inForce).toHaveLength(MANAGED_KEYS.length - 1);
  });

  it('keeps locked: false in force (an organisation may say so explicitly)', () => {
    const reading = readManaged({ locked: false });
    expect(reading.settings).toEqual({ locked: false });
    expect(reading.inForce).toEqual(['locked']);
    expect(isLocked(reading)).toBe(false);
    expect(isLocked(readManaged({ locked: true }))).toBe(true);
    expect(isLocked(readManaged({ locked: 'true' }))).toBe(false);
    expect(isLocked(readManaged(undefined))).toBe(false);
  });

  it('reports unknown keys without failing the rest, and suggests a known key written in another case', () => {
    const reading = readManaged({ configurl: 'https://a.example/x.json', colour: 'red', locked: true });
    expect(reading.settings).toEqual({ locked: true });
    expect(reading.ignored).toEqual([
      { key: 'configurl', reason: 'configurl: not a setting SLA Lens knows; did you mean configUrl?' },
      { key: 'colour', reason: 'colour: not a setting SLA Lens knows' },
    ]);
  });

  it('shortens a very long unknown key', () => {
    const [only] = readManaged({ ['k'.repeat(500)]: 1 }).ignored;
    expect(only!.key).toBe(`${'k'.repeat(64)}…`);
    expect(only!.reason.length).toBeLessThan(120);
  });

  describe('configUrl', () => {
    it.each([
      ['http://config.acme.example/sla.yaml', 'configUrl: SLA Lens only loads a configuration over https, and "http://config.acme.example/sla.yaml" is not an https:// address'],
      ['ftp://config.acme.example/sla.yaml', 'configUrl: SLA Lens only loads a configuration over https, and "ftp://config.acme.example/sla.yaml" is not an https:// address'],
      ['https://admin:secret@config.acme.example/sla.yaml', 'configUrl: the address holds a user name or password, which browsers refuse to fetch; publish the file at an address without one'],
    ])('ignores %s', (url, reason) => {
      expect(readManaged({ configUrl: url })).toEqual({ settings: {}, inForce: [], ignored: [{ key: 'configUrl', reason }], notes: [] });
    });

    it('trims the address and keeps it in the browser’s own spelling', () => {
      expect(readManaged({ configUrl: '  https://Config.ACME.example/sla.yaml ' }).settings.configUrl).toBe('https://config.acme.example/sla.yaml');
    });

    it(`accepts ${MAX_URL_LENGTH} characters and ignores one more`, () => {
      const base = 'https://config.acme.example/';
      const fits = base + 'a'.repeat(MAX_URL_LENGTH - base.length);
      expect(readManaged({ configUrl: fits }).settings.configUrl).toBe(fits);
      expect(reasons({ configUrl: `${fits}a` })).toEqual(['configUrl: is 2,049 characters long; an address has at most 2,048']);
    });
  });

  describe('refreshMinutes', () => {
    it.each<[number, number, string[]]>([
      [60, 60, []],
      [15, 15, []],
      [5, 15, ['refreshMinutes 5 raised to the 15-minute floor']],
      [0, 15, ['refreshMinutes 0 raised to the 15-minute floor']],
      [-30, 15, ['refreshMinutes -30 raised to the 15-minute floor']],
      [10_080, 10_080, []],
      [100_000, 10_080, ['refreshMinutes 100,000 lowered to the 7-day ceiling (10,080 minutes)']],
    ])('%i → %i in force', (given, applied, notes) => {
      const reading = readManaged({ refreshMinutes: given });
      expect(reading.settings.refreshMinutes).toBe(applied);
      expect(reading.inForce).toEqual(['refreshMinutes']);
      expect(reading.notes).toEqual(notes);
      expect(reading.ignored).toEqual([]);
    });
  });

  describe('sites', () => {
    it('lower-cases, trims and de-duplicates host names', () => {
      const reading = readManaged({ sites: [' ACME.atlassian.net ', 'acme.atlassian.net', 'jira.example.com', 'jira', '10.0.0.5'] });
      expect(reading.settings.sites).toEqual(['acme.atlassian.net', 'jira.example.com', 'jira', '10.0.0.5']);
      expect(reading.ignored).toEqual([]);
    });

    it('reports each bad entry on its own and keeps the good ones', () => {
      const reading = readManaged({ sites: ['https://Acme.atlassian.net/jira', 'acme.atlassian.net', 'jira.example.com:8443', '*.atlassian.net', 42, '', 'bad_host.example', '-x.example'] });
      expect(reading.settings.sites).toEqual(['acme.atlassian.net']);
      expect(reading.inForce).toEqual(['sites']);
      expect(reading.ignored).toEqual([
        { key: 'sites[0]', reason: 'sites[0]: "https://Acme.atlassian.net/jira" is not a host name (no https://, path or port): write acme.atlassian.net' },
        { key: 'sites[2]', reason: 'sites[2]: "jira.example.com:8443" is not a host name (no https://, path or port): write jira.example.com' },
        { key: 'sites[3]', reason: 'sites[3]: "*.atlassian.net" is a pattern; list each site\'s host name, such as acme.atlassian.net' },
        { key: 'sites[4]', reason: 'sites[4]: expected a host name such as acme.atlassian.net, got 42' },
        { key: 'sites[5]', reason: 'sites[5]: is empty' },
        { key: 'sites[6]', reason: 'sites[6]: "bad_host.example" is not a host name such as acme.atlassian.net' },
        { key: 'sites[7]', reason: 'sites[7]: "-x.example" is not a host name such as acme.atlassian.net' },
      ]);
    });

    it('does not apply a list none of whose entries is a host name', () => {
      const reading = readManaged({ sites: ['https://', 7] });
      expect(reading.settings).toEqual({});
      expect(reading.ignored.map((i) => i.key)).toEqual(['sites[0]', 'sites[1]', 'sites']);
      expect(reading.ignored.at(-1)!.reason).toBe('sites: none of its 2 entries is a host name, so it was not applied');
    });

    it('applies an empty list: the organisation lists no sites', () => {
      expect(readManaged({ sites: [] })).toEqual({ settings: { sites: [] }, inForce: ['sites'], ignored: [], notes: [] });
    });

    it(`reads up to ${MAX_SITES} entries and refuses a longer list whole`, () => {
      const many = Array.from({ length: MAX_SITES }, (_, i) => `s${i}.atlassian.net`);
      expect(readManaged({ sites: many }).settings.sites).toHaveLength(MAX_SITES);
      expect(readManaged({ sites: [...many, 'one-more.atlassian.net'] })).toEqual({
        settings: {},
        inForce: [],
        ignored: [{ key: 'sites', reason: 'sites: has 201 entries and SLA Lens reads at most 200, so none were applied' }],
        notes: [],
      });
    });

    it.each<[unknown, string]>([
      ['bücher.example', 'xn--bcher-kva.example'],
      ['JIRA.Example.COM', 'jira.example.com'],
      [`${'a'.repeat(63)}.example`, `${'a'.repeat(63)}.example`],
    ])('hostName(%j) → %s', (entry, host) => {
      expect(hostName(entry)).toEqual({ host });
    });

    it.each([`${'a'.repeat(64)}.example`, `${'abc.'.repeat(64)}example`, 'a..example', 'jira.example.com.', 'ex ample.com', '[::1]'])('hostName(%j) is a problem', (entry) => {
      expect(hostName(entry)).toHaveProperty('problem');
    });
  });

  describe('config', () => {
    it('passes an object through untouched (Firefox can deliver one)', () => {
      const config = { version: 1, policies: [{ id: 'p1', targets: { High: { firstReply: '4h' } } }] };
      const reading = readManaged({ config });
      expect(reading.settings.config).toEqual({ kind: 'object', value: config });
      expect(reading.settings.config!.value).toBe(config);
      expect(reading.inForce).toEqual(['config']);
    });

    it('passes JSON or YAML text through unparsed: its contents are checked where every import is', () => {
      for (const text of ['{"version": 1}', 'version: 1\n', 'not: [valid']) {
        expect(readManaged({ config: text }).settings.config).toEqual({ kind: 'text', value: text });
      }
    });

    it(`accepts ${MAX_INLINE_CONFIG_BYTES / 1024 / 1024} MB of text and ignores a byte more, counted in UTF-8`, () => {
      const fits = 'a'.repeat(MAX_INLINE_CONFIG_BYTES);
      expect(readManaged({ config: fits }).settings.config).toEqual({ kind: 'text', value: fits });
      expect(reasons({ config: `${fits}a` })).toEqual(['config: is 5.0 MB; SLA Lens reads configurations of up to 5 MB']);
      // Under the limit in characters, over it in bytes.
      const wide = 'é'.repeat(MAX_INLINE_CONFIG_BYTES / 2 + 1);
      expect(readManaged({ config: wide }).settings).toEqual({});
    });

    it('measures an object as the JSON it would be written as', () => {
      expect(reasons({ config: { version: 1, notes: 'x'.repeat(MAX_INLINE_CONFIG_BYTES) } })).toEqual(['config: is 5.0 MB as JSON; SLA Lens reads configurations of up to 5 MB']);
    });

    it('ignores an object that cannot be written as JSON instead of throwing', () => {
      const cyclic: Record<string, unknown> = { version: 1 };
      cyclic.self = cyclic;
      expect(reasons({ config: cyclic })).toEqual(['config: could not be read as JSON']);
    });
  });

  describe('alerts', () => {
    it('applies the settings given, and only those, as defaults', () => {
      expect(readManaged({ alerts: { leadMinutes: 45 } })).toEqual({ settings: { alerts: { leadMinutes: 45 } }, inForce: ['alerts'], ignored: [], notes: [] });
      expect(readManaged({ alerts: { quietHours: null } }).settings.alerts).toEqual({ quietHours: null });
    });

    it('ignores each bad setting on its own and keeps the rest', () => {
      const reading = readManaged({
        alerts: { enabled: 'on', leadMinutes: 30, quietHours: { from: '7pm', to: '08:00' }, mutedSites: ['sandbox.atlassian.net', 'http://x.example'], sound: 'ding' },
      });
      expect(reading.settings.alerts).toEqual({ leadMinutes: 30, mutedSites: ['sandbox.atlassian.net'] });
      expect(reading.ignored).toEqual([
        { key: 'alerts.enabled', reason: 'alerts.enabled: expected true or false, got "on"' },
        { key: 'alerts.quietHours', reason: 'alerts.quietHours: expected "from" and "to" times written HH:MM, such as {"from": "19:00", "to": "08:00"}, got from "7pm" and to "08:00"' },
        { key: 'alerts.mutedSites[1]', reason: 'alerts.mutedSites[1]: "http://x.example" is not a host name (no https://, path or port): write x.example' },
        { key: 'alerts.sound', reason: 'alerts.sound: not an alert setting SLA Lens knows (enabled, leadMinutes, quietHours, mutedSites)' },
      ]);
    });

    it.each<[unknown, string]>([
      [0, 'alerts.leadMinutes: expected a whole number of minutes from 1 to 1,440, got 0'],
      [1441, 'alerts.leadMinutes: expected a whole number of minutes from 1 to 1,440, got 1441'],
      ['15', 'alerts.leadMinutes: expected a whole number of minutes from 1 to 1,440, got "15"'],
      [7.5, 'alerts.leadMinutes: expected a whole number of minutes from 1 to 1,440, got 7.5'],
    ])('leadMinutes %j is ignored', (leadMinutes, reason) => {
      expect(readManaged({ alerts: { leadMinutes } })).toEqual({ settings: {}, inForce: [], ignored: [{ key: 'alerts.leadMinutes', reason }], notes: [] });
    });

    it('ignores quiet hours that leave no quiet time, or that are not an object', () => {
      expect(reasons({ alerts: { quietHours: { from: '19:00', to: '19:00' } } })).toEqual(['alerts.quietHours: "from" and "to" are both 19:00, which leaves no quiet time']);
      expect(reasons({ alerts: { quietHours: '19:00-08:00' } })).toEqual([
        'alerts.quietHours: expected "from" and "to" times written HH:MM, such as {"from": "19:00", "to": "08:00"}, got "19:00-08:00"',
      ]);
      expect(reasons({ alerts: { quietHours: { from: '19:00', to: '08:00', tz: 'UTC' } } })).toEqual(['alerts.quietHours.tz: not part of quiet hours, which have only "from" and "to"']);
    });

    it('leaves alerts out of force when no setting in it could be applied', () => {
      expect(readManaged({ alerts: {} }).inForce).toEqual([]);
      expect(readManaged({ alerts: { enabled: 'yes' } }).inForce).toEqual([]);
    });
  });

  it(`lists at most ${MAX_IGNORED_LISTED} ignored entries, then says how many more`, () => {
    const junk = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`junk${i}`, i]));
    const { ignored } = readManaged(junk);
    expect(ignored).toHaveLength(MAX_IGNORED_LISTED + 1);
    expect(ignored.at(-1)).toEqual({ key: '…', reason: '30 more settings or entries' });
  });

  it('never throws, whatever the browser hands over', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...MANAGED_KEYS, 'other'), fc.anything())), (raw) => {
        const reading = readManaged(raw);
        expect(reading.inForce.every((k) => (MANAGED_KEYS as readonly string[]).includes(k))).toBe(true);
        expect(describeManaged(reading).every((line) => typeof line === 'string')).toBe(true);
      }),
      { numRuns: 300 },
    );
    const hostile = Object.defineProperty({}, 'configUrl', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(readManaged(hostile).ignored).toEqual([{ key: '(policy)', reason: 'the whole policy: it could not be read' }]);
  });
});

describe('describeManaged', () => {
  it('says nothing when there is no policy', () => {
    expect(describeManaged(readManaged(undefined))).toEqual([]);
    expect(describeManaged(readManaged({}))).toEqual([]);
  });

  it('names the source, the check interval, the lock and every other setting in force', () => {
    expect(describeManaged(readManaged(FULL))).toEqual([
      'Managed by your organisation',
      'Configuration from https://config.acme.example/sla.yaml, checked every 30 min',
      'The SLA configuration is set by your organisation',
      'Import and roll back are turned off by your organisation',
      'Sites set by your organisation: acme.atlassian.net, jira.example.com',
      'Alert defaults set by your organisation: alerts on, 30 min before a breach, quiet hours 19:00–08:00, muted sites: sandbox.atlassian.net',
    ]);
  });

  it('gives the default interval when none is set, and larger ones in hours or days', () => {
    const line = (refreshMinutes?: number) => describeManaged(readManaged({ configUrl: 'https://c.example/sla.json', ...(refreshMinutes === undefined ? {} : { refreshMinutes }) }))[1];
    expect(line()).toBe('Configuration from https://c.example/sla.json, checked every 60 min');
    expect(line(90)).toBe('Configuration from https://c.example/sla.json, checked every 90 min');
    expect(line(240)).toBe('Configuration from https://c.example/sla.json, checked every 4 h');
    expect(line(1440)).toBe('Configuration from https://c.example/sla.json, checked every 24 h');
    expect(line(10_080)).toBe('Configuration from https://c.example/sla.json, checked every 7 days');
  });

  it('says only what applies: unlocked, no URL', () => {
    expect(describeManaged(readManaged({ locked: false, refreshMinutes: 120, alerts: { enabled: false, quietHours: null } }))).toEqual([
      'Managed by your organisation',
      'A configuration URL is checked every 2 h',
      'Alert defaults set by your organisation: alerts off, no quiet hours',
    ]);
  });

  it('names the first five sites and counts the rest; an empty list declares none', () => {
    const sites = Array.from({ length: 8 }, (_, i) => `s${i}.atlassian.net`);
    expect(describeManaged(readManaged({ sites }))[1]).toBe('Sites set by your organisation: s0.atlassian.net, s1.atlassian.net, s2.atlassian.net, s3.atlassian.net, s4.atlassian.net and 3 more');
    expect(describeManaged(readManaged({ sites: [] }))[1]).toBe('Your organisation lists no sites: the configuration says which sites count');
  });

  it('adds the notes, then one line for each thing ignored', () => {
    expect(describeManaged(readManaged({ configUrl: 'http://c.example/sla.json', refreshMinutes: 5, locked: 'yes', extra: 1 }))).toEqual([
      'Managed by your organisation',
      'A configuration URL is checked every 15 min',
      'refreshMinutes 5 raised to the 15-minute floor',
      'Ignored configUrl: SLA Lens only loads a configuration over https, and "http://c.example/sla.json" is not an https:// address',
      'Ignored locked: expected true or false, got "yes"',
      'Ignored extra: not a setting SLA Lens knows',
    ]);
  });

  it('still says the organisation manages SLA Lens when nothing it set could be applied', () => {
    expect(describeManaged(readManaged([1, 2]))).toEqual(['Managed by your organisation', 'Ignored the whole policy: expected an object of named settings, got a list']);
  });
});

describe('lib/managed stays light', () => {
  // The background reads the policy on every start, and the popup may too: nothing heavy may come
  // with it. Type-only imports vanish from the build and are fine.
  const dir = new URL('.', import.meta.url);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  it.each(sources)('%s imports at run time only the subscription’s pure modules and the messages', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const runtime = [...text.matchAll(/^import\s+(?!type\s)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    for (const specifier of runtime) expect(['../subscription/state', '../subscription/fetch-config', './read', './schema', '../i18n/core']).toContain(specifier);
  });
});
