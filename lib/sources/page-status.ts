/**
 * Whether SLA Lens could read the page it is on, and the diagnostics a user can copy when it
 * could not. Markup drifts; when a page we recognise as a ticket list or ticket view shows
 * tickets we did not find, the user must be told rather than left with silence.
 *
 * Diagnostics carry only structure: the page type, the URL with every key, id, project and query
 * value masked, and how many tickets each reader strategy found. Never a ticket's text, a name,
 * a key or an id. Pure and content-script-safe.
 */
import type { StrategyCount } from './strategies';

export interface PageKind {
  /** Stable, for diagnostics: `jsm-queue`, `zendesk-view`. */
  readonly id: string;
  /** What users call it: "Jira Service Management queue". */
  readonly label: string;
  /** A list of tickets, or one ticket's own view. */
  readonly shows: 'list' | 'ticket';
}

/** What the content script reports to the background once a page's rows have settled. */
export interface PageReading {
  kind: PageKind;
  /** Ticket elements SLA Lens found (on a ticket view: the open ticket's, 0 or 1). */
  found: number;
  /** Tickets the page appears to show, counted without our readers' markup beliefs. */
  shown: number;
}

/** Below this many shown tickets a shortfall is not called out: one row more or less is noise. */
const SHORTFALL_MIN_SHOWN = 4;

/**
 * Whether the page shows tickets SLA Lens could not read: none found while the page shows some,
 * or, on a list, far fewer (under half). A truly empty list is readable: there is nothing to read.
 * On a ticket view `found` counts the open ticket only, and `shown` anything naming a ticket.
 */
export function cannotRead({ kind, found, shown }: PageReading): boolean {
  if (shown === 0) return false;
  if (kind.shows === 'ticket') return found === 0;
  if (found === 0) return true;
  return shown >= SHORTFALL_MIN_SHOWN && found * 2 < shown;
}

export interface PageDiagnostics {
  source: string;
  page: string;
  /** The URL's shape: `https://*.atlassian.net/jira/servicedesk/projects/{project}/queues/custom/{id}`. */
  url: string;
  /** The page's declared language and direction (`de`, `rtl`): structure, and often the cause. */
  lang: string;
  dir: string;
  found: number;
  shown: number;
  strategies: StrategyCount[];
}

export interface UrlMask {
  /** Path segments kept as they are (route words such as `browse`, `queues`, `agent`). */
  readonly words: ReadonlySet<string>;
  /** Segments that follow these words are named for them: `projects/{project}`. */
  readonly named?: Readonly<Record<string, string>>;
  /** Query parameters whose names are kept (their values never are). */
  readonly params: ReadonlySet<string>;
  /** Which segment is a ticket key (`{key}`). */
  readonly isKey: (segment: string) => boolean;
}

/** A host as it can be shared: the vendor's domain is kept, the tenant never. */
function maskHost(hostname: string): string {
  for (const vendor of ['atlassian.net', 'zendesk.com']) if (hostname === vendor || hostname.endsWith(`.${vendor}`)) return `*.${vendor}`;
  return '{self-hosted}';
}

/**
 * The URL with everything that could name a tenant, a project, a ticket or a query masked. A
 * segment survives only if it is a known route word; every query value is masked; the fragment goes.
 */
export function maskUrl(url: URL, mask: UrlMask): string {
  let previous = '';
  const path = url.pathname
    .split('/')
    .map((segment) => {
      const named = previous && mask.named?.[previous];
      previous = segment;
      if (segment === '') return segment;
      if (named) return `{${named}}`;
      if (mask.words.has(segment)) return segment;
      if (mask.isKey(segment)) return '{key}';
      if (/^\d+$/.test(segment)) return '{id}';
      return '{…}';
    })
    .join('/');
  // forEach, not keys(): in a Firefox content script the page's iterators are not iterable.
  const names = new Set<string>();
  url.searchParams.forEach((_value, name) => names.add(mask.params.has(name) ? name : '{param}'));
  const params = [...names].map((name) => `${name}={…}`);
  return `${url.protocol}//${maskHost(url.hostname)}${path}${params.length ? `?${params.join('&')}` : ''}`;
}
