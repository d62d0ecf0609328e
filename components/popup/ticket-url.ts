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
