// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readAlertSettings } from '../../lib/db/alerts';
import { SlaLensDatabase } from '../../lib/db/database';
import { createOptionsStores } from '../../lib/options/context';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { createFakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

let db: SlaLensDatabase;
let granted: boolean;
let requestPermission: ReturnType<typeof vi.fn<() => Promise<boolean>>>;

beforeEach(async () => {
  db = new SlaLensDatabase(`test-alerts-${crypto.randomUUID()}`);
  granted = true;
  requestPermission = vi.fn(async () => granted);
  await db.tickets.put({
    site: 'acme.zendesk.com',
    key: '1',
    facts: { source: 'zendesk', site: 'acme.zendesk.com', key: '1', created: 1, exact: true },
    view: { key: '1', kind: 'none', clocks: [], exact: true },
    phase: 'none',
    riskAt: Infinity,
    dueAt: Infinity,
    approx: 0,
    firstSeen: 1,
    lastSeen: 1,
    observed: [],
  });
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function renderAlerts() {
  const apis = createFakeSiteApis();
  const stores = createOptionsStores(db, {
    now: () => Date.UTC(2026, 10, 26, 12),
    fetchSample: async () => '{}',
    download: () => {},
    yieldToUi: async () => {},
    sites: { registry: createSiteRegistry(apis), onPermissionsChanged: apis.onPermissionsChanged },
    alerts: { requestPermission },
  });
  render(<OptionsApp stores={stores} />);
  return screen.findByRole('region', { name: 'Alerts' });
}

describe('the alerts section', () => {
  it('asks for the notifications permission when alerts are switched on, and saves the settings', async () => {
    const section = await renderAlerts();
    const toggle = within(section).getByRole('checkbox', { name: 'Show desktop alerts' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(async () => expect((await readAlertSettings(db)).enabled).toBe(true));
    expect(requestPermission).toHaveBeenCalledTimes(1);

    fireEvent.change(within(section).getByLabelText(/minutes before a breach/), { target: { value: '30' } });
    await waitFor(async () => expect((await readAlertSettings(db)).leadMinutes).toBe(30));
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Quiet hours' }));
    await waitFor(async () => expect((await readAlertSettings(db)).quietHours).toEqual({ from: '19:00', to: '08:00' }));
    // A site seen so far can be switched off.
    fireEvent.click(await within(section).findByRole('checkbox', { name: 'acme.zendesk.com' }));
    await waitFor(async () => expect((await readAlertSettings(db)).mutedSites).toEqual(['acme.zendesk.com']));
  });

  it('stays off, and says why, when the browser refuses the permission', async () => {
    granted = false;
    const section = await renderAlerts();
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Show desktop alerts' }));
    expect(await within(section).findByText(/did not allow SLA Lens to show notifications/)).toBeTruthy();
    expect((await readAlertSettings(db)).enabled).toBe(false);
  });
});
