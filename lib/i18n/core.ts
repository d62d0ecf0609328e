/**
 * Every word SLA Lens shows goes through `t` (and `tp` for counts). Messages live in
 * `public/_locales/<folder>/messages.json`, the browsers' own format, so the browser picks the
 * language and the store listing is translated with them. A catalog is the one locale in use:
 * by default the browser's own (`i18n.getMessage`, synchronous, nothing loaded), or the one the
 * user chose on the options page (lib/i18n/browser.ts installs it). No browser API is needed
 * when a catalog is installed, so pure modules and tests use it alike.
 *
 * A message's variables are written `{name}`; numbers among them are written in the locale's
 * digits and separators. Counts pick `key_one`, `key_few`, `key_other`… by `Intl.PluralRules`.
 */
import type en from '../../public/_locales/en/messages.json';
import { DEFAULT_LOCALE, findLocale, type Locale } from './locales';

/** A key of the English messages (every locale has the same keys: lib/i18n/messages.test.ts). */
export type MessageKey = keyof typeof en;
type PluralBase<K> = K extends `${infer Base}_other` ? Base : never;
/** The base of a counted message: `tickets` for `tickets_one` / `tickets_other`. */
export type PluralKey = PluralBase<MessageKey>;
export type Vars = Readonly<Record<string, string | number>>;

/** `messages.json` as the browsers read it. */
export type Messages = Readonly<Record<string, { message: string; description?: string }>>;

export interface Catalog {
  locale: Locale;
  lookup(key: string): string | undefined;
}

/** A catalog of one locale's messages; what it lacks comes from `fallback` (the browser's), then from nothing. */
export function catalogOf(locale: Locale, messages: Messages, fallback?: Catalog): Catalog {
  return { locale, lookup: (key) => messages[key]?.message ?? fallback?.lookup(key) };
}

interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
}

/** The browser's own choice: the folder it picked says which locale (`lang_folder`, in every messages.json). */
export function browserCatalog(api: I18nApi): Catalog {
  const get = (key: string) => {
    try {
      return api.getMessage(key) || undefined;
    } catch {
      return undefined;
    }
  };
  return { locale: findLocale(get('lang_folder')) ?? DEFAULT_LOCALE, lookup: get };
}

let active: Catalog | null = null;

function current(): Catalog {
  if (active) return active;
  const api = (globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } }).browser?.i18n ?? (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
  active = api ? browserCatalog(api) : catalogOf(DEFAULT_LOCALE, {});
  return active;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/** Installs the catalog every later `t` reads (an entrypoint, before it renders; tests, in setup). */
export function useCatalog(catalog: Catalog): void {
  active = catalog;
}

/** The locale in use: its BCP 47 tag for `Intl`, and its direction. */
export function uiLocale(): Locale {
  return current().locale;
}

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  const tag = current().locale.tag;
  const key = `${tag}|${JSON.stringify(options ?? {})}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(tag, options)));
  return f.format(n);
}

function fill(text: string, vars: Vars | undefined): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The message `key` in the locale in use, its `{variables}` filled in; the key itself if no locale has it. */
export function t(key: MessageKey, vars?: Vars): string {
  const text = current().lookup(key);
  return text === undefined ? key : fill(text, vars);
}

/** A counted message: `tp('tickets', 2)` → "2 tickets", by the locale's plural rules; `{n}` is the count. */
export function tp(key: PluralKey, n: number, vars?: Vars): string {
  const catalog = current();
  const tag = catalog.locale.tag;
  let rules = pluralRules.get(tag);
  if (!rules) pluralRules.set(tag, (rules = new Intl.PluralRules(tag)));
  const text = catalog.lookup(`${key}_${rules.select(n)}`) ?? catalog.lookup(`${key}_other`);
  return text === undefined ? key : fill(text, { n, ...vars });
}

/**
 * The locale dates and times are written in: the browser's own regional form of the language in
 * use (`en-GB` for an English catalog in a British browser), else the catalog's tag.
 */
export function formatLocale(): string {
  const tag = current().locale.tag;
  const language = tag.split('-')[0]!.toLowerCase();
  const preferred = (globalThis as { navigator?: { languages?: readonly string[] } }).navigator?.languages ?? [];
  return preferred.find((l) => l.split('-')[0]!.toLowerCase() === language) ?? tag;
}

const lists = new Map<string, Intl.ListFormat>();

/** `a and b`, `a, b and c`, as the language in use joins them. */
export function listAnd(items: readonly string[]): string {
  const tag = current().locale.tag;
  let f = lists.get(tag);
  if (!f) lists.set(tag, (f = new Intl.ListFormat(tag, { type: 'conjunction' })));
  return f.format(items);
}

/** A sentence of its own: `text.` (`text。` in Japanese). */
export function sentence(text: string): string {
  return t('sentence', { text });
}
