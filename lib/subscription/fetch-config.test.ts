import { describe, expect, it } from 'vitest';
import { never } from '../../testing/fakes/fetch';
import { MAX_CONFIG_BYTES } from '../db/config-store';
import { fetchConfigFile, MAX_SUBSCRIBED_BYTES } from './fetch-config';

const URL_ = 'https://config.acme.example/sla.yaml';
const YAML = 'version: 1\npolicies: []\n';

interface Call {
  url: string;
  init: RequestInit;
}

/** A `fetch` that answers with `answer` and records what it was asked. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A Response as a browser gives it after following redirects: its `url` is where it ended up. */
function landedAt(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

const sent = (call: Call | undefined) => new Headers(call?.init.headers);

/** A body of `chunkBytes`-byte chunks without end; counts the chunks read and whether the reader cancelled. */
function endlessBody(chunkBytes: number) {
  const seen = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulls += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('fetchConfigFile', () => {
  it('a 200 gives the text with its ETag, Last-Modified and the URL it came from', async () => {
    const { fetch, calls } = fakeFetch(() =>
      landedAt(new Response(YAML, { status: 200, headers: { ETag: '"v2"', 'Last-Modified': 'Wed, 25 Nov 2026 10:00:00 GMT' } }), 'https://cdn.acme.example/sla.yaml'),
    );
    expect(await fetchConfigFile(URL_, {}, { fetch })).toEqual({
      kind: 'changed',
      text: YAML,
      etag: '"v2"',
      lastModified: 'Wed, 25 Nov 2026 10:00:00 GMT',
      finalUrl: 'https://cdn.acme.example/sla.yaml',
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(URL_);
    expect(calls[0]!.init).toMatchObject({ method: 'GET', cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
    // Nothing known yet, so nothing conditional.
    expect(sent(calls[0]).has('If-None-Match')).toBe(false);
    expect(sent(calls[0]).has('If-Modified-Since')).toBe(false);
  });

  it('a 200 without validators leaves them out, and the final URL is the one asked when the response has none', async () => {
    const { fetch } = fakeFetch(() => new Response(YAML, { status: 200 }));
    expect(await fetchConfigFile(URL_, {}, { fetch })).toEqual({ kind: 'changed', text: YAML, finalUrl: URL_ });
  });

  it('sends If-None-Match and If-Modified-Since from the previous answer, and a 304 is not-modified', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 304 }));
    const outcome = await fetchConfigFile(URL_, { etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 09:00:00 GMT' }, { fetch });
    expect(outcome).toEqual({ kind: 'not-modified' });
    expect(sent(calls[0]).get('If-None-Match')).toBe('"v1"');
    expect(sent(calls[0]).get('If-Modified-Since')).toBe('Tue, 24 Nov 2026 09:00:00 GMT');
  });

  it.each([
    [404, 'Not Found'],
    [500, 'Internal Server Error'],
  ])('a %i is an http-status failure that names the status and the address', async (status, reason) => {
    const { fetch } = fakeFetch(() => new Response('<h1>nope</h1>', { status }));
    const outcome = await fetchConfigFile(URL_, {}, { fetch });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'http-status', status });
    expect(outcome.kind === 'failed' && outcome.message).toBe(
      status === 404 ? `The server answered 404 Not Found for ${URL_}. Check the address.` : `The server answered ${status} ${reason} for ${URL_}.`,
    );
  });

  it('a 403 says the file must be readable without signing in', async () => {
    const { fetch } = fakeFetch(() => new Response('', { status: 403 }));
    const outcome = await fetchConfigFile(URL_, {}, { fetch });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'http-status', status: 403 });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/without signing in/);
  });

  it.each(['http://config.acme.example/sla.yaml', 'ftp://config.acme.example/sla.yaml', 'config.acme.example/sla.yaml', ''])('refuses %j before sending anything', async (url) => {
    const { fetch, calls } = fakeFetch(() => new Response(YAML));
    const outcome = await fetchConfigFile(url, {}, { fetch });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'not-https' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/only loads a configuration from an https:\/\/ address/);
    expect(calls).toEqual([]);
  });

  it('refuses an answer that a redirect brought from plain http', async () => {
    const { fetch } = fakeFetch(() => landedAt(new Response(YAML, { status: 200, headers: { ETag: '"v2"' } }), 'http://config.acme.example/sla.yaml'));
    const outcome = await fetchConfigFile(URL_, {}, { fetch });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'redirected-to-http' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/redirected to a plain http:\/\/ address .*SLA Lens only follows https:\/\//);
  });

  it('a redirect to plain http is refused even when it answers 304', async () => {
    const { fetch } = fakeFetch(() => landedAt(new Response(null, { status: 304 }), 'http://config.acme.example/sla.yaml'));
    expect(await fetchConfigFile(URL_, { etag: '"v1"' }, { fetch })).toMatchObject({ kind: 'failed', reason: 'redirected-to-http' });
  });

  it('gives up when the server does not answer in time, and aborts the request', async () => {
    let signal: AbortSignal | undefined;
    const { fetch } = fakeFetch(
      (_, init) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const outcome = await fetchConfigFile(URL_, {}, { fetch, timeoutMs: 20 });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'timeout' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/^The server did not answer within 20 ms/);
    expect(signal?.aborted).toBe(true);
  });

  it('gives up in time even on a fetch that ignores its signal', async () => {
    const { fetch } = fakeFetch(never);
    expect(await fetchConfigFile(URL_, {}, { fetch, timeoutMs: 20 })).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });

  it('the timeout covers the body: a body that stops half-way is given up too', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('version: 1\n'));
      },
    });
    const { fetch } = fakeFetch(() => new Response(stalled, { status: 200 }));
    expect(await fetchConfigFile(URL_, {}, { fetch, timeoutMs: 20 })).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });

  it('refuses a file its Content-Length declares over the 5 MB default, without reading the body', async () => {
    const { stream, seen } = endlessBody(1024);
    const { fetch } = fakeFetch(() => new Response(stream, { status: 200, headers: { 'Content-Length': String(MAX_SUBSCRIBED_BYTES + 1) } }));
    const outcome = await fetchConfigFile(URL_, {}, { fetch });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'too-large' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/^The file is larger than 5 MB/);
    // The stream pulls once on its own to fill its queue; reading it would pull on.
    expect(seen.pulls).toBeLessThanOrEqual(1);
  });

  it('without a Content-Length, stops reading and cancels the body as soon as it passes the cap', async () => {
    const { stream, seen } = endlessBody(1024);
    const { fetch } = fakeFetch(() => new Response(stream, { status: 200 }));
    const outcome = await fetchConfigFile(URL_, {}, { fetch, maxBytes: 10 * 1024 });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'too-large' });
    await tick();
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBeLessThan(20);
  });

  it('a Content-Length that understates the body does not get it past the cap', async () => {
    const { stream, seen } = endlessBody(1024);
    const { fetch } = fakeFetch(() => new Response(stream, { status: 200, headers: { 'Content-Length': '100' } }));
    expect(await fetchConfigFile(URL_, {}, { fetch, maxBytes: 4096 })).toMatchObject({ kind: 'failed', reason: 'too-large' });
    await tick();
    expect(seen.cancelled).toBe(true);
  });

  it('a file of exactly the cap is read', async () => {
    const text = 'x'.repeat(4096);
    const { fetch } = fakeFetch(() => new Response(text, { status: 200, headers: { 'Content-Length': '4096' } }));
    expect(await fetchConfigFile(URL_, {}, { fetch, maxBytes: 4096 })).toMatchObject({ kind: 'changed', text });
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('name: Zürich – Support\n');
    const split = bytes.indexOf(0xc3) + 1;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, split));
        controller.enqueue(bytes.subarray(split));
        controller.close();
      },
    });
    const { fetch } = fakeFetch(() => new Response(body, { status: 200 }));
    expect(await fetchConfigFile(URL_, {}, { fetch })).toMatchObject({ kind: 'changed', text: 'name: Zürich – Support\n' });
  });

  it('a TypeError from fetch is a network failure that names the cross-origin header', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const outcome = await fetchConfigFile(URL_, {}, { fetch });
    expect(outcome).toMatchObject({ kind: 'failed', reason: 'network' });
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/could not be reached/);
    expect(outcome.kind === 'failed' && outcome.message).toMatch(/Access-Control-Allow-Origin/);
  });

  it('a fetch that throws instead of rejecting is a network failure too, never an exception', async () => {
    const fetch = (() => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof globalThis.fetch;
    expect(await fetchConfigFile(URL_, {}, { fetch })).toMatchObject({ kind: 'failed', reason: 'network' });
  });

  it('caps a download at the same 5 MB as a file imported by hand', () => {
    expect(MAX_SUBSCRIBED_BYTES).toBe(MAX_CONFIG_BYTES);
  });
});
