// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ALERTS_KEY, readAlertSettings, writeAlertDefaults } from '../../lib/db/alerts';
import { SlaLensDatabase } from '../../lib/db/database';
import { createOptionsStores } from '../../lib/options/context';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { createFakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

let db: SlaLensDatabase;
let granted: boolean;
/** Whether the permission was granted before the page opened. */
let held: boolean;
let requestPermission: ReturnType<typeof vi.fn<() => Promise<boolean>>>;

beforeEach(async () => {
  db = new SlaLensDatabase(`test-alerts-${crypto.randomUUID()}`);
  granted = true;
  held = false;
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
    staleAt: Infinity,
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
    alerts: { requestPermission, hasPermission: async () => held },
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

  it('starts from the organisation’s defaults, says so, and a person’s change takes over', async () => {
    await writeAlertDefaults(db, { leadMinutes: 45, quietHours: { from: '18:00', to: '09:00' } });
    const section = await renderAlerts();
    expect(within(section).getByText('Defaults set by your organisation; your changes take over.')).toBeTruthy();
    expect((within(section).getByLabelText(/minutes before a breach/) as HTMLInputElement).value).toBe('45');
    expect((within(section).getByLabelText('From') as HTMLInputElement).value).toBe('18:00');

    fireEvent.change(within(section).getByLabelText(/minutes before a breach/), { target: { value: '20' } });
    await waitFor(async () => expect(await db.meta.get(ALERTS_KEY)).toBeTruthy());
    expect(await readAlertSettings(db)).toMatchObject({ leadMinutes: 20, quietHours: { from: '18:00', to: '09:00' } });
    await waitFor(() => expect(within(section).queryByText(/Defaults set by your organisation/)).toBeNull());
    // The organisation's defaults change afterwards: the person's own settings stay in force.
    await writeAlertDefaults(db, { leadMinutes: 90 });
    expect((await readAlertSettings(db)).leadMinutes).toBe(20);
  });

  it('alerts the organisation turns on are not claimed on without the permission, and one click asks for it', async () => {
    await writeAlertDefaults(db, { enabled: true });
    const section = await renderAlerts();
    const toggle = within(section).getByRole('checkbox', { name: 'Show desktop alerts' }) as HTMLInputElement;
    expect(await within(section).findByText(/Your organisation turns alerts on/)).toBeTruthy();
    expect(toggle.checked).toBe(false);

    fireEvent.click(within(section).getByRole('button', { name: 'Allow notifications' }));
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(within(section).queryByRole('button', { name: 'Allow notifications' })).toBeNull();
    // Allowing is no setting of the person's own: the organisation's defaults still apply.
    expect(await db.meta.get(ALERTS_KEY)).toBeUndefined();
    expect(within(section).getByText(/Defaults set by your organisation/)).toBeTruthy();
  });

  it('says so when the browser took the permission back from alerts a person switched on', async () => {
    await db.meta.put({ key: ALERTS_KEY, value: { enabled: true, leadMinutes: 15, quietHours: null, mutedSites: [] } });
    const section = await renderAlerts();
    expect(await within(section).findByText(/no longer lets SLA Lens show notifications/)).toBeTruthy();
    expect((within(section).getByRole('checkbox', { name: 'Show desktop alerts' }) as HTMLInputElement).checked).toBe(false);
    expect(within(section).queryByText(/Defaults set by your organisation/)).toBeNull();
  });

  it('with the permission held, alerts on are shown on, with nothing to ask', async () => {
    held = true;
    await writeAlertDefaults(db, { enabled: true });
    const section = await renderAlerts();
    await waitFor(() => expect((within(section).getByRole('checkbox', { name: 'Show desktop alerts' }) as HTMLInputElement).checked).toBe(true));
    expect(within(section).queryByRole('button', { name: 'Allow notifications' })).toBeNull();
  });
});
