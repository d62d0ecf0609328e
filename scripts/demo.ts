/**
 * `npm start`: SLA Lens working in one command, without a Jira or Zendesk account. Builds the
 * extension, serves a demo Jira queue and board and a Zendesk view with sample tickets generated
 * relative to now, loads the sample SLA config through the options page, and opens Chromium with
 * the extension.
 * With a display it opens a window and runs until you close it; headless (no DISPLAY, or
 * `--headless`) it writes screenshots of each page and the popup, prints their paths, and exits.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CHROME_RELEASE_BUILD, launchChromium } from '../testing/browser/chromium';
import { URLS } from '../testing/sites/index';
import { importConfig } from '../testing/browser/options';
import { demoSites, SAMPLE_CONFIG_PATH } from '../testing/sites/demo';

const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const outDir = path.resolve(process.env.DEMO_OUT ?? 'demo-screenshots');

execFileSync('node', ['scripts/ensure-browsers.mjs'], { stdio: 'inherit' });
console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });

const now = Date.now();
const session = await launchChromium({ headless, sites: demoSites(now), buildDir: CHROME_RELEASE_BUILD });
console.log(`Chromium is running SLA Lens (extension id ${session.extensionId}).`);

// Load the sample SLA configuration the way an admin would: through the options page.
const options = await session.openExtensionPage('options.html');
const version = await importConfig(options, [{ name: 'sla-config.sample.json', text: readFileSync(SAMPLE_CONFIG_PATH, 'utf8') }], 'Demo: sample configuration');
console.log(`Loaded the sample SLA configuration (public/sla-config.sample.json) as version ${version}.`);
if (headless) {
  await mkdir(outDir, { recursive: true });
  await options.screenshot({ path: path.join(outDir, 'options.png'), fullPage: true });
}

const pages = [
  { name: 'jira-queue', title: 'Jira Service Management queue', url: URLS.jiraQueue },
  { name: 'jira-board', title: 'Jira board', url: URLS.jiraBoard },
  { name: 'zendesk-view', title: 'Zendesk view', url: URLS.zendeskView },
  { name: 'zendesk-ticket', title: 'Zendesk ticket with tabs', url: URLS.zendeskTicket(4101) },
];

if (headless) {
  const written: string[] = [`Options page: ${path.join(outDir, 'options.png')}`];
  for (const p of pages) {
    const page = await session.open(p.url);
    // Let the content script find the tickets and badge them.
    await page.waitForTimeout(1500);
    const file = path.join(outDir, `${p.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    written.push(`${p.title}: ${file}`);
    await page.close();
  }
  const popup = await session.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.waitForTimeout(500);
  const file = path.join(outDir, 'popup.png');
  await popup.screenshot({ path: file, fullPage: true });
  written.push(`Popup: ${file}`);
  await session.close();
  console.log(`\nNo display, so the demo ran headless. Screenshots:\n  ${written.join('\n  ')}`);
} else {
  const blank = session.context.pages().filter((page) => page.url() === 'about:blank');
  const opened = [];
  for (const p of pages) opened.push(await session.open(p.url));
  await Promise.all(blank.map((page) => page.close()));
  await opened[0]!.bringToFront();
  console.log(`\nDemo pages are open:\n  ${pages.map((p) => `${p.title}: ${p.url}`).join('\n  ')}`);
  console.log('Click the SLA Lens toolbar icon for the team-lead view. Close the browser to stop.');
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
}
