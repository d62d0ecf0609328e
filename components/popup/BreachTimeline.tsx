import type { TargetedKeyboardEvent } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { TicketSummary } from '../../lib/view/summary';
import { compactWallSpan } from '../../lib/view/durations';
import { formatClock } from './format';
import { formatDue, type TimeFormat } from '../../lib/view/words';
import { t, tp, uiLocale } from '../../lib/i18n/core';
import { Words } from '../Words';
import { layoutTimeline, roomAfterNow, timelineSummary, type TimelineGeometry } from './timeline-layout';

interface BreachTimelineProps {
  /** The urgent tickets (at-risk and breached). */
  tickets: readonly TicketSummary[];
  now: number;
  hours?: number;
  format?: TimeFormat | undefined;
}

const WIDTH = 368;
const HEIGHT = 84;
const BASELINE = 58;
const STEP = 9;
const GEOMETRY: Omit<TimelineGeometry, 'spanMs'> = { x0: 16, x1: WIDTH - 16, dot: 8, maxStack: 5 };

function markLabel(ticket: TicketSummary, format: TimeFormat | undefined): string {
  return t('tl_mark', { key: ticket.key, time: formatClock(ticket.dueAt, format) });
}

/**
 * The next hours as a picture: one amber mark per at-risk ticket at the wall-clock time it breaches.
 * Hover a mark, or focus the chart and use the arrow keys, to read which ticket it is.
 */
export function BreachTimeline({ tickets, now, hours = 8, format }: BreachTimelineProps) {
  const nowRoom = roomAfterNow(10);
  const layout = useMemo(() => layoutTimeline(tickets, now, { ...GEOMETRY, spanMs: hours * 3_600_000 }, format), [tickets, now, hours, format]);
  const [hovered, setHovered] = useState<TicketSummary | null>(null);
  const [cursor, setCursor] = useState<{ index: number; active: boolean }>({ index: 0, active: false });
  const { upcoming } = layout;
  const stepped = cursor.active ? upcoming[Math.min(cursor.index, upcoming.length - 1)] : undefined;
  const shown = hovered ?? stepped ?? null;
  // Time runs in the reading direction: from "now" at the right edge in a right-to-left language
  // (where the SVG's text runs right to left too, so "start" anchors it at its right end).
  const rtl = uiLocale().dir === 'rtl';
  const mx = (x: number) => (rtl ? WIDTH - x : x);

  function onKeyDown(event: TargetedKeyboardEvent<HTMLDivElement>) {
    const last = upcoming.length - 1;
    const moves: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (rtl ? i - 1 : i + 1),
      ArrowDown: (i) => i + 1,
      ArrowLeft: (i) => (rtl ? i + 1 : i - 1),
      ArrowUp: (i) => i - 1,
      Home: () => 0,
      End: () => last,
    };
    const move = moves[event.key];
    if (!move || last < 0) return;
    event.preventDefault();
    setHovered(null);
    setCursor(({ index }) => ({ index: Math.max(0, Math.min(last, move(Math.min(index, last)))), active: true }));
  }

  const notes: string[] = [];
  if (layout.breached > 0) notes.push(tp('tl_note_breached', layout.breached));
  if (layout.later > 0) notes.push(tp('tl_note_later', layout.later, { when: formatDue(layout.laterFrom, now, format) }));

  return (
    <div class="timeline">
      <div
        class="timeline__chart"
        tabIndex={upcoming.length > 0 ? 0 : undefined}
        role={upcoming.length > 0 ? 'group' : undefined}
        aria-label={upcoming.length > 0 ? t('tl_chart_label') : undefined}
        onKeyDown={onKeyDown}
        onFocus={() => setCursor((c) => ({ ...c, active: true }))}
        onBlur={() => setCursor((c) => ({ ...c, active: false }))}
      >
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={timelineSummary(layout, hours, format)} class="timeline__svg">
          <line class="timeline__axis" x1={mx(GEOMETRY.x0)} x2={mx(GEOMETRY.x1)} y1={BASELINE} y2={BASELINE} />
          <line class="timeline__now" x1={mx(GEOMETRY.x0)} x2={mx(GEOMETRY.x0)} y1={8} y2={BASELINE + 4} />
          <text class="timeline__label" x={mx(GEOMETRY.x0)} y={BASELINE + 16} text-anchor="start">
            {t('tl_now')}
          </text>
          {layout.ticks.map((tick) => (
            <g key={tick.at}>
              <line class="timeline__tick" x1={mx(tick.x)} x2={mx(tick.x)} y1={BASELINE} y2={BASELINE + 4} />
              {/* "Now" owns the start edge as far as its word runs; a label at the end edge would run into its neighbour. */}
              {tick.x - GEOMETRY.x0 >= nowRoom && GEOMETRY.x1 - tick.x >= 16 && (
                <text class="timeline__label" x={mx(tick.x)} y={BASELINE + 16} text-anchor="middle">
                  {tick.label}
                </text>
              )}
            </g>
          ))}
          {layout.columns.map((column) => (
            <g key={`${column.x}:${column.shown[0]?.key}`}>
              {column.shown.map((t, level) => (
                <circle
                  key={`${t.site}/${t.key}`}
                  class={`timeline__mark${shown === t ? ' timeline__mark--current' : ''}`}
                  cx={mx(column.x)}
                  cy={BASELINE - 8 - level * STEP}
                  r={shown === t ? 4.5 : 3.5}
                  aria-label={markLabel(t, format)}
                  onMouseEnter={() => setHovered(t)}
                  onMouseLeave={() => setHovered(null)}
                >
                  <title>{markLabel(t, format)}</title>
                </circle>
              ))}
              {column.hidden.length > 0 && (
                <text
                  class={`timeline__more${shown && column.hidden.includes(shown) ? ' timeline__more--current' : ''}`}
                  x={mx(column.x)}
                  y={BASELINE - 8 - column.shown.length * STEP + 3}
                  text-anchor="middle"
                  aria-label={t('tl_more', { n: column.hidden.length, keys: column.hidden.map((ticket) => ticket.key).join(', ') })}
                  onMouseEnter={() => setHovered(column.hidden[0]!)}
                  onMouseLeave={() => setHovered(null)}
                >
                  +{column.hidden.length}
                  <title>{column.hidden.map((ticket) => markLabel(ticket, format)).join('\n')}</title>
                </text>
              )}
            </g>
          ))}
          {upcoming.length === 0 && (
            <text class="timeline__empty" x={WIDTH / 2} y={BASELINE - 20} text-anchor="middle">
              {t('tl_nothing', { hours })}
            </text>
          )}
        </svg>
      </div>
      {upcoming.length > 0 && (
        <p class="timeline__readout" role="status">
          {shown ? (
            <>
              <Words text={t('tl_mark', { time: formatClock(shown.dueAt, format) })} parts={{ key: <strong>{shown.key}</strong> }} />
              {shown.dueAt > now ? ` ${t('tl_in', { span: compactWallSpan(shown.dueAt - now) })}` : ''}
              {shown.title?.trim() ? ` · ${shown.title.trim()}` : ''}
            </>
          ) : (
            t('tl_hint')
          )}
        </p>
      )}
      {notes.length > 0 && <p class="timeline__notes">{notes.join(' · ')}</p>}
    </div>
  );
}
