import { liveQuery } from 'dexie';
import { render } from 'preact';
import { SlaLensDatabase } from '../../lib/db/database';
import { loadReport, storedReportSnapshot, type ReportData } from '../../lib/db/report';
import { REPORT_SNAPSHOT_KEY } from '../../lib/storage-keys';
import { browser } from '#imports';
import { ticketWrites } from '../../lib/db/tallies';
import { applyStateTokens } from '../../lib/view/colours';
import { firstRange } from '../../lib/report/periods';
import { ReportPage } from './ReportPage';
import type { FillControl } from './FillBar';
import { readScopes } from '../../lib/watch/store';
import { FILL_CANCEL, FILL_PORT, parseFillMessage, type FillRequest } from '../../lib/watch/fill-protocol';
import { installLanguage, onLanguageChanged } from '../../lib/i18n/browser';
import { t } from '../../lib/i18n/core';
import './style.css';

/** A file the browser saves: the CSV as text, named for its periods. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A fill through the background (lib/watch/fill.ts), over a port the page holds while it runs. */
function fillControl(sites: readonly string[]): FillControl {
  return {
    sites,
    start(start, end, onMessage) {
      const port = browser.runtime.connect({ name: FILL_PORT });
      let over = false;
      port.onMessage.addListener((raw: unknown) => {
        const message = parseFillMessage(raw);
        if (!message || over) return;
        if (message.type === 'refused' || message.done) {
          over = true;
          port.disconnect();
        }
        onMessage(message);
      });
      port.onDisconnect.addListener(() => {
        if (over) return;
        over = true;
        onMessage(null);
      });
      port.postMessage({ type: 'fill', start, end } satisfies FillRequest);
      return { cancel: () => void (over || port.postMessage(FILL_CANCEL)) };
    },
  };
}

async function main() {
  const root = document.getElementById('app');
  if (!root) return;
  applyStateTokens(document);
  const db = new SlaLensDatabase();
  const now = Date.now();
  // The figures' read starts now, not once the page has rendered and run its effects.
  const first = firstRange(now);
  let early: Promise<ReportData> | null = loadReport(db, first.start, first.end, Date.now());
  const load = (start: number, end: number) => {
    if (early && start === first.start && end === first.end) {
      const ready = early;
      early = null;
      return ready;
    }
    return loadReport(db, start, end, Date.now());
  };
  // Every write of the tickets (and so of the decided targets, in the same transaction) moves the store's write count.
  const changes = (listener: () => void) => {
    const subscription = liveQuery(() => ticketWrites(db)).subscribe({ next: listener });
    return () => subscription.unsubscribe();
  };
  // The background's opening figures: one small read, painted before the store's answer; beside
  // it, the language (the user's choice, else the browser's), which every word below is said in.
  const [kept] = await Promise.all([browser.storage.session.get(REPORT_SNAPSHOT_KEY).catch(() => ({}) as Record<string, unknown>), installLanguage(document)]);
  let snapshot = storedReportSnapshot(kept[REPORT_SNAPSHOT_KEY]);
  document.title = t('report_doc_title');
  let drawnFill: FillControl | undefined;
  const draw = (fill = drawnFill) => {
    drawnFill = fill;
    render(<ReportPage snapshot={snapshot} load={load} now={now} download={download} print={() => window.print()} changes={changes} fill={fill} />, root);
  };
  // Another language chosen (on the options page): the page says everything again in it, its
  // periods' names included, from its own read (the kept figures are in the words of their time).
  // A fill running then stops; what it read is kept.
  onLanguageChanged(() => {
    document.title = t('report_doc_title');
    snapshot = null;
    render(null, root);
    draw();
  }, document);
  // The figures do not wait for the watched sites: the fill's offer joins them when they are known
  // (those a queue is watched on, the team's and this person's).
  draw();
  const sites = await readScopes(db).then(
    (scopes) => [...new Set(scopes.map((s) => s.site))].sort(),
    () => [],
  );
  draw(fillControl(sites));
}

void main();
