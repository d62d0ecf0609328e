/**
 * The sites SLA Lens covers out of the box, over HTTPS only. The manifest's host permissions, the
 * content script's matches and the options page all read this one list; self-hosted Jira and Zendesk custom domains
 * are added per site at runtime.
 */
export interface BuiltInSite {
  readonly name: string;
  readonly source: 'jira' | 'zendesk';
  /** Host as shown to people. */
  readonly host: string;
  /** Match pattern for the manifest's host permissions. */
  readonly match: string;
  /**
   * The pages the content script runs on: Zendesk's agent interface only, never a Help Center,
   * whose pages the tenant writes (its theme) on the same host.
   */
  readonly pages: string;
}

export const BUILT_IN_SITES: readonly BuiltInSite[] = [
  { name: 'Jira Cloud', source: 'jira', host: '*.atlassian.net', match: 'https://*.atlassian.net/*', pages: 'https://*.atlassian.net/*' },
  { name: 'Zendesk', source: 'zendesk', host: '*.zendesk.com', match: 'https://*.zendesk.com/*', pages: 'https://*.zendesk.com/agent/*' },
];

/** The manifest's host permissions. */
export const BUILT_IN_MATCHES: string[] = BUILT_IN_SITES.map((s) => s.match);

/** The content script's matches. */
export const BUILT_IN_PAGES: string[] = BUILT_IN_SITES.map((s) => s.pages);
