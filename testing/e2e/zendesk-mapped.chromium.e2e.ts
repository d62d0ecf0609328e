import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgesWhenSettled } from '../browser/badges';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { DEMO_ZENDESK_STATES, demoSites, SAMPLE_CONFIG_PATH } from '../sites/demo';
import { URLS, ZENDESK_MAPPED_ORIGIN } from '../sites/index';

let session: ChromiumSession;

beforeAll(async () => {
  // As after an admin added the custom domain on the options page (see launchChromium).
  session = await launchChromium({ sites: { ...demoSites(Date.now()), apiLog: [], requireSession: true }, selfHosted: [ZENDESK_MAPPED_ORIGIN] });
  const options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'sla-config.sample.json', text: readFileSync(SAMPLE_CONFIG_PATH, 'utf8') }]);
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

describe('Zendesk on a host-mapped domain, in Chromium', () => {
  it('recognises the agent pages by their markup and badges every ticket from that domain’s own API', async () => {
    const page = await session.open(URLS.zendeskMappedView);
    const count = Object.keys(DEMO_ZENDESK_STATES).length;
    const badges = await badgesWhenSettled(page, count);
    expect(Object.fromEntries(badges.map((b) => [b.key, b.state]))).toEqual(DEMO_ZENDESK_STATES);
    expect(badges.filter((b) => b.text.includes('~'))).toEqual([]);
    const host = new URL(ZENDESK_MAPPED_ORIGIN).hostname;
    const paths = session.sites.apiLog!.filter((r) => r.url.hostname === host).map((r) => r.url.pathname);
    expect(paths).toContain('/api/v2/tickets/show_many.json');
    await page.close();
  });
});
