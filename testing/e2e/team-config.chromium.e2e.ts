/**
 * One configuration for the whole team, in Chromium (issue 15): the organisation's policy in
 * Chromium's managed-policy folder reaches the extension by its id and its configuration is
 * applied with no import; a subscription to a published file is applied, follows an amendment,
 * and keeps the configuration in force when the file breaks.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { extensionIdOf, TEST_EXTENSION_KEY } from '../browser/extension-key';
import { screenshotFailures } from '../browser/failures';
import type { FakeSiteData } from '../sites/index';

const designJson = readFileSync(new URL('../../lib/config/__fixtures__/design-example.json', import.meta.url), 'utf8');
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'sla-lens-e2e.json');
const FILE_URL = 'https://config.example-corp.test/support/sla.json';

/** The design example with one resolution target changed: an amendment. */
function amended(hours: string): string {
  const doc = JSON.parse(designJson) as { policies: Array<{ targets?: Record<string, { resolution?: string }> }> };
  doc.policies[0]!.targets!.High!.resolution = hours;
  return JSON.stringify(doc);
}

let session: ChromiumSession | undefined;
screenshotFailures('chromium', () => session?.context);

/** The history as the options page lists it: "Version N" and its line of source. */
async function versions(page: Page): Promise<string[]> {
  return page.locator('.version__meta').allInnerTexts();
}

describe('a policy set by the organisation', () => {
  /** The folders this suite made (removed again), not those the machine had. */
  const made = ['/etc/chromium', '/etc/chromium/policies', POLICY_DIR].filter((dir) => !existsSync(dir));
  afterAll(async () => {
    // Whatever happened: no policy is left behind for the next browser on this machine.
    rmSync(POLICY_FILE, { force: true });
    for (const dir of made.reverse()) rmSync(dir, { recursive: true, force: true });
    await session?.close();
    session = undefined;
  });

  it('applies its configuration with no import, says "Managed by your organisation" and locks import and roll back', async () => {
    const id = extensionIdOf(TEST_EXTENSION_KEY);
    // As root (CI is): the browser suites never skip, so a machine where this cannot be written fails here.
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: { config: designJson, locked: true, colour: 'blue' } } } }));
    session = await launchChromium({ key: TEST_EXTENSION_KEY });
    expect(session.extensionId).toBe(id);
    const page = await session.openExtensionPage('options.html');
    const notice = page.getByRole('region', { name: 'Managed by your organisation' });
    await notice.getByText('The SLA configuration is set by your organisation').waitFor();
    await expect(notice.getByText('Import and roll back are turned off by your organisation').isVisible()).resolves.toBe(true);
    await page.getByText('Importing a configuration is turned off by your organisation').waitFor();
    await page.locator('.version__meta').first().waitFor();
    expect((await versions(page))[0]).toContain("your organisation's policy");
    expect(await page.getByRole('button', { name: /Roll back/ }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Subscription' }).count()).toBe(0);
    // Chromium drops a key its schema does not know before the extension sees it: nothing to report, nothing applied.
    expect(await notice.getByText(/colour/).count()).toBe(0);
  });
});

describe('a subscription to a published file', () => {
  const sites: FakeSiteData = { jira: [], zendesk: [], configFiles: { [FILE_URL]: { body: designJson } }, configLog: [] };
  let page: Page;
  beforeAll(async () => {
    session = await launchChromium({ sites, grantOrigins: [new URL(FILE_URL).origin] });
    page = await session.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await session?.close();
    session = undefined;
  });
  afterEach(() => {
    sites.configFiles![FILE_URL] = { body: sites.configFiles![FILE_URL]!.body };
  });

  it('is applied as the first version, with its source', async () => {
    const section = page.getByRole('region', { name: 'Subscription' });
    await section.getByLabel('Configuration file address').fill(FILE_URL);
    await section.getByRole('button', { name: 'Subscribe' }).click();
    await section.getByText('Last updated from the server just now').waitFor();
    await page.locator('.version__meta').first().waitFor();
    expect((await versions(page))[0]).toContain(`subscription ${FILE_URL}, ETag`);
    // Sent from the background with no cookies, as a plain GET.
    expect(sites.configLog!.at(-1)!.method).toBe('GET');
    expect(sites.configLog!.at(-1)!.cookie ?? null).toBeNull();
    // The popup opened once: the first version is no news, and from now on each new one is.
    const popup = await session!.openExtensionPage('popup.html');
    await popup
      .getByText(/version 1/)
      .first()
      .waitFor();
    await popup.waitForTimeout(300);
    expect(await popup.getByText(/was updated to version/).count()).toBe(0);
    await popup.close();
  });

  it('"Check now" after an amendment applies the next version; the same file again records nothing', async () => {
    sites.configFiles![FILE_URL] = { body: amended('12h') };
    const section = page.getByRole('region', { name: 'Subscription' });
    await section.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('Version 2').first().waitFor();
    const before = sites.configLog!.length;
    await section.getByRole('button', { name: 'Check now' }).click();
    await expect.poll(() => sites.configLog!.length).toBeGreaterThan(before);
    // The unchanged file was asked for conditionally: 304, no new version.
    expect(sites.configLog!.at(-1)!.headers?.['if-none-match']).toBeTruthy();
    await page.waitForTimeout(300);
    expect(await page.getByText('Version 3').count()).toBe(0);

    // Each agent's popup says so once, and "Our agreements" shows what they are now held to.
    const popup = await session!.openExtensionPage('popup.html');
    await popup.getByText(`Your SLA configuration was updated to version 2 (from the team's file at ${FILE_URL}): 2 policies changed.`).waitFor();
    const [agreements] = await Promise.all([session!.context.waitForEvent('page'), popup.getByRole('button', { name: 'Our agreements' }).click()]);
    await agreements.waitForLoadState('domcontentloaded');
    const card = agreements.getByRole('article', { name: 'Enterprise customers (enterprise)' });
    await card.waitFor();
    expect(await card.getByRole('row', { name: /^High / }).innerText()).toMatch(/High\s+1 hour\s+12 hours/);
    await expect(card.getByText('Tickets in Jira project SUP, labelled enterprise.').isVisible()).resolves.toBe(true);
    await agreements.close();
    await popup.close();
  });

  it('keeps the configuration in force when the file breaks, and says why with each problem’s path', async () => {
    const broken = JSON.parse(designJson) as { policies: Array<{ calendar?: string }> };
    broken.policies[0]!.calendar = 'no-such-calendar';
    sites.configFiles![FILE_URL] = { body: JSON.stringify(broken) };
    const section = page.getByRole('region', { name: 'Subscription' });
    await section.getByRole('button', { name: 'Check now' }).click();
    await section.getByText(/not a valid SLA configuration/).waitFor();
    await expect(
      section
        .getByText(/^policies\[0\]/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(await page.getByText('Version 3').count()).toBe(0);
    expect(await page.locator('.version--active .version__title').innerText()).toMatch(/^Version 2/);
    // The popup says it too, with the way to the settings.
    const popup = await session!.openExtensionPage('popup.html');
    await popup.getByText(/The team’s SLA configuration could not be updated\./).waitFor();
    await popup.close();
  });
});
