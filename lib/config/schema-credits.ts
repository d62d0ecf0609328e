import { z } from 'zod';
import { t, tp } from '../i18n/core';
import { editDistance, clip, suggest } from './suggest';
import { MAX_PERCENT_DECIMALS, PERCENT_PATTERN, readPercent } from './percent';

/**
 * Service-level objectives and service credits of a policy (`objective`, `credits`, `creditCap`,
 * `fee`). Optional, so every earlier version-1 file means the same. The order of the tiers is a
 * whole-list rule and is checked with the document (`check-credits.ts`).
 */

/** More tiers than any agreement has; a bound keeps messages and the card short. */
export const MAX_CREDIT_TIERS = 20;

/** Which percentages each field takes, said when one is out of range. */
type OutOfRange = 'cfg_percent_range_objective' | 'cfg_percent_range_below' | 'cfg_percent_range_credit' | 'cfg_percent_range_cap';

function percentMessage(text: string, range: OutOfRange, aboveZero: boolean): string | null {
  const reading = readPercent(text);
  const value = JSON.stringify(clip(text));
  if (reading.ok) return aboveZero && reading.value === 0 ? t(range, { value }) : null;
  switch (reading.problem) {
    case 'no-sign':
      return t('cfg_percent_no_sign', { value });
    case 'range':
      return t(range, { value });
    case 'decimals':
      return tp('cfg_percent_decimals', MAX_PERCENT_DECIMALS, { value });
    case 'other':
      return t('cfg_percent_not_a_number', { value });
  }
}

/**
 * `range` says which percentages the field takes. A number (`95`, as YAML reads `objective: 95`)
 * gets the same advice as the text "95": the one thing missing is the % sign.
 */
function percentSchema(range: OutOfRange, aboveZero = false) {
  return z
    .string({ error: (issue) => (typeof issue.input === 'number' ? t('cfg_percent_no_sign', { value: String(issue.input) }) : undefined) })
    .superRefine((value, ctx) => {
      const message = percentMessage(value, range, aboveZero);
      if (message) ctx.addIssue({ code: 'custom', message });
    })
    .meta({ pattern: PERCENT_PATTERN });
}

export const objectiveSchema = percentSchema('cfg_percent_range_objective').meta({
  description: 'The share of targets met that the agreement promises, such as "95%" or "99.5%" (at most 2 decimals).',
});

const creditTierSchema = z
  .strictObject({
    below: percentSchema('cfg_percent_range_below', true).meta({ description: "Compliance (targets met ÷ decided) below this percentage owes this tier's credit." }),
    credit: percentSchema('cfg_percent_range_credit').meta({ description: 'The share of the fee owed, such as "10%".' }),
  })
  .meta({ description: 'One credit tier: below this compliance, this share of the fee is owed.' });

export const creditsSchema = z
  .array(creditTierSchema)
  .min(1)
  .max(MAX_CREDIT_TIERS, { error: (issue) => tp('cfg_too_many_credit_tiers', MAX_CREDIT_TIERS, { count: (issue.input as unknown[]).length }) })
  .meta({ description: 'Service credits, highest "below" first: each tier\'s "below" lower than the one before, its credit no smaller.' });

export const creditCapSchema = percentSchema('cfg_percent_range_cap').meta({
  description: 'The most credit owed for one period, whatever the tiers say, such as "25%".',
});

let known: Set<string> | null | undefined;

/**
 * ISO 4217 codes as the JavaScript engine knows them (Node 20 and current browsers). Without
 * `Intl.supportedValuesOf` the shape (three capitals) is all that can be checked, and a file
 * valid elsewhere must not be refused here.
 */
function currencies(): Set<string> | null {
  if (known === undefined) {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : null;
    known = list ? new Set(list) : null;
  }
  return known;
}

function currencyMessage(value: string): string | null {
  const codes = currencies();
  if (/^[A-Z]{3}$/.test(value) && (codes === null || codes.has(value))) return null;
  // `suggest` gives up among more than 200 names, and engines list up to about 300 codes:
  // only the few within one edit (or that the text starts with, as "EURO") are offered to it.
  const upper = clip(value).toUpperCase();
  // Slips come late in a code more often than first ("EUD" is meant as "EUR", not "AUD"), so
  // among equally near codes the one sharing the longest start is offered.
  const near = codes === null ? [] : [...codes].filter((c) => upper.startsWith(c) || editDistance(upper, c) <= 1).sort((a, b) => sharedStart(upper, b) - sharedStart(upper, a));
  const hint = suggest(value, near);
  return hint !== null ? t('cfg_currency_unknown_hint', { value: JSON.stringify(clip(value)), hint }) : t('cfg_currency_unknown', { value: JSON.stringify(clip(value)) });
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export const feeSchema = z
  .strictObject({
    amount: z
      .number({ error: (issue) => (typeof issue.input === 'number' ? t('cfg_fee_not_an_amount', { value: String(issue.input) }) : undefined) })
      .nonnegative({ error: (issue) => t('cfg_fee_negative', { value: String(issue.input) }) })
      .meta({ description: 'The fee for one period, in the currency below, such as 12000.' }),
    currency: z
      .string()
      .superRefine((value, ctx) => {
        const message = currencyMessage(value);
        if (message) ctx.addIssue({ code: 'custom', message });
      })
      .meta({ pattern: '^[A-Z]{3}$', description: 'An ISO 4217 currency code, such as "EUR" or "USD".' }),
  })
  .meta({ description: 'The fee for one period, so that credits can be shown as money.' });
