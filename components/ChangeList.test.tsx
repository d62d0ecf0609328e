// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigChange } from '../lib/config/diff';
import { ChangeList } from './ChangeList';

afterEach(cleanup);

const changes: ConfigChange[] = [
  { kind: 'changed', subject: 'config', id: '', field: 'name', text: 'Config name "A" → "B"' },
  { kind: 'added', subject: 'calendar', id: 'emea', text: 'Calendar "emea" added (Europe/Berlin)' },
  { kind: 'removed', subject: 'policy', id: 'old', text: 'Policy "old" removed' },
  { kind: 'moved', subject: 'policy', id: 'vip', text: 'Policy "vip" moved from position 3 to 1 (the first matching policy applies)' },
  { kind: 'changed', subject: 'policy', id: 'vip', field: 'targets.High.resolution', text: 'Policy "vip": High resolution target 8h → 4h' },
];

describe('ChangeList', () => {
  it('groups changes into policies, calendars and configuration, each with its kind in words', () => {
    render(<ChangeList changes={changes} />);
    const policies = screen.getByRole('region', { name: 'Policies' });
    const items = within(policies)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      '−RemovedPolicy "old" removed',
      '↕MovedPolicy "vip" moved from position 3 to 1 (the first matching policy applies)',
      '~ChangedPolicy "vip": High resolution target 8h → 4h',
    ]);
    expect(within(screen.getByRole('region', { name: 'Calendars' })).getByText('Calendar "emea" added (Europe/Berlin)')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Configuration' })).getByText('Config name "A" → "B"')).toBeTruthy();
    // The marks are decoration; the kind is read as a word.
    expect(screen.getAllByText('Added')[0]?.closest('li')?.className).toContain('change--added');
  });

  it('leaves out empty groups', () => {
    render(<ChangeList changes={changes.slice(1, 2)} />);
    expect(screen.queryByRole('region', { name: 'Policies' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Calendars' })).toBeTruthy();
  });
});
