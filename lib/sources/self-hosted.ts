/**
 * Self-hosted sites: Jira Data Center/Server and Zendesk host-mapped domains live on any domain,
 * so an admin adds each one on the options page and SLA Lens asks for that one origin at runtime.
 * Pure helpers: turn what the admin typed into an origin (or one clear message), and map an origin
 * to the match pattern we request and register, and to its content script's id — and back.
 */
import { isLoopbackHost } from '../view/ticket-url';
import { BUILT_IN_SITES, type BuiltInSite } from './sites';
import { t } from '../i18n/core';

export type SiteKind = 'jira' | 'zendesk';

export const SITE_KIND_NAMES: Record<SiteKind, string> = { jira: 'Jira', zendesk: 'Zendesk' };

export type SiteAddress =
  | {
      ok: true;
      /** `https://jira.acme-corp.com`: scheme and host, no port, no path. */
      origin: string;
      /** What the admin should know about how the address was read (a dropped path or port). */
      notes: string[];
    }
  | { ok: false; message: string };

const EXAMPLE = 'https://jira.example.com';
/** Plain http is only acceptable on the admin's own machine (a local test instance). */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * Reads a site address as an admin types it: `jira.acme-corp.com`, `https://support.acme.com/`,
 * `https://acme.com/jira` (a path prefix: the whole origin is covered), `http://localhost:8080`.
 */
export function parseSiteAddress(input: string): SiteAddress {
  const text = input.trim();
  if (text === '') return fail(t('site_enter_address', { example: EXAMPLE }));
  if (text.includes('*')) {
    // `*.atlassian.net` deserves "already covered" rather than "no wildcards".
    const covered = builtInSiteOf(text.replace(/\*\./g, ''));
    if (covered) return coveredAlready(covered);
    return fail(t('site_no_wildcards', { example: EXAMPLE }));
  }
  if (/\s/.test(text)) return fail(t('site_no_spaces', { example: EXAMPLE }));

  // No scheme typed: https is what a Jira or Zendesk site uses. (`new URL('jira.acme.com:8443')`
  // would otherwise read `jira.acme.com:` as the scheme.)
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'https' && scheme !== 'http') {
    return fail(t('site_wrong_scheme', { example: EXAMPLE, scheme }));
  }
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `https://${text}` : text);
  } catch {
    return fail(t('site_not_address', { text, example: EXAMPLE }));
  }
  const host = url.hostname.replace(/\.$/, '');
  if (host === '') return fail(t('site_no_host', { text, example: EXAMPLE }));
  if (url.username !== '' || url.password !== '') {
    return fail(t('site_no_credentials', { example: EXAMPLE }));
  }
  if (url.protocol === 'http:' && !isLoopbackHost(host)) {
    return fail(t('site_use_https', { host }));
  }
  const builtIn = builtInSiteOf(host);
  if (builtIn) return coveredAlready(builtIn);

  const origin = `${url.protocol}//${host}`;
  const notes: string[] = [];
  // Firefox's match patterns cannot name a port (https://bugzil.la/1362809), and Chrome's match
  // every port when none is named: one pattern per host keeps both browsers the same.
  if (url.port !== '') notes.push(t('site_every_port', { origin, port: url.port }));
  // A query or fragment (pasted from the address bar) says nothing about the site: dropped silently.
  if (url.pathname !== '/') notes.push(t('site_whole_site', { origin, path: url.pathname }));
  return { ok: true, origin, notes };
}

function builtInSiteOf(address: string): BuiltInSite | undefined {
  let host: string;
  try {
    host = new URL(SCHEME.test(address) ? address : `https://${address}`).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
  return BUILT_IN_SITES.find((site) => hostMatches(site.host, host));
}

function coveredAlready(site: BuiltInSite): SiteAddress {
  return fail(t('site_covered_already', { name: site.name, host: site.host }));
}

/** `*.atlassian.net` covers `atlassian.net` and every host under it. */
function hostMatches(glob: string, host: string): boolean {
  const suffix = glob.replace(/^\*\./, '');
  return host === suffix || host.endsWith(`.${suffix}`);
}

function fail(message: string): SiteAddress {
  return { ok: false, message };
}

/** The host permission requested and the content script's matches: every page of the origin. */
export function matchPatternFor(origin: string): string {
  return `${origin}/*`;
}

/**
 * The origin of a granted host permission, if it is one of ours (a single self-hosted site).
 * Built-in patterns (the atlassian.net one), a blanket all-sites grant a user may give in the
 * browser's own UI, and anything else return null.
 */
export function originFromMatchPattern(pattern: string): string | null {
  if (!pattern.endsWith('/*')) return null;
  return canonicalOrigin(pattern.slice(0, -2));
}

const SCRIPT_ID_PREFIX = 'sla-lens-site:';

/** One registered content script per origin. (Ids must not start with `_`; nothing else is reserved.) */
export function scriptIdFor(origin: string): string {
  return `${SCRIPT_ID_PREFIX}${origin}`;
}

/** The origin a registered script is for, or null for a script that is not a self-hosted site's. */
export function originFromScriptId(id: string): string | null {
  return id.startsWith(SCRIPT_ID_PREFIX) ? canonicalOrigin(id.slice(SCRIPT_ID_PREFIX.length)) : null;
}

/** The origin itself if it is exactly what `parseSiteAddress` produces, else null. */
export function canonicalOrigin(text: string): string | null {
  if (!SCHEME.test(text)) return null;
  const parsed = parseSiteAddress(text);
  return parsed.ok && parsed.origin === text ? parsed.origin : null;
}
