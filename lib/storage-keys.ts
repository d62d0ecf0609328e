/**
 * Every key SLA Lens keeps in extension storage, in one place: which area it lives in and what
 * its value is. Constants and types only, so the content script can import it. (What the
 * extension keeps in its own database is in lib/db.)
 */

/** `storage.local`: the active configuration version, as the write announced it (number, or null). */
export const CONFIG_VERSION_KEY = 'sla:configVersion';
/** `storage.session`: the popup's first page, for a first paint without the database (lib/db/popup-query.ts `StoredSnapshot`). */
export const POPUP_SNAPSHOT_KEY = 'sla:popupSnapshot';
/** `storage.session`: the report's default figures, for a first paint before its read of the store (lib/db/report.ts `StoredReportSnapshot`). */
export const REPORT_SNAPSHOT_KEY = 'sla:reportSnapshot';
/** `storage.session`: whether a tab's page could be read (lib/tabs/tab-status.ts `TabPageStatus`). */
export const TAB_STATUS_KEY_PREFIX = 'sla:page:';
/** `storage.local`: what kind of site (Jira or Zendesk) each self-hosted origin is. */
export const SITE_KIND_KEY_PREFIX = 'sla:site-kind:';

/**
 * `storage.local`: what the last write of the ticket store met, when the user should know
 * (`{ message: string, at: number }`: tickets forgotten for lack of space, or a refused write);
 * absent when the last write kept everything.
 */
export const STORAGE_PROBLEM_KEY = 'sla:storageProblem';

/** `storage.local`: which custom field holds the JSM request type on each Jira origin (a `customfield_…` id, as that site's `GET /field` said). */
export const JIRA_FIELD_KEY_PREFIX = 'sla:jira-request-type-field:';

/** `storage.local`: the configuration subscribed by URL and how its checks went (lib/subscription/state.ts `SubscriptionState`); absent when none. */
export const SUBSCRIPTION_KEY = 'sla:subscription';

/** `storage.local`: what the organisation's policy set and what became of it (lib/managed/status.ts `ManagedStatus`); absent without a policy. */
export const MANAGED_STATUS_KEY = 'sla:managed';

/** `storage.local`: the last configuration version the popup announced here (a number). */
export const SEEN_VERSION_KEY = 'sla:seenConfigVersion';

/**
 * `storage.local`: a request for a round of watching now (`{ at: number, force?: boolean, only?: string[] }`),
 * written by the options page (a scope added, "Refresh now") and the popup; the background answers it.
 */
export const WATCH_REQUEST_KEY = 'sla:watchRequest';

export const tabStatusKey = (tabId: number): string => `${TAB_STATUS_KEY_PREFIX}${tabId}`;
export const siteKindKey = (origin: string): string => `${SITE_KIND_KEY_PREFIX}${origin}`;
export const jiraFieldKey = (origin: string): string => `${JIRA_FIELD_KEY_PREFIX}${origin}`;

/** `storage.local`: the sites the organisation's policy named at its last reading (a list of host names, empty for none): used from the background's start until this session's reading lands (lib/managed/policy-sites.ts). */
export const POLICY_SITES_KEY = 'sla:policySites';

/**
 * `storage.local`: the language chosen on the options page over the browser's (lib/i18n/browser.ts
 * `ChosenLanguage`: the `_locales` folder and that one locale's messages, so a content script
 * loads its own language's strings and no other); absent: the browser's language.
 */
export const LANGUAGE_KEY = 'sla:language';
