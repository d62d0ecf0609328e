import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogOf, useCatalog } from '../i18n/core';
import { findLocale } from '../i18n/locales';
import { formatSpan } from './format';

const speak = (folder: string) => useCatalog(catalogOf(findLocale(folder)!, JSON.parse(readFileSync(path.resolve(__dirname, '../../public/_locales', folder, 'messages.json'), 'utf8'))));

describe('formatSpan', () => {
  it('reads as the file spells it in English, kept on one line', () => {
    expect([38 * 3_600_000 + 19 * 60_000, 4 * 3_600_000, 30 * 60_000, 90_000, 0].map(formatSpan)).toEqual(['38h\u00a019m', '4h', '30m', '1m\u00a030s', '0m']);
  });

  it('speaks the language in use', () => {
    speak('de');
    expect(formatSpan(38 * 3_600_000 + 19 * 60_000)).toBe('38\u00a0Std.\u00a019\u00a0Min.');
    speak('ja');
    expect(formatSpan(4 * 3_600_000 + 30 * 60_000)).toBe('4時間30分');
  });
});
