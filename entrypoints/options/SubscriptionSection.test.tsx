// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { simpleConfig } from '../../lib/db/__fixtures__/store';
import { activeVersion, applyImport, previewText } from '../../lib/db/config-store';
import { SlaLensDatabase } from '../../lib/db/database';
import { createOptionsStores } from '../../lib/options/context';
import type { SubscriptionDeps } from '../../lib/options/subscription-store';
import { createSiteRegistry } from '../../lib/sources/site-registry';
import { afterFetch, subscribe, type SubscriptionState } from '../../lib/subscription/state';
import { createFakeSiteApis } from '../../testing/fakes/site-apis';
import { OptionsApp } from './OptionsApp';

const NOW = Date.UTC(2026, 11, 3, 9);
let db: SlaLensDatabase;
let stored: SubscriptionState | null;
let listeners: Set<() => void>;
let requestOrigin: ReturnType<typeof vi.fn<(pattern: string) => Promise<boolean>>>;
let releaseOrigin: ReturnType<typeof vi.fn<(pattern: string) => Promise<void>>>;

beforeEach(() => {
  db = new SlaLensDatabase(`test-subscription-${crypto.randomUUID()}`);
  stored = null;
  listeners = new Set();
  requestOrigin = vi.fn(async () => true);
  releaseOrigin = vi.fn(async () => {});
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

/** Extension storage as the options page sees it; `background` stands for what the background writes. */
const deps = (): SubscriptionDeps => ({
  read: async () => stored,
  write: async (state) => {
    stored = state;
  },
  onChanged(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  requestOrigin,
  releaseOrigin,
});
function background(state: SubscriptionState) {
  stored = state;
  for (const l of listeners) l();
}

async function renderSection() {
  const apis = createFakeSiteApis();
  const stores = createOptionsStores(db, {
    now: () => NOW,
    fetchSample: async () => '{}',
    download: () => {},
    yieldToUi: async () => {},
    sites: { registry: createSiteRegistry(apis), onPermissionsChanged: apis.onPermissionsChanged },
    alerts: { requestPermission: async () => false, hasPermission: async () => false },
    subscription: deps(),
  });
  render(<OptionsApp stores={stores} />);
  return screen.findByRole('region', { name: 'Subscription' });
}

describe('the subscription section', () => {
  it('refuses an address that is not https, asking for no permission', async () => {
    const section = await renderSection();
    fireEvent.input(await within(section).findByLabelText('Configuration file address'), { target: { value: 'http://intranet.example.com/sla.yaml' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Subscribe' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('https://');
    expect(requestOrigin).not.toHaveBeenCalled();
    expect(stored).toBeNull();
  });

  it('asks for that one host, then subscribes, due at once, with the interval floored', async () => {
    const section = await renderSection();
    fireEvent.input(await within(section).findByLabelText('Configuration file address'), { target: { value: ' https://intranet.example.com/support/sla.yaml ' } });
    fireEvent.input(within(section).getByLabelText('Check every (minutes)'), { target: { value: '5' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(stored).not.toBeNull());
    expect(requestOrigin).toHaveBeenCalledWith('https://intranet.example.com/*');
    expect(stored).toMatchObject({ url: 'https://intranet.example.com/support/sla.yaml', refreshMinutes: 15, nextTryAt: NOW, failures: 0 });
    expect(await within(section).findByText(/Subscribed to/)).toBeTruthy();
    expect(within(section).getByText('Not checked yet')).toBeTruthy();
  });

  it('says so when the permission is refused, and does not subscribe', async () => {
    requestOrigin.mockResolvedValue(false);
    const section = await renderSection();
    fireEvent.input(await within(section).findByLabelText('Configuration file address'), { target: { value: 'https://intranet.example.com/sla.yaml' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Subscribe' }));
    expect((await within(section).findByRole('alert')).textContent).toContain('intranet.example.com');
    expect(stored).toBeNull();
  });

  it('shows what the background found, with each problem’s path; "Check now" makes it due; a file waiting for a person is applied on request', async () => {
    const base = subscribe('https://intranet.example.com/sla.yaml', 60, NOW - 3 * 3_600_000);
    stored = afterFetch(base, { kind: 'changed', text: '', finalUrl: base.url }, NOW - 2 * 3_600_000, { kind: 'applied', hash: 'h1' });
    const section = await renderSection();
    expect(await within(section).findByText('Last updated from the server 2 h ago')).toBeTruthy();

    background(
      afterFetch(stored, { kind: 'changed', text: '', finalUrl: base.url }, NOW - 5 * 60_000, { kind: 'invalid', problems: [{ path: 'policies[0].calendar', message: 'unknown calendar "x"' }] }),
    );
    expect(await within(section).findByText('policies[0].calendar: unknown calendar "x"')).toBeTruthy();
    expect(within(section).getByText(/Last error 5 min ago/)).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Check now' }));
    await waitFor(() => expect(stored?.nextTryAt).toBe(NOW));

    background(afterFetch(stored!, { kind: 'changed', text: '', finalUrl: base.url }, NOW, { kind: 'needs-confirmation', hash: 'h2', reason: 'applying it would remove all 3 policies in force.' }));
    fireEvent.click(await within(section).findByRole('button', { name: 'Apply the new file' }));
    await waitFor(() => expect(stored?.confirmed).toBe('h2'));

    expect(releaseOrigin).not.toHaveBeenCalled();
    fireEvent.click(within(section).getByRole('button', { name: 'Unsubscribe' }));
    await waitFor(() => expect(stored).toBeNull());
    // The file's host is given back: no subscription needs it now.
    expect(releaseOrigin).toHaveBeenCalledWith('https://intranet.example.com/*');
    expect(await within(section).findByLabelText('Configuration file address')).toBeTruthy();
  });

  it('a file imported by hand while subscribed says it leaves the subscription, and does once applied', async () => {
    stored = subscribe('https://intranet.example.com/sla.yaml', 60, NOW);
    await renderSection();
    fireEvent.input(screen.getByLabelText('Or paste a configuration'), { target: { value: simpleConfig({ resolution: '4h' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check pasted configuration' }));
    expect(await screen.findByText(/Applying this file leaves that subscription/)).toBeTruthy();
    expect(stored).not.toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(stored).toBeNull());
    expect((await activeVersion(db))?.source).toEqual({ kind: 'paste' });
  });

  it('the configuration section says when the subscribed file in force was last checked, and when next', async () => {
    const url = 'https://intranet.example.com/sla.yaml';
    const base = subscribe(url, 60, NOW - 3 * 3_600_000);
    const preview = await previewText(db, simpleConfig({ resolution: '4h' }), { kind: 'subscription', url });
    if (!preview.ok) throw new Error('must be valid');
    await applyImport(db, preview);
    stored = afterFetch(base, { kind: 'changed', text: '', finalUrl: url }, NOW - 20 * 60_000, { kind: 'applied', hash: preview.hash });
    await renderSection();
    const config = await screen.findByRole('region', { name: 'SLA configuration' });
    expect((await within(config).findByText(/Checked for amendments/)).textContent).toBe('Checked for amendments 20 min ago; next check in 40 min.');
  });
});
