import { useEffect } from 'preact/hooks';
import { formatLocale, t, tp, uiLocale } from '../../lib/i18n/core';
import { percentText } from '../../lib/report/credits';
import type { PeriodReport } from '../../lib/report/report';

const W = 720;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };

const monthFormats = new Map<string, Intl.DateTimeFormat>();
/** A month's short name in the language in use, read mid-month so no zone moves it into the next. */
function monthName(instant: number): string {
  const locale = formatLocale();
  let f = monthFormats.get(locale);
  if (!f) monthFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })));
  return f.format(instant + 15 * 86_400_000);
}

/** A month's compliance: the chosen agreement's cell, or every root agreement's together. */
function monthFigures(r: PeriodReport, agreement: string): { met: number; decided: number } {
  const cells = agreement ? r.cells.filter((c) => c.key === agreement) : r.cells.filter((c) => c.depth === 0);
  return { met: cells.reduce((n, c) => n + c.met, 0), decided: cells.reduce((n, c) => n + c.decided, 0) };
}

/** What a month's bar says: its compliance of how many targets, and against the objective. */
function monthWords(month: string, compliance: number | null, decided: number, objective: number | undefined): string {
  if (compliance === null) return t('report_trend_month_none', { month });
  const figures = tp('report_trend_month', decided, { month, pct: percentText(compliance, 1) });
  if (objective === undefined) return figures;
  return t(compliance >= objective ? 'report_trend_objective_met' : 'report_trend_objective_below', { figures });
}

/**
 * Compliance per month as bars, the objective as a line (issue 17 §1). Each bar is a focusable
 * image with its figures in words, so the chart reads with a keyboard and a screen reader as it
 * does with the eyes; the months without a decided target say so.
 */
export function TrendChart({ reports, agreement, objective, onShown }: { reports: PeriodReport[]; agreement: string; objective?: number | undefined; onShown?: () => void }) {
  useEffect(() => onShown?.(), []);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, reports.length);
  const y = (p: number) => PAD.top + innerH * (1 - p / 100);
  // The months run in the reading direction: the oldest at the right in a right-to-left language,
  // the percentages on the right edge. The SVG's text runs right to left there too, so `end`
  // anchors an axis label at its left end, clear of the bars.
  const rtl = uiLocale().dir === 'rtl';
  const mx = (x: number) => (rtl ? W - x : x);
  const months = reports.map((r) => ({ r, ...monthFigures(r, agreement) }));
  return (
    <svg
      class="trend"
      viewBox={`0 0 ${W} ${H}`}
      role="group"
      aria-label={objective !== undefined ? t('report_trend_label_objective', { objective: percentText(objective, 2) }) : t('report_trend_label')}
    >
      {[0, 50, 100].map((p) => (
        <g key={p} aria-hidden="true">
          <line class="trend__grid" x1={mx(PAD.left)} x2={mx(W - PAD.right)} y1={y(p)} y2={y(p)} />
          <text class="trend__axis" x={mx(PAD.left - 6)} y={y(p) + 4} text-anchor="end">
            {percentText(p, 0)}
          </text>
        </g>
      ))}
      {months.map(({ r, met, decided }, i) => {
        const x = PAD.left + i * step + step * 0.15;
        const width = step * 0.7;
        const compliance = decided === 0 ? null : (met / decided) * 100;
        const words = monthWords(r.period.label, compliance, decided, objective);
        const below = compliance !== null && objective !== undefined && compliance < objective;
        return (
          <g key={r.period.id} tabIndex={0} role="img" aria-label={words} class="trend__month">
            <title>{words}</title>
            {compliance !== null && (
              <rect class={below ? 'trend__bar trend__bar--below' : 'trend__bar'} x={rtl ? W - x - width : x} width={width} y={y(compliance)} height={Math.max(1, y(0) - y(compliance))} />
            )}
            <text class="trend__axis" x={mx(x + width / 2)} y={H - 10} text-anchor="middle" aria-hidden="true">
              {monthName(r.period.start)}
            </text>
          </g>
        );
      })}
      {objective !== undefined && <line class="trend__objective" x1={mx(PAD.left)} x2={mx(W - PAD.right)} y1={y(objective)} y2={y(objective)} aria-hidden="true" />}
    </svg>
  );
}
