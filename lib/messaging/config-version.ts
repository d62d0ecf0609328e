/**
 * Which configuration version is active, as the content scripts and the background hear it:
 * written to `storage.local` by whatever made it active (the database write announces it), read
 * there because content scripts cannot watch the extension's database.
 */
import { browser } from '#imports';
import { CONFIG_VERSION_KEY } from './types';

export function publishActiveVersion(id: number | null): Promise<void> {
  return browser.storage.local.set({ [CONFIG_VERSION_KEY]: id });
}
