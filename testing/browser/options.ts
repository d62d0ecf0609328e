/**
 * Drives the options page the way an admin does: choose files (or paste), check, optionally type
 * a note, Apply. Later suites use it to put a configuration in place.
 */
import type { Page } from 'playwright-core';

export interface ConfigFile {
  name: string;
  text: string;
}

/** Checks the files (or pasted text) and waits for the validation result or preview. */
export async function checkConfig(page: Page, input: ConfigFile[] | string): Promise<void> {
  if (typeof input === 'string') {
    await page.getByLabel('Or paste a configuration').fill(input);
    await page.getByRole('button', { name: 'Check pasted configuration' }).click();
  } else {
    await page
      .locator('input[type="file"]')
      .setInputFiles(input.map((f) => ({ name: f.name, mimeType: f.name.endsWith('.json') ? 'application/json' : 'application/yaml', buffer: Buffer.from(f.text) })));
  }
  await page.locator('[role="alert"], button:has-text("Apply"), :text("identical to the active configuration")').first().waitFor();
}

/** Imports and applies a configuration through the options page; returns the new version number. */
export async function importConfig(page: Page, input: ConfigFile[] | string, note = ''): Promise<number> {
  await checkConfig(page, input);
  const apply = page.getByRole('button', { name: 'Apply', exact: true });
  if ((await apply.count()) === 0) {
    const problems = await page.locator('[role="alert"]').allInnerTexts();
    throw new Error(`The configuration was not accepted:\n${problems.join('\n')}`);
  }
  if (note) await page.getByLabel(/What changed and why/).fill(note);
  await apply.click();
  const status = page.getByText(/^Version \d+ is now active\.$/);
  await status.waitFor();
  return Number(/\d+/.exec((await status.textContent()) ?? '')![0]);
}
