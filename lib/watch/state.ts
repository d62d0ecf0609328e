/**
 * What the background knows of each watched scope between rounds (issue 16 §2): the tickets it
 * held at the last listing, where the rotation of re-reads got to, how the last read went and
 * when the next is due. Pure: the runner keeps it in the database (the service worker may stop
 * at any time), the popup and the options page read it to say each scope's coverage.
 */
import { t, tp } from '../i18n/core';
import type { ScopeFailure, ScopeListing, WatchScope } from './types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The alarm's default period, and its floor (the alarms API fires at most every 30 s). */
export const WATCH_DEFAULT_MINUTES = 2;
export const WATCH_FLOOR_MINUTES = 0.5;
/** Tickets whose facts one round reads again for one scope, besides those that joined or left it, when the listing cannot say which changed. */
export const REREAD_PER_ROUND = 500;
/**
 * The same when it can: a change the site's stamp missed (a clock skew, an edit that does not
 * touch `updated`) is still read again within a few rounds.
 */
export const REREAD_WITH_CHANGES = 10;
/** How far before the last good listing a change counts as new: the sites' clocks and ours differ. */
export const CHANGE_MARGIN_MS = 60_000;
/** Backoff after failures a retry can cure (rate limits, server errors, the network): doubled each time, up to this. */
const BACKOFF_MAX_MS = 30 * MINUTE;

export interface ScopeError {
  failure: ScopeFailure;
  message: string;
  at: number;
}

export interface ScopeState {
  /** The tickets the scope held at its last listing (keys or ids). */
  keys: string[];
  /** Where the next round's re-reads start in `keys`. */
  cursor: number;
  /** Where a followed Zendesk view's walk by id goes on (the lister's `walk`). */
  walk?: number;
  /**
   * The last-change stamps of the changed tickets the last round read: a change a minute before a
   * listing is seen by the next too (the margin for the clocks), and needs no second read.
   */
  readStamps?: Record<string, number>;
  lastSuccessAt?: number;
  /** The last listing's failure, until a listing succeeds. */
  error?: ScopeError;
  /** Some tickets' facts could not be read on the last round (their site's failure). */
  partial?: ScopeError;
  /** Failures in a row that backed off. */
  failures: number;
  nextTryAt: number;
}

export const emptyScopeState = (now: number): ScopeState => ({ keys: [], cursor: 0, failures: 0, nextTryAt: now });

/** The state as storage gives it back: anything, until checked. */
export function storedScopeStates(value: unknown): Record<string, ScopeState> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Record<string, ScopeState> = {};
  for (const [id, s] of Object.entries(value as Record<string, Partial<ScopeState> | null>)) {
    if (!s || !Array.isArray(s.keys) || typeof s.nextTryAt !== 'number') continue;
    const { walk, readStamps, ...rest } = s as ScopeState;
    out[id] = {
      ...rest,
      ...(readStamps && typeof readStamps === 'object' && !Array.isArray(readStamps) ? { readStamps: Object.fromEntries(Object.entries(readStamps).filter(([, v]) => typeof v === 'number')) } : {}),
      keys: s.keys.filter((k): k is string => typeof k === 'string'),
      cursor: typeof s.cursor === 'number' ? s.cursor : 0,
      ...(typeof walk === 'number' && Number.isSafeInteger(walk) && walk > 0 ? { walk } : {}),
      failures: typeof s.failures === 'number' ? s.failures : 0,
    };
  }
  return out;
}

/** Where a listing counts changes from: the last good one, less the margin; none before a first. */
export function changesSince(state: ScopeState): number | undefined {
  return state.lastSuccessAt === undefined ? undefined : state.lastSuccessAt - CHANGE_MARGIN_MS;
}

/**
 * What one round reads for a scope that listed `keys`: those that joined or left, those the site
 * says changed (`changed`, when it could say), then a turn of the others: first those stored with
 * approximate figures (their history was not read yet: the account's audit budget ran out), then,
 * unless `rotateExact` is false, the next ones in rotation.
 */
export function planReads(
  state: ScopeState,
  keys: readonly string[],
  changed?: readonly string[],
  options: { perRound?: number; approximate?: ReadonlySet<string>; rotateExact?: boolean } = {},
): ReadPlan {
  const perRound = options.perRound ?? (changed ? REREAD_WITH_CHANGES : REREAD_PER_ROUND);
  const before = new Set(state.keys);
  const now = new Set(keys);
  const joined = keys.filter((k) => !before.has(k));
  // A ticket that left is read once more: solved, or moved to another team, it must not go on looking at risk.
  const left = state.keys.filter((k) => !now.has(k));
  const read = new Set([...joined, ...left, ...(changed ?? [])]);
  const must = [...read];
  const staying = keys.filter((k) => before.has(k));
  let turn = Math.min(perRound, staying.length);
  // Where the rotation is also how changes are noticed, the approximate ones take half the turn at most.
  let approximateTurn = options.rotateExact === false ? turn : Math.ceil(turn / 2);
  for (const k of staying) {
    if (approximateTurn === 0) break;
    if (options.approximate?.has(k) && !read.has(k)) {
      read.add(k);
      turn--;
      approximateTurn--;
    }
  }
  const start = staying.length > 0 ? state.cursor % staying.length : 0;
  const approximate = [...read].slice(must.length);
  const plan = (rotation: string[], cursor: number): ReadPlan => ({
    read: [...read],
    cursor,
    must,
    turn: [...approximate, ...rotation],
    // A turn cut short (the round's requests ran out) moves the rotation on by what it read.
    cursorAfter: (n) => (staying.length > 0 ? (start + Math.max(0, Math.min(n - approximate.length, rotation.length))) % staying.length : 0),
  });
  if (options.rotateExact === false) return plan([], start);
  const rotation: string[] = [];
  for (let i = 0; i < turn; i++) {
    const k = staying[(start + i) % staying.length]!;
    if (!read.has(k)) rotation.push(k);
    read.add(k);
  }
  return plan(rotation, staying.length > 0 ? (start + turn) % staying.length : 0);
}

export interface ReadPlan {
  /** Every ticket the round would read for the scope, `must` first. */
  read: string[];
  /** Where the rotation goes on next round when the whole turn is read. */
  cursor: number;
  /** Those that joined, left or changed: read whatever the round's requests. */
  must: string[];
  /** The rest of `read`, in order (the approximate ones, then the rotation): read while the round has requests to spare. */
  turn: string[];
  /** Where the rotation goes on when only the first `n` of `turn` were read. */
  cursorAfter(n: number): number;
}

/** Of `changed`, those not read already at the same stamp (`readStamps`): the ones the last round read are not read twice. */
export function newlyChanged(changed: readonly string[] | undefined, stamps: Record<string, number> | undefined, readStamps: Record<string, number> | undefined): string[] | undefined {
  if (!changed || !stamps || !readStamps) return changed ? [...changed] : undefined;
  return changed.filter((k) => stamps[k] === undefined || readStamps[k] !== stamps[k]);
}

/** Failures a later try can cure back off; a signed-out site or a wrong query is tried again next round, when the person may have fixed it. */
function retryDelay(failure: ScopeFailure, failures: number, intervalMs: number, retryAfterMs: number | undefined): number {
  if (failure === 'rate-limited' || failure === 'server-error' || failure === 'network' || failure === 'bad-response') {
    return Math.max(retryAfterMs ?? 0, Math.min(BACKOFF_MAX_MS, intervalMs * 2 ** Math.min(failures, 10)));
  }
  return intervalMs;
}

/** After a listing (and the re-reads it planned, `readFailure` when some could not be read). */
export function afterListing(state: ScopeState, listing: ScopeListing, cursor: number, now: number, intervalMs: number, readFailure?: { failure: ScopeFailure; message: string }): ScopeState {
  if (!listing.ok) {
    const failures = state.failures + 1;
    const { error: _gone, ...rest } = state;
    return { ...rest, error: { failure: listing.failure, message: listing.message, at: now }, failures, nextTryAt: now + retryDelay(listing.failure, failures, intervalMs, listing.retryAfterMs) };
  }
  const { error: _error, partial: _partial, walk: _walk, readStamps: _stamps, ...rest } = state;
  return {
    ...rest,
    keys: listing.keys,
    cursor,
    ...(listing.walk !== undefined ? { walk: listing.walk } : {}),
    lastSuccessAt: now,
    failures: 0,
    nextTryAt: now + intervalMs,
    ...(readFailure ? { partial: { ...readFailure, at: now } } : {}),
  };
}

/**
 * How long ago, as every coverage line and the wallboard's "Updated …" say it. Counted messages,
 * not `Intl.RelativeTimeFormat`: its English has no "40 s ago" / "5 min ago" / "3 h ago" form.
 */
export const ago = (ms: number): string => {
  if (ms < 45 * SECOND) return tp('watch_ago_seconds', Math.max(1, Math.round(ms / SECOND)));
  if (ms < 45 * MINUTE) return tp('watch_ago_minutes', Math.round(ms / MINUTE));
  const hours = Math.round(ms / (60 * MINUTE));
  return hours < 36 ? tp('watch_ago_hours', hours) : tp('watch_ago_days', Math.round(hours / 24));
};

export interface ScopeCoverage {
  id: string;
  /** The scope's name, or what it asks for. */
  label: string;
  site: string;
  /** "412 tickets · refreshed 40 s ago", or the error. */
  text: string;
  status: 'ok' | 'pending' | 'error';
  /** The site to sign in to, when that is what it takes. */
  signIn?: string;
}

/** One line per scope, as the popup and the options page say it. */
export function coverage(scope: WatchScope, state: ScopeState | undefined, now: number, label: string): ScopeCoverage {
  const base = { id: scope.id, label, site: scope.site };
  if (state?.error) {
    // From the background a 403 is most often a lapsed session too: the person is asked to sign in, as for a 401.
    if (state.error.failure === 'signed-out' || state.error.failure === 'forbidden')
      return { ...base, status: 'error', text: t('watch_coverage_sign_in', { site: scope.site }), signIn: `https://${scope.site}/` };
    return { ...base, status: 'error', text: state.error.message };
  }
  if (!state || state.lastSuccessAt === undefined) return { ...base, status: 'pending', text: t('watch_coverage_not_read') };
  const vars = { count: tp('tickets', state.keys.length), ago: ago(now - state.lastSuccessAt) };
  return { ...base, status: 'ok', text: state.partial ? t('watch_coverage_partial', { ...vars, error: state.partial.message }) : t('watch_coverage_ok', vars) };
}
