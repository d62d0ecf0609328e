// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyConfig, simpleConfig } from '../../lib/db/__fixtures__/store';
import { activeVersion } from '../../lib/db/config-store';
import { SlaLensDatabase } from '../../lib/db/database';
import { readManaged } from '../../lib/managed/read';
import type { ManagedStatus } from '../../lib/managed/status';
import { createOptionsStores } from '../../lib/options/context';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { createFakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

let db: SlaLensDatabase;
beforeEach(() => {
  db = new SlaLensDatabase(`test-managed-${crypto.randomUUID()}`);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

function renderWith(status: ManagedStatus | null) {
  const apis = createFakeSiteApis();
  const stores = createOptionsStores(db, {
    now: () => Date.UTC(2026, 11, 3, 9),
    fetchSample: async () => '{}',
    download: () => {},
    yieldToUi: async () => {},
    sites: { registry: createSiteRegistry(apis), onPermissionsChanged: apis.onPermissionsChanged },
    alerts: { requestPermission: async () => false, hasPermission: async () => false },
    managed: { read: async () => status, onChanged: () => () => {} },
    subscription: { read: async () => null, write: async () => {}, onChanged: () => () => {}, requestOrigin: async () => true, releaseOrigin: async () => {} },
  });
  render(<OptionsApp stores={stores} />);
  return stores;
}

describe('a browser managed by the organisation', () => {
  it('says what the policy set and what it ignored, and why', async () => {
    renderWith({ at: 1, reading: readManaged({ configUrl: 'https://intranet.example.com/sla.yaml', refreshMinutes: 5, colour: 'blue' }) });
    const notice = await screen.findByRole('region', { name: 'Managed by your organisation' });
    expect(within(notice).getByText('Managed by your organisation')).toBeTruthy();
    expect(within(notice).getByText(/Configuration from https:\/\/intranet\.example\.com\/sla\.yaml/)).toBeTruthy();
    expect(within(notice).getByText(/raised to the 15-minute floor/)).toBeTruthy();
    expect(within(notice).getByText(/Ignored .*colour/)).toBeTruthy();
  });

  it('shows why the policy’s own configuration was refused, with each problem’s path', async () => {
    renderWith({ at: 1, reading: readManaged({ config: '{"version":1}' }), config: { hash: 'h', problems: [{ path: 'policies', message: 'Required.' }] } });
    const notice = await screen.findByRole('region', { name: 'Managed by your organisation' });
    expect(within(notice).getByText('policies')).toBeTruthy();
    expect(within(notice).getByText(/the one in use stays as it was/)).toBeTruthy();
  });

  it('when locked: no import, no subscription, no rolling back, and the stores refuse too', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    await applyConfig(db, simpleConfig({ resolution: '4h' }));
    const stores = renderWith({ at: 1, reading: readManaged({ locked: true }) });
    expect(await screen.findByText(/Importing a configuration is turned off by your organisation/)).toBeTruthy();
    const history = await screen.findByRole('region', { name: 'Version history' });
    expect(await within(history).findByText('Version 1')).toBeTruthy();
    expect(within(history).queryByRole('button', { name: /Roll back/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Subscription' })).toBeNull();
    await stores.history.rollBack(1);
    expect((await activeVersion(db))?.id).toBe(2);
  });

  it('the configuration section counts the sites the policy sets as the organisation’s, with a configuration that lists none', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    renderWith({ at: 1, reading: readManaged({ sites: ['acme.atlassian.net', 'ACME.zendesk.com'] }) });
    const config = await screen.findByRole('region', { name: 'SLA configuration' });
    expect(
      await within(config).findByText(
        'Counts tickets from acme.atlassian.net, acme.zendesk.com (set by your organisation) and the self-hosted sites you added; any other site’s tickets are neither recorded nor counted.',
      ),
    ).toBeTruthy();
    expect(within(config).queryByText(/Every Jira Cloud and Zendesk site counts/)).toBeNull();
    expect(within(await screen.findByRole('region', { name: 'Managed by your organisation' })).getByText('Sites set by your organisation: acme.atlassian.net, acme.zendesk.com')).toBeTruthy();
  });

  it('the configuration section tells the policy’s sites from the configuration’s own', async () => {
    await applyConfig(db, JSON.stringify({ ...JSON.parse(simpleConfig({ resolution: '8h' })), sites: ['*.acme.com', 'acme.atlassian.net'] }));
    renderWith({ at: 1, reading: readManaged({ sites: ['acme.atlassian.net'] }) });
    const config = await screen.findByRole('region', { name: 'SLA configuration' });
    expect(
      await within(config).findByText(
        'Counts tickets from acme.atlassian.net (set by your organisation), *.acme.com (from the configuration) and the self-hosted sites you added; any other site’s tickets are neither recorded nor counted.',
      ),
    ).toBeTruthy();
  });

  it('without a policy, shows no notice and everything works as before', async () => {
    await applyConfig(db, simpleConfig({ resolution: '8h' }));
    await applyConfig(db, simpleConfig({ resolution: '4h' }));
    renderWith(null);
    const history = await screen.findByRole('region', { name: 'Version history' });
    expect(await within(history).findByRole('button', { name: /Roll back/ })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Managed by your organisation' })).toBeNull();
    expect(await screen.findByRole('region', { name: 'Subscription' })).toBeTruthy();
  });
});
