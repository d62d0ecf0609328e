/**
 * A ticket's address came from the page: only web addresses are opened (never `javascript:`,
 * `data:` or extension URLs), so a hostile page cannot make the popup run or open anything else.
 */
export function openableUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Opens the ticket's address with `open` when it is a web address; says whether it did. */
export function openTicket(url: string | undefined, open: (url: string) => unknown): boolean {
  const safe = openableUrl(url);
  if (safe) open(safe);
  return safe !== null;
}
