/**
 * GET requests to the Zendesk the page belongs to, with the user's session: same origin, the
 * cookie alone authorises reads (zendesk-dom.md §7.1). Each answer is classified into a JSON body
 * or a failure; signed out, Zendesk answers with its HTML sign-in page. Every request goes through
 * `requestJson` (../http.ts): the page's origin only, no redirects, a timeout and a size cap.
 * Never throws.
 */
import { requestJson, type HttpFailure, type RequestContext } from '../http';
import type { RateLimitSeen } from '../rate-budget';

/** `rateLimit`: what the answer said of the account's rate limit (`../rate-budget.ts`), when it said anything. */
export type JsonAnswer = { ok: true; body: unknown; rateLimit?: RateLimitSeen } | HttpFailure;

/** Whose `fetch`, the one origin requests may reach, and their limits (../http.ts). */
export type Requester = RequestContext;

export async function getJson(requester: Requester, url: string): Promise<JsonAnswer> {
  const answer = await requestJson(requester, url, { method: 'GET', headers: { Accept: 'application/json' } });
  if (!answer.ok) return answer;
  const rateLimit = answer.rateLimit ? { rateLimit: answer.rateLimit } : {};
  if (answer.status !== 200) return { ok: false, failure: 'bad-response', status: answer.status, ...rateLimit };
  return { ok: true, body: answer.body, ...rateLimit };
}

export type ListAnswer = { ok: true; items: unknown[]; complete: boolean; body: unknown; rateLimit?: RateLimitSeen } | Extract<JsonAnswer, { ok: false }>;

/**
 * A list endpoint's items under `key`, following its pages: offset pagination's `next_page`, or
 * cursor pagination's `links.next` while `meta.has_more`. At most `maxPages`, and only on the same
 * origin: a next page elsewhere is not followed (the list is then incomplete).
 */
export async function getList(requester: Requester, url: string, key: string, maxPages: number): Promise<ListAnswer> {
  const origin = new URL(url).origin;
  const items: unknown[] = [];
  let first: unknown;
  // The last page's word on the rate limit is the newest.
  let rateLimit: { rateLimit?: RateLimitSeen } = {};
  let next: string | null = url;
  for (let page = 0; page < maxPages && next; page++) {
    const answer = await getJson(requester, next);
    if (!answer.ok) return answer.rateLimit || !rateLimit.rateLimit ? answer : { ...answer, ...rateLimit };
    if (answer.rateLimit) rateLimit = { rateLimit: answer.rateLimit };
    const body = answer.body as Record<string, unknown> | null;
    const list = body?.[key];
    if (!Array.isArray(list)) return { ok: false, failure: 'bad-response', ...rateLimit };
    if (page === 0) first = body;
    items.push(...list);
    const following = nextPage(body, origin);
    if (following === undefined) return { ok: true, items, complete: false, body: first, ...rateLimit };
    next = following;
  }
  return { ok: true, items, complete: next === null, body: first, ...rateLimit };
}

/** The next page's URL, null when there is none, undefined when it is not on `origin`. */
function nextPage(body: Record<string, unknown> | null, origin: string): string | null | undefined {
  const meta = body?.meta as { has_more?: unknown } | undefined;
  const links = body?.links as { next?: unknown } | undefined;
  const candidate = typeof body?.next_page === 'string' ? body.next_page : meta?.has_more === true && typeof links?.next === 'string' ? links.next : null;
  if (candidate === null) return null;
  try {
    const url = new URL(candidate, origin);
    return url.origin === origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const ids = (list: readonly (string | number)[]) => list.join(',');

/**
 * Up to 100 tickets (Tickets docs), with the `slas` sideload (§7.3: it may be ignored, so its
 * absence means unknown), `users`, which names the assignee, and the `groups` and
 * `organizations` the tickets name (side-loading docs), so no name needs a request of its own.
 */
export const showManyUrl = (origin: string, keys: readonly string[]) => `${origin}/api/v2/tickets/show_many.json?ids=${ids(keys)}&include=slas,users,groups,organizations`;
/** Read-only history of a ticket; no endpoint takes several tickets (§7.2). */
export const auditsUrl = (origin: string, key: string) => `${origin}/api/v2/tickets/${key}/audits.json`;
export const groupsUrl = (origin: string) => `${origin}/api/v2/groups.json`;
export const organizationsUrl = (origin: string, list: readonly number[]) => `${origin}/api/v2/organizations/show_many.json?ids=${ids(list)}`;
