import { DurationError } from './errors';
import type { WarnAt } from './types';
import { HOUR, MINUTE } from './zone';

const SHORT = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m)?\s*(?:(\d+(?:\.\d+)?)\s*s)?$/i;
const ISO = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i;
const DAYS_OR_WEEKS = /^(?:\d+(?:\.\d+)?\s*[dw]\b|P(?:\d+[YMWD])+)/i;

/**
 * Longer than any duration a person writes ("PT1000H30M15S" is 13). Checked before any pattern:
 * SHORT's optional groups between runs of spaces backtrack quadratically on "1h", many spaces, "x".
 */
export const MAX_DURATION_TEXT = 32;

/** The input as messages quote it: a pasted novel is not echoed back whole. */
function quoted(text: string): string {
  return JSON.stringify(text.length > MAX_DURATION_TEXT ? `${text.slice(0, MAX_DURATION_TEXT)}…` : text);
}

/**
 * A duration from a config file, in ms: `"45m"`, `"4h"`, `"1h30m"`, ISO `"PT4H30M"`, or a number
 * of minutes. Days and weeks are refused: in a business calendar a "day" may mean 24 hours or one
 * working day, and guessing wrong moves every due date.
 */
export function parseDuration(input: unknown): number {
  if (typeof input === 'number') {
    if (Number.isFinite(input) && input >= 0) return Math.round(input * MINUTE);
    throw new DurationError(`${input} is not a duration; a number means minutes and must be 0 or more`);
  }
  if (typeof input !== 'string') {
    throw new DurationError('expected a duration such as "45m", "4h", "1h30m" or "PT4H30M"');
  }
  const text = input.trim();
  if (text.length > MAX_DURATION_TEXT) {
    throw new DurationError(`${quoted(text)} is too long to be a duration (${text.length} characters); write "45m", "4h", "1h30m" or "PT4H30M"`);
  }
  if (DAYS_OR_WEEKS.test(text)) {
    throw new DurationError(`${quoted(input)}: days and weeks are ambiguous in business calendars; write hours, such as "24h" or "8h"`);
  }
  const m = text === '' ? null : (SHORT.exec(text) ?? ISO.exec(text));
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) {
    throw new DurationError(`${quoted(input)} is not a duration; write "45m", "4h", "1h30m" or "PT4H30M"`);
  }
  const [h, min, s] = [m[1], m[2], m[3]].map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number];
  return Math.round(h * HOUR + min * MINUTE + s * 1000);
}

const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;

/** `"75%"` (share of the target consumed) or a duration (business time remaining). */
export function parseWarnAt(input: unknown): WarnAt {
  if (typeof input === 'string' && input.trim().length <= MAX_DURATION_TEXT) {
    const m = PERCENT.exec(input.trim());
    if (m) {
      const percent = Number(m[1]);
      if (percent > 0 && percent <= 100) return { fraction: percent / 100 };
      throw new DurationError(`${quoted(input)}: a warning share must be above 0% and at most 100%`);
    }
  }
  try {
    return { remainingMs: parseDuration(input) };
  } catch {
    throw new DurationError(`${typeof input === 'string' ? quoted(input) : JSON.stringify(input)} is not a warning threshold; write a share such as "75%" or a time left such as "1h"`);
  }
}
