/**
 * A scope as a person types it on the options page (issue 16 §1), checked field by field: each
 * problem is said beside its field, and nothing is asked of a site until the whole is sound.
 */
import { t, tp, type MessageKey } from '../i18n/core';
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

/** How each kind is named in the form: read when shown, so in the language in use then (not the one when this module loaded). */
export const KIND_WORDS: Readonly<Record<ScopeKind, string>> = {
  get jql() {
    return t('watch_kind_jql');
  },
  get filter() {
    return t('watch_kind_filter');
  },
  get queue() {
    return t('watch_kind_queue');
  },
  get view() {
    return t('watch_kind_view');
  },
  get search() {
    return t('watch_kind_search');
  },
};

export type ScopeInputField = Exclude<keyof ScopeInput, 'kind'>;
export type ScopeDraft = { site: string; name?: string; query: ScopeQuery };

const DIGITS = /^\d{1,18}$/;
/** Examples the problems show, as written in the fields (not translated). */
const EXAMPLE_SITE = 'acme.atlassian.net';
const EXAMPLE_ID = '10001';
const EXAMPLE_JQL = 'project = SUP AND statusCategory != Done';
const EXAMPLE_SEARCH = 'status<solved group:"Tier 2"';

/** What is said of an id field left empty, and of one that is not a number. */
const ID_PROBLEMS: Record<'filter' | 'serviceDesk' | 'queue' | 'view', { empty: MessageKey; notNumber: MessageKey }> = {
  filter: { empty: 'watch_input_filter_empty', notNumber: 'watch_input_filter_not_number' },
  serviceDesk: { empty: 'watch_input_service_desk_empty', notNumber: 'watch_input_service_desk_not_number' },
  queue: { empty: 'watch_input_queue_empty', notNumber: 'watch_input_queue_not_number' },
  view: { empty: 'watch_input_view_empty', notNumber: 'watch_input_view_not_number' },
};

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
  if (input.site.trim() === '') problems.site = t('watch_input_site_empty', { example: EXAMPLE_SITE });
  else if (!site) problems.site = t('watch_input_site_invalid', { example: EXAMPLE_SITE });
  else if (isJiraKind(input.kind) && site.endsWith('.zendesk.com')) problems.site = t('watch_input_site_zendesk', { site });
  else if (!isJiraKind(input.kind) && site.endsWith('.atlassian.net')) problems.site = t('watch_input_site_jira', { site });

  const id = (field: keyof typeof ID_PROBLEMS) => {
    const value = input[field].trim();
    if (!DIGITS.test(value)) problems[field] = value === '' ? t(ID_PROBLEMS[field].empty) : t(ID_PROBLEMS[field].notNumber, { example: EXAMPLE_ID });
    // As the configuration's ids are kept (lib/config/watch.ts): "007" and "7" are one scope.
    return value.replace(/^0+(?=\d)/, '');
  };
  let query: ScopeQuery | null = null;
  switch (input.kind) {
    case 'jql': {
      const jql = input.jql.trim();
      if (jql === '') problems.jql = t('watch_input_jql_empty', { example: EXAMPLE_JQL });
      else if (jql.length > 4000) problems.jql = tp('watch_input_jql_too_long', 4000);
      query = { kind: 'jql', jql };
      break;
    }
    case 'filter':
      query = { kind: 'filter', filter: id('filter') };
      break;
    case 'queue':
      query = { kind: 'queue', serviceDesk: id('serviceDesk'), queue: id('queue') };
      break;
    case 'view':
      query = { kind: 'view', view: id('view') };
      break;
    case 'search': {
      const search = input.search.trim();
      if (search === '') problems.search = t('watch_input_search_empty', { example: EXAMPLE_SEARCH });
      else if (search.length > 1000) problems.search = tp('watch_input_search_too_long', 1000);
      query = { kind: 'search', search };
      break;
    }
  }
  const name = input.name.trim();
  if (name.length > 200) problems.name = tp('watch_input_name_too_long', 200);
  if (Object.keys(problems).length > 0 || !site || !query) return { ok: false, problems };
  return { ok: true, scope: { site, query, ...(name ? { name } : {}) } };
}
