import { z } from 'zod';
import { editDistance, clip, didYouMean } from './suggest';
import { MAX_PERCENT_DECIMALS, PERCENT_PATTERN, readPercent } from './percent';

/**
 * Service-level objectives and service credits of a policy (`objective`, `credits`, `creditCap`,
 * `fee`). Optional, so every earlier version-1 file means the same. The order of the tiers is a
 * whole-list rule and is checked with the document (`check-credits.ts`).
 */

/** More tiers than any agreement has; a bound keeps messages and the card short. */
export const MAX_CREDIT_TIERS = 20;

const EXAMPLE = '"95%"';

function percentMessage(text: string, range: string, aboveZero: boolean): string | null {
  const reading = readPercent(text);
  const quoted = JSON.stringify(clip(text));
  if (reading.ok) return aboveZero && reading.value === 0 ? `${quoted} is out of range; ${range}.` : null;
  switch (reading.problem) {
    case 'no-sign':
      return `${quoted} is not a percentage; write it with a % sign, such as ${EXAMPLE}.`;
    case 'range':
      return `${quoted} is out of range; ${range}.`;
    case 'decimals':
      return `${quoted} has more than ${MAX_PERCENT_DECIMALS} decimals; write at most ${MAX_PERCENT_DECIMALS}, such as "99.95%".`;
    case 'other':
      return `${quoted} is not a percentage; write a number from 0 to 100 followed by %, such as ${EXAMPLE}.`;
  }
}

/**
 * `range` says which percentages the field takes. A number (`95`, as YAML reads `objective: 95`)
 * gets the same advice as the text "95": the one thing missing is the % sign.
 */
function percentSchema(range: string, aboveZero = false) {
  return z
    .string({ error: (issue) => (typeof issue.input === 'number' ? `${issue.input} is not a percentage; write it with a % sign, such as ${EXAMPLE}.` : undefined) })
    .superRefine((value, ctx) => {
      const message = percentMessage(value, range, aboveZero);
      if (message) ctx.addIssue({ code: 'custom', message });
    })
    .meta({ pattern: PERCENT_PATTERN });
}

export const objectiveSchema = percentSchema('an objective is from 0% to 100%').meta({
  description: 'The share of targets met that the agreement promises, such as "95%" or "99.5%" (at most 2 decimals).',
});

const creditTierSchema = z
  .strictObject({
    below: percentSchema('a tier\'s "below" is above 0% and at most 100%', true).meta({ description: "Compliance (targets met ÷ decided) below this percentage owes this tier's credit." }),
    credit: percentSchema('a credit is from 0% to 100% of the fee').meta({ description: 'The share of the fee owed, such as "10%".' }),
  })
  .meta({ description: 'One credit tier: below this compliance, this share of the fee is owed.' });

export const creditsSchema = z
  .array(creditTierSchema)
  .min(1)
  .max(MAX_CREDIT_TIERS, { error: (issue) => `A policy has at most ${MAX_CREDIT_TIERS} credit tiers; this one lists ${String((issue.input as unknown[]).length)}.` })
  .meta({ description: 'Service credits, highest "below" first: each tier\'s "below" lower than the one before, its credit no smaller.' });

export const creditCapSchema = percentSchema('a credit cap is from 0% to 100% of the fee').meta({
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
  // `didYouMean` gives up among more than 200 names, and engines list up to about 300 codes:
  // only the few within one edit (or that the text starts with, as "EURO") are offered to it.
  const upper = clip(value).toUpperCase();
  // Slips come late in a code more often than first ("EUD" is meant as "EUR", not "AUD"), so
  // among equally near codes the one sharing the longest start is offered.
  const near = codes === null ? [] : [...codes].filter((c) => upper.startsWith(c) || editDistance(upper, c) <= 1).sort((a, b) => sharedStart(upper, b) - sharedStart(upper, a));
  const hint = didYouMean(value, near);
  return `${JSON.stringify(clip(value))} is not an ISO 4217 currency code${hint || '; write one such as "EUR" or "USD".'}`;
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export const feeSchema = z
  .strictObject({
    amount: z
      .number({ error: (issue) => (typeof issue.input === 'number' ? `${String(issue.input)} is not an amount; write a number of 0 or more, such as 12000.` : undefined) })
      .nonnegative({ error: (issue) => `The fee ${String(issue.input)} is below 0; write an amount of 0 or more, such as 12000.` })
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
