/**
 * GET requests to the Zendesk the page belongs to, with the user's session: same origin, the
 * cookie alone authorises reads (zendesk-dom.md §7.1). Each answer is classified into a JSON body
 * or a failure; signed out, Zendesk answers with its HTML sign-in page. Never throws.
 */
import { failureOf, type Fetch } from '../http';
import type { EnrichFailure } from '../types';

// adapter.ts still names the type through this module; it is declared once, in ../http.

export type JsonAnswer = { ok: true; body: unknown } | { ok: false; failure: EnrichFailure; retryAfterMs?: number; status?: number };

export interface Requester {
  fetch: Fetch;
  signal: AbortSignal;
  now: number;
}

export async function getJson({ fetch, signal, now }: Requester, url: string): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' }, signal });
  } catch {
    return { ok: false, failure: 'network' };
  }
  const { status } = response;
  const failed = failureOf(response, now);
  if (failed) return failed;
  if (status !== 200) return { ok: false, failure: 'bad-response', status };
  try {
    return { ok: true, body: await response.json() };
  } catch {
    return { ok: false, failure: 'bad-response' };
  }
}

export type ListAnswer = { ok: true; items: unknown[]; complete: boolean; body: unknown } | Extract<JsonAnswer, { ok: false }>;

/**
 * A list endpoint's items under `key`, following its pages: offset pagination's `next_page`, or
 * cursor pagination's `links.next` while `meta.has_more`. At most `maxPages`, and only on the same
 * origin: a next page elsewhere is not followed (the list is then incomplete).
 */
export async function getList(requester: Requester, url: string, key: string, maxPages: number): Promise<ListAnswer> {
  const origin = new URL(url).origin;
  const items: unknown[] = [];
  let first: unknown;
  let next: string | null = url;
  for (let page = 0; page < maxPages && next; page++) {
    const answer = await getJson(requester, next);
    if (!answer.ok) return answer;
    const body = answer.body as Record<string, unknown> | null;
    const list = body?.[key];
    if (!Array.isArray(list)) return { ok: false, failure: 'bad-response' };
    if (page === 0) first = body;
    items.push(...list);
    const following = nextPage(body, origin);
    if (following === undefined) return { ok: true, items, complete: false, body: first };
    next = following;
  }
  return { ok: true, items, complete: next === null, body: first };
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
 * absence means unknown) and `users`, which names the assignee (side-loading docs).
 */
export const showManyUrl = (origin: string, keys: readonly string[]) => `${origin}/api/v2/tickets/show_many.json?ids=${ids(keys)}&include=slas,users`;
/** Read-only history of a ticket; no endpoint takes several tickets (§7.2). */
export const auditsUrl = (origin: string, key: string) => `${origin}/api/v2/tickets/${key}/audits.json`;
export const groupsUrl = (origin: string) => `${origin}/api/v2/groups.json`;
export const organizationsUrl = (origin: string, list: readonly number[]) => `${origin}/api/v2/organizations/show_many.json?ids=${ids(list)}`;
