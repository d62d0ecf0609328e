import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, type TestContext } from 'vitest';

/** Failure screenshots land here (git-ignored). */
export const RESULTS_DIR = path.resolve('test-results');

interface Screenshots {
  /** Open pages at the time of the failure. */
  pages(): Array<{ screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> }>;
}

/** After each failed test, saves a screenshot of every open page to test-results/. */
export function screenshotFailures(browserName: string, session: () => Screenshots | undefined): void {
  afterEach(async (ctx: TestContext) => {
    if (ctx.task.result?.state !== 'fail') return;
    const pages = session()?.pages() ?? [];
    await mkdir(RESULTS_DIR, { recursive: true });
    const slug = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    await Promise.all(
      pages.map((page, i) =>
        page.screenshot({ path: path.join(RESULTS_DIR, `${browserName}-${slug}-${i}.png`), fullPage: true }).catch(() => undefined),
      ),
    );
  });
}
