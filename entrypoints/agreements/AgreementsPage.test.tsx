// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyConfig, H, NOW, see, ticketFacts } from '../../lib/db/__fixtures__/store';
import { readAgreements } from '../../lib/db/agreements';
import { SlaLensDatabase } from '../../lib/db/database';
import { AgreementsPage } from './AgreementsPage';

const J = 'acme.atlassian.net';

const CONFIG = JSON.stringify({
  version: 1,
  name: 'Acme support',
  calendars: [
    {
      id: 'office',
      name: 'Berlin office',
      timeZone: 'Europe/Berlin',
      week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '13:00']] },
      holidays: ['2026-01-01', { date: '2026-12-24', hours: [['09:00', '12:00']], name: 'Christmas Eve' }, '2026-12-25'],
    },
  ],
  policies: [
    {
      id: 'sup',
      name: 'Enterprise support',
      description: 'Our contract with enterprise customers.',
      match: { source: 'jira', project: 'SUP', labels: { any: ['enterprise'] } },
      calendar: 'office',
      targets: { High: { firstResponse: '1h', resolution: '8h' }, '*': { resolution: '40h' } },
      pauseOn: ['Waiting for customer'],
      warnAt: '80%',
      effective: { from: '2026-01-01', to: '2026-12-31' },
      objective: '95%',
      credits: [
        { below: '95%', credit: '5%' },
        { below: '90%', credit: '10%' },
      ],
      fee: { amount: 12000, currency: 'EUR' },
    },
    { id: 'next', name: 'Next year’s terms', match: { source: 'jira' }, calendar: 'office', targets: { '*': { resolution: '30h' } }, effective: { from: '2027-01-01' } },
    { id: 'zd', name: 'Zendesk', match: { source: 'zendesk' }, calendar: '24x7', targets: { '*': { firstResponse: '2h' } } },
  ],
});

let db: SlaLensDatabase;
beforeEach(async () => {
  db = new SlaLensDatabase(`test-agreements-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  cleanup();
  await db.delete();
});

describe('Our agreements', () => {
  it('says in plain words what this person’s tickets are held to, theirs first', async () => {
    await applyConfig(db, CONFIG);
    await see(db, [ticketFacts(J, 'SUP-1', H, { labels: ['enterprise'] }), ticketFacts(J, 'SUP-2', H, { labels: ['enterprise'], priority: 'Low' })]);
    render(<AgreementsPage agreements={await readAgreements(db)} now={NOW} onOpenSettings={() => {}} />);

    expect(screen.getByText('Acme support · version 1')).toBeTruthy();
    expect(screen.getByText(/Version 1, in use since .*, from an import in this browser\./)).toBeTruthy();
    const yours = screen.getByRole('region', { name: 'The agreements on your tickets' });
    const card = within(yours).getByRole('article', { name: 'Enterprise support' });
    expect(within(card).getByText('Tickets in Jira project SUP, labelled enterprise. It times 2 of your open tickets.')).toBeTruthy();
    // What it promises, and what it owes when it does not keep it.
    expect(within(card).getByText(/^Promised: 95% of targets met\. Credits: .*5%.*below 95%.*10%.*below 90%/)).toBeTruthy();
    // Targets per priority, with how many of this person's tickets each row times.
    const table = within(card).getByRole('table', { name: 'Targets, in business hours (Berlin office)' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['PriorityFirst response withinResolution withinYour open tickets', 'High1 hour8 hours1', 'Any other priorityNo target40 hours1']);
    expect(within(card).getByText('The clocks stop while a ticket is “waiting for customer”, and go on when it leaves that status.')).toBeTruthy();
    expect(within(card).getByText('A ticket is shown at risk once 80% of its time is used.')).toBeTruthy();
    expect(within(card).getByText(/^For tickets created from 1 January 2026 to 31 December 2026, both days included\.$/)).toBeTruthy();

    // The rest of the configuration follows, with whether it is in force yet.
    const others = screen.getByRole('region', { name: 'Other agreements in this configuration' });
    expect(
      within(others)
        .getAllByRole('article')
        .map((a) => a.getAttribute('aria-labelledby') && within(a).getByRole('heading').textContent),
    ).toEqual(['Next year’s terms', 'Zendesk']);
    expect(within(others).getByText(/For tickets created on or after 1 January 2027\. Not in force yet\./)).toBeTruthy();
    expect(within(others).getByRole('table', { name: 'Targets, around the clock, every hour counts' })).toBeTruthy();

    // Business hours in words and the holidays still ahead, in the calendar's zone.
    const hours = screen.getByRole('region', { name: 'Business hours and holidays' });
    expect(within(hours).getByText('Times in Europe/Berlin. The clocks count only while open.')).toBeTruthy();
    expect(
      within(hours)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Monday to Thursday: 09:00–17:00', 'Friday: 09:00–13:00', 'Saturday and Sunday: closed', 'Thu, 24 Dec 2026: open 09:00–12:00 only (Christmas Eve)', 'Fri, 25 Dec 2026: closed']);
    expect(within(hours).getByText('1 earlier holiday not shown.')).toBeTruthy();
    // Plain words only: no file keys, no JSON.
    expect(document.body.textContent).not.toMatch(/pauseOn|warnAt|firstResponse|[{}]/);
  });

  it('says when no ticket has been seen yet, and lists the whole configuration', async () => {
    await applyConfig(db, CONFIG);
    render(<AgreementsPage agreements={await readAgreements(db)} now={NOW} onOpenSettings={() => {}} />);
    expect(screen.getByText(/SLA Lens has not seen any open ticket in this browser yet/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'The agreements in this configuration' })).getAllByRole('article')).toHaveLength(3);
  });

  it('tells apart a policy from the one it extends, whose name it inherits', async () => {
    const doc = JSON.parse(CONFIG) as { policies: Array<Record<string, unknown>> };
    doc.policies.splice(1, 0, { id: 'sup-eu', extends: 'sup', match: { organization: 'Acme EU' } });
    await applyConfig(db, JSON.stringify(doc));
    render(<AgreementsPage agreements={await readAgreements(db)} now={NOW} onOpenSettings={() => {}} />);
    expect(screen.getByRole('article', { name: 'Enterprise support (sup)' })).toBeTruthy();
    const child = screen.getByRole('article', { name: 'Enterprise support (sup-eu)' });
    expect(within(child).getByText('Tickets in Jira project SUP, labelled enterprise, from Acme EU.')).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Zendesk' })).toBeTruthy();
  });

  it('without a configuration, points to the settings', async () => {
    const onOpenSettings = vi.fn();
    render(<AgreementsPage agreements={await readAgreements(db)} now={NOW} onOpenSettings={onOpenSettings} />);
    expect(screen.getByRole('heading', { name: 'No agreements yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });

  it('renders a name from the file as text, never as markup', async () => {
    await applyConfig(db, CONFIG.replace('Enterprise support', '<img src=x onerror=alert(1)>'));
    render(<AgreementsPage agreements={await readAgreements(db)} now={NOW} onOpenSettings={() => {}} />);
    expect(screen.getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('Our agreements, with every clock a contract can name (issue 18)', () => {
  it('lists each metric a priority has a target for, which internal notes count, and when a ticket is flagged stale', async () => {
    const doc = JSON.parse(CONFIG) as { policies: Array<Record<string, unknown>> };
    doc.policies[2] = {
      id: 'zd',
      name: 'Zendesk',
      match: { source: 'zendesk' },
      calendar: '24x7',
      targets: { '*': { firstResponse: '2h', nextReply: '4h', periodicUpdate: '8h' } },
      internalNotesCount: ['periodicUpdate'],
      aging: { noPublicUpdateFor: '48h', inStatusFor: '72h', statuses: ['pending'] },
    };
    await applyConfig(db, JSON.stringify(doc));
    render(<AgreementsPage agreements={await readAgreements(db)} now={NOW} onOpenSettings={() => {}} />);
    const zendesk = screen.getByRole('article', { name: 'Zendesk' });
    expect([...zendesk.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Priority', 'First response within', 'Resolution within', 'Next reply within', 'Periodic update within']);
    expect([...zendesk.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['2 hours', 'No target', '4 hours', '8 hours']);
    expect(within(zendesk).getByText('An agent’s internal note counts as a periodic update.')).toBeTruthy();
    expect(within(zendesk).getByText('A ticket is flagged stale after 48 hours with no public update from an agent, or after 72 hours in “pending”.')).toBeTruthy();
    // A policy without them shows neither, and only its own two columns.
    expect([...screen.getByRole('article', { name: 'Enterprise support' }).querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Priority',
      'First response within',
      'Resolution within',
    ]);
  });
});
