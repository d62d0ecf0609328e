/**
 * Every clock a contract can name, in Chromium (issue 18): on a Zendesk view and a Jira Service
 * Management queue, next reply and periodic update are each the most urgent clock of a ticket, read
 * from the tickets' comments as the sites' APIs give them (Zendesk's audits, Jira's comment field
 * with `jsdPublic`), with the figures worked out here from the tickets' own times; and the aging
 * flags beside them: no public update for too long, stuck in a status.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactBusinessSpan } from '../../lib/view/durations';
import { badgesWhenSettled, type BadgeReading } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { URLS, type FakeSiteData } from '../sites/index';
import { sampleJiraIssues, sampleZendeskTickets } from '../sites/samples';

const MIN = 60_000;
const H = 60 * MIN;
const now = Date.now();

const CONFIG = JSON.stringify({
  version: 1,
  name: 'Replies and updates',
  policies: [
    { id: 'zd-replies', match: { source: 'zendesk', tags: { any: ['replies'] } }, calendar: '24x7', targets: { '*': { firstResponse: '1h', nextReply: '8h', resolution: '40h' } } },
    {
      id: 'zd-updates',
      match: { source: 'zendesk', tags: { any: ['updates'] } },
      calendar: '24x7',
      targets: { '*': { firstResponse: '1h', periodicUpdate: '6h', resolution: '40h' } },
      aging: { noPublicUpdateFor: '4h' },
    },
    {
      id: 'jsm-replies',
      match: { source: 'jira', labels: { any: ['replies'] } },
      calendar: '24x7',
      targets: { '*': { firstResponse: '1h', nextReply: '2h', resolution: '40h' } },
      aging: { inStatusFor: '6h', statuses: ['In Progress'] },
    },
    { id: 'jsm-updates', match: { source: 'jira', labels: { any: ['updates'] } }, calendar: '24x7', targets: { '*': { firstResponse: '1h', periodicUpdate: '4h', resolution: '40h' } } },
  ],
});

/** What each ticket's most urgent clock is, and from when it runs (worked out from the times below). */
const EXPECTED: Record<string, { metric: string; since: number; targetMs: number }> = {
  // The requester wrote again 2 h 50 m ago; the agent's reply came long before: next reply runs from the requester's message.
  '601': { metric: 'next-reply', since: now - 3 * H + 10 * MIN, targetMs: 8 * H },
  // The agent's last public update was 4 h 50 m ago: the next one is due 6 h after it.
  '602': { metric: 'periodic-update', since: now - 5 * H + 10 * MIN, targetMs: 6 * H },
  // The customer wrote 50 m ago after the agent's reply; an internal note since does not answer them.
  'SUP-901': { metric: 'next-reply', since: now - H + 10 * MIN, targetMs: 2 * H },
  'SUP-902': { metric: 'periodic-update', since: now - 3 * H + 10 * MIN, targetMs: 4 * H },
};

const zendesk = sampleZendeskTickets(now, [
  { id: 601, subject: 'Invoices missing', priority: 'normal', ageH: 10, assignee: 'Sam Okafor', changes: [[9.9, 'open']], tags: ['replies'] },
  { id: 602, subject: 'Export times out', priority: 'normal', ageH: 6, assignee: 'Sam Okafor', changes: [[5.9, 'open']], tags: ['updates'] },
]).map((t) => ({
  ...t,
  comments:
    t.id === 601
      ? [
          { id: 6011, at: now - 9.5 * H, author: 'Sam Okafor', public: true, body: 'Looking into it.' },
          { id: 6012, at: EXPECTED['601']!.since, author: t.requester, public: true, body: 'Any news?' },
        ]
      : [{ id: 6021, at: EXPECTED['602']!.since, author: 'Sam Okafor', public: true, body: 'Still exporting.' }],
}));

const jira = sampleJiraIssues(now, [
  { n: 901, summary: 'VPN drops', priority: 'High', ageH: 8, changes: [[7.9, 'In Progress']], labels: ['replies'], assignee: 'Ana Souza' },
  { n: 902, summary: 'Report is blank', priority: 'High', ageH: 4, changes: [[3.9, 'In Progress']], labels: ['updates'], assignee: 'Ana Souza' },
]).map((i) => ({
  ...i,
  comments:
    i.key === 'SUP-901'
      ? [
          { id: 9011, at: now - 7 * H, author: 'Ana Souza', public: true, body: 'Can you try again?' },
          { id: 9012, at: EXPECTED['SUP-901']!.since, author: 'Dana Whitfield', public: true, body: 'Still dropping.' },
          { id: 9013, at: now - 20 * MIN, author: 'Ana Souza', public: false, body: 'Internal: asked the network team.' },
        ]
      : [{ id: 9021, at: EXPECTED['SUP-902']!.since, author: 'Ana Souza', public: true, body: 'Working on it.' }],
}));

const sites: FakeSiteData = { jira, zendesk };

let session: ChromiumSession;
beforeAll(async () => {
  session = await launchChromium({ sites });
  const options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'replies.json', text: CONFIG }]);
  await options.close();
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

/** Aging flags: what each stale ticket's mark says, and since when (the rest have none). */
const STALE: Record<string, { kind: string; words: string; since: number }> = {
  // No public update since 4 h 50 m ago, past the policy's 4 h.
  '602': { kind: 'no-update', words: 'no update', since: EXPECTED['602']!.since },
  // In Progress since 7.9 h ago, past 6 h.
  'SUP-901': { kind: 'in-status', words: 'in In Progress', since: now - 7.9 * H },
};

/**
 * The badge's text a moment before and after the reading (its minutes may turn while the page
 * reads): its words, or the figure alone where its cell is too narrow for them.
 */
function leftTexts(key: string, readAt: number): string[] {
  const { since, targetMs } = EXPECTED[key]!;
  return [-MIN, 0, MIN].flatMap((d) => {
    const figure = compactBusinessSpan(targetMs - (readAt + d - since));
    return [`${figure} left`, figure];
  });
}

async function check(page: Page, count: number): Promise<BadgeReading[]> {
  const badges = await badgesWhenSettled(page, count);
  const readAt = Date.now();
  for (const b of badges) {
    const expected = EXPECTED[b.key]!;
    const used = (readAt - expected.since) / expected.targetMs;
    expect([b.key, b.metric, b.state]).toEqual([b.key, expected.metric, used >= 0.75 ? 'at-risk' : 'ok']);
    expect(leftTexts(b.key, readAt)).toContain(b.text);
    // The tooltip names the policy and the clock first, its figures as the pill's.
    expect(b.title).toMatch(expected.metric === 'next-reply' ? /^(zd|jsm)-replies — next reply: (on track|at risk), / : /^(zd|jsm)-updates — periodic update: (on track|at risk), /);
  }
  const marks = await page.$$eval('[data-sla-aging]', (els) =>
    els.map((el) => ({
      key: el.getAttribute('data-sla-key')!,
      kind: el.getAttribute('data-sla-aging')!,
      text: el.textContent!,
      afterBadge: el.previousElementSibling?.hasAttribute('data-sla-badge') === true,
      title: el.getAttribute('title')!,
    })),
  );
  const stale = Object.keys(STALE).filter((k) => badges.some((b) => b.key === k));
  expect(marks.map((m) => m.key).sort()).toEqual(stale.sort());
  for (const m of marks) {
    const { kind, words, since } = STALE[m.key]!;
    expect([m.kind, m.afterBadge]).toEqual([kind, true]);
    expect([-MIN, 0, MIN].map((d) => `${words} ${compactBusinessSpan(readAt + d - since)}`)).toContain(m.text);
    expect(m.title).toMatch(/^Stale: /);
  }
  return badges;
}

describe('next reply, periodic update and aging flags on the sites, in Chromium', () => {
  it('a Zendesk view: the requester’s unanswered message and the update owed are each a ticket’s most urgent clock; no update for too long is flagged', async () => {
    const page = await session.open(URLS.zendeskView);
    expect((await check(page, 2)).map((b) => b.key).sort()).toEqual(['601', '602']);
    await page.close();
  });

  it('a Jira Service Management queue: the same from Jira’s comments, an internal note answering nobody; too long In Progress is flagged', async () => {
    const page = await session.open(URLS.jiraQueue);
    expect((await check(page, 2)).map((b) => b.key).sort()).toEqual(['SUP-901', 'SUP-902']);
    await page.close();
  });
});
