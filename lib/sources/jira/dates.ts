/**
 * Jira's timestamps: `2024-10-13T14:02:31.892+0200`, an offset without a colon (jira-dom.md §5.4,
 * SPEC). ECMAScript's date-time format requires `+02:00`, and how engines treat the colon-less
 * form is unverified, so normalise before `Date.parse`.
 */
const JIRA_OFFSET = /([+-])(\d{2}):?(\d{2})$/;

/** Epoch milliseconds, or null when `text` is not a Jira/ISO timestamp. */
export function parseJiraDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const normalised = trimmed.replace(JIRA_OFFSET, '$1$2:$3');
  const t = Date.parse(normalised);
  return Number.isFinite(t) ? t : null;
}
