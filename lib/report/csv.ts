/**
 * The report as CSV (issue 17 §4): RFC 4180 (fields quoted where they must be, quotes doubled,
 * lines ended by CRLF) in UTF-8 with a byte-order mark, which is what makes Excel read UTF-8
 * rather than the machine's code page (LibreOffice reads either). Text that a spreadsheet would
 * take for a formula (`=`, `+`, `-`, `@`, and the tab and carriage return OWASP lists) is
 * neutralised with a leading apostrophe: a ticket title is the requester's text.
 */
import { ancestry, type PolicyNode } from './aggregate';
import type { DecidedTarget } from './decide';
import type { Period } from './periods';
import type { PeriodReport } from './report';

type Value = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(+value.toFixed(4)) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvText = (rows: ReadonlyArray<readonly Value[]>): string => `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

export const SUMMARY_HEADER = [
  'period',
  'breakdown',
  'value',
  'label',
  'decided',
  'met',
  'missed',
  'approximate',
  'compliance_percent',
  'objective_percent',
  'credit_percent',
  'credit_amount',
  'currency',
] as const;

export function summaryCsv(reports: readonly PeriodReport[], breakdown: string): string {
  const rows: Value[][] = [[...SUMMARY_HEADER]];
  for (const r of reports) {
    for (const c of r.cells) {
      rows.push([r.period.id, breakdown, c.key, c.label, c.decided, c.met, c.missed, c.approximate, c.compliance, c.credit?.objective, c.credit?.percent, c.credit?.amount, c.credit?.currency]);
    }
  }
  return csvText(rows);
}

export const DETAIL_HEADER = [
  'period',
  'site',
  'key',
  'title',
  'organisation',
  'priority',
  'team',
  'policy',
  'agreements',
  'metric',
  'target_minutes',
  'started',
  'due',
  'stopped',
  'decided',
  'outcome',
  'business_minutes_used',
  'approximate',
] as const;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const minutes = (ms: number) => Math.round(ms / 60_000);

/**
 * One row per decided target, in every period that holds it: enough to recompute every figure
 * of the summary (`agreements` is the policy and each one it extends, nearest first).
 */
export function detailCsv(targets: readonly DecidedTarget[], periods: readonly Period[], policies: readonly PolicyNode[]): string {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const rows: Value[][] = [[...DETAIL_HEADER]];
  for (const period of periods) {
    for (const t of targets) {
      if (t.decidedAt < period.start || t.decidedAt >= period.end) continue;
      rows.push([
        period.id,
        t.site,
        t.key,
        t.title,
        t.organization,
        t.priority,
        t.team,
        t.policyId,
        ancestry(t.policyId, byId).join(' > '),
        t.metric,
        minutes(t.targetMs),
        iso(t.startedAt),
        iso(t.dueAt),
        iso(t.stoppedAt),
        iso(t.decidedAt),
        t.outcome,
        minutes(t.usedMs),
        t.approximate,
      ]);
    }
  }
  return csvText(rows);
}
