import { describe, expect, it } from 'vitest';

// scripts/test-tz.mjs sets SLA_EXPECT_TZ with TZ: prove each run of the matrix really happened in
// its zone, so a matrix that silently ran in the host's zone cannot pass.
describe('machine time zone of this run', () => {
  const expected = process.env.SLA_EXPECT_TZ ?? process.env.TZ ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;

  it(`is ${expected}`, () => {
    const actual = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: expected }).resolvedOptions().timeZone;
    expect([expected, canonical]).toContain(actual);
    // The Date object's local time must follow the same zone (it is what a careless engine would use).
    const noon = new Date(Date.UTC(2026, 0, 15, 12));
    const wall = Date.parse(noon.toLocaleString('en-US', { timeZone: expected }));
    const utc = Date.parse(noon.toLocaleString('en-US', { timeZone: 'UTC' }));
    expect(noon.getTimezoneOffset()).toBe(Math.round((utc - wall) / 60_000));
  });
});
