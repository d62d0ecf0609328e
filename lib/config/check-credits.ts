import { t } from '../i18n/core';
import type { MergedPolicy } from './extends';
import { parsePercent } from './percent';
import { error, warning, type RawProblem } from './problem';
import type { ConfigV1 } from './schema';

/**
 * Whole-list rules of service credits, on a document whose shape is valid (every percentage
 * parses). Worse compliance must never owe less: tiers go from the highest `below` down, each
 * strictly lower, and no tier's credit is smaller than the one before it — otherwise which tier
 * applies, and what it owes, would depend on reading order.
 */
export function checkCreditTiers(doc: ConfigV1): RawProblem[] {
  const problems: RawProblem[] = [];
  doc.policies.forEach((p, i) => {
    const tiers = p.credits ?? [];
    for (let j = 1; j < tiers.length; j++) {
      const before = tiers[j - 1]!;
      const tier = tiers[j]!;
      if (!(value(tier.below) < value(before.below))) {
        problems.push(error(['policies', i, 'credits', j, 'below'], t('cfg_tier_below_order', { below: tier.below, previous: before.below })));
      }
      if (value(tier.credit) < value(before.credit)) {
        problems.push(error(['policies', i, 'credits', j, 'credit'], t('cfg_tier_credit_order', { credit: tier.credit, previous: before.credit, below: before.below })));
      }
    }
  });
  return problems;
}

/**
 * A cap below even the smallest tier's credit makes every tier owe just the cap. Not a
 * contradiction (the cap wins), so a warning; reported only where the policy sets the cap or the
 * tiers itself, so that a parent's choice is not repeated on each child that inherits it.
 */
export function creditCapWarnings(doc: ConfigV1, merged: ReadonlyArray<MergedPolicy | null>): RawProblem[] {
  const problems: RawProblem[] = [];
  merged.forEach((m, i) => {
    const own = doc.policies[i]!;
    if (!m?.credits || m.creditCap === undefined || (own.creditCap === undefined && own.credits === undefined)) return;
    // The first tier once they are in order; the smallest in any case, so this holds while they are not.
    const smallest = m.credits.reduce((a, b) => (value(b.credit) < value(a.credit) ? b : a));
    if (!(value(m.creditCap) < value(smallest.credit))) return;
    const path = own.creditCap !== undefined ? ['policies', i, 'creditCap'] : ['policies', i, 'credits'];
    problems.push(warning(path, t('cfg_credit_cap_below_tiers', { cap: m.creditCap, credit: smallest.credit, below: smallest.below })));
  });
  return problems;
}

function value(percent: string): number {
  return parsePercent(percent) ?? Number.NaN;
}
