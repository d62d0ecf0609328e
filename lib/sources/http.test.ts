import { describe, expect, it } from 'vitest';
import { failureWords } from '../view/words';
import { failureOf, retryAfterMs } from './http';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const answer = (status: number, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => new Response(status === 204 ? null : '{}', { status, headers });

describe('failureOf: one reading of an answer’s status for every source', () => {
  it.each([
    [200, undefined, null],
    [404, undefined, null],
    [429, { 'Retry-After': '30', 'Content-Type': 'application/json' }, { ok: false, failure: 'rate-limited', retryAfterMs: 30_000, status: 429 }],
    [401, undefined, { ok: false, failure: 'signed-out', status: 401 }],
    // Signed in, but not allowed: signing in again would not help, so it is not called signed out.
    [403, undefined, { ok: false, failure: 'forbidden', status: 403 }],
    [503, undefined, { ok: false, failure: 'server-error', retryAfterMs: undefined, status: 503 }],
  ] as const)('%i', (status, headers, expected) => {
    expect(failureOf(answer(status, headers ? { ...headers } : undefined), NOW)).toEqual(expected);
  });

  it('a 200 that is not JSON is a sign-in page', () => {
    expect(failureOf(answer(200, { 'Content-Type': 'text/html; charset=utf-8' }), NOW)).toEqual({ ok: false, failure: 'signed-out', status: 200 });
  });

  it('a badge says a 403 is a permission the account lacks, and never asks to sign in again', () => {
    expect(failureWords('forbidden')).toMatch(/permission/);
    expect(failureWords('forbidden')).not.toMatch(/sign in/i);
    expect(failureWords('signed-out')).toMatch(/sign in/i);
  });

  it('Retry-After as an HTTP date', () => {
    expect(retryAfterMs(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
  });
});
