// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TicketSummary } from '../../lib/view/summary';
import { HOUR, MINUTE, NOW, summary } from './__fixtures__/tickets';
import { UrgentList } from './UrgentList';

afterEach(cleanup);

const FORMAT = { locale: 'en-GB', timeZone: 'UTC' };

const TICKETS: TicketSummary[] = [
  summary('SUP-1', { dueIn: -3 * HOUR, title: 'Checkout down', assignee: 'Bo', team: 'SUP' }),
  summary('42', {
    dueIn: -40 * MINUTE,
    source: 'zendesk',
    site: 'acme.zendesk.com',
    url: 'https://acme.zendesk.com/agent/tickets/42',
    title: 'Refund not received',
    assignee: 'Ana',
    team: 'Billing',
    metric: 'first-response',
    policyName: 'Zendesk standard',
  }),
  summary('SUP-7', { dueIn: 12 * MINUTE, title: 'Login loop', assignee: 'Ana', team: 'SUP' }),
  summary('OPS-3', { dueIn: 50 * MINUTE, site: 'ops.atlassian.net', url: 'https://ops.atlassian.net/browse/OPS-3', title: 'Disk full', assignee: undefined, team: 'OPS', exact: false }),
  summary('43', { dueIn: 2 * HOUR, source: 'zendesk', site: 'acme.zendesk.com', url: undefined, title: 'Printer jam', assignee: 'Bo', team: 'Billing', businessTime: false }),
];

const listbox = () => screen.getByRole('listbox', { name: 'At-risk and breached tickets' });
/** The key leads each row's text. */
/** The list's rows (the selects' options are options too). */
const rows = () => within(listbox()).getAllByRole('option');
const keys = (scope: HTMLElement = listbox()) =>
  within(scope)
    .queryAllByRole('option')
    .map((o) => /^\S+/.exec(o.textContent ?? '')?.[0]);

function renderList(tickets = TICKETS, onOpen = vi.fn()) {
  render(<UrgentList tickets={tickets} now={NOW} onOpen={onOpen} format={FORMAT} />);
  return onOpen;
}

describe('UrgentList', () => {
  it('keeps the given order and shows each row’s key, title, site, assignee, policy, metric and countdown', () => {
    renderList();
    expect(keys()).toEqual(['SUP-1', '42', 'SUP-7', 'OPS-3', '43']);
    const [first, zendesk, soon, approximate, noLink] = rows();
    expect(first!.textContent).toBe('SUP-1 Checkout down Breached: breached 3h ago acme.atlassian.net · Bo · Enterprise customers · resolution');
    expect(zendesk!.textContent).toContain('acme.zendesk.com · Ana · Zendesk standard · first response');
    // Each part of the line in its own direction (a Latin host and policy in a Hebrew popup).
    expect([...zendesk!.querySelectorAll('.urgent-row__meta bdi')].map((b) => b.textContent)).toEqual(['acme.zendesk.com', 'Ana', 'Zendesk standard', 'first response']);
    expect(within(zendesk!).getByText(/breached 40m ago/)).toBeTruthy();
    expect(within(soon!).getByText(/^12m left$/)).toBeTruthy();
    // The state is said, not only coloured.
    expect(within(soon!).getByText('At risk:')).toBeTruthy();
    // The due time is in the tooltip.
    expect(within(soon!).getByTitle('Due Thu 26 Nov, 12:12; the time left is business time')).toBeTruthy();
    // On a 24x7 policy it says calendar time.
    expect(within(noLink!).getByTitle(/the time left is calendar time$/)).toBeTruthy();
    // Approximate figures are marked.
    expect(within(approximate!).getByText(/^~50m left$/)).toBeTruthy();
    expect(within(approximate!).getByTitle(/Approximate/)).toBeTruthy();
    expect(approximate!.textContent).toContain('Unassigned');
    expect(noLink!.getAttribute('aria-disabled')).toBe('true');
    expect(noLink!.textContent).toContain('no link to open');
    expect(noLink!.getAttribute('title')).toMatch(/No web address was seen/);
    expect(screen.getByRole('status').textContent).toBe('5 tickets at risk or breached');
  });

  it('opens a ticket on click and on Enter, and never one without an address', () => {
    const onOpen = renderList();
    fireEvent.click(rows()[2]!);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onOpen.mock.calls[0]![0].key).toBe('SUP-7');

    const box = listbox();
    expect(box.getAttribute('aria-activedescendant')).toBe(rows()[2]!.id);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(rows()[3]!.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(onOpen.mock.calls[1]![0].key).toBe('OPS-3');

    fireEvent.keyDown(box, { key: 'End' });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.click(rows()[4]!);
    expect(onOpen).toHaveBeenCalledTimes(2);

    fireEvent.keyDown(box, { key: 'Home' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onOpen.mock.calls[2]![0].key).toBe('SUP-1');
  });

  it('renders a hostile title as text, and opens only web addresses', () => {
    const onOpen = renderList([summary('SUP-9', { title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' })]);
    expect(within(listbox()).getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    const [row] = rows();
    expect(row!.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(row!);
    fireEvent.keyDown(listbox(), { key: 'Enter' });
    expect(onOpen).not.toHaveBeenCalled();
  });

  it.each([
    [
      'Assignee',
      [
        ['Bo, 2 tickets', ['SUP-1', '43']],
        ['Ana, 2 tickets', ['42', 'SUP-7']],
        ['Unassigned, 1 ticket', ['OPS-3']],
      ],
    ],
    [
      'Team',
      [
        ['SUP, 2 tickets', ['SUP-1', 'SUP-7']],
        ['Billing, 2 tickets', ['42', '43']],
        ['OPS, 1 ticket', ['OPS-3']],
      ],
    ],
    [
      'Site',
      [
        ['acme.atlassian.net, 2 tickets', ['SUP-1', 'SUP-7']],
        ['acme.zendesk.com, 2 tickets', ['42', '43']],
        ['ops.atlassian.net, 1 ticket', ['OPS-3']],
      ],
    ],
  ] as const)('groups by %s, groups ordered by their most urgent ticket, with headers and counts', (by, expected) => {
    renderList();
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: by.toLowerCase() } });
    const groups = within(listbox()).getAllByRole('group');
    expect(groups.map((g) => [g.getAttribute('aria-label'), keys(g)])).toEqual(expected);
    // The header is visible text: name and count.
    const [name, count] = expected[0]![0].split(', ');
    expect(within(groups[0]!).getByText(name!, { selector: '.urgent-group__label' })).toBeTruthy();
    expect(within(groups[0]!).getByText(count!.split(' ')[0]!)).toBeTruthy();
    // Positions run through the groups in display order.
    expect(rows().map((o) => o.getAttribute('aria-posinset'))).toEqual(['1', '2', '3', '4', '5']);
  });

  it('filters by source and by site', () => {
    renderList();
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'zendesk' } });
    expect(keys()).toEqual(['42', '43']);
    expect(screen.getByRole('status').textContent).toBe('2 tickets of 5 match');
    // Only the chosen source's sites are offered.
    const site = screen.getByLabelText('Site') as HTMLSelectElement;
    expect([...site.options].map((o) => o.textContent)).toEqual(['All sites', 'acme.zendesk.com (2)']);

    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'all' } });
    fireEvent.change(site, { target: { value: 'ops.atlassian.net' } });
    expect(keys()).toEqual(['OPS-3']);
    // Switching to a source without that site drops the site filter instead of showing nothing.
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'zendesk' } });
    expect(keys()).toEqual(['42', '43']);
  });

  it('searches keys and titles, case-insensitively, and clears', () => {
    renderList();
    const search = screen.getByRole('searchbox', { name: 'Search by key or title' });
    fireEvent.input(search, { target: { value: 'sup-' } });
    expect(keys()).toEqual(['SUP-1', 'SUP-7']);
    fireEvent.input(search, { target: { value: 'REFUND' } });
    expect(keys()).toEqual(['42']);
    fireEvent.input(search, { target: { value: 'nothing like this' } });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByText('No tickets match these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(keys()).toHaveLength(5);
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('renders only a window of 10,000 tickets, and later rows when scrolled', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => summary(`T-${i + 1}`, { dueIn: i * MINUTE }));
    renderList(many);
    const options = rows();
    expect(options.length).toBeGreaterThan(3);
    expect(options.length).toBeLessThan(60);
    expect(options[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.queryByText('T-5000')).toBeNull();

    const box = listbox();
    box.scrollTop = 56 * 4999;
    fireEvent.scroll(box);
    expect(screen.getByText('T-5000')).toBeTruthy();
    expect(screen.queryByText('T-1')).toBeNull();
    expect(rows().length).toBeLessThan(60);
    expect(screen.getByText('T-5000').closest('[role="option"]')!.getAttribute('aria-posinset')).toBe('5000');

    // The keyboard scrolls too: End brings the last ticket into the window.
    fireEvent.keyDown(box, { key: 'End' });
    expect(screen.getByText('T-10000')).toBeTruthy();
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getByText('T-10000').closest('[role="option"]')!.id);
  });
});
