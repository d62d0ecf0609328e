import { describe, expect, it } from 'vitest';
import { handle, SESSION_COOKIE, ZENDESK_MAPPED_ORIGIN, ZENDESK_ORIGIN, type FakeSiteData } from './index';
import { sampleZendeskTickets } from './samples';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const BIG = Array.from({ length: 250 }, (_, i) => 9000 + i);
const sites = (extra: Partial<FakeSiteData> = {}): FakeSiteData => ({
  jira: [],
  zendesk: sampleZendeskTickets(NOW),
  zendeskViews: { '360000001': [4102, 4101, 4103], '360000009': BIG },
  zendeskSearches: { 'status<solved': [4101, 4104], refund: BIG },
  ...extra,
});
const get = (data: FakeSiteData, path: string, cookie?: string) => handle(data, { method: 'GET', url: new URL(path, ZENDESK_ORIGIN), ...(cookie ? { cookie } : {}) })!;
const body = (data: FakeSiteData, path: string) => JSON.parse(get(data, path).body) as Record<string, any>;
const ids = (list: Array<{ id: number }>) => list.map((t) => t.id);

/** Every page from `path` on, by each answer's `links.next` while `meta.has_more`. */
function allPages(data: FakeSiteData, path: string, key: 'tickets' | 'results') {
  const pages: Array<Record<string, any>> = [];
  let next: string | null = path;
  while (next) {
    const page = body(data, next);
    pages.push(page);
    next = page.meta.has_more ? page.links.next : null;
    expect(pages.length).toBeLessThan(50);
  }
  return { pages, ids: pages.flatMap((p) => ids(p[key])) };
}

describe('the fake Zendesk API: List Tickets From a View', () => {
  it('pages a view by cursor, at most 100 a page, with meta.has_more, meta.after_cursor and links.next', () => {
    const data = sites();
    const { pages, ids: seen } = allPages(data, '/api/v2/views/360000009/tickets.json?page[size]=100', 'tickets');
    expect(pages.map((p) => p.tickets.length)).toEqual([100, 100, 50]);
    expect(seen).toEqual(BIG);
    expect(pages.map((p) => p.meta.has_more)).toEqual([true, true, false]);
    expect(pages[2]!.links.next).toBeNull();
    // The next page is the same request with `page[after]` set to the cursor, as the docs describe.
    const next = new URL(pages[0]!.links.next);
    expect(next.origin).toBe(ZENDESK_ORIGIN);
    expect(next.searchParams.get('page[after]')).toBe(pages[0]!.meta.after_cursor);
    expect(next.searchParams.get('page[size]')).toBe('100');
    expect(pages[0]).not.toHaveProperty('count');
  });

  it('caps page[size] at 100, refuses a page size or cursor it did not give, and answers without .json too', () => {
    const data = sites();
    expect(body(data, '/api/v2/views/360000009/tickets.json?page[size]=500').tickets).toHaveLength(100);
    expect(body(data, '/api/v2/views/360000001/tickets?page[size]=2').tickets.map((t: { id: number }) => t.id)).toEqual([4102, 4101]);
    expect(get(data, '/api/v2/views/360000009/tickets.json?page[size]=0')).toMatchObject({ status: 400 });
    expect(get(data, '/api/v2/views/360000009/tickets.json?page[size]=100&page[after]=not-a-cursor')).toMatchObject({ status: 400 });
  });

  it('serves the tickets it holds as show_many does, and a bare open ticket in the same shape for an id it does not hold', () => {
    const data = sites();
    const [held] = body(data, '/api/v2/views/360000001/tickets.json?page[size]=1').tickets;
    expect(held).toEqual(body(data, '/api/v2/tickets/show_many.json?ids=4102').tickets[0]);
    const [bare] = body(data, '/api/v2/views/360000009/tickets.json?page[size]=1').tickets;
    expect(bare).toMatchObject({ id: 9000, subject: 'Ticket 9000', status: 'open', url: `${ZENDESK_ORIGIN}/api/v2/tickets/9000.json` });
    expect(Object.keys(bare).sort()).toEqual(Object.keys(held).sort());
  });

  it('pages by offset when asked without page[size], as the docs allow', () => {
    const page = body(sites(), '/api/v2/views/360000009/tickets.json?per_page=100&page=2');
    expect(ids(page.tickets)).toEqual(BIG.slice(100, 200));
    expect(page).toMatchObject({ count: 250, next_page: `${ZENDESK_ORIGIN}/api/v2/views/360000009/tickets.json?per_page=100&page=3` });
  });

  it('sorts by a view column (updated, nice_id), descending unless asked otherwise, the sort carried to the next page; refuses another sort', () => {
    const data = sites();
    // Sample tickets carry their own updated_at; an id it does not hold is a bare ticket updated long ago.
    const byUpdated = body(data, '/api/v2/views/360000001/tickets.json?sort_by=updated&per_page=100');
    const stamps = byUpdated.tickets.map((t: { updated_at: string }) => Date.parse(t.updated_at));
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    expect(ids(byUpdated.tickets).sort()).toEqual([4101, 4102, 4103]);
    const first = body(data, '/api/v2/views/360000009/tickets.json?sort_by=nice_id&sort_order=asc&per_page=100');
    expect(ids(first.tickets)).toEqual(BIG.slice(0, 100));
    const next = new URL(first.next_page);
    expect([next.searchParams.get('sort_by'), next.searchParams.get('sort_order'), next.searchParams.get('page')]).toEqual(['nice_id', 'asc', '2']);
    expect(ids(body(data, '/api/v2/views/360000009/tickets.json?sort_by=nice_id&per_page=100').tickets)[0]).toBe(BIG[249]);
    expect(get(data, '/api/v2/views/360000009/tickets.json?sort_by=subject')).toMatchObject({ status: 400 });
    expect(get(data, '/api/v2/views/360000009/tickets.json?sort_by=updated&sort_order=up')).toMatchObject({ status: 400 });
  });

  it('answers 404 in Zendesk’s error shape for a view it does not have, or when it has no views at all', () => {
    for (const data of [sites(), { jira: [], zendesk: sampleZendeskTickets(NOW) }]) {
      const res = get(data, '/api/v2/views/42/tickets.json?page[size]=100');
      expect(res.status).toBe(404);
      expect(JSON.parse(res.body)).toEqual({ error: 'RecordNotFound', description: 'Not found' });
    }
  });
});

describe('the fake Zendesk API: Count Tickets in View', () => {
  it('counts a view in the documented shape, fresh, pretty-printed as the docs’ example (719 → ~700)', () => {
    const data = sites({ zendeskViews: { '25': Array.from({ length: 719 }, (_, i) => i + 1), '360000001': [4101] } });
    expect(body(data, '/api/v2/views/25/count.json')).toEqual({
      view_count: { view_id: 25, url: `${ZENDESK_ORIGIN}/api/v2/views/25/count.json`, value: 719, pretty: '~700', fresh: true },
    });
    expect(body(data, '/api/v2/views/360000001/count').view_count).toMatchObject({ value: 1, pretty: '1' });
    expect(get(data, '/api/v2/views/42/count.json').status).toBe(404);
  });
});

describe('the fake Zendesk API: Export Search Results', () => {
  const exportPath = (query: string, extra = '&filter[type]=ticket&page[size]=100') => `/api/v2/search/export.json?query=${encodeURIComponent(query)}${extra}`;

  it('pages the tickets a search matches by cursor, each a ticket result, with no count', () => {
    const { pages, ids: seen } = allPages(sites(), exportPath('refund'), 'results');
    expect(seen).toEqual(BIG);
    expect(pages.map((p) => p.results.length)).toEqual([100, 100, 50]);
    expect(pages[0]).toMatchObject({ facets: null, meta: { has_more: true, before_cursor: null }, links: { prev: null } });
    expect(pages[0]).not.toHaveProperty('count');
    expect(pages[0]!.results[0]).toMatchObject({ id: 9000, result_type: 'ticket' });
    const held = body(sites(), exportPath('status<solved'));
    expect(ids(held.results)).toEqual([4101, 4104]);
    expect(held.results[0]).toMatchObject({ subject: 'Checkout page returns 502 for EU customers', result_type: 'ticket' });
  });

  it('gives at most 1,000 a page, 100 when page[size] is absent', () => {
    const many = sites({ zendeskSearches: { all: Array.from({ length: 1200 }, (_, i) => i + 1) } });
    expect(body(many, exportPath('all', '&filter[type]=ticket&page[size]=5000')).results).toHaveLength(1000);
    expect(body(many, exportPath('all', '&filter[type]=ticket')).results).toHaveLength(100);
  });

  it('finds the tickets changed in the last n minutes (updated>{n}minutes), by its clock', () => {
    const data = sites({ now: () => NOW });
    const changed = (n: number) => ids(body(data, `/api/v2/search/export.json?query=${encodeURIComponent(`updated>${n}minutes`)}&filter[type]=ticket`).results).sort();
    const expected = (n: number) =>
      data.zendesk
        .filter((t) => t.updated > NOW - n * 60_000)
        .map((t) => t.id)
        .sort();
    expect(changed(60 * 24 * 30)).toEqual(expected(60 * 24 * 30));
    expect(changed(60 * 24 * 30).length).toBeGreaterThan(changed(30).length);
    expect(changed(30)).toEqual(expected(30));
  });

  it('matches nothing for a query it does not know, or for another type than ticket', () => {
    expect(body(sites(), exportPath('no such thing'))).toMatchObject({ results: [], meta: { has_more: false }, links: { next: null } });
    expect(body(sites(), exportPath('refund', '&filter[type]=user')).results).toEqual([]);
  });

  it('refuses a search without filter[type], with a type in the query, or with no query, in the documented error shape', () => {
    for (const path of [exportPath('refund', ''), exportPath('type:ticket refund'), exportPath('   ')]) {
      const res = get(sites(), path);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({ error: 'invalid', description: expect.stringMatching(/^Invalid search: /) });
    }
  });
});

describe('the fake Zendesk API: the watched-scope answers keep the site’s session rule and failures', () => {
  const paths = ['/api/v2/views/360000001/tickets.json?page[size]=100', '/api/v2/views/360000001/count.json', '/api/v2/search/export.json?query=refund&filter[type]=ticket'];

  it('answers a request without the session with the sign-in page, and one with it with JSON', () => {
    const data = sites({ requireSession: true });
    for (const path of paths) {
      expect(get(data, path)).toMatchObject({ status: 200, contentType: expect.stringMatching(/^text\/html/), body: expect.stringMatching(/Sign in to/) });
      expect(get(data, path, SESSION_COOKIE)).toMatchObject({ status: 200, contentType: expect.stringMatching(/^application\/json/) });
    }
  });

  it('simulates the signed-out, rate-limited and failing API, logs every request, and serves the mapped host alike', () => {
    for (const path of paths) {
      expect(get(sites({ api: 'login-page' }), path).body).toMatch(/Sign in to/);
      expect(get(sites({ api: 'rate-limited' }), path)).toMatchObject({ status: 429, headers: { 'Retry-After': '60' } });
      expect(get(sites({ api: 'server-error' }), path).status).toBe(503);
    }
    const data = sites({ apiLog: [] });
    for (const path of paths) get(data, path);
    expect(data.apiLog!.map((r) => r.url.pathname)).toEqual(paths.map((p) => p.split('?')[0]));
    const mapped = handle(sites(), { method: 'GET', url: new URL('/api/v2/views/360000001/tickets.json?page[size]=100', ZENDESK_MAPPED_ORIGIN) })!;
    expect(ids(JSON.parse(mapped.body).tickets)).toEqual([4102, 4101, 4103]);
  });
});
