import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptActive } from '../browser/badges';
import { screenshotFailures } from '../browser/failures';
import { COVERED_PAGES } from './smoke-pages';
import { GECKO_ID, launchFirefox, type FirefoxSession } from '../browser/firefox';
import { sampleJiraIssues, sampleZendeskTickets } from '../sites/samples';
import { URLS } from '../sites/index';

let session: FirefoxSession;

beforeAll(async () => {
  const now = Date.now();
  session = await launchFirefox({ sites: { jira: sampleJiraIssues(now), zendesk: sampleZendeskTickets(now) } });
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('firefox', () => session?.browser);

/** The extension's `browser` global, inside an extension page. */
type ExtensionWindow = Window & {
  browser: { runtime: { id: string; getBackgroundPage(): Promise<Window> } };
};

/** The text of the page's headings (Puppeteer's ARIA queries need CDP, which Firefox lacks). */
const headings = (page: Page) => page.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].map((h) => h.textContent?.trim()));
const buttons = (page: Page) => page.evaluate(() => [...document.querySelectorAll('button, [role="button"]')].map((b) => b.getAttribute('aria-label') ?? b.textContent?.trim()));

/** What the extension's background page reports: where it runs, and the Dexie database it opened. */
async function backgroundReport(page: Page) {
  return page.evaluate(async () => {
    const ext = (window as unknown as ExtensionWindow).browser;
    const bg = await ext.runtime.getBackgroundPage();
    // IndexedDB is per extension origin; ask the background page's own factory anyway.
    const names = (await bg.indexedDB.databases()).map((d) => d.name);
    let stores: string[] | null = null;
    if (names.includes('sla-lens')) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = bg.indexedDB.open('sla-lens');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      stores = [...db.objectStoreNames];
      db.close();
    }
    return { id: ext.runtime.id, background: bg.location.pathname, stores };
  });
}

/** Records, from the page's own world, every change content scripts make to the `<html>` marker. */
function recordMarker(page: Page) {
  return page.evaluate(() => {
    const log: Array<string | null> = [];
    (window as unknown as { markerLog: typeof log }).markerLog = log;
    new MutationObserver((records) => records.forEach(() => log.push(document.documentElement.getAttribute('data-sla-lens')))).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-sla-lens'],
    });
  });
}
const markerLog = (page: Page) => page.evaluate(() => (window as unknown as { markerLog: Array<string | null> }).markerLog);

/** The extension pages open as tabs (page.url() is stale for them: ask each document). */
async function extensionTabs(file: string): Promise<number> {
  const hrefs = await Promise.all((await session.browser.pages()).map((p) => p.evaluate(() => location.href).catch(() => '')));
  return hrefs.filter((href) => href === `moz-extension://${session.extensionUuid}/${file}`).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('extension smoke test in Firefox', () => {
  it('installs under its gecko id, with its background page running', async () => {
    expect(session.extensionId).toBe(GECKO_ID);
    const page = await session.openExtensionPage('popup.html');
    const report = await backgroundReport(page);
    expect(report.id).toBe(GECKO_ID);
    expect(report.background).toBe('/_generated_background_page.html');
    // runtime.onInstalled (reason "install") opened the settings as a welcome tab.
    await expect.poll(() => extensionTabs('options.html')).toBe(1);
    await page.close();
  });

  it('the background page opens its Dexie database', async () => {
    const page = await session.openExtensionPage('popup.html');
    await expect.poll(async () => (await backgroundReport(page)).stores).toContain('meta');
    await page.close();
  });

  it.each(COVERED_PAGES)('runs the content script on %s', async (_name, url) => {
    const page = await session.open(url);
    await expect.poll(() => contentScriptActive(page)).toBe(true);
    await page.close();
  });

  it('does not run on other hosts, even on a Jira-looking page', async () => {
    const page = await session.open(URLS.other);
    expect(await page.$$eval('h1', (h) => h.length)).toBe(1);
    // Give a content script every chance to have run.
    await sleep(500);
    expect(await contentScriptActive(page)).toBe(false);
    await page.close();
  });

  it('renders the popup', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await expect.poll(() => headings(popup)).toContain('SLA Lens');
    await expect.poll(() => buttons(popup)).toContain('Open settings');
    await popup.close();
  });

  it('renders the options page', async () => {
    const options = await session.openExtensionPage('options.html');
    await expect.poll(() => headings(options)).toContain('SLA Lens settings');
    expect(await headings(options)).toContain('SLA configuration');
    await options.close();
  });

  it('survives an update: the new content script takes over open tabs and new ones, throwing nothing into the page', async () => {
    const page = await session.open(URLS.jiraQueue);
    await expect.poll(() => contentScriptActive(page)).toBe(true);
    const errorsBefore = session.pageErrors.length;
    // What the old content script leaves behind, as the page sees it. Firefox destroys an old
    // content script's sandbox when its add-on shuts down, so onInvalidated never runs there
    // (unlike Chromium): the new script is what must deal with the page.
    await page.evaluate(() => document.documentElement.setAttribute('data-sla-lens', 'left-by-old-script'));
    await recordMarker(page);

    // Installing the same temporary add-on again is an update (same id, same UUID).
    expect(await session.reinstall()).toBe(GECKO_ID);

    // Firefox injects the new version into matching tabs that are already open: exactly one new
    // content script ran there, and the old one did not come back to life and remove its marker.
    await expect.poll(() => markerLog(page), { timeout: 5000 }).toEqual(['active']);
    await sleep(1500); // a full tick of the 1 s ticker: any lingering old script would act now
    expect(await markerLog(page)).toEqual(['active']);
    expect(await page.$$eval('[role="row"]', (rows) => rows.length)).toBeGreaterThan(1);

    // A page loaded after the update gets the new content script.
    const fresh = await session.open(URLS.jiraBoard);
    await expect.poll(() => contentScriptActive(fresh)).toBe(true);

    // The new background page is up and has its database. (Firefox closed the old version's
    // extension tabs, so the first-run options tab is gone: that is not a new install.)
    const popup = await session.openExtensionPage('popup.html');
    await expect.poll(async () => (await backgroundReport(popup)).stores).toContain('meta');

    expect(session.pageErrors.slice(errorsBefore)).toEqual([]);
    await Promise.all([page.close(), fresh.close(), popup.close()]);
  });

  it('threw no error into any page, and asked nothing of the network', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.blockedRequests).toEqual([]);
  });
});
