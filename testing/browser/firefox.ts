/**
 * Debian's Firefox ESR with the built extension installed as a temporary add-on, driven by
 * puppeteer-core over WebDriver BiDi (no geckodriver, no browser download). See
 * /work/shared/reference/firefox-e2e.md for the recipe this follows.
 *
 * Requests to the fake sites are fulfilled in-process by BiDi request interception, with the same
 * `handle()` the Chromium harness uses, so pages load as `https://acme.atlassian.net/…` without DNS,
 * certificates or a server. Anything else is aborted, and as a second line of defence every
 * request that escapes interception (from a page we never saw, or from the extension's own
 * background page) is sent to a proxy that does not exist: the suite never reaches the network.
 *
 * Relies on two puppeteer-core internals, verified on the pinned 24.43.0 (package.json pins it
 * exactly; check them again before bumping):
 *   - `browser.connection.send(method, params)`: the raw BiDi connection, used for
 *     `browsingContext.navigate` to moz-extension:// pages (`page.goto()` never resolves there,
 *     because Firefox emits no BiDi navigation events for extension-process documents);
 *   - `frame._id`: the BiDi browsing-context id of a page's main frame.
 */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { handle, type FakeSiteData } from '../sites/index';
import { startSiteProxy } from './site-proxy';

export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
/** The browser suites' build (`wxt build -b firefox --mode e2e`, testing/e2e/global-setup.ts). */
export const FIREFOX_BUILD = path.resolve('.output/firefox-mv3-e2e');
/** What `wxt build -b firefox` (and `wxt zip -b firefox`) makes: what AMO receives. */
export const FIREFOX_RELEASE_BUILD = path.resolve('.output/firefox-mv3');
/** `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'sla-lens@sla-lens.dev';
/** Pinned through `extensions.webextensions.uuids`, so pages live at moz-extension://<this>/. */
export const EXTENSION_UUID = '5e1a0c3d-7b2f-4c8e-9d61-2f4a8b9c0e17';

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id Firefox installed the extension under (the gecko id). */
  extensionId: string;
  /** The extension's internal UUID: the host of its moz-extension:// URLs. */
  extensionUuid: string;
  /** The site data the fake sites serve; tests may change it between page loads. */
  sites: FakeSiteData;
  /** Uncaught errors thrown in any page, with the page URL. */
  pageErrors: string[];
  /** Requests the fake sites did not serve (all aborted): unknown hosts, or a fake site that threw. */
  blockedRequests: string[];
  open(url: string): Promise<Page>;
  /** An extension page such as `popup.html` or `options.html`, opened as a tab. */
  openExtensionPage(file: string): Promise<Page>;
  /** Installs the build again: Firefox treats it as an update of the temporary add-on. */
  reinstall(): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  sites?: FakeSiteData;
  /**
   * Serve the fake sites to requests no tab makes (the background page's) through a local proxy
   * (site-proxy.ts), with insecure certificates accepted; otherwise those go to a dead proxy.
   */
  serveBackground?: boolean;
  headless?: boolean;
  buildDir?: string;
  /** More preferences for the profile, such as the interface language (`intl.locale.requested`). */
  prefs?: Record<string, string | number | boolean>;
}

/** The puppeteer-core internals this harness uses (see the header comment). */
interface BidiInternals {
  connection: { send(method: string, params: object): Promise<unknown> };
}
interface FrameInternals {
  _id: string;
}

function bidiConnection(browser: Browser): BidiInternals['connection'] {
  const connection = (browser as unknown as Partial<BidiInternals>).connection;
  if (typeof connection?.send !== 'function') {
    throw new Error('puppeteer-core internals changed: Browser#connection.send is gone (pinned to 24.43.0)');
  }
  return connection;
}

function contextId(page: Page): string {
  const id = (page.mainFrame() as unknown as Partial<FrameInternals>)._id;
  if (typeof id !== 'string') throw new Error('puppeteer-core internals changed: Frame#_id is gone (pinned to 24.43.0)');
  return id;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  const buildDir = path.resolve(options.buildDir ?? FIREFOX_BUILD);
  const profile = await mkdtemp(path.join(tmpdir(), 'sla-lens-firefox-'));
  let browser: Browser | undefined;
  const sites: FakeSiteData = options.sites ?? { jira: [], zendesk: [] };
  const blockedRequests: string[] = [];
  const proxy = options.serveBackground ? await startSiteProxy(sites, blockedRequests) : null;
  // Always: stop Firefox (killing it if it will not close), wait for it to exit, delete the profile.
  const cleanUp = async () => {
    const firefox = browser?.process();
    try {
      await browser?.close();
    } catch {
      firefox?.kill('SIGKILL');
    }
    if (firefox && firefox.exitCode === null && firefox.signalCode === null) {
      const exited = once(firefox, 'exit');
      const timer = new AbortController();
      const lateExit = await Promise.race([exited.then(() => false), delay(5000, true, { signal: timer.signal })]);
      timer.abort();
      if (lateExit) {
        firefox.kill('SIGKILL');
        await exited;
      }
    }
    await proxy?.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_BIN,
      headless: options.headless ?? true,
      userDataDir: profile,
      defaultViewport: { width: 1280, height: 800 },
      // Lets a tab navigate to moz-extension:// pages.
      args: ['-remote-allow-system-access'],
      // The proxy's certificate is made for the tests: accepted only when the proxy serves.
      ...(proxy ? { acceptInsecureCerts: true } : {}),
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        // Never the network: whatever interception does not fulfil goes to the fake sites' proxy, or a dead one.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy?.port ?? 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy?.port ?? 9,
        // An optional permission asked for at a click is granted as the user would: no doorhanger to answer.
        'extensions.webextOptionalPermissionPrompts': false,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        'network.dns.disablePrefetch': true,
        'network.prefetch-next': false,
        ...options.prefs,
      },
    });
    const b = browser;

    const pageErrors: string[] = [];

    const onRequest = async (request: HTTPRequest) => {
      const url = new URL(request.url());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return void request.continue().catch(() => undefined);
      // BiDi has no synchronous postData(); fetchPostData() reads it through network.getData.
      const body = request.hasPostData() ? await request.fetchPostData().catch(() => undefined) : undefined;
      const response = handle(sites, { method: request.method(), url, body: body ?? null, cookie: request.headers()['cookie'] ?? null, headers: request.headers() });
      if (response) {
        void request.respond({ status: response.status, contentType: response.contentType, ...(response.headers ? { headers: response.headers } : {}), body: response.body }).catch(() => undefined);
      } else {
        blockedRequests.push(url.href);
        void request.abort('blockedbyclient').catch(() => undefined);
      }
    };

    // Every page gets the interceptor and the error watch, once.
    const prepared = new WeakMap<Page, Promise<void>>();
    const prepare = (page: Page): Promise<void> => {
      let ready = prepared.get(page);
      if (!ready) {
        // page.url() is about:blank for extension pages (a BiDi limitation): still, the message says which.
        page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error instanceof Error ? error.message : String(error)}`));
        page.on('request', (request) => {
          // A throwing fake site must fail the test (the last smoke test checks this list), not the process.
          onRequest(request).catch((error: unknown) => {
            blockedRequests.push(`${request.url()} (fake site failed: ${error instanceof Error ? error.message : String(error)})`);
            void request.abort('failed').catch(() => undefined);
          });
        });
        ready = page.setRequestInterception(true);
        prepared.set(page, ready);
      }
      return ready;
    };
    b.on('targetcreated', (target) => {
      void target
        .page()
        .then((page) => page && prepare(page))
        .catch(() => undefined);
    });
    await Promise.all((await b.pages()).map(prepare));

    const install = () => b.installExtension(buildDir);
    const extensionId = await install();
    // Firefox quits when its last tab closes, and an update closes the extension's own tabs (the
    // first-run options tab may be the only one): keep an ordinary tab open for the whole session.
    await prepare(await b.newPage());

    return {
      browser: b,
      extensionId,
      extensionUuid: EXTENSION_UUID,
      sites,
      pageErrors,
      blockedRequests,
      async open(url) {
        const page = await b.newPage();
        await prepare(page);
        await page.goto(url);
        return page;
      },
      async openExtensionPage(file) {
        const page = await b.newPage();
        await prepare(page);
        const url = `moz-extension://${EXTENSION_UUID}/${file}`;
        await bidiConnection(b).send('browsingContext.navigate', { context: contextId(page), url, wait: 'none' });
        // page.url() stays about:blank for extension documents: ask the document itself.
        await page.waitForFunction((expected: string) => location.href === expected && document.readyState === 'complete', { timeout: 10_000 }, url);
        return page;
      },
      reinstall: install,
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
