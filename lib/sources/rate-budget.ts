/**
 * A request budget per site, as a token bucket: refilled continuously up to a minute's worth, so
 * a burst may spend a minute's requests at once and no more. It also listens to what the site
 * says of its own limit: when few requests remain in the site's window, it grants none until the
 * window resets, so SLA Lens backs off before the site answers 429 to everyone on the account.
 * Plain code: the content script runs it (a tab's own budget) and so does the background (the
 * budget every tab of an account shares).
 */

/** What a site's answer said about its rate limit, each part present only when it read as a number. */
export interface RateLimitSeen {
  /** Requests left in the site's current window. */
  remaining?: number;
  /** Requests the site allows per window. */
  limit?: number;
  /** Seconds until the window starts afresh. */
  resetSeconds?: number;
}

/** No plan comes near it (Zendesk's highest is 2,500 a minute); a larger figure is read as this. */
export const MAX_RATE_LIMIT = 1_000_000;
/** A reset further off than this is not a per-minute window: read as this, and capped again by the pause. */
export const MAX_RESET_SECONDS = 3_600;
/** The longest a site's word stops the budget: its windows are a minute long, a broken header must not stop SLA Lens for good. */
export const MAX_PAUSE_MS = 60_000;
/** Below this many requests left, whatever the limit, SLA Lens leaves the rest to the agents' own UI. */
export const MIN_REMAINING = 20;
/** … and below this share of the limit. */
export const MIN_REMAINING_SHARE = 0.1;

const bounded = (value: unknown, min: number, max: number): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : undefined);

/** Only what reads as a finite number, each within bounds; undefined when nothing does. */
export function cleanRateLimit(seen: { remaining?: unknown; limit?: unknown; resetSeconds?: unknown } | undefined): RateLimitSeen | undefined {
  if (!seen) return undefined;
  const remaining = bounded(seen.remaining, 0, MAX_RATE_LIMIT);
  const limit = bounded(seen.limit, 1, MAX_RATE_LIMIT);
  const resetSeconds = bounded(seen.resetSeconds, 0, MAX_RESET_SECONDS);
  const clean: RateLimitSeen = {
    ...(remaining !== undefined ? { remaining: Math.floor(remaining) } : {}),
    ...(limit !== undefined ? { limit: Math.floor(limit) } : {}),
    ...(resetSeconds !== undefined ? { resetSeconds } : {}),
  };
  return Object.keys(clean).length > 0 ? clean : undefined;
}

/** A header's value when it is a plain non-negative number (`700`, `41`, `0.5`); anything else (`abc`, `1e9`, `-1`, `7, 8`) is ignored. */
function plainNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d{1,10}(\.\d{1,6})?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** The smaller of the values given: two headers that disagree are read the careful way. */
const least = (...values: (number | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
};

/**
 * What an answer's headers say of the rate limit. Zendesk sends `X-Rate-Limit` and
 * `X-Rate-Limit-Remaining` on every API answer, and on its Ticketing API also the IETF draft's
 * `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset` (seconds); Zendesk's developer
 * docs, "Rate limits" and "Best practices for avoiding rate limiting". Other names are not read.
 */
export function readRateLimit(headers: Headers): RateLimitSeen | undefined {
  return cleanRateLimit({
    remaining: least(plainNumber(headers.get('ratelimit-remaining')), plainNumber(headers.get('x-rate-limit-remaining'))),
    limit: least(plainNumber(headers.get('ratelimit-limit')), plainNumber(headers.get('x-rate-limit'))),
    resetSeconds: plainNumber(headers.get('ratelimit-reset')),
  });
}

/** Requests a site may be sent below which SLA Lens stops: a tenth of its limit, and never fewer than `MIN_REMAINING`. */
export const remainingFloor = (limit: number | undefined): number => Math.max(MIN_REMAINING, Math.ceil((limit ?? 0) * MIN_REMAINING_SHARE));

export interface RateBudgetOptions {
  /** Requests per site per minute, and the most that may be spent at once. */
  perMinute: number;
  /** The longest a site's word pauses the budget (default `MAX_PAUSE_MS`). */
  maxPauseMs?: number;
  /** Sites kept at most (default 1,000); the one idle longest is dropped first, its bucket most likely full again anyway. */
  maxSites?: number;
}

export interface RateBudget {
  /** Takes up to `want` requests from `site`'s budget at `now`: how many it may send, 0 to `want`. */
  take(site: string, want: number, now: number): number;
  /** What the site last said of its limit: few left pauses the budget until its reset (`maxPauseMs` at most). */
  observe(site: string, seen: RateLimitSeen | undefined, now: number): void;
  /** Whether the site's word has paused the budget at `now`. */
  paused(site: string, now: number): boolean;
}

interface Bucket {
  tokens: number;
  at: number;
  pausedUntil: number;
}

export function createRateBudget(options: RateBudgetOptions): RateBudget {
  const perMinute = Math.max(1, Number.isFinite(options.perMinute) ? options.perMinute : 1);
  const maxPauseMs = Math.max(0, options.maxPauseMs ?? MAX_PAUSE_MS);
  const maxSites = Math.max(1, options.maxSites ?? 1_000);
  const buckets = new Map<string, Bucket>();

  /** The site's bucket, refilled up to `now`; a clock that went back refills nothing. */
  function bucketAt(site: string, now: number): Bucket {
    let b = buckets.get(site);
    // Kept in order of use, so the first is the one idle longest.
    if (b) buckets.delete(site);
    else {
      if (buckets.size >= maxSites) buckets.delete(buckets.keys().next().value!);
      b = { tokens: perMinute, at: now, pausedUntil: -Infinity };
    }
    buckets.set(site, b);
    const elapsed = Math.max(0, now - b.at);
    b.tokens = Math.min(perMinute, b.tokens + (elapsed * perMinute) / 60_000);
    b.at = Math.max(b.at, now);
    return b;
  }

  return {
    take(site, want, now) {
      const b = bucketAt(site, now);
      if (now < b.pausedUntil) return 0;
      const asked = Number.isFinite(want) ? Math.floor(Math.max(0, want)) : 0;
      const granted = Math.min(asked, Math.floor(b.tokens));
      b.tokens -= granted;
      return granted;
    },
    observe(site, seen, now) {
      const clean = cleanRateLimit(seen);
      if (clean?.remaining === undefined) return;
      const b = bucketAt(site, now);
      const floor = remainingFloor(clean.limit);
      if (clean.remaining < floor) {
        // No reset given: the window may have just begun, so the longest pause is the careful one.
        const pause = Math.min(maxPauseMs, clean.resetSeconds !== undefined ? clean.resetSeconds * 1000 : maxPauseMs);
        b.pausedUntil = Math.max(b.pausedUntil, now + pause);
      } else {
        // Above the floor, but not by much: never spend what would take the site below it.
        b.tokens = Math.min(b.tokens, clean.remaining - floor);
      }
    },
    paused(site, now) {
      return now < (buckets.get(site)?.pausedUntil ?? -Infinity);
    },
  };
}
