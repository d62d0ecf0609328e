// Which pages and origins SLA Lens trusts, proven in the browser users run.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled, readBadges } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { JIRA_ORIGIN, OTHER_ORIGIN, URLS } from '../sites/index';
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
