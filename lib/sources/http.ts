/** HTTP details every source's REST client reads the same way. */

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A JSON body, by its content type: signed out, Jira Cloud and Zendesk answer 200 with an HTML sign-in page. */
export const isJson = (response: Response): boolean => /[/+]json\b/i.test(response.headers.get('Content-Type') ?? '');
