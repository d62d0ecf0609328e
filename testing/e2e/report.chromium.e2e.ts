/**
 * The SLA report in Chromium (issue 17): a watched Jira query fills the store (no page of the site
 * open), and the report's figures for one agreement, rolled up from its service and owing a
 * credit, match what the test works out by hand from the tickets' own times; a breakdown switch,
 * both CSVs (the detail adds up to the summary), the printed form on A4 and Letter, and a fill of
 * the periods from the site bringing in the tickets resolved outside the watched queue.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { SESSION_COOKIE, type FakeSiteData } from '../sites/index';
import { sampleJiraIssues } from '../sites/samples';

const JIRA = 'acme.atlassian.net';
const JQL = 'project = SUP';
const H = 3_600_000;
const CONFIG = JSON.stringify({
  version: 1,
  name: 'Globex contract',
  policies: [
    { id: 'globex-payments', name: 'Globex payments', extends: 'globex', match: { labels: { any: ['payments'] } } },
    {
      id: 'globex',
      name: 'Globex',
      match: { labels: { any: ['globex'] } },
      calendar: '24x7',
      targets: { '*': { resolution: '4h' } },
      objective: '90%',
      credits: [
        { below: '90%', credit: '5%' },
        { below: '40%', credit: '20%' },
      ],
      fee: { amount: 10000, currency: 'EUR' },
    },
    { id: 'std', name: 'Standard', calendar: '24x7', targets: { '*': { resolution: '8h' } } },
  ],
});

const now = Date.now();
/** Each ticket: its age, when it was resolved (hours ago; none: still open), its labels. */
const SPECS: Array<{ n: number; ageH: number; doneH?: number; labels: string[]; priority: 'High' | 'Low' }> = [
  { n: 1, ageH: 10, doneH: 8, labels: ['globex', 'payments'], priority: 'High' }, // 2h: met
  { n: 2, ageH: 16, doneH: 10, labels: ['globex', 'payments'], priority: 'High' }, // 6h: missed at 4h
  { n: 3, ageH: 13, doneH: 12, labels: ['globex'], priority: 'Low' }, // 1h: met
  { n: 4, ageH: 8, doneH: 5, labels: [], priority: 'Low' }, // 3h of 8h: met
  { n: 5, ageH: 10, labels: ['globex'], priority: 'High' }, // open 10h: missed at 4h
  { n: 6, ageH: 1, labels: ['globex'], priority: 'Low' }, // open 1h: not decided
];
/** Resolved in the same project but never in the watched query: only a fill from the site finds them. */
const UNWATCHED: typeof SPECS = [
  { n: 7, ageH: 20, doneH: 17, labels: ['globex'], priority: 'High' }, // 3h of 4h: met
  { n: 8, ageH: 30, doneH: 15, labels: [], priority: 'Low' }, // 15h of 8h: missed at 8h
];
const sites: FakeSiteData = {
  jira: sampleJiraIssues(
    now,
    [...SPECS, ...UNWATCHED].map((s) => ({
      n: s.n,
      summary: `Ticket ${s.n}`,
      priority: s.priority,
      ageH: s.ageH,
      labels: s.labels,
      ...(s.doneH !== undefined ? { changes: [[s.doneH, 'Done']] as Array<[number, string]> } : {}),
    })),
  ),
  zendesk: [],
  requireSession: true,
  apiLog: [],
  jiraScopes: { [JQL]: SPECS.map((s) => `SUP-${s.n}`) },
};

/** By hand, from the times above: which targets are decided, when, and how. */
const TARGET_H: Record<string, number> = { globex: 4, std: 8 };
const decide = (specs: typeof SPECS) =>
  specs.flatMap((s) => {
    const policy = s.labels.includes('payments') ? 'globex-payments' : s.labels.includes('globex') ? 'globex' : 'std';
    const target = TARGET_H[policy === 'std' ? 'std' : 'globex']!;
    const took = s.doneH !== undefined ? s.ageH - s.doneH : Infinity;
    if (took <= target) return [{ ...s, policy, outcome: 'met', at: now - s.doneH! * H }];
    if (s.ageH > target) return [{ ...s, policy, outcome: 'missed', at: now - (s.ageH - target) * H }];
    return [];
  });
const decided = decide(SPECS);
/** The 24x7 calendar keeps UTC: this month and last, as the report cuts them. */
const monthStart = (d: Date, back = 0) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1);
const label = (ms: number) => new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);
const periods = [
  { label: label(monthStart(new Date(now), 1)), start: monthStart(new Date(now), 1), end: monthStart(new Date(now)) },
  { label: `${label(monthStart(new Date(now)))} (to date)`, start: monthStart(new Date(now)), end: Infinity },
];

let session: ChromiumSession;
let report: Page;
const [cookieName, cookieValue] = SESSION_COOKIE.split('=') as [string, string];

beforeAll(async () => {
  session = await launchChromium({ sites, serveBackground: true });
  await session.context.addCookies([{ name: cookieName, value: cookieValue, domain: JIRA, path: '/', secure: true, sameSite: 'Lax' }]);
  const options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'globex.json', text: CONFIG }]);
  const section = options.getByRole('region', { name: 'Watched queues' });
  await section.getByLabel('What to watch').selectOption({ label: 'Jira: a JQL query' });
  await section.getByLabel('Site').fill(JIRA);
  await section.getByLabel('JQL query', { exact: true }).fill(JQL);
  await section.getByRole('button', { name: 'Watch', exact: true }).click();
  await section.getByText(/6 tickets · refreshed/).waitFor({ timeout: 20_000 });
  await options.close();
  report = await session.openExtensionPage('report.html');
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

const rowCells = async (page: Page, period: string, row: RegExp) => {
  const section = page.getByRole('region', { name: period });
  const tr = section.locator('tr', { has: page.getByRole('rowheader', { name: row }) });
  return (await tr.locator('td').allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
};

describe('the SLA report in Chromium', () => {
  it('shows each agreement’s figures as worked out by hand, the service rolled up into its customer, with the credit owed', async () => {
    // The background's opening figures, if it kept some, give way to the page's own read of the store.
    await report.getByText(/reading the latest…$/).waitFor({ state: 'detached' });
    for (const p of periods) {
      const here = decided.filter((d) => d.at >= p.start && d.at < p.end);
      const of = (ids: string[]) => here.filter((d) => ids.includes(d.policy));
      const globex = of(['globex', 'globex-payments']);
      await report.getByRole('region', { name: p.label }).waitFor();
      if (globex.length === 0) continue;
      const met = globex.filter((d) => d.outcome === 'met').length;
      const compliance = (met / globex.length) * 100;
      const credit = compliance < 40 ? '€2,000.00' : compliance < 90 ? '€500.00' : 'None';
      expect(await rowCells(report, p.label, /^Globex$/)).toEqual([
        String(globex.length),
        String(met),
        String(globex.length - met),
        `${+compliance.toFixed(1)}%`,
        compliance >= 90 ? '90%' : '90% — not met',
        credit,
        expect.stringMatching(/^Show/),
      ]);
    }
    // Every decided target, in one period or the other.
    const shown = await report.locator('.report__basis').allInnerTexts();
    expect(shown.map((t) => Number(/^(\d+) target/.exec(t)?.[1] ?? 0)).reduce((a, b) => a + b, 0)).toBe(decided.length);
  });

  it('switches to a breakdown by priority', async () => {
    // As a person does: the pill is the radio's label.
    await report.locator('label.report__breakdown', { hasText: 'Priority' }).click();
    expect(await report.getByRole('radio', { name: 'Priority' }).isChecked()).toBe(true);
    const current = periods[1]!;
    const high = decided.filter((d) => d.priority === 'High' && d.at >= current.start);
    if (high.length > 0)
      expect((await rowCells(report, current.label, /^High/)).slice(0, 3)).toEqual([
        String(high.length),
        String(high.filter((d) => d.outcome === 'met').length),
        String(high.filter((d) => d.outcome === 'missed').length),
      ]);
    await report.locator('label.report__breakdown', { hasText: 'Agreement' }).click();
  });

  it('exports the summary and the detail, and the detail adds up to the summary', async () => {
    const save = async (name: string) => {
      const [download] = await Promise.all([report.waitForEvent('download'), report.getByRole('button', { name }).click()]);
      return { file: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
    };
    const summary = await save('Summary (CSV)');
    const detail = await save('Detail (CSV)');
    expect(summary.file).toMatch(/^sla-summary-\d{4}-\d{2}_\d{4}-\d{2}\.csv$/);
    const rows = (text: string) => {
      expect(text.startsWith('\uFEFF')).toBe(true);
      const [head, ...lines] = text.slice(1).trimEnd().split('\r\n');
      const keys = head!.split(',');
      return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
    };
    const detailRows = rows(detail.text);
    expect(detailRows).toHaveLength(decided.length);
    for (const s of rows(summary.text)) {
      const behind = detailRows.filter((d) => d.period === s.period && d.agreements!.split(' > ').includes(s.value!));
      expect([Number(s.decided), Number(s.met), Number(s.missed)]).toEqual([behind.length, behind.filter((d) => d.outcome === 'met').length, behind.filter((d) => d.outcome === 'missed').length]);
    }
  });

  it('prints the figures and the chart on the first page of A4 and of Letter, the controls left out, the tickets after', async () => {
    // The year's trend is read after the figures: printed once it is drawn.
    await report.getByRole('group', { name: /^Compliance by month/ }).waitFor();
    // The browser's print dialog stands in for nothing here: the Print button's own work is what is checked.
    await report.evaluate('window.print = () => { window.__printed = (window.__printed || 0) + 1; }');
    await report.getByRole('button', { name: 'Print' }).click();
    await report.waitForFunction(() => (window as unknown as { __printed?: number }).__printed === 1);
    await report.emulateMedia({ media: 'print' });
    expect(await report.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await report.getByRole('combobox', { name: 'Agreement' }).isVisible()).toBe(false);
    expect(await report.getByRole('region', { name: 'Fill from the sites' }).isVisible()).toBe(false);
    expect(await report.locator('.report__table').first().isVisible()).toBe(true);
    expect(await report.getByRole('region', { name: 'Targets decided' }).isVisible()).toBe(true);
    // The page's printable area (the stylesheet's @page margins of 16 mm and 14 mm) at 96 px an inch.
    const mm = 96 / 25.4;
    for (const paper of [
      { format: 'A4' as const, width: 210, height: 297 },
      { format: 'Letter' as const, width: 215.9, height: 279.4 },
    ]) {
      const [width, height] = [(paper.width - 28) * mm, (paper.height - 32) * mm];
      await report.setViewportSize({ width: Math.floor(width), height: Math.floor(height) });
      const bottom = async (selector: string) => (await report.locator(selector).last().boundingBox())!.y + (await report.locator(selector).last().boundingBox())!.height;
      // The title (agreement and customer), both periods with their figures, and the chart: all above the first page's end.
      expect(await bottom('.report__trend'), paper.format).toBeLessThanOrEqual(height);
      expect((await report.locator('main').boundingBox())!.width).toBeLessThanOrEqual(width);
      // Printed to PDF as the browser's own print does: the tickets start a page of their own.
      const pdf = (await report.pdf({ format: paper.format })).toString('latin1');
      expect(pdf.startsWith('%PDF-'), paper.format).toBe(true);
      expect((pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length, paper.format).toBeGreaterThanOrEqual(2);
    }
    await report.emulateMedia({ media: 'screen' });
    await report.evaluate("window.dispatchEvent(new Event('afterprint'))");
    if (process.env.SLA_LENS_SCREENSHOTS) {
      await report.setViewportSize({ width: 1100, height: 1000 });
      await report.screenshot({ path: 'docs/report.png', fullPage: true });
    }
  });

  it('fills the periods from the site: the tickets resolved outside the watched query join the figures', async () => {
    await report.setViewportSize({ width: 1100, height: 1000 });
    const fill = report.getByRole('region', { name: 'Fill from the sites' });
    await fill.getByRole('button', { name: 'Fill these periods from the site' }).click();
    const labels = periods.map((p) => p.label.replace(' (to date)', '')).join(' and ');
    // SUP-1 to 4 (watched, resolved) and SUP-7 and 8 (never watched): six resolved in the periods.
    await fill.getByText(`${JIRA}: all 6 tickets resolved in ${labels} read.`).waitFor({ timeout: 30_000 });
    const asked = (sites.apiLog ?? []).filter((r) => r.url.pathname === '/rest/api/3/search/jql' && /resolved >=/.test(r.url.searchParams.get('jql') ?? ''));
    expect(asked.map((r) => [r.method, /^project in \("SUP"\) AND resolved >= "\d{4}-\d{2}-\d{2}" AND resolved < "\d{4}-\d{2}-\d{2}"$/.test(r.url.searchParams.get('jql')!)])).toEqual([['GET', true]]);
    // The page reads the store again once the writes settle: every target, the unwatched ones too.
    const total = decided.length + decide(UNWATCHED).length;
    await report.waitForFunction(
      (n) => [...document.querySelectorAll('section.report__period .report__basis')].map((p) => Number(/^(\d+) target/.exec(p.textContent ?? '')?.[1] ?? 0)).reduce((a, b) => a + b, 0) === n,
      total,
      { timeout: 10_000 },
    );
  });
});
