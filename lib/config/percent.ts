/**
 * Percentages as the file writes them for objectives and service credits: `"95%"`, `"99.5%"`.
 * Stricter than `warnAt`'s share: the % sign is required and no spaces are allowed, because an
 * agreement's `95` might mean 95% or a 0.95 share, and a misread objective changes what is owed.
 */

/** Agreements state compliance to hundredths ("99.95%"); more digits would be false precision. */
export const MAX_PERCENT_DECIMALS = 2;

/**
 * The same rule as `readPercent`, for the published JSON Schema, so that editors flag what the
 * extension refuses (a test holds the two together).
 */
export const PERCENT_PATTERN = '^(100(\\.0{1,2})?|[1-9]?[0-9](\\.[0-9]{1,2})?)%$';

export type PercentReading =
  | { ok: true; value: number }
  /** `no-sign`: a number without `%`; `range`: below 0 or above 100; `decimals`: more than two; `other`: not a number at all. */
  | { ok: false; problem: 'no-sign' | 'range' | 'decimals' | 'other' };

const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** A percentage with the reason it is not one, so messages can say what to change. */
export function readPercent(text: string): PercentReading {
  // Long enough for "100.00%" and any mistake worth explaining; nothing longer is read.
  if (text.length > 32) return { ok: false, problem: 'other' };
  if (!text.endsWith('%')) return { ok: false, problem: NUMBER.test(text) ? 'no-sign' : 'other' };
  const digits = text.slice(0, -1);
  const m = NUMBER.exec(digits);
  if (!m) return { ok: false, problem: 'other' };
  const value = Number(digits);
  // "-0%" counts as negative too, so the rule stays the one the JSON Schema pattern states.
  if (digits.startsWith('-') || value > 100) return { ok: false, problem: 'range' };
  if ((m[2]?.length ?? 1) - 1 > MAX_PERCENT_DECIMALS) return { ok: false, problem: 'decimals' };
  return { ok: true, value };
}

/** `"95%"` → 95, `"99.5%"` → 99.5; null for anything else (no % sign, outside 0–100, more than 2 decimals). */
export function parsePercent(text: string): number | null {
  const reading = readPercent(text);
  return reading.ok ? reading.value : null;
}
