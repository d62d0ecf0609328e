/** HTTP details every source's REST client reads the same way, and the one way they send requests. */
import { readRateLimit, type RateLimitSeen } from './rate-budget';
import type { EnrichFailure } from './types';

/** `fetch` as the REST clients call it: the global one by default, a fake site's in tests. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A request that outlives this is given up: its keys then fall back to what the page shows. */
export const REQUEST_TIMEOUT_MS = 20_000;
/**
 * Larger answers are refused unread. A full Jira search (100 issues with their comments) or a
 * page of 4,000 status changes stays well under it; a foreign or broken server's endless body
 * does not.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A server may ask for a pause, not for the rest of the page's life. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`, at most `MAX_RETRY_AFTER_MS`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : undefined;
}

/** A failure's `retryAfterMs`: left out when the answer gives no usable `Retry-After`. */
function retryAfter(response: Response, now: number): { retryAfterMs?: number } {
  const ms = retryAfterMs(response.headers.get('Retry-After'), now);
  return ms !== undefined ? { retryAfterMs: ms } : {};
}

/** A JSON body, by its content type: signed out, Jira Cloud and Zendesk answer 200 with an HTML sign-in page. */
export const isJson = (response: Response): boolean => /[/+]json\b/i.test(response.headers.get('Content-Type') ?? '');

/**
 * Why the guard gave up on a request on its own account, for tests and diagnostics: `origin`, the
 * URL was not on the allowed origin (never sent); `redirect`, the server sent it elsewhere (not
 * followed); `timeout`; `too-large`, the body passed the size cap (not read on).
 */
export type Refusal = 'origin' | 'redirect' | 'timeout' | 'too-large';

/** A request that failed as a whole: why, when to try again, and the HTTP status when there was one. */
export interface HttpFailure {
  ok: false;
  failure: EnrichFailure;
  retryAfterMs?: number;
  status?: number;
  refused?: Refusal;
  /** What the answer's headers said of the site's rate limit, when it said anything (`./rate-budget.ts`). */
  rateLimit?: RateLimitSeen;
}

/**
 * What an answer's status says before its body is read, the same for every source: 429 is a rate
 * limit (with its Retry-After); 401, and a 200 that is not JSON (a sign-in page), mean the session
 * does not cover the read: signed out; 403 means it does, but this account may not read what was
 * asked: forbidden, which signing in again would not change; 5xx is the server's error. How far a
 * failure reaches is the source's to say: a request for a whole batch fails the batch, a request
 * for one ticket's extras only that ticket's. Null: read the body.
 */
export function failureOf(response: Response, now: number): HttpFailure | null {
  const { status } = response;
  if (status === 429) return { ok: false, failure: 'rate-limited', ...retryAfter(response, now), status };
  if (status === 401) return { ok: false, failure: 'signed-out', status };
  if (status === 403) return { ok: false, failure: 'forbidden', status };
  if (status >= 500) return { ok: false, failure: 'server-error', ...retryAfter(response, now), status };
  if (status === 200 && !isJson(response)) return { ok: false, failure: 'signed-out', status };
  return null;
}

/** Everything a request needs besides its URL: whose `fetch`, the one origin it may reach, and its limits. */
export interface RequestContext {
  fetch: Fetch;
  /** The origin the overlay was started on (`EnrichOptions.origin`): no request goes anywhere else. */
  origin: string;
  signal: AbortSignal;
  now: number;
  // Possibly undefined: tuning passed through from a caller's options (tests shorten them).
  timeoutMs?: number | undefined;
  maxBytes?: number | undefined;
  /** `high` for the rows in view: ahead of the page's other requests waiting their turn (limit.ts), and a hint to the browser. */
  priority?: 'high' | undefined;
}

/** What a request may say besides its URL; the guard sets credentials, redirects and the signal itself. */
export interface RequestParts {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** A JSON answer the status classes let through (a 200, or a 4xx a source reads itself: Jira's 400 and 404). */
export type JsonAnswer = { ok: true; status: number; body: unknown; rateLimit?: RateLimitSeen } | HttpFailure;

/** The origin of `url` when it is exactly `origin` (an http(s) origin), else null: the one same-origin test. */
function onOrigin(url: string, origin: string): URL | null {
  try {
    const allowed = new URL(origin);
    if ((allowed.protocol !== 'https:' && allowed.protocol !== 'http:') || allowed.origin !== origin) return null;
    const target = new URL(url);
    // Credentials in the URL would go to whoever the userinfo names, and fetch refuses them anyway.
    return target.origin === origin && target.username === '' && target.password === '' ? target : null;
  } catch {
    return null;
  }
}

/**
 * Lets the body go unread. Not awaited: cancelling one branch of a teed body (a cloned response)
 * settles only once the other branch is done too.
 */
export function discard(response: Response): void {
  if (response.body && !response.body.locked) void response.body.cancel().catch(() => undefined);
}

/**
 * `work`, or a rejection as soon as `signal` aborts: the timeout holds even where a `fetch` or a
 * body stream does not listen to its signal.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => (onAbort = () => reject(new DOMException('Aborted', 'AbortError'))));
  signal.addEventListener('abort', onAbort, { once: true });
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/** The body as text, at most `max` bytes: a larger one is cancelled as soon as it passes the cap. */
export async function boundedText(response: Response, max: number, signal: AbortSignal): Promise<string | null> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > max) {
    discard(response);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        void reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * The one way the sources send a request. It refuses a URL off `context.origin` before anything is
 * sent; sends the session's cookies on the same origin only; follows no redirect (a redirect the
 * API answers with is a sign-in or SSO hop, and the browser would otherwise follow it anywhere,
 * re-sending a POST's JQL on a 307); gives up after `timeoutMs`, body included; reads at most
 * `maxBytes`; and classifies the answer (`failureOf`) before parsing it. Any answer the site gave
 * carries what its headers said of the rate limit (`rateLimit`), failures too: a 429's most of all.
 * Never throws.
 */
export async function requestJson(context: RequestContext, url: string, init: RequestParts): Promise<JsonAnswer> {
  if (!onOrigin(url, context.origin)) return { ok: false, failure: 'network', refused: 'origin' };
  if (context.signal.aborted) return { ok: false, failure: 'network' };
  // One signal for the caller's abort and the timeout (what AbortSignal.any does, without needing Chrome 116).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), context.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const cancel = () => controller.abort();
  context.signal.addEventListener('abort', cancel, { once: true });
  const { signal } = controller;
  const gaveUp = (): HttpFailure => (timedOut && !context.signal.aborted ? { ok: false, failure: 'network', refused: 'timeout' } : { ok: false, failure: 'network' });
  try {
    let response: Response;
    try {
      response = await untilAborted(context.fetch(url, { ...init, ...(context.priority ? { priority: context.priority } : {}), credentials: 'same-origin', redirect: 'manual', signal }), signal);
    } catch {
      return gaveUp();
    }
    // Browsers hide a manual redirect behind an opaque answer (status 0); other fetches show the 3xx.
    const redirected = response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400) || (response.url !== '' && !onOrigin(response.url, context.origin));
    if (redirected) {
      discard(response);
      return { ok: false, failure: 'signed-out', refused: 'redirect', ...(response.status ? { status: response.status } : {}) };
    }
    const seen = readRateLimit(response.headers);
    const rateLimit = seen ? { rateLimit: seen } : {};
    const failed = failureOf(response, context.now);
    if (failed) {
      discard(response);
      return { ...failed, ...rateLimit };
    }
    const { status } = response;
    let text: string | null;
    try {
      text = await boundedText(response, context.maxBytes ?? MAX_BODY_BYTES, signal);
    } catch {
      return { ...gaveUp(), ...rateLimit };
    }
    if (text === null) return { ok: false, failure: 'bad-response', refused: 'too-large', status, ...rateLimit };
    try {
      return { ok: true, status, body: JSON.parse(text) as unknown, ...rateLimit };
    } catch {
      return { ok: false, failure: 'bad-response', status, ...rateLimit };
    }
  } finally {
    clearTimeout(timer);
    context.signal.removeEventListener('abort', cancel);
  }
}
