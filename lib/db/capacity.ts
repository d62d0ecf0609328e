/**
 * The ticket store's limits. The store is a cache of what overlays saw, disposable by nature, and
 * it shares the extension origin's storage quota with the configuration, which is not: so it is
 * capped per site and in all (the least recently seen tickets go first), keeps of a ticket's custom
 * fields only those a policy matches on, and gives way whenever the quota runs out, so that a
 * full store never keeps a configuration from being applied nor a new sighting from being kept.
 */
import Dexie from 'dexie';
import type { ResolvedConfig, ResolvedPolicy } from '../config/index';
import type { TicketFacts } from '../sla/index';
import type { SlaLensDatabase } from './database';
import { readTallies } from './tallies';

export interface TicketCaps {
  /** Tickets kept per site at most. */
  perSite: number;
  /** Tickets kept in all at most. */
  total: number;
}

/**
 * Large enough for a lead's whole scope over the retention period (a busy desk sees a few hundred
 * tickets a day), small enough that the popup and compliance, which read the rows of a period,
 * stay quick: a row is a few kilobytes, so the store stays within tens of megabytes.
 */
export const TICKET_CAPS: TicketCaps = { perSite: 5_000, total: 20_000 };

/** The custom fields (lower-cased, as matching compares them) that some policy matches on. */
export function matchedFields(policies: readonly ResolvedPolicy[]): ReadonlySet<string> {
  const names = new Set<string>();
  for (const policy of policies) for (const match of policy.match) for (const name of Object.keys(match.field ?? {})) names.add(name.toLowerCase());
  return names;
}

const fieldsByConfig = new WeakMap<ResolvedConfig, ReadonlySet<string>>();

/** `matchedFields` of a configuration, worked out once per configuration object. */
export function configFields(config: ResolvedConfig): ReadonlySet<string> {
  let names = fieldsByConfig.get(config);
  if (!names) fieldsByConfig.set(config, (names = matchedFields(config.policies)));
  return names;
}

/**
 * A ticket's facts as the store keeps them: custom fields only where a policy matches on them.
 * Fields often hold what the customer gave (phone numbers, addresses, order numbers); a field a
 * later configuration starts matching on is read when the ticket is next seen.
 */
export function storedFacts(facts: TicketFacts, kept: ReadonlySet<string>): TicketFacts {
  if (!facts.fields) return facts;
  const entries = Object.entries(facts.fields).filter(([name]) => kept.has(name.toLowerCase()));
  if (entries.length === Object.keys(facts.fields).length) return facts;
  const { fields: _dropped, ...rest } = facts;
  return entries.length === 0 ? rest : { ...rest, fields: Object.fromEntries(entries) };
}

/** Whether an error is the browser refusing a write for lack of space (Dexie wraps the DOMException, bulk writes list theirs per row). */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (e.inner !== undefined && e.inner !== error && isQuotaError(e.inner)) return true;
  return Array.isArray(e.failures) && e.failures.some(isQuotaError);
}

/** Removes the `count` least recently seen tickets (of `site`, or of every site). Returns how many went. */
async function evictOldest(db: SlaLensDatabase, count: number, site?: string): Promise<number> {
  if (count <= 0) return 0;
  const oldest = site === undefined ? db.tickets.orderBy('lastSeen') : db.tickets.where('[site+lastSeen]').between([site, Dexie.minKey], [site, Dexie.maxKey]);
  const keys = await oldest.limit(count).primaryKeys();
  await db.tickets.bulkDelete(keys);
  return keys.length;
}

/**
 * Keeps the store within `caps`: each site over its cap loses its least recently seen tickets,
 * then the store as a whole. Reads the running totals (one row) first, so a store within its caps
 * costs no more than that. Returns how many tickets went.
 */
export async function enforceTicketCaps(db: SlaLensDatabase, caps: TicketCaps = TICKET_CAPS): Promise<number> {
  const tallies = await readTallies(db);
  let evicted = 0;
  for (const [site, { tickets }] of Object.entries(tallies.sites)) if (tickets > caps.perSite) evicted += await evictOldest(db, tickets - caps.perSite, site);
  const total = tallies.total - evicted;
  if (total > caps.total) evicted += await evictOldest(db, total - caps.total);
  return evicted;
}

/**
 * Makes room after the browser refused a write for lack of space: the least recently seen
 * `share` of the tickets go (all of them with 1). Deleting needs no space. Returns how many went.
 */
export async function freeTicketSpace(db: SlaLensDatabase, share: number): Promise<number> {
  const total = await db.tickets.count();
  return evictOldest(db, Math.ceil(total * Math.min(1, Math.max(0, share))));
}

/**
 * Runs a write; when the browser refuses it for lack of space, tickets make room (the least
 * recently seen half, then all of them) and it is tried again. Whatever else fails, or a write that
 * fails for space with no tickets left, is thrown as it came.
 */
export async function withTicketSpace<T>(db: SlaLensDatabase, write: () => Promise<T>, onFreed: (evicted: number) => void = () => undefined): Promise<T> {
  for (const share of [0.5, 1]) {
    try {
      return await write();
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      const evicted = await freeTicketSpace(db, share);
      if (evicted === 0) throw error;
      onFreed(evicted);
    }
  }
  return write();
}
