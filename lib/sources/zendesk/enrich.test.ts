import { describe, expect, it } from 'vitest';
import { handle, ZENDESK_ORIGIN, type FakeSiteData } from '../../../testing/sites/index';
import { sampleZendeskTickets } from '../../../testing/sites/samples';
import { createAuditBudgetHost } from '../../messaging/audit-budget';
import { readSharedTrail } from '../../messaging/audit-trails';
import { sendAuditBudget, sendAuditTrails, type Sender } from '../../messaging/protocol';
import type { Fetch } from '../http';
import { FIXTURE_NOW, fixtureSites } from './__fixtures__/pages';
import { createZendeskEnricher, type AuditBudgetAsk, type ZendeskEnricherOptions } from './enrich';
import { readAuditTrail } from './parse';

const RUNTIME = 'sla-lens-id';
const SITE = new URL(ZENDESK_ORIGIN).hostname;

/** A `fetch` answered by the fake site, every path recorded; `headers` adds to an answer's headers (the site's word on its rate limit). */
function fakeFetch(data: FakeSiteData, headers: (url: URL) => Record<string, string> = () => ({})) {
  const paths: string[] = [];
  const fn: Fetch = async (input, init) => {
    const url = new URL(input);
    paths.push(url.pathname);
    await new Promise((r) => setTimeout(r, 1));
    const res = handle(data, { method: init.method ?? 'GET', url });
    if (!res) throw new TypeError('Failed to fetch');
    return new Response(res.body, { status: res.status, headers: { 'Content-Type': res.contentType, ...res.headers, ...headers(url) } });
  };
  const audits = () => paths.filter((p) => p.endsWith('/audits.json')).length;
  return Object.assign(fn, { paths, audits });
}

const many = (count: number) =>
  sampleZendeskTickets(
    FIXTURE_NOW,
    Array.from({ length: count }, (_, i) => ({ id: 5000 + i, subject: `Ticket ${i}`, priority: 'normal' as const, ageH: 2 + i, changes: [], groupId: 360001 })),
  );
const sitesWith = (count: number): FakeSiteData => ({ ...fixtureSites(), zendesk: many(count) });
const keysOf = (data: FakeSiteData) => data.zendesk.map((t) => String(t.id));
const opts = (now = FIXTURE_NOW) => ({ origin: ZENDESK_ORIGIN, signal: new AbortController().signal, now });
const exactCount = (facts: Map<string, { exact: boolean }>) => [...facts.values()].filter((f) => f.exact).length;

/** A tab's content script on the Zendesk site, as the background sees it. */
const tab = (id: number): Sender => ({ id: RUNTIME, url: `${ZENDESK_ORIGIN}/agent/filters/1`, frameId: 0, tab: { id } });

/**
 * The background's budget and trails, and one tab's way to them: the same `sendAuditBudget` and
 * `sendAuditTrails` the content script uses, without the browser in between, each message through
 * a structured clone as `runtime.sendMessage` makes one.
 */
function background(perMinute: number, clock: { now: number }) {
  const host = createAuditBudgetHost({ perMinute, now: () => clock.now });
  const asks: AuditBudgetAsk[] = [];
  const puts: unknown[] = [];
  const from =
    (sender: Sender): NonNullable<ZendeskEnricherOptions['auditBudget']> =>
    async (ask) => {
      asks.push(ask);
      return sendAuditBudget(async (message) => host.handle(structuredClone(message), sender, RUNTIME), { type: 'sla:audit-budget', ...ask });
    };
  const share =
    (sender: Sender): NonNullable<ZendeskEnricherOptions['shareTrails']> =>
    (put) =>
      sendAuditTrails(
        async (message) => {
          puts.push(structuredClone(message));
          return host.handle(structuredClone(message), sender, RUNTIME);
        },
        { type: 'sla:audit-trails', ...put },
      );
  /** A tab's content script, wired as the entrypoint wires it. */
  const tabOf = (sender: Sender) => ({ auditBudget: from(sender), shareTrails: share(sender) });
  return { from, share, tabOf, asks, puts };
}

const enricher = (fetch: Fetch, options: Partial<ZendeskEnricherOptions> = {}) => createZendeskEnricher({ fetch, coalesceMs: 1, ttlMs: 1, ...options });

describe('the audit budget is the account’s, held by the background', () => {
  it('two tabs on one account read no more audits between them than the account’s budget', async () => {
    const data = sitesWith(30);
    const clock = { now: FIXTURE_NOW };
    const bg = background(10, clock);
    const fetchA = fakeFetch(data);
    const fetchB = fakeFetch(data);
    // Each tab's own budget would allow 60 a minute: the shared one decides.
    const tabA = enricher(fetchA, { auditBudget: bg.from(tab(1)) });
    const tabB = enricher(fetchB, { auditBudget: bg.from(tab(2)) });
    const [a, b] = await Promise.all([tabA.enrich(keysOf(data), opts()), tabB.enrich(keysOf(data), opts())]);
    expect(fetchA.audits() + fetchB.audits()).toBe(10);
    expect(a.facts.size).toBe(30);
    expect(b.facts.size).toBe(30);
    expect(exactCount(a.facts) + exactCount(b.facts)).toBe(10);

    // Half a minute on, five more between them, whichever tab asks first.
    clock.now += 30_000;
    await Promise.all([tabA.enrich(keysOf(data), opts(clock.now)), tabB.enrich(keysOf(data), opts(clock.now))]);
    expect(fetchA.audits() + fetchB.audits()).toBe(15);
  });

  it('asks once a batch, for as many audits as its tickets need, never one message per ticket', async () => {
    const data = sitesWith(30);
    const clock = { now: FIXTURE_NOW };
    const bg = background(20, clock);
    const fetch = fakeFetch(data);
    const tabA = enricher(fetch, { auditBudget: bg.from(tab(1)) });
    await tabA.enrich(keysOf(data), opts());
    expect(bg.asks.map((a) => [a.site, a.want])).toEqual([[SITE, 30]]);
    expect(fetch.audits()).toBe(20);
    // A minute on: the twenty trails read are kept (their tickets are unchanged), so only ten are asked for.
    clock.now += 60_000;
    await tabA.enrich(keysOf(data), opts(clock.now));
    expect(bg.asks.map((a) => a.want)).toEqual([30, 10]);
    expect(fetch.audits()).toBe(30);
  });

  it('tells the budget what the site said of its limit, and every tab backs off before a 429', async () => {
    const data = sitesWith(10);
    const clock = { now: FIXTURE_NOW };
    const bg = background(60, clock);
    const low = { 'X-Rate-Limit': '200', 'X-Rate-Limit-Remaining': '15', 'ratelimit-reset': '30' };
    const fetchA = fakeFetch(data, (url) => (url.pathname.endsWith('show_many.json') ? low : {}));
    const fetchB = fakeFetch(data);
    await enricher(fetchA, { auditBudget: bg.from(tab(1)) }).enrich(keysOf(data), opts());
    expect(bg.asks[0]).toEqual({ site: SITE, want: 10, tickets: keysOf(data).map((k) => ({ id: Number(k), stamp: expect.any(String) })), remaining: 15, limit: 200, resetSeconds: 30 });
    expect(fetchA.audits()).toBe(0);
    // The other tab heard nothing itself, and still waits for the account's window to reset.
    const tabB = enricher(fetchB, { auditBudget: bg.from(tab(2)) });
    await tabB.enrich(keysOf(data), opts());
    expect(fetchB.audits()).toBe(0);
    clock.now += 30_000;
    await tabB.enrich(keysOf(data), opts(clock.now));
    expect(fetchB.audits()).toBe(10);
  });

  it('the site saying few remain stops the rest of the batch’s audits at once', async () => {
    const data = sitesWith(10);
    const fetch = fakeFetch(data, (url) => (url.pathname.endsWith('/audits.json') ? { 'x-rate-limit': '700', 'x-rate-limit-remaining': '40' } : {}));
    const result = await enricher(fetch, { auditConcurrency: 1 }).enrich(keysOf(data), opts());
    // The rows in view read two at a time: both were on their way when the first answer said so.
    expect(fetch.audits()).toBe(2);
    expect(result.facts.size).toBe(10);
  });

  it('never reads more audits than it asked for, whatever the budget answers', async () => {
    const data = sitesWith(5);
    const fetch = fakeFetch(data);
    await enricher(fetch, { auditBudget: async () => ({ granted: 1e9 }) }).enrich(keysOf(data).slice(0, 3), opts());
    expect(fetch.audits()).toBe(3);
    const none = fakeFetch(data);
    await enricher(none, { auditBudget: async () => ({ granted: Number.NaN }) }).enrich(keysOf(data), opts());
    expect(none.audits()).toBe(0);
  });

  it('without `auditBudget` (unit tests, a page without a background) each enricher keeps its own budget', async () => {
    const data = sitesWith(30);
    const fetchA = fakeFetch(data);
    const fetchB = fakeFetch(data);
    await Promise.all([enricher(fetchA, { auditsPerMinute: 10 }).enrich(keysOf(data), opts()), enricher(fetchB, { auditsPerMinute: 10 }).enrich(keysOf(data), opts())]);
    expect([fetchA.audits(), fetchB.audits()]).toEqual([10, 10]);
  });
});

describe('when the background cannot be reached', () => {
  it('a rejected ask falls back to a small budget of the tab’s own: neither stops nor floods', async () => {
    const data = sitesWith(30);
    const fetch = fakeFetch(data);
    const unreachable = enricher(fetch, {
      auditBudget: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    });
    const first = await unreachable.enrich(keysOf(data), opts());
    expect(first.failure).toBeUndefined();
    expect(first.facts.size).toBe(30);
    expect(fetch.audits()).toBe(10);
    // Its own budget refills as any other: a minute on, ten more.
    await unreachable.enrich(keysOf(data), opts(FIXTURE_NOW + 60_000));
    expect(fetch.audits()).toBe(20);
  });

  it('an ask that is never answered falls back too, rather than holding the batch', async () => {
    const data = sitesWith(30);
    const fetch = fakeFetch(data);
    const silent = enricher(fetch, { auditBudget: () => new Promise(() => undefined), auditBudgetTimeoutMs: 5 });
    const result = await silent.enrich(keysOf(data), opts());
    expect(result.facts.size).toBe(30);
    expect(fetch.audits()).toBe(10);
  });

  it('the fallback rate is the caller’s to set, and a background that refuses counts as unreachable', async () => {
    const data = sitesWith(30);
    const clock = { now: FIXTURE_NOW };
    const bg = background(60, clock);
    const fetch = fakeFetch(data);
    // A sender the background will not hear (another site): sendAuditBudget rejects with its reason.
    const elsewhere: Sender = { ...tab(1), url: 'https://evil.zendesk.com/agent' };
    await enricher(fetch, { auditBudget: bg.from(elsewhere), fallbackAuditsPerMinute: 4 }).enrich(keysOf(data), opts());
    expect(bg.asks).toHaveLength(1);
    expect(fetch.audits()).toBe(4);
  });
});

describe('audit trails are shared by every tab of the browser, through the background', () => {
  const factsOf = (facts: Map<string, unknown>) => [...facts.entries()].sort(([a], [b]) => a.localeCompare(b));

  it('a second tab (a new tab, a reload) gets the trails the first read, and reads no audits for unchanged tickets', async () => {
    const data = fixtureSites();
    const keys = keysOf(data);
    const clock = { now: FIXTURE_NOW };
    const bg = background(60, clock);
    const fetchA = fakeFetch(data);
    const a = await enricher(fetchA, bg.tabOf(tab(1))).enrich(keys, opts());
    expect(fetchA.audits()).toBe(keys.length);
    expect(bg.puts).toHaveLength(1);

    const fetchB = fakeFetch(data);
    const b = await enricher(fetchB, bg.tabOf(tab(2))).enrich(keys, opts());
    expect(fetchB.audits()).toBe(0);
    // The same facts, status history and first reply included, as if it had read the audits itself.
    expect(factsOf(b.facts)).toEqual(factsOf(a.facts));
    expect(exactCount(b.facts)).toBe(exactCount(a.facts));
    expect([...b.facts.values()].some((f) => (f.statusHistory?.length ?? 0) > 1)).toBe(true);
    // It asked about every ticket, and was granted nothing: it needed nothing.
    expect(bg.asks[1]?.tickets.map((t) => t.id)).toEqual(keys.map(Number));
    expect(bg.puts).toHaveLength(1);
  });

  it('a ticket updated since is read again, and only it; its new trail is shared in turn', async () => {
    const data = fixtureSites();
    const keys = keysOf(data);
    const bg = background(60, { now: FIXTURE_NOW });
    await enricher(fakeFetch(data), bg.tabOf(tab(1))).enrich(keys, opts());
    const changed = data.zendesk[1]!;
    const later = { ...data, zendesk: data.zendesk.map((t) => (t === changed ? { ...t, updated: t.updated + 60_000 } : t)) };

    const fetchB = fakeFetch(later);
    await enricher(fetchB, bg.tabOf(tab(2))).enrich(keys, opts());
    expect(fetchB.paths.filter((p) => p.endsWith('/audits.json'))).toEqual([`/api/v2/tickets/${changed.id}/audits.json`]);
    expect((bg.puts[1] as { trails: Array<{ id: number }> }).trails.map((t) => t.id)).toEqual([changed.id]);

    const fetchC = fakeFetch(later);
    await enricher(fetchC, bg.tabOf(tab(3))).enrich(keys, opts());
    expect(fetchC.audits()).toBe(0);
  });

  it('what goes to the background is the reduced trail alone: never a comment’s body (a note only as its time and author) or an audit’s metadata', async () => {
    const data = fixtureSites();
    const bg = background(60, { now: FIXTURE_NOW });
    await enricher(fakeFetch(data), bg.tabOf(tab(1))).enrich(keysOf(data), opts());
    const sent = JSON.stringify(bg.puts);
    const bodies = data.zendesk.flatMap((t) => (t.comments ?? []).map((c) => c.body));
    expect(bodies.length).toBeGreaterThan(0);
    for (const text of [...bodies, 'Please help', 'Your request has been received', 'html_body', 'plain_body', '"body"', 'metadata', 'ip_address', 'via', 'subject']) expect(sent).not.toContain(text);
    for (const put of bg.puts as Array<Record<string, unknown>>) {
      expect(Object.keys(put).sort()).toEqual(['site', 'trails', 'type']);
      for (const entry of put.trails as Array<Record<string, Record<string, unknown>>>) {
        expect(Object.keys(entry).sort()).toEqual(['id', 'stamp', 'trail']);
        expect(Object.keys(entry.trail!).every((k) => ['initial', 'changes', 'comments', 'complete'].includes(k))).toBe(true);
        for (const c of entry.trail!.comments as object[]) expect(Object.keys(c).every((k) => k === 'at' || k === 'author' || k === 'public')).toBe(true);
        for (const c of entry.trail!.changes as object[]) expect(Object.keys(c).every((k) => k === 'at' || k === 'from' || k === 'to')).toBe(true);
      }
    }
  });

  it('trails from the background cost no budget: the account’s audits go to the tickets no tab has read', async () => {
    const data = sitesWith(30);
    const keys = keysOf(data);
    const clock = { now: FIXTURE_NOW };
    const bg = background(10, clock);
    const fetchA = fakeFetch(data);
    await enricher(fetchA, bg.tabOf(tab(1))).enrich(keys, opts());
    expect(fetchA.audits()).toBe(10);
    // A minute on, a new tab: the ten read are served, the budget's ten go to ten others.
    clock.now += 60_000;
    const fetchB = fakeFetch(data);
    const b = await enricher(fetchB, bg.tabOf(tab(2))).enrich(keys, opts(clock.now));
    expect(fetchB.audits()).toBe(10);
    expect(exactCount(b.facts)).toBe(20);
  });

  it('a tab keeps what it got from the background: its next round asks about none of those tickets', async () => {
    const data = sitesWith(5);
    const keys = keysOf(data);
    const bg = background(60, { now: FIXTURE_NOW });
    await enricher(fakeFetch(data), bg.tabOf(tab(1))).enrich(keys, opts());
    const tabB = enricher(fakeFetch(data), bg.tabOf(tab(2)));
    await tabB.enrich(keys, opts());
    await tabB.enrich(keys, opts(FIXTURE_NOW + 60_000));
    expect(bg.asks).toHaveLength(2);
  });

  it('every trail read from audits passes the background’s check whole: none is left unshared, nothing of it is dropped', () => {
    const data = fixtureSites();
    for (const t of data.zendesk) {
      const answer = handle(data, { method: 'GET', url: new URL(`${ZENDESK_ORIGIN}/api/v2/tickets/${t.id}/audits.json`) })!;
      const trail = readAuditTrail((JSON.parse(answer.body) as { audits: unknown[] }).audits, true);
      // As a message carries it: the parts that are undefined are left out.
      expect(readSharedTrail(trail)).toEqual(JSON.parse(JSON.stringify(trail)));
    }
  });

  it('a trail the background names for another ticket or another stamp is not used', async () => {
    const data = sitesWith(3);
    const keys = keysOf(data);
    const wrong = { changes: [{ at: FIXTURE_NOW - 1_000, from: 'open', to: 'pending' }], comments: [], complete: true };
    const fetch = fakeFetch(data);
    const result = await enricher(fetch, {
      auditBudget: async (ask) => ({
        granted: 0,
        trails: [
          { id: ask.tickets[0]!.id, stamp: 'not-its-stamp', trail: wrong },
          { id: 1, stamp: ask.tickets[1]!.stamp, trail: wrong },
          { id: ask.tickets[2]!.id, stamp: '', trail: wrong },
        ],
      }),
    }).enrich(keys, opts());
    expect(fetch.audits()).toBe(0);
    expect(exactCount(result.facts)).toBe(0);
    expect([...result.facts.values()].every((f) => f.statusHistory === undefined)).toBe(true);
  });

  it('a background that refuses or loses the trails costs nothing but the other tabs’ reads', async () => {
    const data = sitesWith(5);
    for (const shareTrails of [
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      () => {
        throw new Error('Extension context invalidated.');
      },
    ]) {
      const fetch = fakeFetch(data);
      const result = await enricher(fetch, { auditBudget: async () => ({ granted: 5 }), shareTrails }).enrich(keysOf(data), opts());
      expect(result.failure).toBeUndefined();
      expect(exactCount(result.facts)).toBe(5);
    }
  });
});
