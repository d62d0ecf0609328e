/**
 * The languages SLA Lens speaks. Each is a folder `public/_locales/<folder>/` holding its
 * `messages.json` (the browser's own i18n format, which also translates the store listing) and
 * nothing else: adding a language is that folder and a line here.
 */
export interface Locale {
  /** The `_locales` folder name (Chrome's and Firefox's form: `pt_BR`). */
  folder: string;
  /** BCP 47, for `Intl` and `lang` attributes. */
  tag: string;
  /** The language's own name, as the options page lists it. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const LOCALES: readonly Locale[] = [
  { folder: 'en', tag: 'en', name: 'English', dir: 'ltr' },
  { folder: 'de', tag: 'de', name: 'Deutsch', dir: 'ltr' },
  { folder: 'fr', tag: 'fr', name: 'Français', dir: 'ltr' },
  { folder: 'es', tag: 'es', name: 'Español', dir: 'ltr' },
  { folder: 'pt_BR', tag: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' },
  { folder: 'ja', tag: 'ja', name: '日本語', dir: 'ltr' },
  { folder: 'he', tag: 'he', name: 'עברית', dir: 'rtl' },
];

export const DEFAULT_LOCALE = LOCALES[0]!;

/** The locale of a tag or folder name, by language and then region (`de-AT` → `de`, `pt` → `pt-BR`); undefined when none is close. */
export function findLocale(wanted: string | null | undefined): Locale | undefined {
  if (!wanted) return undefined;
  const norm = wanted.replace(/_/g, '-').toLowerCase();
  const exact = LOCALES.find((l) => l.tag.toLowerCase() === norm);
  if (exact) return exact;
  const language = norm.split('-')[0];
  // Hebrew's old code `iw` is what some systems still report.
  return LOCALES.find((l) => l.tag.split('-')[0]!.toLowerCase() === (language === 'iw' ? 'he' : language));
}
