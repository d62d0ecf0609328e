/**
 * Where the breach timeline draws things: a wall-clock axis from `now` to `now + span`, one mark
 * per at-risk ticket at its breach time, marks closer than a dot's width stacked into one column
 * (at most `maxStack` high, the rest counted), and a tick at every whole local hour. Pure.
 */
import type { TicketSummary } from '../../lib/view/summary';
import { formatClock, formatHour, nextLocalHour } from './format';
import { type TimeFormat } from '../../lib/view/words';
import { sentence, t, tp } from '../../lib/i18n/core';

export interface TimelineGeometry {
  spanMs: number;
  /** The axis runs from x0 (now) to x1 (now + span), in SVG units. */
  x0: number;
  x1: number;
  /** Marks closer than this start a stack rather than a new column. */
  dot: number;
  maxStack: number;
}

export interface TimelineColumn {
  x: number;
  /** Drawn as stacked dots, soonest at the bottom. */
  shown: TicketSummary[];
  /** Counted in a "+n" at the top of the stack. */
  hidden: TicketSummary[];
}

export interface TimelineLayout {
  /** The at-risk tickets that breach within the span, soonest first. */
  upcoming: TicketSummary[];
  columns: TimelineColumn[];
  /** Already breached: not drawn, counted. */
  breached: number;
  /** At risk but breaching after the span. */
  later: number;
  /** When the first of those breaches (Infinity: none). */
  laterFrom: number;
  ticks: Array<{ at: number; x: number; label: string }>;
}

export function layoutTimeline(tickets: readonly TicketSummary[], now: number, g: TimelineGeometry, format: TimeFormat = {}): TimelineLayout {
  const end = now + g.spanMs;
  const xOf = (t: number) => g.x0 + ((Math.max(now, Math.min(end, t)) - now) / g.spanMs) * (g.x1 - g.x0);
  let breached = 0;
  let later = 0;
  let laterFrom = Infinity;
  const upcoming: TicketSummary[] = [];
  for (const t of tickets) {
    if (t.state === 'breached') breached++;
    else if (t.state === 'at-risk') {
      if (t.dueAt <= end) upcoming.push(t);
      else {
        later++;
        laterFrom = Math.min(laterFrom, t.dueAt);
      }
    }
  }
  upcoming.sort((a, b) => a.dueAt - b.dueAt);

  const columns: TimelineColumn[] = [];
  let column: TimelineColumn | undefined;
  for (const t of upcoming) {
    const x = xOf(t.dueAt);
    if (!column || x - column.x >= g.dot) {
      column = { x, shown: [], hidden: [] };
      columns.push(column);
    }
    column.shown.push(t);
  }
  // The top slot of an overfull stack holds the count of the rest.
  for (const c of columns) {
    if (c.shown.length > g.maxStack) c.hidden = c.shown.splice(g.maxStack - 1);
  }

  const ticks: TimelineLayout['ticks'] = [];
  for (let at = nextLocalHour(now, format); at <= end; at += 3_600_000) ticks.push({ at, x: xOf(at), label: formatHour(at, format) });
  return { upcoming, columns, breached, later, laterFrom, ticks };
}

/** The picture in words: "5 tickets breach in the next 8 hours, the first SUP-12 at 14:05; 2 already breached." */
export function timelineSummary(layout: TimelineLayout, hours: number, format: TimeFormat = {}): string {
  const n = layout.upcoming.length;
  const first = layout.upcoming[0];
  let text = n === 0 || !first ? t('tl_summary_none', { hours }) : tp('tl_summary', n, { hours, key: first.key, time: formatClock(first.dueAt, format) });
  if (layout.breached > 0) text += `${t('list_separator')}${t('tl_already_breached', { n: layout.breached })}`;
  return sentence(text);
}

/**
 * How far from the start edge an hour's label must stand to clear the word for "now" ("Now",
 * "Maintenant", "現在") drawn there at `fontPx`: the word's width (wide scripts a whole em a
 * letter, others about 0.62) plus half an hour's label and a gap.
 */
export function roomAfterNow(fontPx: number): number {
  let ems = 0;
  for (const ch of t('tl_now')) ems += /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.62;
  return Math.ceil((ems + 1.6) * fontPx);
}
