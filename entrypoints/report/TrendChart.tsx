import { useEffect } from 'preact/hooks';
import type { PeriodReport } from '../../lib/report/report';

const W = 720;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };
/** A month's short name, read mid-month so no zone moves it into the next. */
const MONTH = new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' });

/** A month's compliance: the chosen agreement's cell, or every root agreement's together. */
function monthFigures(r: PeriodReport, agreement: string): { met: number; decided: number } {
  const cells = agreement ? r.cells.filter((c) => c.key === agreement) : r.cells.filter((c) => c.depth === 0);
  return { met: cells.reduce((n, c) => n + c.met, 0), decided: cells.reduce((n, c) => n + c.decided, 0) };
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
  const months = reports.map((r) => ({ r, ...monthFigures(r, agreement) }));
  return (
    <svg class="trend" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Compliance by month${objective !== undefined ? `, objective ${objective}%` : ''}`}>
      {[0, 50, 100].map((p) => (
        <g key={p} aria-hidden="true">
          <line class="trend__grid" x1={PAD.left} x2={W - PAD.right} y1={y(p)} y2={y(p)} />
          <text class="trend__axis" x={PAD.left - 6} y={y(p) + 4} text-anchor="end">
            {p}%
          </text>
        </g>
      ))}
      {months.map(({ r, met, decided }, i) => {
        const x = PAD.left + i * step + step * 0.15;
        const compliance = decided === 0 ? null : (met / decided) * 100;
        const words =
          compliance === null
            ? `${r.period.label}: nothing decided`
            : `${r.period.label}: ${+compliance.toFixed(1)}% of ${decided.toLocaleString('en')} targets met${objective !== undefined ? (compliance >= objective ? ', objective met' : ', below the objective') : ''}`;
        const below = compliance !== null && objective !== undefined && compliance < objective;
        return (
          <g key={r.period.id} tabIndex={0} role="img" aria-label={words} class="trend__month">
            <title>{words}</title>
            {compliance !== null && <rect class={below ? 'trend__bar trend__bar--below' : 'trend__bar'} x={x} width={step * 0.7} y={y(compliance)} height={Math.max(1, y(0) - y(compliance))} />}
            <text class="trend__axis" x={x + step * 0.35} y={H - 10} text-anchor="middle" aria-hidden="true">
              {MONTH.format(r.period.start + 15 * 86_400_000)}
            </text>
          </g>
        );
      })}
      {objective !== undefined && <line class="trend__objective" x1={PAD.left} x2={W - PAD.right} y1={y(objective)} y2={y(objective)} aria-hidden="true" />}
    </svg>
  );
}
