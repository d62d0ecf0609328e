/**
 * What a browser's `fetch` does that a fake site's answer alone does not: redirects by the
 * request's `redirect` mode, and bodies that hang or never end. The unit tests' fake `fetch`es
 * use these, so a client that forgets `redirect: 'manual'` is seen following a redirect, and a
 * client without a timeout or a size cap is seen waiting or reading forever.
 */

/** A `Response` as a browser gives it for `redirect: 'manual'`: opaque, status 0, no headers, no body. */
export function opaqueRedirect(url: string): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperties(response, {
    type: { value: 'opaqueredirect' },
    status: { value: 0 },
    ok: { value: false },
    url: { value: url },
  });
  return response;
}

/** A 3xx the fake site answers with, pointing at `location`. */
export const redirectTo = (location: string, status = 302): Response => new Response(null, { status, headers: { Location: location } });

/**
 * Where the browser goes next for `response`, by `init.redirect`: a URL to fetch (with the method
 * and body the browser would send: 301, 302 and 303 turn a POST into a GET, 307 and 308 re-send
 * it), the answer to give (`manual`: an opaque redirect; `error`: a network error), or null when
 * `response` is no redirect.
 */
export function redirectStep(url: string, init: RequestInit, response: Response): { follow: string; init: RequestInit } | { answer: Response } | null {
  const location = response.headers.get('Location');
  if (response.status < 300 || response.status >= 400 || location === null) return null;
  const mode = init.redirect ?? 'follow';
  if (mode === 'error') throw new TypeError('Failed to fetch: redirect mode is "error"');
  if (mode === 'manual') return { answer: opaqueRedirect(url) };
  const next = new URL(location, url).href;
  const keepsBody = response.status === 307 || response.status === 308;
  if (keepsBody) return { follow: next, init };
  const { body: _body, ...rest } = init;
  return { follow: next, init: { ...rest, method: 'GET' } };
}

/** A JSON answer whose body never ends (or never starts): a hung server. It stops when the request's signal aborts, as a browser's does. */
export function hungBody(signal?: AbortSignal | null): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"issues": ['));
      signal?.addEventListener('abort', () => controller.error(new DOMException('Aborted', 'AbortError')), { once: true });
    },
  });
  return new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } });
}

/** A request that never answers and ignores its signal: the client's own timeout must end it. */
export const never = (): Promise<Response> => new Promise<Response>(() => {});

/**
 * `json` padded with whitespace to `bytes` bytes (still valid JSON), streamed in 64 kB chunks
 * without a Content-Length; `pulled` counts the chunks read, so a test can tell a body cut off at
 * the cap from one read to its end.
 */
export function paddedJson(json: string, bytes: number): { response: Response; pulled: () => number } {
  const head = new TextEncoder().encode(json);
  const pad = new TextEncoder().encode(' '.repeat(64 * 1024));
  let sent = 0;
  let pulls = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      if (sent === 0) {
        sent = head.byteLength;
        return controller.enqueue(head);
      }
      if (sent >= bytes) return controller.close();
      const part = pad.subarray(0, Math.min(pad.byteLength, bytes - sent));
      sent += part.byteLength;
      controller.enqueue(part);
    },
  });
  return { response: new Response(stream, { status: 200, headers: { 'Content-Type': 'application/json' } }), pulled: () => pulls };
}
