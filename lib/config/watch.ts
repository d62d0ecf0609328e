/**
 * The configuration's `watch` entries as the background's `WatchScope`s. Types only besides its
 * own code: `lib/db/active-version.ts` rebuilds the active configuration with it, and must not
 * bring zod or yaml along.
 */
import type { ScopeQuery, WatchScope } from '../watch/types';
import type { WatchEntryDoc } from './schema-watch';

/** What an entry can ask its site for, in the order messages name them. */
export const QUERY_KEYS = ['jql', 'filter', 'queue', 'view', 'search'] as const;
export type QueryKey = (typeof QUERY_KEYS)[number];

/** Which query keys an entry gives, in the format's order. Exactly one is valid. */
export function queryKeysOf(entry: WatchEntryDoc): QueryKey[] {
  return QUERY_KEYS.filter((key) => entry[key] !== undefined);
}

export const isJiraKind = (kind: QueryKey | ScopeQuery['kind']): boolean => kind === 'jql' || kind === 'filter' || kind === 'queue';

/** What a host says it is: Jira Cloud and Zendesk tenants by their domain; any other host could be a self-hosted either. */
export function siteKind(host: string): 'jira' | 'zendesk' | null {
  const h = host.toLowerCase();
  if (h.endsWith('.atlassian.net')) return 'jira';
  if (h.endsWith('.zendesk.com')) return 'zendesk';
  return null;
}

/** `7`, `"7"` and `"007"` are one id: the same scope, the same `id`, never watched twice. */
const digits = (id: number | string): string => String(id).replace(/^0+(?=\d)/, '');

/**
 * The query an entry asks its site for, null unless it gives exactly one. Keys in the order of
 * `ScopeQuery`, so equal queries are equal as JSON too (lib/watch/store.ts compares them so).
 * Leading and trailing spaces mean nothing to JQL or Zendesk's search, and would make two ids.
 */
export function scopeQuery(entry: WatchEntryDoc): ScopeQuery | null {
  const keys = queryKeysOf(entry);
  if (keys.length !== 1) return null;
  switch (keys[0]!) {
    case 'jql':
      return { kind: 'jql', jql: entry.jql!.trim() };
    case 'filter':
      return { kind: 'filter', filter: digits(entry.filter!) };
    case 'queue':
      return { kind: 'queue', serviceDesk: digits(entry.queue!.serviceDesk), queue: digits(entry.queue!.id) };
    case 'view':
      return { kind: 'view', view: digits(entry.view!) };
    case 'search':
      return { kind: 'search', search: entry.search!.trim() };
  }
}

function queryKey(query: ScopeQuery): string {
  switch (query.kind) {
    case 'jql':
      return `jql:${query.jql}`;
    case 'filter':
      return `filter:${query.filter}`;
    case 'queue':
      return `queue:${query.serviceDesk}/${query.queue}`;
    case 'view':
      return `view:${query.view}`;
    case 'search':
      return `search:${query.search}`;
  }
}

/**
 * `team:acme.atlassian.net:queue:2/7`. Made of what the scope is, not where the file lists it, so
 * a scope keeps its id (and what the background knows of it) across versions that reorder or
 * rename; a host has no ":" and the kind ends at the next one, so two scopes never share an id.
 */
export function teamScopeId(site: string, query: ScopeQuery): string {
  return `team:${site}:${queryKey(query)}`;
}

/** One entry as the background watches it. Call only on a checked document (check-watch.ts). */
export function resolveScope(entry: WatchEntryDoc): WatchScope {
  const query = scopeQuery(entry);
  if (!query) throw new Error(`watch entry on ${entry.site} gives ${queryKeysOf(entry).length} queries; checkDocument must pass first`);
  const site = entry.site.toLowerCase();
  const name = entry.name?.trim();
  return { id: teamScopeId(site, query), site, ...(name ? { name } : {}), query, origin: 'team' };
}

/**
 * `{ watch }` for a document that lists scopes, else nothing (as `sites` is left out). Both
 * `resolveConfig` and `activeConfig` (lib/db, which rebuilds the active configuration from the
 * stored document) spread it, so the two always agree.
 */
export function withWatch(doc: { watch?: readonly WatchEntryDoc[] | undefined }): { watch?: WatchScope[] } {
  return doc.watch?.length ? { watch: doc.watch.map(resolveScope) } : {};
}
