import { describe, expect, it } from 'vitest';
import { badgeFor } from './badge-text';
import { calendarFor } from '../view/calendars';
import { EMEA, HOUR, MINUTE, NOW, SECOND, clock, running, view } from './__fixtures__/views';
import type { SlaView } from '../view/types';
import { ZENDESK_SLA_WORDS } from '../sources/zendesk/vendor-words';

const GB_UTC = { locale: 'en-GB', timeZone: 'UTC' };
const calendars = { emea: EMEA };
const render = (v: SlaView, now = NOW, options = GB_UTC) => badgeFor(v, calendars, now, options);

describe('text of a running clock', () => {
  it.each([
    [3 * HOUR + 12 * MINUTE, '3h 12m left'],
    [3 * HOUR + 12 * MINUTE + 59 * SECOND, '3h 12m left'],
    [45 * MINUTE, '45m left'],
    [2 * HOUR, '2h left'],
    [38 * HOUR + 12 * MINUTE, '38h left'],
    [MINUTE, '1m left'],
    // Never seconds: the last minute is one figure, so its badge changes no more than once a minute.
    [59 * SECOND, '<1m left'],
    [12 * SECOND, '<1m left'],
  ])('exact, %i ms left → %s', (remaining, text) => {
    expect(render(view([running('resolution', remaining)])).text).toBe(text);
  });

  it.each([
    [3 * HOUR + 12 * MINUTE, '~3h 12m left'],
    [45 * MINUTE, '~45m left'],
    [30 * SECOND, '<1m left'],
  ])('approximate, %i ms left → %s', (remaining, text) => {
    expect(render(view([running('resolution', remaining)], { exact: false })).text).toBe(text);
  });
});

describe('states', () => {
  it('ok: business time left, local due time and the kind of time in the label', () => {
    // Created Mon 23 Nov 09:00 Berlin, 40h target: 10h used by Tue 11:00, due Fri 17:00 Berlin.
    const v = view([clock('resolution', { start: Date.UTC(2026, 10, 23, 8), targetMs: 40 * HOUR }, 'emea')]);
    const b = render(v);
    expect(b).toMatchObject({ state: 'ok', metric: 'resolution', text: '30h left', short: '30h', fast: false });
    expect(b.label).toBe('Enterprise customers — resolution: on track, 30h of business time left, due Fri 27 Nov, 16:00.');
    expect(render(v, NOW, { locale: 'en-GB', timeZone: 'Europe/Berlin' }).label).toContain('due Fri 27 Nov, 17:00');
  });

  it('at-risk past the warning threshold, in calendar time for 24x7', () => {
    const b = render(view([running('resolution', 45 * MINUTE, 4 * HOUR)]));
    expect(b).toMatchObject({ state: 'at-risk', text: '45m left' });
    expect(b.label).toBe('Enterprise customers — resolution: at risk, 45m of calendar time left, due Tue 24 Nov, 10:45.');
  });

  it('paused: with the pause glyph text and the due time if it resumes', () => {
    const v = view([clock('resolution', { start: NOW - 3 * HOUR, targetMs: 4 * HOUR, pauses: [{ from: NOW - HOUR, to: null }] })]);
    const b = render(v);
    expect(b).toMatchObject({ state: 'paused', text: 'paused · 2h left', short: '2h', fast: false });
    expect(b.label).toContain('resolution: paused with 2h of calendar time left, due Tue 24 Nov, 12:00 if it resumes now');
  });

  it('breached: how long ago in wall-clock time, and when', () => {
    const b = render(view([running('first-response', -40 * MINUTE, HOUR)]));
    expect(b).toMatchObject({ state: 'breached', metric: 'first-response', text: 'breached 40m ago', short: 'Breached', fast: false });
    expect(b.label).toBe('Enterprise customers — first response: breached Tue 24 Nov, 09:20, 40m of calendar time over target.');
    expect(render(view([running('resolution', -40 * MINUTE, HOUR)], { exact: false })).text).toBe('breached ~40m ago');
  });

  it('breached over a weekend: ago counts wall-clock days, the label business time over', () => {
    // Due Fri 27 Nov 17:00 Berlin; on Mon 30 Nov 09:30 Berlin that is 64h 30m ago, 30m of business time.
    const v = view([clock('resolution', { start: Date.UTC(2026, 10, 23, 8), targetMs: 40 * HOUR }, 'emea')]);
    const b = render(v, Date.UTC(2026, 10, 30, 8, 30));
    expect(b).toMatchObject({ state: 'breached', text: 'breached 2d 16h ago' });
    expect(b.label).toContain('breached Fri 27 Nov, 16:00, 30m of business time over target');
  });

  it('just breached: no seconds, and the fast cadence until it reads in minutes', () => {
    const b = render(view([running('resolution', -20 * SECOND, HOUR)]));
    expect(b).toMatchObject({ state: 'breached', text: 'breached just now', fast: true });
  });

  it('met and missed are muted words; the label keeps the due time', () => {
    const met = render(view([clock('resolution', { start: NOW - 2 * HOUR, stop: NOW - 10 * MINUTE, targetMs: 4 * HOUR })]));
    expect(met).toMatchObject({ state: 'met', metric: 'resolution', text: 'met' });
    expect(met.short).toBeUndefined();
    expect(met.label).toBe('Enterprise customers — resolution: met, was due Tue 24 Nov, 12:00 (calendar time).');
    const missed = render(view([clock('resolution', { start: NOW - 2 * HOUR, stop: NOW - 10 * MINUTE, targetMs: HOUR })]));
    expect(missed).toMatchObject({ state: 'missed', text: 'missed' });
    expect(missed.label).toContain('resolution: missed by 50m of calendar time, was due Tue 24 Nov, 09:00');
  });

  it('none: no SLA, no metric', () => {
    expect(render({ key: 'SUP-1', kind: 'none', clocks: [], exact: true })).toEqual({
      state: 'none',
      metric: null,
      text: 'no SLA',
      label: 'No SLA policy applies to this ticket',
      fast: false,
      changesAt: Infinity,
    });
  });

  it('unknown: the reason from the note', () => {
    const b = render({ key: 'SUP-1', kind: 'unknown', clocks: [], exact: false, note: 'the creation time could not be read.' });
    expect(b).toMatchObject({ state: 'unknown', metric: null, text: 'SLA unknown', label: 'SLA unknown: the creation time could not be read' });
  });

  it('unknown when a clock refers to a calendar that is missing or invalid, instead of throwing', () => {
    const broken = { bad: { timeZone: 'Mars/Olympus', week: {} } };
    expect(calendarFor(broken, 'bad')).toBeNull();
    const b = badgeFor(view([clock('resolution', { start: NOW, targetMs: HOUR }, 'bad')]), broken, NOW, GB_UTC);
    expect(b).toMatchObject({ state: 'unknown', text: 'SLA unknown' });
    expect(b.label).toContain('"bad"');
  });
});

describe('approximate figures say why', () => {
  it('with the note', () => {
    const b = render(view([running('resolution', 3 * HOUR, 4 * HOUR)], { exact: false, note: 'status history unavailable' }));
    expect(b.text).toBe('~3h left');
    expect(b.label).toMatch(/\. Approximate: status history unavailable\.$/);
  });

  it('says "approximate" once when the background’s note already does', () => {
    const note = 'approximate: the site gave no status history, so pauses are not known';
    const b = render(view([running('resolution', 3 * HOUR, 4 * HOUR)], { exact: false, note }));
    expect(b.label).toMatch(/\. Approximate: the site gave no status history, so pauses are not known\.$/);
  });

  it('without a note', () => {
    expect(render(view([running('resolution', 3 * HOUR)], { exact: false })).label).toContain('Approximate: some times were inferred from the page.');
  });

  it('exact figures do not claim to be approximate', () => {
    expect(render(view([running('resolution', 3 * HOUR)])).label).not.toContain('pproximate');
  });
});

describe('the most urgent metric', () => {
  const cases: Array<[string, SlaView['clocks'], string, string]> = [
    // The at-risk clock has more time left (warned by remaining time), and still comes first.
    ['at-risk before ok', [running('resolution', HOUR, 2 * HOUR), clock('first-response', { start: NOW - HOUR, targetMs: 3 * HOUR, warnAt: '3h' })], 'first-response', 'at-risk'],
    ['breached before at-risk', [running('first-response', 5 * MINUTE, HOUR), running('resolution', -MINUTE * 5, 4 * HOUR)], 'resolution', 'breached'],
    ['the more overdue of two breaches', [running('resolution', -5 * MINUTE, HOUR), running('first-response', -50 * MINUTE, HOUR)], 'first-response', 'breached'],
    ['least time left among ok', [running('resolution', 3 * HOUR, 6 * HOUR), running('first-response', 2 * HOUR, 6 * HOUR)], 'first-response', 'ok'],
    [
      'paused ranks with ok, by time left',
      [clock('resolution', { start: NOW - 3 * HOUR, targetMs: 4 * HOUR, pauses: [{ from: NOW - HOUR, to: null }] }), running('first-response', 3 * HOUR, 8 * HOUR)],
      'resolution',
      'paused',
    ],
    ['running before stopped', [clock('first-response', { start: NOW - HOUR, stop: NOW - 50 * MINUTE, targetMs: 30 * MINUTE }), running('resolution', 30 * HOUR, 40 * HOUR)], 'resolution', 'ok'],
    [
      'none running: resolution',
      [clock('first-response', { start: NOW - HOUR, stop: NOW - 50 * MINUTE, targetMs: 5 * MINUTE }), clock('resolution', { start: NOW - HOUR, stop: NOW - MINUTE, targetMs: 4 * HOUR })],
      'resolution',
      'met',
    ],
    [
      'none running: resolution, whichever comes first',
      [clock('resolution', { start: NOW - HOUR, stop: NOW - MINUTE, targetMs: 4 * HOUR }), clock('first-response', { start: NOW - HOUR, stop: NOW - 50 * MINUTE, targetMs: 5 * MINUTE })],
      'resolution',
      'met',
    ],
    ['the only clock', [clock('first-response', { start: NOW - HOUR, stop: NOW - 50 * MINUTE, targetMs: 5 * MINUTE })], 'first-response', 'missed'],
  ];
  it.each(cases)('%s', (_name, clocks, metric, state) => {
    expect(render(view(clocks))).toMatchObject({ metric, state });
  });

  it('names the other metric’s policy where it differs', () => {
    const b = render(view([running('resolution', 30 * HOUR, 40 * HOUR, NOW), clock('first-response', { start: NOW - HOUR, stop: NOW - 50 * MINUTE, targetMs: 30 * MINUTE }, '24x7', 'Standard')]));
    expect(b.label).toMatch(/^Enterprise customers — resolution: .*\. First response \(Standard\): met, /);
    const shownFromOther = render(view([clock('resolution', { start: NOW - HOUR, targetMs: 90 * MINUTE }, '24x7', 'Standard')]));
    expect(shownFromOther.label).toMatch(/^Standard — resolution: /);
  });

  it('the other metric is summarised after the shown one', () => {
    const b = render(view([clock('first-response', { start: NOW - HOUR, stop: NOW - 50 * MINUTE, targetMs: 30 * MINUTE }), running('resolution', 30 * HOUR, 40 * HOUR)]));
    expect(b.label).toMatch(/^Enterprise customers — resolution: on track, 30h of calendar time left, due .*\. First response: met, was due .*\.$/);
  });
});

describe('the fast cadence', () => {
  it.each([
    ['10m left, open', running('resolution', 10 * MINUTE, HOUR), true],
    ['11m left', running('resolution', 11 * MINUTE, HOUR), false],
    ['paused with 5m left', clock('resolution', { start: NOW - 55 * MINUTE, targetMs: HOUR, pauses: [{ from: NOW - MINUTE, to: null }] }), false],
    ['met', clock('resolution', { start: NOW - 55 * MINUTE, stop: NOW - MINUTE, targetMs: HOUR }), false],
  ])('%s → %s', (_name, c, fast) => {
    expect(render(view([c])).fast).toBe(fast);
  });

  it('not while the business calendar is closed, the figure cannot change', () => {
    // 7m left at Tue 16:58 Berlin; from 17:00 (closed) it stays 5m until Wednesday 09:00.
    const v = view([clock('resolution', { start: Date.UTC(2026, 10, 24, 8), targetMs: 8 * HOUR + 5 * MINUTE }, 'emea')]);
    expect(render(v, Date.UTC(2026, 10, 24, 15, 58))).toMatchObject({ text: '7m left', fast: true });
    expect(render(v, Date.UTC(2026, 10, 24, 19, 0))).toMatchObject({ text: '5m left', fast: false });
  });
});

describe('calendars', () => {
  it('reuses the compiled calendar of an identical spec', () => {
    const a = calendarFor({ emea: EMEA }, 'emea');
    const b = calendarFor({ other: structuredClone(EMEA) }, 'other');
    expect(a).not.toBeNull();
    expect(b).toBe(a);
  });

  it('24x7 is implied', () => {
    expect(badgeFor(view([running('resolution', HOUR, 40 * HOUR)]), {}, NOW, GB_UTC).state).toBe('at-risk');
  });

  it('adds the year to due times in another year', () => {
    const b = render(view([running('resolution', 1000 * HOUR, 2000 * HOUR)]));
    expect(b.label).toContain('2027');
  });
});

describe('changesAt: when a badge can next read differently', () => {
  it('at the next whole minute of time left, one millisecond after a round figure', () => {
    expect(render(view([running('resolution', 3 * HOUR + 5 * SECOND, 8 * HOUR)])).changesAt).toBe(NOW + 5 * SECOND + 1);
    expect(render(view([running('resolution', 3 * HOUR, 8 * HOUR)])).changesAt).toBe(NOW + 1);
    // The last minute reads "<1m left" until the breach.
    expect(render(view([running('resolution', 42 * SECOND + 300, 8 * HOUR)])).changesAt).toBe(NOW + 42 * SECOND + 300);
  });

  it('at the warning threshold and at the start of the last ten minutes, when they come first', () => {
    // 75 % of one hour: at risk with 15 minutes left; 20 s away.
    expect(render(view([running('resolution', 15 * MINUTE + 20 * SECOND, HOUR)])).changesAt).toBe(NOW + 20 * SECOND);
    expect(render(view([running('resolution', 10 * MINUTE + 30 * SECOND, 100 * HOUR)])).changesAt).toBe(NOW + 30 * SECOND);
  });

  it('a clock on a closed calendar holds still until the calendar opens', () => {
    // Saturday 2026-11-28 12:00 UTC: EMEA (Mon–Fri) opens Monday.
    const saturday = Date.UTC(2026, 10, 28, 12);
    const v = view([clock('resolution', { start: Date.UTC(2026, 10, 27, 9), targetMs: 40 * HOUR }, 'emea')]);
    const monday = render(v, saturday).changesAt;
    expect(new Date(monday).getUTCDay()).toBe(1);
    expect(render(v, monday).text).toBe(render(v, saturday).text);
  });

  it('"breached … ago" and a paused clock move with the wall clock; a stopped one never changes', () => {
    const breached = view([clock('resolution', { start: NOW - 2 * HOUR - 30 * SECOND, targetMs: HOUR })]);
    expect(render(breached).changesAt).toBe(NOW + 30 * SECOND);
    const paused = view([clock('resolution', { start: NOW - HOUR, targetMs: 4 * HOUR, pauses: [{ from: NOW - 10 * MINUTE, to: null }] })]);
    expect(render(paused, NOW + 15 * SECOND).changesAt).toBe(NOW + MINUTE);
    const met = view([clock('resolution', { start: NOW - HOUR, targetMs: 4 * HOUR, stop: NOW - MINUTE })]);
    expect(render(met).changesAt).toBe(Infinity);
  });
});

describe("Zendesk's own SLA state, beside ours, in the Zendesk adapter's words", () => {
  const cals = {};
  const opts = { locale: 'en-GB', timeZone: 'UTC', vendorWords: ZENDESK_SLA_WORDS };
  const ours = [running('resolution', 2 * HOUR, 8 * HOUR)];

  it('names each of its targets: breached, due, paused, achieved', () => {
    const vendor = [
      { metric: 'first_reply_time', stage: 'active' as const, breachAt: NOW - 30 * MINUTE },
      { metric: 'total_resolution_time', stage: 'active' as const, breachAt: NOW + 3 * HOUR },
      { metric: 'requester_wait_time', stage: 'paused' as const, breachAt: NOW + HOUR },
      { metric: 'next_reply_time', stage: 'achieved' as const, breachAt: null },
    ];
    const b = badgeFor(view(ours, { vendor }), cals, NOW, opts);
    expect(b.label).toContain('Zendesk says: first response breached Tue 24 Nov, 09:30; resolution due Tue 24 Nov, 13:00; requester wait paused; next reply achieved.');
    // Its words change when its active target reaches the breach time, though ours (met) never will.
    const met = clock('resolution', { start: NOW - 2 * HOUR, targetMs: 8 * HOUR, stop: NOW - HOUR });
    const far = badgeFor(view([met], { vendor: [vendor[1]!] }), cals, NOW, opts);
    expect(far.changesAt).toBe(NOW + 3 * HOUR);
  });

  it('keeps "not reported" apart from "no targets"', () => {
    expect(badgeFor(view(ours, { vendor: null }), cals, NOW, opts).label).toContain('Zendesk’s own SLA state was not available.');
    expect(badgeFor(view(ours, { vendor: [] }), cals, NOW, opts).label).toContain('Zendesk applies no SLA targets to it.');
    expect(badgeFor(view(ours), cals, NOW, opts).label).not.toContain('Zendesk');
  });

  it('shows it even where no policy of ours applies', () => {
    const none: SlaView = { key: '7', kind: 'none', clocks: [], exact: true, vendor: [{ metric: 'first_reply_time', stage: 'active', breachAt: NOW + HOUR }] };
    expect(badgeFor(none, cals, NOW, opts).label).toBe('No SLA policy applies to this ticket. Zendesk says: first response due Tue 24 Nov, 11:00.');
  });
});

describe("another tool's own SLA state: the words are the source's, the phrasing the badge's", () => {
  const opts = { locale: 'en-GB', timeZone: 'UTC', vendorWords: { tool: 'Jira', metric: (name: string) => `the ${name.toLowerCase()}` } };
  const ours = [running('resolution', 2 * HOUR, 8 * HOUR)];

  it('speaks of the tool and its metrics as its source says, never of Zendesk', () => {
    const label = badgeFor(view(ours, { vendor: [{ metric: 'Time to first response', stage: 'active', breachAt: NOW + HOUR }] }), {}, NOW, opts).label;
    expect(label).toContain('Jira says: the time to first response due Tue 24 Nov, 11:00.');
    expect(badgeFor(view(ours, { vendor: null }), {}, NOW, opts).label).toContain('Jira’s own SLA state was not available.');
    expect(badgeFor(view(ours, { vendor: [] }), {}, NOW, opts).label).toContain('Jira applies no SLA targets to it.');
    for (const vendor of [null, [], [{ metric: 'first_reply_time', stage: 'achieved' as const, breachAt: null }]]) {
      expect(badgeFor(view(ours, { vendor }), {}, NOW, opts).label).not.toMatch(/zendesk|first reply/i);
    }
  });
});
