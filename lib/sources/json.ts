/**
 * Guards for reading a vendor's JSON answers by hand: the answers are untrusted input, and the
 * content script carries no schema library (zod stays in the background). Each guard gives the
 * value only when it has the expected shape, so a parser leaves out what it cannot read rather
 * than guessing.
 */
export type Json = Record<string, unknown>;

/** A plain object (not an array, not null). */
export const obj = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

/** A non-empty string: an empty name says nothing, and would match nothing. */
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** A list, or an empty one: iterating what is not a list reads nothing. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A record's numeric id: a positive safe integer (Zendesk's ids; zero and fractions are no one's). */
export const idOf = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);
