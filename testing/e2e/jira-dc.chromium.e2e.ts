import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { DEMO_JIRA_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { JIRA_DC_ORIGIN, URLS } from '../sites/index';

let session: ChromiumSession;

beforeAll(async () => {
  // As after an admin added the self-hosted site on the options page (see launchChromium).
  session = await launchChromium({ sites: { ...demoSites(Date.now()), apiLog: [] }, selfHosted: [JIRA_DC_ORIGIN] });
  const options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'sla-config.sample.json', text: readFileSync(SAMPLE_CONFIG_PATH, 'utf8') }]);
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

async function states(page: Page, count: number): Promise<Record<string, string>> {
  return Object.fromEntries((await badgesWhenSettled(page, count)).map((b) => [b.key, b.state]));
}

describe('the Jira overlay on a self-hosted Data Center site, in Chromium', () => {
  const tickets = Object.keys(DEMO_JIRA_STATES).length;
  it.each([
    ['the issue navigator (#issuetable)', URLS.jiraDcNavigator, tickets],
    ['a board (RapidBoard)', URLS.jiraDcBoard, tickets],
    // Every card, and the open issue's view on the right.
    ['the navigator detail view (ol.issue-list)', URLS.jiraDcNavigatorDetail('SUP-103'), tickets + 1],
    ['a JSM queue (.queue-react-table-container)', URLS.jiraDcQueue, tickets],
  ])('badges every ticket of %s from its /rest/api/2/search answer', async (_name, url, count) => {
    const page = await session.open(url);
    expect(await states(page, count)).toEqual(DEMO_JIRA_STATES);
    // Data Center's own search under its context path, never Cloud's v3 API.
    const paths = session.sites.apiLog!.filter((r) => r.url.hostname === new URL(JIRA_DC_ORIGIN).hostname).map((r) => r.url.pathname);
    expect(paths).toContain('/jira/rest/api/2/search');
    expect(paths.filter((p) => p.includes('/rest/api/3/'))).toEqual([]);
    await page.close();
  });

  it('the navigator detail view: one badge on each card, at its key, and one on the open issue', async () => {
    const page = await session.open(URLS.jiraDcNavigatorDetail('SUP-103'));
    await badgesWhenSettled(page, tickets + 1);
    const placed = await page.evaluate(() => ({
      cards: [...document.querySelectorAll('ol.issue-list > li')].map((li) => [
        li.getAttribute('data-key'),
        li.querySelectorAll('[data-sla-badge]').length,
        li.querySelector('[data-sla-badge]')?.previousElementSibling?.className,
      ]),
      open: [...document.querySelectorAll('#issue-content [data-sla-badge]')].map((b) => [(b as HTMLElement).dataset.slaKey, (b as HTMLElement).dataset.slaState, b.previousElementSibling?.id]),
    }));
    expect(placed.cards).toEqual(Object.keys(DEMO_JIRA_STATES).map((key) => [key, 1, 'issue-link-key']));
    expect(placed.open).toEqual([['SUP-103', 'breached', 'key-val']]);
    await page.close();
  });

  it('the JSM queue: one badge a row, right after the key link', async () => {
    const page = await session.open(URLS.jiraDcQueue);
    await badgesWhenSettled(page, tickets);
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('.queue-react-table-container tbody > tr')].map((tr) => [
        tr.querySelectorAll('[data-sla-badge]').length,
        tr.querySelector('[data-sla-badge]')?.previousElementSibling?.textContent,
      ]),
    );
    expect(rows).toEqual(Object.keys(DEMO_JIRA_STATES).map((key) => [1, key]));
    await page.close();
  });

  it('badges the issue view', async () => {
    const page = await session.open(URLS.jiraDcIssue('SUP-103'));
    expect(await states(page, 1)).toEqual({ 'SUP-103': 'breached' });
    await page.close();
  });

  it('threw no error into any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
