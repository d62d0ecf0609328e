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
