import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { checkConfig, importConfig } from '../browser/options';

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const designYaml = fixture('../../lib/config/__fixtures__/design-example.yaml');
const designJson = fixture('../../lib/config/__fixtures__/design-example.json');

let session: ChromiumSession;
let page: Page;

beforeAll(async () => {
  session = await launchChromium();
  page = await session.openExtensionPage('options.html');
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

/** The active version as the background sees it, straight from the extension's database. */
async function activeVersionInDatabase(): Promise<unknown> {
  const worker = await session.serviceWorker();
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('sla-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const value = await new Promise<unknown>((resolve) => {
      const get = db.transaction('meta').objectStore('meta').get('activeConfigVersion');
      get.onsuccess = () => resolve((get.result as { value?: unknown } | undefined)?.value ?? null);
    });
    db.close();
    return value;
  });
}

const policyIds = () => page.locator('article code').allInnerTexts();

describe('the options page in Chromium', () => {
  it('imports a valid YAML file: its policies and calendars are shown', async () => {
    // The page reads the database before it shows anything.
    await page.getByRole('heading', { name: 'No SLA configuration yet' }).waitFor();
    const version = await importConfig(page, [{ name: 'acme.yaml', text: designYaml }], 'First import');
    expect(version).toBe(1);
    await page
      .getByRole('article', { name: /Enterprise customers/ })
      .first()
      .waitFor();
    expect(await page.getByRole('img', { name: 'Friday 09:00–16:00' }).count()).toBeGreaterThan(0);
    expect(await activeVersionInDatabase()).toBe(1);
  });

  it('refuses a broken file with the path of each problem, and the active configuration stays', async () => {
    const broken = designJson.replace('"4h"', '"2d"').replace('"calendar": "emea"', '"calender": "emea"');
    await checkConfig(page, [{ name: 'broken.json', text: broken }]);
    const alert = page.getByRole('alert');
    const text = await alert.innerText();
    expect(text).toContain('policies[0].targets.Highest.resolution');
    expect(text).toMatch(/days and weeks are ambiguous/);
    expect(text).toContain('policies[0].calender');
    expect(text).toMatch(/did you mean "calendar"/);
    expect(text).toMatch(/line \d+:\d+/);
    expect(await page.getByRole('button', { name: 'Apply', exact: true }).count()).toBe(0);
    expect(await activeVersionInDatabase()).toBe(1);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('applies an amendment, then rolls back to the first version as a new version', async () => {
    const amended = designJson.replace('"8h"', '"6h"');
    expect(await importConfig(page, [{ name: 'acme-v2.json', text: amended }], 'Tighter High target')).toBe(2);
    const history = page.getByRole('region', { name: 'Version history' });
    await history.getByRole('button', { name: 'Roll back to this version (version 1)' }).click();
    await history.getByRole('button', { name: 'Roll back to version 1' }).click();
    await history.getByText(/version 3 is now active, with the configuration of version 1/).waitFor();
    expect(await activeVersionInDatabase()).toBe(3);
  });

  it('exports the active configuration to a file that imports back unchanged', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export active configuration' }).click()]);
    expect(download.suggestedFilename()).toBe('acme-support-slas.v3.json');
    const path = await download.path();
    const exported = readFileSync(path, 'utf8');
    await checkConfig(page, [{ name: download.suggestedFilename(), text: exported }]);
    await page.getByText(/identical to the active configuration/).waitFor();
    expect(await page.getByRole('button', { name: 'Apply', exact: true }).count()).toBe(0);
  });

  it("imports Zendesk's own exports, showing what the conversion assumed", async () => {
    const zendesk = ['sla_policies.list.200.json', 'schedules.list.200.json'].map((name) => ({
      name,
      text: fixture(`../../lib/config/zendesk/__fixtures__/${name}`),
    }));
    await checkConfig(page, zendesk);
    const pageText = await page.locator('body').innerText();
    expect(pageText).toMatch(/Policy "Incidents": the condition on the channel \(via_id\) is kept as the ticket field "via_id"/);
    const version = await importConfig(page, zendesk, 'From Zendesk');
    expect(version).toBe(4);
    expect((await policyIds()).some((id) => id.startsWith('zendesk-'))).toBe(true);
  });

  it('threw no error into any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
