/**
 * Which configuration version is active, as the content scripts and the background hear it:
 * written to `storage.local` by whatever made it active (the database write announces it), read
 * there because content scripts cannot watch the extension's database.
 */
import { CONFIG_VERSION_KEY } from '../storage-keys';
import { browser } from '#imports';

export function publishActiveVersion(id: number | null): Promise<void> {
  return browser.storage.local.set({ [CONFIG_VERSION_KEY]: id });
}

/**
 * Calls back with the version a write made active (null: none, or not known), wherever the write
 * happened; returns the unsubscribe. Content scripts hear the database's writes this way.
 */
export function onActiveVersion(listener: (version: number | null) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(CONFIG_VERSION_KEY in changes)) return;
    const version = changes[CONFIG_VERSION_KEY]?.newValue;
    listener(typeof version === 'number' ? version : null);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
