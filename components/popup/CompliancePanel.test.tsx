// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComplianceBar } from '../../lib/view/summary';
import { HOUR, NOW } from './__fixtures__/tickets';
import { CompliancePanel, metPercent } from './CompliancePanel';

afterEach(cleanup);

const FORMAT = { locale: 'en-GB', timeZone: 'UTC' };
const BARS: ComplianceBar[] = [
  {
    policyId: 'enterprise',
    policyName: 'Enterprise customers',
    met: 46,
    missed: 4,
    missedTickets: [
      {
        site: 'acme.atlassian.net',
        key: 'SUP-3',
        source: 'jira',
        title: 'Invoice <script>alert(1)</script>',
        url: 'https://acme.atlassian.net/browse/SUP-3',
        metric: 'resolution',
        dueAt: NOW - 2 * HOUR,
      },
      { site: 'acme.atlassian.net', key: 'SUP-2', source: 'jira', title: 'Slow search', metric: 'first-response', dueAt: NOW - 30 * HOUR },
    ],
  },
  { policyId: 'zendesk-standard', policyName: 'Zendesk standard', met: 10, missed: 0, missedTickets: [] },
];

function renderPanel(bars: ComplianceBar[] | null = BARS, days: 7 | 30 = 7) {
  const onOpen = vi.fn();
  const onDaysChange = vi.fn();
  render(<CompliancePanel bars={bars} days={days} onDaysChange={onDaysChange} onOpen={onOpen} now={NOW} format={FORMAT} />);
  return { onOpen, onDaysChange };
}

describe('CompliancePanel', () => {
  it('shows met and missed per policy, and the share met', () => {
    renderPanel();
    const bars = within(screen.getByRole('list', { name: 'Policies over the last 7 days' })).getAllByRole('button');
    expect(bars.map((b) => b.textContent)).toEqual(['Enterprise customers 92% met 46 met · 4 missed', 'Zendesk standard 100% met 10 met · 0 missed']);
    expect(bars.every((b) => b.getAttribute('aria-expanded') === 'false')).toBe(true);
  });

  it('reveals a policy’s missed tickets, each openable when it has an address', () => {
    const { onOpen } = renderPanel();
    const bar = screen.getByRole('button', { name: /^Enterprise customers/ });
    fireEvent.click(bar);
    expect(bar.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Missed: Enterprise customers' });
    expect(bar.getAttribute('aria-controls')).toBe(list.id);
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'SUP-3 Invoice <script>alert(1)</script> resolution · was due Thu 26 Nov, 10:00',
      'SUP-2 Slow search first response · was due Wed 25 Nov, 06:00 · no link to open',
    ]);
    expect(document.querySelector('script')).toBeNull();
    fireEvent.click(within(items[0]!).getByRole('button'));
    expect(onOpen).toHaveBeenCalledWith(BARS[0]!.missedTickets[0]);
    expect(within(items[1]!).queryByRole('button')).toBeNull();

    fireEvent.click(bar);
    expect(screen.queryByRole('list', { name: 'Missed: Enterprise customers' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^Zendesk standard/ }));
    expect(screen.getByText('None missed.')).toBeTruthy();
  });

  it('switches between 7 and 30 days', () => {
    const { onDaysChange } = renderPanel();
    const period = screen.getByRole('group', { name: 'Period' });
    expect((within(period).getByRole('radio', { name: '7 days' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(period).getByRole('radio', { name: '30 days' }));
    expect(onDaysChange).toHaveBeenCalledWith(30);
  });

  it('says when no target was decided, while loading, and what failed', () => {
    renderPanel([], 30);
    expect(screen.getByText('No targets decided in the last 30 days.')).toBeTruthy();
    cleanup();
    renderPanel(null);
    expect(screen.getByText('Loading…')).toBeTruthy();
    cleanup();
    render(<CompliancePanel bars={null} days={7} onDaysChange={() => {}} onOpen={() => {}} now={NOW} error="Compliance could not be read." />);
    expect(screen.getByRole('alert').textContent).toBe('Compliance could not be read.');
  });

  it('rounds the share down while anything was missed', () => {
    expect(metPercent({ met: 999, missed: 1 })).toBe(99);
    expect(metPercent({ met: 5, missed: 0 })).toBe(100);
    expect(metPercent({ met: 0, missed: 0 })).toBeNull();
  });
});
