// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigStatus } from './ConfigStatus';

afterEach(cleanup);

describe('ConfigStatus', () => {
  it('names the active configuration, its version and the tickets seen', () => {
    render(<ConfigStatus name="Acme <b>SLAs</b>" version={3} appliedAt="26 Nov 2026, 10:00" ticketsSeen={1234} action={<button>Open settings</button>} />);
    expect(screen.getByRole('heading', { name: 'Active configuration' })).toBeTruthy();
    // A name from a file is text, never markup.
    expect(screen.getByText('Acme <b>SLAs</b>')).toBeTruthy();
    expect(screen.getByText('Version 3, applied 26 Nov 2026, 10:00')).toBeTruthy();
    expect(screen.getByText(/1,234 tickets seen/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });

  it('says how to get badges when no ticket has been seen', () => {
    render(<ConfigStatus name="Acme" version={1} appliedAt="today" ticketsSeen={0} />);
    expect(screen.getByText(/No tickets seen yet/)).toBeTruthy();
  });
});
