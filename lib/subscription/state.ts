/**
 * A configuration subscribed by URL (issue 15 §4), as a pure state machine: what was last fetched
 * and applied, when to try next, and what to tell the user. No I/O and no clock: the background
 * passes `now` in, stores the state it gets back, and a test can replay any sequence of days.
 */
import type { FetchOutcome } from './fetch-config';

export interface SubscriptionProblem {
  path: string;
  message: string;
}

export interface SubscriptionState {
  url: string;
  refreshMinutes: number;
  /** Validators of the file in force, never of one refused: a 304 must mean "what you applied is current". */
  etag?: string;
  lastModified?: string;
  /** Content hash of the last applied file text. */
  hash?: string;
  lastCheckedAt?: number;
  /** The last check after which the configuration in force was the server's file (applied, or found unchanged). */
  lastSuccessAt?: number;
  /** When a file from the server last became the configuration in force. */
  lastAppliedAt?: number;
  lastError?: { at: number; message: string; problems?: SubscriptionProblem[] };
  /** Failed checks in a row, invalid files included; decides the backoff. */
  failures: number;
  nextTryAt: number;
  /** A valid file that would change too much to apply unattended (every policy gone): waits for the user. */
  pendingConfirmation?: { hash: string; reason: string };
  /** The content hash the user confirmed on the options page: the next check applies that file. */
  confirmed?: string;
}

/** What applying a fetched file did, as the background reports it. */
export type ApplyResult =
  | { kind: 'applied'; hash: string }
  /** The same content hash as the file in force, or a 304. */
  | { kind: 'unchanged' }
  | { kind: 'invalid'; problems: SubscriptionProblem[] }
  | { kind: 'needs-confirmation'; hash: string; reason: string }
  | { kind: 'failed'; message: string };

export const REFRESH_DEFAULT_MINUTES = 60;
/** Every agent's browser polls the server; more often than this is load for little gain. */
export const REFRESH_FLOOR_MINUTES = 15;
/** A typo such as 100000 must not leave a team on last month's targets. */
export const REFRESH_CEILING_MINUTES = 7 * 24 * 60;
/** The first retry after a failure; each further failure doubles it, up to the refresh interval. */
export const RETRY_FIRST_MS = 60_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A refresh interval from settings or managed policy, which may hold anything. */
export function clampRefresh(n: unknown): number {
  if (typeof n !== 'number' || Number.isNaN(n)) return REFRESH_DEFAULT_MINUTES;
  return Math.round(Math.min(REFRESH_CEILING_MINUTES, Math.max(REFRESH_FLOOR_MINUTES, n)));
}

/** A new subscription, due at once: the user who just entered the URL wants to see it work. */
export function subscribe(url: string, refreshMinutes: unknown, now: number): SubscriptionState {
  return { url, refreshMinutes: clampRefresh(refreshMinutes), failures: 0, nextTryAt: now };
}

export function isDue(state: SubscriptionState, now: number): boolean {
  return now >= state.nextTryAt;
}

/**
 * False when `hash` is already in force: two alarms racing over the same file (or a browser
 * restart mid-check) must not record a second, identical version.
 */
export function shouldApply(state: SubscriptionState, hash: string): boolean {
  return state.hash !== hash;
}

/** Delay before the next try after `failures` failures in a row: 1, 2, 4 … minutes, never past the refresh interval. */
export function retryDelayMs(failures: number, refreshMinutes: number): number {
  // The exponent is bounded so 2^n stays a finite number however long the server stays down.
  const backoff = RETRY_FIRST_MS * 2 ** Math.min(Math.max(failures - 1, 0), 30);
  return Math.max(RETRY_FIRST_MS, Math.min(clampRefresh(refreshMinutes) * MINUTE, backoff));
}

/** Drops the optional fields named, so the stored state holds no `undefined` (exact optional types). */
function without(state: SubscriptionState, ...keys: Array<'etag' | 'lastModified' | 'lastError' | 'pendingConfirmation' | 'confirmed'>): SubscriptionState {
  const next = { ...state };
  for (const key of keys) delete next[key];
  return next;
}

function validatorsOf(outcome: FetchOutcome): Pick<SubscriptionState, 'etag' | 'lastModified'> {
  if (outcome.kind !== 'changed') return {};
  return { ...(outcome.etag ? { etag: outcome.etag } : {}), ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}) };
}

/**
 * The state after a check at `now`: `outcome` is what the download gave, `result` what applying it
 * did. A failed or invalid file leaves the configuration in force and its validators alone, so the
 * next check downloads the server's file again rather than hearing 304 about a file never applied.
 */
export function afterFetch(state: SubscriptionState, outcome: FetchOutcome, now: number, result: ApplyResult): SubscriptionState {
  const refreshMs = clampRefresh(state.refreshMinutes) * MINUTE;
  // A confirmation is for the check that follows it, whatever that check finds.
  const checked = { ...without(state, 'confirmed'), lastCheckedAt: now };
  switch (result.kind) {
    case 'applied':
    case 'unchanged': {
      const base = without(checked, 'lastError', 'pendingConfirmation');
      // A 304 says nothing new; a 200 with the same text may carry new validators, and an applied file replaces the old ones.
      const fresh = outcome.kind === 'changed' ? { ...without(base, 'etag', 'lastModified'), ...validatorsOf(outcome) } : base;
      const applied = result.kind === 'applied' ? { hash: result.hash, lastAppliedAt: now } : {};
      return { ...fresh, ...applied, lastSuccessAt: now, failures: 0, nextTryAt: now + refreshMs };
    }
    case 'needs-confirmation':
      // The server works, so no backoff; asking again sooner than the refresh would only repeat the question.
      return { ...without(checked, 'lastError'), pendingConfirmation: { hash: result.hash, reason: result.reason }, failures: 0, nextTryAt: now + refreshMs };
    case 'invalid': {
      const failures = state.failures + 1;
      // The file on the server is no longer the one awaiting confirmation, so that question is moot.
      const base = without(checked, 'pendingConfirmation');
      const count = result.problems.length;
      const message = `The file on the server is not a valid SLA configuration (${count} ${count === 1 ? 'problem' : 'problems'}); the configuration in use stays as it was.`;
      return { ...base, lastError: { at: now, message, problems: result.problems }, failures, nextTryAt: now + retryDelayMs(failures, state.refreshMinutes) };
    }
    case 'failed': {
      const failures = state.failures + 1;
      return { ...checked, lastError: { at: now, message: result.message }, failures, nextTryAt: now + retryDelayMs(failures, state.refreshMinutes) };
    }
  }
}

function span(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (ms < HOUR) return `${Math.max(1, minutes)} min`;
  if (ms < 2 * DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} days`;
}

/** How long ago `at` was, in plain words; a time ahead of `now` (a clock set back) reads as just now. */
export function ago(at: number, now: number): string {
  const ms = now - at;
  return ms < MINUTE ? 'just now' : `${span(ms)} ago`;
}

/** How long until `at`; rounded up, so a check 30 s away is "in 1 min", never "in 0 min". */
export function until(at: number, now: number): string {
  const ms = at - now;
  if (ms <= 0) return 'now';
  return `in ${span(Math.ceil(ms / MINUTE) * MINUTE)}`;
}

export interface SubscriptionSummary {
  status: 'ok' | 'error' | 'pending' | 'confirm';
  lines: string[];
}

/** The most problems listed under an error; the options page shows the whole file's check on import. */
const PROBLEMS_SHOWN = 5;

/** What the options page and the popup say about the subscription, in plain sentences. */
export function describe(state: SubscriptionState, now: number): SubscriptionSummary {
  const lines: string[] = [];
  const status: SubscriptionSummary['status'] = state.pendingConfirmation ? 'confirm' : state.failures > 0 ? 'error' : state.lastCheckedAt === undefined ? 'pending' : 'ok';

  if (state.pendingConfirmation) {
    lines.push(`A new file on the server waits for your confirmation before it is applied: ${state.pendingConfirmation.reason}`);
  }
  if (state.failures > 0 && state.lastError) {
    lines.push(`Last error ${ago(state.lastError.at, now)}: ${state.lastError.message}`);
    const problems = state.lastError.problems ?? [];
    for (const p of problems.slice(0, PROBLEMS_SHOWN)) lines.push(p.path ? `${p.path}: ${p.message}` : p.message);
    if (problems.length > PROBLEMS_SHOWN) lines.push(`… and ${problems.length - PROBLEMS_SHOWN} more`);
    if (state.failures > 1) lines.push(`${state.failures} checks in a row have failed`);
  }
  if (state.lastCheckedAt === undefined) lines.push('Not checked yet');
  else lines.push(`Last checked ${ago(state.lastCheckedAt, now)}`);
  if (state.lastAppliedAt !== undefined) lines.push(`Last updated from the server ${ago(state.lastAppliedAt, now)}`);
  lines.push(status === 'error' ? `Next try ${until(state.nextTryAt, now)}` : `Next check ${until(state.nextTryAt, now)}`);
  return { status, lines };
}

/** A stored state as storage gives it back: anything, until checked. */
export function storedSubscription(value: unknown): SubscriptionState | null {
  const v = value as Partial<SubscriptionState> | null | undefined;
  if (!v || typeof v !== 'object' || typeof v.url !== 'string' || typeof v.nextTryAt !== 'number' || typeof v.refreshMinutes !== 'number' || typeof v.failures !== 'number') return null;
  return v as SubscriptionState;
}
