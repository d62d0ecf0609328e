/**
 * Watched queues in Firefox ESR (issue 16): a Jira JQL scope and a Zendesk view added on the
 * options page are read by the background page, which no tab's interception sees (it reaches the
 * fake sites through the harness's proxy, whose sites judge the session by the Cookie header
 * Firefox really sent), with no page of either site open: the popup lists the right tickets with
 * exact figures, the SLA report fills its periods from both sites through the background (issue
 * 17), and a site without the session says to sign in.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotFailures } from '../browser/failures';
import { launchFirefox, type FirefoxSession } from '../browser/firefox';
import { DEMO_JIRA_STATES, DEMO_URGENT, DEMO_ZENDESK_STATES, SAMPLE_CONFIG_PATH, WATCH_JQL, WATCH_VIEW, watchedDemoSites } from '../sites/demo';
import { SESSION_COOKIE, type FakeSiteData } from '../sites/index';

const sample = readFileSync(SAMPLE_CONFIG_PATH, 'utf8');
const JIRA = 'acme.atlassian.net';
const ZENDESK = 'acme.zendesk.com';
const JQL = WATCH_JQL;
const VIEW = WATCH_VIEW;
const URGENT = DEMO_URGENT;
const all = [...Object.entries(DEMO_JIRA_STATES), ...Object.entries(DEMO_ZENDESK_STATES)];

const sites: FakeSiteData = watchedDemoSites(Date.now());
const [cookieName, cookieValue] = SESSION_COOKIE.split('=') as [string, string];

let session: FirefoxSession | undefined;
let options: Page;
screenshotFailures('firefox', () => session?.browser);

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
const shows = (page: Page, words: string | RegExp, timeout = 20_000) =>
  page.waitForFunction(
    (w: string, flags: string) => new RegExp(w, flags).test(document.body.innerText),
    { timeout },
    typeof words === 'string' ? words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : words.source,
    typeof words === 'string' ? '' : words.flags,
  );

async function watch(kind: string, site: string, placeholder: string, value: string): Promise<void> {
  await options.select('#watch select', kind);
  await options.type('#watch input[placeholder="acme.atlassian.net"]', site);
  await options.type(`#watch input[placeholder='${placeholder}']`, value);
  await options.click('#watch form button[type=submit]');
  await shows(options, /Watching /);
  // The form is empty again for the next scope.
  await options.waitForFunction(() => (document.querySelector<HTMLInputElement>('#watch input[placeholder="acme.atlassian.net"]')?.value ?? 'x') === '');
}

describe('watched queues in Firefox', () => {
  beforeAll(async () => {
    session = await launchFirefox({ sites, serveBackground: true });
    // Signed in to both sites earlier: the cookies are in the profile, no page of theirs is open.
    await session.browser.setCookie(
      { name: cookieName, value: cookieValue, domain: JIRA, path: '/', secure: true, sameSite: 'Lax' },
      { name: cookieName, value: cookieValue, domain: ZENDESK, path: '/', secure: true, sameSite: 'Lax' },
    );
    options = await session.openExtensionPage('options.html');
    await shows(options, 'Import a configuration');
    await options.evaluate((text: string) => {
      const area = [...document.querySelectorAll('textarea')].find((t) => t.closest('section')?.id === 'import');
      if (!area) throw new Error('no paste area');
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, sample);
    await options.click('::-p-text(Check pasted configuration)');
    await options.click('::-p-aria(Apply[role="button"])');
    await shows(options, /Version 1 is now active/);
  });
  afterAll(async () => {
    await session?.close();
    session = undefined;
  });

  it('a Jira query and a Zendesk view fill the popup with exact figures, read by the background with the session', async () => {
    await watch('jql', JIRA, 'project = SUP AND statusCategory != Done', JQL);
    await watch('view', ZENDESK, '360001234567', VIEW);
    await shows(options, new RegExp(`${Object.keys(DEMO_JIRA_STATES).length} tickets · refreshed`));
    await shows(options, new RegExp(`${Object.keys(DEMO_ZENDESK_STATES).length} tickets · refreshed`));

    const popup = await session!.openExtensionPage('popup.html');
    await popup.waitForFunction((n: number) => document.querySelectorAll('[role="option"] .urgent-row__key').length === n, { timeout: 15_000 }, URGENT.length);
    const keys = await popup.$$eval('[role="option"] .urgent-row__key', (els) => els.map((e) => e.textContent));
    expect(new Set(keys)).toEqual(new Set(URGENT));
    expect(await bodyText(popup)).toContain('All figures exact');
    await popup.close();

    const background = sites.apiLog!.filter((r) => r.url.hostname === JIRA || r.url.hostname === ZENDESK);
    expect(background.length).toBeGreaterThan(0);
    expect(background.every((r) => r.method === 'GET')).toBe(true);
    expect(background.every((r) => (r.cookie ?? '').split(/;\s*/).includes(SESSION_COOKIE))).toBe(true);
    expect(session!.blockedRequests).toEqual([]);
  });

  it('the wallboard shows the popup’s figures', async () => {
    const counts = (page: Page) => page.$eval('ul[aria-labelledby="wb-counts-title"]', (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
    const board = await session!.openExtensionPage('wallboard.html');
    await board.waitForFunction((n: number) => document.querySelectorAll('table tbody tr').length === n, { timeout: 15_000 }, URGENT.length);
    const text = await counts(board);
    for (const [state, word] of [
      ['breached', 'breached'],
      ['at-risk', 'at risk'],
      ['paused', 'paused'],
    ] as const)
      expect(text).toContain(`${all.filter(([, s]) => s === state).length} ${word}`);
    await board.close();
  });

  it('with alerts on, a watched ticket about to breach raises one desktop alert', async () => {
    // The permission is asked at the click and granted as the user would (the harness turns the prompt off).
    await options.click('#alerts input[type=checkbox]');
    await options.waitForFunction(() => document.querySelector<HTMLInputElement>('#alerts input[type=checkbox]')?.checked === true, { timeout: 10_000 });
    await options.click('::-p-text(Refresh now)');
    // Headless Firefox has no notification centre to ask (getAll() stays empty): what each ticket
    // records once its alert was shown (lib/db/alerts.ts) is read from the database instead.
    const notified = () =>
      options.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('sla-lens');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const rows = await new Promise<Array<{ key: string; notified?: string[] }>>((resolve) => {
          const all = db.transaction('tickets').objectStore('tickets').getAll();
          all.onsuccess = () => resolve(all.result as Array<{ key: string; notified?: string[] }>);
        });
        db.close();
        return rows.filter((r) => (r.notified?.length ?? 0) > 0).map((r) => [r.key, r.notified!.length] as const);
      });
    const atRisk = all.filter(([, s]) => s === 'at-risk').map(([k]) => k);
    await expect.poll(async () => new Set((await notified()).map(([k]) => k)), { timeout: 15_000 }).toEqual(new Set(atRisk));
    // Once each: another round alerts for nothing more.
    const shown = await notified();
    await options.click('::-p-text(Refresh now)');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await notified()).toEqual(shown);
  });

  it('the report fills its periods from both watched sites through the background', async () => {
    const report = await session!.openExtensionPage('report.html');
    await shows(report, /\d+ targets? decided in /);
    const before = sites.apiLog!.length;
    await report.click('::-p-text(Fill these periods from the sites)');
    for (const site of [JIRA, ZENDESK]) await shows(report, new RegExp(`${site.replace(/\./g, '\\.')}: (the ticket|all \\d+ tickets) resolved in .+ read`), 30_000);
    const asked = sites.apiLog!.slice(before);
    expect(asked.some((r) => r.url.hostname === JIRA && /resolved >=/.test(r.url.searchParams.get('jql') ?? ''))).toBe(true);
    expect(asked.some((r) => r.url.hostname === ZENDESK && /^solved>/.test(r.url.searchParams.get('query') ?? ''))).toBe(true);
    expect(asked.every((r) => r.method === 'GET' && (r.cookie ?? '').split(/;\s*/).includes(SESSION_COOKIE))).toBe(true);
    await report.close();
  });

  it('a site without the session says to sign in', async () => {
    await session!.browser.deleteCookie({ name: cookieName, value: cookieValue, domain: ZENDESK, path: '/' } as Parameters<FirefoxSession['browser']['deleteCookie']>[0]);
    await options.click('::-p-text(Refresh now)');
    await shows(options, `Sign in to ${ZENDESK} to refresh`);
    const popup = await session!.openExtensionPage('popup.html');
    await shows(popup, `Sign in to ${ZENDESK} to refresh`);
    await popup.close();
  });
});
