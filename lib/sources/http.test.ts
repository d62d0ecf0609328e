import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hungBody, never, paddedJson, redirectStep, redirectTo } from '../../testing/fakes/fetch';
import { failureWords } from '../view/words';
import { failureOf, MAX_RETRY_AFTER_MS, requestJson, retryAfterMs, type Fetch, type RequestContext } from './http';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const answer = (status: number, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => new Response(status === 204 ? null : '{}', { status, headers });

describe('failureOf: one reading of an answer’s status for every source', () => {
  it.each([
    [200, undefined, null],
    [404, undefined, null],
    [429, { 'Retry-After': '30', 'Content-Type': 'application/json' }, { ok: false, failure: 'rate-limited', retryAfterMs: 30_000, status: 429 }],
    [401, undefined, { ok: false, failure: 'signed-out', status: 401 }],
    // Signed in, but not allowed: signing in again would not help, so it is not called signed out.
    [403, undefined, { ok: false, failure: 'forbidden', status: 403 }],
    [503, undefined, { ok: false, failure: 'server-error', retryAfterMs: undefined, status: 503 }],
  ] as const)('%i', (status, headers, expected) => {
    expect(failureOf(answer(status, headers ? { ...headers } : undefined), NOW)).toEqual(expected);
  });

  it('a 200 that is not JSON is a sign-in page', () => {
    expect(failureOf(answer(200, { 'Content-Type': 'text/html; charset=utf-8' }), NOW)).toEqual({ ok: false, failure: 'signed-out', status: 200 });
  });

  it('a badge says a 403 is a permission the account lacks, and never asks to sign in again', () => {
    expect(failureWords('forbidden')).toMatch(/permission/);
    expect(failureWords('forbidden')).not.toMatch(/sign in/i);
    expect(failureWords('signed-out')).toMatch(/sign in/i);
  });

  it('Retry-After as an HTTP date', () => {
    expect(retryAfterMs(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
  });

  it('Retry-After is capped at 15 minutes, however far off the server asks', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(15 * 60_000);
    expect(retryAfterMs('1e9', NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('1000000000', NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs(new Date(NOW + 365 * 86_400_000).toUTCString(), NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(failureOf(answer(429, { 'Retry-After': '1e9', 'Content-Type': 'application/json' }), NOW)).toMatchObject({ retryAfterMs: MAX_RETRY_AFTER_MS });
    expect(retryAfterMs('-5', NOW)).toBe(0);
  });
});

const ORIGIN = 'https://acme.zendesk.com';
const GET = { method: 'GET', headers: { Accept: 'application/json' } } as const;

interface Call {
  url: string;
  init: RequestInit;
}

/** A browser-like `fetch`: `answer` gives each URL's response, redirects go by the request's mode, every request is recorded. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn: Fetch = async (url, init) => {
    calls.push({ url, init });
    const response = await answer(url, init);
    const step = redirectStep(url, init, response);
    if (!step) return response;
    return 'answer' in step ? step.answer : fn(step.follow, step.init);
  };
  return Object.assign(fn, { calls });
}

const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const contextOf = (fetch: Fetch, extra: Partial<RequestContext> = {}): RequestContext => ({ fetch, origin: ORIGIN, signal: new AbortController().signal, now: NOW, ...extra });

describe('requestJson: the one way the sources send a request', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads a same-origin JSON answer, with cookies for the same origin only', async () => {
    const fetch = fakeFetch(() => ok({ tickets: [] }));
    expect(await requestJson(contextOf(fetch), `${ORIGIN}/api/v2/tickets/show_many.json?ids=1`, GET)).toEqual({ ok: true, status: 200, body: { tickets: [] } });
    expect(fetch.calls[0]!.init).toMatchObject({ method: 'GET', credentials: 'same-origin', redirect: 'manual' });
  });

  it.each([
    ['another host', 'https://evil.example/api/v2/tickets/show_many.json'],
    ['a host that only starts with the origin', 'https://acme.zendesk.com.evil.example/api/v2/tickets.json'],
    ['userinfo before another host', 'https://acme.zendesk.com@evil.example/api/v2/tickets.json'],
    ['credentials on the origin', 'https://user:pass@acme.zendesk.com/api/v2/tickets.json'],
    ['plain http', 'http://acme.zendesk.com/api/v2/tickets.json'],
    ['another port', 'https://acme.zendesk.com:8443/api/v2/tickets.json'],
    ['not a URL', '/api/v2/tickets.json'],
  ])('refuses %s before anything is sent', async (_, url) => {
    const fetch = fakeFetch(() => ok({}));
    expect(await requestJson(contextOf(fetch), url, GET)).toEqual({ ok: false, failure: 'network', refused: 'origin' });
    expect(fetch.calls).toEqual([]);
  });

  it('refuses everything when the allowed origin is not an http(s) origin', async () => {
    const fetch = fakeFetch(() => ok({}));
    for (const origin of ['null', 'about:blank', 'https://acme.zendesk.com/', `${ORIGIN}/agent`, 'file:///tmp', '']) {
      expect(await requestJson(contextOf(fetch, { origin }), `${ORIGIN}/api/v2/groups.json`, GET)).toMatchObject({ ok: false, refused: 'origin' });
    }
    expect(fetch.calls).toEqual([]);
  });

  it.each([301, 302, 303, 307, 308])('does not follow a %i, to another origin or its own', async (status) => {
    for (const location of ['https://evil.example/collect', `${ORIGIN}/auth/v2/login`]) {
      const fetch = fakeFetch((url) => (url.startsWith(ORIGIN + '/api/') ? redirectTo(location, status) : ok({ tickets: [] })));
      const answer = await requestJson(contextOf(fetch), `${ORIGIN}/api/v2/tickets/show_many.json`, { method: 'POST', headers: {}, body: '{"jql":"key in (SUP-1)"}' });
      expect(answer).toMatchObject({ ok: false, refused: 'redirect' });
      expect(fetch.calls.map((c) => c.url)).toEqual([`${ORIGIN}/api/v2/tickets/show_many.json`]);
    }
  });

  it('a redirect a fetch shows as a 3xx (outside browsers), or an answer from elsewhere, is refused too', async () => {
    // Node's fetch, unlike a browser's, hands back the raw 3xx for `redirect: 'manual'`.
    const raw: Fetch = async () => redirectTo('https://evil.example/', 307);
    expect(await requestJson(contextOf(raw), `${ORIGIN}/api/v2/groups.json`, GET)).toMatchObject({ ok: false, refused: 'redirect', status: 307 });
    const elsewhere = ok({ groups: [] });
    Object.defineProperty(elsewhere, 'url', { value: 'https://evil.example/api/v2/groups.json' });
    expect(
      await requestJson(
        contextOf(async () => elsewhere),
        `${ORIGIN}/api/v2/groups.json`,
        GET,
      ),
    ).toMatchObject({ ok: false, refused: 'redirect' });
  });

  it('gives up on a request that never answers after 20 s, even when the fetch ignores its signal', async () => {
    vi.useFakeTimers();
    let settled = false;
    const pending = requestJson(contextOf(never), `${ORIGIN}/api/v2/groups.json`, GET).then((a) => ((settled = true), a));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual({ ok: false, failure: 'network', refused: 'timeout' });
  });

  it('the timeout covers the body: an answer whose body never ends is given up too', async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch((_, init) => hungBody(init.signal));
    const pending = requestJson(contextOf(fetch, { timeoutMs: 5_000 }), `${ORIGIN}/api/v2/groups.json`, GET);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await pending).toEqual({ ok: false, failure: 'network', refused: 'timeout' });
  });

  it('the caller’s own abort is no timeout', async () => {
    const controller = new AbortController();
    const pending = requestJson(contextOf(never, { signal: controller.signal }), `${ORIGIN}/api/v2/groups.json`, GET);
    controller.abort();
    expect(await pending).toEqual({ ok: false, failure: 'network' });
  });

  it('refuses a body its Content-Length declares over the cap, unread', async () => {
    const big = new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) } });
    expect(
      await requestJson(
        contextOf(async () => big),
        `${ORIGIN}/api/v2/groups.json`,
        GET,
      ),
    ).toEqual({ ok: false, failure: 'bad-response', refused: 'too-large', status: 200 });
  });

  it('without a Content-Length, stops reading as soon as the body passes the cap', async () => {
    const { response, pulled } = paddedJson('{"groups": []}', 64 * 1024 * 1024);
    expect(
      await requestJson(
        contextOf(async () => response, { maxBytes: 1024 * 1024 }),
        `${ORIGIN}/api/v2/groups.json`,
        GET,
      ),
    ).toEqual({ ok: false, failure: 'bad-response', refused: 'too-large', status: 200 });
    // 1 MiB of 64 kB chunks, and a few more: not the 64 MiB the server would send.
    expect(pulled()).toBeLessThan(24);
    const small = paddedJson('{"groups": []}', 512 * 1024);
    expect(
      await requestJson(
        contextOf(async () => small.response, { maxBytes: 1024 * 1024 }),
        `${ORIGIN}/api/v2/groups.json`,
        GET,
      ),
    ).toEqual({ ok: true, status: 200, body: { groups: [] } });
  });

  it('classifies the status before reading the body, and a body that is not JSON is a bad response', async () => {
    expect(
      await requestJson(
        contextOf(async () => answer(429, { 'Retry-After': '30', 'Content-Type': 'application/json' })),
        `${ORIGIN}/x`,
        GET,
      ),
    ).toMatchObject({ ok: false, failure: 'rate-limited', retryAfterMs: 30_000 });
    expect(
      await requestJson(
        contextOf(async () => new Response('{"a":', { status: 200, headers: { 'Content-Type': 'application/json' } })),
        `${ORIGIN}/x`,
        GET,
      ),
    ).toEqual({ ok: false, failure: 'bad-response', status: 200 });
    expect(
      await requestJson(
        contextOf(async () => new Response('<h1>Not found</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } })),
        `${ORIGIN}/x`,
        GET,
      ),
    ).toEqual({ ok: false, failure: 'bad-response', status: 404 });
    expect(
      await requestJson(
        contextOf(async () => new Response('{"errorMessages":[]}', { status: 400, headers: { 'Content-Type': 'application/json' } })),
        `${ORIGIN}/x`,
        GET,
      ),
    ).toEqual({ ok: true, status: 400, body: { errorMessages: [] } });
  });
});

describe('requestJson: what the site says of its rate limit', () => {
  const limits = { 'Content-Type': 'application/json', 'X-Rate-Limit': '700', 'X-Rate-Limit-Remaining': '12', 'ratelimit-reset': '41' };
  it('comes with an answer, and with a failure, a 429 most of all', async () => {
    const said = { remaining: 12, limit: 700, resetSeconds: 41 };
    expect(
      await requestJson(
        contextOf(async () => new Response('{}', { status: 200, headers: limits })),
        `${ORIGIN}/x`,
        GET,
      ),
    ).toEqual({ ok: true, status: 200, body: {}, rateLimit: said });
    expect(
      await requestJson(
        contextOf(async () => new Response('', { status: 429, headers: { ...limits, 'Retry-After': '30' } })),
        `${ORIGIN}/x`,
        GET,
      ),
    ).toEqual({
      ok: false,
      failure: 'rate-limited',
      retryAfterMs: 30_000,
      status: 429,
      rateLimit: said,
    });
    expect(
      await requestJson(
        contextOf(async () => new Response('not json', { status: 200, headers: limits })),
        `${ORIGIN}/x`,
        GET,
      ),
    ).toMatchObject({ ok: false, failure: 'bad-response', rateLimit: said });
  });

  it('is left out when the headers say nothing usable', async () => {
    const answer = await requestJson(
      contextOf(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json', 'X-Rate-Limit-Remaining': 'lots' } })),
      `${ORIGIN}/x`,
      GET,
    );
    expect(answer).toEqual({ ok: true, status: 200, body: {} });
  });
});

describe('one place', () => {
  it('no source calls fetch but requestJson; the adapters only name the page’s fetch as the default', () => {
    const root = fileURLToPath(new URL('.', import.meta.url));
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('__fixtures__'));
    const calling = files.filter((f) => /\bfetch\s*\(/.test(readFileSync(join(root, f), 'utf8'))).sort();
    expect(calling).toEqual(['http.ts', join('jira', 'adapter.ts'), join('zendesk', 'adapter.ts')]);
    for (const adapter of [join('jira', 'adapter.ts'), join('zendesk', 'adapter.ts')]) {
      const calls = readFileSync(join(root, adapter), 'utf8').match(/\bfetch\s*\(.*$/gm) ?? [];
      expect(calls.every((line) => line.startsWith('fetch(input, init))'))).toBe(true);
    }
  });
});
