/**
 * Zendesk's side of the shared enrichment policy (`../enricher.ts`: coalescing, cache, backoff):
 * one batch is one Show Many of at most 100 tickets, their group and organization names (cached
 * per origin), then each ticket's audits, a few at a time, each ticket delivered as its audits
 * land. What the audits say (status changes, public comment times: never their bodies) is kept
 * while the ticket is unchanged, for the most recently used tickets only: in the page, and in the
 * background for every tab of the browser, so a new tab or a reload reads no audits for tickets
 * unchanged since any tab read them. Audits are read within a budget per account (held by the
 * background, shared by the browser's tabs on it; a tab's own when there is none to ask), which
 * also stops when the site says few of its requests remain (a count of every agent's), so a long
 * view does not spend the account's API limit.
 * Audits that fail (or wait for the budget) leave that ticket without history (not exact), never
 * with a wrong one; a rate limit or sign-out stops the remaining audits and backs off.
 */
import { isTrailStamp, readSharedTrail, TrailCache, type SharedTrail } from '../../messaging/audit-trails';
import type { TicketFacts } from '../../sla/index';
import { createEnricher, failedBatch, type BatchContext, type BatchOutcome, type Enricher } from '../enricher';
import type { Fetch } from '../http';
import { idOf, obj, type Json } from '../json';
import { cleanRateLimit, createRateBudget, type RateLimitSeen } from '../rate-budget';
import type { EnrichFailure } from '../types';
import { parseTicket, readAuditTrail, type AuditTrail } from './parse';
import { auditsUrl, getJson, getList, groupsUrl, organizationsUrl, showManyUrl, type Requester } from './rest';
import { isValidTicketKey } from './urls';

export { MAX_CACHED_TRAILS, TrailCache, type CachedTrail } from '../../messaging/audit-trails';

export interface ZendeskEnricherOptions {
  fetch: Fetch;
  ttlMs?: number;
  /** Tickets whose facts are kept per origin (../enricher.ts `maxCached`). */
  maxCached?: number;
  coalesceMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Audits requests under way at once (default 4): they share the account's rate limit with the agent UI. */
  auditConcurrency?: number;
  /** Pages of audits read per ticket (default 3); a longer history is read as not exact. */
  maxAuditPages?: number;
  /** How long group and organization names are trusted (default 10 min). */
  namesTtlMs?: number;
  /**
   * Audits read per origin per minute at most by this enricher alone (default 60), when there is
   * no `auditBudget`: the account's whole API budget is 200–700 a minute on most plans, shared
   * with the agent UI. Tickets past it are passed on without history (approximate) and get theirs
   * on a later round.
   */
  auditsPerMinute?: number;
  /**
   * The account's audit budget, shared by the browser's tabs on it (the content script asks the
   * background, `sla:audit-budget`): asked once a batch about the tickets this page keeps no
   * trail for, told what the site last said of its rate limit; resolves to the trails the
   * background keeps for them (another tab read them since their last change) and how many audits
   * may be read for the rest. Without it, this enricher's own budget (`auditsPerMinute`).
   */
  auditBudget?: (ask: AuditBudgetAsk) => Promise<{ granted: number; trails?: SharedTrail[] }>;
  /**
   * Gives the background the trails a batch read, in one message (`sla:audit-trails`), for the
   * other tabs; fire and forget: a failure costs the other tabs a read, nothing here.
   */
  shareTrails?: (put: { site: string; trails: SharedTrail[] }) => unknown;
  /**
   * Audits per origin per minute while `auditBudget` cannot be reached (default 10): the other
   * tabs on the account may be reading theirs, unseen, so this tab alone takes a small share.
   */
  fallbackAuditsPerMinute?: number;
  /** How long `auditBudget` may take to answer before the fallback decides (default 5 s): a background that never answers must not hold the badges back. */
  auditBudgetTimeoutMs?: number;
  /** Where what the audits say is kept; by default a `TrailCache` of its default size. */
  trailCache?: TrailCache;
  /** Per request (default 20 s, ../http.ts). */
  timeoutMs?: number;
  /** Per answer's body (default 8 MiB, ../http.ts). */
  maxBytes?: number;
}

/** Show Many's limit (Tickets docs). */
export const ZENDESK_BATCH_SIZE = 100;

/**
 * What `auditBudget` is asked: the trails of `tickets` of `site` (a host name), each under its
 * update stamp (empty when it has none a trail can be kept under), audits for `want` of them
 * (0 when the batch may read none), and the site's last word on its limit.
 */
export type AuditBudgetAsk = { site: string; want: number; tickets: Array<{ id: number; stamp: string }> } & RateLimitSeen;

/** A tab's share of an account's audits while the background cannot be asked. */
export const FALLBACK_AUDITS_PER_MINUTE = 10;
/** A background waking up answers in well under a second; one that has not answered by then will not. */
export const AUDIT_BUDGET_TIMEOUT_MS = 5_000;

interface Names {
  groups: Map<number, string | null>;
  groupsAt: number;
  organizations: Map<number, string | null>;
  /** Name lookups of one origin run one after another, so two batches never ask for the same list. */
  queue: Promise<unknown>;
}

interface Stop {
  failure: EnrichFailure;
  retryAfterMs?: number;
}

/**
 * Failures that say the site wants no more requests now: a rate limit, a sign-out, the network.
 * Others concern the one ticket or list asked for (a 5xx or 404 on one ticket's audits; a 403,
 * `forbidden`, for a role that may not read the groups or an organization): that one degrades,
 * the rest go on. Show Many itself is the batch: any failure of it fails the batch, as a Jira
 * search's does.
 */
const stops = (answer: { failure: EnrichFailure }) => answer.failure === 'rate-limited' || answer.failure === 'signed-out' || answer.failure === 'network';

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export function createZendeskEnricher(options: ZendeskEnricherOptions): Enricher {
  const concurrency = Math.max(1, options.auditConcurrency ?? 4);
  const maxAuditPages = options.maxAuditPages ?? 3;
  const namesTtl = options.namesTtlMs ?? 10 * 60_000;
  const perMinute = Math.max(1, options.auditsPerMinute ?? 60);
  const names = new Map<string, Names>();
  const trails = options.trailCache ?? new TrailCache();
  const shared = options.auditBudget;
  // This tab's own budget: the only one without `auditBudget`, the fallback with it. It hears the site's word on its limit either way.
  const local = createRateBudget({ perMinute: shared ? Math.max(1, options.fallbackAuditsPerMinute ?? Math.min(perMinute, FALLBACK_AUDITS_PER_MINUTE)) : perMinute });
  /** What each origin's answers last said of its rate limit, not yet passed on to the shared budget. */
  const seen = new Map<string, RateLimitSeen>();

  /** Keeps what an answer said of the rate limit; a 429 that says nothing says none remain, until its Retry-After. */
  function note(origin: string, answer: { ok: boolean; rateLimit?: RateLimitSeen; failure?: string; retryAfterMs?: number }, now: number): void {
    let said = answer.rateLimit;
    if (answer.failure === 'rate-limited') said = cleanRateLimit({ resetSeconds: answer.retryAfterMs !== undefined ? answer.retryAfterMs / 1000 : undefined, ...said, remaining: 0 });
    if (!said) return;
    seen.set(origin, said);
    local.observe(origin, said, now);
  }

  /**
   * The background's trails for `tickets` and the audits it grants for `want` of them; without
   * one, or when it cannot be asked, no trails and this tab's own budget.
   */
  async function grant(origin: string, tickets: AuditBudgetAsk['tickets'], want: number, now: number): Promise<{ granted: number; trails: SharedTrail[] }> {
    if (!shared) return { granted: local.take(origin, want, now), trails: [] };
    const said = seen.get(origin);
    seen.delete(origin);
    const ask: AuditBudgetAsk = { site: new URL(origin).hostname, want, tickets, ...said };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const late = new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error('SLA Lens: the background did not answer in time')), options.auditBudgetTimeoutMs ?? AUDIT_BUDGET_TIMEOUT_MS)),
      );
      const { granted, trails: kept } = await Promise.race([Promise.resolve().then(() => shared(ask)), late]);
      // Never more than asked, whatever the answer says.
      return { granted: Number.isFinite(granted) ? Math.min(want, Math.max(0, Math.floor(granted))) : 0, trails: Array.isArray(kept) ? kept : [] };
    } catch {
      return { granted: local.take(origin, want, now), trails: [] };
    } finally {
      clearTimeout(timer);
    }
  }

  // generated_timestamp moves with every update, system ones included; updated_at is the fallback.
  const stampOf = (t: Json) => String(t.generated_timestamp ?? t.updated_at ?? '');

  const namesOf = (origin: string): Names => {
    let n = names.get(origin);
    if (!n) names.set(origin, (n = { groups: new Map(), groupsAt: -Infinity, organizations: new Map(), queue: Promise.resolve() }));
    return n;
  };

  /** Group and organization names for these tickets, from cache or the site; a failure that should stop the batch. */
  async function resolveNames(origin: string, tickets: Json[], requester: Requester): Promise<Stop | undefined> {
    const n = namesOf(origin);
    const run = n.queue.then(async (): Promise<Stop | undefined> => {
      const groupIds = new Set(tickets.map((t) => idOf(t.group_id)).filter((x) => x !== undefined));
      // The whole list in one or a few requests: accounts have few groups, and any ticket may name any of them.
      if ([...groupIds].some((g) => typeof n.groups.get(g) !== 'string') && requester.now - n.groupsAt >= namesTtl) {
        const listed = await getList(requester, groupsUrl(origin), 'groups', 5);
        note(origin, listed, requester.now);
        if (!listed.ok && stops(listed)) return listed;
        if (listed.ok) {
          n.groups = new Map();
          for (const g of listed.items.map(obj)) {
            const gid = idOf(g?.id);
            if (gid !== undefined && typeof g?.name === 'string') n.groups.set(gid, g.name);
          }
          n.groupsAt = requester.now;
        }
      }
      const missing = [...new Set(tickets.map((t) => idOf(t.organization_id)).filter((x) => x !== undefined))].filter((o) => !n.organizations.has(o));
      for (let i = 0; i < missing.length; i += 100) {
        const chunk = missing.slice(i, i + 100);
        const shown = await getJson(requester, organizationsUrl(origin, chunk));
        note(origin, shown, requester.now);
        if (!shown.ok) return stops(shown) ? shown : undefined;
        const list = obj(shown.body)?.organizations;
        if (!Array.isArray(list)) return undefined;
        // Asked for and not returned (deleted, or not visible): remembered as unknown, not asked again.
        for (const o of chunk) n.organizations.set(o, null);
        for (const o of list.map(obj)) {
          const oid = idOf(o?.id);
          if (oid !== undefined && chunk.includes(oid) && typeof o?.name === 'string') n.organizations.set(oid, o.name);
        }
      }
      return undefined;
    });
    n.queue = run.catch(() => undefined);
    return run;
  }

  async function fetchBatch(origin: string, keys: string[], { signal, now, deliver, wave }: BatchContext): Promise<BatchOutcome> {
    // Requests may go to `origin` only, whatever a page of results names as the next one. The
    // rows in view (the first wave) go ahead of the page's other requests, their audits included.
    const requester: Requester = { fetch: options.fetch, origin, signal, now, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, priority: wave.first ? 'high' : undefined };
    const shown = await getJson(requester, showManyUrl(origin, keys));
    note(origin, shown, now);
    if (!shown.ok) return failedBatch(shown);
    const body = obj(shown.body);
    if (!body || !Array.isArray(body.tickets)) return { failure: 'bad-response' };
    const wanted = new Set(keys);
    // In the order asked (the rows in view first), whatever order the answer lists them in: the audits go in this order.
    const order = new Map(keys.map((k, i) => [k, i]));
    const tickets = body.tickets
      .map(obj)
      .filter((t): t is Json => t !== undefined && wanted.has(String(idOf(t.id))))
      .sort((a, b) => order.get(String(idOf(a.id)))! - order.get(String(idOf(b.id)))!);

    const users = new Map<number, string>();
    for (const u of (Array.isArray(body.users) ? body.users : []).map(obj)) {
      const uid = idOf(u?.id);
      if (uid !== undefined && typeof u?.name === 'string') users.set(uid, u.name);
    }

    // The groups and organizations the tickets name come with them (sideloaded): a cold page then
    // waits for no name lookup at all, which cost it two round trips one after the other. Those
    // the answer leaves out (an account that ignores the sideload) are still looked up.
    const n = namesOf(origin);
    for (const g of (Array.isArray(body.groups) ? body.groups : []).map(obj)) {
      const gid = idOf(g?.id);
      if (gid !== undefined && typeof g?.name === 'string') n.groups.set(gid, g.name);
    }
    for (const o of (Array.isArray(body.organizations) ? body.organizations : []).map(obj)) {
      const oid = idOf(o?.id);
      if (oid !== undefined && typeof o?.name === 'string') n.organizations.set(oid, o.name);
    }

    // Names still missing are needed only to word the facts: asked beside the audit budget and the
    // audits, not before them, so a page's first badges wait one round trip less.
    let stop: Stop | undefined;
    const named = resolveNames(origin, tickets, requester).then((stopped) => {
      stop ??= stopped;
      return { site: new URL(origin).hostname, origin, groups: n.groups, organizations: n.organizations, users };
    });
    // Awaited below; until then a failure must not count as unhandled.
    named.catch(() => undefined);

    const known = new Map<Json, AuditTrail | null>();
    for (const ticket of tickets) {
      const cached = trails.get(origin, idOf(ticket.id)!);
      const stamp = stampOf(ticket);
      known.set(ticket, cached && cached.stamp === stamp && stamp !== '' ? cached.trail : null);
    }
    // One ask for the whole batch: a message per ticket would cost more than the audits it saves.
    const missing = tickets.filter((t) => known.get(t) === null).slice(0, ZENDESK_BATCH_SIZE);
    let grants = 0;
    if (missing.length > 0 && !signal.aborted) {
      // A stamp too long to share is sent empty: the background then neither serves nor keeps a trail for it.
      const refs = missing.map((t) => ({ id: idOf(t.id)!, stamp: isTrailStamp(stampOf(t)) ? stampOf(t) : '' }));
      // Asked even when this batch may read none: the trails other tabs read cost the site nothing.
      const answer = await grant(origin, refs, refs.length, now);
      const byId = new Map(missing.map((t) => [idOf(t.id)!, t]));
      // Checked again here: `auditBudget` is the caller's, and a trail of another ticket or stamp would be a wrong history.
      for (const item of answer.trails) {
        const given = obj(item);
        const id = idOf(given?.id);
        const ticket = id === undefined ? undefined : byId.get(id);
        if (!given || id === undefined || !ticket || known.get(ticket) !== null) continue;
        const stamp = stampOf(ticket);
        const trail = isTrailStamp(stamp) && given.stamp === stamp ? readSharedTrail(given.trail) : null;
        if (!trail) continue;
        known.set(ticket, trail);
        trails.set(origin, id, { stamp, trail });
      }
      grants = Math.min(answer.granted, missing.filter((t) => known.get(t) === null).length);
    }
    /** Trails this batch read, for the other tabs: only what `readSharedTrail` passes, as the background takes nothing else. */
    const read: SharedTrail[] = [];

    const facts = (ticket: Json, context: Awaited<typeof named>, trail: AuditTrail | null): Map<string, TicketFacts> => {
      const f = parseTicket(ticket, context, trail);
      return f ? new Map([[f.key, f]]) : new Map();
    };
    // The tickets with nothing to read (a trail kept, or no audit granted) go on together, as soon
    // as their names are known: one message to the background for them, not one each, so the
    // rows in view are not badged a message at a time.
    const toRead = tickets.filter((t) => known.get(t) === null).slice(0, grants);
    // Where the caller said which rows are on screen, the others whose audits are to be read go on
    // at once too, approximate, and again when their audits land: a long view is badged without
    // waiting for a minute's worth of audits; the rows on screen wait for theirs.
    const waiting = new Set(wave.inView ? toRead.filter((t) => wave.inView!.has(String(idOf(t.id)))) : toRead);
    const ready = named.then((context) => {
      if (signal.aborted) return;
      const batch = new Map<string, TicketFacts>();
      for (const ticket of tickets) if (!waiting.has(ticket)) for (const [key, f] of facts(ticket, context, known.get(ticket) ?? null)) batch.set(key, f);
      if (batch.size > 0) deliver(batch);
    });

    // The audits of tickets already passed on approximate are not urgent: they wait behind the
    // Show Many of the page's other rows (which would otherwise wait for a minute's worth of
    // audits before any of those rows had a badge).
    const later: Requester = { ...requester, priority: undefined };
    // The rows in view read their audits with the page's larger allowance for them (limit.ts).
    await inPool(toRead, wave.first ? concurrency * 2 : concurrency, async (ticket) => {
      if (signal.aborted) return;
      const id = idOf(ticket.id)!;
      const stamp = stampOf(ticket);
      let trail: AuditTrail | null = null;
      // The site's word that few requests remain stops the rest of the batch too, not only the next one.
      if (!stop && !local.paused(origin, now)) {
        const audits = await getList(waiting.has(ticket) ? requester : later, auditsUrl(origin, String(id)), 'audits', maxAuditPages);
        note(origin, audits, now);
        if (audits.ok) {
          trail = readAuditTrail(audits.items, audits.complete);
          trails.set(origin, id, { stamp, trail });
          const shareable = isTrailStamp(stamp) ? readSharedTrail(trail) : null;
          if (shareable) read.push({ id, stamp, trail: shareable });
        } else if (stops(audits)) stop ??= audits;
      }
      const context = await named;
      if (signal.aborted) return;
      const found = facts(ticket, context, trail);
      if (found.size > 0) deliver(found);
    });
    await ready;
    // Even from an aborted batch: what was read is true of its tickets all the same.
    await named;
    if (read.length > 0 && options.shareTrails) {
      try {
        void Promise.resolve(options.shareTrails({ site: new URL(origin).hostname, trails: read })).catch(() => undefined);
      } catch {
        // Best effort: the other tabs read these audits themselves.
      }
    }
    if (signal.aborted) return { failure: 'network' };
    return stop ? failedBatch(stop) : {};
  }

  return createEnricher({
    fetchBatch,
    normalizeKey: (key) => {
      const k = key.trim();
      return isValidTicketKey(k) ? k : null;
    },
    batchSize: ZENDESK_BATCH_SIZE,
    // Every Show Many of a page at once: a chunk then waits on its audits for seconds (4 at a
    // time, within the budget), and a pool of four held the other chunks' Show Many behind them
    // (measured: a 1,000-row view badged 0.8 s later).
    chunksAtOnce: Infinity,
    ttlMs: options.ttlMs,
    maxCached: options.maxCached,
    coalesceMs: options.coalesceMs,
    backoffBaseMs: options.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs,
  });
}
