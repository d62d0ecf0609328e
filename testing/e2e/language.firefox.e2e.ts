/**
 * Issue 19 in Firefox ESR whose interface is Hebrew (Debian's language pack, asked for by
 * `intl.locale.requested`): Firefox picks the extension's catalog as Chromium does, the options
 * page, the badges and the popup speak Hebrew, right to left. The import is driven by the Hebrew
 * words, so the test cannot pass in an English browser.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled } from '../browser/badges';
import { screenshotFailures } from '../browser/failures';
import { launchFirefox, type FirefoxSession } from '../browser/firefox';
import { applyPastedConfig } from '../browser/firefox-options';
import { DEMO_JIRA_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { URLS } from '../sites/index';

let session: FirefoxSession;
let he: Record<string, { message: string }>;
const word = (key: string) => he[key]!.message;

beforeAll(async () => {
  he = JSON.parse(await readFile(path.resolve('public/_locales/he/messages.json'), 'utf8')) as Record<string, { message: string }>;
  session = await launchFirefox({ sites: demoSites(Date.now()), prefs: { 'intl.locale.requested': 'he' } });
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('firefox-he', () => session?.browser);

describe('Firefox in Hebrew', () => {
  it('the options page speaks it, right to left, and a configuration is applied through its words', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.waitForFunction((label) => [...document.querySelectorAll('label')].some((l) => l.textContent?.includes(label)), {}, word('adm_import_paste_label'));
    expect(await options.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['he', 'rtl', 'rtl']);
    const active = word('opt_import_applied').split('{version}')[1]!.trim();
    await applyPastedConfig(options, await readFile(SAMPLE_CONFIG_PATH, 'utf8'), {
      paste: word('adm_import_paste_label'),
      check: word('adm_import_check_paste'),
      apply: word('adm_apply'),
      applied: active.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    });
    await options.close();
  });

  it('badges a Jira queue in Hebrew, each badge right to left', async () => {
    const page = await session.open(URLS.jiraQueue);
    await badgesWhenSettled(page, Object.keys(DEMO_JIRA_STATES).length, 15_000);
    const badges = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-sla-badge]')].map((el) => ({
        state: el.dataset.slaState,
        text: el.textContent ?? '',
        title: el.title,
        lang: el.getAttribute('lang'),
        dir: getComputedStyle(el.querySelector('.sla-lens-pill')!).direction,
      })),
    );
    expect(new Set(badges.map((b) => b.lang))).toEqual(new Set(['he']));
    expect(new Set(badges.map((b) => b.dir))).toEqual(new Set(['rtl']));
    expect(badges.filter((b) => /\b(left|ago|breached|paused|met|missed)\b/.test(b.text)).map((b) => b.text)).toEqual([]);
    expect(badges.some((b) => /נותרו|נותרה|הופר|מושהה|עמד ביעד/.test(b.text))).toBe(true);
    expect(badges.some((b) => b.title.includes('שעות עבודה'))).toBe(true);
    await page.close();
  });

  it('the popup speaks it, mirrored', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForFunction((title) => (document.body.textContent ?? '').includes(title), {}, word('popup_urgent_title'));
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction])).toEqual(['he', 'rtl', 'rtl']);
    const headings = await popup.evaluate(() => [...document.querySelectorAll('h1, h2, button')].map((el) => (el as HTMLElement).innerText.trim()).filter(Boolean));
    expect(headings.filter((h) => /\b(Settings|Report|Compliance|Breached|At risk|On track|Paused)\b/.test(h))).toEqual([]);
    await popup.close();
  });
});
