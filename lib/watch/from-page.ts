/**
 * "Watch this queue" (issue 16 §1): the scope a page's address names, for the popup to offer on a
 * Jira Service Management queue, a Jira filter or search, or a Zendesk view. A JSM queue's
 * address names its project, not its service desk: `serviceDeskFor` asks the site which one.
 */
import { t } from '../i18n/core';
import { requestJson, type RequestContext } from '../sources/http';
import { obj, str } from '../sources/json';
import { failureWords } from '../view/words';
import type { ScopeQuery } from './types';

export type PageScope = { site: string; query: ScopeQuery } | { site: string; jsmQueue: { project: string; queue: string } };

const PROJECT = /^[A-Z][A-Z0-9_]{0,254}$/;
const ID = /^\d{1,18}$/;

/** The scope `href` shows, or null for a page that is no list SLA Lens can watch. */
export function scopeFromPage(href: string): PageScope | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const site = url.hostname;
  const path = url.pathname;
  const view = /^\/agent\/filters\/(\d{1,18})\/?$/.exec(path);
  if (view) return { site, query: { kind: 'view', view: view[1]! } };
  const queue = /\/jira\/servicedesk\/projects\/([^/]+)\/queues\/custom\/(\d{1,18})\/?$/.exec(path);
  if (queue && PROJECT.test(queue[1]!)) return { site, jsmQueue: { project: queue[1]!, queue: queue[2]! } };
  // The issue navigator, list or detail view, by saved filter or by query (Cloud and Data Center).
  if (/\/issues\/?$|\/issues\/\?|\/secure\/IssueNavigator\.jspa$|\/jira\/software\/(c\/)?projects\/[^/]+\/issues\/?$/.test(path) || url.searchParams.has('filter') || url.searchParams.has('jql')) {
    const filter = url.searchParams.get('filter');
    if (filter && ID.test(filter)) return { site, query: { kind: 'filter', filter } };
    const jql = url.searchParams.get('jql')?.trim();
    if (jql) return { site, query: { kind: 'jql', jql } };
  }
  return null;
}

/**
 * The id of the service desk of `project` (`GET /rest/servicedeskapi/servicedesk/{project}`: the
 * id "can alternatively be a project identifier", Atlassian's reference), or why not in a sentence.
 */
export async function serviceDeskFor(context: RequestContext, baseUrl: string, project: string): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  const site = new URL(context.origin).hostname;
  const answer = await requestJson(context, `${baseUrl.replace(/\/$/, '')}/rest/servicedeskapi/servicedesk/${encodeURIComponent(project)}`, { method: 'GET', headers: { Accept: 'application/json' } });
  if (!answer.ok) return { ok: false, message: t('watch_page_desk_unknown', { site, project, failure: failureWords(answer.failure) }) };
  const id = answer.status === 200 ? str(obj(answer.body)?.id) : undefined;
  if (id === undefined || !ID.test(id)) return { ok: false, message: t('watch_page_no_desk', { site, project }) };
  return { ok: true, id };
}
