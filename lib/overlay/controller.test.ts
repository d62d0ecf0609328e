// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SlaView } from '../view/types';
import type { EvaluateRequest, EvaluateResponse } from '../messaging/types';
import type { TicketFacts } from '../sla/index';
import type { EnrichResult, FoundTicket, SourceAdapter } from '../sources/types';
import { SETTLE_MS, startOverlay, type PageReport } from './controller';

const H = 3_600_000;
const NOW = Date.parse('2026-11-23T12:00:00Z');

/** Rows `<div class="row"><a class="key">KEY</a></div>` stand in for a site's ticket elements. */
function fakeAdapter(options: { failEnrich?: boolean; created?: boolean } = {}): SourceAdapter & { enriched: string[][] } {
  const enriched: string[][] = [];
  return {
    source: 'jira',
    enriched,
    ownsHost: () => true,
    recognises: () => true,
    pageKind: () => ({ id: 'jsm-queue', label: 'Jira Service Management queue', shows: 'list' }),
    // What a page "shows": our rows and rows in markup the fake reader does not know.
    shownTickets: (root) => root.querySelectorAll('.row, .drifted').length,
    diagnose: (root) => [{ strategy: 'queue/row-class', tickets: root.querySelectorAll('.row').length, used: root.querySelectorAll('.row').length > 0 }],
    maskUrl: () => 'https://*.atlassian.net/issues/',
    find(root) {
      return [...root.querySelectorAll<HTMLElement>('.row')].map((row): FoundTicket => ({
        key: row.dataset.key!,
        element: row,
        anchor: row.querySelector('.key')!,
        dom: options.created ? { created: NOW - H } : {},
      }));
    },
    async enrich(keys): Promise<EnrichResult> {
      enriched.push([...keys]);
      if (options.failEnrich) return { facts: new Map(), failure: 'signed-out' };
      return { facts: new Map(keys.map((key) => [key, { source: 'jira', site: 'acme.atlassian.net', key, created: NOW - H, exact: true } as TicketFacts])) };
    },
  };
}

function running(key: string, targetMs: number): SlaView {
  return {
    key,
    kind: 'clocks',
    policyName: 'Standard',
    exact: true,
    clocks: [{ metric: 'resolution', policyId: 'std', policyName: 'Standard', calendarId: '24x7', businessTime: false, clock: { start: NOW - H, targetMs } }],
  };
}

function fakeBackground(targetMs = 4 * H) {
  const requests: EvaluateRequest[] = [];
  return {
    requests,
    async evaluate(request: EvaluateRequest): Promise<EvaluateResponse> {
      requests.push(request);
      const views = [...request.tickets.map((t) => running(t.key, targetMs)), ...(request.unreadable ?? []).map((key): SlaView => ({ key, kind: 'unknown', clocks: [], exact: false }))];
      return { views, calendars: {}, configVersion: 1 };
    },
  };
}

/** Gives the rows a place on screen: `top` of each row by key (rows not named stay unlaid, as in a DOM without layout). */
function placeRows(tops: Record<string, number>) {
  for (const row of document.querySelectorAll<HTMLElement>('.row')) {
    const top = tops[row.dataset.key!];
    if (top === undefined) continue;
    row.getBoundingClientRect = () => ({ top, bottom: top + 30, left: 0, right: 500, width: 500, height: 30, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
  }
}

function page(keys: string[]) {
  document.body.innerHTML = keys.map((k) => `<div class="row" data-key="${k}"><a class="key">${k}</a> summary</div>`).join('');
}

/** The same rows in a table, whose columns they share. */
function tablePage(keys: string[]) {
  document.body.innerHTML = `<table><tbody>${keys.map((k) => `<tr class="row" data-key="${k}"><td><a class="key">${k}</a></td><td>summary</td></tr>`).join('')}</tbody></table>`;
}

const overlays: AbortController[] = [];

function start(adapter: SourceAdapter, background: ReturnType<typeof fakeBackground>, configListeners: Array<(version: number | null) => void> = [], reports?: PageReport[]) {
  const controller = new AbortController();
  overlays.push(controller);
  const overlay = startOverlay(
    {
      adapter,
      evaluate: (r) => background.evaluate(r),
      onConfigChanged: (l) => {
        configListeners.push(l);
        return () => undefined;
      },
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id as number),
      now: () => NOW,
      document,
      ...(reports ? { reportPage: (r: PageReport) => reports.push(r) } : {}),
    },
    controller.signal,
    new URL('https://acme.atlassian.net/issues/'),
  );
  return { controller, overlay };
}

const badges = () => [...document.querySelectorAll<HTMLElement>('[data-sla-badge]')].map((b) => [b.dataset.slaKey, b.dataset.slaState, b.textContent]);

afterEach(() => {
  // A failed test must not leave its overlay watching the next test's page.
  overlays.splice(0).forEach((c) => c.abort());
  document.body.innerHTML = '';
});

describe('the overlay controller', () => {
  it('badges every ticket once, after one enrichment and one evaluation for the tickets that appeared together', async () => {
    page(['SUP-1', 'SUP-2']);
    const adapter = fakeAdapter();
    const background = fakeBackground();
    const { controller } = start(adapter, background);
    await vi.waitFor(() => expect(badges()).toHaveLength(2));
    expect(badges()).toEqual([
      ['SUP-1', 'ok', '3h left'],
      ['SUP-2', 'ok', '3h left'],
    ]);
    expect(adapter.enriched).toEqual([['SUP-1', 'SUP-2']]);
    expect(background.requests).toHaveLength(1);
    controller.abort();
  });

  it('asks for the rows in view first, in page order, then the rest', async () => {
    page(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4', 'SUP-5']);
    // Rows 3 and 4 are on screen; 1 and 2 scrolled past above; 5 far below.
    const tops: Record<string, number> = { 'SUP-1': -400, 'SUP-2': -200, 'SUP-3': 10, 'SUP-4': 40, 'SUP-5': 5_000 };
    for (const row of document.querySelectorAll<HTMLElement>('.row')) {
      const top = tops[row.dataset.key!]!;
      row.getBoundingClientRect = () => ({ top, bottom: top + 30, left: 0, right: 500, width: 500, height: 30, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
    }
    const adapter = fakeAdapter();
    start(adapter, fakeBackground());
    await vi.waitFor(() => expect(badges()).toHaveLength(5));
    expect(adapter.enriched).toEqual([['SUP-3', 'SUP-4', 'SUP-1', 'SUP-2', 'SUP-5']]);
  });

  /** While the page loads, its rows have no placeholders: a badge would go in as a new element. */
  async function whileLoading(body: () => Promise<void>): Promise<void> {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      await body();
    } finally {
      delete (document as unknown as { readyState?: string }).readyState;
    }
  }

  it('badges the rows in view as their answers land, and holds back the rest of a loading page until the enrichment ends or the page scrolls', () =>
    whileLoading(async () => {
      page(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']);
      // 1 and 2 on screen; 3 and 4 far below.
      placeRows({ 'SUP-1': 10, 'SUP-2': 40, 'SUP-3': 9_000, 'SUP-4': 9_030 });
      const facts = (key: string) => new Map([[key, { source: 'jira', site: 'acme.atlassian.net', key, created: NOW - H, exact: true } as TicketFacts]]);
      let finish = () => {};
      let answerLast = () => {};
      const adapter: SourceAdapter = {
        ...fakeAdapter(),
        async enrich(_keys, { onFacts }) {
          onFacts!(new Map([...facts('SUP-1'), ...facts('SUP-3')]));
          await new Promise<void>((r) => (answerLast = r));
          onFacts!(new Map([...facts('SUP-2'), ...facts('SUP-4')]));
          await new Promise<void>((r) => (finish = r));
          return { facts: new Map() };
        },
      };
      start(adapter, fakeBackground());
      const badged = () => badges().map(([key]) => key);
      await vi.waitFor(() => expect(badged()).toEqual(['SUP-1']));
      // Scrolling shows what is held at once.
      document.dispatchEvent(new Event('scroll'));
      expect(badged()).toEqual(['SUP-1', 'SUP-3']);
      answerLast();
      await vi.waitFor(() => expect(badged()).toEqual(['SUP-1', 'SUP-2', 'SUP-3']));
      await new Promise((r) => setTimeout(r, 20));
      expect(badged()).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
      // Held a short while at most, even while the enrichment goes on (Zendesk's audits can take seconds).
      await vi.waitFor(() => expect(badged()).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']), { timeout: 2_000 });
      finish();
    }));

  it('tells the source which rows are on screen, and sends a ticket again when its approximate facts become exact, never otherwise', async () => {
    page(['SUP-1', 'SUP-2']);
    placeRows({ 'SUP-1': 10, 'SUP-2': 9_000 });
    const facts = (key: string, exact: boolean) => new Map([[key, { source: 'jira', site: 'acme.atlassian.net', key, created: NOW - H, exact } as TicketFacts]]);
    let inView: readonly string[] | undefined;
    const adapter: SourceAdapter = {
      ...fakeAdapter(),
      async enrich(_keys, options) {
        inView = options.inView;
        options.onFacts!(new Map([...facts('SUP-1', true), ...facts('SUP-2', false)]));
        await new Promise((r) => setTimeout(r, 5));
        // SUP-1 again (already exact: not sent again), SUP-2 made exact.
        options.onFacts!(new Map([...facts('SUP-1', true), ...facts('SUP-2', true)]));
        return { facts: new Map([...facts('SUP-1', true), ...facts('SUP-2', true)]) };
      },
    };
    const background = fakeBackground();
    start(adapter, background);
    await vi.waitFor(() => expect(background.requests.flatMap((r) => r.tickets)).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 20));
    expect(inView).toEqual(['SUP-1']);
    expect(background.requests.flatMap((r) => r.tickets.map((t) => [t.key, t.exact]))).toEqual([
      ['SUP-1', true],
      ['SUP-2', false],
      ['SUP-2', true],
    ]);
  });

  it('shows what is held as soon as the enrichment is over', () =>
    whileLoading(async () => {
      page(['SUP-1', 'SUP-2']);
      placeRows({ 'SUP-1': 10, 'SUP-2': 9_000 });
      const facts = (key: string) => new Map([[key, { source: 'jira', site: 'acme.atlassian.net', key, created: NOW - H, exact: true } as TicketFacts]]);
      let finish = () => {};
      const adapter: SourceAdapter = {
        ...fakeAdapter(),
        async enrich(_keys, { onFacts }) {
          onFacts!(new Map([...facts('SUP-1'), ...facts('SUP-2')]));
          await new Promise<void>((r) => (finish = r));
          return { facts: new Map() };
        },
      };
      start(adapter, fakeBackground());
      const badged = () => badges().map(([key]) => key);
      await vi.waitFor(() => expect(badged()).toEqual(['SUP-1']));
      finish();
      await new Promise((r) => setTimeout(r, 30));
      expect(badged()).toEqual(['SUP-1', 'SUP-2']);
    }));

  it("badges a loaded table's rows as their answers land, in view or not: each placeholder turns into its badge in place", async () => {
    tablePage(['SUP-1', 'SUP-2']);
    placeRows({ 'SUP-1': 10, 'SUP-2': 9_000 });
    const facts = (key: string) => new Map([[key, { source: 'jira', site: 'acme.atlassian.net', key, created: NOW - H, exact: true } as TicketFacts]]);
    let answer = () => {};
    const adapter: SourceAdapter = {
      ...fakeAdapter(),
      async enrich(_keys, { onFacts }) {
        await new Promise<void>((r) => (answer = r));
        onFacts!(new Map([...facts('SUP-1'), ...facts('SUP-2')]));
        return new Promise(() => {});
      },
    };
    const slots = () => [...document.querySelectorAll('[data-sla-pending],[data-sla-badge]')];
    const added: Node[] = [];
    const watcher = new MutationObserver((ms) => ms.forEach((m) => added.push(...m.addedNodes)));
    start(adapter, fakeBackground());
    await vi.waitFor(() => expect(slots()).toHaveLength(2));
    expect(badges()).toEqual([]);
    const before = slots();
    watcher.observe(document.body, { childList: true, subtree: true });
    answer();
    await vi.waitFor(() => expect(badges().map(([key]) => key)).toEqual(['SUP-1', 'SUP-2']));
    watcher.disconnect();
    // The same elements, no element put into the page: the table is not laid out again.
    expect(slots()).toEqual(before);
    expect(added.filter((n) => n instanceof Element && n.matches('[data-sla-pending],[data-sla-badge]'))).toEqual([]);
    expect(document.querySelectorAll('[data-sla-pending]')).toHaveLength(0);
  });

  it('moves the rows scrolled into view up the queue of requests still waiting', async () => {
    page(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']);
    placeRows({ 'SUP-1': 10, 'SUP-2': 40, 'SUP-3': 9_000, 'SUP-4': 9_030 });
    const adapter = fakeAdapter();
    adapter.enrich = () => new Promise(() => {});
    const promoted: Array<[string, string[]]> = [];
    adapter.prioritize = (origin, keys) => promoted.push([origin, [...keys]]);
    start(adapter, fakeBackground());
    await new Promise((r) => setTimeout(r, 20));
    expect(promoted).toEqual([]);
    placeRows({ 'SUP-1': -9_000, 'SUP-2': -8_970, 'SUP-3': 10, 'SUP-4': 40 });
    // Many scroll events, one look a frame.
    for (let i = 0; i < 5; i++) document.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(promoted).toHaveLength(1));
    expect(promoted[0]![1]).toEqual(['SUP-3', 'SUP-4']);
    expect(promoted[0]![0]).toMatch(/^https?:\/\//);
  });

  it('in a list of rows laid out on their own, puts placeholders on the rows in view only', async () => {
    page(['SUP-1', 'SUP-2']);
    placeRows({ 'SUP-1': 10, 'SUP-2': 9_000 });
    const adapter = fakeAdapter();
    adapter.enrich = () => new Promise(() => {});
    start(adapter, fakeBackground());
    await vi.waitFor(() => expect(document.querySelectorAll('[data-sla-pending]')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 20));
    expect([...document.querySelectorAll<HTMLElement>('[data-sla-pending]')].map((p) => p.dataset.slaKey)).toEqual(['SUP-1']);
  });

  it('in a table, shows a quiet placeholder on every row until its facts arrive, then the badge in its place; placeholders are not badges', async () => {
    tablePage(['SUP-1', 'SUP-2', 'SUP-3']);
    // Rows 1 and 2 are on screen; 3 is far below: its placeholder keeps its place all the same.
    for (const row of document.querySelectorAll<HTMLElement>('.row')) {
      const top = row.dataset.key === 'SUP-3' ? 9_000 : 20;
      row.getBoundingClientRect = () => ({ top, bottom: top + 30, left: 0, right: 500, width: 500, height: 30, x: 0, y: top, toJSON: () => ({}) }) as DOMRect;
    }
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const adapter = fakeAdapter();
    const enrich = adapter.enrich.bind(adapter);
    adapter.enrich = async (keys, options) => {
      await gate;
      return enrich(keys, options);
    };
    start(adapter, fakeBackground());
    const placeholders = () => [...document.querySelectorAll<HTMLElement>('[data-sla-pending]')].map((p) => [p.dataset.slaKey, p.getAttribute('aria-label'), p.previousElementSibling?.className]);
    await vi.waitFor(() => expect(placeholders()).toHaveLength(3));
    expect(placeholders()).toEqual([
      ['SUP-1', 'SLA Lens is reading this ticket', 'key'],
      ['SUP-2', 'SLA Lens is reading this ticket', 'key'],
      ['SUP-3', 'SLA Lens is reading this ticket', 'key'],
    ]);
    expect(badges()).toEqual([]);
    release();
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    expect(placeholders()).toEqual([]);
    // The badge stands where the placeholder stood, right after the key.
    for (const badge of document.querySelectorAll('[data-sla-badge]')) expect(badge.previousElementSibling?.className).toBe('key');
  });

  it('puts no placeholder into a page that is still loading: they wait for its load event', async () => {
    page(['SUP-1']);
    document.querySelector<HTMLElement>('.row')!.getBoundingClientRect = () => ({ top: 10, bottom: 40, left: 0, right: 500, width: 500, height: 30, x: 0, y: 10, toJSON: () => ({}) }) as DOMRect;
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      const adapter = fakeAdapter();
      let asked = false;
      adapter.enrich = () => {
        asked = true;
        return new Promise(() => {});
      };
      start(adapter, fakeBackground());
      // Asked for at once, shown nothing yet.
      await vi.waitFor(() => expect(asked).toBe(true));
      await new Promise((r) => setTimeout(r, 100));
      expect(document.querySelectorAll('[data-sla-pending]')).toHaveLength(0);
      window.dispatchEvent(new Event('load'));
      expect(document.querySelectorAll('[data-sla-pending]')).toHaveLength(1);
    } finally {
      delete (document as unknown as { readyState?: string }).readyState;
    }
  });

  it('speaks of the tool’s own SLA state in the words of the page’s adapter', async () => {
    page(['SUP-1']);
    const background = fakeBackground();
    const withVendor = { evaluate: async (r: EvaluateRequest) => ({ ...(await background.evaluate(r)), views: (await background.evaluate(r)).views.map((v) => ({ ...v, vendor: [] })) }) };
    start({ ...fakeAdapter(), vendorWords: { tool: 'Acme Desk', metric: (m) => m } }, { ...background, ...withVendor });
    await vi.waitFor(() => expect(document.querySelector('[data-sla-badge]')?.getAttribute('title')).toContain('Acme Desk applies no SLA targets to it.'));
  });

  it('sends the first answer at once, gathers those landing while it is evaluated into the next message, and a later answer as it lands', async () => {
    page(['1', '2', '3', '4']);
    placeRows({ 1: 10, 2: 40, 3: 70, 4: 100 });
    const facts = (key: string) => new Map([[key, { source: 'zendesk', site: 'acme.zendesk.com', key, created: NOW - H, exact: true } as TicketFacts]]);
    let finish = () => {};
    const adapter: SourceAdapter = {
      ...fakeAdapter(),
      async enrich(_keys, { onFacts }) {
        // Ticket 1 answers first; 2 and 3 while the background is still evaluating it; 4 well after.
        onFacts!(facts('1'));
        onFacts!(facts('2'));
        await new Promise((r) => setTimeout(r, 5));
        onFacts!(facts('3'));
        await new Promise((r) => setTimeout(r, 80));
        onFacts!(facts('4'));
        await new Promise<void>((r) => (finish = r));
        return { facts: new Map() };
      },
    };
    const background = fakeBackground();
    // The background takes 20 ms over each message.
    const slow = { ...background, evaluate: async (r: EvaluateRequest) => (await new Promise((done) => setTimeout(done, 20)), background.evaluate(r)) };
    start(adapter, slow);
    await vi.waitFor(() => expect(badges()).toHaveLength(4));
    // Ticket 4 was badged before the enrichment ended; no message was ever waiting on a timer.
    expect(background.requests.map((r) => r.tickets.map((t) => t.key))).toEqual([['1'], ['2', '3'], ['4']]);
    finish();
  });

  it('picks up tickets the page adds later, without asking again for those it knows', async () => {
    page(['SUP-1']);
    const adapter = fakeAdapter();
    const background = fakeBackground();
    const { controller } = start(adapter, background);
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    document.body.insertAdjacentHTML('beforeend', '<div class="row" data-key="SUP-3"><a class="key">SUP-3</a></div><div class="row" data-key="SUP-1"><a class="key">SUP-1</a></div>');
    await vi.waitFor(() => expect(badges()).toHaveLength(3));
    expect(adapter.enriched).toEqual([['SUP-1'], ['SUP-3']]);
    controller.abort();
  });

  it('re-evaluates the known tickets when another configuration becomes active, without fetching them again', async () => {
    page(['SUP-1']);
    const adapter = fakeAdapter();
    const background = fakeBackground();
    const listeners: Array<() => void> = [];
    const { controller } = start(adapter, background, listeners);
    await vi.waitFor(() => expect(badges()).toEqual([['SUP-1', 'ok', '3h left']]));
    const tighter = fakeBackground(H + 10 * 60_000);
    background.evaluate = tighter.evaluate;
    listeners.forEach((l) => l());
    await vi.waitFor(() => expect(badges()).toEqual([['SUP-1', 'at-risk', '10m left']]));
    expect(adapter.enriched).toHaveLength(1);
    controller.abort();
  });

  it('falls back to what the page shows when the API fails, and to "unknown" when the page shows no time', async () => {
    page(['SUP-1']);
    const fromPage = fakeBackground();
    const a = start(fakeAdapter({ failEnrich: true, created: true }), fromPage);
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    expect(fromPage.requests[0]!.tickets.map((t) => [t.key, t.exact])).toEqual([['SUP-1', false]]);
    a.controller.abort();

    page(['SUP-2']);
    const blind = fakeBackground();
    const b = start(fakeAdapter({ failEnrich: true }), blind);
    await vi.waitFor(() => expect(badges()).toEqual([['SUP-2', 'unknown', 'SLA unknown']]));
    expect(blind.requests[0]).toMatchObject({ tickets: [], unreadable: ['SUP-2'] });
    b.controller.abort();
  });

  it('drops a late answer computed under the previous configuration', async () => {
    page(['SUP-1']);
    const adapter = fakeAdapter();
    const listeners: Array<(version: number | null) => void> = [];
    let release: (r: EvaluateResponse) => void = () => undefined;
    const late = new Promise<EvaluateResponse>((r) => (release = r));
    let calls = 0;
    const background = {
      requests: [] as EvaluateRequest[],
      // The first answer (version 1) is held back until after version 2 has answered.
      evaluate: async (request: EvaluateRequest): Promise<EvaluateResponse> => {
        background.requests.push(request);
        if (calls++ === 0) return late;
        return { views: request.tickets.map((t) => running(t.key, H + 10 * 60_000)), calendars: {}, configVersion: 2 };
      },
    };
    start(adapter, background as ReturnType<typeof fakeBackground>, listeners);
    await vi.waitFor(() => expect(background.requests).toHaveLength(1));
    // The ticket's facts reached the background once; a new configuration asks again.
    listeners.forEach((l) => l(2));
    await vi.waitFor(() => expect(badges()).toEqual([['SUP-1', 'at-risk', '10m left']]));
    release({ views: [running('SUP-1', 4 * H)], calendars: {}, configVersion: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(badges()).toEqual([['SUP-1', 'at-risk', '10m left']]);
  });

  it('says on the badge when the background cannot answer, and asks again when the ticket shows anew', async () => {
    page(['SUP-1']);
    const background = fakeBackground();
    const working = background.evaluate;
    background.evaluate = async () => {
      throw new Error('SLA Lens refused a message from a page: too many tickets');
    };
    start(fakeAdapter(), background);
    await vi.waitFor(() => expect(badges()).toEqual([['SUP-1', 'unknown', 'SLA unknown']]));
    expect(document.querySelector('[data-sla-badge]')!.getAttribute('title')).toMatch(/could not work out its SLA \(SLA Lens refused a message from a page: too many tickets\)/);
    background.evaluate = working;
    page(['SUP-1']);
    await vi.waitFor(() => expect(badges()).toEqual([['SUP-1', 'ok', '3h left']]));
  });

  it('says why the site’s API gave nothing: signed out, on the badge of a ticket the page cannot time', async () => {
    page(['SUP-2']);
    start(fakeAdapter({ failEnrich: true }), fakeBackground());
    await vi.waitFor(() => expect(badges()).toEqual([['SUP-2', 'unknown', 'SLA unknown']]));
    expect(document.querySelector('[data-sla-badge]')!.getAttribute('title')).toMatch(/signed in/);
  });

  it('removes every badge and its stylesheet when its context ends', async () => {
    page(['SUP-1']);
    const { controller } = start(fakeAdapter(), fakeBackground());
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    expect(document.getElementById('sla-lens-style')).not.toBeNull();
    controller.abort();
    expect(badges()).toEqual([]);
    expect(document.getElementById('sla-lens-style')).toBeNull();
  });

  describe('says whether it could read the page, once its rows have settled', () => {
    const settled = { timeout: SETTLE_MS + 2000 };

    it('a page whose rows were all read is readable, with no diagnostics', async () => {
      page(['SUP-1', 'SUP-2']);
      const reports: PageReport[] = [];
      start(fakeAdapter(), fakeBackground(), [], reports);
      await vi.waitFor(() => expect(reports).toHaveLength(1), settled);
      expect(reports[0]).toEqual({ readable: true, kind: { id: 'jsm-queue', label: 'Jira Service Management queue', shows: 'list' }, found: 2, shown: 2 });
    });

    it('a drifted page (rows on screen, none read) is not, and its diagnostics carry counts, never keys', async () => {
      document.body.innerHTML = ['SUP-7', 'SUP-8', 'SUP-9'].map((k) => `<div class="drifted"><span>${k}</span> Customer cannot log in</div>`).join('');
      const reports: PageReport[] = [];
      start(fakeAdapter(), fakeBackground(), [], reports);
      await vi.waitFor(() => expect(reports).toHaveLength(1), settled);
      expect(reports[0]).toMatchObject({ readable: false, found: 0, shown: 3 });
      expect(reports[0]!.diagnostics).toEqual({
        source: 'jira',
        page: 'jsm-queue',
        url: 'https://*.atlassian.net/issues/',
        lang: '',
        dir: 'ltr',
        found: 0,
        shown: 3,
        strategies: [{ strategy: 'queue/row-class', tickets: 0, used: false }],
      });
      expect(JSON.stringify(reports[0])).not.toMatch(/SUP-|Customer/);
    });

    it('a truly empty list is readable: there is nothing to read', async () => {
      document.body.innerHTML = '<p>No issues in this queue</p>';
      const reports: PageReport[] = [];
      start(fakeAdapter(), fakeBackground(), [], reports);
      await vi.waitFor(() => expect(reports).toHaveLength(1), settled);
      expect(reports[0]).toMatchObject({ readable: true, found: 0, shown: 0 });
    });

    it('says so again only when it changes: rows it can read arriving make the page readable', async () => {
      document.body.innerHTML = '<div class="drifted">SUP-7</div>';
      const reports: PageReport[] = [];
      start(fakeAdapter(), fakeBackground(), [], reports);
      await vi.waitFor(() => expect(reports).toHaveLength(1), settled);
      document.body.innerHTML = '<div class="row" data-key="SUP-1"><a class="key">SUP-1</a></div>';
      await vi.waitFor(() => expect(reports).toHaveLength(2), settled);
      expect(reports.map((r) => r.readable)).toEqual([false, true]);
      document.body.insertAdjacentHTML('beforeend', '<div class="row" data-key="SUP-2"><a class="key">SUP-2</a></div>');
      await new Promise((r) => setTimeout(r, SETTLE_MS + 300));
      expect(reports, 'still readable: nothing new to say').toHaveLength(2);
    });
  });
});

describe('a navigation ends the previous page’s work: its requests, its timers and its observer', () => {
  const QUEUE = new URL('https://acme.atlassian.net/jira/servicedesk/projects/SUP/queues/custom/1');
  const ISSUES = new URL('https://acme.atlassian.net/issues/');

  /** The fake adapter, with enrichments held until released, and every URL it was asked to read. */
  function heldAdapter() {
    const base = fakeAdapter();
    const held: Array<{ keys: string[]; signal: AbortSignal; release: () => void }> = [];
    const readAt: string[] = [];
    const adapter: SourceAdapter = {
      ...base,
      pageKind: (url) => ({ id: url.pathname.includes('queues') ? 'jsm-queue' : 'issue-navigator', label: 'page', shows: 'list' }),
      find(root, url) {
        readAt.push(url.href);
        return base.find(root, url);
      },
      enrich(keys, options) {
        return new Promise<EnrichResult>((resolve) => {
          held.push({ keys: [...keys], signal: options.signal, release: () => void base.enrich(keys, options).then(resolve) });
        });
      },
    };
    return { adapter, held, readAt };
  }

  it('aborts the enrichment under way, and the next page asks again for the tickets still on it and badges them', async () => {
    page(['SUP-1', 'SUP-2']);
    const { adapter, held } = heldAdapter();
    const { overlay } = start(adapter, fakeBackground());
    await vi.waitFor(() => expect(held).toHaveLength(1));
    overlay.navigate(QUEUE);
    expect(held[0]!.signal.aborted).toBe(true);
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(held[1]!.keys).toEqual(['SUP-1', 'SUP-2']);
    expect(held[1]!.signal.aborted).toBe(false);
    held[1]!.release();
    await vi.waitFor(() => expect(badges().map(([key]) => key)).toEqual(['SUP-1', 'SUP-2']));
  });

  it('never reports the old page: its settle timer dies with it', async () => {
    page(['SUP-1']);
    const reports: PageReport[] = [];
    const { adapter } = heldAdapter();
    const { overlay } = start(adapter, fakeBackground(), [], reports);
    await new Promise((r) => setTimeout(r, SETTLE_MS / 2));
    overlay.navigate(QUEUE);
    await vi.waitFor(() => expect(reports).toHaveLength(1), { timeout: SETTLE_MS + 2000 });
    await new Promise((r) => setTimeout(r, SETTLE_MS / 2 + 200));
    expect(reports.map((r) => r.kind?.id)).toEqual(['jsm-queue']);
  });

  it('a navigation to another origin (a download, a 204) changes nothing: requests stay on the page’s origin, new rows are badged', async () => {
    page(['SUP-1']);
    const origins: string[] = [];
    const base = fakeAdapter();
    const adapter: SourceAdapter = {
      ...base,
      enrich(keys, options) {
        origins.push(options.origin);
        return base.enrich(keys, options);
      },
    };
    const { overlay } = start(adapter, fakeBackground());
    await vi.waitFor(() => expect(badges()).toHaveLength(1));
    overlay.navigate(new URL('https://files.customer.example/log.zip'));
    document.body.insertAdjacentHTML('beforeend', '<div class="row" data-key="SUP-2"><a class="key">SUP-2</a></div>');
    await vi.waitFor(() => expect(badges().map(([key]) => key)).toEqual(['SUP-1', 'SUP-2']));
    expect(new Set(origins)).toEqual(new Set(['https://acme.atlassian.net']));
  });

  it('reads the page under its new URL only: the old observer is gone', async () => {
    page(['SUP-1']);
    const { adapter, readAt } = heldAdapter();
    const { overlay } = start(adapter, fakeBackground());
    overlay.navigate(QUEUE);
    const before = readAt.length;
    document.body.insertAdjacentHTML('beforeend', '<div class="row" data-key="SUP-2"><a class="key">SUP-2</a></div>');
    await vi.waitFor(() => expect(readAt.length).toBeGreaterThan(before));
    await new Promise((r) => setTimeout(r, 50));
    expect(readAt.slice(before).every((href) => href === QUEUE.href)).toBe(true);
    expect(readAt).toContain(ISSUES.href);
  });
});
