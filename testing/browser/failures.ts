import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, type TestContext } from 'vitest';

/** Failure screenshots land here (git-ignored). */
export const RESULTS_DIR = path.resolve('test-results');

interface Screenshot {
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}

interface Screenshots {
  /** Open pages at the time of the failure (Playwright's context lists them; Puppeteer's browser resolves them). */
  pages(): Screenshot[] | Promise<Screenshot[]>;
}

/** A screenshot that hangs (an extension page in Firefox can) must not hang the suite. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const timer = new AbortController();
  try {
    return await Promise.race([promise, delay(ms, undefined, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}

/** After each failed test, saves a screenshot of every open page to test-results/. */
export function screenshotFailures(browserName: string, session: () => Screenshots | undefined): void {
  afterEach(async (ctx: TestContext) => {
    if (ctx.task.result?.state !== 'fail') return;
    const pages = (await within(Promise.resolve(session()?.pages() ?? []), 5000).catch(() => undefined)) ?? [];
    await mkdir(RESULTS_DIR, { recursive: true });
    const slug = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await Promise.all(pages.map((page, i) => within(page.screenshot({ path: path.join(RESULTS_DIR, `${browserName}-${slug}-${i}.png`), fullPage: true }), 5000).catch(() => undefined)));
  });
}
