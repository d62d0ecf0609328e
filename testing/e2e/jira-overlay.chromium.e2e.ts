import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled, readBadges, type BadgeReading } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { DEMO_JIRA_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { URLS } from '../sites/index';

// The demo's tickets, each built to be in one state under the sample configuration (demo.test.ts).
const EXPECTED = DEMO_JIRA_STATES;
const sample = readFileSync(SAMPLE_CONFIG_PATH, 'utf8');

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

describe('the Jira overlay in Chromium', () => {
  it('badges every ticket of a Service Management queue once, with its state and time left', async () => {
    const page = await session.open(URLS.jiraQueue);
    const badges = await badgesWhenSettled(page, 8);
    expect(byKey(badges)).toEqual(EXPECTED);
    expect(new Set(badges.map((b) => b.key)).size).toBe(8);
    const breached = badges.find((b) => b.key === 'SUP-103')!;
    expect(breached.metric).toBe('resolution');
    // The queue's key column (110px) is narrower than a long breach's words ("breached 1d 16h
    // ago"): there the pill says the breach alone, and its tooltip says how long ago.
    expect(breached.text).toMatch(/^(breached (just now|\d+[mhd].* ago)|Breached)$/);
    expect(breached.title).toMatch(/Standard support|SUP/i);
    expect(breached.title).toMatch(/breached .*\d+[mhd].* over target/);
    expect(breached.title).toBe(breached.ariaLabel);
    expect(badges.find((b) => b.key === 'SUP-101')!.text).toMatch(/^(\d+h )?\d+m left$|^\d+h left$/);
    // "paused · 4h left" is wider than the column too: the figure, after the pill's pause mark.
    expect(badges.find((b) => b.key === 'SUP-104')!.text).toMatch(/^(paused · (\d+h )?(\d+m )?left|(\d+h )?\d+m|\d+h)$/);
    expect(badges.find((b) => b.key === 'SUP-107')!.text).toBe('met');
    // Each badge sits right after its ticket's key link.
    expect(await page.$$eval('[data-sla-badge]', (els) => els.every((b) => b.previousElementSibling?.textContent === b.getAttribute('data-sla-key')))).toBe(true);
    await page.close();
  });

  it.each([
    ['the navigator, whose key cells have room', URLS.jiraNavigator, true],
    ['the queue, whose key column is narrower than some words', URLS.jiraQueue, false],
  ])('on %s, puts each pill in a slot of one width, wide enough for every pill the cell allows, with its layout contained, so a tick lays out the pill alone', async (_name, url, roomy) => {
    const page = await session.open(url);
    await badgesWhenSettled(page, 8);
    const slots = await page.$$eval('[data-sla-badge]', (els) =>
      els.map((b) => {
        const slot = b.getBoundingClientRect();
        const pill = b.querySelector('.sla-lens-pill')!.getBoundingClientRect();
        return {
          text: b.textContent,
          width: slot.width,
          left: slot.left,
          pillLeft: pill.left,
          pillRight: pill.right,
          right: slot.right,
          pillHeight: pill.height,
          cellRight: b.parentElement!.getBoundingClientRect().right,
          cut: (() => {
            const p = b.querySelector('.sla-lens-pill')!;
            return p.scrollWidth > p.clientWidth + 1;
          })(),
          contain: getComputedStyle(b).contain,
        };
      }),
    );
    expect(slots).toHaveLength(8);
    expect(new Set(slots.map((s) => s.width)).size).toBe(1);
    for (const s of slots) {
      expect(s.contain, s.text ?? '').toMatch(/size/);
      expect(s.contain, s.text ?? '').toMatch(/layout/);
      // The pill starts at the slot's start and ends within it: nothing clipped or spilling over.
      expect(Math.abs(s.pillLeft - s.left), s.text ?? '').toBeLessThan(0.5);
      expect(s.pillRight, s.text ?? '').toBeLessThanOrEqual(s.right + 0.5);
      expect(s.pillHeight).toBe(18);
    }
    if (roomy) {
      // The widest pill fills its slot, give or take the pixels spared for rounding.
      expect(Math.min(...slots.map((s) => s.right - s.pillRight))).toBeLessThanOrEqual(4);
      expect(slots.some((s) => s.text?.startsWith('paused · '))).toBe(true);
    } else {
      // The slot is held to its cell, and a pill whose words would not fit says its figure: none is cut.
      for (const s of slots) expect(s.right, s.text ?? '').toBeLessThanOrEqual(s.cellRight + 0.5);
      expect(slots.filter((s) => s.cut).map((s) => s.text)).toEqual([]);
    }
    await page.close();
  });

  it('keeps hostile summaries as text', async () => {
    const page = await session.open(URLS.jiraQueue);
    await badgesWhenSettled(page, 8);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.$$eval('img[onerror]', (imgs) => imgs.length)).toBe(0);
    expect(await page.getByText('<img src=x onerror=').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('badges the cards of a board', async () => {
    const page = await session.open(URLS.jiraBoard);
    const badges = await badgesWhenSettled(page, 8);
    expect(byKey(badges)).toEqual(EXPECTED);
    await page.close();
  });

  it.each([
    ['the issue navigator', URLS.jiraNavigator],
    ['the backlog', URLS.jiraBacklog],
  ])('badges every ticket of %s once', async (_name, url) => {
    const page = await session.open(url);
    const badges = await badgesWhenSettled(page, 8);
    expect(byKey(badges)).toEqual(EXPECTED);
    // Where the key's cell has room, every pill says its words whole.
    expect(badges.find((b) => b.key === 'SUP-103')!.text).toMatch(/^breached (just now|\d+[mhd].* ago)$/);
    expect(badges.find((b) => b.key === 'SUP-104')!.text).toMatch(/^paused · (\d+h )?(\d+m )?left$/);
    await page.close();
  });

  it("badges the navigator's detail view: every card, and the open issue beside them", async () => {
    const page = await session.open(URLS.jiraNavigatorDetail('SUP-103'));
    const badges = await badgesWhenSettled(page, 9);
    expect(badges.filter((b) => b.key === 'SUP-103').map((b) => b.state)).toEqual(['breached', 'breached']);
    expect(byKey(badges)).toEqual(EXPECTED);
    await page.close();
  });

  it('badges the issue opened over a board as well as its card: two elements, two badges', async () => {
    const page = await session.open(URLS.jiraBoardModal('SUP-102'));
    const badges = await badgesWhenSettled(page, 9);
    expect(badges.filter((b) => b.key === 'SUP-102').map((b) => b.state)).toEqual(['at-risk', 'at-risk']);
    expect(await page.locator('section[role="dialog"] [data-sla-badge]').count()).toBe(1);
    await page.close();
  });

  it('badges the issue view once, and no key mentioned in its description', async () => {
    const page = await session.open(URLS.jiraIssue('SUP-103'));
    const badges = await badgesWhenSettled(page, 1);
    expect(badges).toMatchObject([{ key: 'SUP-103', state: 'breached' }]);
    await page.waitForTimeout(300);
    expect((await readBadges(page)).map((b) => b.key)).toEqual(['SUP-103']);
    await page.close();
  });

  it('follows in-page navigation to another view', async () => {
    const page = await session.open(URLS.jiraIssue('SUP-101'));
    await badgesWhenSettled(page, 1);
    // A single-page app swaps its content and pushes the URL, without loading a document.
    // Fetched by the page itself, so the request goes through the fake site.
    const board = await page.evaluate(async (url) => (await fetch(url)).text(), URLS.jiraBoard);
    await page.evaluate(
      ([html, url]) => {
        const doc = new DOMParser().parseFromString(html!, 'text/html');
        document.querySelector('main')!.replaceWith(doc.querySelector('main')!);
        history.pushState({}, '', url);
      },
      [board, URLS.jiraBoard],
    );
    const badges = await badgesWhenSettled(page, 8);
    expect(byKey(badges)).toEqual(EXPECTED);
    await page.close();
  });

  it('shows a pause when the ticket enters a pause status', async () => {
    const issue = session.sites.jira.find((i) => i.key === 'SUP-101')!;
    const saved = structuredClone(issue);
    issue.history.push({ at: Date.now() - 60_000, from: issue.status, to: 'Waiting for customer' });
    issue.status = 'Waiting for customer';
    try {
      const page = await session.open(URLS.jiraQueue);
      await expect.poll(async () => byKey(await readBadges(page))['SUP-101'], { timeout: 10_000 }).toBe('paused');
      await page.close();
    } finally {
      Object.assign(issue, saved);
    }
  });

  it('falls back to what the page shows, marked approximate, when the API answers with the login page', async () => {
    session.sites.api = 'login-page';
    try {
      const queue = await session.open(URLS.jiraQueue);
      const badges = await badgesWhenSettled(queue, 8);
      // The queue shows creation times: figures, but approximate, and saying so.
      // (In the queue's narrow key column a figure may stand alone, and a breach says only that.)
      const running = badges.filter((b) => ['ok', 'at-risk', 'paused', 'breached'].includes(b.state));
      expect(running.filter((b) => /\d/.test(b.text)).length).toBeGreaterThan(0);
      for (const b of running) {
        if (/\d/.test(b.text)) expect(b.text).toMatch(/~/);
        expect(b.title).toMatch(/approximate/i);
      }
      await queue.close();
      // A board shows no times at all: unknown, never a confident wrong figure.
      const board = await session.open(URLS.jiraBoard);
      const unknown = await badgesWhenSettled(board, 8);
      expect(new Set(unknown.map((b) => b.state))).toEqual(new Set(['unknown']));
      expect(unknown[0]!.text).toBe('SLA unknown');
      await board.close();
    } finally {
      session.sites.api = 'ok';
    }
  });

  it('updates open tabs when another configuration is applied, without a reload', async () => {
    const page = await session.open(URLS.jiraQueue);
    await badgesWhenSettled(page, 8);
    // Give every Highest ticket of the standard policy a far shorter resolution target.
    const strict = JSON.parse(sample) as { policies: Array<{ id: string; targets?: Record<string, { resolution?: string }> }> };
    const enterprise = strict.policies.find((p) => p.id === 'sup-enterprise')!;
    enterprise.targets!.Highest!.resolution = '1m';
    await options.bringToFront();
    await importConfig(options, JSON.stringify(strict, null, 2), 'Much stricter');
    await expect.poll(async () => byKey(await readBadges(page))['SUP-101'], { timeout: 10_000 }).toBe('breached');
    await page.close();
  });

  it('threw no error into any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
