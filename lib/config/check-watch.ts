import { scopePhrase } from './format';
import { siteGlob } from './match';
import { error, type RawProblem } from './problem';
import type { ConfigV1 } from './schema';
import { quoteList } from './suggest';
import { isJiraKind, QUERY_KEYS, queryKeysOf, resolveScope, siteKind } from './watch';

const ONE_OF = 'Give one of jql, filter, queue, view or search';
const KIND_NOUN = { jql: 'A JQL query', filter: 'A saved filter', queue: 'A queue', view: 'A view', search: 'A search' } as const;

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
      problems.push(
        error(['watch', i, 'site'], `${site} is not one of the configuration's sites: it must match ${quoteList(declared.map((d) => d.glob))}. Add it to "sites", or watch a scope on one of them.`),
      );
    }

    const keys = queryKeysOf(entry);
    if (keys.length === 0) {
      problems.push(error(['watch', i], `${ONE_OF}: what to watch on ${site}.`));
      return;
    }
    if (keys.length > 1) {
      const named = keys.map((k) => `"${k}"`);
      const listed = named.length === 2 ? `both ${named[0]} and ${named[1]}` : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
      problems.push(error(['watch', i, keys[1]!], `${ONE_OF}; this entry gives ${listed}. To watch each, list them as separate entries.`, 'key'));
      return;
    }

    const key = keys[0]!;
    const kind = siteKind(site);
    if (kind !== null && (kind === 'jira') !== isJiraKind(key)) {
      const fits = QUERY_KEYS.filter((k) => isJiraKind(k) === (kind === 'jira')).map((k) => `"${k}"`);
      const tool = kind === 'jira' ? 'Jira' : 'Zendesk';
      problems.push(
        error(
          ['watch', i, key],
          `${KIND_NOUN[key]} is a ${isJiraKind(key) ? 'Jira' : 'Zendesk'} scope, and ${site} is a ${tool} site; on ${tool}, watch ${fits.slice(0, -1).join(', ')} or ${fits[fits.length - 1]}.`,
          'key',
        ),
      );
      return;
    }

    const scope = resolveScope(entry);
    const first = seen.get(scope.id);
    if (first !== undefined) {
      problems.push(error(['watch', i], `This is the same scope as watch[${first}] (${scopePhrase(scope)}); list it once.`));
    } else seen.set(scope.id, i);
  });
  return problems;
}
