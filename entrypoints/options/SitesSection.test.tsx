// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyConfig, H, see, simpleConfig, ticketFacts } from '../../lib/db/__fixtures__/store';
import { SlaLensDatabase } from '../../lib/db/database';
import { createOptionsStores } from '../../lib/options/context';
import { declinedMessage } from '../../lib/options/sites-store';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { createFakeSiteApis, type FakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

let db: SlaLensDatabase;
let apis: FakeSiteApis;

beforeEach(() => {
  db = new SlaLensDatabase(`test-sites-${crypto.randomUUID()}`);
  apis = createFakeSiteApis();
});

afterEach(async () => {
  cleanup();
  await db.delete();
});

async function renderSites() {
  const stores = createOptionsStores(db, {
    now: () => Date.UTC(2026, 5, 3, 8, 0),
    fetchSample: async () => '{}',
    download: () => {},
    yieldToUi: async () => {},
    sites: { registry: createSiteRegistry(apis), onPermissionsChanged: apis.onPermissionsChanged },
    alerts: { requestPermission: async () => false, hasPermission: async () => false },
  });
  render(<OptionsApp stores={stores} />);
  const section = screen.getByRole('region', { name: 'Sites' });
  await within(section).findByText(/No self-hosted sites yet|Self-hosted sites/);
  return section;
}

function addSite(section: HTMLElement, address: string, kind: 'Jira' | 'Zendesk' = 'Jira') {
  const form = within(section).getByRole('form', { name: 'Add a self-hosted site' });
  fireEvent.input(within(form).getByLabelText('Site address'), { target: { value: address } });
  fireEvent.click(within(form).getByRole('radio', { name: kind }));
  fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
}

const selfHosted = (section: HTMLElement) => within(section).findByRole('list', { name: 'Self-hosted sites' });

describe('Sites section', () => {
  it('lists the built-in sites and no self-hosted ones at first', async () => {
    const section = await renderSites();
    expect(within(within(section).getByRole('list', { name: 'Built-in sites' })).getAllByRole('listitem')).toHaveLength(2);
    expect(within(section).getByText(/No self-hosted sites yet/)).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Sections' }).querySelector('a[href="#sites"]')?.textContent).toBe('Sites');
  });

  it('adds a site: asks for the permission inside the click, registers it, lists it', async () => {
    const section = await renderSites();
    addSite(section, '  https://jira.acme-corp.com/jira/  ');
    // Asked synchronously within the click event: the browser requires the user gesture.
    expect(apis.requests).toEqual([['https://jira.acme-corp.com/*']]);

    const list = await selfHosted(section);
    const item = await within(list).findByText('Active');
    expect(item.closest('li')?.textContent).toContain('https://jira.acme-corp.com');
    expect([...apis.scripts.keys()]).toEqual(['sla-lens-site:https://jira.acme-corp.com']);
    const status = within(section).getByText(/SLA Lens now runs on https:\/\/jira\.acme-corp\.com/);
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(within(section).getByText('SLA Lens covers the whole site https://jira.acme-corp.com, including /jira/.')).toBeTruthy();
    expect((within(section).getByLabelText('Site address') as HTMLInputElement).value).toBe('');
  });

  it('says why an address cannot be added, in an alert, and asks the browser nothing', async () => {
    const section = await renderSites();
    addSite(section, 'acme.atlassian.net');
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toBe('Jira Cloud sites (*.atlassian.net) are already covered: SLA Lens runs on them without being added.');
    addSite(section, 'http://jira.acme-corp.com');
    await waitFor(() => expect(within(section).getByRole('alert').textContent).toMatch(/^Use https:\/\/jira\.acme-corp\.com/));
    expect(apis.requests).toEqual([]);
  });

  it('reports a declined permission and registers nothing', async () => {
    apis.answer = () => false;
    const section = await renderSites();
    addSite(section, 'support.acme.com', 'Zendesk');
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain(declinedMessage());
    expect(declinedMessage()).toBe('Permission was not granted; SLA Lens will not run on that site.');
    expect(apis.scripts.size).toBe(0);
    expect(within(section).getByText(/No self-hosted sites yet/)).toBeTruthy();
    // What was typed stays, to try again.
    expect((within(section).getByLabelText('Site address') as HTMLInputElement).value).toBe('support.acme.com');
  });

  it('removes a site: unregistered, revoked, and its tickets forgotten (others kept)', async () => {
    await applyConfig(db, simpleConfig({ resolution: '10h' }));
    await see(db, [ticketFacts('support.acme.com', '41', H, { source: 'zendesk' }), ticketFacts('support.acme.com', '42', H, { source: 'zendesk' })]);
    await see(db, [ticketFacts('acme.atlassian.net', 'SUP-1', H)]);
    const section = await renderSites();
    addSite(section, 'https://support.acme.com', 'Zendesk');
    const list = await selfHosted(section);
    await within(list).findByText('Zendesk custom domain');
    fireEvent.click(within(list).getByRole('button', { name: 'Remove https://support.acme.com' }));
    await within(section).findByText(/No self-hosted sites yet/);
    expect(apis.scripts.size).toBe(0);
    expect(apis.granted.has('https://support.acme.com/*')).toBe(false);
    expect(await within(section).findByText(/Removed https:\/\/support\.acme\.com.*forgot the 2 tickets it kept from it/)).toBeTruthy();
    expect((await db.tickets.toArray()).map((t) => t.key)).toEqual(['SUP-1']);
  });

  it('follows permissions revoked and granted in the browser’s own UI', async () => {
    const section = await renderSites();
    addSite(section, 'https://jira.acme-corp.com');
    const list = await selfHosted(section);
    await within(list).findByText('Active');

    apis.revokeFromBrowser('https://jira.acme-corp.com/*');
    await within(list).findByText(/Access was removed in the browser/);
    expect(apis.scripts.size).toBe(0);

    // Allow access again from the list: one more prompt, inside the click.
    fireEvent.click(within(list).getByRole('button', { name: 'Allow access to https://jira.acme-corp.com' }));
    expect(apis.requests).toHaveLength(2);
    await within(list).findByText('Active');
    expect(within(list).getByText('Jira Data Center / Server')).toBeTruthy();

    apis.grantFromBrowser('https://jira2.acme-corp.com/*');
    await within(list).findByText('https://jira2.acme-corp.com', { selector: 'code' });
    await waitFor(() => expect(apis.scripts.has('sla-lens-site:https://jira2.acme-corp.com')).toBe(true));
  });
});
