/**
 * Watched queues in Chromium (issue 16): a Jira JQL scope and a Zendesk view are added on the
 * options page, no page of either site is ever opened, and the background's own reads (with the
 * session cookie the browser holds, judged by the fake sites on the header the browser really
 * sent: the harness routes the service worker's requests through a proxy) fill the popup with
 * exact figures, raise one alert per ticket about to breach, and say when a site signed out.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from '../browser/chromium';
import { screenshotFailures } from '../browser/failures';
import { importConfig } from '../browser/options';
import { DEMO_JIRA_STATES, DEMO_URGENT, DEMO_ZENDESK_STATES, SAMPLE_CONFIG_PATH, WATCH_JQL, WATCH_VIEW, watchedDemoSites } from '../sites/demo';
import { SESSION_COOKIE, type FakeSiteData } from '../sites/index';

const sample = readFileSync(SAMPLE_CONFIG_PATH, 'utf8');
const JIRA = 'acme.atlassian.net';
const ZENDESK = 'acme.zendesk.com';
const JQL = WATCH_JQL;
const VIEW = WATCH_VIEW;

const all = [...Object.entries(DEMO_JIRA_STATES), ...Object.entries(DEMO_ZENDESK_STATES)];
const keysIn = (state: string) => all.filter(([, s]) => s === state).map(([k]) => k);
const URGENT = DEMO_URGENT;

let session: ChromiumSession;
let options: Page;
const sites: FakeSiteData = watchedDemoSites(Date.now());
const [cookieName, cookieValue] = SESSION_COOKIE.split('=') as [string, string];
const signedIn = (domain: string) => ({ name: cookieName, value: cookieValue, domain, path: '/', secure: true, sameSite: 'Lax' as const });

beforeAll(async () => {
  session = await launchChromium({ sites, serveBackground: true, grant: ['notifications'] });
  // Signed in to both sites earlier, as a lead is: the cookies are there, no page of theirs is open.
  await session.context.addCookies([signedIn(JIRA), signedIn(ZENDESK)]);
  options = await session.openExtensionPage('options.html');
  await importConfig(options, [{ name: 'sla-config.sample.json', text: sample }]);
});
afterAll(async () => {
  await session?.close();
});
screenshotFailures('chromium', () => session?.context);

async function watch(kind: string, site: string, fill: Record<string, string>): Promise<void> {
  const section = options.getByRole('region', { name: 'Watched queues' });
  await section.getByLabel('What to watch').selectOption({ label: kind });
  await section.getByLabel('Site').fill(site);
  for (const [label, value] of Object.entries(fill)) await section.getByLabel(label, { exact: true }).fill(value);
  await section.getByRole('button', { name: 'Watch', exact: true }).click();
  await section.getByText(/^Watching /).waitFor();
}

const rowKeys = (popup: Page) => popup.$$eval('[role="option"] .urgent-row__key', (els) => els.map((e) => e.textContent));

describe('watched queues in Chromium', () => {
  it('a Jira query and a Zendesk view, with no page of either open, fill the popup with exact figures', async () => {
    await watch('Jira: a JQL query', JIRA, { 'JQL query': JQL, 'Name (optional)': 'Support queue' });
    await watch('Zendesk: a view', ZENDESK, { 'View id': VIEW });
    const section = options.getByRole('region', { name: 'Watched queues' });
    await expect.poll(() => section.getByText(/tickets · refreshed/).count(), { timeout: 20_000 }).toBe(2);

    const popup = await session.openExtensionPage('popup.html');
    const watched = popup.getByRole('region', { name: 'Watched' });
    await expect.poll(() => watched.getByText(`${Object.keys(DEMO_JIRA_STATES).length} tickets · refreshed`, { exact: false }).count()).toBe(1);
    await expect.poll(() => watched.getByText(`${Object.keys(DEMO_ZENDESK_STATES).length} tickets · refreshed`, { exact: false }).count()).toBe(1);
    await expect.poll(async () => new Set(await rowKeys(popup)), { timeout: 10_000 }).toEqual(new Set(URGENT));
    // Every figure from the sites' APIs, read with the user's session.
    expect(await popup.getByText('All figures exact').count()).toBe(1);
    await popup.close();

    // Nothing of either site was opened as a page.
    expect(session.context.pages().map((p) => new URL(p.url()).hostname)).not.toEqual(expect.arrayContaining([JIRA]));
    expect(session.context.pages().some((p) => /atlassian|zendesk/.test(p.url()))).toBe(false);
    // The background read with GETs only, each with the session cookie the browser holds.
    const background = sites.apiLog!.filter((r) => r.url.hostname === JIRA || r.url.hostname === ZENDESK);
    expect(background.length).toBeGreaterThan(0);
    expect(background.every((r) => r.method === 'GET')).toBe(true);
    expect(background.every((r) => (r.cookie ?? '').split(/;\s*/).includes(SESSION_COOKIE))).toBe(true);
  });

  it('the wallboard shows the same figures as the popup, with no interaction', async () => {
    const countsOf = async (page: Page) => (await page.getByRole('list', { name: 'Tickets by state' }).innerText()).replace(/\s+/g, ' ').trim();
    const popup = await session.openExtensionPage('popup.html');
    await expect.poll(() => countsOf(popup), { timeout: 10_000 }).toContain(`${keysIn('breached').length} breached`);
    const board = await session.openExtensionPage('wallboard.html');
    await board.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => countsOf(board), { timeout: 10_000 }).toContain(`${keysIn('breached').length} breached`);
    for (const [n, word] of [
      [keysIn('breached').length, 'breached'],
      [keysIn('at-risk').length, 'at risk'],
      [keysIn('paused').length, 'paused'],
    ] as const) {
      expect(await countsOf(board)).toContain(`${n} ${word}`);
      expect(await countsOf(popup)).toContain(`${n} ${word}`);
    }
    // The urgent tickets, breached first, each with its countdown; nothing to click.
    const rows = board.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(URGENT.length);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td:nth-child(2)')?.textContent?.trim())))).toEqual(new Set(URGENT));
    expect(await board.locator('button, a, input, select').count()).toBe(0);
    if (process.env.SLA_LENS_SCREENSHOTS) await board.screenshot({ path: 'docs/wallboard.png' });
    await board.close();
    await popup.close();
  });

  it('with alerts on, a watched ticket about to breach raises one desktop alert', async () => {
    await options.reload();
    const toggle = options.getByRole('checkbox', { name: 'Show desktop alerts' });
    await toggle.check();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    // The next round records what it read, and each recording checks for alerts.
    await options.getByRole('region', { name: 'Watched queues' }).getByRole('button', { name: 'Refresh now' }).click();
    const ids = async () => Object.keys((await options.evaluate('chrome.notifications.getAll()')) as Record<string, unknown>);
    const atRisk = keysIn('at-risk');
    await expect.poll(ids, { timeout: 15_000 }).toEqual(expect.arrayContaining(atRisk.map((k) => expect.stringMatching(new RegExp(`^sla\\|(${JIRA}|${ZENDESK})\\|${k}\\|`)))));
    const shown = await ids();
    await options.getByRole('region', { name: 'Watched queues' }).getByRole('button', { name: 'Refresh now' }).click();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await ids()).sort()).toEqual([...shown].sort());
  });

  it('a watched view is followed, not listed again: a ticket solved out of it leaves, one that joins is read', async () => {
    const view = sites.zendeskViews![VIEW]!;
    const solved = URGENT.find((k) => k in DEMO_ZENDESK_STATES)!;
    const now = Date.now();
    const ticket = sites.zendesk.find((t) => String(t.id) === solved)!;
    ticket.history.push({ at: now, from: ticket.status, to: 'solved' });
    Object.assign(ticket, { status: 'solved', updated: now });
    view.splice(view.indexOf(ticket.id), 1);
    const newcomer = { ...structuredClone(ticket), id: 4999, subject: 'Invoice export times out', status: 'open' as const, created: now - 60_000, updated: now, history: [] };
    sites.zendesk.push(newcomer);
    view.push(newcomer.id);
    const since = sites.apiLog!.length;
    await options.getByRole('region', { name: 'Watched queues' }).getByRole('button', { name: 'Refresh now' }).click();

    const popup = await session.openExtensionPage('popup.html');
    const watched = popup.getByRole('region', { name: 'Watched' });
    await expect.poll(() => watched.getByText(`${view.length} tickets · refreshed`, { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(async () => (await rowKeys(popup)).includes(solved), { timeout: 10_000 }).toBe(false);
    await popup.close();
    // Followed: newest changes first, the account's changes, a page of the walk by id; never the whole view again.
    const round = sites.apiLog!.slice(since).filter((r) => r.url.hostname === ZENDESK);
    const views = round.filter((r) => r.url.pathname.includes(`/views/${VIEW}/`));
    expect(views.map((r) => r.url.searchParams.get('sort_by'))).toEqual(['updated', 'nice_id']);
    expect(round.some((r) => r.url.pathname.startsWith('/api/v2/search/export') && /^updated>\d+minutes$/.test(r.url.searchParams.get('query') ?? ''))).toBe(true);
    // The newcomer and the solved ticket read again, with their histories, however recently the worker read them.
    const shown = round.filter((r) => r.url.pathname === '/api/v2/tickets/show_many.json').flatMap((r) => (r.url.searchParams.get('ids') ?? '').split(','));
    expect(shown).toEqual(expect.arrayContaining(['4999', solved]));
    expect(round.filter((r) => /^\/api\/v2\/tickets\/\d+\/audits/.test(r.url.pathname)).map((r) => r.url.pathname.split('/')[4])).toEqual(expect.arrayContaining(['4999', solved]));
  });

  it('a site that signed the lead out says so, with the way to sign in, never a silent stale list', async () => {
    await session.context.clearCookies({ domain: ZENDESK });
    await options.getByRole('region', { name: 'Watched queues' }).getByRole('button', { name: 'Refresh now' }).click();
    const popup = await session.openExtensionPage('popup.html');
    const watched = popup.getByRole('region', { name: 'Watched' });
    await expect.poll(() => watched.getByText(`Sign in to ${ZENDESK} to refresh`).count(), { timeout: 15_000 }).toBe(1);
    expect(await watched.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    await popup.close();
  });
});
