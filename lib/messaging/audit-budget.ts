/**
 * The background's side of `sla:audit-budget` and `sla:audit-trails`: one budget of Zendesk audit
 * requests per site, and one cache of what those audits said (`AuditTrail`s), both shared by the
 * browser's tabs on it. Zendesk's rate limit is the account's (200–700 requests a minute on most
 * plans, for every agent, tab and integration), so a budget per tab would let many tabs spend it
 * between them; other agents' browsers are heard only through the site's rate-limit headers the
 * tabs pass on. And a trail cache per page would read every ticket's audits again on every page
 * load: kept here, a ticket's audits are read once per change in the browser, and a budget ask is
 * answered with the trails already kept, budget granted only for the rest. Plain code (no zod, no
 * `browser`): the background wires it to `runtime.onMessage`, tests call it directly.
 */
import { cleanRateLimit, createRateBudget, MAX_RATE_LIMIT, MAX_RESET_SECONDS } from '../sources/rate-budget';
import { isTicketId, isTrailStamp, MAX_CACHED_TRAILS, readSharedTrail, SHARED_TRAIL_LIMITS, TrailCache, type SharedTrail } from './audit-trails';
import { FACT_LIMITS } from './limits';
import { AUDIT_BUDGET_TYPE, AUDIT_TRAILS_TYPE, MAX_AUDIT_TICKETS, senderProblem, type Envelope, type Sender } from './protocol';
import type { AuditBudgetRequest, AuditBudgetResponse, AuditTicketRef, AuditTrailsPut, AuditTrailsStored } from './types';

const BUDGET_KEYS = new Set(['type', 'site', 'want', 'tickets', 'remaining', 'limit', 'resetSeconds']);
const TRAILS_KEYS = new Set(['type', 'site', 'trails']);
const TICKET_KEYS = new Set(['id', 'stamp']);
const TRAIL_KEYS = new Set(['id', 'stamp', 'trail']);

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const onlyKeys = (r: Record<string, unknown>, keys: ReadonlySet<string>) => Object.keys(r).every((k) => keys.has(k));

const within = (value: unknown, min: number, max: number, integer: boolean): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));

/** An optional part: absent (or undefined, as Firefox's structured clone keeps it), else in range. */
const optional = (value: unknown, min: number, max: number, integer: boolean) => value === undefined || within(value, min, max, integer);

/** The site a message names, when it is a host name's length; the sender is checked against it before anything else is read. */
const siteOf = (m: Record<string, unknown>): string | null => (typeof m.site === 'string' && m.site.length > 0 && m.site.length <= FACT_LIMITS.site ? m.site : null);

/** 1 to `MAX_AUDIT_TICKETS` items, each read by `read` (null refuses the lot), no id twice. */
function listOf<T extends { id: number }>(value: unknown, read: (item: Record<string, unknown>) => T | null): T[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_AUDIT_TICKETS) return null;
  const out: T[] = [];
  const ids = new Set<number>();
  for (const item of value as unknown[]) {
    const r = record(item);
    const got = r && read(r);
    if (!got || ids.has(got.id)) return null;
    ids.add(got.id);
    out.push(got);
  }
  return out;
}

/** A ticket an ask names: its id, and its stamp (empty when it has none a trail could be kept under). */
const ticketRef = (r: Record<string, unknown>): AuditTicketRef | null =>
  onlyKeys(r, TICKET_KEYS) && isTicketId(r.id) && typeof r.stamp === 'string' && r.stamp.length <= SHARED_TRAIL_LIMITS.stamp ? { id: r.id, stamp: r.stamp } : null;

/** A trail a tab gives: an id, a stamp to keep it under, and a trail within `SHARED_TRAIL_LIMITS`, copied clean. */
function sharedTrail(r: Record<string, unknown>): SharedTrail | null {
  if (!onlyKeys(r, TRAIL_KEYS) || !isTicketId(r.id) || !isTrailStamp(r.stamp)) return null;
  const trail = readSharedTrail(r.trail);
  return trail ? { id: r.id, stamp: r.stamp, trail } : null;
}

/**
 * The message, checked; null for anything else: another type, a key it does not have, a site
 * that is not a host name's length, tickets that are not 1 to `MAX_AUDIT_TICKETS` distinct
 * positive ids with stamps of at most 40 characters, a `want` that is not a whole number from 0 to
 * the tickets listed, or a figure of the site's that is not a finite number within bounds.
 */
export function parseAuditBudgetRequest(message: unknown): AuditBudgetRequest | null {
  const m = record(message);
  if (!m || !onlyKeys(m, BUDGET_KEYS) || m.type !== AUDIT_BUDGET_TYPE) return null;
  const site = siteOf(m);
  const tickets = listOf(m.tickets, ticketRef);
  if (site === null || !tickets) return null;
  if (!within(m.want, 0, tickets.length, true)) return null;
  if (!optional(m.remaining, 0, MAX_RATE_LIMIT, true) || !optional(m.limit, 1, MAX_RATE_LIMIT, true) || !optional(m.resetSeconds, 0, MAX_RESET_SECONDS, false)) return null;
  return { type: AUDIT_BUDGET_TYPE, site, want: m.want, tickets, ...cleanRateLimit(m) };
}

/**
 * The message, checked, its trails copied clean; null for anything else, refused whole: another
 * type, a key it does not have, a site that is not a host name's length, or trails that are not 1
 * to `MAX_AUDIT_TICKETS` distinct tickets each with a stamp and a trail within `SHARED_TRAIL_LIMITS`.
 */
export function parseAuditTrailsPut(message: unknown): AuditTrailsPut | null {
  const m = record(message);
  if (!m || !onlyKeys(m, TRAILS_KEYS) || m.type !== AUDIT_TRAILS_TYPE) return null;
  const site = siteOf(m);
  const trails = listOf(m.trails, sharedTrail);
  return site !== null && trails ? { type: AUDIT_TRAILS_TYPE, site, trails } : null;
}

export interface AuditBudgetHostOptions {
  /** Audits per site per minute, for all its tabs together (default 60). */
  perMinute?: number;
  /** Tickets whose trails are kept, across sites (default `MAX_CACHED_TRAILS`); the least recently asked for go first. */
  maxTrails?: number;
  now: () => number;
}

/** What the host answers either message with. */
export type AuditHostAnswer = Envelope<AuditBudgetResponse> | Envelope<AuditTrailsStored>;

export interface AuditBudgetHost {
  /** The answer to send back; undefined when the message is neither an audit budget request nor audit trails (another listener's). */
  handle(message: unknown, sender: Sender, runtimeId: string): AuditHostAnswer | undefined;
  /**
   * The same budget and trails for the background's own reads (watched scopes, issue 16), which
   * share the account's limit with every tab: no message, no sender to check.
   */
  ask(request: Omit<AuditBudgetRequest, 'type'>): AuditBudgetResponse;
  put(site: string, trails: readonly SharedTrail[]): void;
}

const refused = (why: string) => ({ ok: false as const, error: `SLA Lens refused a message from a page: ${why}` });

export function createAuditBudgetHost({ perMinute = 60, maxTrails = MAX_CACHED_TRAILS, now }: AuditBudgetHostOptions): AuditBudgetHost {
  const budget = createRateBudget({ perMinute });
  // Keyed by the site the sender was checked against: a page can only ever put, or be served, its own site's trails.
  const trails = new TrailCache(maxTrails);

  function answerAsk(request: Omit<AuditBudgetRequest, 'type'>): Envelope<AuditBudgetResponse> {
    const at = now();
    budget.observe(request.site, request, at);
    const found: SharedTrail[] = [];
    for (const { id, stamp } of request.tickets) {
      if (stamp === '') continue;
      const kept = trails.get(request.site, id);
      if (kept?.stamp === stamp) found.push({ id, stamp, trail: kept.trail });
    }
    // Budget only for the audits still to read: a ticket another tab read since its last change costs none.
    const granted = budget.take(request.site, Math.min(request.want, request.tickets.length - found.length), at);
    return { ok: true, response: { granted, trails: found } };
  }

  const put = (site: string, list: readonly SharedTrail[]) => {
    for (const { id, stamp, trail } of list) trails.set(site, id, { stamp, trail });
  };

  return {
    ask: (request) => {
      const answer = answerAsk(request);
      return answer.ok ? answer.response : { granted: 0, trails: [] };
    },
    put,
    handle(message, sender, runtimeId) {
      const type = (message as { type?: unknown } | null)?.type;
      if (type !== AUDIT_BUDGET_TYPE && type !== AUDIT_TRAILS_TYPE) return undefined;
      const what = type === AUDIT_BUDGET_TYPE ? 'an audit budget request' : 'audit trails';
      const site = siteOf(message as Record<string, unknown>);
      if (site === null) return refused(`not ${what} it can read`);
      // Before anything else of the message is read: a page elsewhere must not pause, or spend,
      // another account's budget, nor read or write its trails.
      const problem = senderProblem(sender, site, runtimeId);
      if (problem) return refused(problem);
      if (type === AUDIT_TRAILS_TYPE) {
        const request = parseAuditTrailsPut(message);
        if (!request) return refused(`not ${what} it can read`);
        put(request.site, request.trails);
        return { ok: true, response: { stored: request.trails.length } };
      }
      const request = parseAuditBudgetRequest(message);
      return request ? answerAsk(request) : refused(`not ${what} it can read`);
    },
  };
}
