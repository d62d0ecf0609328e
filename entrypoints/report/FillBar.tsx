import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
import { listAnd, sentence, t, tp } from '../../lib/i18n/core';
import type { FillMessage, SiteFill } from '../../lib/watch/fill-protocol';

export interface FillRun {
  /** Stops the fill; what was read stays in the store. */
  cancel(): void;
}

export interface FillControl {
  /** The sites a watched queue is on: where a fill reads. */
  sites: readonly string[];
  /** Starts filling `[start, end)`; every message of the background comes back (null: it went away before it finished). */
  start(start: number, end: number, onMessage: (message: FillMessage | null) => void): FillRun;
}

/** What a site's fill says while it runs and once it is over; `periods` are the periods' names as a list. */
function siteWords(s: SiteFill, periods: string): string {
  switch (s.state) {
    case 'waiting':
    case 'listing':
      return t('report_fill_finding', { site: s.site, periods });
    case 'reading':
      return tp('report_fill_reading', s.found, { site: s.site, read: s.read });
    case 'pacing':
      return tp('report_fill_pacing', s.found, { site: s.site, read: s.read, message: s.message ?? '' });
    case 'done': {
      const read = s.found === 0 ? t('report_fill_done_none', { site: s.site, periods }) : tp('report_fill_done', s.found, { site: s.site, periods });
      return sentence(s.approximate > 0 ? tp('report_fill_done_approximate', s.approximate, { done: read }) : read);
    }
    case 'failed':
      return s.message ?? t('report_fill_failed', { site: s.site });
    case 'stopped':
      return s.message ?? t('report_fill_stopped', { site: s.site });
  }
}

/**
 * "Fill this period from the site" (issue 17 §3): where queues are watched, the report can read
 * every ticket resolved in its periods from their sites, with progress and a way to stop; where
 * none is, it says that the figures count what this browser has read.
 */
export function FillBar({ fill, range, periods }: { fill: FillControl; range: { start: number; end: number } | null; periods: readonly string[] }) {
  const [sites, setSites] = useState<SiteFill[] | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const label = listAnd(periods);
  const [filledLabel, setFilledLabel] = useState(label);
  const run = useRef<FillRun | null>(null);
  // The page closing closes the port, which stops the fill; a page that only re-renders keeps it.
  useEffect(() => () => run.current?.cancel(), []);

  if (fill.sites.length === 0) {
    return <p class="report__fill muted">{t('report_fill_none')}</p>;
  }
  const go = () => {
    if (!range) return;
    setProblem(null);
    setSites(null);
    setRunning(true);
    setFilledLabel(label);
    run.current = fill.start(range.start, range.end, (message) => {
      if (message === null || message.type === 'refused') {
        setRunning(false);
        run.current = null;
        setProblem(message?.message ?? t('report_fill_lost'));
        return;
      }
      setSites(message.sites);
      if (message.done) {
        setRunning(false);
        run.current = null;
      }
    });
  };
  const where = listAnd(fill.sites);
  return (
    <section class="report__fill" aria-label={t('report_fill_region')}>
      {!running && (
        <p>
          <Button variant="secondary" size="small" onClick={go} disabled={!range}>
            {periods.length > 1 ? tp('report_fill_these_periods', fill.sites.length) : tp('report_fill_this_period', fill.sites.length)}
          </Button>{' '}
          <span class="muted">{t('report_fill_offer', { periods: label, sites: where })}</span>
        </p>
      )}
      {running && (
        <p>
          <Button variant="secondary" size="small" onClick={() => run.current?.cancel()}>
            {t('report_cancel')}
          </Button>{' '}
          <span class="muted">{t('report_filling', { periods: label, sites: where })}</span>
        </p>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      {sites && (
        <ul class="report__fill-sites" role="status" aria-label={t('report_fill_progress')}>
          {sites.map((s) => (
            <li key={s.site} class={s.state === 'failed' ? 'report__fill-failed' : undefined}>
              {siteWords(s, filledLabel)}
              {(s.state === 'reading' || s.state === 'pacing') && s.found > 0 && <progress max={s.found} value={s.read} aria-label={t('report_fill_site_read', { site: s.site })} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
