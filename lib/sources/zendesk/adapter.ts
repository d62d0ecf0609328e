/**
 * The Zendesk source adapter: which pages it handles, the ticket elements on them, and their facts
 * from Zendesk's own REST API (same origin, the user's session), on `*.zendesk.com` and
 * host-mapped domains alike.
 */
import { limitFetch } from '../limit';
import type { SourceAdapter } from '../types';
import { createZendeskEnricher, type ZendeskEnricherOptions } from './enrich';
import { maskZendeskUrl, shownTickets } from './page';
import { diagnose, find, pageKind } from './read-page';
import type { Fetch } from '../http';
import { S } from './selectors';
import { isAgentPage, isZendeskHost } from './urls';
import { ZENDESK_SLA_WORDS } from './vendor-words';

export interface ZendeskAdapterOptions extends Partial<Omit<ZendeskEnricherOptions, 'fetch'>> {
  /** Defaults to the page's `fetch`, looked up at call time (as the Jira adapter's). */
  fetch?: Fetch;
}

/**
 * A host-mapped domain (an admin added it) showing the agent UI: its routes live under `/agent`
 * (zendesk-dom.md §1) and Garden components render it (rule 1).
 */
const isZendeskAgentMarkup = (url: URL, doc: Document): boolean => isAgentPage(url) && doc.querySelector(S.garden) !== null;

export function createZendeskAdapter(options: ZendeskAdapterOptions = {}): SourceAdapter {
  // One page's requests share a few slots, the rows in view first (../limit.ts).
  const enricher = createZendeskEnricher({ ...options, fetch: limitFetch(options.fetch ?? ((input, init) => fetch(input, init))) });
  return {
    source: 'zendesk',
    ownsHost: isZendeskHost,
    readsPath: isAgentPage,
    recognises: isZendeskAgentMarkup,
    find,
    pageKind,
    shownTickets,
    diagnose,
    maskUrl: maskZendeskUrl,
    vendorWords: ZENDESK_SLA_WORDS,
    enrich: enricher.enrich,
    prioritize: enricher.prioritize,
  };
}

/** An adapter on the page's own `fetch` (the content script builds its own, with the background's budget). */
export const zendeskAdapter: SourceAdapter = createZendeskAdapter();
