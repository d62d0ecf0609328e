/**
 * Which tab the popup is about, and that tab's page status as the background keeps it. Opened
 * from the toolbar, the popup is about the active tab of its window. Opened as a page of its own
 * (a pinned tab, a test), it is about the tab the user turns to next, never about itself.
 */
import { tabStatusKey } from '../../lib/storage-keys';
import { browser } from '#imports';
import { readTabStatus, type TabPageStatus } from '../../lib/tabs/tab-status';

export function watchActiveTabStatus(listener: (status: TabPageStatus | null) => void): () => void {
  let live = true;
  let self: number | undefined;
  let watched: number | undefined;
  const show = (tabId: number | undefined) => {
    watched = tabId;
    if (tabId === undefined) return listener(null);
    readTabStatus(tabId, browser.storage.session).then(
      (status) => live && watched === tabId && listener(status),
      () => live && listener(null),
    );
  };
  const onActivated = ({ tabId }: { tabId: number }) => {
    if (tabId !== self) show(tabId);
  };
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && watched !== undefined && tabStatusKey(watched) in changes) show(watched);
  };
  void (async () => {
    self = (await browser.tabs.getCurrent())?.id;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (live && watched === undefined) show(active?.id !== self ? active?.id : undefined);
  })();
  browser.tabs.onActivated.addListener(onActivated);
  browser.storage.onChanged.addListener(onChanged);
  return () => {
    live = false;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.storage.onChanged.removeListener(onChanged);
  };
}
