/**
 * `npm run bench` (third part): the overlay in real Chromium on a Jira navigator, a JSM queue and a
 * Zendesk view of 1,000 rows each, side by side with the same pages in Chromium without SLA Lens,
 * the fake sites answering after a network latency (40 ms, and 300 ms for a slow tenant). Timed
 * from where the agent starts waiting, DOMContentLoaded: the rows in the first viewport badged, all
 * rows badged, the API requests it took; then a tick of 1,000 badges, the page's style and layout
 * while they tick, and rows added by scrolling. Budgets: issues 5, 6 and 14. Every ticket is in its
 * last 10 minutes, so the tab ticks every second (the worst case).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_RELEASE_BUILD, launchChromium, type ChromiumSession } from '../testing/browser/chromium';
import { importConfig } from '../testing/browser/options';
import { POLICY_SITES_KEY } from '../lib/storage-keys';
import { URLS } from '../testing/sites/index';
import { sampleJiraIssues, sampleZendeskTickets } from '../testing/sites/samples';

const ROWS = 1000;
const RUNS = 3;
/** The fake sites' round trip: a fast tenant, and a slow one. */
const LATENCIES = [40, 300];
const TICK_WINDOW_MS = 10_000;

const config = {
  version: 1,
  name: 'Overlay benchmark',
  policies: [
    { id: 'sup', match: { source: 'jira', project: 'SUP' }, calendar: '24x7', targets: { '*': { firstResponse: '1h', resolution: '1h' } } },
    { id: 'zd', match: { source: 'zendesk' }, calendar: '24x7', targets: { '*': { firstResponse: '1h', resolution: '1h' } } },
  ],
};

interface Scenario {
  name: string;
  url: string;
  /** The rows a virtualised list would add on scroll. */
  rowSelector: string;
}

const SCENARIOS: Scenario[] = [
  { name: 'Jira issue navigator', url: URLS.jiraNavigator, rowSelector: 'tr[data-testid$="native-issue-table.ui.issue-row"]' },
  { name: 'Jira Service Management queue', url: URLS.jiraQueue, rowSelector: '[data-testid="virtual-table.table.main"] .virtual-table-row' },
  { name: 'Zendesk view', url: URLS.zendeskView, rowSelector: 'tr[data-test-id="generic-table-row"]' },
];

/** When the fake site answered its last API request, as an epoch instant, and how many it answered. */
let lastAnswerAt = 0;
let apiRequests = 0;

function sites(now: number) {
  // 52–58 minutes into a one-hour target: at risk, in the one-second window. The seconds are
  // spread so that, as on a real page, about a sixtieth of the badges change every second.
  const ageH = (i: number) => (52 + (i % 7)) / 60 + (i % 60) / 3600;
  const specs = Array.from({ length: ROWS }, (_, i) => ({ n: 1000 + i, summary: `Benchmark ticket ${i}`, priority: 'High' as const, ageH: ageH(i) }));
  const zendesk = Array.from({ length: ROWS }, (_, i) => ({ id: 5000 + i, subject: `Benchmark ticket ${i}`, priority: 'high' as const, ageH: ageH(i), status: 'open' as const, firstReplyH: null }));
  return {
    jira: sampleJiraIssues(now, specs),
    zendesk: sampleZendeskTickets(now, zendesk),
    jiraNavigator: { mounted: [0, ROWS] as [number, number] },
    // Answers are timed as the fake sites serve them: searches on Jira, every API read on Zendesk
    // (its tickets are passed on as their audits land).
    onApi: () => {
      lastAnswerAt = Date.now();
      apiRequests++;
    },
  };
}

/**
 * Runs in the page before its scripts: when the rows in the first viewport, and then all rows,
 * had badges, on the page's clock, and how many badge texts changed. (The content script's
 * requests are not in the page's resource timings, so answers are timed where the fake site
 * serves them.) Sent as text: the bundler would wrap named functions with a helper the page lacks.
 */
const INSTRUMENT = (rows: number, rowSelector: string) => `(() => {
  const w = window;
  w.__bench = { allBadgedAt: null, viewportBadgedAt: null, viewportRows: 0, redrawn: 0, firstFrameAt: null };
  // The page's own first frame after DOMContentLoaded, its rows laid out and drawn: the second
  // animation frame's callback runs once the first has been produced.
  document.addEventListener('DOMContentLoaded', () => requestAnimationFrame(() => requestAnimationFrame(() => { w.__bench.firstFrameAt = performance.now(); })));
  let seen = 0;
  // The rows in the first viewport, taken once the page has rendered some: what the agent looks at.
  let inView = null;
  const viewportDone = () => {
    if (w.__bench.viewportBadgedAt !== null) return;
    if (!inView) {
      const rendered = [...document.querySelectorAll(${JSON.stringify(rowSelector)})];
      if (rendered.length === 0) return;
      inView = rendered.filter((r) => {
        const rect = r.getBoundingClientRect();
        return rect.bottom > 0 && rect.top < innerHeight;
      });
      w.__bench.viewportRows = inView.length;
    }
    if (inView.every((r) => r.querySelector('[data-sla-badge]'))) w.__bench.viewportBadgedAt = performance.now();
  };
  new MutationObserver((mutations) => {
    let added = false;
    for (const m of mutations) {
      // A countdown edits its badge's text node in place: one characterData mutation per redraw.
      if (m.type === 'characterData') w.__bench.redrawn++;
      // A badge goes in as a new element, or a placeholder becomes one in place.
      if (m.type === 'attributes' && m.oldValue === null && m.target.hasAttribute('data-sla-badge')) {
        seen++;
        added = true;
      }
      for (const n of m.addedNodes)
        if (n instanceof Element && n.hasAttribute('data-sla-badge')) {
          seen++;
          added = true;
        }
    }
    if (added) viewportDone();
    if (seen >= ${rows} && w.__bench.allBadgedAt === null) w.__bench.allBadgedAt = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-sla-badge'], attributeOldValue: true });
})();`;

interface PerSecond {
  task: number;
  script: number;
  layout: number;
  style: number;
  /** Badge texts changed per second. */
  redrawn: number;
  /** Time in the content script's code and the DOM calls it makes, from a CPU profile of the same window. */
  overlay: number;
}

/** Main-thread time per second over a window, from the DevTools protocol's own counters, by kind. */
async function perSecond(page: Page): Promise<PerSecond> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const redrawn = () => page.evaluate(() => (window as unknown as { __bench?: { redrawn: number } }).__bench?.redrawn ?? 0);
  const redrawnBefore = await redrawn();
  const before = await read();
  await cdp.send('Profiler.start');
  await page.waitForTimeout(TICK_WINDOW_MS);
  const { profile } = await cdp.send('Profiler.stop');
  const after = await read();
  const redrawnAfter = await redrawn();
  await cdp.detach();
  const rate = (name: string) => ((after[name]! - before[name]!) * 1000) / (TICK_WINDOW_MS / 1000);
  // Our code and everything it calls (DOM writes included): every node under a content-script frame.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Set<number>();
  for (const n of profile.nodes) {
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)!.callFrame.url.includes('/content-scripts/content.js')) {
        ours.add(n.id);
        break;
      }
    }
  }
  let overlayUs = 0;
  const self = new Map<string, number>();
  profile.samples?.forEach((id, i) => {
    if (!ours.has(id)) return;
    const dt = profile.timeDeltas?.[i] ?? 0;
    overlayUs += dt;
    const f = byId.get(id)!.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + dt);
  });
  if (process.env.BENCH_PROFILE) {
    const top = [...self].sort((x, y) => y[1] - x[1]).slice(0, 15);
    console.error(top.map(([n, us]) => `${(us / 1000 / (TICK_WINDOW_MS / 1000)).toFixed(2)} ms/s  ${n}`).join('\n'));
  }
  return {
    task: rate('TaskDuration'),
    script: rate('ScriptDuration'),
    layout: rate('LayoutDuration'),
    style: rate('RecalcStyleDuration'),
    redrawn: (redrawnAfter - redrawnBefore) / (TICK_WINDOW_MS / 1000),
    overlay: overlayUs / 1000 / (TICK_WINDOW_MS / 1000),
  };
}

/**
 * Appends 30 rows (as a virtualised list does on scroll) and counts the frames until all have
 * badges. Sent as text: the bundler would wrap a named function with a helper the page lacks.
 */
const SCROLL_IN = (rowSelector: string) => `new Promise((resolve) => {
  // Checked in frames requested after the overlay's (its MutationObserver runs first, as a
  // microtask), so frame 1 is the first frame after the rows went in.
  const rows = [...document.querySelectorAll(${JSON.stringify(rowSelector)})].slice(0, 30);
  const tbody = rows[0].parentElement;
  const t0 = performance.now();
  const clones = rows.map((r) => {
    const c = r.cloneNode(true);
    c.querySelectorAll('[data-sla-badge]').forEach((b) => b.remove());
    tbody.append(c);
    return c;
  });
  let frames = 0;
  const check = () => {
    frames++;
    if (clones.every((c) => c.querySelector('[data-sla-badge]')) || frames > 120) return resolve({ frames, ms: performance.now() - t0 });
    requestAnimationFrame(check);
  };
  Promise.resolve().then(() => requestAnimationFrame(check));
})`;

async function scrollIn(page: Page, rowSelector: string): Promise<{ frames: number; ms: number }> {
  return page.evaluate(SCROLL_IN(rowSelector)) as Promise<{ frames: number; ms: number }>;
}

/** One page load at the fake sites' current latency: from DOMContentLoaded, when its rows were badged, and the requests it took. */
async function load(session: ChromiumSession, withExtension: boolean, scenario: Scenario) {
  const page = await session.context.newPage();
  await page.addInitScript(INSTRUMENT(ROWS, scenario.rowSelector));
  apiRequests = 0;
  await page.goto(scenario.url);
  const timing = () => page.evaluate(() => performance.getEntriesByType('navigation')[0]!.toJSON() as { domContentLoadedEventStart: number; loadEventEnd: number });
  let badged: { viewport: number; all: number; viewportRows: number; afterAnswer: number; requests: number } | null = null;
  await page.waitForFunction(() => (window as unknown as { __bench: { firstFrameAt: number | null } }).__bench.firstFrameAt !== null, null, { timeout: 60_000 });
  if (withExtension) {
    await page.waitForFunction(() => (window as unknown as { __bench: { allBadgedAt: number | null } }).__bench.allBadgedAt !== null, null, { timeout: 60_000 });
    const bench = await page.evaluate(() => ({
      ...(window as unknown as { __bench: { allBadgedAt: number; viewportBadgedAt: number; viewportRows: number } }).__bench,
      origin: performance.timeOrigin,
    }));
    // Requests still coming (a page's last audits) are counted once it is badged and quiet.
    await page.waitForTimeout(500);
    const { domContentLoadedEventStart: dcl } = await timing();
    badged = {
      viewport: bench.viewportBadgedAt - dcl,
      all: bench.allBadgedAt - dcl,
      viewportRows: bench.viewportRows,
      afterAnswer: bench.origin + bench.allBadgedAt - lastAnswerAt,
      requests: apiRequests,
    };
  }
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd, null, { timeout: 60_000 });
  const { domContentLoadedEventStart, loadEventEnd } = await timing();
  const firstFrame = (await page.evaluate(() => (window as unknown as { __bench: { firstFrameAt: number } }).__bench.firstFrameAt)) - domContentLoadedEventStart;
  return { page, badged, dcl: domContentLoadedEventStart, loaded: loadEventEnd, firstFrame };
}

async function measure(session: ChromiumSession, withExtension: boolean, scenario: Scenario, latencyMs: number, ticking: boolean) {
  console.error(`  ${scenario.name}, ${latencyMs} ms latency, ${withExtension ? 'with' : 'without'} SLA Lens${ticking ? ', then ticking' : ''}…`);
  session.sites.latencyMs = latencyMs;
  const { page, badged, dcl, loaded, firstFrame } = await load(session, withExtension, scenario);
  session.sites.latencyMs = 0;
  // The page's status ("can SLA Lens read it?") is judged once its rows have settled.
  const judged =
    withExtension && ticking
      ? await page
          .waitForFunction(() => performance.getEntriesByName('sla-lens:page-judged').length > 0, null, { timeout: 30_000 })
          .then(() => page.evaluate(() => performance.getEntriesByName('sla-lens:page-judged')[0]!.toJSON() as { startTime: number; duration: number }))
      : null;
  const tick = ticking ? await perSecond(page) : null;
  const scroll = withExtension && ticking ? await scrollIn(page, scenario.rowSelector) : null;
  await page.close();
  return { badged, dcl, loaded, firstFrame, ticking: tick, scroll, judged };
}

/**
 * Waits for the extension's first reading of the browser's policy (kept in storage once read):
 * Chromium gives it seconds after the browser starts, and until then nothing is badged.
 */
async function policyRead(session: ChromiumSession): Promise<void> {
  const worker = await session.serviceWorker();
  const kept = `chrome.storage.local.get(${JSON.stringify(POLICY_SITES_KEY)}).then((items) => items[${JSON.stringify(POLICY_SITES_KEY)}] !== undefined)`;
  for (let waited = 0; !(await worker.evaluate(kept)); waited += 250) {
    if (waited > 60_000) throw new Error('The extension never read the browser’s policy');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
const now = Date.now();
const withIt = await launchChromium({ sites: sites(now), buildDir: CHROME_RELEASE_BUILD });
const options = await withIt.openExtensionPage('options.html');
await importConfig(options, JSON.stringify(config));
await options.close();
// The first page after a browser start is measured on its own, below.
await policyRead(withIt);
const without = await launchChromium({ sites: sites(now), extension: false });

const failures: string[] = [];
const ms = (x: number) => `${x.toFixed(0)} ms`;
for (const scenario of SCENARIOS.filter((s) => !process.env.BENCH_ONLY || s.name.includes(process.env.BENCH_ONLY))) {
  const at = new Map<number, { a: Awaited<ReturnType<typeof measure>>[]; b: Awaited<ReturnType<typeof measure>>[] }>();
  for (const latency of LATENCIES) {
    const runs = { a: [] as Awaited<ReturnType<typeof measure>>[], b: [] as Awaited<ReturnType<typeof measure>>[] };
    for (let run = 0; run < RUNS; run++) {
      // Ticking is measured once, at the first latency: it does not depend on the network.
      const ticking = latency === LATENCIES[0];
      runs.a.push(await measure(withIt, true, scenario, latency, ticking));
      runs.b.push(await measure(without, false, scenario, latency, ticking));
    }
    at.set(latency, runs);
  }
  const fast = at.get(LATENCIES[0]!)!;
  const m = (runs: Awaited<ReturnType<typeof measure>>[], pick: (r: Awaited<ReturnType<typeof measure>>) => number) => median(runs.map(pick));
  const viewport = (l: typeof fast) => m(l.a, (r) => r.badged!.viewport);
  const all = (l: typeof fast) => m(l.a, (r) => r.badged!.all);
  const requests = m(fast.a, (r) => r.badged!.requests);
  const answerToBadged = m(fast.a, (r) => r.badged!.afterAnswer);
  const kind = (runs: typeof fast.a, k: keyof PerSecond) => median(runs.map((r) => r.ticking![k]));
  const layoutPerSecond = kind(fast.a, 'style') + kind(fast.a, 'layout');
  // Every badge is in its last ten minutes, so the tab ticks every second: per second is per tick.
  const tickCost = kind(fast.a, 'overlay');
  const frames = m(fast.a, (r) => r.scroll!.frames);
  const scrollMs = m(fast.a, (r) => r.scroll!.ms);
  const viewportBudget = (latency: number) => latency + 150;

  console.log(`\nOverlay in Chromium: ${scenario.name} with ${ROWS} rows, every ticket in its last 10 minutes (ticking every second); medians of ${RUNS} runs`);
  console.log('');
  console.log('| measure | with SLA Lens | without | budget |');
  console.log('|---|---:|---:|---:|');
  for (const latency of LATENCIES) {
    const l = at.get(latency)!;
    console.log(`| ${latency} ms latency: DOMContentLoaded (from navigation start) | ${ms(m(l.a, (r) => r.dcl))} | ${ms(m(l.b, (r) => r.dcl))} | |`);
    console.log(`| ${latency} ms latency: page loaded (loadEventEnd) | ${ms(m(l.a, (r) => r.loaded))} | ${ms(m(l.b, (r) => r.loaded))} | |`);
    console.log(`| ${latency} ms latency: DOMContentLoaded → the page's first frame after it (its rows laid out) | ${ms(m(l.a, (r) => r.firstFrame))} | ${ms(m(l.b, (r) => r.firstFrame))} | |`);
    console.log(
      `| ${latency} ms latency: DOMContentLoaded → the ${m(l.a, (r) => r.badged!.viewportRows)} rows in the first viewport badged | **${ms(viewport(l))}** | — | ≤ ${ms(viewportBudget(latency))} |`,
    );
    console.log(`| ${latency} ms latency: DOMContentLoaded → all ${ROWS} rows badged | **${ms(all(l))}** | — | ≤ ${latency === LATENCIES[0] ? '1,000' : '2,500'} ms |`);
  }
  console.log(`| API requests for ${ROWS} rows | **${requests}** | — | ${scenario.name.startsWith('Zendesk') ? '' : '≤ 12'} |`);
  console.log(`| last API answer → all ${ROWS} rows badged (secondary) | ${ms(answerToBadged)} | — | 100 ms |`);
  console.log(`| while ticking, per second: badges whose text changed | ${kind(fast.a, 'redrawn').toFixed(0)} | — | |`);
  console.log(`| while ticking, per second: all script (the page's and ours, with GC) | ${kind(fast.a, 'script').toFixed(1)} ms | ${kind(fast.b, 'script').toFixed(1)} ms | |`);
  console.log(`| while ticking, per second: style + layout | **${layoutPerSecond.toFixed(1)} ms** | ${(kind(fast.b, 'style') + kind(fast.b, 'layout')).toFixed(1)} ms | ≤ 5 ms |`);
  console.log(`| while ticking, per second: all main-thread tasks | ${kind(fast.a, 'task').toFixed(1)} ms | ${kind(fast.b, 'task').toFixed(1)} ms | |`);
  console.log(`| one tick of ${ROWS} badges: the overlay's code and its DOM calls (CPU profile) | **${tickCost.toFixed(1)} ms** | — | 5 ms |`);
  console.log(`| 30 rows added by scrolling → badged | **${frames} frame(s)**, ${scrollMs.toFixed(0)} ms | — | next frame |`);
  console.log(`| navigation start → the page's status known (rows settled, then judged) | ${ms(m(fast.a, (r) => r.judged!.startTime + r.judged!.duration))} | — | |`);
  console.log(`| judging the page: counting the tickets it shows and comparing (once) | ${m(fast.a, (r) => r.judged!.duration).toFixed(1)} ms | — | |`);

  for (const latency of LATENCIES) {
    const l = at.get(latency)!;
    if (viewport(l) > viewportBudget(latency))
      failures.push(`${scenario.name}: first viewport badged ${ms(viewport(l))} after DOMContentLoaded at ${latency} ms latency, over ${ms(viewportBudget(latency))}`);
    const budget = latency === LATENCIES[0] ? 1000 : 2500;
    if (all(l) > budget) failures.push(`${scenario.name}: all rows badged ${ms(all(l))} after DOMContentLoaded at ${latency} ms latency, over ${budget} ms`);
  }
  if (!scenario.name.startsWith('Zendesk') && requests > 12) failures.push(`${scenario.name}: ${requests} API requests for ${ROWS} rows, over 12`);
  if (answerToBadged > 100) failures.push(`${scenario.name}: rows badged ${ms(answerToBadged)} after the last API answer, over 100 ms`);
  if (layoutPerSecond > 5) failures.push(`${scenario.name}: style + layout ${layoutPerSecond.toFixed(1)} ms a second while ticking, over 5 ms`);
  if (tickCost > 5) failures.push(`${scenario.name}: a tick costs ${tickCost.toFixed(1)} ms, over 5 ms`);
  if (frames > 1) failures.push(`${scenario.name}: scrolled-in rows took ${frames} frames to be badged`);
}
await withIt.close();
await without.close();

/**
 * The first ticket page after the browser starts again, the way an agent's day begins: Chromium
 * answers an extension's first read of its policy (`storage.managed`) only once its policy service
 * has loaded, seconds after start, and SLA Lens evaluates nothing before it knows the policy's
 * sites (lib/managed/policy-sites.ts keeps the last reading's to start with).
 */
if (!process.env.BENCH_ONLY || 'restart'.includes(process.env.BENCH_ONLY)) {
  const scenario = SCENARIOS.find((s) => s.name.startsWith('Zendesk'))!;
  const profile = await mkdtemp(path.join(tmpdir(), 'sla-lens-bench-restart-'));
  try {
    const installed = await launchChromium({ sites: sites(now), buildDir: CHROME_RELEASE_BUILD, profile });
    const page = await installed.openExtensionPage('options.html');
    await importConfig(page, JSON.stringify(config));
    // The policy's first reading lands some seconds after the browser starts; from then it is kept.
    await policyRead(installed);
    await installed.close();
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      console.error(`  ${scenario.name}, the first page after the browser starts again…`);
      const session = await launchChromium({ sites: sites(now), buildDir: CHROME_RELEASE_BUILD, profile });
      session.sites.latencyMs = LATENCIES[0]!;
      const loaded = await load(session, true, scenario);
      runs.push(loaded.badged!);
      await loaded.page.close();
      await session.close();
    }
    console.log(`\nOverlay in Chromium: ${scenario.name} with ${ROWS} rows, the first page after the browser starts again (${LATENCIES[0]} ms latency); medians of ${RUNS} runs`);
    console.log('');
    console.log('| measure | with SLA Lens | budget |');
    console.log('|---|---:|---:|');
    console.log(`| DOMContentLoaded → the rows in the first viewport badged | **${ms(median(runs.map((r) => r.viewport)))}** | |`);
    console.log(`| DOMContentLoaded → all ${ROWS} rows badged | **${ms(median(runs.map((r) => r.all)))}** | ≤ 1,000 ms |`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

if (failures.length > 0) {
  console.error(`\nBELOW BUDGET:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nOverlay budgets met.');
