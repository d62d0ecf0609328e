import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentScriptActive } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { COVERED_PAGES } from './smoke-pages';
import { sampleJiraIssues, sampleZendeskTickets } from '../sites/samples';
import { URLS } from '../sites/index';

let session: ChromiumSession;

beforeAll(async () => {
  const now = Date.now();
  session = await launchChromium({ sites: { jira: sampleJiraIssues(now), zendesk: sampleZendeskTickets(now) } });
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

describe('extension smoke test in Chromium', () => {
  it('loads, with its service worker running', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await session.serviceWorker();
    expect(worker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
  });

  it('the service worker opens its Dexie database', async () => {
    const worker = await session.serviceWorker();
    await expect
      .poll(() =>
        worker.evaluate(async () => {
          const names = (await indexedDB.databases()).map((d) => d.name);
          if (!names.includes('sla-lens')) return null;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('sla-lens');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const stores = [...db.objectStoreNames];
          db.close();
          return stores;
        }),
      )
      .toContain('meta');
  });

  it.each(COVERED_PAGES)('runs the content script on %s', async (_name, url) => {
    const page = await session.open(url);
    await expect.poll(() => contentScriptActive(page)).toBe(true);
    await page.close();
  });

  it('does not run on other hosts, even on a Jira-looking page', async () => {
    const page = await session.open(URLS.other);
    expect(await page.locator('h1').count()).toBe(1);
    // Give a content script every chance to have run.
    await page.waitForTimeout(500);
    expect(await contentScriptActive(page)).toBe(false);
    await page.close();
  });

  it('renders the popup', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await expect.poll(() => popup.getByRole('heading', { name: 'SLA Lens' }).count()).toBe(1);
    // The body follows a live query of the database: it may land a moment after the header.
    await expect.poll(() => popup.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
    await popup.close();
  });

  it('renders the options page', async () => {
    const options = await session.openExtensionPage('options.html');
    await expect.poll(() => options.getByRole('heading', { name: 'SLA Lens settings', exact: true }).count()).toBe(1);
    expect(await options.getByRole('heading', { name: 'SLA configuration', exact: true }).count()).toBe(1);
    await options.close();
  });

  it('survives an extension reload: the old content script cleans up and throws nothing into the page', async () => {
    const page = await session.open(URLS.jiraQueue);
    await expect.poll(() => contentScriptActive(page)).toBe(true);
    const errorsBefore = session.pageErrors.length;
    const worker = await session.serviceWorker();
    // The worker's own global is `chrome`; it dies mid-call, so the evaluation may reject.
    await worker.evaluate('chrome.runtime.reload()').catch(() => undefined);
    await expect.poll(() => contentScriptActive(page), { timeout: 5000 }).toBe(false);
    expect(session.pageErrors.slice(errorsBefore)).toEqual([]);
    // Chromium does not bring back an extension loaded with --load-extension after
    // runtime.reload(), so the page just goes on working without it.
    await page.reload();
    expect(await page.locator('[role="row"]').count()).toBeGreaterThan(1);
    expect(session.pageErrors.slice(errorsBefore)).toEqual([]);
    await page.close();
  });

  it('threw no error into any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
