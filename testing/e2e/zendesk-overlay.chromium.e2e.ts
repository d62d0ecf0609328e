import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled, readBadges, type BadgeReading } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { DEMO_ZENDESK_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { URLS } from '../sites/index';
import { sampleZendeskTickets } from '../sites/samples';

// The demo's tickets, each built to be in one state under the sample configuration (demo.test.ts).
const EXPECTED = DEMO_ZENDESK_STATES;
const COUNT = Object.keys(EXPECTED).length;
const sample = readFileSync(SAMPLE_CONFIG_PATH, 'utf8');
const zendeskExport = (name: string) => ({ name, text: readFileSync(new URL(`../../lib/config/zendesk/__fixtures__/${name}`, import.meta.url), 'utf8') });

let session: ChromiumSession;
let options: Page;

beforeAll(async () => {
  session = await launchChromium({ sites: demoSites(Date.now()) });
  options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'sla-config.sample.json', text: sample }]);
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

const byKey = (badges: BadgeReading[]) => Object.fromEntries(badges.map((b) => [b.key, b.state]));

/** Badges per ticket element: rows, tabs and ticket roots must each have at most one. */
function badgesPerElement(page: Page): Promise<number[]> {
  return page.$$eval('tr[data-test-id="generic-table-row"], [data-test-id="header-tab"], [data-side-conversations-anchor-id]', (els) =>
    els.map((el) => el.querySelectorAll('[data-sla-badge]').length),
  );
}

/** From now on, the page records the most badges it ever held at once, and the most in one row. */
function watchForDuplicates(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { maxBadges: number; maxPerRow: number };
    w.maxBadges = 0;
    w.maxPerRow = 0;
    const check = () => {
      w.maxBadges = Math.max(w.maxBadges, document.querySelectorAll('[data-sla-badge]').length);
      for (const row of document.querySelectorAll('tr[data-test-id="generic-table-row"]')) w.maxPerRow = Math.max(w.maxPerRow, row.querySelectorAll('[data-sla-badge]').length);
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true });
  });
}

const visibleHeaderBadges = (page: Page) => page.locator('.workspace:not([style*="none"]) [data-side-conversations-anchor-id] [data-sla-badge]');

/** A pause's words, or its figure alone (after the pill's pause mark) in a cell too narrow for them. */
const PAUSED = /^(paused · (\d+h )?(\d+m )?left|(\d+h )?\d+m|\d+h)$/;

describe('the Zendesk overlay in Chromium', () => {
  it('badges every ticket of a view once, with its id, state and time left', async () => {
    const page = await session.open(URLS.zendeskView);
    const badges = await badgesWhenSettled(page, COUNT);
    expect(byKey(badges)).toEqual(EXPECTED);
    expect(new Set(badges.map((b) => b.key)).size).toBe(COUNT);
    const breached = badges.find((b) => b.key === '4102')!;
    expect(breached.metric).toBe('resolution');
    // The words, or where the cell is narrower than them (a long breach) the breach alone.
    expect(breached.text).toMatch(/^(breached (just now|\d+[mhd].* ago)|Breached)$/);
    expect(breached.title).toMatch(/Zendesk standard/);
    expect(breached.title).toBe(breached.ariaLabel);
    expect(badges.find((b) => b.key === '4101')!.text).toMatch(/^(\d+h )?\d+m left$|^\d+h left$/);
    expect(badges.find((b) => b.key === '4104')!.text).toMatch(PAUSED);
    expect(badges.find((b) => b.key === '4105')!.text).toMatch(PAUSED);
    expect(badges.find((b) => b.key === '4106')!.text).toBe('met');
    // From the API, with history: exact figures.
    expect(badges.every((b) => !b.text.includes('~') && !/approximate/i.test(b.title ?? ''))).toBe(true);
    // Each badge sits right after its ticket's subject link.
    expect(await page.$$eval('[data-sla-badge]', (els) => els.every((b) => b.previousElementSibling?.getAttribute('href') === `tickets/${b.getAttribute('data-sla-key')}`))).toBe(true);
    await page.close();
  });

  it('keeps hostile subjects as text, and takes no ticket from them', async () => {
    const page = await session.open(URLS.zendeskView);
    const badges = await badgesWhenSettled(page, COUNT);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.$$eval('img[onerror], table b', (els) => els.length)).toBe(0);
    expect(await page.getByText('<img src=x onerror=').count()).toBeGreaterThan(0);
    expect(badges.map((b) => b.key)).not.toContain('999');
    expect(badges.map((b) => b.key)).not.toContain('998');
    await page.close();
  });

  it('badges a view grouped by group, and no group row', async () => {
    const page = await session.open(URLS.zendeskGroupedView);
    const badges = await badgesWhenSettled(page, COUNT);
    expect(byKey(badges)).toEqual(EXPECTED);
    expect(await page.locator('[data-test-id="generic-table-rows-group-by"] [data-sla-badge]').count()).toBe(0);
    await page.close();
  });

  it('badges the rows again when the view re-renders them on sort and refresh, never twice', async () => {
    const page = await session.open(URLS.zendeskView);
    await badgesWhenSettled(page, COUNT);
    await watchForDuplicates(page);
    const order = () => page.$$eval('tr[data-test-id="generic-table-row"]', (rows) => rows.map((r) => r.getAttribute('aria-describedby')));
    const before = await order();
    await page.getByRole('button', { name: 'Priority', exact: true }).click();
    await expect.poll(order).not.toEqual(before);
    await expect.poll(async () => (await badgesPerElement(page)).every((n) => n === 1), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: 'Ticket status', exact: true }).click();
    await expect.poll(async () => (await badgesPerElement(page)).every((n) => n === 1), { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(300);
    expect(byKey(await badgesWhenSettled(page, COUNT))).toEqual(EXPECTED);
    expect(await page.evaluate(() => (window as unknown as { maxBadges: number; maxPerRow: number }).maxPerRow)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { maxBadges: number }).maxBadges)).toBeLessThanOrEqual(COUNT);
    await page.close();
  });

  it('badges the visible ticket and each open tab once, and follows a tab switch', async () => {
    // Tabs for 4101, 4102, 4103 and 4104; 4104 is the visible one.
    const page = await session.open(URLS.zendeskTicket(4104));
    await badgesWhenSettled(page, 5);
    await expect(visibleHeaderBadges(page).count()).resolves.toBe(1);
    expect(await visibleHeaderBadges(page).first().getAttribute('data-sla-key')).toBe('4104');
    expect(await visibleHeaderBadges(page).first().getAttribute('data-sla-state')).toBe('paused');
    const tabs = await page.$$eval('[data-test-id="header-tab"]', (els) =>
      els.map((tab) => [...tab.querySelectorAll('[data-sla-badge]')].map((b) => [b.getAttribute('data-sla-key'), b.getAttribute('data-sla-state')])),
    );
    expect(tabs).toEqual(['4101', '4102', '4103', '4104'].map((key) => [[key, EXPECTED[key]]]));
    expect(await page.locator('[data-test-id="omni-log-container"] [data-sla-badge]').count()).toBe(0);

    await page.locator('[data-test-id="header-tab"]', { hasText: '#4102' }).click();
    await expect.poll(() => page.url()).toBe(URLS.zendeskTicket(4102));
    await expect.poll(() => visibleHeaderBadges(page).getAttribute('data-sla-key'), { timeout: 10_000 }).toBe('4102');
    expect(await visibleHeaderBadges(page).getAttribute('data-sla-state')).toBe('breached');
    await page.locator('[data-test-id="header-tab"]', { hasText: '#4104' }).click();
    await expect.poll(() => visibleHeaderBadges(page).getAttribute('data-sla-key'), { timeout: 10_000 }).toBe('4104');
    expect(await visibleHeaderBadges(page).count()).toBe(1);
    expect((await badgesPerElement(page)).every((n) => n <= 1)).toBe(true);
    await page.close();
  });

  it('shows a pause when the ticket goes pending', async () => {
    const ticket = session.sites.zendesk.find((t) => t.id === 4103)!;
    const saved = structuredClone(ticket);
    ticket.history.push({ at: Date.now() - 60_000, from: ticket.status, to: 'pending' });
    ticket.status = 'pending';
    try {
      const page = await session.open(URLS.zendeskView);
      await expect.poll(async () => byKey(await readBadges(page))['4103'], { timeout: 10_000 }).toBe('paused');
      await page.close();
    } finally {
      Object.assign(ticket, saved);
    }
  });

  it('badges search results and the open tab', async () => {
    const page = await session.open(URLS.zendeskSearch('refund'));
    const badges = await badgesWhenSettled(page, 3);
    expect(badges.map((b) => [b.key, b.state])).toEqual(['4101', '4102', '4107'].map((key) => [key, EXPECTED[key]]));
    expect(await page.locator('tr[data-test-id="generic-table-row"] [data-sla-badge]').count()).toBe(2);
    await page.close();
  });

  it('says SLA unknown, never a guessed figure, when the API answers with the sign-in page', async () => {
    session.sites.api = 'login-page';
    try {
      const view = await session.open(URLS.zendeskView);
      // Which date column is Requested only its header's words say (any language): the page
      // gives no time SLA Lens trusts, so every ticket is unknown, never a guessed figure.
      const badges = await badgesWhenSettled(view, COUNT);
      expect(new Set(badges.map((b) => b.state))).toEqual(new Set(['unknown']));
      expect(badges.every((b) => b.text === 'SLA unknown' && !b.text.includes('~'))).toBe(true);
      await view.close();
      // A ticket page shows no creation time: unknown, never a confident wrong figure.
      const ticket = await session.open(URLS.zendeskTicket(4101));
      const unknown = await badgesWhenSettled(ticket, 4);
      expect(new Set(unknown.map((b) => b.state))).toEqual(new Set(['unknown']));
      expect(unknown[0]!.text).toBe('SLA unknown');
      await ticket.close();
    } finally {
      session.sites.api = 'ok';
    }
  });

  it("applies a configuration converted from Zendesk's own SLA policy export", async () => {
    // Zendesk's documented policy: low-priority incidents that came by email (via_id 4), first reply in 60 calendar minutes.
    const now = Date.now();
    const emailed = sampleZendeskTickets(now, [
      { id: 4201, subject: 'Printer on fire (email)', priority: 'low', ageH: 20 / 60, status: 'new', firstReplyH: null, via: 'mail' },
      { id: 4202, subject: 'Scanner jammed (email)', priority: 'low', ageH: 1.5, status: 'new', firstReplyH: null, via: 'mail' },
      { id: 4203, subject: 'Toner empty (email)', priority: 'low', ageH: 3, changes: [[2.5, 'open']], firstReplyH: 2.5, via: 'mail' },
    ]);
    session.sites.zendesk.push(...emailed);
    try {
      await options.bringToFront();
      await importConfig(options, [zendeskExport('sla_policies.list.200.json'), zendeskExport('schedules.list.200.json')], 'From Zendesk');
      const view = await session.open(URLS.zendeskView);
      // The demo's tickets came by web form: no policy applies, and lists hide "no SLA".
      const badges = await badgesWhenSettled(view, 3);
      expect(byKey(badges)).toEqual({ 4201: 'ok', 4202: 'breached', 4203: 'met' });
      expect(badges.every((b) => b.metric === 'first-response' && /Incidents/.test(b.title ?? ''))).toBe(true);
      expect(badges.find((b) => b.key === '4201')!.text).toMatch(/^\d+m left$/);
      await view.close();
      // The ticket view says so.
      const ticket = await session.open(URLS.zendeskTicket(4101));
      await expect.poll(() => visibleHeaderBadges(ticket).getAttribute('data-sla-state'), { timeout: 10_000 }).toBe('none');
      expect(await visibleHeaderBadges(ticket).textContent()).toBe('no SLA');
      await ticket.close();
    } finally {
      session.sites.zendesk.splice(-emailed.length);
      await importConfig(options, [{ name: 'sla-config.sample.json', text: sample }], 'Back to the sample');
    }
  });

  describe.each([
    ['German', URLS.zendeskViewDe, 'de', 'ltr'],
    ['Hebrew', URLS.zendeskViewHe, 'he', 'rtl'],
  ])('in %s', (_language, viewUrl, lang, dir) => {
    it('badges every ticket of the view exactly once, with the state its facts give', async () => {
      const page = await session.open(viewUrl);
      expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, dir]);
      const badges = await badgesWhenSettled(page, COUNT);
      expect(byKey(badges)).toEqual(EXPECTED);
      expect(new Set(badges.map((b) => b.key)).size).toBe(COUNT);
      expect(await badgesPerElement(page)).toEqual(Array(COUNT).fill(1));
      // Right after each ticket's subject link, as in English; from the API, so exact.
      expect(await page.$$eval('[data-sla-badge]', (els) => els.every((b) => b.previousElementSibling?.getAttribute('href') === `tickets/${b.getAttribute('data-sla-key')}`))).toBe(true);
      expect(badges.every((b) => !b.text.includes('~'))).toBe(true);
      expect(await page.title()).not.toBe('pwned');
      await page.close();
    });
  });

  it.each([
    ['German', URLS.zendeskTicketDe(4104)],
    ['Hebrew', URLS.zendeskTicketHe(4104)],
  ])('badges the %s ticket page: the ticket on screen once, and each open tab', async (_language, url) => {
    // Tabs for 4101, 4102, 4103 and 4104; 4104's grid is the one marked active.
    const page = await session.open(url);
    await badgesWhenSettled(page, 5);
    const header = page.locator('.ticket-panes-grid-layout[data-is-active="true"] [data-sla-badge]');
    await expect(header.count()).resolves.toBe(1);
    expect([await header.getAttribute('data-sla-key'), await header.getAttribute('data-sla-state')]).toEqual(['4104', 'paused']);
    const tabs = await page.$$eval('[data-test-id="header-tab"]', (els) =>
      els.map((tab) => [...tab.querySelectorAll('[data-sla-badge]')].map((b) => [b.getAttribute('data-sla-key'), b.getAttribute('data-sla-state')])),
    );
    expect(tabs).toEqual(['4101', '4102', '4103', '4104'].map((key) => [[key, EXPECTED[key]]]));
    expect(await page.locator('[data-test-id="omni-log-container"] [data-sla-badge]').count()).toBe(0);
    await page.locator('[data-test-id="header-tab"]', { hasText: '#4102' }).click();
    await expect.poll(() => header.getAttribute('data-sla-key'), { timeout: 10_000 }).toBe('4102');
    expect(await header.count()).toBe(1);
    expect((await badgesPerElement(page)).every((n) => n <= 1)).toBe(true);
    await page.close();
  });

  it('badges the Hebrew search results, and no row of the Users tab', async () => {
    const results = await session.open(URLS.zendeskSearchHe('refund'));
    const badges = await badgesWhenSettled(results, 3);
    expect(badges.map((b) => [b.key, b.state])).toEqual(['4101', '4102', '4107'].map((key) => [key, EXPECTED[key]]));
    await results.close();
    const users = await session.open(URLS.zendeskSearchUsers('refund', 'he'));
    // The open ticket's tab only; one user's id is also a ticket's, and must not be badged.
    expect((await badgesWhenSettled(users, 1)).map((b) => b.key)).toEqual(['4101']);
    await users.waitForTimeout(500);
    expect(await users.locator('tr [data-sla-badge]').count()).toBe(0);
    expect(await users.locator('[data-sla-badge]').count()).toBe(1);
    await users.close();
  });

  it('threw no error into any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
