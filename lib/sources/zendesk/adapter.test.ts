import { afterEach, describe, expect, it, vi } from 'vitest';
import { handle, JIRA_ORIGIN, URLS, ZENDESK_ORIGIN, type FakeSiteData } from '../../../testing/sites/index';
import { sampleZendeskTickets } from '../../../testing/sites/samples';
import { jiraAdapter } from '../jira/adapter';
import { adapterFor } from '../pick';
import { renderFixture as renderJiraFixture } from '../jira/__fixtures__/pages';
import { FIXTURE_NOW, FIXTURE_PAGES, fixtureSites, renderFixture, renderHtml } from './__fixtures__/pages';
import { createZendeskAdapter, zendeskAdapter, type ZendeskAdapterOptions } from './adapter';
import { MAX_RETRY_AFTER_MS, type Fetch } from '../http';
import { MAX_HIGH_IN_FLIGHT } from '../limit';
import { never, paddedJson, redirectStep, redirectTo } from '../../../testing/fakes/fetch';
import { TrailCache } from './enrich';

interface Call {
  url: URL;
  init: RequestInit;
}

/**
 * A `fetch` answered by the fake site, every call recorded, at most `inFlight.max` at once; `override` replaces answers.
 * Redirects go as in a browser, by the request's `redirect` mode (followed unless it says otherwise).
 */
function fakeFetch(sites: FakeSiteData, override?: (call: Call) => Response | Promise<Response | undefined> | undefined) {
  const calls: Call[] = [];
  const inFlight = { now: 0, max: 0 };
  const answer = async (call: Call): Promise<Response> => {
    inFlight.now += 1;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    try {
      await new Promise((r) => setTimeout(r, 1));
      const custom = await override?.(call);
      if (custom) return custom;
      const res = handle(sites, { method: call.init.method ?? 'GET', url: call.url });
      if (!res) throw new TypeError('Failed to fetch');
      return new Response(res.body, { status: res.status, headers: { 'Content-Type': res.contentType, ...res.headers } });
    } finally {
      inFlight.now -= 1;
    }
  };
  const fn: Fetch = async (url, init) => {
    const call = { url: new URL(url), init };
    calls.push(call);
    const response = await answer(call);
    const step = redirectStep(url, init, response);
    if (!step) return response;
    return 'answer' in step ? step.answer : fn(step.follow, step.init);
  };
  const paths = (prefix = '') => calls.map((c) => c.url.pathname).filter((p) => p.startsWith(prefix));
  return Object.assign(fn, { calls, inFlight, paths });
}

const many = (count: number) =>
  sampleZendeskTickets(
    FIXTURE_NOW,
    Array.from({ length: count }, (_, i) => ({
      id: 5000 + i,
      subject: `Ticket ${i}`,
      priority: 'normal' as const,
      ageH: 2 + (i % 30),
      changes: i % 2 ? [[1, 'open'] as [number, 'open']] : [],
      groupId: i % 3 ? 360001 : 360002,
    })),
  );
const sites = (extra: Partial<FakeSiteData> = {}): FakeSiteData => ({ ...fixtureSites(), ...extra });
const adapterWith = (fetch: Fetch, options: Partial<ZendeskAdapterOptions> = {}) => createZendeskAdapter({ fetch, coalesceMs: 1, ...options });
const opts = (now = FIXTURE_NOW, signal = new AbortController().signal) => ({ origin: ZENDESK_ORIGIN, signal, now });
const json = (status: number, body: string, headers: Record<string, string> = {}) => new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } });
const isShowMany = (c: Call) => c.url.pathname === '/api/v2/tickets/show_many.json';
const idsOf = (c: Call) => c.url.searchParams.get('ids')!.split(',');
/** Show Many as an account that ignores the `groups` and `organizations` sideloads answers it. */
const withoutNameSideloads = (data: FakeSiteData, call: Call): Response | undefined => {
  if (!isShowMany(call)) return undefined;
  const body = JSON.parse(handle(data, { method: 'GET', url: call.url })!.body) as Record<string, unknown>;
  delete body.groups;
  delete body.organizations;
  return json(200, JSON.stringify(body));
};

describe('enrichment', () => {
  it('asks Show Many once with the sideloads (names included) and each ticket’s audits; same origin, cookies only', async () => {
    const fetch = fakeFetch(sites());
    const result = await adapterWith(fetch).enrich(['4101', '4104', '4106'], opts());
    expect(result.failure).toBeUndefined();
    expect([...result.facts.keys()].sort()).toEqual(['4101', '4104', '4106']);
    // No name lookups: the groups and organizations came with the tickets.
    expect(fetch.paths().sort()).toEqual(['/api/v2/tickets/4101/audits.json', '/api/v2/tickets/4104/audits.json', '/api/v2/tickets/4106/audits.json', '/api/v2/tickets/show_many.json']);
    const show = fetch.calls.find(isShowMany)!;
    expect(show.url.origin).toBe(ZENDESK_ORIGIN);
    expect(idsOf(show).sort()).toEqual(['4101', '4104', '4106']);
    expect(show.url.searchParams.get('include')).toBe('slas,users,groups,organizations');
    for (const c of fetch.calls) expect(c.init).toMatchObject({ method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    expect(result.facts.get('4101')).toMatchObject({
      source: 'zendesk',
      site: 'acme.zendesk.com',
      exact: true,
      status: 'open',
      priority: 'urgent',
      group: 'Tier 2',
      organization: 'Globex',
      assignee: 'Sam Okafor',
    });
    expect(result.facts.get('4104')!.statusHistory!.map((s) => s.status)).toEqual(['new', 'open', 'pending']);
    expect(result.facts.get('4106')).toMatchObject({ status: 'solved', resolvedAt: expect.any(Number), firstResponseAt: expect.any(Number) });
  });

  it('sends at most 100 ids a Show Many, and at most 8 requests at once (4, and 8 for the rows in view)', async () => {
    const data = sites({ zendesk: many(250) });
    // An account that ignores the name sideloads: its names are looked up, once for all batches.
    const fetch = fakeFetch(data, (call) => withoutNameSideloads(data, call));
    const result = await adapterWith(fetch, { auditsPerMinute: 300 }).enrich(
      data.zendesk.map((t) => String(t.id)),
      opts(),
    );
    expect(fetch.calls.filter(isShowMany).map((c) => idsOf(c).length)).toEqual([100, 100, 50]);
    expect(fetch.paths('/api/v2/tickets/5').length).toBe(250);
    expect(fetch.inFlight.max).toBeLessThanOrEqual(MAX_HIGH_IN_FLIGHT);
    expect(result.facts.size).toBe(250);
    expect([...result.facts.values()].every((f) => f.exact)).toBe(true);
    // The names were read once for all three batches.
    expect(fetch.paths('/api/v2/groups').length).toBe(1);
    expect(fetch.paths('/api/v2/organizations').length).toBe(1);
  });

  it('reads audits within a per-minute budget: the rest go on without history, and get it later', async () => {
    const data = sites({ zendesk: many(30) });
    const fetch = fakeFetch(data);
    const adapter = adapterWith(fetch, { auditsPerMinute: 10, ttlMs: 1 });
    const keys = data.zendesk.map((t) => String(t.id));
    const first = await adapter.enrich(keys, opts());
    expect(fetch.paths('/api/v2/tickets/5').length).toBe(10);
    expect(first.facts.size).toBe(30);
    const exact = (r: typeof first) => [...r.facts.values()].filter((f) => f.exact).length;
    expect(exact(first)).toBe(10);
    // Half a minute on: five more audits, and the ten read before are kept (their tickets are unchanged).
    const later = await adapter.enrich(keys, opts(FIXTURE_NOW + 30_000));
    expect(fetch.paths('/api/v2/tickets/5').length).toBe(15);
    expect(exact(later)).toBe(15);
  });

  it('reads the audits of a ticket again only when the ticket has changed', async () => {
    const data = sites({ zendesk: many(3) });
    const fetch = fakeFetch(data);
    const adapter = adapterWith(fetch, { ttlMs: 1 });
    const keys = data.zendesk.map((t) => String(t.id));
    await adapter.enrich(keys, opts());
    expect(fetch.paths('/api/v2/tickets/5').length).toBe(3);
    await adapter.enrich(keys, opts(FIXTURE_NOW + 1000));
    expect(fetch.paths('/api/v2/tickets/5').length).toBe(3);
    data.zendesk[0]!.updated += 60_000;
    await adapter.enrich(keys, opts(FIXTURE_NOW + 2000));
    expect(fetch.paths('/api/v2/tickets/5').length).toBe(4);
  });

  it('coalesces calls made within the window into one Show Many', async () => {
    const fetch = fakeFetch(sites());
    const adapter = adapterWith(fetch, { coalesceMs: 50 });
    const [a, b] = await Promise.all([adapter.enrich(['4101', '4102'], opts()), adapter.enrich(['4102', '4103'], opts())]);
    expect(fetch.calls.filter(isShowMany).map(idsOf)).toEqual([['4101', '4102', '4103']]);
    expect([...a.facts.keys()].sort()).toEqual(['4101', '4102']);
    expect([...b.facts.keys()].sort()).toEqual(['4102', '4103']);
  });

  it('where the names are not sideloaded, asks the audits without waiting for them, and words the facts with the names all the same', async () => {
    const events: string[] = [];
    const data = sites();
    const fetch = fakeFetch(data, async (call) => {
      if (isShowMany(call)) return withoutNameSideloads(data, call);
      if (call.url.pathname.includes('/audits')) events.push('audits asked');
      if (call.url.pathname === '/api/v2/groups.json') {
        await new Promise((r) => setTimeout(r, 50));
        events.push('groups answered');
      }
      return undefined;
    });
    const result = await adapterWith(fetch).enrich(['4101', '4104'], opts());
    expect(events.indexOf('audits asked')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('audits asked')).toBeLessThan(events.indexOf('groups answered'));
    expect(result.facts.get('4101')).toMatchObject({ exact: true, group: 'Tier 2', organization: 'Globex' });
  });

  it('reads the rows in view first: their Show Many and audits with priority high, the audits in the order asked', async () => {
    const data = sites({ zendesk: many(150) });
    const fetch = fakeFetch(data, (call) => {
      // Show Many lists its tickets in an order of its own.
      if (!isShowMany(call)) return undefined;
      const res = handle(data, { method: 'GET', url: call.url })!;
      const body = JSON.parse(res.body) as { tickets: unknown[] };
      body.tickets.reverse();
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    const ids = Array.from({ length: 150 }, (_, i) => String(5000 + i)).reverse();
    await adapterWith(fetch, { auditConcurrency: 1, auditsPerMinute: 5 }).enrich(ids, opts());
    const high = fetch.calls.filter((c) => c.init.priority === 'high');
    expect(high.filter(isShowMany).map((c) => idsOf(c).length)).toEqual([100]);
    expect(idsOf(high.find(isShowMany)!)).toEqual(ids.slice(0, 100));
    // The budget's five audits go to the first tickets asked, in that order.
    expect(high.filter((c) => c.url.pathname.endsWith('/audits.json')).map((c) => c.url.pathname.split('/')[4])).toEqual(ids.slice(0, 5));
    expect(
      fetch.calls
        .filter(isShowMany)
        .filter((c) => c.init.priority !== 'high')
        .map((c) => idsOf(c).length),
    ).toEqual([50]);
  });

  it('passes each ticket on as its audits land', async () => {
    const fetch = fakeFetch(sites());
    const heard: string[][] = [];
    const result = await adapterWith(fetch, { auditConcurrency: 1 }).enrich(['4101', '4102', '4103'], { ...opts(), onFacts: (f) => heard.push([...f.keys()]) });
    expect(heard).toEqual([['4101'], ['4102'], ['4103']]);
    expect(result.facts.size).toBe(3);
  });

  it('passes the tickets with no audits to read on together, at once, and the others as their audits land', async () => {
    const data = sites({ zendesk: many(5) });
    const fetch = fakeFetch(data);
    const heard: string[][] = [];
    // Two audits in the budget: the other three tickets have nothing to read.
    await adapterWith(fetch, { auditsPerMinute: 2, auditConcurrency: 1 }).enrich(
      data.zendesk.map((t) => String(t.id)),
      { ...opts(), onFacts: (f) => heard.push([...f.keys()]) },
    );
    expect(heard).toEqual([['5002', '5003', '5004'], ['5000'], ['5001']]);
  });

  it('told which rows are on screen, passes the others on approximate at once and exact as their audits land; those on screen only exact', async () => {
    const data = sites({ zendesk: many(4) });
    const fetch = fakeFetch(data);
    const heard: Array<Array<[string, boolean]>> = [];
    const result = await adapterWith(fetch, { auditConcurrency: 1 }).enrich(
      data.zendesk.map((t) => String(t.id)),
      { ...opts(), inView: ['5000', '5001'], onFacts: (f) => heard.push([...f.values()].map((x) => [x.key, x.exact])) },
    );
    // Off screen, at once and approximate; then each ticket exact, as its audits land.
    expect(heard[0]).toEqual([
      ['5002', false],
      ['5003', false],
    ]);
    expect(heard.slice(1).flat().sort()).toEqual([
      ['5000', true],
      ['5001', true],
      ['5002', true],
      ['5003', true],
    ]);
    expect([...result.facts.values()].every((f) => f.exact)).toBe(true);
    expect(fetch.paths('/api/v2/tickets/5').length).toBe(4);
    // Only the audits of the rows on screen go ahead of the page's other requests.
    const audits = fetch.calls.filter((c) => c.url.pathname.endsWith('/audits.json'));
    expect(audits.map((c) => [c.url.pathname.split('/')[4], c.init.priority ?? 'auto'])).toEqual([
      ['5000', 'high'],
      ['5001', 'high'],
      ['5002', 'auto'],
      ['5003', 'auto'],
    ]);
  });

  it('caches facts (and unknown ids) for the TTL; names for longer', async () => {
    const data = sites();
    const fetch = fakeFetch(data, (call) => withoutNameSideloads(data, call));
    const adapter = adapterWith(fetch, { ttlMs: 60_000 });
    await adapter.enrich(['4101', '9999'], opts());
    const cached = await adapter.enrich(['4101', '9999'], opts(FIXTURE_NOW + 59_000));
    expect([...cached.facts.keys()]).toEqual(['4101']);
    expect(fetch.calls.filter(isShowMany)).toHaveLength(1);
    await adapter.enrich(['4101'], opts(FIXTURE_NOW + 61_000));
    expect(fetch.calls.filter(isShowMany)).toHaveLength(2);
    expect(fetch.paths('/api/v2/groups').length).toBe(1);
    expect(fetch.paths('/api/v2/organizations').length).toBe(1);
  });

  it('ignores what is not a ticket id', async () => {
    const fetch = fakeFetch(sites());
    expect(await adapterWith(fetch).enrich(['', '0', '12a', '#4101', '1,2', '<img src=x>'], opts())).toEqual({ facts: new Map() });
    expect(fetch.calls).toHaveLength(0);
  });

  it('follows the audits’ next pages on the same origin, a few at most; a longer history is not exact', async () => {
    // Two audits a page: 4104 has six (three pages), 4101 five.
    const paged = (data: FakeSiteData) =>
      fakeFetch(data, (call) => {
        if (!call.url.pathname.endsWith('/audits.json') || call.url.searchParams.has('per_page')) return undefined;
        call.url.searchParams.set('per_page', '2');
        const res = handle(data, { method: 'GET', url: call.url })!;
        return json(res.status, res.body);
      });
    const fetch = paged(sites());
    const full = await adapterWith(fetch).enrich(['4104'], opts());
    expect(fetch.paths('/api/v2/tickets/4104/audits').length).toBe(3);
    expect(full.facts.get('4104')).toMatchObject({ exact: true });
    expect(full.facts.get('4104')!.statusHistory!.map((s) => s.status)).toEqual(['new', 'open', 'pending']);

    const short = paged(sites());
    const capped = await adapterWith(short, { maxAuditPages: 2 }).enrich(['4104'], opts());
    expect(short.paths('/api/v2/tickets/4104/audits').length).toBe(2);
    expect(capped.facts.get('4104')).toMatchObject({ exact: false, status: 'pending' });

    const elsewhere = fakeFetch(sites(), (call) =>
      call.url.pathname.endsWith('/audits.json') ? json(200, JSON.stringify({ audits: [], next_page: 'https://evil.test/api/v2/tickets/4104/audits.json?page=2', count: 9 })) : undefined,
    );
    const result = await adapterWith(elsewhere).enrich(['4104'], opts());
    expect(elsewhere.calls.some((c) => c.url.origin !== ZENDESK_ORIGIN)).toBe(false);
    expect(result.facts.get('4104')).toMatchObject({ exact: false });
  });
});

describe('failures: never throws, degrades, backs off', () => {
  it('a signed-out session (200 with the sign-in page) → signed-out, no facts, and backs off', async () => {
    const fetch = fakeFetch(sites({ api: 'login-page' }));
    const adapter = adapterWith(fetch);
    expect(await adapter.enrich(['4101'], opts())).toEqual({ facts: new Map(), failure: 'signed-out' });
    expect(await adapter.enrich(['4101'], opts(FIXTURE_NOW + 1000))).toEqual({ facts: new Map(), failure: 'signed-out' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('429 → rate-limited, honouring Retry-After', async () => {
    let limited = true;
    const data = sites();
    const fetch = fakeFetch(data, () => (limited ? json(429, '{"error":"APIRateLimitExceeded"}', { 'Retry-After': '120' }) : undefined));
    const adapter = adapterWith(fetch);
    expect((await adapter.enrich(['4101'], opts())).failure).toBe('rate-limited');
    expect((await adapter.enrich(['4101'], opts(FIXTURE_NOW + 119_000))).failure).toBe('rate-limited');
    expect(fetch.calls).toHaveLength(1);
    limited = false;
    const after = await adapter.enrich(['4101'], opts(FIXTURE_NOW + 121_000));
    expect(after.failure).toBeUndefined();
    expect(after.facts.get('4101')!.exact).toBe(true);
  });

  it('the fake site’s own rate limit carries Retry-After too', async () => {
    const fetch = fakeFetch(sites({ api: 'rate-limited' }));
    const adapter = adapterWith(fetch);
    expect((await adapter.enrich(['4101'], opts())).failure).toBe('rate-limited');
    await adapter.enrich(['4101'], opts(FIXTURE_NOW + 59_000));
    expect(fetch.calls).toHaveLength(1);
  });

  it('5xx → server-error, with exponential backoff per origin', async () => {
    const fetch = fakeFetch(sites({ api: 'server-error' }));
    const adapter = adapterWith(fetch, { backoffBaseMs: 5000 });
    const at = (s: number) => opts(FIXTURE_NOW + s * 1000);
    expect((await adapter.enrich(['4101'], at(0))).failure).toBe('server-error');
    await adapter.enrich(['4101'], at(4));
    expect(fetch.calls).toHaveLength(1);
    await adapter.enrich(['4101'], at(5));
    await adapter.enrich(['4101'], at(14));
    expect(fetch.calls).toHaveLength(2);
  });

  it('audits failing for one ticket leave that ticket without history, not exact; the others are whole', async () => {
    for (const broken of [json(500, '{}'), json(404, '{"error":"RecordNotFound"}'), json(200, '{"audits": "nope"}'), json(200, '{"audits": [tru')]) {
      const fetch = fakeFetch(sites(), (call) => (call.url.pathname === '/api/v2/tickets/4104/audits.json' ? broken.clone() : undefined));
      const result = await adapterWith(fetch).enrich(['4101', '4104', '4105'], opts());
      expect(result.failure).toBeUndefined();
      expect(result.facts.get('4104')).toMatchObject({ exact: false, status: 'pending' });
      expect(result.facts.get('4104')).not.toHaveProperty('statusHistory');
      expect(result.facts.get('4104')).not.toHaveProperty('firstResponseAt');
      expect(result.facts.get('4101')!.exact).toBe(true);
      expect(result.facts.get('4105')!.exact).toBe(true);
    }
  });

  it('a rate limit on audits stops the rest: those tickets come without history, and the origin backs off', async () => {
    // The rows in view have two audits in flight: 4101's answer lands after 4102's 429.
    const fetch = fakeFetch(sites(), async (call) => {
      if (call.url.pathname === '/api/v2/tickets/4102/audits.json') return json(429, '{}', { 'Retry-After': '30' });
      if (call.url.pathname === '/api/v2/tickets/4101/audits.json') await new Promise((r) => setTimeout(r, 20));
      return undefined;
    });
    const adapter = adapterWith(fetch, { auditConcurrency: 1 });
    const result = await adapter.enrich(['4101', '4102', '4103', '4104'], opts());
    expect(result.failure).toBe('rate-limited');
    expect(fetch.paths('/api/v2/tickets/41').filter((p) => p.endsWith('audits.json'))).toEqual(['/api/v2/tickets/4101/audits.json', '/api/v2/tickets/4102/audits.json']);
    expect([...result.facts.values()].map((f) => [f.key, f.exact])).toEqual([
      ['4101', true],
      ['4102', false],
      ['4103', false],
      ['4104', false],
    ]);
    const during = fetch.calls.length;
    await adapter.enrich(['4105'], opts(FIXTURE_NOW + 29_000));
    expect(fetch.calls.length).toBe(during);
  });

  it('names that cannot be read leave the facts approximate, without backing off for a 403', async () => {
    const data = sites();
    const fetch = fakeFetch(data, (call) => (call.url.pathname === '/api/v2/groups.json' ? json(403, '{"error":"Forbidden"}') : withoutNameSideloads(data, call)));
    const result = await adapterWith(fetch).enrich(['4101'], opts());
    expect(result.failure).toBeUndefined();
    expect(result.facts.get('4101')).toMatchObject({ exact: false, organization: 'Globex', fields: { group_id: 360002 } });
    expect(result.facts.get('4101')).not.toHaveProperty('group');
  });

  it('403 on Show Many → forbidden for the batch (not signed-out), and backs off, as a Jira search does', async () => {
    const fetch = fakeFetch(sites(), (call) => (isShowMany(call) ? json(403, '{"error":"Forbidden"}') : undefined));
    const adapter = adapterWith(fetch);
    expect(await adapter.enrich(['4101', '4104'], opts())).toEqual({ facts: new Map(), failure: 'forbidden' });
    expect(await adapter.enrich(['4101'], opts(FIXTURE_NOW + 1000))).toEqual({ facts: new Map(), failure: 'forbidden' });
    expect(fetch.calls).toHaveLength(1);
  });

  it('403 on one ticket’s audits is that ticket’s: it comes without history, the others are whole, nothing backs off', async () => {
    const fetch = fakeFetch(sites(), (call) => (call.url.pathname === '/api/v2/tickets/4104/audits.json' ? json(403, '{"error":"Forbidden"}') : undefined));
    const result = await adapterWith(fetch).enrich(['4101', '4104', '4105'], opts());
    expect(result.failure).toBeUndefined();
    expect(result.facts.get('4104')).toMatchObject({ exact: false, status: 'pending' });
    expect(result.facts.get('4104')).not.toHaveProperty('statusHistory');
    expect(result.facts.get('4101')!.exact).toBe(true);
    expect(result.facts.get('4105')!.exact).toBe(true);
  });

  it('bad JSON or the wrong shape from Show Many → bad-response', async () => {
    for (const body of ['{"tickets": [unterminated', '{"results": []}']) {
      const fetch = fakeFetch(sites(), (call) => (isShowMany(call) ? json(200, body) : undefined));
      expect(await adapterWith(fetch).enrich(['4101'], opts())).toEqual({ facts: new Map(), failure: 'bad-response' });
    }
  });

  it('aborting mid-batch answers network at once, cancels the requests, and does not back off', async () => {
    const controller = new AbortController();
    let aborted = 0;
    const fetch = fakeFetch(sites(), (call) =>
      call.url.pathname.endsWith('/audits.json') && !call.init.signal!.aborted && call.url.pathname.includes('4101')
        ? new Promise<Response>((_, reject) =>
            call.init.signal!.addEventListener('abort', () => {
              aborted += 1;
              reject(new DOMException('Aborted', 'AbortError'));
            }),
          )
        : undefined,
    );
    const adapter = adapterWith(fetch);
    const pending = adapter.enrich(['4101'], opts(FIXTURE_NOW, controller.signal));
    await vi.waitFor(() => expect(fetch.paths('/api/v2/tickets/4101/audits').length).toBe(1));
    controller.abort();
    expect(await pending).toEqual({ facts: new Map(), failure: 'network' });
    await vi.waitFor(() => expect(aborted).toBe(1));
    expect((await adapter.enrich(['4102'], opts(FIXTURE_NOW + 10))).failure).toBeUndefined();
  });
});

describe('every request stays on the page’s origin and is bounded', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a redirect from Show Many, to another origin or its own sign-in, is never followed: a failure, and the keys fall back', async () => {
    for (const [status, location] of [
      [302, 'https://evil.example/collect'],
      [307, 'https://evil.example/collect'],
      [302, `${ZENDESK_ORIGIN}/auth/v2/login/signin`],
    ] as const) {
      const fetch = fakeFetch(sites(), (call) => (call.url.origin === ZENDESK_ORIGIN && isShowMany(call) ? redirectTo(location, status) : undefined));
      const result = await adapterWith(fetch).enrich(['4101'], opts());
      expect(result).toEqual({ facts: new Map(), failure: 'signed-out' });
      expect(fetch.calls.map((c) => c.url.origin)).toEqual([ZENDESK_ORIGIN]);
      expect(fetch.calls[0]!.init.redirect).toBe('manual');
    }
  });

  it('a Show Many that never answers is given up after the timeout: the batch fails and its keys fall back to the page', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch(sites(), (call) => (isShowMany(call) ? never() : undefined));
    let result: Awaited<ReturnType<ReturnType<typeof adapterWith>['enrich']>> | undefined;
    void adapterWith(fetch)
      .enrich(['4101', '4102'], opts())
      .then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(19_000);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(result).toEqual({ facts: new Map(), failure: 'network' });
  });

  it('one ticket’s audits that never answer leave that ticket without history; the timeout is an option', async () => {
    const fetch = fakeFetch(sites(), (call) => (call.url.pathname === '/api/v2/tickets/4104/audits.json' ? never() : undefined));
    const result = await adapterWith(fetch, { timeoutMs: 50 }).enrich(['4101', '4104'], opts());
    // The network failing on one request stops the rest and backs off, as before; the ticket itself is still badged.
    expect(result.failure).toBe('network');
    expect(result.facts.get('4104')).toMatchObject({ exact: false, status: 'pending' });
    expect(result.facts.get('4104')).not.toHaveProperty('statusHistory');
  });

  it('an oversized Show Many is refused, whether its Content-Length says so or its body runs on', async () => {
    const data = sites();
    const real = handle(data, { method: 'GET', url: new URL(`${ZENDESK_ORIGIN}/api/v2/tickets/show_many.json?ids=4101&include=slas,users`) })!.body;
    const declared = fakeFetch(data, (call) => (isShowMany(call) ? json(200, real, { 'Content-Length': String(64 * 1024 * 1024) }) : undefined));
    expect(await adapterWith(declared).enrich(['4101'], opts())).toEqual({ facts: new Map(), failure: 'bad-response' });
    let pulled = () => 0;
    const streamed = fakeFetch(data, (call) => {
      if (!isShowMany(call)) return undefined;
      const padded = paddedJson(real, 32 * 1024 * 1024);
      pulled = padded.pulled;
      return padded.response;
    });
    expect(await adapterWith(streamed, { maxBytes: 1024 * 1024 }).enrich(['4101'], opts())).toEqual({ facts: new Map(), failure: 'bad-response' });
    expect(pulled()).toBeLessThan(24);
  });

  it('Retry-After: 1e9 blocks the origin for 15 minutes at most', async () => {
    let limited = true;
    const fetch = fakeFetch(sites(), () => (limited ? json(429, '{}', { 'Retry-After': '1e9' }) : undefined));
    const adapter = adapterWith(fetch);
    expect((await adapter.enrich(['4101'], opts())).failure).toBe('rate-limited');
    limited = false;
    expect((await adapter.enrich(['4101'], opts(FIXTURE_NOW + MAX_RETRY_AFTER_MS - 1))).failure).toBe('rate-limited');
    expect(fetch.calls).toHaveLength(1);
    const after = await adapter.enrich(['4101'], opts(FIXTURE_NOW + MAX_RETRY_AFTER_MS));
    expect(after.failure).toBeUndefined();
    expect(after.facts.has('4101')).toBe(true);
  });
});

describe('audits: only what SLA Lens uses is kept', () => {
  const PRIVATE = 'Internal: customer is on the churn list, card ending 4242';
  const PUBLIC = 'Thanks, we refunded the order; tracking 1Z999';
  /** The fake site's audits, with a private note and a public reply whose bodies are easy to look for. */
  const withBodies = (data: FakeSiteData) => (call: Call) => {
    if (!call.url.pathname.endsWith('/audits.json')) return undefined;
    const res = handle(data, { method: 'GET', url: call.url })!;
    const body = JSON.parse(res.body) as { audits: Array<Record<string, unknown>> };
    const last = body.audits.at(-1)!;
    body.audits.push({
      ...last,
      id: 999_001,
      created_at: '2030-01-01T00:00:00Z',
      events: [
        { id: 1, type: 'Comment', author_id: 7, body: PRIVATE, html_body: `<p>${PRIVATE}</p>`, plain_body: PRIVATE, public: false, attachments: [] },
        { id: 2, type: 'Comment', author_id: 7, body: PUBLIC, html_body: `<p>${PUBLIC}</p>`, plain_body: PUBLIC, public: true, attachments: [] },
      ],
    });
    return json(200, JSON.stringify(body));
  };

  it('the cache holds status changes and comment times (a private note’s as such), never a comment’s body', async () => {
    const data = sites();
    const cache = new TrailCache();
    const result = await adapterWith(fakeFetch(data, withBodies(data)), { trailCache: cache }).enrich(['4101', '4104', '4106'], opts());
    expect(result.failure).toBeUndefined();
    expect(cache.size).toBe(3);
    const kept = JSON.stringify([...cache.values()]);
    for (const text of [PRIVATE, PUBLIC, 'Please help', 'html_body', 'plain_body', '"body"', 'metadata', 'ip_address', 'Request received']) expect(kept).not.toContain(text);
    for (const { trail } of cache.values()) {
      expect(Object.keys(trail).sort()).toEqual(expect.arrayContaining(['changes', 'comments', 'complete']));
      for (const c of trail.comments) expect(Object.keys(c).every((k) => k === 'at' || k === 'author' || k === 'public')).toBe(true);
    }
    // The facts are read from the kept trail alone.
    expect(result.facts.get('4101')).toMatchObject({ exact: true, statusHistory: expect.any(Array), firstResponseAt: expect.any(Number) });
  });

  it('keeps the most recently used tickets only: an evicted one’s audits are asked again', async () => {
    const data = sites();
    const fetch = fakeFetch(data);
    const cache = new TrailCache(2);
    const adapter = adapterWith(fetch, { trailCache: cache, ttlMs: 1 });
    await adapter.enrich(['4101', '4104', '4106'], opts());
    expect(cache.size).toBe(2);
    const audited = () => fetch.paths('/api/v2/tickets/').filter((p) => p.endsWith('/audits.json')).length;
    const before = audited();
    await adapter.enrich(['4101', '4104', '4106'], opts(FIXTURE_NOW + 10));
    // Unchanged tickets whose trails are still kept are not asked again; the evicted one is.
    expect(audited() - before).toBe(1);
    expect(cache.size).toBe(2);
  });

  it('TrailCache: least recently used out first', () => {
    const cache = new TrailCache(2);
    const t = (stamp: string) => ({ stamp, trail: { changes: [], comments: [], complete: true } });
    cache.set(ZENDESK_ORIGIN, 1, t('a'));
    cache.set(ZENDESK_ORIGIN, 2, t('b'));
    expect(cache.get(ZENDESK_ORIGIN, 1)?.stamp).toBe('a');
    cache.set(ZENDESK_ORIGIN, 3, t('c'));
    expect(cache.get(ZENDESK_ORIGIN, 2)).toBeUndefined();
    expect(cache.get(ZENDESK_ORIGIN, 1)?.stamp).toBe('a');
    expect(cache.get('https://other.zendesk.com', 1)).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

describe('the adapter', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('owns zendesk.com hosts, and recognises host-mapped agent pages by their Garden markup alone', () => {
    const adapter = createZendeskAdapter();
    const blank = (url: string, html = '<p>hello</p>') => [new URL(url), renderHtml(html, url)] as const;
    expect(adapter.ownsHost(new URL(`${ZENDESK_ORIGIN}/agent/home/tickets`))).toBe(true);
    expect(adapter.ownsHost(new URL('https://support.acme-corp.test/agent/filters/1'))).toBe(false);
    expect(adapter.recognises(...blank('https://support.acme-corp.test/agent/filters/1', '<div data-garden-id="pane"></div>'))).toBe(true);
    expect(adapter.recognises(...blank('https://support.acme-corp.test/agent/filters/1'))).toBe(false);
    expect(adapter.recognises(...blank('https://support.acme-corp.test/hc/en-us', '<div data-garden-id="pane"></div>'))).toBe(false);
    expect(adapter.source).toBe('zendesk');
  });

  it('the two adapters: each vendor’s host decides alone, and a page only one vendor’s markup claims is that vendor’s', () => {
    const adapters = [jiraAdapter, zendeskAdapter];
    for (const page of ['cloud-queue', 'cloud-issue', 'dc-board'] as const) {
      const { document, url } = renderJiraFixture(page);
      expect(adapterFor(adapters, url, document), page).toBe(jiraAdapter);
    }
    for (const page of FIXTURE_PAGES) {
      const { document, url } = renderFixture(page);
      expect(adapterFor(adapters, url, document), page).toBe(zendeskAdapter);
    }
    // Garden markup on Jira's host, Jira's meta tag on Zendesk's: the host decides.
    expect(adapterFor(adapters, new URL(`${JIRA_ORIGIN}/agent/filters/1`), renderHtml('<div data-garden-id="x"></div>', JIRA_ORIGIN))).toBe(jiraAdapter);
    const claimsJira = '<meta name="application-name" content="JIRA"><div id="jira"></div>';
    expect(adapterFor(adapters, new URL(`${ZENDESK_ORIGIN}/agent/filters/1`), renderHtml(claimsJira, ZENDESK_ORIGIN))).toBe(zendeskAdapter);
    // A Help Center page on Zendesk's own host (the tenant writes its theme), even one that copies
    // the agent interface's table and says it is Jira: read by neither.
    const helpCenter = `${ZENDESK_ORIGIN}/hc/en-us/requests`;
    const mimic = '<meta name="application-name" content="JIRA"><div data-garden-id="pane"><table><tr aria-describedby="generic-table-row-4101"><td>#4101</td></tr></table></div>';
    expect(adapterFor(adapters, new URL(helpCenter), renderHtml(mimic, helpCenter))).toBeNull();
    // On a self-hosted site, what the admin declared it to be decides; its markup only confirms.
    const mapped = 'https://support.acme-corp.test';
    expect(adapterFor(adapters, new URL(`${mapped}/hc/en-us`), renderHtml(mimic, `${mapped}/hc/en-us`), 'zendesk')).toBeNull();
    expect(adapterFor(adapters, new URL(`${mapped}/agent/filters/1`), renderHtml(mimic, `${mapped}/agent/filters/1`), 'zendesk')).toBe(zendeskAdapter);
    expect(adapterFor(adapters, new URL(`${mapped}/agent/filters/1`), renderHtml(mimic, `${mapped}/agent/filters/1`), 'jira')).toBe(jiraAdapter);
    // A self-hosted page that looks like both is read by neither.
    const both = 'https://jira.acme-corp.test/agent/x';
    expect(adapterFor(adapters, new URL(both), renderHtml(`${claimsJira}<div data-garden-id="pane"></div>`, both))).toBeNull();
    expect(adapterFor(adapters, new URL('https://intranet.example.com/'), renderHtml('<p>hello</p>', 'https://intranet.example.com/'))).toBeNull();
  });

  it('finds tickets through the page readers', () => {
    const { document, url } = renderFixture('ticket');
    expect(zendeskAdapter.find(document.body, url).filter((t) => t.key === '4105')).toHaveLength(2);
    expect(URLS.zendeskTicket(4105)).toBe(url.href);
  });

  it('the default instance uses the global fetch, looked up when called', async () => {
    const fetch = fakeFetch(sites());
    vi.stubGlobal('fetch', fetch);
    const result = await zendeskAdapter.enrich(['4105'], opts());
    expect(result.facts.has('4105')).toBe(true);
    expect(fetch.calls.length).toBeGreaterThan(0);
  });
});
