// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyConfig as applyTestConfig, H, MIN, NOW, see as seeTickets, simpleConfig, ticketFacts } from '../../lib/db/__fixtures__/store';
import { SlaLensDatabase } from '../../lib/db/database';
import type { TicketFacts } from '../../lib/sla/index';
import type { SelfHostedSite } from '../../lib/sources/site-registry';
import { coveredSites } from './covered-sites';
import type { TabPageStatus } from '../../lib/tabs/tab-status';
import { Popup } from './Popup';
import { addPersonalScope, readPersonalScopes, writeScopeState } from '../../lib/watch/store';
import { afterFetch, subscribe } from '../../lib/subscription/state';

const J = 'acme.atlassian.net';
// 4 h to resolve, at risk from 75 %, on 24x7 time.
const CONFIG = simpleConfig({ resolution: '4h' }, { name: 'Acme support SLAs' });
const facts = (key: string, ageMs: number, extra: Partial<TicketFacts> = {}) => ticketFacts(J, key, ageMs, extra);

const SELF_HOSTED: SelfHostedSite[] = [
  { origin: 'https://jira.acme-corp.com', kind: 'jira', permitted: true, registered: true },
  { origin: 'https://support.acme.com', kind: 'zendesk', permitted: false, registered: false },
];

let db: SlaLensDatabase;
let clock: number;
let openTab: ReturnType<typeof vi.fn<(url: string) => void>>;
let openSettings: ReturnType<typeof vi.fn<() => void>>;

beforeEach(async () => {
  db = new SlaLensDatabase(`test-popup-${crypto.randomUUID()}`);
  await db.open();
  clock = NOW;
  openTab = vi.fn<(url: string) => void>();
  openSettings = vi.fn<() => void>();
  // Only the popup's interval is faked: Dexie's promises and timeouts stay real.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await db.delete();
});

const applyConfig = () => applyTestConfig(db, CONFIG);
const see = (tickets: TicketFacts[]) => seeTickets(db, tickets);

function renderPopup() {
  render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} />);
}

const countsText = () =>
  within(screen.getByRole('list', { name: 'Tickets by state' }))
    .getAllByRole('listitem')
    .map((i) => i.textContent);
const rows = () => within(screen.getByRole('listbox', { name: 'At-risk and breached tickets' })).getAllByRole('option');

describe('popup (wired to the database)', () => {
  it('follows the database: no configuration, then no tickets, then tickets', async () => {
    renderPopup();
    await screen.findByRole('heading', { name: 'No SLA configuration yet' });
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(openSettings).toHaveBeenCalledTimes(1);

    await applyConfig();
    await screen.findByRole('heading', { name: 'No tickets seen yet' });
    expect(screen.getByText('Acme support SLAs · version 1')).toBeTruthy();
    const sites = within(screen.getByRole('list', { name: 'Sites SLA Lens covers' })).getAllByRole('listitem');
    // The self-hosted site the browser lets us run on; not the one whose access was removed.
    await waitFor(() => expect(sites[0]!.parentElement!.children).toHaveLength(3));
    expect(screen.getByText('jira.acme-corp.com')).toBeTruthy();
    expect(screen.queryByText('support.acme.com')).toBeNull();

    await see([facts('SUP-1', 1 * H), facts('SUP-2', 3.5 * H), facts('SUP-3', 5 * H)]);
    await screen.findByRole('listbox', { name: 'At-risk and breached tickets' });
    expect(countsText()).toEqual(['1 breached', '1 at risk', '1 on track', '0 paused']);
    expect(rows().map((r) => /^\S+/.exec(r.textContent ?? '')![0])).toEqual(['SUP-3', 'SUP-2']);
    expect(
      within(screen.getByRole('region', { name: 'Breaches in the next 8 hours' }))
        .getByRole('img')
        .getAttribute('aria-label'),
    ).toMatch(/^1 ticket breaches in the next 8 hours, SUP-2 at /);

    fireEvent.click(rows()[1]!);
    expect(openTab).toHaveBeenCalledWith(`https://${J}/browse/SUP-2`);
  });

  it('ticks the countdowns every second, moves a ticket to breached, and stops ticking when closed', async () => {
    await applyConfig();
    await see([facts('SUP-2', 4 * H - 90_000), facts('SUP-1', 1 * H)]);
    renderPopup();
    await screen.findByRole('listbox');
    expect(within(rows()[0]!).getByText(/left$/).textContent).toBe('At risk: 1m left');

    clock = NOW + 40_000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(within(rows()[0]!).getByText(/left$/).textContent).toBe('At risk: <1m left');

    clock = NOW + 3 * MIN;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(within(rows()[0]!).getByText(/ago$/).textContent).toBe('Breached: breached 1m ago');
    expect(countsText()).toEqual(['1 breached', '0 at risk', '1 on track', '0 paused']);

    // SUP-1 turns at risk at 3 h of 4: the popup loads again then, with no database write.
    clock = NOW + 2 * H + MIN;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    await waitFor(() => expect(countsText()).toEqual(['1 breached', '1 at risk', '0 on track', '0 paused']));
    expect(rows()).toHaveLength(2);

    expect(vi.getTimerCount()).toBe(1);
    // Preact runs an unmounted component's effect cleanups after the next paint; act flushes them.
    await act(() => cleanup());
    expect(vi.getTimerCount()).toBe(0);
  });

  it('loads compliance for 7 or 30 days', async () => {
    await applyConfig();
    // Breached 2 days ago, still open: a missed target decided in the last 7 days.
    await see([facts('SUP-9', 2 * 24 * H + 4 * H), facts('SUP-1', 1 * H)]);
    renderPopup();
    const compliance = await screen.findByRole('region', { name: 'Compliance' });
    const bar = await within(compliance).findByRole('button', { name: /^Standard/ });
    expect(bar.textContent).toBe('Standard 0% met 0 met · 1 missed');
    fireEvent.click(bar);
    const missed = within(compliance).getByRole('list', { name: 'Missed: Standard' });
    fireEvent.click(within(missed).getByRole('button', { name: /^SUP-9/ }));
    expect(openTab).toHaveBeenCalledWith(`https://${J}/browse/SUP-9`);

    fireEvent.click(within(compliance).getByRole('radio', { name: '30 days' }));
    await waitFor(() => expect(within(compliance).getByRole('list', { name: 'Policies over the last 30 days' })).toBeTruthy());
  });

  it('lists only the self-hosted sites SLA Lens may run on, after the built-in ones', () => {
    expect(coveredSites(SELF_HOSTED)).toEqual([
      { name: 'Jira Cloud', host: '*.atlassian.net' },
      { name: 'Zendesk', host: '*.zendesk.com' },
      { name: 'Jira (self-hosted)', host: 'jira.acme-corp.com' },
    ]);
  });

  it('names the tab’s page when SLA Lens cannot read it, follows the tab’s status, and stops listening when closed', async () => {
    await applyConfig();
    let push: (status: TabPageStatus | null) => void = () => undefined;
    const unsubscribe = vi.fn();
    const watch = vi.fn((listener: (status: TabPageStatus | null) => void) => {
      push = listener;
      return unsubscribe;
    });
    const copy = vi.fn(async (_text: string) => undefined);
    const { unmount } = render(
      <Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => []} watchPageStatus={watch} copyText={copy} browserName="Chrome 156" />,
    );
    await screen.findByRole('heading', { name: 'No tickets seen yet' });
    expect(screen.queryByRole('region', { name: /can't read this page/ })).toBeNull();
    const kind = { id: 'zendesk-view', label: 'Zendesk view', shows: 'list' as const };
    const diagnostics = { source: 'zendesk', page: 'zendesk-view', url: 'https://*.zendesk.com/agent/filters/{id}', lang: 'he', dir: 'rtl', found: 0, shown: 9, strategies: [] };
    act(() => push({ site: 'acme.zendesk.com', readable: false, kind, found: 0, shown: 9, diagnostics, extension: '0.1.0', at: NOW }));
    const region = await screen.findByRole('region', { name: "Zendesk view: SLA Lens can't read this page yet" });
    fireEvent.click(within(region).getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(copy).toHaveBeenCalledTimes(1));
    expect(JSON.parse(copy.mock.calls[0]![0])).toMatchObject({ product: 'SLA Lens', extension: '0.1.0', browser: 'Chrome 156', page: 'zendesk-view', lang: 'he' });
    act(() => push({ site: 'acme.zendesk.com', readable: true, kind, found: 9, shown: 9, extension: '0.1.0', at: NOW }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /can't read this page/ })).toBeNull());
    act(() => {
      unmount();
    });
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});

describe('a new configuration version', () => {
  function renderWithSeen(seen: { value: number | null }) {
    const seenVersion = {
      read: async () => seen.value,
      write: async (id: number) => {
        seen.value = id;
      },
    };
    return render(
      <Popup
        db={db}
        now={() => clock}
        openTab={openTab}
        openSettings={openSettings}
        selfHostedSites={async () => SELF_HOSTED}
        seenVersion={seenVersion}
        optionsUrl="chrome-extension://x/options.html"
      />,
    );
  }

  it('is announced once, with what changed and a way to the history; the first version ever is not news', async () => {
    await applyConfig();
    const seen = { value: null as number | null };
    const first = renderWithSeen(seen);
    await screen.findByText(/version 1/);
    await waitFor(() => expect(seen.value).toBe(1));
    expect(screen.queryByText(/was updated to version/)).toBeNull();
    first.unmount();

    await applyTestConfig(db, simpleConfig({ resolution: '2h' }, { name: 'Acme support SLAs' }));
    const second = renderWithSeen(seen);
    const notice = await screen.findByText('Your SLA configuration was updated to version 2 (from an import in this browser): 1 policy changed.');
    expect(notice).toBeTruthy();
    expect(seen.value).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'See what changed' }));
    expect(openTab).toHaveBeenCalledWith('chrome-extension://x/options.html#history');
    second.unmount();

    // Opened again: said once, so not again.
    renderWithSeen(seen);
    await screen.findByText(/version 2/);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/was updated to version/)).toBeNull();
  });
});

describe('our agreements', () => {
  it('opens from the header once there is a configuration', async () => {
    const view = render(
      <Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} agreementsUrl="chrome-extension://x/agreements.html" />,
    );
    await screen.findByRole('heading', { name: /no sla configuration/i });
    expect(screen.queryByRole('button', { name: 'Our agreements' })).toBeNull();
    view.unmount();
    await applyConfig();
    render(
      <Popup
        db={db}
        now={() => clock}
        openTab={openTab}
        openSettings={openSettings}
        selfHostedSites={async () => SELF_HOSTED}
        agreementsUrl="chrome-extension://x/agreements.html"
        reportUrl="chrome-extension://x/report.html"
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Our agreements' }));
    expect(openTab).toHaveBeenCalledWith('chrome-extension://x/agreements.html');
    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(openTab).toHaveBeenCalledWith('chrome-extension://x/report.html');
  });
});

describe('sites the organisation’s policy lists', () => {
  it('declare its sites: the popup does not say every site counts', async () => {
    await applyConfig();
    const view = render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} policySites={async () => []} />);
    expect(await screen.findByText(/Every Jira and Zendesk site counts here/)).toBeTruthy();
    view.unmount();
    render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} policySites={async () => ['acme.atlassian.net']} />);
    await screen.findByText(/version 1/);
    await waitFor(() => expect(screen.queryByText(/Every Jira and Zendesk site counts here/)).toBeNull());
  });
});

describe('watched scopes', () => {
  it('says each one’s coverage, and asks to sign in where the site refused the session', async () => {
    await applyConfig();
    const queue = await addPersonalScope(db, { site: J, name: 'SUP queue', query: { kind: 'queue', serviceDesk: '2', queue: '7' } });
    const view = await addPersonalScope(db, { site: 'acme.zendesk.com', query: { kind: 'view', view: '360001' } });
    await writeScopeState(db, queue.id, { keys: ['SUP-1', 'SUP-2'], cursor: 0, failures: 0, lastSuccessAt: clock - 40_000, nextTryAt: clock + MIN });
    await writeScopeState(db, view.id, { keys: [], cursor: 0, failures: 1, nextTryAt: clock + MIN, error: { failure: 'signed-out', message: 'x', at: clock } });
    render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} />);
    const section = await screen.findByRole('region', { name: 'Watched' });
    const rows = within(section).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual(['SUP queue' + J + '2 tickets · refreshed 40 s ago', 'View 360001acme.zendesk.comSign in to acme.zendesk.com to refreshSign in']);
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Sign in' }));
    expect(openTab).toHaveBeenCalledWith('https://acme.zendesk.com/');
  });
});

describe('watch this queue', () => {
  it('on a JSM queue, asks the site which service desk it is, watches it and asks for a round; then offers it no more', async () => {
    await applyConfig();
    const request = vi.fn(async () => {});
    const asked: string[] = [];
    const watchPage = {
      url: async () => `https://${J}/jira/servicedesk/projects/SUP/queues/custom/7`,
      fetch: async (url: string) => {
        asked.push(url);
        return Response.json({ id: '2', projectKey: 'SUP' });
      },
      request,
    };
    const view = render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} watchPage={watchPage} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Watch this queue' }));
    expect(await screen.findByText(`Watching Queue 7 of service desk 2 on ${J}.`)).toBeTruthy();
    expect(asked).toEqual([`https://${J}/rest/servicedeskapi/servicedesk/SUP`]);
    const [scope] = await readPersonalScopes(db);
    expect(scope).toMatchObject({ site: J, query: { kind: 'queue', serviceDesk: '2', queue: '7' } });
    expect(request).toHaveBeenCalledWith({ only: [scope!.id], force: true });
    view.unmount();
    render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} watchPage={watchPage} />);
    await screen.findByRole('region', { name: 'Watched' });
    expect(screen.queryByRole('button', { name: 'Watch this queue' })).toBeNull();
  });

  it('on a Zendesk view offers to watch the view; on a ticket, nothing', async () => {
    await applyConfig();
    const request = vi.fn(async () => {});
    const view = render(
      <Popup
        db={db}
        now={() => clock}
        openTab={openTab}
        openSettings={openSettings}
        selfHostedSites={async () => SELF_HOSTED}
        watchPage={{ url: async () => 'https://acme.zendesk.com/agent/filters/360001', fetch: async () => new Response(), request }}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Watch this view' }));
    expect(await screen.findByText('Watching View 360001 on acme.zendesk.com.')).toBeTruthy();
    view.unmount();
    render(
      <Popup
        db={db}
        now={() => clock}
        openTab={openTab}
        openSettings={openSettings}
        selfHostedSites={async () => SELF_HOSTED}
        watchPage={{ url: async () => `https://${J}/browse/SUP-1`, fetch: async () => new Response(), request }}
      />,
    );
    await screen.findByText(/version 1/);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('button', { name: /^Watch this/ })).toBeNull();
  });
});

describe('a subscribed configuration that cannot be applied', () => {
  it('is said in the popup too, with the way to the settings; a working one is not', async () => {
    await applyConfig();
    const url = 'https://intranet.example.com/sla.yaml';
    const base = subscribe(url, 60, clock - 3 * H);
    const failing = afterFetch(base, { kind: 'failed', reason: 'http-status', status: 404, message: 'x' }, clock - 5 * MIN, {
      kind: 'failed',
      message: `The server answered 404 Not Found for ${url}. Check the address.`,
    });
    const view = render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} subscription={{ read: async () => failing }} />);
    expect(await screen.findByText(/The team’s SLA configuration could not be updated\. Last error 5 min ago: The server answered 404 Not Found/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(openSettings).toHaveBeenCalled();
    view.unmount();

    const working = afterFetch(base, { kind: 'not-modified' }, clock - 5 * MIN, { kind: 'unchanged' });
    render(<Popup db={db} now={() => clock} openTab={openTab} openSettings={openSettings} selfHostedSites={async () => SELF_HOSTED} subscription={{ read: async () => working }} />);
    await screen.findByText(/version 1/);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByText(/could not be updated/)).toBeNull();
  });
});
