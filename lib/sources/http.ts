/** HTTP details every source's REST client reads the same way. */
import type { EnrichFailure } from './types';

/** `fetch` as the REST clients call it: the global one by default, a fake site's in tests. */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A failure's `retryAfterMs`: left out when the answer gives no usable `Retry-After`. */
function retryAfter(response: Response, now: number): { retryAfterMs?: number } {
  const ms = retryAfterMs(response.headers.get('Retry-After'), now);
  return ms !== undefined ? { retryAfterMs: ms } : {};
}

/** A JSON body, by its content type: signed out, Jira Cloud and Zendesk answer 200 with an HTML sign-in page. */
export const isJson = (response: Response): boolean => /[/+]json\b/i.test(response.headers.get('Content-Type') ?? '');

/** A request that failed as a whole: why, when to try again, and the HTTP status when there was one. */
export interface HttpFailure {
  ok: false;
  failure: EnrichFailure;
  retryAfterMs?: number;
  status?: number;
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
