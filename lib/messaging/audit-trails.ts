/**
 * Where what a ticket's audits say (its trail) is kept, and the check a trail passes before it is
 * kept anywhere but the tab that read it. A page keeps its own in a `TrailCache`; the background
 * keeps one for every tab of the browser (`audit-budget.ts`), so a ticket's audits are read once
 * per change, not once per page load. A trail crosses from a page's renderer to the background
 * and back, so it is untrusted there: `readSharedTrail` takes only an `AuditTrail` (as the Zendesk
 * adapter's `readAuditTrail` produces it), every list and string bounded. Plain code: the content
 * script and the background both run it, neither with zod.
 */

/**
 * What SLA Lens takes from a ticket's audits: its status changes and the times and authors of its
 * comments (public or internal), oldest first, and whether every audit page was read. Nothing else of the audits
 * is kept: their comment bodies, private notes included, are dropped as soon as the audits land
 * (the Zendesk adapter's `readAuditTrail`). Defined here, not beside it, as it is also what the
 * tabs and the background exchange, and the messaging layer knows no vendor's code.
 */
export interface AuditTrail {
  /** The status the ticket was created with, when its Create event says. */
  initial?: string;
  // `from` and `author` are undefined where the audit does not give them.
  changes: Array<{ at: number; from?: string | undefined; to: string }>;
  /** Comments, except the description (which is written with the ticket); `public: false` for an internal note (absent: public, as trails kept before notes were). */
  comments: Array<{ at: number; author?: number | undefined; public?: boolean | undefined }>;
  /** False when more pages were left unread. */
  complete: boolean;
}

/** What a ticket's audits say, kept while the ticket has not changed (its update stamp is the same). */
export interface CachedTrail {
  stamp: string;
  trail: AuditTrail;
}

/** One ticket's trail as it travels between a tab and the background. */
export interface SharedTrail {
  /** The ticket's id. */
  id: number;
  /** Its update stamp when the audits were read: the trail is served back for that stamp only. */
  stamp: string;
  trail: AuditTrail;
}

/** Tickets whose audit trails are kept, across sites, by default (in a page and in the background): a long view's worth, a few hundred kB. */
export const MAX_CACHED_TRAILS = 2_000;

/**
 * Bounds on a shared trail. Three pages of audits (the most a tab reads) are 300 audits, most of
 * them neither a status change nor a public comment; a status is a category name, a few
 * characters. A trail past any bound is not shared at all (the tab keeps it for itself), rather
 * than shared cut: a shortened history is a wrong one.
 */
export const SHARED_TRAIL_LIMITS = {
  changes: 200,
  comments: 500,
  /** A status name, in `initial`, `from` and `to`. */
  status: 200,
  /** A ticket's update stamp: an epoch in seconds or an ISO date, far shorter. */
  stamp: 40,
} as const;

const STATUS_KEYS = new Set(['at', 'from', 'to']);
const COMMENT_KEYS = new Set(['at', 'author', 'public']);
const TRAIL_KEYS = new Set(['initial', 'changes', 'comments', 'complete']);

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const onlyKeys = (r: Record<string, unknown>, keys: ReadonlySet<string>) => Object.keys(r).every((k) => keys.has(k));
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const status = (v: unknown): v is string => typeof v === 'string' && v.length <= SHARED_TRAIL_LIMITS.status;

/** A ticket id as Zendesk gives them: a positive safe integer. */
export const isTicketId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

/** A stamp a trail can be kept under: non-empty (a ticket without one cannot tell a stale trail) and bounded. */
export const isTrailStamp = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= SHARED_TRAIL_LIMITS.stamp;

/**
 * A clean copy of `value` when it is an `AuditTrail` within `SHARED_TRAIL_LIMITS`, else null:
 * a key it does not have, a time that is not a finite number, a status that is not a bounded
 * string, a list too long. An optional part whose value is undefined (Firefox's structured clone
 * keeps such keys) reads as absent, and is left out of the copy.
 */
export function readSharedTrail(value: unknown): AuditTrail | null {
  const t = record(value);
  if (!t || !onlyKeys(t, TRAIL_KEYS)) return null;
  if (typeof t.complete !== 'boolean') return null;
  if (t.initial !== undefined && !status(t.initial)) return null;
  if (!Array.isArray(t.changes) || t.changes.length > SHARED_TRAIL_LIMITS.changes) return null;
  if (!Array.isArray(t.comments) || t.comments.length > SHARED_TRAIL_LIMITS.comments) return null;
  const changes: AuditTrail['changes'] = [];
  for (const item of t.changes as unknown[]) {
    const c = record(item);
    if (!c || !onlyKeys(c, STATUS_KEYS) || !finite(c.at) || !status(c.to) || (c.from !== undefined && !status(c.from))) return null;
    changes.push(c.from !== undefined ? { at: c.at, from: c.from, to: c.to } : { at: c.at, to: c.to });
  }
  const comments: AuditTrail['comments'] = [];
  for (const item of t.comments as unknown[]) {
    const c = record(item);
    if (!c || !onlyKeys(c, COMMENT_KEYS) || !finite(c.at) || (c.author !== undefined && !finite(c.author)) || (c.public !== undefined && typeof c.public !== 'boolean')) return null;
    comments.push({ at: c.at, ...(c.author !== undefined ? { author: c.author } : {}), ...(c.public === false ? { public: false } : {}) });
  }
  return { ...(t.initial !== undefined ? { initial: t.initial as string } : {}), changes, comments, complete: t.complete };
}

/**
 * Audit trails by site and ticket, the least recently used dropped past `max`: a tab left open on
 * a busy view for days, or a background serving every tab for weeks, would otherwise keep every
 * ticket it ever saw. The site is an origin in a page, a host name in the background.
 */
export class TrailCache {
  private readonly entries = new Map<string, CachedTrail>();
  private readonly costs = new Map<string, number>();
  private cost = 0;

  /**
   * At most `max` tickets, and about `maxBytes` of trails in all: the background keeps what any tab
   * sends, so a page whose renderer was compromised could otherwise fill every entry with the
   * longest trails the check lets through.
   */
  constructor(
    readonly max = MAX_CACHED_TRAILS,
    readonly maxBytes = 8 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Roughly what a trail holds, in bytes (two per character, and a few words per entry). */
  static costOf(value: CachedTrail): number {
    const { trail } = value;
    let cost = 64 + 2 * value.stamp.length + 2 * (trail.initial?.length ?? 0);
    for (const c of trail.changes) cost += 24 + 2 * ((c.from?.length ?? 0) + c.to.length);
    return cost + 24 * trail.comments.length;
  }

  get(site: string, id: number): CachedTrail | undefined {
    const key = `${site} ${id}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(site: string, id: number, value: CachedTrail): void {
    const key = `${site} ${id}`;
    this.forget(key);
    const cost = TrailCache.costOf(value);
    this.entries.set(key, value);
    this.costs.set(key, cost);
    this.cost += cost;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.max && this.cost <= this.maxBytes) break;
      this.forget(oldest);
    }
  }

  private forget(key: string): void {
    this.cost -= this.costs.get(key) ?? 0;
    this.costs.delete(key);
    this.entries.delete(key);
  }

  /** Everything kept, for tests that check what it holds. */
  values(): IterableIterator<CachedTrail> {
    return this.entries.values();
  }
}
