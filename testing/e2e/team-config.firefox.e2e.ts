/**
 * The organisation's policy in Firefox ESR (issue 15 §1): `3rdparty.Extensions.<gecko id>` in
 * /etc/firefox/policies/policies.json (Debian's Firefox ESR reads that folder, not
 * /etc/firefox-esr; read once, at start), here with the configuration inline as an object, which
 * Firefox passes through unchecked. Applied with no import; import and roll back locked.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { screenshotFailures } from '../browser/failures';
import { GECKO_ID, launchFirefox, type FirefoxSession } from '../browser/firefox';

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
