import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAgreements } from './agreements';
import { applyConfig, H, NOW, see, ticketFacts } from './__fixtures__/store';
import { SlaLensDatabase } from './database';

const J = 'acme.atlassian.net';

/** A base policy, two that extend it (one for SUP, one for OPS), and a 24x7 one for Zendesk. */
const CONFIG = JSON.stringify({
  version: 1,
  name: 'Acme support',
  calendars: [{ id: 'office', name: 'Berlin office', timeZone: 'Europe/Berlin', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-12-25'] }],
  policies: [
    { id: 'base', name: 'Base', pauseOn: ['Pending'] },
    {
      id: 'sup',
      extends: 'base',
      name: 'Support',
      match: { source: 'jira', project: 'SUP' },
      calendar: 'office',
      targets: { high: { firstResponse: '1h', resolution: '8h' }, '*': { resolution: '40h' } },
    },
    { id: 'ops', extends: 'base', name: 'Operations', match: { source: 'jira', project: 'OPS' }, calendar: 'office', targets: { '*': { resolution: '16h' } } },
    { id: 'zd', name: 'Zendesk', match: { source: 'zendesk' }, calendar: '24x7', targets: { '*': { firstResponse: '2h' } } },
  ],
});

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`agreements-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('readAgreements', () => {
  it('is null before any configuration', async () => {
    expect(await readAgreements(db)).toBeNull();
  });

  it('lists the policies that can time a ticket, those timing this person’s open tickets first, counted per target row', async () => {
    await applyConfig(db, CONFIG);
    await see(db, [
      ticketFacts(J, 'OPS-1', H, { project: 'OPS', priority: 'Low' }),
      ticketFacts(J, 'OPS-2', H, { project: 'OPS', priority: 'High' }),
      ticketFacts(J, 'SUP-1', H, { priority: 'High' }),
      ticketFacts(J, 'OPS-3', 2 * H, { project: 'OPS', priority: 'Low', status: 'Done', statusCategory: 'done', resolvedAt: NOW - H, firstResponseAt: NOW - H }),
      ticketFacts(J, 'XYZ-1', H, { project: 'XYZ' }),
    ]);
    const agreements = (await readAgreements(db))!;
    expect(agreements).toMatchObject({ name: 'Acme support', version: 1, source: { kind: 'paste' } });
    // The base policy has no calendar: it never times a ticket by itself, so it is not listed.
    expect(agreements.policies.map((p) => [p.policy.id, p.tickets, p.byTarget])).toEqual([
      ['ops', 2, { '*': 2 }],
      ['sup', 1, { high: 1 }],
      ['zd', 0, {}],
    ]);
    // What the children inherit is what the page says they do.
    expect(agreements.policies[0]!.policy.pauseOn).toEqual(['pending']);
    expect(agreements.openTickets).toBe(4);
    expect(Object.keys(agreements.calendars)).toEqual(['office']);
  });

  it('keeps the file’s order when no open ticket was seen', async () => {
    await applyConfig(db, CONFIG);
    const agreements = (await readAgreements(db))!;
    expect(agreements.policies.map((p) => p.policy.id)).toEqual(['sup', 'ops', 'zd']);
    expect(agreements.openTickets).toBe(0);
  });
});
