import { describe, expect, it } from 'vitest';
import { RAILS_TO_IANA, ianaFromZendeskZone } from './rails-zones';

describe('RAILS_TO_IANA', () => {
  it('holds the whole ActiveSupport table (151 names, plus the old "Kyev")', () => {
    expect(Object.keys(RAILS_TO_IANA)).toHaveLength(152);
  });

  it.each(Object.entries(RAILS_TO_IANA))('%s → %s is a zone Intl accepts', (_rails, iana) => {
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: iana })).not.toThrow();
  });
});

describe('ianaFromZendeskZone', () => {
  it.each([
    ['Pacific Time (US & Canada)', 'America/Los_Angeles'],
    ['Eastern Time (US & Canada)', 'America/New_York'],
    ['London', 'Europe/London'],
    ['Berlin', 'Europe/Berlin'],
    ['Edinburgh', 'Europe/London'],
    ['Quito', 'America/Lima'],
    ['Abu Dhabi', 'Asia/Muscat'],
    ["Nuku'alofa", 'Pacific/Tongatapu'],
    ['UTC', 'Etc/UTC'],
    ['Kyiv', 'Europe/Kiev'],
    ['Kyev', 'Europe/Kiev'],
  ])('maps the Rails name %j to %s', (rails, iana) => {
    expect(ianaFromZendeskZone(rails)).toBe(iana);
  });

  it('ignores letter case and surrounding spaces in Rails names', () => {
    expect(ianaFromZendeskZone(' pacific time (us & canada) ')).toBe('America/Los_Angeles');
  });

  it('keeps an IANA id that Intl knows as written', () => {
    expect(ianaFromZendeskZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaFromZendeskZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it.each([['Atlantis'], ['Mars/Olympus_Mons'], ['EST'], [''], [42], [null]])('refuses %j', (name) => {
    expect(ianaFromZendeskZone(name)).toBeNull();
  });
});
