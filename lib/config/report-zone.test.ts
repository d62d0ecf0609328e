import { describe, expect, it } from 'vitest';
import { diffConfigs } from './diff';
import { errorsOf, expectOk } from './test-helpers';
import { validateConfig } from './validate';

const base = { version: 1, policies: [{ id: 'std', calendar: '24x7', targets: { '*': { resolution: '8h' } } }] };

describe('reportZone: where the report cuts its months for every agreement', () => {
  it('takes an IANA zone, kept in its canonical spelling', () => {
    expect(expectOk(validateConfig({ ...base, reportZone: 'Europe/Berlin' })).config.reportZone).toBe('Europe/Berlin');
    expect(expectOk(validateConfig({ ...base, reportZone: 'europe/berlin' })).config.reportZone).toBe('Europe/Berlin');
    expect(expectOk(validateConfig(base)).config).not.toHaveProperty('reportZone');
  });

  it('refuses what is not a zone, at its path', () => {
    expect(errorsOf(validateConfig({ ...base, reportZone: 'Berlin time' }))).toEqual([
      expect.objectContaining({ path: 'reportZone', message: '"Berlin time" is not a time zone; write an IANA name such as "Europe/Berlin" or "America/New_York".' }),
    ]);
  });

  it('shows in the preview and the history when it changes', () => {
    const before = expectOk(validateConfig(base)).config;
    const after = expectOk(validateConfig({ ...base, reportZone: 'Asia/Tokyo' })).config;
    expect(diffConfigs(before, after)).toEqual([expect.objectContaining({ field: 'reportZone', text: 'Report zone: Asia/Tokyo (before: the zone most agreements keep)' })]);
  });
});
