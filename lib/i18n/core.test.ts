import { describe, expect, it } from 'vitest';
import { browserCatalog, catalogOf, formatLocale, formatNumber, listAnd, sentence, t, tp, uiLocale, useCatalog } from './core';
import { findLocale, LOCALES } from './locales';

const de = LOCALES.find((l) => l.folder === 'de')!;
const he = LOCALES.find((l) => l.folder === 'he')!;

describe('t: a message in the language in use', () => {
  it('fills its {variables}, numbers in the language’s digits and separators', () => {
    useCatalog(catalogOf(de, { x: { message: '{n} Tickets auf {site}' } }));
    expect(t('x' as never, { n: 1234.5, site: 'acme' })).toBe('1.234,5 Tickets auf acme');
  });

  it('leaves a variable it was not given as it is, and says the key when no language has it', () => {
    useCatalog(catalogOf(de, { x: { message: 'füge {sites} hinzu' } }));
    expect(t('x' as never)).toBe('füge {sites} hinzu');
    expect(t('nowhere' as never)).toBe('nowhere');
  });

  it('takes what the chosen language lacks from the browser’s', () => {
    const browser = browserCatalog({ getMessage: (key) => (key === 'lang_folder' ? 'en' : key === 'only_there' ? 'from the browser' : '') });
    useCatalog(catalogOf(de, { here: { message: 'hier' } }, browser));
    expect([t('here' as never), t('only_there' as never), uiLocale().tag]).toEqual(['hier', 'from the browser', 'de']);
  });

  it('knows which language the browser picked by the folder its messages name', () => {
    expect(browserCatalog({ getMessage: (key) => (key === 'lang_folder' ? 'pt_BR' : '') }).locale.tag).toBe('pt-BR');
    // A browser whose API throws or says nothing: English.
    expect(browserCatalog({ getMessage: () => '' }).locale.folder).toBe('en');
    expect(
      browserCatalog({
        getMessage: () => {
          throw new Error('no i18n');
        },
      }).locale.folder,
    ).toBe('en');
  });
});

describe('tp: counted messages by the language’s plural rules', () => {
  const counted = (locale = de) =>
    useCatalog(
      catalogOf(locale, {
        c_zero: { message: 'zero {n}' },
        c_one: { message: 'one {n}' },
        c_two: { message: 'two {n}' },
        c_many: { message: 'many {n}' },
        c_other: { message: 'other {n}' },
      }),
    );

  it('English-like: one for 1 only, never "1 tickets"', () => {
    counted();
    expect([0, 1, 2, 1000].map((n) => tp('c' as never, n))).toEqual(['other 0', 'one 1', 'other 2', 'other 1.000']);
  });

  it('Hebrew: a form of its own for two', () => {
    counted(he);
    expect([1, 2, 3].map((n) => tp('c' as never, n))).toEqual(['one 1', 'two 2', 'other 3']);
  });

  it('French: 0 and 1 are singular, millions have their own form', () => {
    counted(LOCALES.find((l) => l.folder === 'fr'));
    expect([0, 1, 2, 1_000_000].map((n) => tp('c' as never, n))).toEqual(['one 0', 'one 1', 'other 2', 'many 1\u202f000\u202f000']);
  });

  it('Japanese: one form for every count; a missing form falls back to other', () => {
    counted(LOCALES.find((l) => l.folder === 'ja'));
    expect([1, 2].map((n) => tp('c' as never, n))).toEqual(['other 1', 'other 2']);
    useCatalog(catalogOf(he, { c_other: { message: 'other {n}' } }));
    expect(tp('c' as never, 2)).toBe('other 2');
  });
});

describe('the language’s own ways', () => {
  it('joins lists, ends sentences, formats numbers', () => {
    useCatalog(catalogOf(de, { sentence: { message: '{text}.' } }));
    expect(listAnd(['a', 'b', 'c'])).toBe('a, b und c');
    expect(sentence('Fertig')).toBe('Fertig.');
    expect(formatNumber(0.97, { style: 'percent' })).toBe('97\u00a0%');
    useCatalog(
      catalogOf(
        LOCALES.find((l) => l.folder === 'ja')!,
        { sentence: { message: '{text}。' } },
      ),
    );
    expect(listAnd(['a', 'b'])).toBe('a、b');
    expect(sentence('完了')).toBe('完了。');
  });

  it('writes dates in the browser’s regional form of the language in use, else the language’s own', () => {
    useCatalog(catalogOf(de, {}));
    expect(formatLocale()).toBe('de');
    const original = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    Object.defineProperty(globalThis, 'navigator', { value: { languages: ['en-GB', 'de-AT', 'de'] }, configurable: true });
    try {
      expect(formatLocale()).toBe('de-AT');
      useCatalog(catalogOf(he, {}));
      expect(formatLocale()).toBe('he');
    } finally {
      if (original) Object.defineProperty(globalThis, 'navigator', original);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});

describe('findLocale', () => {
  it('matches by language, then region, and knows Hebrew’s old code', () => {
    expect(['de-AT', 'pt', 'pt_BR', 'iw', 'he-IL', 'it', ''].map((w) => findLocale(w)?.folder)).toEqual(['de', 'pt_BR', 'pt_BR', 'he', 'he', undefined, undefined]);
  });
});
