import { useEffect, useRef, useState } from 'preact/hooks';
import { Button } from '../../components/Button';
import { Notice } from '../../components/Notice';
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

const n = (count: number) => count.toLocaleString('en');
const listed = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

/** What a site's fill says while it runs and once it is over. */
function siteWords(s: SiteFill, label: string): string {
  switch (s.state) {
    case 'waiting':
    case 'listing':
      return `${s.site}: finding the tickets resolved in ${label}…`;
    case 'reading':
      return `${s.site}: ${n(s.read)} of ${n(s.found)} tickets read…`;
    case 'pacing':
      return `${s.site}: ${n(s.read)} of ${n(s.found)} tickets read. ${s.message ?? ''}`;
    case 'done': {
      const read = s.found === 0 ? `no ticket was resolved in ${label}` : `${s.found === 1 ? 'the ticket' : `all ${n(s.found)} tickets`} resolved in ${label} read`;
      const approximate = s.approximate > 0 ? `; ${n(s.approximate)} approximate (their history could not be read)` : '';
      return `${s.site}: ${read}${approximate}.`;
    }
    case 'failed':
    case 'stopped':
      return s.message ?? `${s.site}: ${s.state}.`;
  }
}

/**
 * "Fill this period from the site" (issue 17 §3): where queues are watched, the report can read
 * every ticket resolved in its periods from their sites, with progress and a way to stop; where
 * none is, it says that the figures count what this browser has read.
 */
export function FillBar({ fill, range, label }: { fill: FillControl; range: { start: number; end: number } | null; label: string }) {
  const [sites, setSites] = useState<SiteFill[] | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [filledLabel, setFilledLabel] = useState(label);
  const run = useRef<FillRun | null>(null);
  // The page closing closes the port, which stops the fill; a page that only re-renders keeps it.
  useEffect(() => () => run.current?.cancel(), []);

  if (fill.sites.length === 0) {
    return (
      <p class="report__fill muted">
        These figures count the tickets this browser has read: those seen on pages and in watched queues. Watch a queue in the settings to fill a whole period from its site.
      </p>
    );
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
        setProblem(message?.message ?? 'The fill stopped before it finished: SLA Lens’s background went away. What was read is kept; fill again to read the rest.');
        return;
      }
      setSites(message.sites);
      if (message.done) {
        setRunning(false);
        run.current = null;
      }
    });
  };
  const several = label.includes(' and ');
  const where = fill.sites.length > 1 ? 'the sites' : 'the site';
  return (
    <section class="report__fill" aria-label="Fill from the sites">
      {!running && (
        <p>
          <Button variant="secondary" size="small" onClick={go} disabled={!range}>
            {several ? `Fill these periods from ${where}` : `Fill this period from ${where}`}
          </Button>{' '}
          <span class="muted">
            Reads every ticket resolved in {label} on {listed(fill.sites)}, so the report does not depend on what was open in this browser.
          </span>
        </p>
      )}
      {running && (
        <p>
          <Button variant="secondary" size="small" onClick={() => run.current?.cancel()}>
            Cancel
          </Button>{' '}
          <span class="muted">
            Filling {label} from {listed(fill.sites)}…
          </span>
        </p>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
      {sites && (
        <ul class="report__fill-sites" role="status" aria-label="Fill progress">
          {sites.map((s) => (
            <li key={s.site} class={s.state === 'failed' ? 'report__fill-failed' : undefined}>
              {siteWords(s, filledLabel)}
              {(s.state === 'reading' || s.state === 'pacing') && s.found > 0 && <progress max={s.found} value={s.read} aria-label={`${s.site}: tickets read`} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
