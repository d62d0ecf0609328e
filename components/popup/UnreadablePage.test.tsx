// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnreadablePage } from './UnreadablePage';

afterEach(cleanup);

const DIAGNOSTICS = JSON.stringify({ page: 'jsm-queue', strategies: [{ strategy: 'queue/cell-testid', tickets: 0, used: false }] }, null, 2);

describe('the popup over a page SLA Lens cannot read', () => {
  it('names the page, says what it found, and shows exactly what will be copied', () => {
    render(<UnreadablePage label="Jira Service Management queue" found={0} shown={12} diagnostics={DIAGNOSTICS} onCopy={vi.fn()} />);
    const region = screen.getByRole('region', { name: "Jira Service Management queue: SLA Lens can't read this page yet" });
    expect(region.textContent).toContain('It shows tickets, but SLA Lens found none of them.');
    expect(region.querySelector('pre')!.textContent).toBe(DIAGNOSTICS);
  });

  it('a shortfall is said in figures', () => {
    render(<UnreadablePage label="Zendesk view" found={3} shown={40} diagnostics="{}" onCopy={vi.fn()} />);
    expect(screen.getByRole('region').textContent).toContain('It shows about 40 tickets; SLA Lens found 3.');
  });

  it('Copy diagnostics copies the shown text and says so; a refused copy says what to do instead', async () => {
    const onCopy = vi.fn().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('not focused'));
    render(<UnreadablePage label="Jira issue" found={0} shown={1} diagnostics={DIAGNOSTICS} onCopy={onCopy} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Copied'));
    expect(onCopy).toHaveBeenCalledWith(DIAGNOSTICS);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not copy: select the text below instead'));
  });
});
