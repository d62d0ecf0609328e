import { describe, expect, it } from 'vitest';

// scripts/test-tz.mjs sets SLA_EXPECT_TZ with TZ: prove the run really happened in that zone,
// so a matrix that silently ran in the host's zone cannot pass.
describe('machine time zone of this run', () => {
  const expected = process.env.SLA_EXPECT_TZ;
  it.runIf(expected !== undefined)(`is ${expected}`, () => {
    const actual = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: expected }).resolvedOptions().timeZone;
    expect([expected, canonical]).toContain(actual);
    const expectedOffset = -Math.round(
      (Date.parse(new Date(Date.UTC(2026, 0, 15, 12)).toLocaleString('en-US', { timeZone: 'UTC' })) -
        Date.parse(new Date(Date.UTC(2026, 0, 15, 12)).toLocaleString('en-US', { timeZone: expected }))) /
        60_000,
    );
    expect(new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset()).toBe(-expectedOffset);
  });
});
