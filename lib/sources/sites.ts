/**
 * The sites SLA Lens covers out of the box. The manifest's host permissions, the content script's
 * matches and the options page all read this one list; self-hosted Jira and Zendesk custom domains
 * are added per site at runtime.
 */
export interface BuiltInSite {
  readonly name: string;
  readonly source: 'jira' | 'zendesk';
  /** Host as shown to people. */
  readonly host: string;
  /** Match pattern for the manifest and content script. */
  readonly match: string;
}

export const BUILT_IN_SITES: readonly BuiltInSite[] = [
  { name: 'Jira Cloud', source: 'jira', host: '*.atlassian.net', match: '*://*.atlassian.net/*' },
  { name: 'Zendesk', source: 'zendesk', host: '*.zendesk.com', match: '*://*.zendesk.com/*' },
];

export const BUILT_IN_MATCHES: string[] = BUILT_IN_SITES.map((s) => s.match);
