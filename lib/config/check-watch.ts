import { t } from '../i18n/core';
import { scopePhrase } from './format';
import { siteGlob } from './match';
import { formatPath } from './path';
import { error, type RawProblem } from './problem';
import type { ConfigV1 } from './schema';
import { andList, orList, quoteList } from './suggest';
import { isJiraKind, QUERY_KEYS, queryKeysOf, resolveScope, siteKind } from './watch';

/** Each query key as the subject of a sentence ("A JQL query is a Jira scope, …"). */
const KIND_NOUN = { jql: 'cfg_noun_jql', filter: 'cfg_noun_filter', queue: 'cfg_noun_queue', view: 'cfg_noun_view', search: 'cfg_noun_search' } as const;

/**
 * The rules on `watch` that need more than one field: exactly one query per entry, a query the
 * site can answer, a site the configuration counts as its own, and no scope listed twice.
 */
export function checkWatch(doc: ConfigV1): RawProblem[] {
  const problems: RawProblem[] = [];
  const entries = doc.watch ?? [];
  const declared = (doc.sites ?? []).map((glob) => ({ glob, test: siteGlob(glob) }));
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const site = entry.site.toLowerCase();
    if (declared.length > 0 && !declared.some((d) => d.test.test(site))) {
      problems.push(error(['watch', i, 'site'], t('cfg_watch_site_undeclared', { site, sites: quoteList(declared.map((d) => d.glob)) })));
    }

    const keys = queryKeysOf(entry);
    if (keys.length === 0) {
      problems.push(error(['watch', i], t('cfg_watch_no_query', { site })));
      return;
    }
    if (keys.length > 1) {
      const named = keys.map((k) => `"${k}"`);
      const message = named.length === 2 ? t('cfg_watch_two_queries', { first: named[0]!, second: named[1]! }) : t('cfg_watch_many_queries', { keys: andList(named) });
      problems.push(error(['watch', i, keys[1]!], message, 'key'));
      return;
    }

    const key = keys[0]!;
    const kind = siteKind(site);
    if (kind !== null && (kind === 'jira') !== isJiraKind(key)) {
      const fits = QUERY_KEYS.filter((k) => isJiraKind(k) === (kind === 'jira')).map((k) => `"${k}"`);
      const vars = { scope: t(KIND_NOUN[key]), site, keys: orList(fits) };
      problems.push(error(['watch', i, key], kind === 'jira' ? t('cfg_watch_zendesk_scope_on_jira', vars) : t('cfg_watch_jira_scope_on_zendesk', vars), 'key'));
      return;
    }

    const scope = resolveScope(entry);
    const first = seen.get(scope.id);
    if (first !== undefined) {
      problems.push(error(['watch', i], t('cfg_watch_duplicate', { where: formatPath(['watch', first]), scope: scopePhrase(scope) })));
    } else seen.set(scope.id, i);
  });
  return problems;
}
