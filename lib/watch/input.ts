/**
 * A scope as a person types it on the options page (issue 16 §1), checked field by field: each
 * problem is said beside its field, and nothing is asked of a site until the whole is sound.
 */
import { HOST_NAME } from '../sources/host-name';
import type { ScopeQuery } from './types';

export type ScopeKind = ScopeQuery['kind'];

export interface ScopeInput {
  site: string;
  kind: ScopeKind;
  name: string;
  jql: string;
  filter: string;
  serviceDesk: string;
  queue: string;
  view: string;
  search: string;
}

export const EMPTY_SCOPE_INPUT: ScopeInput = { site: '', kind: 'jql', name: '', jql: '', filter: '', serviceDesk: '', queue: '', view: '', search: '' };

/** How each kind is named in the form. */
export const KIND_WORDS: Record<ScopeKind, string> = {
  jql: 'Jira: a JQL query',
  filter: 'Jira: a saved filter',
  queue: 'Jira Service Management: a queue',
  view: 'Zendesk: a view',
  search: 'Zendesk: a search',
};

export type ScopeInputField = Exclude<keyof ScopeInput, 'kind'>;
export type ScopeDraft = { site: string; name?: string; query: ScopeQuery };

const DIGITS = /^\d{1,18}$/;

/** The host a person meant: `acme.atlassian.net`, also from a pasted address such as `https://acme.atlassian.net/jira/…`. */
export function siteOf(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  let host = trimmed;
  if (/^https?:\/\//.test(trimmed)) {
    try {
      host = new URL(trimmed).hostname;
    } catch {
      return null;
    }
  }
  return HOST_NAME.test(host) ? host : null;
}

const isJiraKind = (kind: ScopeKind) => kind === 'jql' || kind === 'filter' || kind === 'queue';

export function scopeFromInput(input: ScopeInput): { ok: true; scope: ScopeDraft } | { ok: false; problems: Partial<Record<ScopeInputField, string>> } {
  const problems: Partial<Record<ScopeInputField, string>> = {};
  const site = siteOf(input.site);
  if (input.site.trim() === '') problems.site = 'Enter the site, such as acme.atlassian.net.';
  else if (!site) problems.site = 'That is not a site’s address: write its host name, such as acme.atlassian.net.';
  else if (isJiraKind(input.kind) && site.endsWith('.zendesk.com')) problems.site = `${site} is a Zendesk site: choose a Zendesk view or search.`;
  else if (!isJiraKind(input.kind) && site.endsWith('.atlassian.net')) problems.site = `${site} is a Jira site: choose a JQL query, a saved filter or a queue.`;

  const id = (field: 'filter' | 'serviceDesk' | 'queue' | 'view', what: string) => {
    const value = input[field].trim();
    if (!DIGITS.test(value)) problems[field] = value === '' ? `Enter the ${what}.` : `The ${what} is a number, such as 10001.`;
    // As the configuration's ids are kept (lib/config/watch.ts): "007" and "7" are one scope.
    return value.replace(/^0+(?=\d)/, '');
  };
  let query: ScopeQuery | null = null;
  switch (input.kind) {
    case 'jql': {
      const jql = input.jql.trim();
      if (jql === '') problems.jql = 'Enter a JQL query, such as project = SUP AND statusCategory != Done.';
      else if (jql.length > 4000) problems.jql = 'A JQL query of at most 4,000 characters.';
      query = { kind: 'jql', jql };
      break;
    }
    case 'filter':
      query = { kind: 'filter', filter: id('filter', 'filter’s id') };
      break;
    case 'queue':
      query = { kind: 'queue', serviceDesk: id('serviceDesk', 'service desk’s id'), queue: id('queue', 'queue’s id') };
      break;
    case 'view':
      query = { kind: 'view', view: id('view', 'view’s id') };
      break;
    case 'search': {
      const search = input.search.trim();
      if (search === '') problems.search = 'Enter a Zendesk search, such as status<solved group:"Tier 2".';
      else if (search.length > 1000) problems.search = 'A search of at most 1,000 characters.';
      query = { kind: 'search', search };
      break;
    }
  }
  const name = input.name.trim();
  if (name.length > 200) problems.name = 'A name of at most 200 characters.';
  if (Object.keys(problems).length > 0 || !site || !query) return { ok: false, problems };
  return { ok: true, scope: { site, query, ...(name ? { name } : {}) } };
}
