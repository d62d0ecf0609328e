const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;

/** Wall-clock midnight of a "YYYY-MM-DD" date as if it were UTC, or null for a date that does not exist. */
export function dateToLocalMs(value: string): number | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return t;
}

export function isDate(value: string): boolean {
  return dateToLocalMs(value) !== null;
}

export { DAY };
