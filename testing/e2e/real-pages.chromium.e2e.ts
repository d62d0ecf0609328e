// Extension APIs are called as strings: the test's own types know Node, not `chrome`.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled, readBadges } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { DEMO_JIRA_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { URLS } from '../sites/index';

let session: ChromiumSession;
let options: Page;

beforeAll(async () => {
  session = await launchChromium({ sites: demoSites(Date.now()) });
  options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'sla-config.sample.json', text: readFileSync(SAMPLE_CONFIG_PATH, 'utf8') }]);
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

const states = async (page: Page, count: number) => Object.fromEntries((await badgesWhenSettled(page, count)).map((b) => [b.key, b.state]));

/** The tab id of the page at `url`, as the extension sees it. */
async function tabIdOf(url: string): Promise<number> {
  const tabs = (await options.evaluate(`chrome.tabs.query({ url: ${JSON.stringify(url.split('?')[0])} })`)) as Array<{ id: number }>;
  expect(tabs).toHaveLength(1);
  return tabs[0]!.id;
}

/** What the background keeps for a tab once its content script has judged the page. */
const tabStatus = (tabId: number) =>
  options.evaluate(`chrome.storage.session.get('sla:page:${tabId}').then((s) => s['sla:page:${tabId}'] ?? null)`) as Promise<{ readable: boolean; found: number; shown: number } | null>;

describe('Jira Service Management Cloud queues as independent tools see them, in Chromium', () => {
  it.each([
    ['the queue (virtual table, cell testids, queue-relative links)', URLS.jiraQueue],
    ['the same queue in German', URLS.jiraQueueDe],
    ['the 2025 markup (issue-table-container), still read as a fallback', URLS.jiraQueueLegacy],
  ])('%s: every ticket gets exactly one badge, in the right state', async (_name, url) => {
    const page = await session.open(url);
    expect(await states(page, Object.keys(DEMO_JIRA_STATES).length)).toEqual(DEMO_JIRA_STATES);
    // One badge per row, next to the key.
    const perRow = await page.$$eval('[role="row"]', (rows) => rows.map((r) => r.querySelectorAll('[data-sla-badge]').length).filter((n) => n > 0));
    expect(perRow).toEqual(Object.keys(DEMO_JIRA_STATES).map(() => 1));
    const id = await tabIdOf(url);
    await expect.poll(() => tabStatus(id), { timeout: 10_000 }).toMatchObject({ readable: true, found: Object.keys(DEMO_JIRA_STATES).length });
    await page.close();
  });
});

describe('a page SLA Lens cannot read says so', () => {
  it('a drifted queue: the toolbar says so for that tab, and the popup names the page and copies structure-only diagnostics', async () => {
    // Opened first, so it follows the tab the user turns to, as it would over that tab.
    const popup = await session.openExtensionPage('popup.html');
    const page = await session.open(URLS.jiraQueueDrifted);
    await page.bringToFront();
    const id = await tabIdOf(URLS.jiraQueueDrifted);
    await expect.poll(() => tabStatus(id), { timeout: 10_000 }).toMatchObject({ readable: false, found: 0, shown: Object.keys(DEMO_JIRA_STATES).length });
    expect(await readBadges(page)).toEqual([]);

    expect(await options.evaluate(`chrome.action.getBadgeText({ tabId: ${id} })`)).toBe('?');
    expect(await options.evaluate(`chrome.action.getTitle({ tabId: ${id} })`)).toBe("SLA Lens can't read this page yet (Jira Service Management queue). Open SLA Lens to copy diagnostics.");

    const notice = popup.getByRole('region', { name: "Jira Service Management queue: SLA Lens can't read this page yet" });
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    // As over the page: the popup has the focus when the user clicks.
    await popup.bringToFront();
    await notice.getByRole('button', { name: 'Copy diagnostics' }).click();
    await expect.poll(() => notice.getByRole('status').innerText()).toBe('Copied');
    // Read back the way a user would: paste it somewhere.
    await popup.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'paste-here';
      document.body.append(area);
      area.focus();
    });
    await popup.keyboard.press('Control+V');
    const copied = await popup.$eval('#paste-here', (el) => (el as HTMLTextAreaElement).value);
    expect(copied).toBe(await notice.locator('pre').textContent());
    const diagnostics = JSON.parse(copied) as Record<string, unknown>;
    expect(diagnostics).toMatchObject({
      product: 'SLA Lens',
      source: 'jira',
      page: 'jsm-queue',
      url: 'https://*.atlassian.net/jira/servicedesk/projects/{project}/queues/custom/{id}',
      lang: 'en',
      found: 0,
      shown: Object.keys(DEMO_JIRA_STATES).length,
    });
    expect(diagnostics.extension).toMatch(/^\d+\.\d+\.\d+$/);
    expect(diagnostics.browser).toMatch(/^Chrom(e|ium) \d+$/);
    const strategies = diagnostics.strategies as Array<{ strategy: string; tickets: number }>;
    expect(strategies.map((s) => s.strategy)).toEqual(expect.arrayContaining(['queue/cell-testid', 'queue/virtual-table-row', 'queue/issue-table-container', 'queue/grid-row-link']));
    expect(strategies.every((s) => s.tickets === 0)).toBe(true);
    // Structure only: no key, no summary, no tenant.
    const text = await page.evaluate(() => document.body.innerText);
    for (const key of Object.keys(DEMO_JIRA_STATES)) expect(text).toContain(key);
    expect(copied).not.toMatch(/SUP-\d|acme|Customer|login|password/i);
    await popup.close();
    await page.close();
  });

  it('a truly empty queue is not called unreadable, and a readable tab goes back to the team count', async () => {
    const page = await session.open(URLS.jiraQueueEmpty);
    const id = await tabIdOf(URLS.jiraQueueEmpty);
    await expect.poll(() => tabStatus(id), { timeout: 10_000 }).toMatchObject({ readable: true, found: 0, shown: 0 });
    const global = await options.evaluate('chrome.action.getBadgeText({})');
    expect(await options.evaluate(`chrome.action.getBadgeText({ tabId: ${id} })`)).toBe(global);
    expect(global).not.toBe('?');

    // The same tab moves from a drifted queue to a readable one: the `?` goes.
    await page.goto(URLS.jiraQueueDrifted);
    await expect.poll(() => options.evaluate(`chrome.action.getBadgeText({ tabId: ${id} })`), { timeout: 10_000 }).toBe('?');
    await page.goto(URLS.jiraQueue);
    await badgesWhenSettled(page, Object.keys(DEMO_JIRA_STATES).length);
    await expect.poll(() => options.evaluate(`chrome.action.getBadgeText({ tabId: ${id} })`), { timeout: 10_000 }).toBe(await options.evaluate('chrome.action.getBadgeText({})'));
    await page.close();
  });

  it('the popup over a readable page says nothing about it', async () => {
    const popup = await session.openExtensionPage('popup.html');
    const page = await session.open(URLS.jiraQueue);
    await page.bringToFront();
    await badgesWhenSettled(page, Object.keys(DEMO_JIRA_STATES).length);
    const id = await tabIdOf(URLS.jiraQueue);
    await expect.poll(() => tabStatus(id), { timeout: 10_000 }).toMatchObject({ readable: true });
    expect(await popup.getByText("can't read this page").count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('threw no error into any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
