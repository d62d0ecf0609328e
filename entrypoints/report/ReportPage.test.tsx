// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyConfig, H, NOW, see, ticketFacts } from '../../lib/db/__fixtures__/store';
import { SlaLensDatabase } from '../../lib/db/database';
import { loadReport } from '../../lib/db/report';
import { ReportPage } from './ReportPage';
import type { FillControl } from './FillBar';
import type { FillMessage } from '../../lib/watch/fill-protocol';

const J = 'acme.atlassian.net';
const CONFIG = JSON.stringify({
  version: 1,
  name: 'Acme support',
  policies: [
    { id: 'globex-payments', name: 'Globex payments', extends: 'globex', match: { labels: { any: ['payments'] } } },
    {
      id: 'globex',
      name: 'Globex',
      match: { organization: 'Globex' },
      calendar: '24x7',
      targets: { '*': { resolution: '4h' } },
      objective: '90%',
      credits: [
        { below: '90%', credit: '5%' },
        { below: '50%', credit: '20%' },
      ],
      fee: { amount: 10000, currency: 'EUR' },
    },
    { id: 'std', name: 'Standard', calendar: '24x7', targets: { '*': { resolution: '8h' } } },
  ],
});

/** Resolved `agoH` hours ago after `tookH` hours. */
const resolved = (key: string, tookH: number, agoH: number, extra: object = {}) =>
  ticketFacts(J, key, (tookH + agoH) * H, {
    status: 'Done',
    statusCategory: 'done',
    resolvedAt: NOW - agoH * H,
    statusHistory: [
      { at: NOW - (tookH + agoH) * H, status: 'Open' },
      { at: NOW - agoH * H, status: 'Done' },
    ],
    ...extra,
  });

let db: SlaLensDatabase;
let rendered = false;
beforeEach(async () => {
  db = new SlaLensDatabase(`test-report-${crypto.randomUUID()}`);
  await db.open();
  await applyConfig(db, CONFIG);
  await see(db, [
    resolved('SUP-1', 2, 10, { organization: 'Globex', labels: ['payments'], priority: 'High' }),
    resolved('SUP-2', 6, 10, { organization: 'Globex', labels: ['payments'], priority: 'High' }),
    resolved('SUP-3', 1, 12, { organization: 'Globex', priority: 'Low' }),
    resolved('SUP-4', 3, 5, { organization: 'Initech', priority: 'Low', title: '=HYPERLINK("x")' }),
  ]);
});
afterEach(async () => {
  rendered = false;
  cleanup();
  await db.delete();
});

const page = (download = vi.fn()) => {
  render(<ReportPage load={(s, e) => loadReport(db, s, e, NOW)} now={NOW} download={download} print={() => {}} />);
  return download;
};
const rowOf = async (section: HTMLElement, name: string) => (await within(section).findByRole('rowheader', { name: new RegExp(`^${name}`) })).closest('tr')!;
const cells = (row: HTMLElement) => [...row.querySelectorAll('td')].map((td) => td.firstChild?.textContent ?? '');

describe('the SLA report', () => {
  it('shows the last month and this one to date, each agreement rolled up into the one it extends, with the credit owed', async () => {
    page();
    const november = await screen.findByRole('region', { name: 'November 2026 (to date)' });
    expect(screen.getByRole('region', { name: 'October 2026' })).toBeTruthy();
    expect(within(november).getByText(/^4 targets decided in November 2026 so far on acme\.atlassian\.net\. The store's decisions begin on /)).toBeTruthy();
    // Globex: SUP-1 met, SUP-2 missed (payments), SUP-3 met: 2 of 3, below the 90% objective.
    expect(cells(await rowOf(november, 'Globex$'))).toEqual(['3', '2', '1', '66.7%', '90% — not met', '€500.00', expect.stringContaining('Show 3 targets')]);
    expect((await rowOf(november, 'Globex$')).querySelector('td[title]')!.getAttribute('title')).toBe('66.67% is below 90% → 5%; 5% of €10,000.00 = €500.00');
    // The service inherits its customer's terms (extends), judged on its own targets.
    expect(cells(await rowOf(november, 'Globex payments'))).toEqual(['2', '1', '1', '50%', '90% — not met', '€500.00', expect.any(String)]);
    expect(cells(await rowOf(november, 'Standard'))).toEqual(['1', '1', '0', '100%', '—', '—', expect.any(String)]);
  });

  it('breaks down by priority and customer, lists the tickets behind a figure with their links, and filters to one customer', async () => {
    page();
    const november = await screen.findByRole('region', { name: 'November 2026 (to date)' });
    fireEvent.click(screen.getByRole('radio', { name: 'Priority' }));
    expect(cells(await rowOf(november, 'High'))).toEqual(['2', '1', '1', '50%', expect.any(String)]);
    fireEvent.click(within(await rowOf(november, 'High')).getByRole('button', { name: /Show 2 targets/ }));
    const list = within(november).getByRole('list', { name: 'Targets decided: High' });
    // In the order decided: SUP-2 breached before SUP-1 was resolved.
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['SUP-2', `https://${J}/browse/SUP-2`],
      ['SUP-1', `https://${J}/browse/SUP-1`],
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Customer' }), { target: { value: 'Initech' } });
    await waitFor(() => expect(within(november).getByText(/^1 target decided in November 2026 so far on acme\.atlassian\.net\./)).toBeTruthy());
  });

  it('exports the summary and the detail as CSV, the page text neutralised', async () => {
    const download = page();
    await screen.findByRole('region', { name: 'November 2026 (to date)' });
    fireEvent.click(screen.getByRole('button', { name: 'Summary (CSV)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Detail (CSV)' }));
    const [[summaryName, summary], [detailName, detail]] = download.mock.calls as [[string, string], [string, string]];
    expect([summaryName, detailName]).toEqual(['sla-summary-2026-10_2026-11.csv', 'sla-detail-2026-10_2026-11.csv']);
    expect(summary).toContain('2026-11,agreement,globex,Globex,3,2,1,0,66.6667,90,5,500,EUR');
    expect(detail.split('\r\n').filter((l) => l.startsWith('2026-11,'))).toHaveLength(4);
    expect(detail).toContain(`'=HYPERLINK(""x"")`);
  });

  it('one agreement: its own targets and its children’s, cut in its zone, with its objective on the trend', async () => {
    page();
    await screen.findByRole('region', { name: 'November 2026 (to date)' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Agreement' }), { target: { value: 'globex' } });
    const november = screen.getByRole('region', { name: 'November 2026 (to date)' });
    await waitFor(() => expect(within(november).getByText(/^3 targets decided/)).toBeTruthy());
    // The year's trend is read after the figures.
    const trend = await screen.findByRole('group', { name: 'Compliance by month, objective 90%' });
    expect(within(trend).getByRole('img', { name: 'November 2026: 66.7% of 3 targets met, below the objective' })).toBeTruthy();
    expect(within(trend).getByRole('img', { name: 'October 2026: nothing decided' })).toBeTruthy();
  });

  it('never shows one range’s figures as another’s: a new choice of periods says it is reading until its own read lands', async () => {
    const pending: Array<() => void> = [];
    render(
      <ReportPage
        load={(s, e) => {
          const read = loadReport(db, s, e, NOW);
          // A read held back past the test's end fails when its database goes: that is not the page's failure.
          read.catch(() => undefined);
          // The first read lands at once; later ones wait to be let through.
          return pending.length === 0 && !rendered ? ((rendered = true), read) : new Promise((resolve) => pending.push(() => void read.then(resolve)));
        }}
        now={NOW}
        download={() => {}}
        print={() => {}}
      />,
    );
    await screen.findByRole('region', { name: 'November 2026 (to date)' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'quarters' } });
    expect(await screen.findByText('Reading Q3 2026 and Q4 2026…')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /Q4 2026/ })).toBeNull();
    await waitFor(() => expect(pending.length).toBeGreaterThan(0));
    pending.forEach((go) => go());
    expect(await screen.findByRole('region', { name: 'Q4 2026 (to date)' })).toBeTruthy();
  });

  it('paints the background’s opening figures until its own read lands', async () => {
    const { reportSnapshot } = await import('../../lib/db/report');
    const snapshot = await reportSnapshot(db, NOW);
    let land: (data: Awaited<ReturnType<typeof loadReport>>) => void = () => {};
    render(<ReportPage snapshot={snapshot} load={() => new Promise((resolve) => (land = resolve))} now={NOW} download={() => {}} print={() => {}} />);
    const november = await screen.findByRole('region', { name: 'November 2026 (to date)' });
    expect(screen.getByRole('status').textContent).toMatch(/^Figures as of .*; reading the latest…$/);
    expect(cells(await rowOf(november, 'Globex$')).slice(0, 4)).toEqual(['3', '2', '1', '66.7%']);
    // The targets behind a figure come with the page's own read.
    expect((within(await rowOf(november, 'Globex$')).getByRole('button', { name: /Show 3 targets/ }) as HTMLButtonElement).disabled).toBe(true);
    land(await loadReport(db, 0, NOW + 1, NOW));
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull());
    expect((within(await rowOf(screen.getByRole('region', { name: 'November 2026 (to date)' }), 'Globex$')).getByRole('button', { name: /Show 3 targets/ }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says so when nothing was decided yet, and fills in when the store changes', async () => {
    await db.decisions.clear();
    await db.tickets.clear();
    let changed = () => {};
    render(
      <ReportPage
        load={(s, e) => loadReport(db, s, e, NOW)}
        now={NOW}
        download={() => {}}
        print={() => {}}
        changes={(listener) => {
          changed = listener;
          return () => {};
        }}
      />,
    );
    expect(await screen.findByText('Nothing decided yet')).toBeTruthy();
    await see(db, [resolved('SUP-9', 1, 2)]);
    changed();
    expect(await screen.findByRole('region', { name: 'November 2026 (to date)' }, { timeout: 3000 })).toBeTruthy();
  });
});

describe('filling the periods from the sites', () => {
  /** A fill the test drives: what the page asked, and the background's messages sent back by hand. */
  function fakeFill(sites: string[]) {
    const asked: Array<[number, number]> = [];
    const cancel = vi.fn();
    let send: (m: FillMessage | null) => void = () => {};
    const fill: FillControl = {
      sites,
      start(start, end, onMessage) {
        asked.push([start, end]);
        send = onMessage;
        return { cancel };
      },
    };
    return { fill, asked, cancel, send: (m: FillMessage | null) => act(() => send(m)) };
  }
  const open = (fill: FillControl) => render(<ReportPage load={(s, e) => loadReport(db, s, e, NOW)} now={NOW} download={vi.fn()} print={() => {}} fill={fill} />);

  it('says what the figures count where no queue is watched, and offers no fill', async () => {
    open(fakeFill([]).fill);
    await screen.findByRole('region', { name: 'November 2026 (to date)' });
    expect(screen.getByText(/^These figures count the tickets this browser has read/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Fill/ })).toBeNull();
  });

  it('reads the shown periods from the watched sites, with each site’s progress, a way to stop, and what it did', async () => {
    const f = fakeFill(['acme.atlassian.net', 'acme.zendesk.com']);
    open(f.fill);
    expect(screen.getByText(/^Reads every ticket resolved in October 2026 and November 2026 on acme\.atlassian\.net and acme\.zendesk\.com/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill these periods from the sites' }));
    // From the first instant of October to now, in the agreements' zone (UTC here).
    expect(f.asked).toEqual([[Date.parse('2026-10-01T00:00:00Z'), NOW]]);
    await f.send({
      type: 'progress',
      done: false,
      sites: [
        { site: 'acme.atlassian.net', state: 'reading', found: 250, read: 100, approximate: 0 },
        { site: 'acme.zendesk.com', state: 'pacing', found: 40, read: 40, approximate: 12, message: 'Reading the histories of 12 tickets at the pace acme.zendesk.com allows…' },
      ],
    });
    const progress = screen.getByRole('status', { name: 'Fill progress' });
    expect([...progress.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'acme.atlassian.net: 100 of 250 tickets read…',
      'acme.zendesk.com: 40 of 40 tickets read. Reading the histories of 12 tickets at the pace acme.zendesk.com allows…',
    ]);
    expect((within(progress).getByRole('progressbar', { name: 'acme.atlassian.net: tickets read' }) as HTMLProgressElement).value).toBe(100);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(f.cancel).toHaveBeenCalledTimes(1);
    await f.send({
      type: 'progress',
      done: true,
      sites: [
        { site: 'acme.atlassian.net', state: 'stopped', found: 250, read: 200, approximate: 0, message: 'Stopped: 200 of 250 tickets read from acme.atlassian.net; what was read is kept.' },
        { site: 'acme.zendesk.com', state: 'done', found: 40, read: 40, approximate: 2 },
      ],
    });
    expect([...screen.getByRole('status', { name: 'Fill progress' }).querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Stopped: 200 of 250 tickets read from acme.atlassian.net; what was read is kept.',
      'acme.zendesk.com: all 40 tickets resolved in October 2026 and November 2026 read; 2 approximate (their history could not be read).',
    ]);
    // Over: it can be asked again.
    expect(screen.getByRole('button', { name: 'Fill these periods from the sites' })).toBeTruthy();
  });

  it('shows the background’s refusal, and a fill cut short, as errors', async () => {
    const f = fakeFill(['acme.atlassian.net']);
    open(f.fill);
    fireEvent.click(screen.getByRole('button', { name: 'Fill these periods from the site' }));
    await f.send({ type: 'refused', message: 'A fill is already running in another report tab: wait for it, or stop it there.' });
    expect(screen.getByRole('alert').textContent).toContain('A fill is already running in another report tab');
    fireEvent.click(screen.getByRole('button', { name: 'Fill these periods from the site' }));
    await f.send(null);
    expect(screen.getByRole('alert').textContent).toContain('The fill stopped before it finished');
  });
});

describe('printing the report', () => {
  it('draws every target behind the figures after them, only while printing, and prints once they are drawn', async () => {
    let drawnWhenPrinted: string[] = [];
    const print = vi.fn(() => {
      drawnWhenPrinted = [...document.querySelectorAll('.report__printed tbody th')].map((th) => th.textContent ?? '');
    });
    render(<ReportPage load={(s, e) => loadReport(db, s, e, NOW)} now={NOW} download={vi.fn()} print={print} />);
    await screen.findByRole('region', { name: 'November 2026 (to date)' });
    expect(screen.queryByRole('region', { name: 'Targets decided' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    // Every target of the periods, drawn before the print began.
    expect(drawnWhenPrinted.sort()).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']);
    const printed = screen.getByRole('region', { name: 'Targets decided' });
    expect(within(printed).getByRole('heading', { name: 'Targets decided in November 2026' })).toBeTruthy();
    expect(within(printed).getByText('=HYPERLINK("x")')).toBeTruthy();
    await act(() => void window.dispatchEvent(new Event('afterprint')));
    expect(screen.queryByRole('region', { name: 'Targets decided' })).toBeNull();
    // The browser's own print (Ctrl+P) draws them too.
    await act(() => void window.dispatchEvent(new Event('beforeprint')));
    expect(screen.getByRole('region', { name: 'Targets decided' })).toBeTruthy();
  });
});
