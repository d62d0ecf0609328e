/**
 * The badge's durations and the due times in each language, from the messages that ship: short
 * unit forms that fit a pill, plural edge cases, and dates in zones half an hour off UTC.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogOf, tp, useCatalog } from './core';
import { LOCALES } from './locales';
import { compactBusinessSpan, compactWallSpan, countdownWords, fullBusinessSpan } from '../view/durations';
import { formatDue, pillText } from '../view/words';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const speak = (folder: string) => {
  const locale = LOCALES.find((l) => l.folder === folder)!;
  useCatalog(catalogOf(locale, JSON.parse(readFileSync(path.resolve(__dirname, '../../public/_locales', folder, 'messages.json'), 'utf8'))));
};
// Tuesday 24 November 2026, 09:00 UTC: 14:30 in Kolkata (+5:30), 19:30 in Adelaide (+10:30).
const AT = Date.UTC(2026, 10, 24, 9, 0);

describe.each([
  ['de', ['3 Std. 12 Min.', 'weniger als eine Minute', '2 T. 3 Std.', 'noch ~2 Std. 10 Min.', 'vor 40 Min. verletzt', 'Di., 24. Nov., 14:30', 'Di., 24. Nov. 2026, 19:30']],
  ['fr', ['3 h 12 min', 'moins d’une minute', '2 j 3 h', 'reste ~2 h 10 min', 'dépassé il y a 40 min', 'mar. 24 nov., 14:30', 'mar. 24 nov. 2026, 19:30']],
  ['ja', ['3時間12分', '1分未満', '2日3時間', '残り~2時間10分', '40分前に違反', '11月24日(火) 14:30', '2026年11月24日(火) 19:30']],
  ['he', ['3 ש׳ 12 ד׳', 'פחות מדקה', '2 י׳ 3 ש׳', 'נותרו ~2 ש׳ 10 ד׳', 'הופר לפני 40 ד׳', 'יום ג׳, 24 בנוב׳, 14:30', 'יום ג׳, 24 בנוב׳ 2026, 19:30']],
])('%s', (folder, expected) => {
  it('writes spans, countdowns and due times (half-hour zones included) as the language does', () => {
    speak(folder);
    expect([
      compactBusinessSpan(3 * HOUR + 12 * MIN),
      fullBusinessSpan(30_000),
      compactWallSpan(2 * DAY + 3 * HOUR),
      countdownWords({ state: 'at-risk', remainingMs: 2 * HOUR + 10 * MIN, dueAt: 0 }, 0, true),
      countdownWords({ state: 'breached', remainingMs: 0, dueAt: 0 }, 40 * MIN, false),
      formatDue(AT, AT, { timeZone: 'Asia/Kolkata' }),
      formatDue(AT, AT - 400 * DAY, { timeZone: 'Australia/Adelaide' }),
    ]).toEqual(expected);
  });
});

describe.each(LOCALES.filter((l) => l.folder !== 'en').map((l) => [l.folder, l.tag] as const))('%s, like every language', (folder, tag) => {
  it('says no English word in a badge', () => {
    speak(folder);
    const texts = [
      ...[0, 30_000, 59 * MIN, HOUR, 9 * HOUR + 59 * MIN, 10 * HOUR, 100 * HOUR].map(compactBusinessSpan),
      ...(['ok', 'at-risk', 'paused', 'met', 'missed'] as const).map((state) => countdownWords({ state, remainingMs: 45 * MIN, dueAt: 0 }, 0, false)),
      countdownWords({ state: 'ok', remainingMs: 30_000, dueAt: 0 }, 0, false),
      countdownWords({ state: 'breached', remainingMs: 0, dueAt: 0 }, 10_000, false),
      countdownWords({ state: 'breached', remainingMs: 0, dueAt: 0 }, 3 * DAY, true),
      pillText({ state: 'unknown', dueAt: 0, remainingMs: 0, exact: true }, 0),
      pillText({ state: 'none', dueAt: 0, remainingMs: 0, exact: true }, 0),
    ];
    const english = /\b(left|ago|breached|paused|just now|met|missed|no SLA|unknown|\d+[hmsd])\b/;
    expect(texts.filter((text) => english.test(text))).toEqual([]);
  });

  it('counts in every plural form the language has, the figure always in it', () => {
    speak(folder);
    for (const n of [0, 1, 2, 3, 5, 11, 21, 100, 1_000_000]) {
      const words = tp('tickets', n);
      expect(words).toContain(new Intl.NumberFormat(tag).format(n));
      expect(words).not.toBe('tickets');
    }
  });
});
