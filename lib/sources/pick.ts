/**
 * Which adapter reads a page. A vendor's own host decides alone (`*.atlassian.net` is Jira's
 * whatever a page there claims); elsewhere the page's markup must say it is exactly one vendor's:
 * a page that looks like both is read by neither, since guessing would badge the wrong tickets.
 * Each adapter knows only its own marks, so neither needs to know the other.
 */
import type { SourceAdapter } from './types';

export function adapterFor(adapters: readonly SourceAdapter[], url: URL, doc: Document): SourceAdapter | null {
  const owner = adapters.find((a) => a.ownsHost(url));
  if (owner) return owner;
  const claiming = adapters.filter((a) => a.recognises(url, doc));
  return claiming.length === 1 ? claiming[0]! : null;
}
