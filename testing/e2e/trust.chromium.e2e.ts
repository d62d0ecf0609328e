// Which pages and origins SLA Lens trusts, proven in the browser users run.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled, contentScriptActive, readBadges } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { JIRA_ORIGIN, OTHER_ORIGIN, PARTNER_JIRA_ORIGIN, URLS, ZENDESK_ORIGIN } from '../sites/index';
import { manyJiraIssues } from '../sites/samples';

let session: ChromiumSession;
let options: Page;
/** The navigator mounts its first 20 rows; the rest come in as the test adds them. */
const MOUNTED = 20;

beforeAll(async () => {
  const now = Date.now();
  const sites = demoSites(now);
  session = await launchChromium({ sites: { ...sites, jira: [...sites.jira, ...manyJiraIssues(now, 25)], apiLog: [], jiraNavigator: { mounted: [0, MOUNTED] } } });
  options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'sla-config.sample.json', text: readFileSync(SAMPLE_CONFIG_PATH, 'utf8') }]);
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('requests go only to the page’s own origin', () => {
  it('a navigation to another origin that never commits (204): the page stays, no request leaves for that origin, new rows are still badged', async () => {
    const page = await session.open(URLS.jiraNavigator);
    await badgesWhenSettled(page, MOUNTED);
    const log = session.sites.apiLog!;
    log.length = 0;
    // Chromium's Navigation API reports this navigation when it starts; it ends in 204 No Content.
    await page.evaluate((href) => {
      location.href = href;
    }, URLS.otherNoContent);
    await sleep(300);
    expect(new URL(page.url()).origin).toBe(JIRA_ORIGIN);
    // The virtualised list mounts one more row, for an issue SLA Lens has not seen yet.
    const added = await page.evaluate(
      (keys) => {
        const rows = [...document.querySelectorAll('tr[data-testid$="native-issue-table.ui.issue-row"]')];
        const next = keys.find((k) => !document.querySelector(`a[href$="/browse/${k}"]`))!;
        const last = rows[rows.length - 1]!;
        const key = last.querySelector('a[href*="/browse/"]')!.getAttribute('href')!.split('/browse/')[1]!;
        // The row as the page renders it, without the badge SLA Lens gave the one it copies.
        const copy = last.cloneNode(true) as Element;
        copy.querySelectorAll('[data-sla-badge]').forEach((b) => b.remove());
        last.insertAdjacentHTML('afterend', copy.outerHTML.replaceAll(key, next));
        return next;
      },
      session.sites.jira.map((i) => i.key),
    );
    await expect.poll(async () => (await readBadges(page)).map((b) => b.key), { timeout: 10_000 }).toContain(added);
    expect(log.filter((r) => r.url.origin === OTHER_ORIGIN)).toEqual([]);
    // Its facts were asked of the page's own site.
    expect(log.some((r) => r.url.origin === JIRA_ORIGIN && (r.body ?? '').includes(added))).toBe(true);
    await page.close();
  });
});

/** How many tickets the extension keeps for `site` (read from its database, as the popup would). */
function storedTickets(site: string): Promise<number> {
  return options.evaluate(
    (site) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('sla-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('tickets').objectStore('tickets').getAll();
          all.onsuccess = () => {
            resolve((all.result as Array<{ site: string }>).filter((t) => t.site === site).length);
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
    site,
  );
}

describe('only the agent interface counts on a Zendesk host', () => {
  it('a Help Center page that copies the agent interface’s ticket table gets no badge, and nothing from it is recorded', async () => {
    // The same table on an agent page is read (the control).
    const view = await session.open(URLS.zendeskView);
    const shown = (await badgesWhenSettled(view, session.sites.zendesk.length)).length;
    expect(shown).toBeGreaterThan(0);
    await view.close();
    await expect.poll(() => storedTickets(new URL(ZENDESK_ORIGIN).hostname), { timeout: 10_000 }).toBe(shown);
    const before = session.sites.apiLog!.length;

    const page = await session.open(URLS.zendeskHelpCenter);
    expect(await page.$$eval('tr[aria-describedby^="generic-table-row-"]', (rows) => rows.length)).toBe(shown);
    await sleep(1500);
    expect(await readBadges(page)).toEqual([]);
    expect(await contentScriptActive(page)).toBe(false);
    expect(session.sites.apiLog!.slice(before)).toEqual([]);
    expect(await storedTickets(new URL(ZENDESK_ORIGIN).hostname)).toBe(shown);
    await page.close();
  });
});

// Last: it applies a configuration that declares the organisation's sites.
describe('only the organisation’s sites count, once declared', () => {
  it('another company’s Jira gets no badge and nothing from it is recorded; ours still does', async () => {
    const partner = new URL(PARTNER_JIRA_ORIGIN).hostname;
    const all = session.sites.jira.length;
    // Before: every site counts, so a visit to the partner's queue is recorded.
    const before = await session.open(URLS.partnerJiraQueue);
    await badgesWhenSettled(before, all);
    await before.close();
    await expect.poll(() => storedTickets(partner), { timeout: 10_000 }).toBe(all);

    const sample = JSON.parse(readFileSync(SAMPLE_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
    await importConfig(options, [{ name: 'ours.json', text: JSON.stringify({ ...sample, sites: [new URL(JIRA_ORIGIN).hostname, new URL(ZENDESK_ORIGIN).hostname] }) }]);
    // Applying it forgets what was kept from the partner's site.
    await expect.poll(() => storedTickets(partner), { timeout: 10_000 }).toBe(0);

    const page = await session.open(URLS.partnerJiraQueue);
    expect(await page.$$eval('[role="row"]', (rows) => rows.length)).toBeGreaterThan(all);
    await sleep(2000);
    expect(await readBadges(page)).toEqual([]);
    expect(await storedTickets(partner)).toBe(0);
    await page.close();

    const ours = await session.open(URLS.jiraQueue);
    expect((await badgesWhenSettled(ours, all)).length).toBe(all);
    await ours.close();
  });
});
