/**
 * Which language an extension context speaks: the browser's (its `i18n` API picks the
 * `_locales` folder), unless the user chose one on the options page. The choice is kept with that
 * locale's messages in `storage.local`, so every context (a content script included) reads one
 * value and loads only its own language's strings.
 */
import { browser } from '#imports';
import { LANGUAGE_KEY } from '../storage-keys';
import { browserCatalog, catalogOf, useCatalog, type Messages } from './core';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales';

export interface ChosenLanguage {
  folder: string;
  messages: Messages;
}

function readChosen(value: unknown): { locale: Locale; messages: Messages } | null {
  if (!value || typeof value !== 'object') return null;
  const { folder, messages } = value as Partial<ChosenLanguage>;
  const locale = LOCALES.find((l) => l.folder === folder);
  if (!locale || !messages || typeof messages !== 'object') return null;
  return { locale, messages };
}

/** Installs the language in use and returns it; `doc` (an extension page) gets its `lang` and `dir`. */
export async function installLanguage(doc?: Document): Promise<Locale> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  return applyLanguage(stored[LANGUAGE_KEY], doc);
}

function applyLanguage(value: unknown, doc?: Document): Locale {
  const ours = browserCatalog(browser.i18n);
  const chosen = readChosen(value);
  const catalog = chosen ? catalogOf(chosen.locale, chosen.messages, ours) : ours;
  useCatalog(catalog);
  if (doc) {
    doc.documentElement.lang = catalog.locale.tag;
    doc.documentElement.dir = catalog.locale.dir;
  }
  return catalog.locale;
}

/** The language the user chose (a `_locales` folder), or null for the browser's. */
export async function chosenLanguage(): Promise<string | null> {
  const stored = await browser.storage.local.get(LANGUAGE_KEY).catch(() => ({}) as Record<string, unknown>);
  return readChosen(stored[LANGUAGE_KEY])?.locale.folder ?? null;
}

async function messagesOf(folder: string): Promise<Messages> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${folder}/messages.json` as '/popup.html'));
  if (!response.ok) throw new Error(`no messages for ${folder}`);
  return (await response.json()) as Messages;
}

/** Speaks `folder` from now on in every context, or the browser's language again (null). */
export async function chooseLanguage(folder: string | null): Promise<void> {
  const locale = folder === null ? undefined : LOCALES.find((l) => l.folder === folder);
  if (!locale) {
    await browser.storage.local.remove(LANGUAGE_KEY);
    return;
  }
  const chosen: ChosenLanguage = { folder: locale.folder, messages: await messagesOf(locale.folder) };
  await browser.storage.local.set({ [LANGUAGE_KEY]: chosen });
}

/** After an update the chosen language's messages are read again: new words would otherwise fall back to the browser's. */
export async function refreshChosenLanguage(): Promise<void> {
  const folder = await chosenLanguage();
  if (folder) await chooseLanguage(folder).catch(() => undefined);
}

/** Calls `changed` with the new language when the choice changes (already installed). */
export function onLanguageChanged(changed: (locale: Locale) => void, doc?: Document): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(LANGUAGE_KEY in changes)) return;
    changed(applyLanguage(changes[LANGUAGE_KEY]!.newValue, doc));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

export { DEFAULT_LOCALE };
