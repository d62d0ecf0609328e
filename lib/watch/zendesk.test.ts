import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handle, SESSION_COOKIE, ZENDESK_MAPPED_ORIGIN, ZENDESK_ORIGIN, type FakeSiteData } from '../../testing/sites/index';
import { sampleZendeskTickets } from '../../testing/sites/samples';
import type { Fetch, RequestContext } from '../sources/http';
import type { ScopeListing, ZendeskScopeQuery } from './types';
import { listZendeskChanges, listZendeskScope, SEARCH_LAG_MS } from './zendesk';

const NOW = Date.parse('2026-11-26T10:00:00Z');
const ORIGIN = 'https://acme.zendesk.com';
const SITE = 'acme.zendesk.com';
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./__fixtures__/zendesk/${name}`, import.meta.url), 'utf8')) as Record<string, any>;

/** What the fake answers: a JSON body unless `contentType` says otherwise. */
interface Answer {
  status?: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A `fetch` that answers from `route` and records every request it was given. */
function fakeFetch(route: (url: URL) => Answer | Promise<Answer>) {
  const calls: Array<{ url: URL; init: RequestInit }> = [];
  const fn: Fetch = async (input, init) => {
    const url = new URL(input);
    calls.push({ url, init });
    const a = await route(url);
    const body = typeof a.body === 'string' ? a.body : JSON.stringify(a.body ?? {});
    return new Response(body, { status: a.status ?? 200, headers: { 'Content-Type': a.contentType ?? 'application/json; charset=utf-8', ...a.headers } });
  };
  return Object.assign(fn, { calls });
}

const context = (fetch: Fetch, signal = new AbortController().signal, origin = ORIGIN): RequestContext => ({ fetch, origin, signal, now: NOW });
const view = (id = '360001'): ZendeskScopeQuery => ({ kind: 'view', view: id });
const search = (text: string): ZendeskScopeQuery => ({ kind: 'search', search: text });
const failure = (l: ScopeListing) => (l.ok ? undefined : l);

/** A ticket as List Tickets From a View gives it (the docs' abbreviated form). */
const ticket = (id: number) => ({ id, requester_id: 20978392, subject: `Ticket ${id}` });
/** A cursor page in the documented shape (cursor pagination guide): `meta` and `links`. */
function cursorPage(key: 'tickets' | 'results', items: object[], after: string | null, path = '/api/v2/views/360001/tickets.json') {
  return {
    [key]: items,
    meta: { has_more: after !== null, after_cursor: after, before_cursor: null },
    links: { next: after === null ? null : `${ORIGIN}${path}?page[size]=100&page[after]=${after}`, prev: null },
  };
}
/** A view of `total` tickets (ids from 1), 100 a page, its cursor the offset; `count` is its Count Tickets in View. */
function viewSite(total: number, count: unknown = { view_count: { view_id: 360001, url: `${ORIGIN}/api/v2/views/360001/count.json`, value: total, pretty: String(total), fresh: true } }) {
  return fakeFetch((url) => {
    if (url.pathname === '/api/v2/views/360001/count.json') return { body: count };
    if (url.pathname !== '/api/v2/views/360001/tickets.json') return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
    const start = Number(url.searchParams.get('page[after]') ?? 0);
    const end = Math.min(total, start + 100);
    const items = Array.from({ length: end - start }, (_, i) => ticket(start + i + 1));
    return { body: cursorPage('tickets', items, end < total ? String(end) : null) };
  });
}

/** Every request was a GET for JSON to the scope's origin, never anywhere else. */
function expectGetsTo(fetch: ReturnType<typeof fakeFetch>, origin = ORIGIN) {
  for (const { url, init } of fetch.calls) {
    expect(url.origin).toBe(origin);
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect((init.headers as Record<string, string>).Accept).toBe('application/json');
  }
}

describe('listZendeskScope: a view', () => {
  it('counts the view, then pages through its tickets by cursor, 100 a page, giving the ids in order', async () => {
    const fetch = viewSite(250);
    const listing = await listZendeskScope(context(fetch), ORIGIN, view(), 10_000);
    expect(listing).toEqual({ ok: true, keys: Array.from({ length: 250 }, (_, i) => String(i + 1)), requests: 4 });
    expect(fetch.calls.map((c) => c.url.pathname)).toEqual(['/api/v2/views/360001/count.json', ...Array(3).fill('/api/v2/views/360001/tickets.json')]);
    expect(fetch.calls.map((c) => c.url.searchParams.get('page[size]'))).toEqual([null, '100', '100', '100']);
    // Each next page asks from the last page's `meta.after_cursor`.
    expect(fetch.calls.map((c) => c.url.searchParams.get('page[after]'))).toEqual([null, null, '100', '200']);
    expectGetsTo(fetch);
  });

  it('reads the documented example answers: the tickets of List Tickets From a View, and no meta means one page', async () => {
    const fetch = fakeFetch((url) => (url.pathname.endsWith('/count.json') ? { body: fixture('views.count.200.json') } : { body: fixture('views.tickets.200.json') }));
    expect(await listZendeskScope(context(fetch), ORIGIN, view('25'))).toEqual({ ok: true, keys: ['35436', '20057623'], requests: 2 });
  });

  it('refuses a view whose count passes the cap before reading a single page of it', async () => {
    const fetch = fakeFetch((url) => (url.pathname.endsWith('/count.json') ? { body: fixture('views.count.200.json') } : { body: fixture('views.tickets.200.json') }));
    const listing = failure(await listZendeskScope(context(fetch), ORIGIN, view('25'), 500));
    expect(listing).toMatchObject({ failure: 'too-many', requests: 1 });
    expect(listing?.message).toBe('View 25 on acme.zendesk.com holds about 719 tickets; SLA Lens watches at most 500 a scope: narrow it.');
    expect(fetch.calls).toHaveLength(1);
  });

  it('pages a view whose count is still being computed (value null, fresh false), and refuses it as soon as paging passes the cap', async () => {
    const counting = { view_count: fixture('views.count_many.200.json').view_counts[1] };
    expect(counting.view_count).toMatchObject({ value: null, fresh: false });
    const fetch = viewSite(1000, counting);
    const listing = failure(await listZendeskScope(context(fetch), ORIGIN, view(), 150));
    expect(listing).toMatchObject({ failure: 'too-many', requests: 3 });
    expect(listing?.message).toBe('View 360001 on acme.zendesk.com holds more than 150 tickets; SLA Lens watches at most 150 a scope: narrow it.');
    // The count, then two pages: the second passed the cap, so no third was asked for.
    expect(fetch.calls).toHaveLength(3);
  });

  it('does not refuse on a stale count (fresh false), nor list from a count: the pages decide', async () => {
    const stale = { view_count: { view_id: 360001, url: `${ORIGIN}/api/v2/views/360001/count.json`, value: 5000, pretty: '~5000', fresh: false } };
    expect(await listZendeskScope(context(viewSite(120, stale)), ORIGIN, view(), 200)).toMatchObject({ ok: true, requests: 3 });
    const zero = { view_count: { view_id: 360001, url: `${ORIGIN}/api/v2/views/360001/count.json`, value: 0, pretty: '0', fresh: true } };
    const listing = await listZendeskScope(context(viewSite(3, zero)), ORIGIN, view());
    expect(listing).toEqual({ ok: true, keys: ['1', '2', '3'], requests: 2 });
  });

  it('a view at exactly the cap is listed', async () => {
    expect(await listZendeskScope(context(viewSite(200)), ORIGIN, view(), 200)).toMatchObject({ ok: true, requests: 3 });
  });

  it('says a view that does not exist (404), on the count or on the tickets, in one sentence naming the site', async () => {
    const missing = fakeFetch(() => ({ status: 404, body: { error: 'RecordNotFound', description: 'Not found' } }));
    expect(await listZendeskScope(context(missing), ORIGIN, view())).toEqual({
      ok: false,
      failure: 'not-found',
      message: 'View 360001 does not exist on acme.zendesk.com, or you cannot see it.',
      requests: 1,
    });
    const gone = fakeFetch((url) => (url.pathname.endsWith('/count.json') ? { body: fixture('views.count.200.json') } : { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } }));
    expect(await listZendeskScope(context(gone), ORIGIN, view())).toMatchObject({ failure: 'not-found', requests: 2 });
    const page = fakeFetch(() => ({ status: 404, contentType: 'text/html', body: '<h1>Page not found</h1>' }));
    expect(await listZendeskScope(context(page), ORIGIN, view())).toMatchObject({ failure: 'not-found', requests: 1 });
  });

  it('goes on without the count when only the count fails for a passing reason (its own rate limit is 5 a minute per view)', async () => {
    for (const answer of [{ status: 429, headers: { 'Retry-After': '30' } }, { status: 503 }, { status: 200, body: { view_count: { value: 'lots' } } }]) {
      const fetch = fakeFetch((url) => (url.pathname.endsWith('/count.json') ? answer : { body: cursorPage('tickets', [ticket(7)], null) }));
      expect(await listZendeskScope(context(fetch), ORIGIN, view())).toEqual({ ok: true, keys: ['7'], requests: 2 });
    }
  });

  it('stops at the count when it says the session or the account cannot read the view', async () => {
    const signedOut = fakeFetch(() => ({ status: 401, body: { error: 'Couldn’t authenticate you' } }));
    expect(await listZendeskScope(context(signedOut), ORIGIN, view())).toMatchObject({ failure: 'signed-out', requests: 1 });
    const forbidden = fakeFetch(() => ({ status: 403, body: { error: 'Forbidden' } }));
    expect(await listZendeskScope(context(forbidden), ORIGIN, view())).toMatchObject({ failure: 'forbidden', requests: 1 });
  });

  it('gives each id once, follows offset pagination when the site answers with it, and never a next page on another origin', async () => {
    const pages: Record<string, object> = {
      '': { tickets: [ticket(1), ticket(2)], next_page: `${ORIGIN}/api/v2/views/360001/tickets.json?page=2&per_page=100`, previous_page: null, count: 3 },
      '2': { tickets: [ticket(2), ticket(3)], next_page: null, previous_page: null, count: 3 },
    };
    const offset = fakeFetch((url) => (url.pathname.endsWith('/count.json') ? { status: 503 } : { body: pages[url.searchParams.get('page') ?? '']! }));
    expect(await listZendeskScope(context(offset), ORIGIN, view())).toEqual({ ok: true, keys: ['1', '2', '3'], requests: 3 });
    const elsewhere = fakeFetch((url) =>
      url.pathname.endsWith('/count.json') ? { status: 503 } : { body: { tickets: [ticket(1)], next_page: 'https://evil.example/api/v2/views/360001/tickets.json?page=2' } },
    );
    expect(await listZendeskScope(context(elsewhere), ORIGIN, view())).toMatchObject({ failure: 'bad-response', requests: 2 });
    expectGetsTo(elsewhere);
  });

  it('refuses an answer that repeats its cursor rather than loop, and one that says more without a way on', async () => {
    const looping = fakeFetch((url) => (url.pathname.endsWith('/count.json') ? { status: 503 } : { body: cursorPage('tickets', [ticket(1)], 'same') }));
    expect(await listZendeskScope(context(looping), ORIGIN, view())).toMatchObject({ failure: 'bad-response', requests: 3 });
    const stuck = fakeFetch((url) =>
      url.pathname.endsWith('/count.json') ? { status: 503 } : { body: { tickets: [ticket(1)], meta: { has_more: true, after_cursor: null }, links: { next: null } } },
    );
    expect(await listZendeskScope(context(stuck), ORIGIN, view())).toMatchObject({ failure: 'bad-response', requests: 2 });
  });

  it('stops after a bounded number of pages when a site keeps saying there is more without giving tickets', async () => {
    const empty = fakeFetch((url) =>
      url.pathname.endsWith('/count.json') ? { status: 503 } : { body: cursorPage('tickets', [], `c${Number(url.searchParams.get('page[after]')?.slice(1) ?? 0) + 1}`) },
    );
    const listing = await listZendeskScope(context(empty), ORIGIN, view(), 300);
    // 300 tickets need 4 pages; 10 spare pages allow for short ones.
    expect(listing).toMatchObject({ failure: 'bad-response', requests: 1 + 14 });
  });
});

describe('listZendeskScope: failures, each in one sentence naming the site', () => {
  const signIn = '<!doctype html><title>Sign in to Acme Support</title><form action="/access/login"></form>';
  const cases: Array<[string, () => Answer | Promise<Answer>, Partial<Extract<ScopeListing, { ok: false }>>, RegExp]> = [
    ['signed out: the sign-in page instead of JSON', () => ({ contentType: 'text/html; charset=utf-8', body: signIn }), { failure: 'signed-out' }, /did not answer as if you were signed in/],
    ['signed out: 401', () => ({ status: 401, body: {} }), { failure: 'signed-out' }, /signed in/],
    ['forbidden: 403', () => ({ status: 403, body: {} }), { failure: 'forbidden' }, /would not let your account list/],
    [
      'rate-limited: 429 with Retry-After',
      () => ({ status: 429, headers: { 'Retry-After': '30' }, body: { error: 'APIRateLimitExceeded' } }),
      { failure: 'rate-limited', retryAfterMs: 30_000 },
      /slow down/,
    ],
    ['server-error: 503', () => ({ status: 503, body: { error: 'ServiceUnavailable' } }), { failure: 'server-error' }, /server error/],
    ['network: the fetch fails', () => Promise.reject(new TypeError('Failed to fetch')), { failure: 'network' }, /could not be reached/],
    ['bad-response: no list of tickets', () => ({ body: { view: {} } }), { failure: 'bad-response' }, /could not read/],
    ['bad-response: a ticket without an id', () => ({ body: { tickets: [{ subject: 'x' }] } }), { failure: 'bad-response' }, /could not read/],
    ['bad-response: an unexpected status', () => ({ status: 410, body: {} }), { failure: 'bad-response' }, /could not read/],
  ];
  for (const [name, answer, expected, words] of cases) {
    it(name, async () => {
      // The count answers 503 (passed over), so the failure is the tickets page's own.
      const fetch = fakeFetch((url) => (url.pathname.endsWith('/count.json') ? { status: 503 } : answer()));
      const listing = failure(await listZendeskScope(context(fetch), ORIGIN, view()));
      expect(listing).toMatchObject({ ...expected, requests: 2 });
      expect(listing?.message).toMatch(words);
      expect(listing?.message).toContain(SITE);
      expect(listing?.message).toContain('view 360001');
      expect(listing?.message.split(/[.:;] [A-Z]/)).toHaveLength(1);
      if (expected.failure !== 'rate-limited') expect(listing).not.toHaveProperty('retryAfterMs');
    });
  }
});

describe('listZendeskScope: a search', () => {
  it('exports the search by cursor, tickets only, 100 a page, and reads the documented example page (more to come, none yet)', async () => {
    const first = fixture('search.export.200.json');
    const fetch = fakeFetch((url) =>
      url.searchParams.has('page[after]')
        ? {
            body: cursorPage(
              'results',
              [
                { ...ticket(41), result_type: 'ticket' },
                { ...ticket(42), result_type: 'ticket' },
              ],
              null,
              '/api/v2/search/export.json',
            ),
          }
        : { body: first },
    );
    const listing = await listZendeskScope(context(fetch), ORIGIN, search('status<solved group:"Tier 2"'));
    expect(listing).toEqual({ ok: true, keys: ['41', '42'], requests: 2 });
    const [one, two] = fetch.calls.map((c) => c.url);
    expect(one!.pathname).toBe('/api/v2/search/export.json');
    expect(Object.fromEntries(one!.searchParams)).toEqual({ query: 'status<solved group:"Tier 2"', 'filter[type]': 'ticket', 'page[size]': '100' });
    // The example's `links.next` is on example.zendesk.com: the next page is asked of this origin, from `meta.after_cursor`.
    expect(first.links.next).toMatch(/^https:\/\/example\.zendesk\.com\//);
    expect(two!.searchParams.get('page[after]')).toBe(first.meta.after_cursor);
    expect(two!.searchParams.get('query')).toBe('status<solved group:"Tier 2"');
    expectGetsTo(fetch);
  });

  it('leaves out a type:ticket the query names (filter[type] says it; the export refuses a type in the query)', async () => {
    const fetch = fakeFetch(() => ({ body: cursorPage('results', [], null) }));
    expect(await listZendeskScope(context(fetch), ORIGIN, search('type:ticket  status<solved TYPE:ticket'))).toEqual({ ok: true, keys: [], requests: 1 });
    expect(fetch.calls[0]!.url.searchParams.get('query')).toBe('status<solved');
  });

  it('skips results that are not tickets, and refuses a search as soon as it passes the cap', async () => {
    const mixed = fakeFetch(() => ({ body: cursorPage('results', [{ id: 1, result_type: 'user' }, { ...ticket(2), result_type: 'ticket' }, ticket(3)], null) }));
    expect(await listZendeskScope(context(mixed), ORIGIN, search('refund'))).toMatchObject({ ok: true, keys: ['2', '3'] });
    const big = fakeFetch((url) => {
      const start = Number(url.searchParams.get('page[after]') ?? 0);
      return {
        body: cursorPage(
          'results',
          Array.from({ length: 100 }, (_, i) => ({ ...ticket(start + i + 1), result_type: 'ticket' })),
          String(start + 100),
          '/api/v2/search/export.json',
        ),
      };
    });
    const listing = failure(await listZendeskScope(context(big), ORIGIN, search('refund'), 250));
    expect(listing).toMatchObject({ failure: 'too-many', requests: 3 });
    expect(listing?.message).toBe('The search “refund” on acme.zendesk.com matches more than 250 tickets; SLA Lens watches at most 250 a scope: narrow it.');
  });

  it('a search Zendesk refuses (400, 422) is an invalid query, quoting what Zendesk said as text', async () => {
    const refusing = (status: number, body: unknown) => fakeFetch(() => ({ status, body }));
    const invalid = failure(await listZendeskScope(context(refusing(422, { error: 'invalid', description: 'Invalid search: <b>unbalanced</b> "quote' })), ORIGIN, search('"quote')));
    expect(invalid).toEqual({ ok: false, failure: 'invalid-query', message: 'acme.zendesk.com refused the search “"quote”: “Invalid search: <b>unbalanced</b> "quote”.', requests: 1 });
    // The docs' own example error body.
    const documented = failure(await listZendeskScope(context(refusing(400, fixture('search.error.example.json'))), ORIGIN, search('refund')));
    expect(documented?.message).toBe('acme.zendesk.com refused the search “refund”: “Sorry, we could not complete your search query. Please try again in a moment.”.');
    // The `{error: {title, message}}` form a search has also answered with.
    const nested = failure(
      await listZendeskScope(context(refusing(400, { error: { title: 'Invalid attribute', message: 'You passed an invalid value for the page attribute.' } })), ORIGIN, search('refund')),
    );
    expect(nested).toMatchObject({ failure: 'invalid-query', message: expect.stringContaining('“You passed an invalid value for the page attribute.”') });
    const silent = failure(await listZendeskScope(context(refusing(422, '')), ORIGIN, search('refund')));
    expect(silent).toMatchObject({ failure: 'invalid-query', message: 'acme.zendesk.com refused the search “refund” as a search it cannot run.' });
    // Other statuses are not the query's fault.
    expect(await listZendeskScope(context(refusing(404, {})), ORIGIN, search('refund'))).toMatchObject({ failure: 'bad-response' });
  });

  it('maps the request failures as for a view, naming the search', async () => {
    const limited = fakeFetch(() => ({ status: 429, headers: { 'Retry-After': '120' } }));
    const listing = failure(await listZendeskScope(context(limited), ORIGIN, search('refund')));
    expect(listing).toMatchObject({ failure: 'rate-limited', retryAfterMs: 120_000, requests: 1 });
    expect(listing?.message).toBe('acme.zendesk.com asked SLA Lens to slow down (rate limit) while listing the search “refund”; it tries again later.');
  });
});

describe('listZendeskScope: invalid input and aborts', () => {
  it('refuses a view id that is not digits, and an empty search, without a request', async () => {
    const fetch = fakeFetch(() => ({ body: {} }));
    for (const id of ['', 'abc', '12a', '-1', '1.5', '360001/../1']) {
      const listing = failure(await listZendeskScope(context(fetch), ORIGIN, view(id)));
      expect(listing).toMatchObject({ failure: 'invalid-query', requests: 0 });
      expect(listing?.message).toContain(SITE);
    }
    for (const text of ['', '   ', 'type:ticket']) {
      const listing = failure(await listZendeskScope(context(fetch), ORIGIN, search(text)));
      expect(listing).toMatchObject({ failure: 'invalid-query', requests: 0 });
      expect(listing?.message).toContain(SITE);
    }
    expect(fetch.calls).toHaveLength(0);
    // Spaces around an id are the form's, not the id's.
    expect(await listZendeskScope(context(viewSite(1)), ORIGIN, view(' 360001 '))).toMatchObject({ ok: true, keys: ['1'] });
  });

  it('sends nothing once aborted, and stops between pages when aborted mid-way', async () => {
    const before = new AbortController();
    before.abort();
    const idle = viewSite(250);
    expect(await listZendeskScope(context(idle, before.signal), ORIGIN, view())).toMatchObject({ ok: false, failure: 'network', requests: 0 });
    expect(idle.calls).toHaveLength(0);

    const midway = new AbortController();
    const inner = viewSite(250);
    const fetch = Object.assign<Fetch, { calls: typeof inner.calls }>(
      async (input, init) => {
        const response = await inner(input, init);
        if (new URL(input).searchParams.get('page[after]') === '100') midway.abort();
        return response;
      },
      { calls: inner.calls },
    );
    const listing = failure(await listZendeskScope(context(fetch, midway.signal), ORIGIN, view()));
    expect(listing).toMatchObject({ failure: 'network', message: 'Listing view 360001 on acme.zendesk.com was stopped before it finished.' });
    expect(inner.calls.length).toBeLessThanOrEqual(3);
  });

  it('never leaves the origin it was given: a context for another origin sends nothing', async () => {
    const fetch = viewSite(3);
    const listing = await listZendeskScope(context(fetch, undefined, 'https://other.zendesk.com'), ORIGIN, view());
    expect(listing).toMatchObject({ ok: false, requests: 0 });
    expect(fetch.calls).toHaveLength(0);
  });
});

describe('listZendeskScope against the fake Zendesk site', () => {
  const tickets = sampleZendeskTickets(NOW);
  const data = (extra: Partial<FakeSiteData> = {}): FakeSiteData => ({ jira: [], zendesk: tickets, ...extra });
  /** The site's answers to requests carrying the session cookie a background GET carries. */
  const siteFetch =
    (d: FakeSiteData, cookie: string | null = SESSION_COOKIE): Fetch =>
    async (input, init) => {
      const res = handle(d, { method: init.method ?? 'GET', url: new URL(input), cookie });
      if (!res) throw new TypeError('Failed to fetch');
      return new Response(res.body, { status: res.status, headers: { 'Content-Type': res.contentType, ...res.headers } });
    };
  const big = Array.from({ length: 250 }, (_, i) => 9000 + i);

  it('lists a view and a search, paging as Zendesk does, on the mapped host too', async () => {
    const d = data({ zendeskViews: { '360000001': big }, zendeskSearches: { 'status<solved': [4102, 4101, 4103] }, apiLog: [] });
    expect(await listZendeskScope(context(siteFetch(d)), ZENDESK_ORIGIN, view('360000001'))).toEqual({ ok: true, keys: big.map(String), requests: 4 });
    expect(await listZendeskScope(context(siteFetch(d)), ZENDESK_ORIGIN, search('type:ticket status<solved'))).toEqual({ ok: true, keys: ['4102', '4101', '4103'], requests: 1 });
    expect(await listZendeskScope(context(siteFetch(d), undefined, ZENDESK_MAPPED_ORIGIN), ZENDESK_MAPPED_ORIGIN, view('360000001'))).toMatchObject({ ok: true, requests: 4 });
    expect(d.apiLog!.every((r) => r.method === 'GET')).toBe(true);
  });

  it('refuses a large view on its count, an unknown view as not found, and an unknown search as empty', async () => {
    const d = data({ zendeskViews: { '360000001': big } });
    expect(await listZendeskScope(context(siteFetch(d)), ZENDESK_ORIGIN, view('360000001'), 200)).toMatchObject({
      failure: 'too-many',
      requests: 1,
      message: expect.stringContaining('about 250 tickets'),
    });
    expect(await listZendeskScope(context(siteFetch(d)), ZENDESK_ORIGIN, view('42'))).toMatchObject({ failure: 'not-found', requests: 1 });
    expect(await listZendeskScope(context(siteFetch(d)), ZENDESK_ORIGIN, search('nothing matches this'))).toEqual({ ok: true, keys: [], requests: 1 });
    expect(await listZendeskScope(context(siteFetch(d)), ZENDESK_ORIGIN, search('type:user refund'))).toMatchObject({ failure: 'invalid-query', message: expect.stringContaining('“Invalid search:') });
  });

  it('is signed out without the session, and rate-limited or failing as the site says', async () => {
    const d = data({ zendeskViews: { '360000001': [4101] }, requireSession: true });
    expect(await listZendeskScope(context(siteFetch(d, null)), ZENDESK_ORIGIN, view('360000001'))).toMatchObject({ failure: 'signed-out', requests: 1 });
    expect(await listZendeskScope(context(siteFetch(d)), ZENDESK_ORIGIN, view('360000001'))).toMatchObject({ ok: true, keys: ['4101'] });
    expect(await listZendeskScope(context(siteFetch(data({ api: 'rate-limited' }))), ZENDESK_ORIGIN, search('refund'))).toMatchObject({ failure: 'rate-limited', retryAfterMs: 60_000 });
    expect(await listZendeskScope(context(siteFetch(data({ api: 'server-error' }))), ZENDESK_ORIGIN, search('refund'))).toMatchObject({ failure: 'server-error' });
  });
});

describe('which tickets changed since the last listing (Zendesk)', () => {
  it('reads each listed ticket’s updated_at, and asks no count of a view listed before', async () => {
    const since = Date.parse('2026-12-03T09:00:00Z');
    const page = { tickets: [{ id: 1, updated_at: '2026-12-03T09:30:00Z' }, { id: 2, updated_at: '2026-12-03T08:00:00Z' }, { id: 3 }], meta: { has_more: false }, links: {} };
    const asked: string[] = [];
    const fetch = async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(url.includes('/count') ? { view_count: { value: 3, fresh: true } } : page), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const listing = await listZendeskScope(
      { fetch, origin: 'https://acme.zendesk.com', signal: new AbortController().signal, now: since },
      'https://acme.zendesk.com',
      { kind: 'view', view: '360001' },
      undefined,
      since,
    );
    // A ticket without a stamp is read again: better once too often than a stale figure.
    expect(listing).toMatchObject({ ok: true, keys: ['1', '2', '3'], changed: ['1', '3'], requests: 1 });
    // Listed before, so within the cap then: no count asked (paging still refuses a view grown past it).
    expect(asked.some((u) => u.includes('/count'))).toBe(false);
  });
});

describe('following a view listed before (newest changes, the account’s changes, a walk by id)', () => {
  const MIN = 60_000;
  const since = NOW - 3 * MIN;
  const ids = Array.from({ length: 250 }, (_, i) => 10_001 + i);
  /** 250 tickets last changed two days ago (or `more`), all in view 360000001, and a spare that may join it. */
  function site(more = 0) {
    const ids = Array.from({ length: 250 + more }, (_, i) => 10_001 + i);
    const tickets = sampleZendeskTickets(
      NOW,
      [...ids, 10_300].map((id) => ({ id, subject: `Ticket ${id}`, priority: 'normal' as const, ageH: 48, changes: [[47, 'open']] })),
    );
    const d: FakeSiteData = { jira: [], zendesk: tickets, zendeskViews: { '360000001': [...ids] }, now: () => NOW, apiLog: [] };
    const touch = (id: number, at = NOW - MIN) =>
      Object.assign(
        tickets.find((t) => t.id === id)!,
        { updated: at },
      );
    const fetch: Fetch = async (input, init) => {
      const res = handle(d, { method: init.method ?? 'GET', url: new URL(input), cookie: SESSION_COOKIE });
      if (!res) throw new TypeError('Failed to fetch');
      return new Response(res.body, { status: res.status, headers: { 'Content-Type': res.contentType, ...res.headers } });
    };
    const view = d.zendeskViews!['360000001']!;
    const changes = (ctx: RequestContext) => async () => (await listZendeskChanges(ctx, ORIGIN, since - SEARCH_LAG_MS)).changes;
    return { d, view, touch, fetch, changes };
  }
  const follow = async (s: ReturnType<typeof site>, walk?: number, keys = ids.map(String)) => {
    const ctx = context(s.fetch);
    return listZendeskScope(ctx, ORIGIN, { kind: 'view', view: '360000001' }, undefined, since, { keys, ...(walk ? { walk } : {}), changes: s.changes(ctx) });
  };
  const kinds = (d: FakeSiteData) => d.apiLog!.map((r) => r.url.searchParams.get('sort_by') ?? r.url.searchParams.get('query') ?? r.url.pathname);

  it('in three requests: what changed or joined, what left after a change, and one page of the walk; the rest kept in order', async () => {
    const s = site();
    s.touch(10_005);
    // Solved: changed, and no longer in the view.
    s.touch(10_010);
    s.view.splice(s.view.indexOf(10_010), 1);
    s.touch(10_300);
    s.view.push(10_300);
    const listing = await follow(s);
    expect(kinds(s.d)).toEqual(['updated>18minutes', 'updated', 'nice_id']);
    expect(listing).toMatchObject({ ok: true, requests: 2, walk: 2 });
    if (!listing.ok) return;
    expect(listing.changed?.sort()).toEqual(['10005', '10300']);
    expect(listing.keys).toEqual([...ids.filter((id) => id !== 10_010), 10_300].map(String));
  });

  it('the walk notices what left without a change (a view counting hours), within the page it reads, and starts again after the last', async () => {
    const s = site();
    s.view.splice(s.view.indexOf(10_020), 1);
    s.view.splice(s.view.indexOf(10_220), 1);
    const first = await follow(s);
    expect(first).toMatchObject({ ok: true, changed: [], walk: 2 });
    if (!first.ok) return;
    expect(first.keys).not.toContain('10020');
    // 10220 is on the third page: not judged yet.
    expect(first.keys).toContain('10220');
    const third = await follow(s, 3, first.keys);
    expect(third).toMatchObject({ ok: true, walk: 1 });
    if (!third.ok) return;
    expect(third.keys).not.toContain('10220');
    expect(third.keys).toHaveLength(248);
  });

  it('the walk adds what joined unseen, and an empty first page empties the view', async () => {
    const s = site();
    const joined = await follow(s, 1, ids.slice(1).map(String));
    expect(joined.ok && joined.keys).toContain('10001');
    s.view.length = 0;
    expect(await follow(s)).toMatchObject({ ok: true, keys: [], walk: 1 });
  });

  it('a view too busy to follow in three pages, or one that will not sort, is listed whole', async () => {
    const busy = site(150);
    const all = busy.view.map(String);
    busy.view.forEach((id, i) => busy.touch(id, NOW - MIN + i));
    const listing = await follow(busy, undefined, all);
    expect(listing).toMatchObject({ ok: true, keys: all });
    // Three pages newest first, then the whole view by cursor.
    expect(kinds(busy.d).filter((k) => k === 'updated')).toHaveLength(3);
    expect(kinds(busy.d).filter((k) => k === '/api/v2/views/360000001/tickets.json')).toHaveLength(4);
    if (listing.ok) expect(listing.changed).toHaveLength(400);

    const refusing = site();
    const fetch: Fetch = (input, init) => (new URL(input).searchParams.has('sort_by') ? Promise.resolve(new Response('{"error":"InvalidValue"}', { status: 400 })) : refusing.fetch(input, init));
    const ctx = context(fetch);
    expect(await listZendeskScope(ctx, ORIGIN, { kind: 'view', view: '360000001' }, undefined, since, { keys: [], changes: refusing.changes(ctx) })).toMatchObject({ ok: true, keys: ids.map(String) });
  });

  it('without the account’s changes (the search failed), what joined and the walk still count; what left after a change waits for the walk', async () => {
    const s = site();
    s.touch(10_150);
    s.view.splice(s.view.indexOf(10_150), 1);
    const ctx = context(s.fetch);
    const listing = await listZendeskScope(ctx, ORIGIN, { kind: 'view', view: '360000001' }, undefined, since, { keys: ids.map(String), changes: async () => undefined });
    expect(listing.ok && listing.keys).toContain('10150');
    const walked = await listZendeskScope(ctx, ORIGIN, { kind: 'view', view: '360000001' }, undefined, since, { keys: ids.map(String), walk: 2, changes: async () => undefined });
    expect(walked.ok && walked.keys).not.toContain('10150');
  });

  it('refuses a followed view grown past the cap, on the count its first page gives', async () => {
    const s = site();
    const ctx = context(s.fetch);
    expect(await listZendeskScope(ctx, ORIGIN, { kind: 'view', view: '360000001' }, 200, since, { keys: ids.slice(0, 200).map(String), changes: s.changes(ctx) })).toMatchObject({
      ok: false,
      failure: 'too-many',
      message: expect.stringContaining('about 250 tickets'),
    });
  });
});
