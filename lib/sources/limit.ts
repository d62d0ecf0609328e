/**
 * At most `limit` requests of one page in flight at once, the rest waiting their turn in the order
 * they were asked (the rows in view first, as the callers ask for them), except that a request
 * with `priority: 'high'` (for the rows in view) goes ahead of every other kind still waiting: a
 * page of 1,000 tickets makes a dozen requests or more, and sending them all at once would compete
 * with the page's own requests and the account's rate limit. A request whose signal aborts while
 * it waits never leaves.
 */
import type { Fetch } from './http';

export const MAX_IN_FLIGHT = 4;
/**
 * The rows in view may have twice as many in flight: on Zendesk each of them waits on its own
 * audits request, and a screen of 16 rows asked 4 at a time took four round trips (1.2 s at a slow
 * tenant's 300 ms) where two do.
 */
export const MAX_HIGH_IN_FLIGHT = 8;

export function limitFetch(send: Fetch, limit = MAX_IN_FLIGHT, highLimit = Math.max(limit, MAX_HIGH_IN_FLIGHT)): Fetch {
  let inFlight = 0;
  const queue: Array<() => void> = [];
  /** How many of the waiting requests, at the head of the queue, are high priority. */
  let high = 0;
  const next = () => {
    while (queue.length > 0 && inFlight < (high > 0 ? highLimit : limit)) {
      if (high > 0) high--;
      queue.shift()!();
    }
  };
  return (input: string, init: RequestInit): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const signal = init.signal;
      const start = () => {
        signal?.removeEventListener('abort', drop);
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        inFlight++;
        let p: Promise<Response>;
        try {
          p = send(input, init);
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(resolve, reject).finally(() => {
          inFlight--;
          next();
        });
      };
      const drop = () => {
        const at = queue.indexOf(start);
        if (at !== -1) {
          queue.splice(at, 1);
          if (at < high) high--;
        }
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', drop, { once: true });
      if (init.priority === 'high') queue.splice(high++, 0, start);
      else queue.push(start);
      next();
    });
}
