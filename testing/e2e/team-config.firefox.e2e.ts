/**
 * The organisation's policy in Firefox ESR (issue 15 §1): `3rdparty.Extensions.<gecko id>` in
 * /etc/firefox/policies/policies.json (Debian's Firefox ESR reads that folder, not
 * /etc/firefox-esr; read once, at start), here with the configuration inline as an object, which
 * Firefox passes through unchecked. Applied with no import; import and roll back locked. And a
 * subscription to a published file, fetched by the background page (served through the fake
 * sites' proxy: no tab sees that request): applied, amended, broken.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotFailures } from '../browser/failures';
import { GECKO_ID, launchFirefox, type FirefoxSession } from '../browser/firefox';
import type { FakeSiteData } from '../sites/index';

const designJson = readFileSync(new URL('../../lib/config/__fixtures__/design-example.json', import.meta.url), 'utf8');
const POLICY_DIR = '/etc/firefox/policies';
const POLICY_FILE = path.join(POLICY_DIR, 'policies.json');

let session: FirefoxSession | undefined;
screenshotFailures('firefox', () => session?.browser);

describe('a policy set by the organisation, in Firefox', () => {
  const made = ['/etc/firefox', POLICY_DIR].filter((dir) => !existsSync(dir));
  const before = existsSync(POLICY_FILE) ? readFileSync(POLICY_FILE, 'utf8') : null;
  afterAll(async () => {
    await session?.close();
    session = undefined;
    // Whatever happened: the machine's own policy file (if it had one) comes back, ours goes.
    if (before !== null) writeFileSync(POLICY_FILE, before);
    else rmSync(POLICY_FILE, { force: true });
    for (const dir of made.reverse()) rmSync(dir, { recursive: true, force: true });
  });

  it('applies its inline configuration with no import, reports an unknown key, and locks import', async () => {
    mkdirSync(POLICY_DIR, { recursive: true });
    const policy = { config: JSON.parse(designJson) as unknown, locked: true, colour: 'blue' };
    writeFileSync(POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: policy } } } }));
    session = await launchFirefox();
    const page = await session.openExtensionPage('options.html');
    const text = () => page.evaluate(() => document.body.innerText);
    await page.waitForFunction(() => document.body.innerText.includes("your organisation's policy"), { timeout: 20_000 });
    const shown = await text();
    expect(shown).toContain('Managed by your organisation');
    expect(shown).toContain('The SLA configuration is set by your organisation');
    expect(shown).toContain('Importing a configuration is turned off by your organisation');
    // Firefox checks nothing against a schema: the reader names what it ignored.
    expect(shown).toMatch(/Ignored .*colour/);
    expect(await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => /Roll back/.test(b.textContent ?? '')).length)).toBe(0);
  });
});

describe('a subscription to a published file, in Firefox', () => {
  const FILE_URL = 'https://config.example-corp.test/support/sla.json';
  const sites: FakeSiteData = { jira: [], zendesk: [], configFiles: { [FILE_URL]: { body: designJson } }, configLog: [] };
  let page: Page;
  const text = () => page.evaluate(() => document.body.innerText);
  const shows = (words: string) => page.waitForFunction((w: string) => document.body.innerText.includes(w), { timeout: 20_000 }, words);
  const activeVersion = () => page.evaluate(() => document.querySelector('.version--active .version__title')?.textContent ?? '');
  beforeAll(async () => {
    session = await launchFirefox({ sites, serveBackground: true });
    page = await session.openExtensionPage('options.html');
    await shows('Configuration file address');
  });
  afterAll(async () => {
    await session?.close();
    session = undefined;
  });

  it('is applied as the first version, from the background, with no cookie', async () => {
    await page.type('#subscription input[type=url]', FILE_URL);
    // A real click: Firefox grants a permission only inside the user's input.
    await page.click('#subscription button[type=submit]');
    await shows(`subscription ${FILE_URL}, ETag`);
    expect(await activeVersion()).toMatch(/^Version 1/);
    expect(sites.configLog!.at(-1)).toMatchObject({ method: 'GET' });
    expect(sites.configLog!.at(-1)!.cookie ?? null).toBeNull();
  });

  it('follows an amendment on "Check now", and keeps the version in force when the file breaks', async () => {
    const doc = JSON.parse(designJson) as { policies: Array<{ targets?: Record<string, { resolution?: string }>; calendar?: string }> };
    doc.policies[0]!.targets!.High!.resolution = '12h';
    sites.configFiles![FILE_URL] = { body: JSON.stringify(doc) };
    await page.click('#subscription .subscription__actions button:nth-of-type(1)');
    await page.waitForFunction(() => /^Version 2/.test(document.querySelector('.version--active .version__title')?.textContent ?? ''), { timeout: 20_000 });

    doc.policies[0]!.calendar = 'no-such-calendar';
    sites.configFiles![FILE_URL] = { body: JSON.stringify(doc) };
    await page.click('#subscription .subscription__actions button:nth-of-type(1)');
    await shows('not a valid SLA configuration');
    expect(await text()).toMatch(/policies\[0\]/);
    expect(await activeVersion()).toMatch(/^Version 2/);
    expect(session!.blockedRequests).toEqual([]);
  });
});
