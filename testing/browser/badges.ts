/**
 * Reads the badges SLA Lens adds to a page, through the public contract in DESIGN.md
 * ("Badges in the page"): `data-sla-badge`, `data-sla-key`, `data-sla-state`, `data-sla-metric`,
 * readable text and a title / aria-label.
 */
import { expect } from 'vitest';

export interface BadgeReading {
  key: string;
  state: string;
  metric: string | null;
  text: string;
  title: string | null;
  ariaLabel: string | null;
}

/** Anything with `evaluate` (a Playwright or Puppeteer page). */
interface Evaluates {
  evaluate<R>(fn: () => R): Promise<R>;
}

export function readBadges(page: Evaluates): Promise<BadgeReading[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-sla-badge]')].map((el) => ({
      key: el.dataset.slaKey ?? '',
      state: el.dataset.slaState ?? '',
      metric: el.dataset.slaMetric ?? null,
      text: (el.textContent ?? '').trim(),
      title: el.getAttribute('title'),
      ariaLabel: el.getAttribute('aria-label'),
    })),
  );
}

/** Whether the content script has run in the page (the marker it sets on `<html>`). */
export function contentScriptActive(page: Evaluates): Promise<boolean> {
  return page.evaluate(() => document.documentElement.dataset.slaLens === 'active');
}

/** The badges, once there are `count` of them (polled: badges land as the site's API answers). */
export async function badgesWhenSettled(page: Evaluates, count: number, timeout = 10_000): Promise<BadgeReading[]> {
  await expect.poll(async () => (await readBadges(page)).length, { timeout }).toBe(count);
  return readBadges(page);
}
