import { POPUP_SNAPSHOT_KEY } from '../storage-keys';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketFacts } from '../sla/index';
import { applyConfig, H, MIN, NOW, see, simpleConfig, ticketFacts } from './__fixtures__/store';
import { SlaLensDatabase } from './database';
import { createConfigCache, refreshStoredTickets } from './evaluate';
import { advanceSnapshot, loadCompliance, loadPopup, restoreSnapshot, storableSnapshot } from './popup-query';
import { publishPopupSnapshot } from './upkeep';

const DAY = 24 * H;

// 4 h to resolve, at risk from 75 %.
const config = (resolution: string, name = 'Standard') => simpleConfig({ resolution }, { policyName: name });
const facts = ticketFacts;

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`popup-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const apply = (text: string) => applyConfig(db, text);
const seeAt = (tickets: TicketFacts[], at = NOW) => see(db, tickets, at);

const J = 'acme.atlassian.net';
const Z = 'acme.zendesk.com';

describe('loadPopup', () => {
  beforeEach(async () => {
    await apply(config('4h'));
    await seeAt([
      facts(J, 'SUP-1', 1 * H), // ok: at risk at 3 h
      facts(J, 'SUP-2', 3.5 * H), // at risk, 30 m left
      facts(J, 'SUP-3', 5 * H), // breached an hour ago
      facts(Z, '101', 3.9 * H, { assignee: 'Ana' }), // at risk, 6 m left
      facts(Z, '102', 2 * H, { exact: false }), // ok, approximate
      facts(J, 'SUP-4', 2 * H, {
        status: 'Done',
        resolvedAt: NOW - H,
        statusHistory: [
          { at: NOW - 2 * H, status: 'Open' },
          { at: NOW - H, status: 'Done', category: 'done' },
        ],
      }), // met
    ]);
  });

  it('counts every ticket by its state now, with the approximate share, without loading rows', async () => {
    const s = await loadPopup(db, NOW);
    expect(s.counts).toEqual({ breached: 1, atRisk: 2, ok: 2, paused: 0, approximate: 1, stale: 0 });
    expect(s.tracked).toBe(6);
    expect(s.sites).toEqual([
      { site: J, source: 'jira', tickets: 4 },
      { site: Z, source: 'zendesk', tickets: 2 },
    ]);
  });

  it('lists at-risk and breached tickets, most urgent first, with their countdown now', async () => {
    const s = await loadPopup(db, NOW);
    expect(s.urgent.map((t) => [t.key, t.state])).toEqual([
      ['SUP-3', 'breached'],
      ['101', 'at-risk'],
      ['SUP-2', 'at-risk'],
    ]);
    expect(s.urgent[1]).toMatchObject({
      site: Z,
      source: 'zendesk',
      assignee: 'Ana',
      policyName: 'Standard',
      metric: 'resolution',
      remainingMs: 6 * MIN,
      dueAt: NOW + 6 * MIN,
      businessTime: false,
      exact: true,
      title: 'Ticket 101',
    });
    expect(s.urgent[0]!.remainingMs).toBe(-H);
    // The next ticket to turn at-risk (102, at 3 h of 4) is when the popup must look again.
    expect(s.reloadAt).toBe(NOW + H);
  });

  it('a first page holds only the most urgent, with the total beside it', async () => {
    const page = await loadPopup(db, NOW, { firstPage: 2 });
    expect(page.urgent.map((t) => t.key)).toEqual(['SUP-3', '101']);
    expect(page.urgentTotal).toBe(3);
    expect(page.counts).toEqual((await loadPopup(db, NOW)).counts);
    expect((await loadPopup(db, NOW)).urgentTotal).toBe(3);
  });

  it('survives a trip through extension storage (JSON) for the first paint, and advances from there', async () => {
    const page = await loadPopup(db, NOW, { firstPage: 2 });
    const stored = storableSnapshot(page, { name: 'Test', version: 1 });
    const back = restoreSnapshot(JSON.parse(JSON.stringify(stored)));
    expect(back!.config).toEqual({ name: 'Test', version: 1 });
    expect(back!.snapshot).toEqual(page);
    // 101 breaches 6 minutes on, worked out from the stored clocks.
    expect(advanceSnapshot(back!.snapshot, NOW + 7 * MIN).urgent.find((t) => t.key === '101')!.state).toBe('breached');
    expect(restoreSnapshot({ snapshot: { urgent: [{}], views: [], calendars: {} } })).toBeNull();
    // Plain data: a copy advances as the original does (no state hidden by object identity).
    expect(advanceSnapshot(structuredClone(page), NOW + 7 * MIN)).toEqual(advanceSnapshot(page, NOW + 7 * MIN));
    expect(restoreSnapshot(undefined)).toBeNull();
  });

  it('the background publishes the first page for the popup', async () => {
    const written: Record<string, unknown> = {};
    await publishPopupSnapshot(db, { set: async (items) => void Object.assign(written, items) }, NOW);
    const back = restoreSnapshot(JSON.parse(JSON.stringify(written[POPUP_SNAPSHOT_KEY])));
    expect(back!.snapshot.urgent.map((t) => t.key)).toEqual(['SUP-3', '101', 'SUP-2']);
    expect(back!.snapshot.counts).toEqual((await loadPopup(db, NOW)).counts);
    expect(back!.config).toEqual({ name: 'Test', version: 1, sitesDeclared: false });
  });

  it('computes states at the reader’s now: the same rows read later show more at risk and breached', async () => {
    const later = await loadPopup(db, NOW + 7 * MIN);
    expect(later.counts).toMatchObject({ breached: 2, atRisk: 1, ok: 2 });
    const muchLater = await loadPopup(db, NOW + 2 * H + 10 * MIN);
    expect(muchLater.counts).toMatchObject({ breached: 4, atRisk: 1, ok: 0 });
  });

  it('advanceSnapshot moves a ticket whose time ran out from at risk to breached', async () => {
    const s = await loadPopup(db, NOW);
    const next = advanceSnapshot(s, NOW + 7 * MIN);
    expect(next.urgent.find((t) => t.key === '101')).toMatchObject({ state: 'breached', remainingMs: -MIN });
    expect(next.counts).toMatchObject({ breached: 2, atRisk: 1 });
    expect(s.counts.breached).toBe(1); // the original is untouched
    // And it can be advanced again from the advanced one.
    expect(advanceSnapshot(next, NOW + 8 * MIN).urgent.find((t) => t.key === '101')!.remainingMs).toBe(-2 * MIN);
  });

  it('re-evaluates stored tickets when another configuration becomes active', async () => {
    await apply(config('8h', 'Relaxed'));
    const cfg = await createConfigCache(db)();
    expect(await refreshStoredTickets(db, cfg, NOW)).toBe(6);
    const s = await loadPopup(db, NOW);
    // 8 h targets: only SUP-3 (5 h old) is past 75 %… and at risk, not breached.
    expect(s.counts).toMatchObject({ breached: 0, atRisk: 0, ok: 5 });
    expect((await db.tickets.get([J, 'SUP-3']))!.view.clocks[0]!.policyName).toBe('Relaxed');
  });
});

describe('loadCompliance', () => {
  it('counts, per policy, tickets met and missed in the window, and lists the missed', async () => {
    await apply(config('4h'));
    const done = (at: number) => ({ status: 'Done', resolvedAt: at });
    await seeAt([
      facts(J, 'MET-1', 3 * H, done(NOW - H)), // resolved within 2 h: met today
      facts(J, 'MISS-1', 6 * H, done(NOW - H)), // resolved after 5 h: missed (due 2 h ago)
      facts(J, 'RUN-1', 5 * H), // still open, breached an hour ago: missed
      facts(J, 'OLD-1', 20 * DAY, done(NOW - 20 * DAY + H)), // met 20 days ago: in 30 days, not in 7
      facts(J, 'OPEN-1', H), // undecided
    ]);
    const week = await loadCompliance(db, NOW, 7);
    expect(week).toEqual([
      { policyId: 'std', policyName: 'Standard', met: 1, missed: 2, missedTickets: [expect.objectContaining({ key: 'RUN-1', metric: 'resolution' }), expect.objectContaining({ key: 'MISS-1' })] },
    ]);
    const month = await loadCompliance(db, NOW, 30);
    expect(month[0]).toMatchObject({ met: 2, missed: 2 });
  });
});

describe('stale tickets (issue 18 §2)', () => {
  it('counts and lists the tickets an aging flag marks, oldest first, found by when each turns stale', async () => {
    await apply(
      JSON.stringify({
        version: 1,
        name: 'Aging',
        policies: [{ id: 'std', calendar: '24x7', targets: { '*': { resolution: '100h' } }, aging: { noPublicUpdateFor: '24h', inStatusFor: '48h', statuses: ['Waiting'] } }],
      }),
    );
    const agent = (at: number) => [{ at, by: 'agent' as const, public: true }];
    await seeAt([
      // Last public update 30 h ago: stale for 6 h.
      facts(J, 'SUP-1', 40 * H, { comments: agent(NOW - 30 * H) }),
      // Updated 2 h ago: not stale, but turns stale in 22 h.
      facts(J, 'SUP-2', 40 * H, { comments: agent(NOW - 2 * H) }),
      // In Waiting for 3 days (and updated an hour ago): stale by its status.
      facts(J, 'SUP-3', 80 * H, {
        status: 'Waiting',
        statusHistory: [
          { at: NOW - 80 * H, status: 'Open' },
          { at: NOW - 72 * H, status: 'Waiting' },
        ],
        comments: agent(NOW - H),
      }),
      // No comments read: nothing said about updates.
      facts(J, 'SUP-4', 40 * H),
    ]);
    const s = await loadPopup(db, NOW);
    expect(s.counts.stale).toBe(2);
    expect(s.stale!.map((t) => [t.key, t.kind, t.since, t.status])).toEqual([
      ['SUP-3', 'in-status', NOW - 72 * H, 'Waiting'],
      ['SUP-1', 'no-update', NOW - 30 * H, undefined],
    ]);
    // A day later SUP-2 is stale too, and SUP-4 still unknown, not stale.
    expect((await loadPopup(db, NOW + 23 * H)).stale!.map((t) => t.key)).toEqual(['SUP-3', 'SUP-1', 'SUP-2']);
    expect((await db.tickets.get([J, 'SUP-2']))!.staleAt).toBe(NOW + 22 * H);
    expect((await db.tickets.get([J, 'SUP-4']))!.staleAt).toBe(Infinity);
  });
});

describe('compliance counts every cycle (issue 18)', () => {
  it('a ticket whose earlier reply came late is missed, though its latest reply was in time', async () => {
    await apply(JSON.stringify({ version: 1, name: 'Replies', policies: [{ id: 'std', name: 'Replies', calendar: '24x7', targets: { '*': { nextReply: '2h' } } }] }));
    const c = (ago: number, by: 'agent' | 'end-user') => ({ at: NOW - ago * H, by, public: true });
    await seeAt([
      // First reply at 19 h ago; the customer wrote at 18 h, answered at 15 h (late); wrote at 6 h, answered at 5 h (in time).
      facts(Z, '301', 20 * H, { comments: [c(19, 'agent'), c(18, 'end-user'), c(15, 'agent'), c(6, 'end-user'), c(5, 'agent')] }),
      // Every reply in time.
      facts(Z, '302', 20 * H, { comments: [c(19, 'agent'), c(18, 'end-user'), c(17, 'agent')] }),
    ]);
    const [bar] = await loadCompliance(db, NOW, 7);
    expect([bar!.policyName, bar!.met, bar!.missed, bar!.missedTickets.map((t) => [t.key, t.metric, t.dueAt])]).toEqual(['Replies', 1, 1, [['301', 'next-reply', NOW - 16 * H]]]);
  });
});
