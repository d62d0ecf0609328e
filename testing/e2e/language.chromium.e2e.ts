/**
 * Issue 19 in a real Chromium whose interface is German, then Hebrew: the badges, their tooltips,
 * the popup and the options page's language setting speak the browser's language, Hebrew reads
 * right to left, no pill overflows, and a language chosen on the options page wins over the
 * browser's, on pages already open too. Screenshots go to test-results/language/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBadges } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { RESULTS_DIR, screenshotFailures } from '../browser/failures';
import { importConfig, wordsOf } from '../browser/options';
import { DEMO_JIRA_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { URLS } from '../sites/index';

const SHOTS = path.join(RESULTS_DIR, 'language');
const messagesOf = async (folder: string): Promise<Record<string, { message: string }>> =>
  JSON.parse(await readFile(path.resolve('public/_locales', folder, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

/** Our own English words, as a badge or the popup would say them. */
const ENGLISH = /\b(left|ago|breached|paused|on track|at risk|met|missed|business time|calendar time|due|Settings|Report|Compliance|tickets?)\b/;

describe.each([
  { language: 'de', dir: 'ltr', words: /noch|verletzt|pausiert|eingehalten|verfehlt/, business: 'Geschäftszeit' },
  { language: 'he', dir: 'rtl', words: /נותרו|נותרה|הופר|מושהה|עמד ביעד/, business: 'שעות עבודה' },
])('Chromium in $language', ({ language, dir, words, business }) => {
  let session: ChromiumSession;
  let m: Record<string, { message: string }>;

  beforeAll(async () => {
    m = await messagesOf(language);
    await mkdir(SHOTS, { recursive: true });
    session = await launchChromium({ sites: demoSites(Date.now()), language });
    const options = await session.openExtensionPage('options.html');
    // The options page speaks the browser's language too: the import is driven by its words.
    await importConfig(options, [{ name: 'sla-config.sample.json', text: await readFile(SAMPLE_CONFIG_PATH, 'utf8') }], '', wordsOf(m));
    await options.close();
  });
  afterAll(async () => {
    await session?.close();
  });
  screenshotFailures(`chromium-${language}`, () => session?.context);

  /** Each badge's language and direction; whether its pill reaches past the element it sits in, or is cut. */
  const pillFits = (page: Page) =>
    page.$$eval('[data-sla-badge]', (els) =>
      els.map((el) => {
        const pill = el.querySelector('.sla-lens-pill') as HTMLElement;
        const box = pill.getBoundingClientRect();
        const cell = el.parentElement!.getBoundingClientRect();
        return {
          text: pill.textContent,
          lang: el.getAttribute('lang'),
          dir: getComputedStyle(pill).direction,
          outside: box.left < cell.left - 1 || box.right > cell.right + 1,
          cut: pill.scrollWidth > pill.clientWidth + 1,
        };
      }),
    );

  async function badgedQueue(): Promise<Page> {
    const page = await session.open(URLS.jiraQueue);
    const count = Object.keys(DEMO_JIRA_STATES).length;
    await page.waitForFunction((n) => document.querySelectorAll('[data-sla-badge]').length === n, count, { timeout: 15_000 });
    return page;
  }

  it('badges and their tooltips speak it, in its direction, and every pill holds its words', async () => {
    const page = await badgedQueue();
    const badges = await readBadges(page);
    expect(badges.filter((b) => ENGLISH.test(b.text)).map((b) => b.text)).toEqual([]);
    expect(badges.some((b) => words.test(b.text))).toBe(true);
    // The tooltips: policy names and statuses are the team's own; our words are the language's.
    const ours = (title: string | null) => (title ?? '').replace(/Standard support|Premium support|Enterprise|Sample[^—]*/g, '');
    expect(badges.filter((b) => b.state !== 'none' && ENGLISH.test(ours(b.title))).map((b) => b.title)).toEqual([]);
    expect(badges.some((b) => (b.title ?? '').includes(business))).toBe(true);
    const marks = await pillFits(page);
    expect(new Set(marks.map((x) => x.lang))).toEqual(new Set([language]));
    expect(new Set(marks.map((x) => x.dir))).toEqual(new Set([dir]));
    // The queue's key column is narrower than some pills' words (English's "breached 1d 16h ago"
    // too): there a pill says its figure alone, never cut and never painted over the summary.
    expect(marks.filter((x) => x.outside || x.cut)).toEqual([]);
    // On the navigator, where the key's cell has room, every pill holds its words whole.
    const navigator = await session.open(URLS.jiraNavigator);
    await navigator.waitForFunction((n) => document.querySelectorAll('[data-sla-badge]:not(.sla-lens-pending)').length >= n, Object.keys(DEMO_JIRA_STATES).length, { timeout: 15_000 });
    const roomy = await pillFits(navigator);
    expect(roomy.filter((x) => x.cut || x.outside)).toEqual([]);
    // There the running and breached pills say their words, not the figure alone.
    expect(roomy.filter((x) => /\d/.test(x.text ?? '') && !words.test(x.text ?? '')).map((x) => x.text)).toEqual([]);
    await navigator.close();
    await page.locator('[data-sla-badge]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `${language}-badges.png`), clip: { x: 0, y: 0, width: 1280, height: 420 } });
    await page.close();
  });

  it('the popup speaks it, mirrored in a right-to-left language', async () => {
    const popup = await session.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 720 });
    await expect.poll(() => popup.getByRole('listbox', { name: m.urgent_list_label!.message }).count(), { timeout: 15_000 }).toBe(1);
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, dir]);
    await popup.getByRole('button', { name: m.popup_settings!.message }).waitFor();
    const text = await popup.locator('main').innerText();
    expect(text).toContain(m.popup_urgent_title!.message);
    expect(text).toContain(m.counts_breached!.message);
    expect(text).not.toMatch(ENGLISH);
    // Mirrored: the title at the start of the reading direction, the buttons at its end; the
    // timeline's "now" where reading starts.
    const logo = (await popup.locator('.app-header svg').first().boundingBox())!;
    const settings = (await popup.getByRole('button', { name: m.popup_settings!.message }).boundingBox())!;
    const nowLabel = popup.locator('.timeline__label', { hasText: m.tl_now!.message });
    const now = (await nowLabel.boundingBox())!;
    const axis = (await popup.locator('.timeline__svg').boundingBox())!;
    if (dir === 'rtl') {
      expect(settings.x).toBeLessThan(logo.x);
      expect(now.x).toBeGreaterThan(axis.x + axis.width / 2);
    } else {
      expect(settings.x).toBeGreaterThan(logo.x);
      expect(now.x + now.width).toBeLessThan(axis.x + axis.width / 2);
    }
    // The one-line hint under the chart is not cut short.
    expect(await popup.locator('.timeline__readout').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The header's buttons each hold their word on one line.
    const lines = await popup.$$eval('.app-header button', (buttons) =>
      buttons.map((b) => {
        const range = document.createRange();
        range.selectNodeContents(b);
        return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.filter((n) => n !== 1)).toEqual([]);
    // The label is drawn whole, inside the chart.
    expect(now.x).toBeGreaterThanOrEqual(axis.x);
    expect(now.x + now.width).toBeLessThanOrEqual(axis.x + axis.width);
    await popup.screenshot({ path: path.join(SHOTS, `${language}-popup.png`) });
    await popup.close();
  });

  it('the options page and the report speak it, in its direction', async () => {
    const en = await messagesOf('en');
    // English wordings the language says differently: none may label anything on these pages,
    // but for the team's own names (its configuration's priorities, policies and calendars).
    const teams = await readFile(SAMPLE_CONFIG_PATH, 'utf8');
    const english = new Set(Object.entries(en).flatMap(([key, { message }]) => (m[key] && m[key].message !== message && !message.includes('{') && !teams.includes(`"${message}"`) ? [message] : [])));
    for (const [file, shot] of [
      ['options.html', 'options'],
      ['report.html', 'report'],
    ] as const) {
      const page = await session.openExtensionPage(file);
      await page.setViewportSize({ width: 1100, height: 900 });
      await page.locator('h1, h2').first().waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language, dir]);
      expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe(dir);
      const labels = await page.$$eval('h1, h2, h3, button, label, legend, th', (els) => els.map((el) => (el as HTMLElement).innerText.trim()).filter(Boolean));
      expect(labels.length).toBeGreaterThan(3);
      expect(labels.filter((label) => english.has(label))).toEqual([]);
      expect(await page.title()).not.toMatch(/\b(Settings|Report|SLA Lens settings)\b/);
      // The report's trend chart is read after its tables: the screenshot shows it drawn.
      if (shot === 'report') await page.locator('svg.trend').waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(SHOTS, `${language}-${shot}.png`), fullPage: shot === 'report' });
      await page.close();
    }
  });

  it('a language chosen on the options page wins over the browser’s, on a page already open too', async () => {
    const page = await badgedQueue();
    const options = await session.openExtensionPage('options.html');
    const section = options.getByRole('region', { name: m.language_title!.message });
    await section.getByRole('combobox').selectOption('fr');
    // The badges already on the page change language without a reload.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-sla-badge]')].every((el) => el.getAttribute('lang') === 'fr'), undefined, { timeout: 10_000 });
    const french = await readBadges(page);
    expect(french.some((b) => /reste|dépassé|en pause|respecté/.test(b.text))).toBe(true);
    // The options page says it in French at once, and the popup opens in French.
    await options.getByRole('region', { name: 'Langue' }).waitFor({ timeout: 10_000 });
    const popup = await session.openExtensionPage('popup.html');
    await popup.getByRole('button', { name: 'Paramètres' }).waitFor({ timeout: 10_000 });
    expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);
    // Back to the browser's language.
    await options.getByRole('region', { name: 'Langue' }).getByRole('combobox').selectOption('');
    await page.waitForFunction((lang) => [...document.querySelectorAll('[data-sla-badge]')].every((el) => el.getAttribute('lang') === lang), language, { timeout: 10_000 });
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});
