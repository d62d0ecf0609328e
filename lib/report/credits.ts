/**
 * What an agreement's compliance owes (issue 17 §2): the tier it falls into, capped, and as money
 * when the agreement names its fee. The arithmetic is returned as words too, so the report can
 * show how each figure was reached.
 */
import { formatNumber, t } from '../i18n/core';

export interface CreditTerms {
  objective?: number | undefined;
  credits?: ReadonlyArray<{ below: number; credit: number }> | undefined;
  creditCap?: number | undefined;
  fee?: { amount: number; currency: string } | undefined;
}

export interface CreditOwed {
  /** Percent, 0–100. */
  compliance: number;
  objective?: number;
  /** Compliance at or above the objective; undefined without one. */
  meetsObjective?: boolean;
  /** The tier compliance fell below (the lowest such); none when it is above every tier. */
  tier?: { below: number; credit: number };
  /** Percent of the fee owed, after the cap. */
  percent: number;
  capped: boolean;
  amount?: number;
  currency?: string;
  /** "92.5% is below 95% → 5% of €12,000.00 = €600.00" */
  arithmetic: string;
}

/** A percentage as the language in use writes it (`66.7%`, `66,7 %`), to `digits` decimals at most. */
export const percentText = (n: number, digits: number): string => formatNumber(+n.toFixed(digits) / 100, { style: 'percent', maximumFractionDigits: digits });
const pct = (n: number) => percentText(n, 2);
/** A credit as an invoice writes it, in the language in use: cents included (`€500.00`). */
export const creditMoney = (amount: number, currency: string) => formatNumber(amount, { style: 'currency', currency });

/** Compliance in percent of the decided targets met; null when none was decided (nothing to judge). */
export const compliancePercent = (met: number, decided: number): number | null => (decided === 0 ? null : (met / decided) * 100);

/** Null when the terms promise nothing and owe nothing, or nothing was decided. */
export function creditOwed(compliance: number | null, terms: CreditTerms): CreditOwed | null {
  if (compliance === null || (terms.objective === undefined && !terms.credits?.length)) return null;
  const out: CreditOwed = { compliance, percent: 0, capped: false, arithmetic: '' };
  if (terms.objective !== undefined) {
    out.objective = terms.objective;
    out.meetsObjective = compliance >= terms.objective;
  }
  // Tiers run from the highest threshold down: the last one compliance is below is the one owed.
  for (const tier of terms.credits ?? []) if (compliance < tier.below) out.tier = { ...tier };
  const steps: string[] = [];
  if (out.tier) {
    out.percent = out.tier.credit;
    steps.push(t('report_credit_below', { compliance: pct(compliance), below: pct(out.tier.below), credit: pct(out.tier.credit) }));
    if (terms.creditCap !== undefined && out.percent > terms.creditCap) {
      out.percent = terms.creditCap;
      out.capped = true;
      steps.push(t('report_credit_cap', { cap: pct(terms.creditCap) }));
    }
  } else if (terms.credits?.length) steps.push(t('report_credit_not_below', { compliance: pct(compliance), below: pct(terms.credits[0]!.below) }));
  if (terms.fee && out.tier) {
    // Cents, as the fee is written: a credit is a sum of money, rounded as an invoice rounds it.
    out.amount = Math.round(terms.fee.amount * out.percent) / 100;
    out.currency = terms.fee.currency;
    steps.push(t('report_credit_money', { credit: pct(out.percent), fee: creditMoney(terms.fee.amount, terms.fee.currency), amount: creditMoney(out.amount, terms.fee.currency) }));
  }
  out.arithmetic = steps.join(t('list_separator'));
  return out;
}
