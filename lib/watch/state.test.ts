import { describe, expect, it } from 'vitest';
import { afterListing, changesSince, coverage, emptyScopeState, planReads, storedScopeStates, type ScopeState } from './state';
import type { WatchScope } from './types';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const MIN = 60_000;
const keys = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `SUP-${from + i}`);
const scope: WatchScope = { id: 'personal:1', site: 'acme.atlassian.net', query: { kind: 'jql', jql: 'project = SUP' }, origin: 'personal' };

describe('planReads', () => {
  it('reads every ticket of a first listing, then those that joined or left and the next ones in rotation', () => {
    const first = planReads(emptyScopeState(NOW), keys(3));
    expect(first).toMatchObject({ read: ['SUP-1', 'SUP-2', 'SUP-3'], cursor: 0, must: ['SUP-1', 'SUP-2', 'SUP-3'], turn: [] });

    const state: ScopeState = { ...emptyScopeState(NOW), keys: keys(6) };
    // SUP-7 joined, SUP-1 left; two a round of the five that stayed.
    const next = planReads(state, [...keys(5, 2), 'SUP-7'], undefined, { perRound: 2 });
    expect(next.read).toEqual(['SUP-7', 'SUP-1', 'SUP-2', 'SUP-3']);
    expect(next.cursor).toBe(2);
    // What must be read, and the turn that waits for the round's spare requests; cut short, the rotation moves on by what it read.
    expect([next.must, next.turn]).toEqual([
      ['SUP-7', 'SUP-1'],
      ['SUP-2', 'SUP-3'],
    ]);
    expect([next.cursorAfter(0), next.cursorAfter(1), next.cursorAfter(2)]).toEqual([0, 1, 2]);
    const after = planReads({ ...state, keys: [...keys(5, 2), 'SUP-7'], cursor: next.cursor }, [...keys(5, 2), 'SUP-7'], undefined, { perRound: 2 });
    expect(after.read).toEqual(['SUP-4', 'SUP-5']);
    // The rotation wraps around: every ticket is read again in turn.
    const wrap = planReads({ ...state, keys: keys(3), cursor: 2 }, keys(3), undefined, { perRound: 2 });
    expect(wrap).toMatchObject({ read: ['SUP-3', 'SUP-1'], cursor: 1 });
  });

  it('reads what the site says changed, and far fewer in rotation when it can say', () => {
    const state: ScopeState = { ...emptyScopeState(NOW), keys: keys(1000) };
    const plan = planReads(state, keys(1000), ['SUP-500', 'SUP-700']);
    expect(plan.read.slice(0, 2)).toEqual(['SUP-500', 'SUP-700']);
    expect(plan.read).toHaveLength(2 + 10);
    expect(planReads(state, keys(1000)).read).toHaveLength(500);
  });

  it('reads the tickets stored approximate first; where rereading exact ones costs too much, only those', () => {
    const state: ScopeState = { ...emptyScopeState(NOW), keys: keys(100) };
    const approximate = new Set(['SUP-40', 'SUP-41', 'SUP-99']);
    expect(planReads(state, keys(100), ['SUP-1'], { approximate, perRound: 5 }).read).toEqual(['SUP-1', 'SUP-40', 'SUP-41', 'SUP-99', 'SUP-1', 'SUP-2'].filter((k, i, a) => a.indexOf(k) === i));
    expect(planReads(state, keys(100), ['SUP-1'], { approximate, perRound: 5, rotateExact: false }).read).toEqual(['SUP-1', 'SUP-40', 'SUP-41', 'SUP-99']);
    expect(planReads(state, keys(100), [], { approximate, perRound: 2, rotateExact: false }).read).toEqual(['SUP-40', 'SUP-41']);
    // Where the rotation is how changes are noticed, the approximate ones take half of it at most.
    const both = planReads(state, keys(100), undefined, { approximate, perRound: 4 });
    expect(both.read).toEqual(['SUP-40', 'SUP-41', 'SUP-1', 'SUP-2']);
    // The approximate ones come first in the turn: a turn cut after them has not moved the rotation.
    expect([both.cursorAfter(2), both.cursorAfter(3), both.cursorAfter(4)]).toEqual([0, 1, 2]);
  });

  it('counts changes from a minute before the last good listing, and not before a first', () => {
    expect(changesSince(emptyScopeState(NOW))).toBeUndefined();
    expect(changesSince({ ...emptyScopeState(NOW), lastSuccessAt: NOW })).toBe(NOW - MIN);
  });

  it('reads nothing of an empty scope, and everything that left it', () => {
    expect(planReads(emptyScopeState(NOW), [])).toMatchObject({ read: [], cursor: 0, must: [], turn: [] });
    expect(planReads({ ...emptyScopeState(NOW), keys: ['1', '2'], cursor: 1 }, [])).toMatchObject({ read: ['1', '2'], cursor: 0, must: ['1', '2'], turn: [] });
  });
});

describe('afterListing', () => {
  const interval = 2 * MIN;
  it('keeps the keys and the cursor, and is due again after the interval', () => {
    const next = afterListing(emptyScopeState(NOW), { ok: true, keys: ['1', '2'], requests: 1 }, 1, NOW, interval);
    expect(next).toEqual({ keys: ['1', '2'], cursor: 1, lastSuccessAt: NOW, failures: 0, nextTryAt: NOW + interval });
  });

  it('keeps the last good listing on a failure; backs off on what a retry cures, honouring Retry-After; not on a signed-out site', () => {
    const good = afterListing(emptyScopeState(NOW), { ok: true, keys: ['1'], requests: 1 }, 0, NOW, interval);
    const limited = afterListing(good, { ok: false, failure: 'rate-limited', message: 'slow down', requests: 1, retryAfterMs: 10 * MIN }, 0, NOW + MIN, interval);
    expect(limited).toMatchObject({ keys: ['1'], lastSuccessAt: NOW, failures: 1, nextTryAt: NOW + MIN + 10 * MIN, error: { failure: 'rate-limited', message: 'slow down', at: NOW + MIN } });
    const again = afterListing(limited, { ok: false, failure: 'server-error', message: '500', requests: 1 }, 0, NOW + 20 * MIN, interval);
    expect(again.nextTryAt).toBe(NOW + 20 * MIN + 4 * interval);
    const signedOut = afterListing(again, { ok: false, failure: 'signed-out', message: 'sign in', requests: 1 }, 0, NOW + 30 * MIN, interval);
    expect(signedOut.nextTryAt).toBe(NOW + 30 * MIN + interval);
    // A success clears the error and the count.
    const back = afterListing(signedOut, { ok: true, keys: [], requests: 1 }, 0, NOW + 40 * MIN, interval);
    expect(back.error).toBeUndefined();
    expect(back.failures).toBe(0);
  });

  it('says when some tickets could not be read', () => {
    const next = afterListing(emptyScopeState(NOW), { ok: true, keys: ['1'], requests: 1 }, 0, NOW, interval, { failure: 'rate-limited', message: 'the site asked to slow down' });
    expect(next.partial).toEqual({ failure: 'rate-limited', message: 'the site asked to slow down', at: NOW });
  });
});

describe('coverage', () => {
  it('says how many tickets and how fresh, the error, or that it was not read yet', () => {
    const read = afterListing(emptyScopeState(NOW), { ok: true, keys: keys(412), requests: 1 }, 0, NOW - 40_000, 2 * MIN);
    expect(coverage(scope, read, NOW, 'SUP queue')).toEqual({ id: scope.id, label: 'SUP queue', site: 'acme.atlassian.net', status: 'ok', text: '412 tickets · refreshed 40 s ago' });
    expect(coverage(scope, undefined, NOW, 'SUP queue').text).toBe('Not read yet');
    const signedOut = afterListing(read, { ok: false, failure: 'signed-out', message: 'x', requests: 1 }, 0, NOW, 2 * MIN);
    expect(coverage(scope, signedOut, NOW, 'SUP queue')).toMatchObject({ status: 'error', text: 'Sign in to acme.atlassian.net to refresh', signIn: 'https://acme.atlassian.net/' });
    const forbidden = afterListing(read, { ok: false, failure: 'forbidden', message: 'x', requests: 1 }, 0, NOW, 2 * MIN);
    expect(coverage(scope, forbidden, NOW, 'SUP queue')).toMatchObject({ status: 'error', text: 'Sign in to acme.atlassian.net to refresh' });
    const tooMany = afterListing(read, { ok: false, failure: 'too-many', message: 'The scope holds more than 10,000 tickets.', requests: 1 }, 0, NOW, 2 * MIN);
    expect(coverage(scope, tooMany, NOW, 'SUP queue')).toMatchObject({ status: 'error', text: 'The scope holds more than 10,000 tickets.' });
  });
});

describe('storedScopeStates', () => {
  it('keeps what is well-formed and drops the rest', () => {
    expect(storedScopeStates(null)).toEqual({});
    expect(storedScopeStates([])).toEqual({});
    expect(storedScopeStates({ a: { keys: ['1', 2], nextTryAt: 5 }, b: { keys: 'x', nextTryAt: 1 }, c: null })).toEqual({ a: { keys: ['1'], nextTryAt: 5, cursor: 0, failures: 0 } });
  });
});
