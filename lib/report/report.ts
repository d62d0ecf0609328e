/**
 * One report (issue 17): for each period, the cells of one breakdown, and for agreement cells the
 * credit their compliance owes under the policy's terms; and what it is based on ("412 targets
 * decided in November on acme.atlassian.net and acme.zendesk.com; 9 approximate").
 */
import { listAnd, sentence, t, tp } from '../i18n/core';
import { inPeriod, tally, type Breakdown, type Cell, type PolicyNode } from './aggregate';
import { creditOwed, type CreditOwed, type CreditTerms } from './credits';
import type { DecidedTarget } from './decide';
import type { Period } from './periods';

export type ReportPolicy = PolicyNode & CreditTerms;

export interface ReportCell extends Cell {
  /** Agreement cells of a policy with terms. */
  credit?: CreditOwed;
}

export interface PeriodReport {
  period: Period;
  cells: ReportCell[];
  decided: number;
  approximate: number;
  sites: string[];
  /** "412 targets decided in November 2026 on acme.atlassian.net and acme.zendesk.com; 9 approximate." */
  basis: string;
}

export function buildReport(targets: readonly DecidedTarget[], periods: readonly Period[], breakdown: Breakdown, policies: readonly ReportPolicy[]): PeriodReport[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  return periods.map((period) => {
    const decided = inPeriod(targets, period);
    const cells: ReportCell[] = tally(decided, breakdown, policies);
    if (breakdown === 'agreement') {
      for (const cell of cells) {
        const policy = byId.get(cell.key);
        const credit = policy ? creditOwed(cell.compliance, policy) : null;
        if (credit) cell.credit = credit;
      }
    }
    const sites = [...new Set(decided.map((t) => t.site))].sort();
    const approximate = decided.filter((t) => t.approximate).length;
    return { period, cells, decided: decided.length, approximate, sites, basis: basis(decided.length, approximate, period, sites) };
  });
}

function basis(decided: number, approximate: number, period: Period, sites: readonly string[]): string {
  let text = tp(period.toDate ? 'report_basis_so_far' : 'report_basis', decided, { period: period.label });
  if (sites.length > 0) text = t('report_basis_on', { basis: text, sites: listAnd(sites) });
  if (approximate > 0) text = tp('report_basis_approximate', approximate, { basis: text });
  return sentence(text);
}
