import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled } from '../browser/badges';
import { screenshotFailures } from '../browser/failures';
import { launchFirefox, type FirefoxSession } from '../browser/firefox';
import { applyPastedConfig } from '../browser/firefox-options';
import { DEMO_JIRA_STATES, DEMO_ZENDESK_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { URLS } from '../sites/index';

const sample = readFileSync(SAMPLE_CONFIG_PATH, 'utf8');
let session: FirefoxSession;

beforeAll(async () => {
  // The API answers only requests that carry the session cookie the pages set, as a real site does.
  session = await launchFirefox({ sites: { ...demoSites(Date.now()), apiLog: [], requireSession: true } });
  const options = await session.openExtensionPage('options.html');
  await applyPastedConfig(options, sample);
  await options.close();
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('firefox', () => session?.browser);

describe('the overlay in Firefox', () => {
  it.each([
    ['a Jira Service Management queue', URLS.jiraQueue, DEMO_JIRA_STATES, '/rest/api/3/search/jql'],
    ['a Zendesk view', URLS.zendeskView, DEMO_ZENDESK_STATES, '/api/v2/tickets/show_many.json'],
  ])('badges %s from the site’s own API, with exact figures', async (_name, url, expected, api) => {
    const page = await session.open(url);
    const read = await badgesWhenSettled(page, Object.keys(expected).length, 15_000);
    expect(Object.fromEntries(read.map((b) => [b.key, b.state]))).toEqual(expected);
    // Exact: the figures came from the API (same origin, the user's session), not from the page.
    expect(read.filter((b) => b.text?.includes('~'))).toEqual([]);
    expect(session.sites.apiLog!.some((r) => r.url.pathname === api)).toBe(true);
    await page.close();
  });

  it('says on the toolbar when a page cannot be read, for that tab only, and stops saying it once it can', async () => {
    const ext = await session.openExtensionPage('options.html');
    const page = await session.open(URLS.jiraQueueDrifted);
    const tabId = (await ext.evaluate(
      (url) => (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number }>> } } }).browser.tabs.query({ url }).then((t) => t[0]!.id),
      URLS.jiraQueueDrifted,
    )) as number;
    const badgeText = (id: number | null) =>
      ext.evaluate((tab) => (globalThis as unknown as { browser: { action: { getBadgeText(d: object): Promise<string> } } }).browser.action.getBadgeText(tab === null ? {} : { tabId: tab }), id);
    await expect.poll(() => badgeText(tabId), { timeout: 15_000 }).toBe('?');
    expect(await badgeText(null)).not.toBe('?');
    await page.goto(URLS.jiraQueue);
    await badgesWhenSettled(page, Object.keys(DEMO_JIRA_STATES).length, 15_000);
    await expect.poll(async () => (await badgeText(tabId)) === (await badgeText(null)), { timeout: 15_000 }).toBe(true);
    await page.close();
    await ext.close();
  });
});
