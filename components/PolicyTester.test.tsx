// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../lib/config/parse';
import type { ResolvedConfig } from '../lib/config/types';
import { defaultTesterForm, runTester, type TesterForm } from '../lib/options/tester';
import { PolicyTester } from './PolicyTester';

afterEach(cleanup);

const result = parseConfigText(readFileSync(path.join(import.meta.dirname, '../lib/config/__fixtures__/design-example.json'), 'utf8'));
if (!result.ok) throw new Error('the design example must be valid');
const config: ResolvedConfig = result.config;
// A Wednesday, 10:00 in Berlin; tickets are created two hours before.
const NOW = Date.UTC(2026, 5, 3, 8, 0);

function Harness({ initial }: { initial: Partial<TesterForm> }) {
  const [form, setForm] = useState<TesterForm>({ ...defaultTesterForm(NOW), ...initial });
  return <PolicyTester form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} result={runTester(config, form, NOW)} />;
}

describe('PolicyTester', () => {
  it('explains why an earlier policy was rejected and which one applies', () => {
    render(<Harness initial={{ source: 'zendesk', site: 'acme.zendesk.com', priority: 'urgent' }} />);
    const result = screen.getByRole('region', { name: 'Test result' });
    expect(within(result).getByText(/applies: 4h resolution target/).textContent).toBe('zendesk-standard applies: 4h resolution target');
    const reasons = within(result)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(reasons).toEqual(["1enterprise: source is jira, the ticket's is zendesk", "2enterprise-eu: source is jira, the ticket's is zendesk"]);
    expect(within(result).getByText('On track')).toBeTruthy();
  });

  it('updates as the form changes: a project that does not match leaves no policy', () => {
    render(<Harness initial={{ project: 'SUP', labels: 'enterprise', priority: 'High' }} />);
    const result = screen.getByRole('region', { name: 'Test result' });
    expect(within(result).getByText('Enterprise customers')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Project'), { target: { value: 'OPS' } });
    expect(within(result).getByText(/No policy applies/)).toBeTruthy();
    expect(within(result).getAllByRole('listitem')[0]?.textContent).toBe("1enterprise: project is SUP, the ticket's is OPS");
  });

  it('switches the metric with a labelled list of every metric a policy can name', () => {
    render(<Harness initial={{ source: 'zendesk', site: 'acme.zendesk.com', priority: 'urgent' }} />);
    const metric = screen.getByRole('combobox', { name: 'Metric' }) as HTMLSelectElement;
    expect([...metric.options].map((o) => o.textContent)).toEqual(['First response', 'Resolution', 'Next reply', 'Periodic update', 'Pausable update', 'Requester wait', 'Agent work']);
    fireEvent.change(metric, { target: { value: 'firstResponse' } });
    expect(screen.getByText(/No policy applies to this ticket for first response/)).toBeTruthy();
    const reasons = within(screen.getByRole('region', { name: 'Test result' })).getAllByRole('listitem');
    expect(reasons[2]?.textContent).toBe('3zendesk-standard: no target for priority urgent and metric first response');
  });
});

describe('PolicyTester with the metrics beyond first response and resolution (issue 18)', () => {
  const replies = parseConfigText(
    JSON.stringify({
      version: 1,
      name: 'Replies',
      policies: [{ id: 'replies', name: 'Replies', match: { source: 'zendesk' }, calendar: '24x7', targets: { '*': { nextReply: '4h', requesterWait: '24h' } } }],
    }),
  );
  if (!replies.ok) throw new Error('must be valid');
  function With({ initial }: { initial: Partial<TesterForm> }) {
    const [form, setForm] = useState<TesterForm>({ ...defaultTesterForm(NOW), ...initial });
    return <PolicyTester form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} result={runTester(replies.ok ? replies.config : config, form, NOW)} />;
  }

  it('names the policy that sets next reply, and shows no clock for a reply nobody has asked for yet', () => {
    render(<With initial={{ source: 'zendesk', site: 'acme.zendesk.com', metric: 'nextReply' }} />);
    const result = screen.getByRole('region', { name: 'Test result' });
    expect(within(result).getByText(/applies: 4h next reply target/).textContent).toBe('Replies applies: 4h next reply target');
    expect(within(result).getByText(/^Next reply starts at the requester’s next message/)).toBeTruthy();
    expect(result.querySelector('.tester__clock')).toBeNull();
    // Requester wait runs from creation: its clock is shown.
    fireEvent.change(screen.getByRole('combobox', { name: 'Metric' }), { target: { value: 'requesterWait' } });
    expect(within(result).getByText(/applies: 24h requester wait target/)).toBeTruthy();
    expect(result.querySelector('.tester__clock')).not.toBeNull();
  });
});
