// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyConfig, H, MIN, NOW, see as seeTickets, simpleConfig, ticketFacts } from '../../lib/db/__fixtures__/store';
import { SlaLensDatabase } from '../../lib/db/database';
import { saveWallboardSettings } from '../../lib/db/wallboard';
import type { TicketFacts } from '../../lib/sla/index';
import { addPersonalScope, writeScopeState } from '../../lib/watch/store';
import { ago } from '../../lib/watch/state';
import { Wallboard } from './Wallboard';

const J = 'acme.atlassian.net';
// 4 h to resolve, at risk from 75 %, on 24x7 time.
const CONFIG = simpleConfig({ resolution: '4h' }, { name: 'Acme support SLAs' });
const facts = (key: string, ageMs: number, extra: Partial<TicketFacts> = {}) => ticketFacts(J, key, ageMs, extra);

let db: SlaLensDatabase;
let clock: number;

beforeEach(async () => {
  db = new SlaLensDatabase(`test-wallboard-${crypto.randomUUID()}`);
  await db.open();
  clock = NOW;
  // Only the page's interval is faked: Dexie's promises and timeouts stay real.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  await applyConfig(db, CONFIG);
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await db.delete();
});

const see = (tickets: TicketFacts[], at = NOW) => seeTickets(db, tickets, at);

function renderWallboard(query = '') {
  return render(<Wallboard db={db} now={() => clock} params={new URLSearchParams(query)} />);
}

const counts = () =>
  within(screen.getByRole('list', { name: 'Tickets by state' }))
    .getAllByRole('listitem')
    .map((i) => i.textContent);
const table = () => screen.getByRole('table', { name: 'Most urgent' });
const headers = () =>
  within(table())
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
const rows = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

async function tick(to: number) {
  clock = to;
  await act(() => {
    vi.advanceTimersByTime(1000);
  });
}

describe('the wallboard', () => {
  it('shows every tracked ticket: counts, the breaches of the next hours, and the most urgent with live countdowns', async () => {
    await see([facts('SUP-1', 1 * H), facts('SUP-2', 3.5 * H, { assignee: 'Ana Lima' }), facts('SUP-3', 5 * H), facts('SUP-4', 3.9 * H)]);
    renderWallboard();
    await screen.findByRole('columnheader', { name: 'Title' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('All tickets');
    expect(counts()).toEqual(['1 breached', '2 at risk', '1 on track', '0 paused']);
    expect(
      within(screen.getByRole('region', { name: 'Breaches in the next 8 hours' }))
        .getByRole('img')
        .getAttribute('aria-label'),
    ).toMatch(/^2 tickets breach in the next 8 hours, the first SUP-4 at .*; 1 already breached\.$/);
    expect(headers()).toEqual(['State', 'Key', 'Title', 'Assignee', 'Time']);
    // Breached first, then the soonest to breach; the state in words, the countdown as the popup's pills say it.
    expect(rows()).toEqual([
      ['Breached', 'SUP-3', 'Ticket SUP-3', 'Unassigned', 'breached 1h ago'],
      ['At risk', 'SUP-4', 'Ticket SUP-4', 'Unassigned', '6m left'],
      ['At risk', 'SUP-2', 'Ticket SUP-2', 'Ana Lima', '30m left'],
    ]);
    expect(screen.getByText('3 tickets at risk or breached')).toBeTruthy();
    expect(screen.getByText(/^4 tickets tracked/)).toBeTruthy();
    // Nothing to press: no buttons, links or fields.
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('link')).toEqual([]);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
  });

  it('refreshes itself: countdowns every second, database changes as they land, and a ticket turning at risk with no write', async () => {
    await see([facts('SUP-2', 4 * H - 90_000), facts('SUP-1', 1 * H)]);
    renderWallboard();
    await screen.findByRole('columnheader', { name: 'Title' });
    expect(rows()).toEqual([['At risk', 'SUP-2', 'Ticket SUP-2', 'Unassigned', '1m left']]);
    expect(screen.getByText(/Updated 1 s ago/)).toBeTruthy();

    await tick(NOW + 12_000);
    expect(screen.getByText(/Updated 12 s ago/)).toBeTruthy();
    await tick(NOW + 3 * MIN);
    expect(rows()).toEqual([['Breached', 'SUP-2', 'Ticket SUP-2', 'Unassigned', 'breached 1m ago']]);
    expect(counts()).toEqual(['1 breached', '0 at risk', '1 on track', '0 paused']);

    // An overlay records a new ticket: the board follows.
    await see([facts('SUP-7', 3.5 * H + 3 * MIN)], NOW + 3 * MIN);
    await waitFor(() => expect(rows().map((r) => r[1])).toEqual(['SUP-2', 'SUP-7']));
    expect(screen.getByText(/Updated 1 s ago/)).toBeTruthy();

    // SUP-1 turns at risk at 3 h of its 4: read again then, with no write.
    await tick(NOW + 2 * H + MIN);
    await waitFor(() => expect(counts()).toEqual(['2 breached', '1 at risk', '0 on track', '0 paused']));
    expect(rows().map((r) => r[1])).toEqual(['SUP-2', 'SUP-7', 'SUP-1']);

    expect(vi.getTimerCount()).toBe(1);
    await act(() => cleanup());
    expect(vi.getTimerCount()).toBe(0);
  });

  it('shows one watched scope: its tickets only, its name and coverage', async () => {
    await see([facts('SUP-1', 3.5 * H), facts('SUP-2', 5 * H), facts('SUP-3', 3.9 * H)]);
    await see([ticketFacts('other.atlassian.net', 'SUP-3', 5 * H)]);
    const scope = await addPersonalScope(db, { site: J, query: { kind: 'jql', jql: 'project = SUP AND team = 2' } });
    await writeScopeState(db, scope.id, { keys: ['SUP-1', 'SUP-3'], cursor: 0, failures: 0, lastSuccessAt: NOW - 40_000, nextTryAt: NOW + MIN });
    renderWallboard(`scope=${encodeURIComponent(scope.id)}`);
    await screen.findByRole('table', { name: 'Most urgent' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('JQL: project = SUP AND team = 2');
    expect(screen.getByText(`${J} · 2 tickets · refreshed 40 s ago`)).toBeTruthy();
    expect(counts()).toEqual(['0 breached', '2 at risk', '0 on track', '0 paused']);
    expect(rows().map((r) => r[1])).toEqual(['SUP-3', 'SUP-1']);
    // The footer strip is for the board of every ticket.
    expect(screen.queryByRole('list', { name: 'Watched queues' })).toBeNull();
  });

  it('says plainly when the scope asked for is not watched', async () => {
    await see([facts('SUP-1', 3.5 * H)]);
    renderWallboard('scope=personal:removed');
    expect(await screen.findByText(/SLA Lens watches no scope with the id “personal:removed”/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Unknown scope');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('names each watched scope’s coverage in a footer strip on the board of every ticket', async () => {
    const named = await addPersonalScope(db, { site: J, name: 'Tier 2', query: { kind: 'filter', filter: '10001' } });
    await addPersonalScope(db, { site: 'acme.zendesk.com', query: { kind: 'view', view: '360001' } });
    await writeScopeState(db, named.id, { keys: ['SUP-1'], cursor: 0, failures: 0, lastSuccessAt: NOW - 5 * MIN, nextTryAt: NOW + MIN });
    renderWallboard();
    const strip = await screen.findByRole('list', { name: 'Watched queues' });
    expect(
      within(strip)
        .getAllByRole('listitem')
        .map((i) => i.textContent),
    ).toEqual(['Tier 2 1 ticket · refreshed 5 min ago', 'View 360001 Not read yet']);
    expect(screen.getByText('No tickets tracked yet.')).toBeTruthy();
  });

  it('hides titles when the setting says so, or the address does: no title text anywhere on the page', async () => {
    await see([facts('SUP-1', 3.5 * H, { title: 'Refund for Jane Doe, card ending 4242' }), facts('SUP-2', 5 * H, { title: 'Server room door code' })]);
    await saveWallboardSettings(db, { hideTitles: true });
    const { container } = renderWallboard();
    await screen.findByRole('table', { name: 'Most urgent' });
    expect(headers()).toEqual(['State', 'Key', 'Assignee', 'Time']);
    expect(container.innerHTML).not.toMatch(/Jane Doe|door code|No title seen/);
    expect(rows()).toEqual([
      ['Breached', 'SUP-2', 'Unassigned', 'breached 1h ago'],
      ['At risk', 'SUP-1', 'Unassigned', '30m left'],
    ]);

    // Shown again when the setting changes (from the options page), live.
    await saveWallboardSettings(db, { hideTitles: false });
    await waitFor(() => expect(headers()).toEqual(['State', 'Key', 'Title', 'Assignee', 'Time']));
    expect(container.textContent).toContain('Refund for Jane Doe, card ending 4242');
    cleanup();

    // `?titles=off` overrides the setting.
    const off = renderWallboard('titles=off');
    await screen.findByRole('table', { name: 'Most urgent' });
    expect(headers()).toEqual(['State', 'Key', 'Assignee', 'Time']);
    expect(off.container.innerHTML).not.toMatch(/Jane Doe|door code/);
  });

  it('renders ticket text as text, never as markup', async () => {
    const title = '<img src=x onerror="alert(1)"><b>Bold</b> & <script>bad()</script>';
    await see([facts('SUP-1', 3.5 * H, { title, assignee: '<i>Eve</i>' })]);
    const { container } = renderWallboard();
    await screen.findByRole('columnheader', { name: 'Title' });
    expect(rows()).toEqual([['At risk', 'SUP-1', title, '<i>Eve</i>', '30m left']]);
    expect(container.querySelector('table img, table b, table i, table script')).toBeNull();
  });

  it('follows the system’s colour scheme, or the one the address forces', async () => {
    const first = renderWallboard();
    await screen.findByText('No tickets tracked yet.');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    first.unmount();

    const dark = renderWallboard('theme=dark');
    await screen.findByText('No tickets tracked yet.');
    expect(document.documentElement.dataset.theme).toBe('dark');
    // The state colours follow the forced theme too.
    expect(document.getElementById('sla-forced-state-tokens')!.textContent).toContain(":root[data-theme='dark']{--sla-ok-fg:#7ee2b8;");
    await act(() => {
      dark.unmount();
    });
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);

    renderWallboard('theme=light');
    await screen.findByText('No tickets tracked yet.');
    expect(document.documentElement.dataset.theme).toBe('light');
    cleanup();
    renderWallboard('theme=sepia');
    await screen.findByText('No tickets tracked yet.');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('is an English page with its own title, and the forced dark theme is the system’s dark one', () => {
    const html = readFileSync(path.join(import.meta.dirname, 'index.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>SLA Lens wallboard</title>');
    const css = readFileSync(path.join(import.meta.dirname, '../../components/theme.css'), 'utf8');
    const declarations = (block: string) =>
      block
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('--'));
    const system = /@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme='light'\]\) \{([^}]*)\}/.exec(css)![1]!;
    const forced = /:root\[data-theme='dark'\] \{([^}]*)\}/.exec(css)![1]!;
    expect(declarations(system).length).toBeGreaterThan(10);
    expect(declarations(forced)).toEqual(declarations(system));
  });

  it('says how old the newest data is as the coverage lines do', () => {
    expect([0, 12_000, 44_000, 52_000, 44 * MIN, 50 * MIN, 35 * H, 49 * H].map(ago)).toEqual(['1 s ago', '12 s ago', '44 s ago', '1 min ago', '44 min ago', '1 h ago', '35 h ago', '2 days ago']);
  });
});
