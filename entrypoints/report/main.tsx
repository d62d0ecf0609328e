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
  // The background's opening figures: one small read, painted before the store's answer.
  const kept: Record<string, unknown> = await browser.storage.session.get(REPORT_SNAPSHOT_KEY).catch(() => ({}));
  const snapshot = storedReportSnapshot(kept[REPORT_SNAPSHOT_KEY]);
  render(<ReportPage snapshot={snapshot} load={load} now={now} download={download} print={() => window.print()} changes={changes} />, root);
}

void main();
