/**
 * Debian's Chromium with the built extension, driven by playwright-core (no browser download).
 * Requests to the fake sites are fulfilled in-process, so pages load as `https://acme.atlassian.net/…`
 * (HSTS-preloaded: it must be HTTPS) without DNS, certificates or a server; anything else is blocked.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { handle, type FakeSiteData } from '../sites/index';
import { startSiteProxy } from './site-proxy';

export const CHROMIUM_BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
/** The browser suites' build (`wxt build --mode e2e`, testing/e2e/global-setup.ts). */
export const CHROME_BUILD = path.resolve('.output/chrome-mv3-e2e');
/** What `wxt build` makes and users install: the demo and the benchmarks run it. */
export const CHROME_RELEASE_BUILD = path.resolve('.output/chrome-mv3');

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** The site data the fake sites serve; tests may change it between page loads. */
  sites: FakeSiteData;
  /** Uncaught errors thrown in any page, with the page URL. */
  pageErrors: string[];
  serviceWorker(): Promise<Worker>;
  open(url: string): Promise<Page>;
  /** An extension page such as `popup.html` or `options.html`, opened as a tab. */
  openExtensionPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  sites?: FakeSiteData;
  headless?: boolean;
  buildDir?: string;
  /** False: plain Chromium, for measuring pages without SLA Lens. */
  extension?: boolean;
  /**
   * Self-hosted origins (`https://jira.example-corp.test`) the extension runs on from the start, as
   * after an admin added them: automation cannot answer the browser's permission prompt, so a copy
   * of the build is given them in its manifest.
   */
  selfHosted?: string[];
  /** Optional permissions to load as already granted (e.g. `notifications`). */
  grant?: string[];
  /** Host permissions to load as already granted, without running the content script there (a subscribed file's host). */
  grantOrigins?: string[];
  /** A manifest `key`, so the extension has a known id (extension-key.ts): what a policy names it by. */
  key?: string;
  /**
   * The service worker's own requests (watched scopes) reach the fake sites through a local proxy
   * (site-proxy.ts) instead of the harness's interception, which misreports their cookies: the
   * fake site then judges the session by the Cookie header the browser really sent.
   */
  serveBackground?: boolean;
  /**
   * A profile to start with (a directory), kept when the session closes: a browser started again
   * on it finds what the extension kept. Without it, a new profile removed on close.
   */
  profile?: string;
  /**
   * The browser's language (`de`, `he`): Chromium on Linux takes its interface language from
   * `LANGUAGE` (with `--lang` for good measure), and needs Debian's chromium-l10n for it.
   */
  language?: string;
}

/**
 * A copy of the build with optional grants made required, standing in for a user who said yes
 * to the browser's prompt (automation cannot answer it): self-hosted origins, with the content
 * script on them, and optional permissions such as `notifications`.
 */
async function buildWithGrants(buildDir: string, origins: string[], permissions: string[], into: string, extra: { hosts?: string[]; key?: string } = {}): Promise<string> {
  const copy = path.join(into, 'extension');
  await cp(buildDir, copy, { recursive: true });
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { permissions: string[]; host_permissions: string[]; content_scripts: Array<{ matches: string[] }>; key?: string };
  const patterns = origins.map((o) => `${o}/*`);
  manifest.host_permissions.push(...patterns, ...(extra.hosts ?? []).map((o) => `${o}/*`));
  manifest.content_scripts[0]!.matches.push(...patterns);
  manifest.permissions.push(...permissions);
  if (extra.key) manifest.key = extra.key;
  await writeFile(file, JSON.stringify(manifest));
  return copy;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumSession> {
  const profile = options.profile ?? (await mkdtemp(path.join(tmpdir(), 'sla-lens-chromium-')));
  const base = options.buildDir ?? CHROME_BUILD;
  // The copy lives beside the profile (not in it) and goes with it.
  const granted = options.selfHosted?.length || options.grant?.length || options.grantOrigins?.length || options.key;
  const buildDir = granted
    ? await buildWithGrants(base, options.selfHosted ?? [], options.grant ?? [], `${profile}-build`, {
        ...(options.grantOrigins ? { hosts: options.grantOrigins } : {}),
        ...(options.key ? { key: options.key } : {}),
      })
    : base;
  const sites: FakeSiteData = options.sites ?? { jira: [], zendesk: [] };
  const proxy = options.serveBackground ? await startSiteProxy(sites, []) : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_BIN,
    headless: options.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    ...(options.language ? { env: { ...process.env, LANGUAGE: options.language, LANG: 'C.UTF-8' }, locale: options.language } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.language ? [`--lang=${options.language}`] : []),
      ...(proxy ? [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--ignore-certificate-errors'] : []),
      ...(options.extension === false ? [] : [`--disable-extensions-except=${buildDir}`, `--load-extension=${buildDir}`]),
    ],
  });

  await context.route(/^https?:\/\//, async (route) => {
    const request = route.request();
    if (proxy && request.serviceWorker()) return route.continue();
    const response = handle(sites, {
      method: request.method(),
      url: new URL(request.url()),
      body: request.postData(),
      cookie: await request.headerValue('cookie'),
      headers: await request.allHeaders(),
    });
    // A network's round trip, per request and in parallel, as a real site's (benchmarks set it).
    if (sites.latencyMs) await new Promise((resolve) => setTimeout(resolve, sites.latencyMs));
    if (response) await route.fulfill({ status: response.status, contentType: response.contentType, ...(response.headers ? { headers: response.headers } : {}), body: response.body });
    else await route.abort('blockedbyclient');
  });

  const pageErrors: string[] = [];
  const watch = (page: Page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  context.pages().forEach(watch);
  context.on('page', watch);

  const serviceWorker = async (): Promise<Worker> => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = options.extension === false ? '' : new URL((await serviceWorker()).url()).host;

  return {
    context,
    extensionId,
    sites,
    pageErrors,
    serviceWorker,
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      return page;
    },
    async openExtensionPage(file) {
      const page = await context.newPage();
      const url = `chrome-extension://${extensionId}/${file}`;
      try {
        await page.goto(url);
      } catch (error) {
        // On install the extension opens its options page itself (runtime.openOptionsPage), which
        // may take over this very tab as it opens: the page still ends up where it was sent.
        if (!String(error).includes('interrupted by another navigation')) throw error;
        await page.waitForURL(url);
        await page.waitForLoadState('load');
      }
      return page;
    },
    async close() {
      await context.close();
      await proxy?.close();
      if (!options.profile) await rm(profile, { recursive: true, force: true });
      await rm(`${profile}-build`, { recursive: true, force: true });
    },
  };
}
