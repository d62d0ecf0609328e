/**
 * A configuration subscribed by URL (issue 15 §4), as a pure state machine: what was last fetched
 * and applied, when to try next, and what to tell the user. No I/O and no clock: the background
 * passes `now` in, stores the state it gets back, and a test can replay any sequence of days.
 */
import type { FetchOutcome } from './fetch-config';
import { t, tp, type MessageKey, type Vars } from '../i18n/core';

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
      const message = tp('sub_invalid_file', result.problems.length);
      return { ...base, lastError: { at: now, message, problems: result.problems }, failures, nextTryAt: now + retryDelayMs(failures, state.refreshMinutes) };
    }
    case 'failed': {
      const failures = state.failures + 1;
      return { ...checked, lastError: { at: now, message: result.message }, failures, nextTryAt: now + retryDelayMs(failures, state.refreshMinutes) };
    }
  }
}

/** `5 min`, `3 h`, `2 days`. */
function span(ms: number): string {
  const minutes = Math.floor(ms / MINUTE);
  if (ms < HOUR) return tp('sub_span_minutes', Math.max(1, minutes));
  if (ms < 2 * DAY) return tp('sub_span_hours', Math.floor(ms / HOUR));
  return tp('sub_span_days', Math.floor(ms / DAY));
}

/** How long ago `at` was, if a minute or more (a time ahead of `now`, a clock set back, is just now). */
function spanSince(at: number, now: number): string | null {
  const ms = now - at;
  return ms < MINUTE ? null : span(ms);
}

/** How long until `at`, null when due; rounded up, so a check 30 s away is "in 1 min", never "in 0 min". */
function spanUntil(at: number, now: number): string | null {
  const ms = at - now;
  return ms <= 0 ? null : span(Math.ceil(ms / MINUTE) * MINUTE);
}

/** How long ago `at` was, in plain words ("just now", "5 min ago"). */
export function ago(at: number, now: number): string {
  const since = spanSince(at, now);
  return since === null ? t('sub_ago_just_now') : t('sub_ago', { span: since });
}

/** How long until `at` ("now", "in 5 min"). */
export function until(at: number, now: number): string {
  const left = spanUntil(at, now);
  return left === null ? t('sub_until_now') : t('sub_until', { span: left });
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

  // Each line is one message, "just now" and "5 min ago" alike, so that a translation can order its words.
  const since = (at: number, justNowKey: MessageKey, agoKey: MessageKey, vars: Vars = {}) => {
    const elapsed = spanSince(at, now);
    return elapsed === null ? t(justNowKey, vars) : t(agoKey, { ...vars, span: elapsed });
  };
  if (state.pendingConfirmation) {
    lines.push(t('sub_pending_confirmation', { reason: state.pendingConfirmation.reason }));
  }
  if (state.failures > 0 && state.lastError) {
    lines.push(since(state.lastError.at, 'sub_last_error_now', 'sub_last_error_ago', { message: state.lastError.message }));
    const problems = state.lastError.problems ?? [];
    for (const p of problems.slice(0, PROBLEMS_SHOWN)) lines.push(p.path ? t('sub_problem_at', { path: p.path, message: p.message }) : p.message);
    if (problems.length > PROBLEMS_SHOWN) lines.push(tp('sub_more_problems', problems.length - PROBLEMS_SHOWN));
    if (state.failures > 1) lines.push(tp('sub_failures_in_row', state.failures));
  }
  if (state.lastCheckedAt === undefined) lines.push(t('sub_not_checked'));
  else lines.push(since(state.lastCheckedAt, 'sub_last_checked_now', 'sub_last_checked_ago'));
  if (state.lastAppliedAt !== undefined) lines.push(since(state.lastAppliedAt, 'sub_last_updated_now', 'sub_last_updated_ago'));
  const next = spanUntil(state.nextTryAt, now);
  if (status === 'error') lines.push(next === null ? t('sub_next_try_now') : t('sub_next_try_in', { span: next }));
  else lines.push(next === null ? t('sub_next_check_now') : t('sub_next_check_in', { span: next }));
  return { status, lines };
}

/** A stored state as storage gives it back: anything, until checked. */
export function storedSubscription(value: unknown): SubscriptionState | null {
  const v = value as Partial<SubscriptionState> | null | undefined;
  if (!v || typeof v !== 'object' || typeof v.url !== 'string' || typeof v.nextTryAt !== 'number' || typeof v.refreshMinutes !== 'number' || typeof v.failures !== 'number') return null;
  return v as SubscriptionState;
}
