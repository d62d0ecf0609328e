/**
 * Which adapter reads a page. A vendor's own host decides alone (`*.atlassian.net` is Jira's
 * whatever a page there claims); a self-hosted site is the kind its admin declared; and the page's
 * markup must say it is exactly one (that) vendor's:
 * a page that looks like both is read by neither, since guessing would badge the wrong tickets.
 * A vendor reads only the paths it says it reads: on a Zendesk host, a Help Center page (which the
 * tenant writes) is never read, whatever markup it mimics.
 * Each adapter knows only its own marks, so neither needs to know the other.
 */
import type { TicketSource } from '../sla/index';
import type { SourceAdapter } from './types';

export function adapterFor(adapters: readonly SourceAdapter[], url: URL, doc: Document, declared: TicketSource | null = null): SourceAdapter | null {
  const reads = (a: SourceAdapter) => a.readsPath?.(url) ?? true;
  const owner = adapters.find((a) => a.ownsHost(url));
  if (owner) return reads(owner) ? owner : null;
  // A self-hosted site is what the admin who added it said it is: its markup only confirms that.
  const claiming = adapters.filter((a) => (declared === null || a.source === declared) && a.recognises(url, doc) && reads(a));
  return claiming.length === 1 ? claiming[0]! : null;
}
