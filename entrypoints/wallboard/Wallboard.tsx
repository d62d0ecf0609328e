/**
 * The wallboard (issue 16 §3): an extension page for a TV or a second screen. Counts, the breaches
 * of the next hours and the most urgent tickets, for every tracked ticket or one watched scope,
 * in type readable from across a room. Nobody touches it: it follows the database (live queries),
 * ticks its countdowns every second, and reads again when a ticket turns at risk with no write.
 * Of a ticket it shows only the key, the title (unless hidden) and the assignee.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../components/popup/format';
import { layoutTimeline, timelineSummary, type TimelineLayout } from '../../components/popup/timeline-layout';
import { describeScope } from '../../lib/config/format';
import type { SlaLensDatabase } from '../../lib/db/database';
import { advanceSnapshot } from '../../lib/db/popup-query';
import { loadWallboard, readWallboardSettings } from '../../lib/db/wallboard';
import { useLiveQuery } from '../../lib/options/use-live-query';
import { STATE_COLOURS, stateTokenVars } from '../../lib/view/colours';
import type { TicketCounts, TicketSummary } from '../../lib/view/summary';
import { formatDue, pillText, plural, stateWords } from '../../lib/view/words';
import { ago, coverage, type ScopeCoverage } from '../../lib/watch/state';
import type { WatchScope } from '../../lib/watch/types';

export interface WallboardProps {
  db: SlaLensDatabase;
  now: () => number;
  /** The page's query: `scope=<id>`, `theme=dark|light`, `titles=off`. */
  params: URLSearchParams;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const TICK_MS = SECOND;
const RETRY_MS = 30 * SECOND;
const HOURS = 8;
/** The most rows the urgent table shows; fewer when the screen has no room for them. */
export const MAX_ROWS = 12;
/** Watched scopes named in the footer; the rest are counted. */
const FOOTER_SCOPES = 4;

type Theme = 'dark' | 'light';

/**
 * The state colours for a forced theme: the page's own (lib/view/colours.ts) follow only the
 * system's scheme, and these, on `:root[data-theme]`, outrank them.
 */
function forcedStateTokensCss(): string {
  return (['light', 'dark'] as const).map((theme) => `:root[data-theme='${theme}']{${stateTokenVars(STATE_COLOURS[theme])}}`).join('');
}

function useTheme(theme: Theme | null) {
  useEffect(() => {
    if (!theme) return;
    const root = document.documentElement;
    root.dataset.theme = theme;
    if (!document.getElementById('sla-forced-state-tokens')) {
      const style = document.createElement('style');
      style.id = 'sla-forced-state-tokens';
      style.textContent = forcedStateTokensCss();
      document.head.append(style);
    }
    return () => {
      delete root.dataset.theme;
    };
  }, [theme]);
}

function message(error: unknown): string {
  return `SLA Lens could not read its ticket store: ${error instanceof Error ? error.message : String(error)}`;
}

export function Wallboard({ db, now, params }: WallboardProps) {
  const scopeId = params.get('scope') || null;
  const forced = params.get('theme');
  const theme: Theme | null = forced === 'dark' || forced === 'light' ? forced : null;
  useTheme(theme);

  const [tick, setTick] = useState(() => now());
  const [reloads, setReloads] = useState(0);
  const settings = useLiveQuery(() => readWallboardSettings(db), [db]);
  const loaded = useLiveQuery(() => loadWallboard(db, now(), scopeId), [db, scopeId, reloads]);

  useEffect(() => {
    const ticking = setInterval(() => setTick(now()), TICK_MS);
    return () => clearInterval(ticking);
  }, [now]);

  // A ticket turns at risk with no write: read again at its moment, once per snapshot.
  const reloadAt = loaded.status === 'ready' ? (loaded.value.snapshot?.reloadAt ?? Infinity) : Infinity;
  const reloadedFor = useRef<number | null>(null);
  useEffect(() => {
    if (tick >= reloadAt && reloadedFor.current !== reloadAt) {
      reloadedFor.current = reloadAt;
      setReloads((r) => r + 1);
    }
  }, [tick, reloadAt]);

  // Nobody is there to reload a screen on the wall: a failed read (the database closed for an
  // upgrade, say) is tried again until it succeeds.
  const failed = loaded.status === 'error';
  useEffect(() => {
    if (!failed) return;
    const retry = setTimeout(() => setReloads((r) => r + 1), RETRY_MS);
    return () => clearTimeout(retry);
  }, [failed, reloads]);

  const data = loaded.status === 'ready' ? loaded.value : null;
  const snapshot = useMemo(() => {
    const base = data?.snapshot;
    if (!base) return null;
    return tick > base.now ? advanceSnapshot(base, tick) : base;
  }, [data, tick]);

  // A screen in a public space must not flash titles before the setting is read: hidden until then.
  const hideTitles = params.get('titles') === 'off' || settings.status !== 'ready' || settings.value.hideTitles;
  const line = (scope: WatchScope): ScopeCoverage => coverage(scope, data?.states[scope.id], tick, scope.name ?? describeScope(scope));

  let title = 'All tickets';
  let subtitle: ScopeCoverage | null = null;
  if (scopeId !== null && data) {
    if (data.scope) {
      title = data.scope.name ?? describeScope(data.scope);
      subtitle = line(data.scope);
    } else title = 'Unknown scope';
  }

  let body;
  if (loaded.status === 'error') body = <p class="wallboard__message wallboard__message--error">{message(loaded.error)}</p>;
  else if (!data) body = <p class="wallboard__message">Loading…</p>;
  else if (!snapshot)
    body = (
      <p class="wallboard__message wallboard__message--error">
        SLA Lens watches no scope with the id “{scopeId}”: it may have been removed. Open the wallboard again from the options page (Watched queues), or without “?scope=” to show every tracked ticket.
      </p>
    );
  else
    body = (
      <>
        <Counts counts={snapshot.counts} />
        <Timeline tickets={snapshot.urgent} now={tick} />
        <UrgentTable tickets={snapshot.urgent} total={snapshot.urgentTotal} tracked={snapshot.tracked} now={tick} hideTitles={hideTitles} />
      </>
    );

  const footer = scopeId === null && data && data.scopes.length > 0 ? data.scopes.map(line) : null;
  return (
    <div class="wallboard">
      <header class="wallboard__header">
        <div class="wallboard__heading">
          <h1 class="wallboard__title">{title}</h1>
          {subtitle && <p class={`wallboard__coverage wallboard__coverage--${subtitle.status}`}>{`${subtitle.site} · ${subtitle.text}`}</p>}
        </div>
        <p class="wallboard__meta">
          {snapshot && <span>{plural(snapshot.tracked, 'ticket')} tracked · </span>}
          {data?.updatedAt != null && <span>Updated {ago(tick - data.updatedAt)} · </span>}
          <time dateTime={new Date(tick).toISOString()}>{formatClock(tick)}</time>
        </p>
      </header>
      <main class="wallboard__main">{body}</main>
      {footer && (
        <footer class="wallboard__footer">
          <h2 class="visually-hidden" id="wallboard-scopes">
            Watched queues
          </h2>
          <ul class="wallboard__scopes" aria-labelledby="wallboard-scopes">
            {footer.slice(0, FOOTER_SCOPES).map((s) => (
              <li key={s.id} class={`wallboard__scope wallboard__scope--${s.status}`}>
                <span class="wallboard__scope-label">{s.label}</span> {s.text}
              </li>
            ))}
            {footer.length > FOOTER_SCOPES && <li class="wallboard__scope">{plural(footer.length - FOOTER_SCOPES, 'more queue')}</li>}
          </ul>
        </footer>
      )}
    </div>
  );
}

const COUNTS = [
  { field: 'breached', state: 'breached', word: 'breached' },
  { field: 'atRisk', state: 'at-risk', word: 'at risk' },
  { field: 'ok', state: 'ok', word: 'on track' },
  { field: 'paused', state: 'paused', word: 'paused' },
] as const;

function Counts({ counts }: { counts: TicketCounts }) {
  return (
    <section class="wb-counts" aria-labelledby="wb-counts-title">
      <h2 id="wb-counts-title" class="visually-hidden">
        Tickets by state
      </h2>
      <ul class="wb-counts__list" aria-labelledby="wb-counts-title">
        {COUNTS.map(({ field, state, word }) => (
          <li key={field} class={`wb-count wb-count--${state}`}>
            <span class="wb-count__number">{counts[field].toLocaleString('en')}</span>{' '}
            <span class="wb-count__word">
              <span class="wb-glyph" aria-hidden="true" />
              {word}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

// The popup's timeline (BreachTimeline), drawn for a wide screen and without its hover and keys.
const WIDTH = 1600;
const HEIGHT = 124;
const BASELINE = 82;
const STEP = 20;
const GEOMETRY = { x0: 24, x1: WIDTH - 24, dot: 22, maxStack: 4 };

function Timeline({ tickets, now }: { tickets: readonly TicketSummary[]; now: number }) {
  const layout: TimelineLayout = useMemo(() => layoutTimeline(tickets, now, { ...GEOMETRY, spanMs: HOURS * HOUR }), [tickets, now]);
  const notes: string[] = [];
  if (layout.breached > 0) notes.push(`${plural(layout.breached, 'ticket')} already breached`);
  if (layout.later > 0) notes.push(`${plural(layout.later, 'more')} later, the first ${formatDue(layout.laterFrom, now)}`);
  return (
    <section class="wb-timeline" aria-labelledby="wb-timeline-title">
      <div class="wb-section-head">
        <h2 id="wb-timeline-title" class="wb-section-title">
          Breaches in the next {HOURS} hours
        </h2>
        {notes.length > 0 && <p class="wb-section-note">{notes.join(' · ')}</p>}
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={timelineSummary(layout, HOURS)} class="wb-timeline__svg">
        <line class="wb-timeline__axis" x1={GEOMETRY.x0} x2={GEOMETRY.x1} y1={BASELINE} y2={BASELINE} />
        <line class="wb-timeline__now" x1={GEOMETRY.x0} x2={GEOMETRY.x0} y1={4} y2={BASELINE + 8} />
        <text class="wb-timeline__label" x={GEOMETRY.x0} y={BASELINE + 34} text-anchor="start">
          Now
        </text>
        {layout.ticks.map((tick) => (
          <g key={tick.at}>
            <line class="wb-timeline__tick" x1={tick.x} x2={tick.x} y1={BASELINE} y2={BASELINE + 8} />
            {/* "Now" owns the left edge; a label at the right edge would be cut. */}
            {tick.x - GEOMETRY.x0 >= 90 && GEOMETRY.x1 - tick.x >= 40 && (
              <text class="wb-timeline__label" x={tick.x} y={BASELINE + 34} text-anchor="middle">
                {tick.label}
              </text>
            )}
          </g>
        ))}
        {layout.columns.map((column) => (
          <g key={`${column.x}:${column.shown[0]?.key}`}>
            {column.shown.map((t, level) => (
              <circle key={`${t.site}/${t.key}`} class="wb-timeline__mark" cx={column.x} cy={BASELINE - 12 - level * STEP} r={8} />
            ))}
            {column.hidden.length > 0 && (
              <text class="wb-timeline__more" x={column.x} y={BASELINE - 12 - column.shown.length * STEP + 7} text-anchor="middle">
                +{column.hidden.length}
              </text>
            )}
          </g>
        ))}
        {layout.upcoming.length === 0 && (
          <text class="wb-timeline__empty" x={WIDTH / 2} y={BASELINE - 26} text-anchor="middle">
            Nothing breaches in the next {HOURS} hours
          </text>
        )}
      </svg>
    </section>
  );
}

/** How many rows the table's box has room for: measured where there is layout, MAX_ROWS where there is none (tests). */
function useRowsThatFit(box: { current: HTMLElement | null }, shown: number): number {
  const [fit, setFit] = useState(MAX_ROWS);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const head = el.querySelector('thead')?.getBoundingClientRect().height ?? 0;
      const row = el.querySelector('tbody tr')?.getBoundingClientRect().height ?? 0;
      const room = el.clientHeight - head;
      if (row <= 0 || room <= 0) return;
      setFit(Math.max(1, Math.min(MAX_ROWS, Math.floor(room / row))));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
    // Rows appear with the first urgent ticket: measure again then.
  }, [box, shown > 0]);
  return fit;
}

function UrgentTable({ tickets, total, tracked, now, hideTitles }: { tickets: readonly TicketSummary[]; total: number; tracked: number; now: number; hideTitles: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const fit = useRowsThatFit(box, tickets.length);
  const shown = tickets.slice(0, fit);
  return (
    <section class="wb-urgent" aria-labelledby="wb-urgent-title">
      <div class="wb-section-head">
        <h2 id="wb-urgent-title" class="wb-section-title">
          Most urgent
        </h2>
        {total > 0 && <p class="wb-section-note">{shown.length < total ? `${shown.length} of ${plural(total, 'ticket')} at risk or breached` : `${plural(total, 'ticket')} at risk or breached`}</p>}
      </div>
      <div class="wb-urgent__box" ref={box}>
        {tickets.length === 0 ? (
          <p class={`wb-calm${tracked === 0 ? ' wb-calm--empty' : ''}`}>
            {tracked > 0 && <span class="wb-glyph" aria-hidden="true" />}
            {tracked === 0 ? 'No tickets tracked yet.' : 'Nothing at risk or breached.'}
          </p>
        ) : (
          <table class={`wb-table${hideTitles ? ' wb-table--no-titles' : ''}`} aria-labelledby="wb-urgent-title">
            <thead>
              <tr>
                <th scope="col">State</th>
                <th scope="col">Key</th>
                {!hideTitles && <th scope="col">Title</th>}
                <th scope="col">Assignee</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <tr key={`${t.site}/${t.key}`} class={`wb-row wb-row--${t.state}`}>
                  <td class="wb-row__state">
                    <span class={`wb-state wb-state--${t.state}`}>
                      <span class="wb-glyph" aria-hidden="true" />
                      {stateWords(t.state)}
                    </span>
                  </td>
                  <td class="wb-row__key">{t.key}</td>
                  {!hideTitles && <td class="wb-row__title">{t.title?.trim() || 'No title seen'}</td>}
                  <td class="wb-row__assignee">{t.assignee?.trim() || 'Unassigned'}</td>
                  <td class="wb-row__time">{pillText(t, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
