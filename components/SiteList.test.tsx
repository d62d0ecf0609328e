// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_SITES } from '../lib/sources/sites';
import { AddSiteForm } from './AddSiteForm';
import { BuiltInSiteList, SelfHostedSiteList, type SelfHostedSiteRow } from './SiteList';

afterEach(cleanup);

const JIRA: SelfHostedSiteRow = { origin: 'https://jira.acme-corp.com', kind: 'jira', permitted: true, registered: true };
const REVOKED: SelfHostedSiteRow = { origin: 'https://support.acme.com', kind: 'zendesk', permitted: false, registered: false };

describe('BuiltInSiteList', () => {
  it('lists the built-in sites, read-only', () => {
    render(<BuiltInSiteList sites={BUILT_IN_SITES} />);
    const items = within(screen.getByRole('list', { name: 'Built-in sites' })).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['Jira Cloud*.atlassian.net', 'Zendesk*.zendesk.com']);
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('SelfHostedSiteList', () => {
  it('says when there are none', () => {
    render(<SelfHostedSiteList sites={[]} pending={null} onRemove={() => {}} onAllow={() => {}} />);
    expect(screen.getByText(/No self-hosted sites yet/)).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows each site with its kind and state, and removes by a button named after the site', () => {
    const onRemove = vi.fn();
    const onAllow = vi.fn();
    render(<SelfHostedSiteList sites={[JIRA, REVOKED]} pending={null} onRemove={onRemove} onAllow={onAllow} />);
    const [jira, zendesk] = within(screen.getByRole('list', { name: 'Self-hosted sites' })).getAllByRole('listitem');
    expect(within(jira!).getByText('https://jira.acme-corp.com', { selector: 'code' })).toBeTruthy();
    expect(within(jira!).getByText('Jira Data Center / Server')).toBeTruthy();
    expect(within(jira!).getByText('Active')).toBeTruthy();
    expect(within(jira!).queryByRole('button', { name: /Allow access/ })).toBeNull();
    expect(within(zendesk!).getByText('Zendesk custom domain')).toBeTruthy();
    expect(within(zendesk!).getByText(/Access was removed in the browser/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove https://jira.acme-corp.com' }));
    expect(onRemove).toHaveBeenCalledWith('https://jira.acme-corp.com');
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to https://support.acme.com' }));
    expect(onAllow).toHaveBeenCalledWith(REVOKED);
  });

  it('disables the buttons while a change runs', () => {
    render(<SelfHostedSiteList sites={[JIRA]} pending="https://jira.acme-corp.com" onRemove={() => {}} onAllow={() => {}} />);
    expect((screen.getByRole('button', { name: /Remove/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('AddSiteForm', () => {
  it('has a labelled address, a kind radio group and an Add button that submits', () => {
    const onChange = vi.fn();
    const onSubmit = vi.fn();
    render(<AddSiteForm form={{ address: '', kind: 'jira' }} problem={null} busy={false} onChange={onChange} onSubmit={onSubmit} />);
    const form = screen.getByRole('form', { name: 'Add a self-hosted site' });
    fireEvent.input(within(form).getByLabelText('Site address'), { target: { value: 'jira.acme-corp.com' } });
    expect(onChange).toHaveBeenLastCalledWith({ address: 'jira.acme-corp.com' });
    const kinds = within(form).getByRole('group', { name: 'Kind' });
    expect((within(kinds).getByRole('radio', { name: 'Jira' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(kinds).getByRole('radio', { name: 'Zendesk' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'zendesk' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a problem as an alert tied to the field', () => {
    render(<AddSiteForm form={{ address: 'http://jira', kind: 'jira' }} problem="Use https://jira." busy={false} onChange={() => {}} onSubmit={() => {}} />);
    const field = screen.getByLabelText('Site address');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Use https://jira.');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
  });
});
