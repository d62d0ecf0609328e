/**
 * Only the organisation's sites count (issue 13 §1): once a configuration lists its `sites`,
 * another tenant's tickets are badged only where a policy names their site, and are never
 * recorded, counted or alerted; a configuration without `sites` counts every site, as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffConfigs } from '../config/diff';
import { validateConfig } from '../config/validate';
import { H, NOW, applyConfig, ticketFacts } from './__fixtures__/store';
import { SlaLensDatabase } from './database';
import { createConfigCache, evaluateTickets, recordTickets } from './evaluate';
import { readTallies } from './tallies';
import { afterConfigChange } from './upkeep';
import { withOrgSites } from '../config/org-sites';

const OURS = 'acme.atlassian.net';
const VENDOR = 'vendor.atlassian.net';
const SELF_HOSTED = 'jira.acme-corp.test';

const configWith = (sites?: string[], extraPolicies: unknown[] = []) =>
  JSON.stringify({
    version: 1,
    name: 'Sites',
    ...(sites ? { sites } : {}),
    policies: [...extraPolicies, { id: 'std', name: 'Standard', match: {}, calendar: '24x7', targets: { '*': { resolution: '10h' } } }],
  });

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`declared-sites-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

/** Evaluates `site`'s ticket as an overlay would, records what the background would record; its view's kind. */
async function visit(site: string, key: string, selfHosted: ReadonlySet<string> = new Set(), policySites: readonly string[] = []): Promise<string> {
  const active = await createConfigCache(db)();
  const config = { version: active.version, config: active.config && withOrgSites(active.config, policySites) };
  const t = ticketFacts(site, key, H);
  const { response, sightings } = await evaluateTickets(db, { type: 'sla:evaluate', source: 'jira', site, tickets: [t] }, config, NOW, [], selfHosted);
  await recordTickets(db, sightings);
  return response.views[0]!.kind;
}

describe('declared sites', () => {
  it('without `sites`, every site counts, as before', async () => {
    await applyConfig(db, configWith());
    expect(await visit(OURS, 'SUP-1')).toBe('clocks');
    expect(await visit(VENDOR, 'VEN-1')).toBe('clocks');
    expect((await db.tickets.toArray()).map((t) => t.site).sort()).toEqual([OURS, VENDOR]);
  });

  it('with `sites`, another tenant gets no badge and nothing of it is recorded or counted; a declared or self-hosted site does', async () => {
    await applyConfig(db, configWith([OURS]));
    expect(await visit(OURS, 'SUP-1')).toBe('clocks');
    expect(await visit(VENDOR, 'VEN-1')).toBe('none');
    expect(await visit(SELF_HOSTED, 'OPS-1', new Set([SELF_HOSTED]))).toBe('clocks');
    expect((await db.tickets.toArray()).map((t) => t.site).sort()).toEqual([OURS, SELF_HOSTED]);
    expect(Object.keys((await readTallies(db)).sites).sort()).toEqual([OURS, SELF_HOSTED]);
  });

  it('a glob declares every site it matches', async () => {
    await applyConfig(db, configWith(['*.acme.com', OURS]));
    expect(await visit('support.acme.com', 'SUP-2')).toBe('clocks');
    expect(await visit('acme.com.evil.example', 'SUP-3')).toBe('none');
  });

  it('a policy that names another site badges its tickets there, still without recording them', async () => {
    await applyConfig(db, configWith([OURS], [{ id: 'vendor', name: 'Vendor escalations', match: { site: VENDOR }, calendar: '24x7', targets: { '*': { resolution: '4h' } } }]));
    expect(await visit(VENDOR, 'VEN-1')).toBe('clocks');
    expect(await db.tickets.count()).toBe(0);
  });

  it('declaring sites forgets what was kept from any other', async () => {
    await applyConfig(db, configWith());
    await visit(OURS, 'SUP-1');
    await visit(VENDOR, 'VEN-1');
    await visit(SELF_HOSTED, 'OPS-1');
    await applyConfig(db, configWith([OURS]));
    await afterConfigChange(db, await createConfigCache(db)(), NOW, new Set([SELF_HOSTED]));
    expect((await db.tickets.toArray()).map((t) => t.site).sort()).toEqual([OURS, SELF_HOSTED]);
  });

  it('the import preview says which sites count, and the schema refuses what is not a site glob', () => {
    const before = validateConfig(JSON.parse(configWith()));
    const after = validateConfig(JSON.parse(configWith([OURS])));
    if (!before.ok || !after.ok) throw new Error('test configurations must be valid');
    expect(diffConfigs(before.config, after.config).map((c) => c.text)).toEqual([`Sites: only ${OURS} count (before: every site)`]);
    expect(diffConfigs(after.config, before.config).map((c) => c.text)).toEqual(['Sites: none declared, so every Jira and Zendesk site counts']);
    const bad = validateConfig(JSON.parse(configWith(['*a*b*c*d*e*f*g*h*i'])));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.path).toBe('sites[0]');
  });

  it('the policy’s sites declare the organisation’s sites too, with a configuration that lists none', async () => {
    await applyConfig(db, configWith());
    expect(await visit(OURS, 'SUP-1', new Set(), [OURS])).toBe('clocks');
    expect(await visit(VENDOR, 'VEN-1', new Set(), [OURS])).toBe('none');
    expect(await visit(SELF_HOSTED, 'OPS-1', new Set([SELF_HOSTED]), [OURS])).toBe('clocks');
    expect((await db.tickets.toArray()).map((t) => t.site).sort()).toEqual([OURS, SELF_HOSTED]);
  });

  it('a policy that adds sites forgets what was kept from any other, the configuration version unchanged', async () => {
    const ZENDESK = 'acme.zendesk.com';
    await applyConfig(db, configWith());
    for (const [site, key] of [
      [OURS, 'SUP-1'],
      [ZENDESK, 'Z-1'],
      [VENDOR, 'VEN-1'],
      [SELF_HOSTED, 'OPS-1'],
    ] as const)
      await visit(site, key);
    const config = await createConfigCache(db)();
    expect(await afterConfigChange(db, config, NOW, new Set([SELF_HOSTED]))).toBe(true);
    expect(await afterConfigChange(db, config, NOW, new Set([SELF_HOSTED]))).toBe(false);
    expect(await db.tickets.count()).toBe(4);
    // The policy now lists the organisation's sites: the vendor's tickets go, the version is the same.
    expect(await afterConfigChange(db, config, NOW, new Set([SELF_HOSTED]), [OURS, ZENDESK])).toBe(true);
    expect((await db.tickets.toArray()).map((t) => t.site).sort()).toEqual([OURS, ZENDESK, SELF_HOSTED]);
  });

  it('without policy sites, nothing is forgotten', async () => {
    await applyConfig(db, configWith());
    await visit(OURS, 'SUP-1');
    await visit(VENDOR, 'VEN-1');
    expect(await afterConfigChange(db, await createConfigCache(db)(), NOW, new Set(), [])).toBe(true);
    expect((await db.tickets.toArray()).map((t) => t.site).sort()).toEqual([OURS, VENDOR]);
  });
});
