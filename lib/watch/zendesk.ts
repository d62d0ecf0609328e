/**
 * Lists the tickets in a watched Zendesk scope (issue 16 §2) from the background, with no Zendesk
 * page open: the ids only, in Zendesk's order; their facts come from the overlay's enrichment.
 *
 * - A view: Count Tickets in View first (`GET /api/v2/views/{id}/count`), so a view past the cap
 *   is refused before it is paged through; then List Tickets From a View
 *   (`GET /api/v2/views/{id}/tickets?page[size]=100`, cursor pagination, at most 100 a page).
 * - A search: Export Search Results (`GET /api/v2/search/export?query=…&filter[type]=ticket`),
 *   allowed for agents. The plain `GET /api/v2/search` stops at 1,000 results, pages by offset
 *   only (which may repeat results) and answers a page past the limit with a 422; the export
 *   pages by cursor with no such limit. It needs `filter[type]`, refuses a `type:` in the query,
 *   and orders by `created_at` only, which a set of ids does not mind.
 *
 * Neither endpoint takes a list of fields (no `fields=`, no ids-only form), so each page carries
 * whole tickets; 100 a page keeps each answer small, as the export's docs recommend.
 * Sources: the Views and Search pages of Zendesk's API reference, and its cursor pagination guide
 * (`__fixtures__/zendesk/PROVENANCE.md`).
 *
 * Every request is a GET through `requestJson` (../sources/http.ts), the one way the sources send
 * requests: the given origin only, no redirects, a timeout and a size cap, 401/403/429/5xx and a
 * sign-in page classified. Not through `getJson` (../sources/zendesk/rest.ts): it turns every
 * other status into `bad-response` and drops the body, and a refused search's body is what says
 * what is wrong with it. Never throws.
 */
import { t, tp, uiLocale } from '../i18n/core';
import { obj, str, type Json } from '../sources/json';
import { requestJson, type HttpFailure, type JsonAnswer, type RequestContext } from '../sources/http';
import { parseZendeskDate } from '../sources/zendesk/parse';
import { oneLine } from './one-line';
import { MAX_SCOPE_TICKETS, type ScopeListing, type ZendeskScopeQuery } from './types';

/**
 * Tickets asked for a page: the most cursor pagination gives on most endpoints (the pagination
 * guide), and what the export's docs recommend (up to 1,000 may time out). A scope at the cap thus
 * costs about 100 requests a listing: for a search, the export's whole allowance for a minute.
 */
const ZENDESK_PAGE_SIZE = 100;
/**
 * Pages allowed beyond those the cap needs: a cursor page may come back short or even empty with
 * more to come (the export's documented example is one), but a site that keeps saying "more"
 * without giving tickets is not followed for ever.
 */
const SPARE_PAGES = 10;
/** The same form the options page accepts (./input.ts). */
const VIEW_ID = /^\d{1,18}$/;
/** `type:ticket` says what `filter[type]=ticket` says; the export refuses any `type:` in the query. */
const TYPE_TICKET = /(^|\s)type:ticket(?=\s|$)/gi;
/** A search the messages give as an example, as written in Zendesk (not translated). */
const EXAMPLE_SEARCH = 'status<solved group:"Tier 2"';

type Failure = Extract<ScopeListing, { ok: false }>;

interface Listing {
  context: RequestContext;
  origin: string;
  site: string;
  kind: ZendeskScopeQuery['kind'];
  /** How the sentences name the scope: `view 360001`, `the search “status<solved”` (in the language in use). */
  label: string;
  requests: number;
}

/**
 * What a view's listing can start from after its first: the tickets it held, where its walk got
 * to, and the account's recent changes (`listZendeskChanges`, asked once a round for every view
 * on the account, before any of them is listed).
 */
export interface ViewFollow {
  keys: readonly string[];
  walk?: number;
  changes(): Promise<ChangedOnSite | undefined>;
}

export async function listZendeskScope(context: RequestContext, origin: string, query: ZendeskScopeQuery, maxTickets = MAX_SCOPE_TICKETS, since?: number, follow?: ViewFollow): Promise<ScopeListing> {
  if (query.kind === 'view' && since !== undefined && follow && VIEW_ID.test(query.view.trim())) {
    const run: Listing = { context, origin, site: siteOf(origin), kind: 'view', label: t('watch_scope_view', { view: query.view.trim() }), requests: 0 };
    const followed = await followView(run, query.view.trim(), maxTickets, since, follow);
    // A view too busy to follow in a few pages, or one that will not sort, is listed whole.
    if (followed !== undefined) return followed;
    return changedSince(await listView(run, query.view.trim(), maxTickets, false), since);
  }
  const listing = await listIds(context, origin, query, maxTickets, since === undefined);
  if (!listing.ok || since === undefined) {
    if (!listing.ok) return listing;
    const { updated: _updated, ...rest } = listing;
    return rest;
  }
  // Every ticket a view or the export lists carries its last change: which to read again is free.
  return changedSince(listing, since);
}

/** A whole listing's `changed` (and their stamps), from the `updated_at` each listed ticket carries; one without a stamp counts as changed. */
function changedSince(listing: IdsListing, since: number): ScopeListing {
  if (!listing.ok) return listing;
  const { updated, ...rest } = listing;
  const changed = rest.keys.filter((id) => (updated?.get(id) ?? Infinity) >= since);
  return { ...rest, changed, stamps: stampsOf(changed, (id) => updated?.get(id)) };
}

function stampsOf(ids: readonly string[], stamp: (id: string) => number | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of ids) {
    const at = stamp(id);
    if (at !== undefined) out[id] = at;
  }
  return out;
}

type IdsListing = ScopeListing & { updated?: Map<string, number> };

async function listIds(context: RequestContext, origin: string, query: ZendeskScopeQuery, maxTickets: number, counted: boolean): Promise<IdsListing> {
  const site = siteOf(origin);
  if (query.kind === 'view') {
    const view = query.view.trim();
    if (!VIEW_ID.test(view)) return { ok: false, failure: 'invalid-query', message: t('watch_zendesk_bad_view', { site, example: '360001', view: clip(query.view) }), requests: 0 };
    return listView({ context, origin, site, kind: 'view', label: t('watch_scope_view', { view }), requests: 0 }, view, maxTickets, counted);
  }
  const search = query.search.replace(TYPE_TICKET, '$1').replace(/\s+/g, ' ').trim();
  if (search === '') {
    const message =
      query.search.trim() === '' ? t('watch_zendesk_search_empty', { site, example: EXAMPLE_SEARCH }) : t('watch_zendesk_search_type_only', { site, token: 'type:ticket', example: EXAMPLE_SEARCH });
    return { ok: false, failure: 'invalid-query', message, requests: 0 };
  }
  return listSearch({ context, origin, site, kind: 'search', label: t('watch_scope_search', { search: clip(search) }), requests: 0 }, search, maxTickets);
}

async function listView(run: Listing, view: string, maxTickets: number, counted = true): Promise<IdsListing> {
  const base = `${run.origin}/api/v2/views/${view}`;
  // A view listed before was within the cap: paging refuses it all the same if it grew past.
  if (!counted) return collect(run, `${base}/tickets.json?page[size]=${ZENDESK_PAGE_SIZE}`, 'tickets', maxTickets, (status) => (status === 404 ? notFound(run, view) : undefined));
  const count = await get(run, `${base}/count.json`);
  // Paging would meet the same answer; other failures only cost the early refusal.
  if (!count.ok && (count.failure === 'signed-out' || count.failure === 'forbidden')) return failed(run, count);
  if (count.status === 404) return notFound(run, view);
  if (count.ok && count.status === 200) {
    const known = knownCount(count.body);
    if (known !== undefined && known > maxTickets) return tooMany(run, maxTickets, known);
  }
  if (run.context.signal.aborted) return stopped(run);
  return collect(run, `${base}/tickets.json?page[size]=${ZENDESK_PAGE_SIZE}`, 'tickets', maxTickets, (status) => (status === 404 ? notFound(run, view) : undefined));
}

async function listSearch(run: Listing, search: string, maxTickets: number): Promise<IdsListing> {
  const url = `${run.origin}/api/v2/search/export.json?query=${encodeURIComponent(search)}&filter[type]=ticket&page[size]=${ZENDESK_PAGE_SIZE}`;
  return collect(run, url, 'results', maxTickets, (status, body) => {
    if (status !== 400 && status !== 422) return undefined;
    const why = zendeskError(body);
    const message = why ? t('watch_zendesk_refused_said', { site: run.site, scope: run.label, said: clip(why, 300) }) : t('watch_zendesk_refused', { site: run.site, scope: run.label });
    return { ok: false, failure: 'invalid-query', message, requests: run.requests };
  });
}

/**
 * The ticket ids of every page from `first`, each once, in the site's order: refused as soon as
 * they pass `maxTickets`, so a scope past the cap costs at most one page more than the cap.
 * `refusal` reads a status other than 200 (with its body) that means something for this endpoint.
 */
async function collect(run: Listing, first: string, key: 'tickets' | 'results', maxTickets: number, refusal: (status: number, body: unknown) => Failure | undefined): Promise<IdsListing> {
  const ids: string[] = [];
  const seen = new Set<string>();
  const updated = new Map<string, number>();
  const cursors = new Set<string>();
  const maxPages = Math.ceil(maxTickets / ZENDESK_PAGE_SIZE) + 1 + SPARE_PAGES;
  let url: string | null = first;
  for (let page = 0; url !== null; page++) {
    if (run.context.signal.aborted) return stopped(run);
    if (page >= maxPages) return unreadable(run);
    const answer = await get(run, url);
    if (!answer.ok) {
      if (run.context.signal.aborted) return stopped(run);
      // A refusal whose body is not JSON still says what its status says.
      const refused = answer.failure === 'bad-response' && !answer.refused && answer.status !== undefined ? refusal(answer.status, undefined) : undefined;
      return refused ?? failed(run, answer);
    }
    if (answer.status !== 200) return refusal(answer.status, answer.body) ?? unreadable(run);
    const body = obj(answer.body);
    const items = body?.[key];
    if (!body || !Array.isArray(items)) return unreadable(run);
    for (const item of items) {
      const ticket = obj(item);
      // The export names each result's kind; a view lists tickets only.
      if (ticket?.result_type !== undefined && ticket.result_type !== 'ticket') continue;
      const id = ticketId(ticket?.id);
      if (id === undefined) return unreadable(run);
      if (seen.has(id)) continue;
      seen.add(id);
      ids.push(id);
      const stamp = parseZendeskDate(ticket?.updated_at);
      if (stamp !== null) updated.set(id, stamp);
    }
    if (ids.length > maxTickets) return tooMany(run, maxTickets);
    const next = nextPage(body, first, run.origin, cursors);
    if (next === undefined) return unreadable(run);
    url = next;
  }
  return { ok: true, keys: ids, requests: run.requests, updated };
}

/**
 * How far before a round's own window the account's changes and a followed view are read: Zendesk
 * takes "up to a few minutes" to index a change for search (Search API), so each change is looked
 * for over several rounds; integrators measure up to 15 minutes.
 */
export const SEARCH_LAG_MS = 15 * 60_000;
/** Pages of a view, newest change first, read before it counts as too busy to follow and is listed whole. */
const FOLLOW_PAGES = 3;
/** Pages of the account's changes read a round; past them, the walk still notices what left. */
const CHANGES_PAGES = 3;

/** The tickets the account-wide search says changed at or after `from`, with their `updated_at`. */
export interface ChangedOnSite {
  from: number;
  updated: Map<string, number>;
}

/**
 * The account's tickets changed in the last minutes, through Export Search Results
 * (`updated>{n}minutes`, relative to Zendesk's own clock): one request a round for every view on
 * the account, however many it watches. What it says is only ever used to notice that a ticket
 * left a view, never to add one, so a search that lags or fails costs only how soon that is seen.
 */
export async function listZendeskChanges(context: RequestContext, origin: string, from: number): Promise<{ changes?: ChangedOnSite; requests: number }> {
  const run: Listing = { context, origin, site: siteOf(origin), kind: 'search', label: t('watch_scope_recent_changes'), requests: 0 };
  const minutes = Math.max(1, Math.ceil((context.now - from) / 60_000));
  const first = `${origin}/api/v2/search/export.json?query=${encodeURIComponent(`updated>${minutes}minutes`)}&filter[type]=ticket&page[size]=${ZENDESK_PAGE_SIZE}`;
  const updated = new Map<string, number>();
  const cursors = new Set<string>();
  let url: string | null | undefined = first;
  for (let page = 0; url && page < CHANGES_PAGES; page++) {
    const answer = await get(run, url);
    if (!answer.ok || answer.status !== 200) return { requests: run.requests };
    const body = obj(answer.body);
    const results = body?.results;
    if (!body || !Array.isArray(results)) return { requests: run.requests };
    for (const item of results) {
      const ticket = obj(item);
      const id = ticketId(ticket?.id);
      const stamp = parseZendeskDate(ticket?.updated_at);
      if (id !== undefined && stamp !== null && (ticket?.result_type === undefined || ticket.result_type === 'ticket')) updated.set(id, stamp);
    }
    url = nextPage(body, first, origin, cursors);
  }
  return { changes: { from: context.now - minutes * 60_000, updated }, requests: run.requests };
}

/**
 * A view listed before, followed rather than listed whole (issue 16 §2, "incrementally where the
 * API allows"): its tickets newest change first (`sort_by=updated`) back to the window, which
 * says what changed or joined; the account's changes, which say what left (a ticket that changed
 * in the window and is not among the view's is no longer in it); and one page of a walk through
 * the view by id (`sort_by=nice_id`), a page a round, which notices what the changes cannot (a
 * view whose conditions count hours, a change the search had not indexed yet) within a lap.
 * Undefined when the view is too busy to follow in a few pages or will not sort: listed whole then.
 */
async function followView(run: Listing, view: string, maxTickets: number, since: number, follow: ViewFollow): Promise<IdsListing | undefined> {
  const base = `${run.origin}/api/v2/views/${view}/tickets.json`;
  // The account's changes first: a ticket that changed after this search and is still in the view is then sure to be listed below.
  const changes = await follow.changes();
  const windowStart = Math.min(since, changes?.from ?? since);
  const recent = new Map<string, number | undefined>();
  let url: string | null | undefined = `${base}?sort_by=updated&sort_order=desc&per_page=${ZENDESK_PAGE_SIZE}`;
  let reached = false;
  for (let page = 0; url && !reached; page++) {
    if (page >= FOLLOW_PAGES) return undefined;
    const read = await viewPage(run, url, view);
    if (!('tickets' in read)) return read.failure;
    if (read.count !== undefined && read.count > maxTickets) return tooMany(run, maxTickets, read.count);
    for (const t of read.tickets) {
      if (t.updated !== undefined && t.updated < windowStart) {
        reached = true;
        break;
      }
      recent.set(t.id, t.updated);
    }
    url = read.next;
  }
  const page = follow.walk !== undefined && follow.walk > 0 ? follow.walk : 1;
  const walked = await viewPage(run, `${base}?sort_by=nice_id&sort_order=asc&per_page=${ZENDESK_PAGE_SIZE}&page=${page}`, view);
  if (!('tickets' in walked)) return walked.failure;

  const held = new Set(follow.keys);
  for (const id of recent.keys()) held.add(id);
  if (changes) {
    for (const [id, stamp] of changes.updated) if (stamp >= windowStart && !recent.has(id)) held.delete(id);
  }
  const onPage = walked.tickets.map((t) => t.id);
  if (onPage.length > 0 || page === 1) {
    // Only the ids the page spans are judged: a ticket that joined or left between two rounds' pages shifts them.
    const lo = page === 1 ? -Infinity : Number(onPage[0]);
    const hi = walked.next ? Number(onPage[onPage.length - 1]) : Infinity;
    const seen = new Set(onPage);
    for (const id of [...held]) if (Number(id) >= lo && Number(id) <= hi && !seen.has(id) && !recent.has(id)) held.delete(id);
    for (const id of onPage) held.add(id);
  }
  if (held.size > maxTickets) return tooMany(run, maxTickets);
  // The order the view had, then those that joined.
  const before = new Set(follow.keys);
  const keys = [...follow.keys.filter((k) => held.has(k)), ...[...held].filter((k) => !before.has(k))];
  const changed = [...recent].filter(([, stamp]) => stamp === undefined || stamp >= since).map(([id]) => id);
  const walk = walked.next && onPage.length > 0 ? page + 1 : 1;
  return { ok: true, keys, changed, stamps: stampsOf(changed, (id) => recent.get(id)), requests: run.requests, walk };
}

interface ViewPage {
  tickets: Array<{ id: string; updated?: number }>;
  next: string | null;
  count?: number;
}

/** One offset page of a sorted view: its tickets (id, `updated_at`), the next page on this origin, the view's `count`. */
async function viewPage(run: Listing, url: string, view: string): Promise<ViewPage | { failure: Failure | undefined }> {
  if (run.context.signal.aborted) return { failure: stopped(run) };
  const answer = await get(run, url);
  if (!answer.ok) return { failure: run.context.signal.aborted ? stopped(run) : failed(run, answer) };
  if (answer.status === 404) return { failure: notFound(run, view) };
  // A sort the site refuses: listed whole instead, as before there was a way to follow.
  if (answer.status !== 200) return { failure: undefined };
  const body = obj(answer.body);
  const items = body?.tickets;
  if (!body || !Array.isArray(items)) return { failure: unreadable(run) };
  const tickets: ViewPage['tickets'] = [];
  for (const item of items) {
    const ticket = obj(item);
    const id = ticketId(ticket?.id);
    if (id === undefined) return { failure: unreadable(run) };
    const stamp = parseZendeskDate(ticket?.updated_at);
    tickets.push(stamp === null ? { id } : { id, updated: stamp });
  }
  const next = body.next_page === null || body.next_page === undefined ? null : sameOrigin(body.next_page, run.origin);
  if (next === undefined) return { failure: unreadable(run) };
  const count = typeof body.count === 'number' && Number.isSafeInteger(body.count) ? body.count : undefined;
  return { tickets, next, ...(count !== undefined ? { count } : {}) };
}

/**
 * The next page's URL, null at the end, undefined when the answer says there is more but gives no
 * way on that stays on `origin`. The next cursor page is `first` with `page[after]` set to
 * `meta.after_cursor` (the cursor guide's way), rather than `links.next`, which may name
 * the account's `*.zendesk.com` host when the agent uses a mapped one (the export's documented
 * example points at another host than its request's). A cursor seen before is refused: following
 * it would loop. Offset pagination's `next_page`, which the site would answer with if it ignored
 * `page[size]`, is followed too, so a long scope is never cut to its first page.
 */
function nextPage(body: Json, first: string, origin: string, cursors: Set<string>): string | null | undefined {
  const meta = obj(body.meta);
  if (meta) {
    if (meta.has_more !== true) return null;
    const cursor = str(meta.after_cursor);
    if (cursor !== undefined) {
      if (cursors.has(cursor)) return undefined;
      cursors.add(cursor);
      return `${first}&page[after]=${encodeURIComponent(cursor)}`;
    }
    return sameOrigin(obj(body.links)?.next, origin);
  }
  if (body.next_page === null || body.next_page === undefined) return null;
  return sameOrigin(body.next_page, origin);
}

function sameOrigin(link: unknown, origin: string): string | undefined {
  if (typeof link !== 'string') return undefined;
  try {
    const url = new URL(link, origin);
    return url.origin === origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A GET as the overlay sends one; a request refused before it was sent is not counted. */
async function get(run: Listing, url: string): Promise<JsonAnswer> {
  if (run.context.signal.aborted) return { ok: false, failure: 'network' };
  const answer = await requestJson(run.context, url, { method: 'GET', headers: { Accept: 'application/json' } });
  if (answer.ok || answer.refused !== 'origin') run.requests++;
  return answer;
}

/**
 * The view's ticket count when Zendesk stands by it. `value` is null while Zendesk computes it
 * ("not to be confused with 0 tickets"), and `fresh: false` marks a count it is still refreshing:
 * neither refuses a view, the cap while paging still holds. A count is an estimate (cached for an
 * hour or more on large views), so it only ever refuses, never lists.
 */
function knownCount(body: unknown): number | undefined {
  const count = obj(obj(body)?.view_count);
  if (!count || count.fresh === false) return undefined;
  const value = count.value;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** A ticket id as the site gives it (a positive integer), as the string the watch keys tickets by. */
function ticketId(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v > 0 ? String(v) : undefined;
  return typeof v === 'string' && /^[1-9]\d{0,17}$/.test(v) ? v : undefined;
}

/**
 * What Zendesk said was wrong, as text: the documented `{error, description}` (Search API,
 * "Errors JSON Format"), or the `{error: {title, message}}` form its search has also answered with.
 */
function zendeskError(body: unknown): string | undefined {
  const b = obj(body);
  if (!b) return undefined;
  const nested = obj(b.error);
  const text = str(b.description) ?? str(nested?.message) ?? str(nested?.title) ?? str(b.error);
  return text?.replace(/\s+/g, ' ').trim() || undefined;
}

function failed(run: Listing, answer: HttpFailure): Failure {
  const retry = answer.failure === 'rate-limited' && answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {};
  return { ok: false, failure: answer.failure, message: sentence(run, answer.failure), requests: run.requests, ...retry };
}

function sentence(run: Listing, failure: HttpFailure['failure']): string {
  const vars = { site: run.site, scope: run.label };
  switch (failure) {
    case 'signed-out':
      return t('watch_zendesk_signed_out', vars);
    case 'forbidden':
      return t('watch_zendesk_forbidden', vars);
    case 'rate-limited':
      return t('watch_zendesk_rate_limited', vars);
    case 'server-error':
      return t('watch_zendesk_server_error', vars);
    case 'network':
      return t('watch_unreachable', vars);
    case 'bad-response':
      return t('watch_zendesk_bad_response', vars);
  }
}

const notFound = (run: Listing, view: string): Failure => ({
  ok: false,
  failure: 'not-found',
  message: t('watch_zendesk_view_not_found', { view, site: run.site }),
  requests: run.requests,
});

function tooMany(run: Listing, maxTickets: number, counted?: number): Failure {
  const vars = { scope: capital(run.label), site: run.site, max: maxTickets };
  const view = run.kind === 'view';
  const message =
    counted !== undefined ? tp(view ? 'watch_zendesk_view_about' : 'watch_zendesk_search_about', counted, vars) : tp(view ? 'watch_zendesk_view_more' : 'watch_zendesk_search_more', maxTickets, vars);
  return { ok: false, failure: 'too-many', message, requests: run.requests };
}

const unreadable = (run: Listing): Failure => ({ ok: false, failure: 'bad-response', message: sentence(run, 'bad-response'), requests: run.requests });

const stopped = (run: Listing): Failure => ({ ok: false, failure: 'network', message: t('watch_listing_stopped', { scope: run.label, site: run.site }), requests: run.requests });

function siteOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}

/** The scope's words at the start of a sentence. */
const capital = (s: string) => s.charAt(0).toLocaleUpperCase(uiLocale().tag) + s.slice(1);

/** A user's text inside a sentence: one line, not the whole of a long query. */
const clip = (text: string, max = 80) => oneLine(text, max);
