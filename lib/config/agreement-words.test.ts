import { describe, expect, it } from 'vitest';
import {
  agingWords,
  creditWords,
  durationWords,
  internalNoteWords,
  effectiveNow,
  effectiveWords,
  holidayWords,
  pauseWords,
  spoken,
  upcomingHolidays,
  warnWords,
  weekWords,
  whichTickets,
} from './agreement-words';

describe('agreement words', () => {
  it('lists the way a person does', () => {
    expect([spoken([], 'or'), spoken(['A'], 'or'), spoken(['A', 'B'], 'or'), spoken(['A', 'B', 'C'], 'and')]).toEqual(['', 'A', 'A or B', 'A, B and C']);
  });

  it('says which tickets a policy takes, every condition, in the file’s own names', () => {
    expect(whichTickets([])).toBe('Every ticket');
    expect(whichTickets([{}])).toBe('Every ticket');
    expect(
      whichTickets([
        { source: 'jira', project: 'SUP' },
        { priority: ['High', 'Urgent'], labels: { any: ['enterprise'], none: ['trial', 'internal'] } },
      ]),
    ).toBe('Tickets in Jira project SUP, with priority High or Urgent, labelled enterprise, not labelled trial or internal');
    expect(whichTickets([{ source: 'zendesk', organization: 'Acme Corp', group: ['Tier 2'], tags: { all: ['vip', 'eu'] } }])).toBe(
      'Tickets in Zendesk, from Acme Corp, in group Tier 2, tagged vip and eu',
    );
    expect(whichTickets([{ site: '*.atlassian.net', requestType: 'Get IT help', issueType: 'Incident', assignee: 'Ann', status: 'Open' }])).toBe(
      'Tickets on sites matching *.atlassian.net, raised as Get IT help, of type Incident, assigned to Ann, in status Open',
    );
    expect(whichTickets([{ site: ['acme.atlassian.net', 'acme.zendesk.com'], project: ['SUP', 'OPS'], field: { Region: 'EMEA', Tier: 2 } }])).toBe(
      'Tickets on acme.atlassian.net or acme.zendesk.com, in projects SUP or OPS, whose Region is EMEA, whose Tier is 2',
    );
  });

  it('says durations in words, in hours rather than days (a business day is not 24 hours)', () => {
    expect([durationWords(30 * 60_000), durationWords(3_600_000), durationWords(5_400_000), durationWords(40 * 3_600_000), durationWords(0)]).toEqual([
      '30 minutes',
      '1 hour',
      '1 hour 30 minutes',
      '40 hours',
      'no time',
    ]);
  });

  it('says what stops the clocks and when a ticket turns at risk', () => {
    expect(pauseWords([])).toBe('The clocks never stop for a status: they count until the target is met.');
    expect(pauseWords(['pending', 'waiting for customer'], (s) => `“${s}”`)).toBe('The clocks stop while a ticket is “pending” or “waiting for customer”, and go on when it leaves that status.');
    expect(warnWords({ fraction: 0.75 })).toBe('A ticket is shown at risk once 75% of its time is used.');
    expect(warnWords({ remainingMs: 30 * 60_000 })).toBe('A ticket is shown at risk when 30 minutes are left.');
  });

  it('says what the agreement promises and what it owes when it falls short, in one sentence per policy', () => {
    const credits = [
      { below: 95, credit: 5 },
      { below: 90, credit: 10 },
    ];
    expect(creditWords({ objective: 95, credits, creditCap: 25, fee: { amount: 12_000, currency: 'EUR' } })).toBe(
      'Promised: 95% of targets met. Credits: 5% of the fee below 95%, 10% below 90% (at most 25%); the fee is €12,000.',
    );
    expect(creditWords({ objective: 99.5 })).toBe('Promised: 99.5% of targets met.');
    expect(creditWords({ credits: [{ below: 99.9, credit: 10 }, ...credits.slice(1), { below: 80, credit: 25 }] })).toBe('Credits: 10% of the fee below 99.9%, 10% below 90%, 25% below 80%.');
    expect(creditWords({ credits, fee: { amount: 999.5, currency: 'USD' } })).toBe('Credits: 5% of the fee below 95%, 10% below 90%; the fee is $999.50.');
    expect(creditWords({ creditCap: 25, fee: { amount: 1_500_000, currency: 'JPY' } })).toBe('Credits: at most 25% of the fee. The fee is ¥1,500,000.');
    // Intl keeps a code and its amount together with a no-break space.
    expect(creditWords({ fee: { amount: 900, currency: 'CHF' } })).toBe('The fee is CHF\u00a0900.');
    expect(creditWords({})).toBeNull();
  });

  it('says the agreement’s period, and whether it is in force today', () => {
    expect(effectiveWords(undefined)).toBe('For every ticket, whenever it was created.');
    expect(effectiveWords({ from: '2026-01-01', to: '2026-12-31' })).toBe('For tickets created from 1 January 2026 to 31 December 2026, both days included.');
    expect(effectiveWords({ from: '2027-01-01' })).toBe('For tickets created on or after 1 January 2027.');
    expect(effectiveWords({ to: '2026-06-30' })).toBe('For tickets created up to 30 June 2026, that day included.');
    const period = { from: '2026-01-01', to: '2026-12-31' };
    expect([
      effectiveNow(period, '2025-12-31'),
      effectiveNow(period, '2026-01-01'),
      effectiveNow(period, '2026-12-31'),
      effectiveNow(period, '2027-01-01'),
      effectiveNow(undefined, '2026-05-05'),
    ]).toEqual(['before', 'now', 'now', 'after', 'now']);
  });

  it('says the week as runs of days with the same hours, Monday first', () => {
    expect(weekWords({ mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] })).toEqual([
      'Monday to Friday: 09:00–17:00',
      'Saturday and Sunday: closed',
    ]);
    expect(
      weekWords({
        mon: [
          ['08:00', '12:00'],
          ['13:00', '17:00'],
        ],
        tue: [['22:00', '06:00']],
        sat: [['00:00', '24:00']],
        sun: [['00:00', '24:00']],
      }),
    ).toEqual(['Monday: 08:00–12:00 and 13:00–17:00', 'Tuesday: 22:00–06:00', 'Wednesday to Friday: closed', 'Saturday and Sunday: all day']);
  });

  it('says holidays, and keeps only those not yet over, soonest first', () => {
    expect(holidayWords('2026-12-25')).toBe('Fri, 25 Dec 2026: closed');
    expect(holidayWords({ date: '2026-12-24', hours: [['09:00', '13:00']], name: 'Christmas Eve' })).toBe('Thu, 24 Dec 2026: open 09:00–13:00 only (Christmas Eve)');
    expect(holidayWords({ from: '2026-12-28', to: '2026-12-31', name: 'Year end' })).toBe('Mon, 28 Dec 2026 to Thu, 31 Dec 2026: closed (Year end)');
    const holidays = ['2026-12-25', '2026-01-01', { from: '2026-11-30', to: '2026-12-04' }, { date: '2026-12-24' }];
    expect(upcomingHolidays(holidays, '2026-12-03')).toEqual({ upcoming: [{ from: '2026-11-30', to: '2026-12-04' }, { date: '2026-12-24' }, '2026-12-25'], past: 1 });
    expect(upcomingHolidays(holidays, '2027-01-01')).toEqual({ upcoming: [], past: 4 });
  });
});

describe('the words for the metrics beyond first response and resolution (issue 18)', () => {
  it('says when a ticket is flagged stale, and which internal notes count', () => {
    expect(agingWords(undefined)).toBeNull();
    expect(agingWords({ noPublicUpdateMs: 48 * 3_600_000, inStatusMs: 72 * 3_600_000, statuses: ['waiting for customer', 'hold'] }, (s) => `“${s}”`)).toBe(
      'A ticket is flagged stale after 48 hours with no public update from an agent, or after 72 hours in “waiting for customer” or “hold”.',
    );
    expect(agingWords({ inStatusMs: 90 * 60_000 })).toBe('A ticket is flagged stale after 1 hour 30 minutes in the same open status.');
    expect(internalNoteWords(undefined)).toBeNull();
    expect(internalNoteWords(['nextReply', 'periodicUpdate'])).toBe('An agent’s internal note counts as a next reply or periodic update.');
  });
});
