// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlaLensDatabase } from '../../lib/db/database';
import { applyConfig, H, see, simpleConfig, ticketFacts } from '../../lib/db/__fixtures__/store';
import { retentionDays } from '../../lib/db/upkeep';
import { createOptionsStores, type OptionsEnv } from '../../lib/options/context';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { createFakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`test-stored-${n++}`);
  await applyConfig(db, simpleConfig({ resolution: '8h' }));
  await see(db, [ticketFacts('acme.zendesk.com', '1', H), ticketFacts('acme.zendesk.com', '2', H), ticketFacts('acme.atlassian.net', 'SUP-1', H)]);
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function renderSection(storageProblem?: OptionsEnv['storageProblem']) {
  const apis = createFakeSiteApis();
  const stores = createOptionsStores(db, {
    now: () => Date.UTC(2026, 10, 26, 12),
    fetchSample: async () => '{}',
    download: () => {},
    yieldToUi: async () => {},
    sites: { registry: createSiteRegistry(apis), onPermissionsChanged: apis.onPermissionsChanged },
    alerts: { requestPermission: async () => true, hasPermission: async () => true },
    ...(storageProblem ? { storageProblem } : {}),
  });
  render(<OptionsApp stores={stores} />);
  return screen.findByRole('region', { name: 'Stored tickets' });
}

describe('the stored tickets section', () => {
  it('says how many tickets are kept, per site, within which limits', async () => {
    const section = await renderSection();
    await within(section).findByText('3');
    expect(section.textContent).toContain('3 tickets stored.');
    expect(section.textContent).toContain('At most 5,000 per site and 20,000 in all');
    const list = within(section).getByRole('list', { name: 'Stored tickets per site' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'acme.zendesk.com2 ticketsForget the tickets of acme.zendesk.com',
      'acme.atlassian.net1 ticketForget the tickets of acme.atlassian.net',
    ]);
  });

  it('forgets one site’s tickets at a click, and only that site’s', async () => {
    const section = await renderSection();
    fireEvent.click(await within(section).findByRole('button', { name: 'Forget the tickets of acme.zendesk.com' }));
    await waitFor(async () => expect(await db.tickets.where('site').equals('acme.zendesk.com').count()).toBe(0));
    expect(await db.tickets.count()).toBe(1);
    await waitFor(() => expect(section.textContent).toContain('1 ticket stored.'));
  });

  it('keeps tickets for the number of days chosen, refusing nonsense', async () => {
    const section = await renderSection();
    const days = within(section).getByLabelText(/Forget tickets not seen/);
    expect((days as HTMLInputElement).value).toBe('30');
    fireEvent.change(days, { target: { value: '7' } });
    await waitFor(async () => expect(await retentionDays(db)).toBe(7));
    fireEvent.change(days, { target: { value: '0' } });
    expect(await within(section).findByText(/between 1 and 365/)).toBeTruthy();
    expect(await retentionDays(db)).toBe(7);
  });

  it('shows what the background met writing the store, and stops showing it once it is solved', async () => {
    let problem: string | null = 'The browser’s storage for SLA Lens was full: the 12 tickets seen longest ago were forgotten to make room.';
    const listeners = new Set<() => void>();
    const section = await renderSection({
      read: async () => problem,
      onChanged(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    });
    expect((await within(section).findByRole('alert')).textContent).toBe(problem);
    problem = null;
    listeners.forEach((l) => l());
    await waitFor(() => expect(within(section).queryByRole('alert')).toBeNull());
  });
});
