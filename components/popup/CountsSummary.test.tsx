// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { approximateShare, CountsSummary } from './CountsSummary';

afterEach(cleanup);

describe('CountsSummary', () => {
  it('shows each state’s count in words and the approximate share with its reason', () => {
    render(<CountsSummary counts={{ breached: 3, atRisk: 5, ok: 1200, paused: 42, approximate: 150 }} />);
    const items = within(screen.getByRole('list', { name: 'Tickets by state' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['3 breached', '5 at risk', '1,200 on track', '42 paused']);
    // 150 of 1,250
    const share = screen.getByText('12% approximate');
    expect(share.closest('details')!.textContent).toMatch(/150 of these tickets .* no status history/);
  });

  it('says when every figure is exact, and nothing about shares when there is nothing', () => {
    render(<CountsSummary counts={{ breached: 0, atRisk: 1, ok: 1, paused: 0, approximate: 0 }} />);
    expect(screen.getByText('All figures exact')).toBeTruthy();
    cleanup();
    render(<CountsSummary counts={{ breached: 0, atRisk: 0, ok: 0, paused: 0, approximate: 0 }} />);
    expect(screen.queryByText(/approximate|exact/)).toBeNull();
  });

  it('never rounds a share to 0% or 100% when it is not', () => {
    const c = (approximate: number) => ({ breached: 0, atRisk: 0, ok: 1000, paused: 0, approximate });
    expect([0, 1, 12, 15, 995, 999, 1000].map((n) => approximateShare(c(n)))).toEqual(['0%', '<1%', '1%', '2%', '>99%', '>99%', '100%']);
  });
});
