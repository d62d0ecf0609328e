/**
 * What a ticketing site adapter (Jira, Zendesk) gives the overlay: the ticket elements of a page,
 * and the same-origin enrichment of their facts.
 */
import type { TicketFacts, TicketSource } from '../sla/index';
import type { PageKind } from './page-status';
import type { StrategyCount } from './strategies';

export interface FoundTicket {
  key: string;
  /** The element that represents the ticket (row, card, issue header). */
  element: Element;
  /** Where the badge goes: inserted after `anchor` (next to the key or the status). */
  anchor: Element;
  /** What the page itself shows, for when enrichment fails (times are rarely here). */
  dom: Partial<Omit<TicketFacts, 'key' | 'source' | 'site' | 'exact'>>;
  /** The ticket view (issue page, modal) rather than a list row: show `none` badges here. */
  isTicketView?: boolean;
}

/**
 * Why the site's API gave no facts. `signed-out`: the session does not cover the read (401, or a
 * sign-in page); `forbidden`: it does, but the account may not read what was asked (403).
 */
export type EnrichFailure = 'signed-out' | 'forbidden' | 'rate-limited' | 'server-error' | 'network' | 'bad-response';

/** How a tool speaks of its own SLA state, for the tooltip beside ours ("Zendesk says: first reply due 09:30"). */
export interface VendorSlaWords {
  /** The tool's name: `Zendesk`. */
  tool: string;
  /** One of its metric names as people say it: `first_reply_time` → `first reply`. */
  metric(name: string): string;
}

export interface EnrichResult {
  facts: Map<string, TicketFacts>;
  /** Set when some or all keys could not be enriched; those fall back to the page. */
  failure?: EnrichFailure;
}

export interface EnrichOptions {
  origin: string;
  signal: AbortSignal;
  now: number;
  /**
   * Called with the facts of each answer as it arrives, before the whole call resolves, so the
   * overlay can badge the first tickets while later requests are still under way.
   */
  onFacts?: (facts: ReadonlyMap<string, TicketFacts>) => void;
  /**
   * Facts read longer ago than this are read again (default: the enricher's `ttlMs`): 0 where the
   * caller knows the tickets changed (the watch's changed ones), so a cached answer never hides it.
   */
  maxAgeMs?: number;
  /**
   * The keys on screen (the overlay's rows in view). Given it, a source whose answer comes in two
   * steps (Zendesk: the ticket, then its audits) passes the other tickets on with what the first
   * step says (approximate) and again, exact, when the second lands; the rows on screen wait for
   * the whole answer, so their figures do not change under the agent's eyes.
   */
  inView?: readonly string[];
}

export interface SourceAdapter {
  source: TicketSource;
  /** Whether `url` is on one of the vendor's own hosts: such a page is this vendor's, whatever its markup says. */
  ownsHost(url: URL): boolean;
  /**
   * Whether the page's own markup says it is this vendor's, for hosts no vendor owns (a
   * self-hosted site); only the vendor's own marks, never another's (pick.ts weighs them).
   */
  recognises(url: URL, document: Document): boolean;
  /** Whether it reads this path at all (Zendesk: its agent interface, never a Help Center); every path when absent. */
  readsPath?(url: URL): boolean;
  /** Every ticket element under `root` (rich text areas excluded). */
  find(root: ParentNode, url: URL): FoundTicket[];
  /** The kind of ticket page at `url` (a queue, a view, a ticket), or null where no tickets are expected. */
  pageKind(url: URL, document: Document): PageKind | null;
  /** How many tickets the page appears to show, counted without the readers' markup beliefs (shown.ts). */
  shownTickets(root: ParentNode, url: URL): number;
  /** What every reader strategy finds under `root`, for diagnostics: counts only. */
  diagnose(root: ParentNode, url: URL): StrategyCount[];
  /** The URL with tenant, keys, ids and query values masked, for diagnostics. */
  maskUrl(url: URL): string;
  /** How the tool speaks of its own SLA state, for the badge's tooltip (where the tool reports one). */
  vendorWords?: VendorSlaWords;
  /** Facts from the site's REST API, same origin, batched; never throws. */
  enrich(keys: readonly string[], options: EnrichOptions): Promise<EnrichResult>;
  /** Asks for these keys' facts before the others still waiting (rows scrolled into view). */
  prioritize?(origin: string, keys: readonly string[]): void;
}
