/**
 * The wallboard (issue 16 §3): an extension page for a TV or a second screen. Counts, the breaches
 * of the next hours and the most urgent tickets, for every tracked ticket or one watched scope,
 * in type readable from across a room. Nobody touches it: it follows the database (live queries),
 * ticks its countdowns every second, and reads again when a ticket turns at risk with no write.
 * Of a ticket it shows only the key, the title (unless hidden) and the assignee.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../components/popup/format';
import { layoutTimeline, roomAfterNow, timelineSummary, type TimelineLayout } from '../../components/popup/timeline-layout';
import { describeScope } from '../../lib/config/format';
import type { SlaLensDatabase } from '../../lib/db/database';
import { advanceSnapshot } from '../../lib/db/popup-query';
import { loadWallboard, readWallboardSettings } from '../../lib/db/wallboard';
import { useLiveQuery } from '../../lib/options/use-live-query';
import { STATE_COLOURS, stateTokenVars } from '../../lib/view/colours';
import type { TicketCounts, TicketSummary } from '../../lib/view/summary';
import { formatDue, pillText, stateWords } from '../../lib/view/words';
import { formatNumber, t, tp, uiLocale, type MessageKey } from '../../lib/i18n/core';
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
  return t('popup_read_failed', { what: t('popup_what_store'), error: error instanceof Error ? error.message : String(error) });
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

  let title = t('wb_all_tickets');
  let subtitle: ScopeCoverage | null = null;
  if (scopeId !== null && data) {
    if (data.scope) {
      title = data.scope.name ?? describeScope(data.scope);
      subtitle = line(data.scope);
    } else title = t('wb_unknown_scope');
  }

  let body;
  if (loaded.status === 'error') body = <p class="wallboard__message wallboard__message--error">{message(loaded.error)}</p>;
  else if (!data) body = <p class="wallboard__message">{t('loading')}</p>;
  else if (!snapshot) body = <p class="wallboard__message wallboard__message--error">{t('wb_no_scope', { id: scopeId ?? '', param: '?scope=' })}</p>;
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
          {snapshot && <span>{tp('popup_tracked', snapshot.tracked)} · </span>}
          {data?.updatedAt != null && <span>{t('wb_updated', { ago: ago(tick - data.updatedAt) })} · </span>}
          <time dateTime={new Date(tick).toISOString()}>{formatClock(tick)}</time>
        </p>
      </header>
      <main class="wallboard__main">{body}</main>
      {footer && (
        <footer class="wallboard__footer">
          <h2 class="visually-hidden" id="wallboard-scopes">
            {t('wb_watched_queues')}
          </h2>
          <ul class="wallboard__scopes" aria-labelledby="wallboard-scopes">
            {footer.slice(0, FOOTER_SCOPES).map((s) => (
              <li key={s.id} class={`wallboard__scope wallboard__scope--${s.status}`}>
                <span class="wallboard__scope-label">{s.label}</span> {s.text}
              </li>
            ))}
            {footer.length > FOOTER_SCOPES && <li class="wallboard__scope">{tp('wb_more_queues', footer.length - FOOTER_SCOPES)}</li>}
          </ul>
        </footer>
      )}
    </div>
  );
}

const COUNTS: ReadonlyArray<{ field: 'breached' | 'atRisk' | 'ok' | 'paused'; state: string; word: MessageKey }> = [
  { field: 'breached', state: 'breached', word: 'counts_breached' },
  { field: 'atRisk', state: 'at-risk', word: 'counts_at_risk' },
  { field: 'ok', state: 'ok', word: 'counts_ok' },
  { field: 'paused', state: 'paused', word: 'counts_paused' },
];

function Counts({ counts }: { counts: TicketCounts }) {
  return (
    <section class="wb-counts" aria-labelledby="wb-counts-title">
      <h2 id="wb-counts-title" class="visually-hidden">
        {t('counts_title')}
      </h2>
      <ul class="wb-counts__list" aria-labelledby="wb-counts-title">
        {COUNTS.map(({ field, state, word }) => (
          <li key={field} class={`wb-count wb-count--${state}`}>
            <span class="wb-count__number">{formatNumber(counts[field])}</span>{' '}
            <span class="wb-count__word">
              <span class="wb-glyph" aria-hidden="true" />
              {t(word)}
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
  if (layout.breached > 0) notes.push(tp('wb_note_breached', layout.breached));
  if (layout.later > 0) notes.push(tp('wb_note_later', layout.later, { when: formatDue(layout.laterFrom, now) }));
  // Time runs in the reading direction: from "now" at the right edge in a right-to-left language
  // (where the SVG's text runs right to left too, so "start" anchors it at its right end), as in the popup.
  const rtl = uiLocale().dir === 'rtl';
  const nowRoom = roomAfterNow(24);
  const mx = (x: number) => (rtl ? WIDTH - x : x);
  return (
    <section class="wb-timeline" aria-labelledby="wb-timeline-title">
      <div class="wb-section-head">
        <h2 id="wb-timeline-title" class="wb-section-title">
          {tp('wb_timeline_title', HOURS)}
        </h2>
        {notes.length > 0 && <p class="wb-section-note">{notes.join(' · ')}</p>}
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={timelineSummary(layout, HOURS)} class="wb-timeline__svg">
        <line class="wb-timeline__axis" x1={mx(GEOMETRY.x0)} x2={mx(GEOMETRY.x1)} y1={BASELINE} y2={BASELINE} />
        <line class="wb-timeline__now" x1={mx(GEOMETRY.x0)} x2={mx(GEOMETRY.x0)} y1={4} y2={BASELINE + 8} />
        <text class="wb-timeline__label" x={mx(GEOMETRY.x0)} y={BASELINE + 34} text-anchor="start">
          {t('tl_now')}
        </text>
        {layout.ticks.map((tick) => (
          <g key={tick.at}>
            <line class="wb-timeline__tick" x1={mx(tick.x)} x2={mx(tick.x)} y1={BASELINE} y2={BASELINE + 8} />
            {/* "Now" owns the starting edge as far as its word runs; a label at the far edge would be cut. */}
            {tick.x - GEOMETRY.x0 >= nowRoom && GEOMETRY.x1 - tick.x >= 40 && (
              <text class="wb-timeline__label" x={mx(tick.x)} y={BASELINE + 34} text-anchor="middle">
                {tick.label}
              </text>
            )}
          </g>
        ))}
        {layout.columns.map((column) => (
          <g key={`${column.x}:${column.shown[0]?.key}`}>
            {column.shown.map((ticket, level) => (
              <circle key={`${ticket.site}/${ticket.key}`} class="wb-timeline__mark" cx={mx(column.x)} cy={BASELINE - 12 - level * STEP} r={8} />
            ))}
            {column.hidden.length > 0 && (
              <text class="wb-timeline__more" x={mx(column.x)} y={BASELINE - 12 - column.shown.length * STEP + 7} text-anchor="middle">
                {formatNumber(column.hidden.length, { signDisplay: 'always' })}
              </text>
            )}
          </g>
        ))}
        {layout.upcoming.length === 0 && (
          <text class="wb-timeline__empty" x={WIDTH / 2} y={BASELINE - 26} text-anchor="middle">
            {t('tl_nothing', { hours: HOURS })}
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
          {t('wb_urgent_title')}
        </h2>
        {total > 0 && <p class="wb-section-note">{shown.length < total ? tp('wb_urgent_shown', total, { shown: shown.length }) : tp('urgent_count', total)}</p>}
      </div>
      <div class="wb-urgent__box" ref={box}>
        {tickets.length === 0 ? (
          <p class={`wb-calm${tracked === 0 ? ' wb-calm--empty' : ''}`}>
            {tracked > 0 && <span class="wb-glyph" aria-hidden="true" />}
            {tracked === 0 ? t('wb_no_tickets') : t('wb_calm')}
          </p>
        ) : (
          <table class={`wb-table${hideTitles ? ' wb-table--no-titles' : ''}`} aria-labelledby="wb-urgent-title">
            <thead>
              <tr>
                <th scope="col">{t('wb_col_state')}</th>
                <th scope="col">{t('wb_col_key')}</th>
                {!hideTitles && <th scope="col">{t('wb_col_title')}</th>}
                <th scope="col">{t('wb_col_assignee')}</th>
                <th scope="col">{t('wb_col_time')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((ticket) => (
                <tr key={`${ticket.site}/${ticket.key}`} class={`wb-row wb-row--${ticket.state}`}>
                  <td class="wb-row__state">
                    <span class={`wb-state wb-state--${ticket.state}`}>
                      <span class="wb-glyph" aria-hidden="true" />
                      {stateWords(ticket.state)}
                    </span>
                  </td>
                  <td class="wb-row__key">{ticket.key}</td>
                  {!hideTitles && (
                    <td class="wb-row__title" dir="auto">
                      {ticket.title?.trim() || t('urgent_no_title')}
                    </td>
                  )}
                  <td class="wb-row__assignee">{ticket.assignee?.trim() || t('unassigned')}</td>
                  <td class="wb-row__time">{pillText(ticket, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
