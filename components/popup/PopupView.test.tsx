// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PopupSnapshot } from '../../lib/db/popup-query';
import { BUILT_IN_SITES } from '../../lib/sources/sites';
import { HOUR, MINUTE, NOW, summary } from './__fixtures__/tickets';
import { PopupView, type PopupViewProps } from './PopupView';

afterEach(cleanup);

const CONFIG = { name: 'Acme support SLAs', version: 3 };
const SITES = [...BUILT_IN_SITES.map(({ name, host }) => ({ name, host })), { name: 'Jira (self-hosted)', host: 'jira.acme-corp.com' }];

function snapshot(over: Partial<PopupSnapshot> = {}): PopupSnapshot {
  const urgent = [summary('SUP-1', { dueIn: -HOUR }), summary('SUP-7', { dueIn: 12 * MINUTE })];
  return {
    now: NOW,
    counts: { breached: 1, atRisk: 1, ok: 40, paused: 2, approximate: 11 },
    urgent,
    sites: [{ site: 'acme.atlassian.net', source: 'jira', tickets: 44 }],
    tracked: 50,
    reloadAt: Infinity,
    urgentTotal: urgent.length,
    views: [],
    calendars: {},
    ...over,
  };
}

function renderView(over: Partial<PopupViewProps> = {}) {
  const props: PopupViewProps = {
    config: CONFIG,
    snapshot: snapshot(),
    compliance: [],
    complianceDays: 7,
    onComplianceDaysChange: vi.fn(),
    sites: SITES,
    onOpen: vi.fn(),
    onOpenSettings: vi.fn(),
    format: { locale: 'en-GB', timeZone: 'UTC' },
    ...over,
  };
  render(<PopupView {...props} />);
  return props;
}

describe('PopupView', () => {
  it('without a configuration, says so and leads to the settings', () => {
    const props = renderView({ config: null, snapshot: snapshot({ tracked: 0, urgent: [] }) });
    expect(screen.getByRole('heading', { name: 'No SLA configuration yet' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Tickets by state' })).toBeNull();
    // One way to the settings (the header's appears once a configuration exists).
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Open settings']);
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
  });

  it('with a configuration and no tickets, lists the sites covered and how to add one', () => {
    const props = renderView({ snapshot: snapshot({ tracked: 0, urgent: [], sites: [], counts: { breached: 0, atRisk: 0, ok: 0, paused: 0, approximate: 0 } }) });
    expect(screen.getByRole('heading', { name: 'No tickets seen yet' })).toBeTruthy();
    const sites = within(screen.getByRole('list', { name: 'Sites SLA Lens covers' })).getAllByRole('listitem');
    expect(sites.map((s) => s.textContent)).toEqual(['Jira Cloud *.atlassian.net', 'Zendesk *.zendesk.com', 'Jira (self-hosted) jira.acme-corp.com']);
    fireEvent.click(screen.getByRole('button', { name: 'Add a self-hosted site' }));
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Acme support SLAs · version 3')).toBeTruthy();
  });

  it('with tickets but none urgent, is calm and still counts', () => {
    renderView({ snapshot: snapshot({ urgent: [], counts: { breached: 0, atRisk: 0, ok: 48, paused: 2, approximate: 0 } }) });
    expect(screen.getByRole('heading', { name: 'Nothing at risk' })).toBeTruthy();
    expect(
      within(screen.getByRole('list', { name: 'Tickets by state' }))
        .getAllByRole('listitem')
        .map((i) => i.textContent),
    ).toEqual(['0 breached', '0 at risk', '48 on track', '2 paused']);
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByRole('region', { name: 'Compliance' })).toBeTruthy();
  });

  it('with urgent tickets, shows counts, the timeline, the list and compliance, and opens tickets', () => {
    const props = renderView();
    expect(screen.getByText('25% approximate')).toBeTruthy();
    expect(screen.getByText('50 tickets tracked on 1 site')).toBeTruthy();
    const timeline = screen.getByRole('region', { name: 'Breaches in the next 8 hours' });
    expect(within(timeline).getByRole('img').getAttribute('aria-label')).toBe('1 ticket breaches in the next 8 hours, SUP-7 at 12:12; 1 already breached.');
    const list = screen.getByRole('listbox', { name: 'At-risk and breached tickets' });
    fireEvent.click(within(list).getAllByRole('option')[1]!);
    expect(props.onOpen).toHaveBeenCalledWith(expect.objectContaining({ key: 'SUP-7' }));
    expect(within(screen.getByRole('region', { name: 'Compliance' })).getByText('No targets decided in the last 7 days.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(props.onOpenSettings).toHaveBeenCalledTimes(1);
  });

  it('says once, plainly, when the configuration lists no sites, and nothing when it does', () => {
    renderView({ config: { ...CONFIG, sitesDeclared: false } });
    expect(screen.getAllByText(/Every Jira and Zendesk site counts here/)).toHaveLength(1);
    cleanup();
    renderView({ config: { ...CONFIG, sitesDeclared: true } });
    expect(screen.queryByText(/Every Jira and Zendesk site counts here/)).toBeNull();
  });

  it('is busy while loading, and says what failed', () => {
    renderView({ config: undefined, snapshot: undefined });
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    cleanup();
    renderView({ error: 'The ticket store could not be read: QuotaExceededError.' });
    expect(screen.getByRole('alert').textContent).toBe('The ticket store could not be read: QuotaExceededError.');
  });
});

describe('stale tickets in the popup (issue 18 §2)', () => {
  it('counts them and lists them oldest first with what flags each; a click opens the ticket', () => {
    const stale = [
      {
        site: 'acme.atlassian.net',
        key: 'SUP-3',
        source: 'jira' as const,
        title: 'Printer jam',
        url: 'https://acme.atlassian.net/browse/SUP-3',
        kind: 'in-status' as const,
        since: NOW - 72 * HOUR,
        status: 'Waiting for customer',
      },
      { site: 'acme.atlassian.net', key: 'SUP-1', source: 'jira' as const, title: 'VPN', url: 'https://acme.atlassian.net/browse/SUP-1', kind: 'no-update' as const, since: NOW - 30 * HOUR },
    ];
    const props = renderView({ snapshot: snapshot({ counts: { breached: 1, atRisk: 1, ok: 40, paused: 2, approximate: 11, stale: 2 }, stale }) });
    expect(screen.getByText('stale').closest('p')!.textContent).toBe('2 stale');
    const list = screen.getByRole('region', { name: 'Stale' });
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['SUP-3 in Waiting for customer 3d Printer jam', 'SUP-1 no update 1d 6h VPN']);
    fireEvent.click(within(list).getByRole('button', { name: 'SUP-1' }));
    expect(props.onOpen).toHaveBeenCalledWith(stale[1]);
  });

  it('shows neither where nothing is stale', () => {
    renderView();
    expect(screen.queryByText('stale')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Stale' })).toBeNull();
  });
});
