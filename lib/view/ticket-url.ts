/**
 * A ticket's address came from a page: it is opened only when it is a web address on the ticket's
 * own site (never `javascript:`, `data:`, an extension URL or another host), served over HTTPS
 * (plain HTTP only on this machine). The background drops any other address when a ticket arrives;
 * the popup and alert clicks check again before opening.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function openableUrl(url: string | undefined, site: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    const secure = parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
    return secure && parsed.hostname === site && parsed.username === '' && parsed.password === '' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Opens the ticket's address with `open` when it may be opened; says whether it did. */
export function openTicket(ticket: { url?: string | undefined; site: string }, open: (url: string) => unknown): boolean {
  const safe = openableUrl(ticket.url, ticket.site);
  if (safe) open(safe);
  return safe !== null;
}
