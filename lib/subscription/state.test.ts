import { describe, expect, it } from 'vitest';
import type { FetchOutcome } from './fetch-config';
import { afterFetch, clampRefresh, describe as describeState, isDue, REFRESH_DEFAULT_MINUTES, REFRESH_FLOOR_MINUTES, shouldApply, subscribe, type SubscriptionState } from './state';

const URL_ = 'https://config.acme.example/sla.yaml';
const T0 = Date.parse('2026-11-26T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

const changed = (etag?: string, lastModified?: string): FetchOutcome => ({
  kind: 'changed',
  text: 'version: 1\n',
  finalUrl: URL_,
  ...(etag ? { etag } : {}),
  ...(lastModified ? { lastModified } : {}),
});
const notModified: FetchOutcome = { kind: 'not-modified' };
const notFound: FetchOutcome = { kind: 'failed', reason: 'http-status', status: 404, message: `The server answered 404 Not Found for ${URL_}. Check the address.` };
const failedWith = (outcome: FetchOutcome) => ({ kind: 'failed' as const, message: outcome.kind === 'failed' ? outcome.message : '' });

/** A subscription whose file `h1` (ETag "v1") was applied at `at`. */
function appliedAt(at: number, refreshMinutes = 60): SubscriptionState {
  return afterFetch(subscribe(URL_, refreshMinutes, at), changed('"v1"', 'Tue, 24 Nov 2026 09:00:00 GMT'), at, { kind: 'applied', hash: 'h1' });
}

/** Each delay before the next try over `n` failures in a row, in minutes. */
function backoff(state: SubscriptionState, n: number): number[] {
  const delays: number[] = [];
  let now = T0;
  for (let i = 0; i < n; i++) {
    state = afterFetch(state, notFound, now, failedWith(notFound));
    delays.push((state.nextTryAt - now) / MIN);
    now = state.nextTryAt;
  }
  return delays;
}

describe('clampRefresh', () => {
  it.each([
    ['a non-number', '30', REFRESH_DEFAULT_MINUTES],
    ['undefined', undefined, REFRESH_DEFAULT_MINUTES],
    ['null', null, REFRESH_DEFAULT_MINUTES],
    ['NaN', NaN, REFRESH_DEFAULT_MINUTES],
    ['below the floor', 5, REFRESH_FLOOR_MINUTES],
    ['zero', 0, REFRESH_FLOOR_MINUTES],
    ['negative', -10, REFRESH_FLOOR_MINUTES],
    ['in range', 30, 30],
    ['a fraction', 20.4, 20],
    ['beyond a week', 100_000, 7 * 24 * 60],
    ['infinite', Infinity, 7 * 24 * 60],
  ])('%s', (_name, value, expected) => {
    expect(clampRefresh(value)).toBe(expected);
  });

  it('the floor is 15 minutes and the default an hour', () => {
    expect([REFRESH_FLOOR_MINUTES, REFRESH_DEFAULT_MINUTES]).toEqual([15, 60]);
  });
});

describe('subscribe and isDue', () => {
  it('a new subscription is due at once, with its refresh clamped', () => {
    const state = subscribe(URL_, 1, T0);
    expect(state).toEqual({ url: URL_, refreshMinutes: 15, failures: 0, nextTryAt: T0 });
    expect(isDue(state, T0)).toBe(true);
    expect(isDue(state, T0 - 1)).toBe(false);
  });
});

describe('afterFetch', () => {
  it('an applied file records its hash and validators and schedules the next check one refresh later', () => {
    const state = appliedAt(T0);
    expect(state).toMatchObject({ hash: 'h1', etag: '"v1"', lastModified: 'Tue, 24 Nov 2026 09:00:00 GMT', failures: 0, lastCheckedAt: T0, lastSuccessAt: T0, lastAppliedAt: T0 });
    expect(state.nextTryAt).toBe(T0 + 60 * MIN);
    expect(isDue(state, T0 + 59 * MIN)).toBe(false);
    expect(isDue(state, T0 + 60 * MIN)).toBe(true);
  });

  it('a 304 keeps the hash and validators; the check succeeded but nothing was applied', () => {
    const state = afterFetch(appliedAt(T0), notModified, T0 + HOUR, { kind: 'unchanged' });
    expect(state).toMatchObject({ hash: 'h1', etag: '"v1"', lastAppliedAt: T0, lastSuccessAt: T0 + HOUR, lastCheckedAt: T0 + HOUR, nextTryAt: T0 + 2 * HOUR });
  });

  it('the same text under new validators keeps the hash and takes the new validators', () => {
    const state = afterFetch(appliedAt(T0), changed('"v1-gzip"'), T0 + HOUR, { kind: 'unchanged' });
    expect(state.hash).toBe('h1');
    expect(state.etag).toBe('"v1-gzip"');
    // The old Last-Modified belonged to the old answer, not to this one.
    expect(state).not.toHaveProperty('lastModified');
  });

  it('backs off after failures: 1, 2, 4 … minutes, capped by the refresh interval', () => {
    expect(backoff(appliedAt(T0), 8)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(backoff(appliedAt(T0, 15), 6)).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it('a failure keeps the configuration in force and its validators, and records the message', () => {
    const state = afterFetch(appliedAt(T0), notFound, T0 + HOUR, failedWith(notFound));
    expect(state).toMatchObject({ hash: 'h1', etag: '"v1"', failures: 1, lastSuccessAt: T0, lastCheckedAt: T0 + HOUR });
    expect(state.lastError).toEqual({ at: T0 + HOUR, message: notFound.kind === 'failed' ? notFound.message : '' });
  });

  it('a success after failures resets the count and clears the error', () => {
    let state = appliedAt(T0);
    state = afterFetch(state, notFound, T0 + HOUR, failedWith(notFound));
    state = afterFetch(state, notFound, T0 + HOUR + MIN, failedWith(notFound));
    expect(state.failures).toBe(2);
    state = afterFetch(state, notModified, T0 + HOUR + 3 * MIN, { kind: 'unchanged' });
    expect(state.failures).toBe(0);
    expect(state).not.toHaveProperty('lastError');
    expect(state.nextTryAt).toBe(T0 + 2 * HOUR + 3 * MIN);
  });

  it('an invalid file counts as a failure, keeps its problems with their paths, and leaves the applied file and its validators in place', () => {
    const problems = [
      { path: 'policies[0].targets.High.resolution', message: '"4d" is not a duration: write hours, such as 96h.' },
      { path: 'calendars[1].timeZone', message: '"Europe/Berln" is not a time zone.' },
    ];
    const state = afterFetch(appliedAt(T0), changed('"v2"'), T0 + HOUR, { kind: 'invalid', problems });
    expect(state).toMatchObject({ hash: 'h1', etag: '"v1"', failures: 1, nextTryAt: T0 + HOUR + MIN });
    expect(state.lastError?.problems).toEqual(problems);
    expect(state.lastError?.message).toMatch(/not a valid SLA configuration \(2 problems\)/);
  });

  it('a file that needs confirmation waits for the user: recorded, no backoff, nothing applied', () => {
    const state = afterFetch(appliedAt(T0), changed('"v3"'), T0 + HOUR, { kind: 'needs-confirmation', hash: 'h3', reason: 'It would remove every policy.' });
    expect(state).toMatchObject({ hash: 'h1', etag: '"v1"', failures: 0, pendingConfirmation: { hash: 'h3', reason: 'It would remove every policy.' } });
    expect(state.nextTryAt).toBe(T0 + 2 * HOUR);
  });

  it('the question is dropped once the server serves the applied file again', () => {
    let state = afterFetch(appliedAt(T0), changed('"v3"'), T0 + HOUR, { kind: 'needs-confirmation', hash: 'h3', reason: 'It would remove every policy.' });
    state = afterFetch(state, notModified, T0 + 2 * HOUR, { kind: 'unchanged' });
    expect(state).not.toHaveProperty('pendingConfirmation');
  });
});

describe('shouldApply', () => {
  it('applies a file once: a second alarm with the same file finds it in force', () => {
    const fresh = subscribe(URL_, 60, T0);
    expect(shouldApply(fresh, 'h1')).toBe(true);
    const state = appliedAt(T0);
    expect(shouldApply(state, 'h1')).toBe(false);
    expect(shouldApply(state, 'h2')).toBe(true);
  });

  it('a failed check does not make the applied file look new', () => {
    const state = afterFetch(appliedAt(T0), notFound, T0 + HOUR, failedWith(notFound));
    expect(shouldApply(state, 'h1')).toBe(false);
  });
});

describe('describe', () => {
  it('all well: when checked, when last updated, when next', () => {
    let state = afterFetch(appliedAt(T0 - 2 * HOUR), notModified, T0 - 5 * MIN, { kind: 'unchanged' });
    expect(describeState(state, T0)).toEqual({ status: 'ok', lines: ['Last checked 5 min ago', 'Last updated from the server 2 h ago', 'Next check in 55 min'] });
    state = afterFetch(state, notModified, T0 - 3 * 24 * HOUR, { kind: 'unchanged' });
    expect(describeState(state, T0).lines[0]).toBe('Last checked 3 days ago');
  });

  it('not checked yet', () => {
    expect(describeState(subscribe(URL_, 60, T0), T0)).toEqual({ status: 'pending', lines: ['Not checked yet', 'Next check now'] });
  });

  it('an error: when, the server’s answer, and the next try', () => {
    const state = afterFetch(appliedAt(T0 - 2 * HOUR), notFound, T0 - 3 * MIN, failedWith(notFound));
    expect(describeState(state, T0)).toEqual({
      status: 'error',
      lines: [`Last error 3 min ago: The server answered 404 Not Found for ${URL_}. Check the address.`, 'Last checked 3 min ago', 'Last updated from the server 2 h ago', 'Next try now'],
    });
    expect(describeState(state, T0 - 3 * MIN + 30_000).lines.at(-1)).toBe('Next try in 1 min');
  });

  it('an invalid file lists its problems by path, a few at most', () => {
    const problems = Array.from({ length: 7 }, (_, i) => ({ path: `policies[${i}].calendar`, message: 'No calendar has this id.' }));
    const state = afterFetch(appliedAt(T0 - HOUR), changed('"v2"'), T0, { kind: 'invalid', problems });
    const lines = describeState(state, T0).lines;
    expect(lines[0]).toMatch(/^Last error just now: The file on the server is not a valid SLA configuration \(7 problems\)/);
    expect(lines.slice(1, 7)).toEqual([...problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`), '… and 2 more']);
  });

  it('repeated failures say how many', () => {
    let state = appliedAt(T0 - HOUR);
    state = afterFetch(state, notFound, T0 - 2 * MIN, failedWith(notFound));
    state = afterFetch(state, notFound, T0 - MIN, failedWith(notFound));
    expect(describeState(state, T0).lines).toContain('2 checks in a row have failed');
  });

  it('a file waiting for confirmation says so, with the reason', () => {
    const state = afterFetch(appliedAt(T0 - HOUR), changed('"v3"'), T0, { kind: 'needs-confirmation', hash: 'h3', reason: 'It would remove every policy.' });
    const summary = describeState(state, T0);
    expect(summary.status).toBe('confirm');
    expect(summary.lines[0]).toBe('A new file on the server waits for your confirmation before it is applied: It would remove every policy.');
  });
});

describe('a confirmation', () => {
  it('is for the one check that follows it, whatever that check finds', () => {
    const waiting: SubscriptionState = { ...subscribe(URL_, 60, T0), pendingConfirmation: { hash: 'h2', reason: 'r' }, confirmed: 'h2' };
    expect(afterFetch(waiting, changed('"e2"'), T0, { kind: 'applied', hash: 'h2' }).confirmed).toBeUndefined();
    expect(afterFetch(waiting, notFound, T0, { kind: 'failed', message: 'm' }).confirmed).toBeUndefined();
    expect(afterFetch(waiting, changed('"e3"'), T0, { kind: 'needs-confirmation', hash: 'h3', reason: 'r' })).toMatchObject({ pendingConfirmation: { hash: 'h3' } });
    expect(afterFetch(waiting, changed('"e3"'), T0, { kind: 'needs-confirmation', hash: 'h3', reason: 'r' }).confirmed).toBeUndefined();
  });
});
