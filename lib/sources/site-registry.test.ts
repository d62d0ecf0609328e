import { beforeEach, describe, expect, it } from 'vitest';
import { createFakeSiteApis, MANIFEST_HOST_PERMISSIONS, type FakeSiteApis } from '../../testing/fakes/site-apis';
import { CONTENT_SCRIPT_FILE, createSiteRegistry, type SiteRegistry } from './site-registry';

const JIRA = 'https://jira.acme-corp.com';
const ZENDESK = 'https://support.acme.com';

let apis: FakeSiteApis;
let registry: SiteRegistry;

beforeEach(() => {
  apis = createFakeSiteApis();
  registry = createSiteRegistry(apis);
});

const scriptIds = () => [...apis.scripts.keys()];

describe('add', () => {
  it('requests the origin, then registers the built content script for it', async () => {
    const adding = registry.add(JIRA, 'jira');
    // Synchronously, inside the caller's click: the browser needs the user gesture for its prompt.
    expect(apis.requests).toEqual([[`${JIRA}/*`]]);
    expect(apis.scripts.size).toBe(0);

    expect(await adding).toBe('added');
    expect([...apis.scripts.values()]).toEqual([
      {
        id: `sla-lens-site:${JIRA}`,
        matches: [`${JIRA}/*`],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(CONTENT_SCRIPT_FILE).toBe('content-scripts/content.js');
    expect(await registry.list()).toEqual([{ origin: JIRA, kind: 'jira', permitted: true, registered: true }]);
  });

  it('registers nothing when the user declines', async () => {
    apis.answer = () => false;
    expect(await registry.add(ZENDESK, 'zendesk')).toBe('declined');
    expect(apis.scripts.size).toBe(0);
    expect(apis.stored.size).toBe(0);
    expect([...apis.granted]).toEqual(MANIFEST_HOST_PERMISSIONS);
    expect(await registry.list()).toEqual([]);
  });

  it('is idempotent: adding a site twice keeps one script', async () => {
    await registry.add(JIRA, 'jira');
    expect(await registry.add(JIRA, 'jira')).toBe('added');
    expect(scriptIds()).toEqual([`sla-lens-site:${JIRA}`]);
  });

  it('refuses anything that is not a canonical origin, without asking the browser', async () => {
    await expect(registry.add('https://jira.acme-corp.com/', 'jira')).rejects.toThrow(/Not a site origin/);
    await expect(registry.add('*://*/*', 'jira')).rejects.toThrow(/Not a site origin/);
    expect(apis.requests).toEqual([]);
  });

  it('copes with the background registering the same script meanwhile', async () => {
    apis.permissions.request = async ({ origins }) => {
      origins.forEach((o) => apis.granted.add(o));
      // The background's onAdded reconcile wins the race.
      await createSiteRegistry(apis).reconcile();
      return true;
    };
    expect(await registry.add(JIRA, 'jira')).toBe('added');
    expect(scriptIds()).toEqual([`sla-lens-site:${JIRA}`]);
  });

  it('copes with a registration landing between its check and its own registration', async () => {
    const { getRegisteredContentScripts } = apis.scripting;
    let reads = 0;
    apis.scripting.getRegisteredContentScripts = async (filter) => {
      const result = await getRegisteredContentScripts(filter);
      // The other page registers right after our first look.
      if (reads++ === 0) await createSiteRegistry(apis).reconcile();
      return result;
    };
    expect(await registry.add(JIRA, 'jira')).toBe('added');
    expect(scriptIds()).toEqual([`sla-lens-site:${JIRA}`]);
  });

  it('reports a registration that really failed', async () => {
    apis.scripting.registerContentScripts = async () => {
      throw new Error('Could not load javascript');
    };
    await expect(registry.add(JIRA, 'jira')).rejects.toThrow('Could not load javascript');
  });
});

describe('remove', () => {
  it('revokes the permission and unregisters the script', async () => {
    await registry.add(JIRA, 'jira');
    await registry.add(ZENDESK, 'zendesk');
    await registry.remove(JIRA);
    expect(scriptIds()).toEqual([`sla-lens-site:${ZENDESK}`]);
    expect([...apis.granted]).toEqual([...MANIFEST_HOST_PERMISSIONS, `${ZENDESK}/*`]);
    expect(await registry.list()).toEqual([{ origin: ZENDESK, kind: 'zendesk', permitted: true, registered: true }]);
  });

  it('is idempotent, and cleans up a site whose permission was already revoked', async () => {
    await registry.add(JIRA, 'jira');
    apis.revokeFromBrowser(`${JIRA}/*`);
    await registry.remove(JIRA);
    await registry.remove(JIRA);
    expect(apis.scripts.size).toBe(0);
    expect(await registry.list()).toEqual([]);
  });
});

describe('reconcile', () => {
  it('unregisters the script of an origin revoked from the browser UI, and remembers the site', async () => {
    await registry.add(JIRA, 'jira');
    await registry.add(ZENDESK, 'zendesk');
    apis.revokeFromBrowser(`${JIRA}/*`);
    expect(await registry.reconcile()).toEqual({ registered: [], unregistered: [JIRA] });
    expect(scriptIds()).toEqual([`sla-lens-site:${ZENDESK}`]);
    // Still listed, so the admin sees that access was taken away and can allow it again or remove it.
    expect(await registry.list()).toEqual([
      { origin: JIRA, kind: 'jira', permitted: false, registered: false },
      { origin: ZENDESK, kind: 'zendesk', permitted: true, registered: true },
    ]);
  });

  it('allows a revoked site again, keeping the kind the admin gave it', async () => {
    await registry.add(ZENDESK, 'zendesk');
    apis.revokeFromBrowser(`${ZENDESK}/*`);
    await registry.reconcile();
    expect(await registry.add(ZENDESK, null)).toBe('added');
    expect(await registry.list()).toEqual([{ origin: ZENDESK, kind: 'zendesk', permitted: true, registered: true }]);
  });

  it('registers a granted origin that has no script (granted from the browser UI, or lost)', async () => {
    apis.grantFromBrowser(`${JIRA}/*`);
    expect(await registry.list()).toEqual([{ origin: JIRA, kind: null, permitted: true, registered: false }]);
    expect(await registry.reconcile()).toEqual({ registered: [JIRA], unregistered: [] });
    expect(apis.scripts.get(`sla-lens-site:${JIRA}`)?.matches).toEqual([`${JIRA}/*`]);
  });

  it('re-registers a script an older build registered differently', async () => {
    await registry.add(JIRA, 'jira');
    apis.scripts.set(`sla-lens-site:${JIRA}`, { id: `sla-lens-site:${JIRA}`, matches: [`${JIRA}/*`], js: ['content-scripts/old.js'] });
    expect(await registry.reconcile()).toEqual({ registered: [JIRA], unregistered: [] });
    expect(apis.scripts.get(`sla-lens-site:${JIRA}`)?.js).toEqual([CONTENT_SCRIPT_FILE]);
  });

  it('leaves the manifest permissions, a blanket grant and foreign scripts alone', async () => {
    apis.grantFromBrowser('*://*/*');
    apis.scripts.set('someone-else', { id: 'someone-else', matches: ['https://example.com/*'], js: ['x.js'] });
    expect(await registry.reconcile()).toEqual({ registered: [], unregistered: [] });
    expect(scriptIds()).toEqual(['someone-else']);
    expect(await registry.list()).toEqual([]);
  });

  it('is idempotent, and two reconciles at once agree', async () => {
    await registry.add(JIRA, 'jira');
    apis.grantFromBrowser(`${ZENDESK}/*`);
    apis.revokeFromBrowser(`${JIRA}/*`);
    const other = createSiteRegistry(apis);
    const reports = await Promise.all([registry.reconcile(), other.reconcile()]);
    expect(reports.flatMap((r) => r.registered)).toEqual([ZENDESK]);
    expect(reports.flatMap((r) => r.unregistered).length).toBeGreaterThanOrEqual(1);
    expect(scriptIds()).toEqual([`sla-lens-site:${ZENDESK}`]);
    expect(await registry.reconcile()).toEqual({ registered: [], unregistered: [] });
  });

  it('accepts Firefox’s way of reporting script paths', async () => {
    await registry.add(JIRA, 'jira');
    const script = apis.scripts.get(`sla-lens-site:${JIRA}`)!;
    script.js = [`/${CONTENT_SCRIPT_FILE}`];
    expect(await registry.reconcile()).toEqual({ registered: [], unregistered: [] });
  });
});

describe('the self-hosted sites that count as the organisation’s', () => {
  it('are those the user granted, never those only written into storage (a content script can write there)', async () => {
    expect(await registry.add(JIRA, 'jira')).toBe('added');
    // What a compromised page's content script could write: a kind, with no grant behind it.
    await apis.storage.set({ [`sla:site-kind:https://evil.example`]: 'jira' });
    apis.grantFromBrowser(`${ZENDESK}/*`);
    expect([...(await registry.trustedHosts())].sort()).toEqual(['jira.acme-corp.com', 'support.acme.com']);
    // The built-in wildcard hosts are not self-hosted sites.
    expect([...(await registry.trustedHosts())].some((h) => h.includes('*'))).toBe(false);
    await registry.remove(JIRA);
    expect([...(await registry.trustedHosts())]).toEqual(['support.acme.com']);
  });
});

describe('the host of a configuration file subscribed to by URL', () => {
  const FILE_HOST = 'https://intranet.acme-corp.com';
  const subscribeTo = (url: string) => apis.storage.set({ 'sla:subscription': { url, refreshMinutes: 60 } });

  it('is granted for the file, and is no site: no script, not listed, not counted', async () => {
    await subscribeTo(`${FILE_HOST}/support/sla.json`);
    apis.grantFromBrowser(`${FILE_HOST}/*`);
    expect(await registry.reconcile()).toEqual({ registered: [], unregistered: [] });
    expect(scriptIds()).toEqual([]);
    expect(await registry.list()).toEqual([]);
    expect([...(await registry.trustedHosts())]).toEqual([]);
  });

  it('is a site as well when an admin added it as one', async () => {
    await subscribeTo(`${JIRA}/secure/attachment/1/sla.json`);
    expect(await registry.add(JIRA, 'jira')).toBe('added');
    expect((await registry.list()).map((s) => [s.origin, s.kind, s.registered])).toEqual([[JIRA, 'jira', true]]);
    expect([...(await registry.trustedHosts())]).toEqual(['jira.acme-corp.com']);
    expect(await registry.reconcile()).toEqual({ registered: [], unregistered: [] });
  });

  it('is a site again once the subscription is gone (the grant alone said so before subscriptions existed)', async () => {
    await subscribeTo(`${FILE_HOST}/sla.json`);
    apis.grantFromBrowser(`${FILE_HOST}/*`);
    expect(await registry.list()).toEqual([]);
    await apis.storage.remove('sla:subscription');
    expect((await registry.list()).map((s) => s.origin)).toEqual([FILE_HOST]);
  });
});
