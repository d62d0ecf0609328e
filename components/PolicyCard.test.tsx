// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedPolicy } from '../lib/config/types';
import { PolicyCard } from './PolicyCard';

afterEach(cleanup);

const policy: ResolvedPolicy = {
  id: 'enterprise',
  name: 'Enterprise customers',
  index: 0,
  match: [{ source: 'jira' }],
  calendarId: '24x7',
  targets: { high: { label: 'High', resolutionMs: 8 * 3_600_000 } },
  pauseOn: [],
  warnAt: { fraction: 0.75 },
};

/** Each fact of the card as "term: description". */
function facts(): string[] {
  return [...document.querySelectorAll('dl.facts > div')].map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`);
}

describe('PolicyCard', () => {
  it('shows the objective, the credit tiers, the cap and the fee when the policy sets them', () => {
    render(
      <PolicyCard
        policy={{
          ...policy,
          objective: 99.5,
          credits: [
            { below: 99.5, credit: 5 },
            { below: 95, credit: 10 },
          ],
          creditCap: 25,
          fee: { amount: 12_000, currency: 'EUR' },
        }}
      />,
    );
    expect(facts().slice(-4)).toEqual(['Objective: 99.5% of targets met', 'Credits: 5% of the fee below 99.5%, 10% below 95%', 'Credit cap: 25% of the fee per period', 'Fee: €12,000 per period']);
  });

  it('leaves them out when it does not', () => {
    render(<PolicyCard policy={policy} />);
    expect(screen.getByRole('heading', { name: 'Enterprise customers' })).toBeTruthy();
    expect(facts().map((f) => f.split(':')[0])).toEqual(['Matches', 'Calendar', 'Pauses on', 'Warns at', 'Effective']);
  });
});
