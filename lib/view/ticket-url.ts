/**
 * A ticket's address came from a page: it is opened only when it is a web address on the ticket's
 * own site (never `javascript:`, `data:`, an extension URL or another host), served over HTTPS
 * (plain HTTP only on this machine). The background drops any other address when a ticket arrives;
 * the popup and alert clicks check again before opening.
 */

/** The hosts plain http is taken from: this machine (the manifest's optional host permissions say the same). */
export const isLoopbackHost = (host: string): boolean => host === 'localhost' || host === '127.0.0.1';

/** Served over HTTPS, or plain HTTP on this machine. */
export const servedSecurely = (url: URL): boolean => url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));

export function openableUrl(url: string | undefined, site: string): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return servedSecurely(parsed) && parsed.hostname === site && parsed.username === '' && parsed.password === '' ? parsed.href : null;
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
