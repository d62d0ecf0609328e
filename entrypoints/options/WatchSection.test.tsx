// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SlaLensDatabase } from '../../lib/db/database';
import { applyConfig } from '../../lib/db/__fixtures__/store';
import { readWallboardSettings, saveWallboardSettings } from '../../lib/db/wallboard';
import { createOptionsStores } from '../../lib/options/context';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { addPersonalScope, readPersonalScopes, writeScopeState } from '../../lib/watch/store';
import type { ScopeListing } from '../../lib/watch/types';
import { createFakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

const NOW = Date.UTC(2026, 11, 3, 9);
let db: SlaLensDatabase;
let test: ReturnType<typeof vi.fn<() => Promise<ScopeListing>>>;
let request: ReturnType<typeof vi.fn<(options: { force?: boolean; only?: string[] }) => Promise<void>>>;

beforeEach(() => {
  db = new SlaLensDatabase(`test-watch-${crypto.randomUUID()}`);
  test = vi.fn(async (): Promise<ScopeListing> => ({ ok: true, keys: ['SUP-1', 'SUP-2', 'SUP-3'], requests: 1 }));
  request = vi.fn(async () => {});
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

async function renderWatch() {
  const apis = createFakeSiteApis();
  const stores = createOptionsStores(db, {
    now: () => NOW,
    fetchSample: async () => '{}',
    download: () => {},
    yieldToUi: async () => {},
    sites: { registry: createSiteRegistry(apis), onPermissionsChanged: apis.onPermissionsChanged },
    alerts: { requestPermission: async () => false, hasPermission: async () => false },
    watch: { test, request },
  });
  render(<OptionsApp stores={stores} />);
  return screen.findByRole('region', { name: 'Watched queues' });
}

const form = (section: HTMLElement) => within(section).getByRole('form', { name: 'Watch a queue' });

describe('watched queues on the options page', () => {
  it('tests a scope on its site, then watches it and asks the background to read it at once', async () => {
    const section = await renderWatch();
    expect(within(section).getByText(/Nothing watched yet/)).toBeTruthy();
    fireEvent.input(within(section).getByLabelText('Site'), { target: { value: 'acme.atlassian.net' } });
    fireEvent.input(within(section).getByLabelText('JQL query'), { target: { value: 'project = SUP' } });
    fireEvent.input(within(section).getByLabelText('Name (optional)'), { target: { value: 'Support' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Test' }));
    expect(await within(section).findByText('It holds 3 tickets now.')).toBeTruthy();
    expect(test).toHaveBeenCalledWith({ site: 'acme.atlassian.net', name: 'Support', query: { kind: 'jql', jql: 'project = SUP' } });

    fireEvent.submit(form(section));
    await waitFor(async () => expect(await readPersonalScopes(db)).toHaveLength(1));
    const [scope] = await readPersonalScopes(db);
    await waitFor(() => expect(request).toHaveBeenCalledWith({ only: [scope!.id], force: true }));
    const row = (await within(section).findByText('Support')).closest('li')!;
    expect(within(row as HTMLElement).getByText('Not read yet')).toBeTruthy();

    // The background's round lands: its coverage is shown.
    await writeScopeState(db, scope!.id, { keys: ['SUP-1', 'SUP-2'], cursor: 0, failures: 0, lastSuccessAt: NOW - 40_000, nextTryAt: NOW + 60_000 });
    expect(await within(row as HTMLElement).findByText('2 tickets · refreshed 40 s ago')).toBeTruthy();

    fireEvent.click(within(row as HTMLElement).getByRole('button', { name: 'Stop watching' }));
    await waitFor(async () => expect(await readPersonalScopes(db)).toEqual([]));
  });

  it('says each problem beside its field, and what the site answered', async () => {
    const section = await renderWatch();
    fireEvent.change(within(section).getByLabelText('What to watch'), { target: { value: 'queue' } });
    fireEvent.input(within(section).getByLabelText('Site'), { target: { value: 'acme.zendesk.com' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Test' }));
    expect(await within(section).findByText('acme.zendesk.com is a Zendesk site: choose a Zendesk view or search.')).toBeTruthy();
    expect(within(section).getByText('Enter the service desk’s id.')).toBeTruthy();
    expect(test).not.toHaveBeenCalled();

    test.mockResolvedValue({ ok: false, failure: 'not-found', message: 'Queue 7 of service desk 2 does not exist on acme.atlassian.net, or you cannot see it.', requests: 1 });
    fireEvent.input(within(section).getByLabelText('Site'), { target: { value: 'acme.atlassian.net' } });
    fireEvent.input(within(section).getByLabelText('Service desk id'), { target: { value: '2' } });
    fireEvent.input(within(section).getByLabelText('Queue id'), { target: { value: '7' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Test' }));
    expect(await within(section).findByText('Queue 7 of service desk 2 does not exist on acme.atlassian.net, or you cannot see it.')).toBeTruthy();
  });

  it('refuses a site that is not the organisation’s, once the configuration lists its sites', async () => {
    await applyConfig(db, JSON.stringify({ version: 1, sites: ['acme.atlassian.net'], policies: [{ id: 'p', match: {}, calendar: '24x7', targets: { '*': { resolution: '8h' } } }] }));
    const section = await renderWatch();
    fireEvent.input(within(section).getByLabelText('Site'), { target: { value: 'vendor.atlassian.net' } });
    fireEvent.input(within(section).getByLabelText('JQL query'), { target: { value: 'project = X' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Test' }));
    expect(await within(section).findByText('vendor.atlassian.net is not one of your organisation’s sites (acme.atlassian.net), so its tickets are not counted.')).toBeTruthy();
    expect(test).not.toHaveBeenCalled();
  });

  it('asks for a self-hosted site to be allowed first, and refuses a scope already watched', async () => {
    await addPersonalScope(db, { site: 'acme.zendesk.com', query: { kind: 'view', view: '360001' } });
    const section = await renderWatch();
    fireEvent.change(within(section).getByLabelText('What to watch'), { target: { value: 'view' } });
    fireEvent.input(within(section).getByLabelText('Site'), { target: { value: 'support.acme-corp.com' } });
    fireEvent.input(within(section).getByLabelText('View id'), { target: { value: '360001' } });
    fireEvent.submit(form(section));
    expect(await within(section).findByText('Add support.acme-corp.com under Sites first: SLA Lens reads only the sites you allowed.')).toBeTruthy();

    fireEvent.input(within(section).getByLabelText('Site'), { target: { value: 'acme.zendesk.com' } });
    fireEvent.submit(form(section));
    expect(await within(section).findByText('You already watch this.')).toBeTruthy();
    expect(await readPersonalScopes(db)).toHaveLength(1);
  });

  it('keeps the wallboard’s setting to hide ticket titles, and links to the wallboard when it has its address', async () => {
    const section = await renderWatch();
    const hide = (await within(section).findByRole('checkbox', { name: 'Hide ticket titles on the wallboard (for screens in public spaces)' })) as HTMLInputElement;
    await waitFor(() => expect(hide.disabled).toBe(false));
    expect(hide.checked).toBe(false);
    expect(within(section).queryByRole('link', { name: 'Open the wallboard' })).toBeNull();
    fireEvent.click(hide);
    await waitFor(async () => expect(await readWallboardSettings(db)).toEqual({ hideTitles: true }));
    expect(hide.checked).toBe(true);
    // Changed elsewhere (another options tab): the box follows.
    await saveWallboardSettings(db, { hideTitles: false });
    await waitFor(() => expect(hide.checked).toBe(false));
    cleanup();

    const apis = createFakeSiteApis();
    const stores = createOptionsStores(db, {
      now: () => NOW,
      fetchSample: async () => '{}',
      download: () => {},
      yieldToUi: async () => {},
      sites: { registry: createSiteRegistry(apis), onPermissionsChanged: apis.onPermissionsChanged },
      alerts: { requestPermission: async () => false, hasPermission: async () => false },
      wallboardUrl: 'chrome-extension://abc/wallboard.html',
      reportUrl: 'chrome-extension://abc/report.html',
    });
    const mine = await addPersonalScope(db, { site: 'acme.zendesk.com', query: { kind: 'view', view: '360001' } });
    render(<OptionsApp stores={stores} />);
    const linked = await screen.findByRole('region', { name: 'Watched queues' });
    expect((await within(linked).findByRole('link', { name: 'Open the wallboard' })).getAttribute('href')).toBe('chrome-extension://abc/wallboard.html');
    // The report is one click from the settings too.
    expect(screen.getByRole('link', { name: 'SLA report' }).getAttribute('href')).toBe('chrome-extension://abc/report.html');
    // Each queue's own wallboard: a person's scope has a random id they could not type.
    expect((await within(linked).findByRole('link', { name: 'This queue on the wallboard' })).getAttribute('href')).toBe(`chrome-extension://abc/wallboard.html?scope=${encodeURIComponent(mine.id)}`);
  });
});
