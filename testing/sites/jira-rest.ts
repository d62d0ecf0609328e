/**
 * The fake Jira sites' REST APIs, in Atlassian's documented shapes (jira-dom.md §5.2–5.4):
 * Cloud `/rest/api/3/search/jql` (`{isLast, nextPageToken, issues}`; comments as ADF; users by
 * `accountId`; at most 100 issues a page when fields are asked, 5,000 when only `id` or `key` is)
 * and `/rest/api/3/changelog/bulkfetch` (`{issueChangeLogs, nextPageToken}`; at most 1,000 issues a
 * call), Data Center `/rest/api/2/search` (`{startAt, maxResults, total, issues}`; plain-text
 * comments; users by `name`/`key`; at most 1,000 issues a page), and JSM's
 * `/rest/servicedeskapi/servicedesk/{sd}/queue/{q}/issue` (`{size, start, limit, isLastPage,
 * values}`; at most 50 a page). Searches honour `fields` and `expand=changelog,names`, by GET or
 * POST; their JQL is `key in (…)`, or a scope's query as the site data lists it (alone, or as
 * `(<query>) AND updated >= -<N>m`, what changed lately on the site's clock). A POST fails
 * Jira's XSRF check, where the caller says which headers were sent, without
 * `X-Atlassian-Token: no-check`, or with an `Origin` other than the site's own (an extension's
 * background page).
 */
import { fakeAccountId, jiraDate, JIRA_PROJECT, type FakeJiraComment, type FakeJiraIssue } from './tickets';
import type { FakeRequest, FakeResponse } from './types';

const CATEGORIES = { new: [2, 'new', 'To Do', 'blue-gray'], indeterminate: [4, 'indeterminate', 'In Progress', 'yellow'], done: [3, 'done', 'Done', 'green'] } as const;
/** Where JSM keeps the request type on the fake sites (the usual id on Cloud, PF). */
export const REQUEST_TYPE_FIELD = 'customfield_10010';
const NAMES: Record<string, string> = { [REQUEST_TYPE_FIELD]: 'Request Type' };

export interface IssueJsonOptions {
  flavour?: 'cloud' | 'dc';
  /** The server's UTC offset in minutes, as it appears in every date. */
  offsetMinutes?: number;
  /** Field ids to include; undefined = every field except `comment` (lenient, for older callers). */
  fields?: readonly string[] | undefined;
  changelog?: boolean;
  /** The search gives at most this many comments of an issue (its `total` says how many there are); all when absent. */
  commentsShown?: number | undefined;
}

function user(name: string, flavour: 'cloud' | 'dc'): object {
  const id = fakeAccountId(name);
  return flavour === 'cloud' ? { accountId: id, displayName: name, active: true, accountType: 'atlassian' } : { name: id, key: id, displayName: name, active: true };
}

function commentBody(text: string, flavour: 'cloud' | 'dc'): unknown {
  // v3 returns Atlassian Document Format; v2 (DC) the wiki-markup string.
  return flavour === 'cloud' ? { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } : text;
}

function commentJson(c: FakeJiraComment, issue: FakeJiraIssue, origin: string, o: Required<Pick<IssueJsonOptions, 'flavour' | 'offsetMinutes'>>): object {
  return {
    self: `${origin}/rest/api/${o.flavour === 'cloud' ? 3 : 2}/issue/${issue.id}/comment/${c.id}`,
    id: String(c.id),
    author: user(c.author, o.flavour),
    body: commentBody(c.body, o.flavour),
    updateAuthor: user(c.author, o.flavour),
    created: jiraDate(c.at, o.offsetMinutes),
    updated: jiraDate(c.at, o.offsetMinutes),
    jsdPublic: c.public,
  };
}

/** One status change as a changelog lists it; its id is unique on the site, as Jira's are. */
function historyJson(issue: FakeJiraIssue, i: number, o: Required<Pick<IssueJsonOptions, 'flavour' | 'offsetMinutes'>>): object {
  const h = issue.history[i]!;
  return {
    id: String(issue.id * 100 + i),
    author: user('Support agent', o.flavour),
    created: jiraDate(h.at, o.offsetMinutes),
    items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: h.from, to: '2', toString: h.to }],
  };
}

/** One issue as the search APIs return it. */
export function jiraIssueJson(issue: FakeJiraIssue, origin: string, options: IssueJsonOptions = {}): object {
  const o = { flavour: options.flavour ?? 'cloud', offsetMinutes: options.offsetMinutes ?? 0 };
  const date = (t: number) => jiraDate(t, o.offsetMinutes);
  const api = `${origin}/rest/api/${o.flavour === 'cloud' ? 3 : 2}`;
  const [categoryId, categoryKey, categoryName, colorName] = CATEGORIES[issue.statusCategory];
  const comments = issue.comments ?? [];
  const all: Record<string, unknown> = {
    summary: issue.summary,
    created: date(issue.created),
    updated: date(issue.updated),
    resolutiondate: issue.resolved ? date(issue.resolved) : null,
    priority: {
      id: String(['Highest', 'High', 'Medium', 'Low', 'Lowest'].indexOf(issue.priority) + 1),
      name: issue.priority,
      iconUrl: `${origin}/images/icons/priorities/${issue.priority.toLowerCase()}.svg`,
      self: `${api}/priority/1`,
    },
    status: {
      name: issue.status,
      id: '10001',
      self: `${api}/status/10001`,
      statusCategory: { id: categoryId, key: categoryKey, name: categoryName, colorName, self: `${api}/statuscategory/${categoryId}` },
    },
    issuetype: { id: '10004', name: issue.issueType, subtask: false, self: `${api}/issuetype/10004` },
    labels: issue.labels,
    project: { id: String(JIRA_PROJECT.id), key: issue.key.split('-')[0], name: JIRA_PROJECT.name, self: `${api}/project/${JIRA_PROJECT.id}` },
    assignee: issue.assignee ? user(issue.assignee, o.flavour) : null,
    reporter: user(issue.reporter, o.flavour),
    [REQUEST_TYPE_FIELD]: issue.requestType ? { _links: {}, requestType: { id: '1', name: issue.requestType }, currentStatus: { status: issue.status } } : null,
    comment: (() => {
      const shown = comments.slice(0, options.commentsShown ?? comments.length);
      return { comments: shown.map((c) => commentJson(c, issue, origin, o)), self: `${api}/issue/${issue.id}/comment`, maxResults: shown.length, total: comments.length, startAt: 0 };
    })(),
  };
  const wanted = options.fields;
  const everything = !wanted || wanted.includes('*all') || wanted.includes('*navigable');
  const fields = Object.fromEntries(Object.entries(all).filter(([id]) => (everything ? id !== 'comment' || wanted?.includes('*all') : wanted.includes(id))));
  const json: Record<string, unknown> = {
    expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
    id: String(issue.id),
    key: issue.key,
    self: `${api}/issue/${issue.id}`,
    fields,
  };
  if (options.changelog ?? true) {
    json.changelog = {
      startAt: 0,
      maxResults: issue.history.length,
      total: issue.history.length,
      histories: issue.history.map((h, i) => historyJson(issue, i, o)),
    };
  }
  return json;
}

interface SearchParams {
  jql: string;
  /** Undefined when the request names no fields. */
  fields?: string[] | undefined;
  expand: string[];
  /** Undefined when not asked. */
  maxResults?: number | undefined;
  startAt: number;
  nextPageToken?: string | undefined;
}

const json = (status: number, body: unknown): FakeResponse => ({ status, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(body) });

/**
 * Jira's XSRF check on a POST, applied only where the caller says which headers were sent: it must
 * say `X-Atlassian-Token: no-check` (Atlassian KB, "XSRF check failed when calling Cloud APIs"),
 * and an `Origin` it carries must be the site's own. A page's request carries its own origin; an
 * extension's background carries `chrome-extension://…` or `moz-extension://…`, which Atlassian's
 * protection may refuse whatever the token says. A GET is not checked.
 */
function xsrfRefusal(req: FakeRequest): FakeResponse | null {
  if (req.method !== 'POST' || req.headers === undefined) return null;
  const header = (name: string) => Object.entries(req.headers!).find(([n]) => n.toLowerCase() === name)?.[1];
  const origin = header('origin');
  const token = header('x-atlassian-token');
  return token?.toLowerCase() === 'no-check' && (origin === undefined || origin === req.url.origin) ? null : { status: 403, contentType: 'text/plain;charset=UTF-8', body: 'XSRF check failed' };
}

/** A whole number from a query or body value, or undefined. */
function count(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function searchParams(req: FakeRequest): SearchParams | FakeResponse {
  const refused = xsrfRefusal(req);
  if (refused) return refused;
  if (req.method === 'POST') {
    let body: { jql?: unknown; fields?: unknown; expand?: unknown; maxResults?: unknown; startAt?: unknown; nextPageToken?: unknown };
    try {
      body = JSON.parse(req.body ?? '{}') as typeof body;
    } catch {
      return json(400, { errorMessages: ['Invalid request payload.'] });
    }
    const expand = Array.isArray(body.expand) ? body.expand.map(String) : String(body.expand ?? '').split(',');
    return {
      jql: String(body.jql ?? ''),
      fields: Array.isArray(body.fields) ? body.fields.map(String) : undefined,
      expand,
      maxResults: count(body.maxResults),
      startAt: count(body.startAt) ?? 0,
      nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
    };
  }
  if (req.method !== 'GET') return json(405, { errorMessages: ['Method not allowed'] });
  const q = req.url.searchParams;
  const fields = q.getAll('fields').flatMap((f) => f.split(','));
  return {
    jql: q.get('jql') ?? '',
    fields: fields.length > 0 ? fields : undefined,
    expand: (q.get('expand') ?? '').split(','),
    maxResults: count(q.get('maxResults')),
    startAt: count(q.get('startAt')) ?? 0,
    nextPageToken: q.get('nextPageToken') ?? undefined,
  };
}

/** Watched scopes' JQL → their keys in order (`FakeSiteData.jiraScopes`). */
export type JiraScopes = Record<string, readonly string[]>;

/** A query narrowed to what changed lately, as the watch's lister asks it: `(<scope's JQL>) AND updated >= -<N>m`. */
const CHANGED_SINCE = /^\s*\(([\s\S]*)\)\s+AND\s+updated\s*>=\s*-(\d+)m\s*$/i;

/** The tickets resolved between two days in some projects, as a report's fill asks: `project in ("SUP") AND resolved >= "2026-10-31" AND resolved < "2026-12-05"`. */
const RESOLVED_IN = /^\s*project\s+in\s*\(([^)]*)\)\s+AND\s+resolved\s*>=\s*"(\d{4}-\d{2}-\d{2})"\s+AND\s+resolved\s*<\s*"(\d{4}-\d{2}-\d{2})"\s*$/i;

/**
 * What `jql` selects: a scope's keys as `scopes` lists them (an issue where the site has one, the
 * bare key where not), the same narrowed to the issues updated within the last N minutes of the
 * site's clock (`now`), the issues of some projects resolved between two days (`offsetMinutes`:
 * the server's zone, in which JQL reads a date), or the issues `key in (A, B)` names; an error response for any other JQL.
 */
function select(issues: FakeJiraIssue[], jql: string, scopes: JiraScopes | undefined, now: number, offsetMinutes = 0): Array<FakeJiraIssue | string> | FakeResponse {
  const resolved = RESOLVED_IN.exec(jql);
  if (resolved) {
    const projects = new Set(resolved[1]!.split(',').map((p) => p.trim().replace(/^"|"$/g, '').toUpperCase()));
    // A JQL date is a day in the searching user's zone: here the server's.
    const day = (d: string) => Date.parse(`${d}T00:00:00Z`) - offsetMinutes * 60_000;
    const [from, to] = [day(resolved[2]!), day(resolved[3]!)];
    return issues.filter((i) => projects.has(i.key.split('-')[0]!) && i.resolved !== undefined && i.resolved >= from && i.resolved < to);
  }
  const scope = scopes ? Object.entries(scopes).find(([text]) => text.trim() === jql.trim())?.[1] : undefined;
  if (scope) {
    const byKey = new Map(issues.map((i) => [i.key, i]));
    return scope.map((key) => byKey.get(key) ?? key);
  }
  const changed = CHANGED_SINCE.exec(jql);
  if (changed) {
    const inner = changed[1]!;
    // JQL takes ORDER BY at the end of the whole query only, so a scope's own sort cannot go
    // inside the parentheses: refused, as Jira's parser refuses it (in the fake's own words).
    if (/\border\s+by\b/i.test(inner.replace(/"[^"]*"|'[^']*'/g, '')))
      return json(400, { errorMessages: [`Error in the JQL Query: ORDER BY may only end a whole query, not a part in parentheses (${jql}).`], warningMessages: [] });
    const found = select(issues, inner, scopes, now);
    if ('status' in found) return found;
    const from = now - Number(changed[2]) * 60_000;
    // A bare key has no issue, so no `updated`: it never shows as changed.
    return found.filter((i) => typeof i !== 'string' && i.updated >= from);
  }
  const filter = /^\s*filter\s*=\s*"?(\w+)"?\s*$/i.exec(jql);
  if (filter) return json(400, { errorMessages: [`The value '${filter[1]}' does not exist for the field 'filter'.`], warningMessages: [] });
  const m = /key\s+in\s*\(([^)]*)\)/i.exec(jql);
  if (!m) return json(400, { errorMessages: [`Error in the JQL Query: the query is not one this site was given (${jql}).`], warningMessages: [] });
  const keys = new Set(m[1]!.split(',').map((k) => k.trim().replace(/^"|"$/g, '').toUpperCase()));
  return issues.filter((i) => keys.has(i.key));
}

/** The id a bare key is given: the same on every page and in every scope. */
const bareId = (key: string): string => String(2_000_000 + Number(key.split('-')[1] ?? 0));

/** An issue of a search answer: the fake issue as asked, or a bare key as `{id, key, self, fields: {}}`. */
function entryJson(entry: FakeJiraIssue | string, base: string, options: IssueJsonOptions): object {
  if (typeof entry !== 'string') return jiraIssueJson(entry, base, options);
  const id = bareId(entry);
  return { expand: '', id, key: entry, self: `${base}/rest/api/${options.flavour === 'dc' ? 2 : 3}/issue/${id}`, fields: {} };
}

/** A page token: opaque to callers, as Atlassian's are; here where the next page starts. */
const pageToken = (offset: number): string => btoa(`offset:${offset}`);
function offsetOf(token: string | undefined): number | null {
  if (token === undefined) return 0;
  try {
    const m = /^offset:(\d+)$/.exec(atob(token));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Cloud's page caps: 100 issues when fields are asked (as measured), 5,000 when only `id` or `key`
 * is ("The greatest number of items returned per page is achieved when requesting `id` or `key`
 * only. It returns max 5000 issues.", the OpenAPI spec's `maxResults`); 50 when `maxResults` is not
 * given.
 */
const CLOUD_FIELDS_PAGE = 100;
const CLOUD_IDS_PAGE = 5000;
const DEFAULT_MAX_RESULTS = 50;
/** Data Center's default `jira.search.views.default.max`. */
const DC_PAGE = 1000;

/** Whether a search asks for no more than issue ids and keys (no `fields` is Cloud's `id` only). */
const idsOnly = (fields: readonly string[] | undefined): boolean => !fields || fields.every((f) => f === 'id' || f === 'key');

/**
 * Cloud `GET|POST /rest/api/3/search/jql` with `jql: key in (A, B)` or a scope's query (maybe
 * narrowed to `updated >= -<N>m` of `now`, the site's clock), paged by `nextPageToken`.
 */
export function jiraSearch(issues: FakeJiraIssue[], req: FakeRequest, scopes?: JiraScopes, now = Date.now(), commentsShown?: number): FakeResponse {
  const params = searchParams(req);
  if ('status' in params) return params;
  const found = select(issues, params.jql, scopes, now);
  if ('status' in found) return found;
  const offset = offsetOf(params.nextPageToken);
  if (offset === null) return json(400, { errorMessages: ['The nextPageToken is invalid.'] });
  const size = Math.min(params.maxResults ?? DEFAULT_MAX_RESULTS, idsOnly(params.fields) ? CLOUD_IDS_PAGE : CLOUD_FIELDS_PAGE);
  const page = found.slice(offset, offset + size);
  const isLast = offset + page.length >= found.length;
  const options: IssueJsonOptions = { flavour: 'cloud', fields: params.fields, changelog: params.expand.includes('changelog'), commentsShown };
  return json(200, {
    isLast,
    ...(isLast ? {} : { nextPageToken: pageToken(offset + page.length) }),
    issues: page.map((i) => entryJson(i, req.url.origin, options)),
    ...(params.expand.includes('names') ? { names: NAMES } : {}),
  });
}

/** Data Center `GET|POST {base}/rest/api/2/search`, in the old paged shape (`startAt`, `total`), dates in the server's zone. */
export function jiraDcSearch(issues: FakeJiraIssue[], req: FakeRequest, offsetMinutes: number, scopes?: JiraScopes, now = Date.now(), commentsShown?: number): FakeResponse {
  const params = searchParams(req);
  if ('status' in params) return params;
  const found = select(issues, params.jql, scopes, now, offsetMinutes);
  if ('status' in found) return found;
  const options: IssueJsonOptions = { flavour: 'dc', offsetMinutes, fields: params.fields, changelog: params.expand.includes('changelog'), commentsShown };
  // DC may live under a context path: `self` links carry it.
  const base = req.url.origin + req.url.pathname.slice(0, req.url.pathname.indexOf('/rest/'));
  const maxResults = Math.min(params.maxResults ?? DEFAULT_MAX_RESULTS, DC_PAGE);
  return json(200, {
    expand: 'names,schema',
    startAt: params.startAt,
    maxResults,
    total: found.length,
    issues: found.slice(params.startAt, params.startAt + maxResults).map((i) => entryJson(i, base, options)),
    ...(params.expand.includes('names') ? { names: NAMES } : {}),
  });
}

/** JSM's "Get issues in queue" path, on either Jira (under Data Center's context path there): service desk and queue ids. */
export const JSM_QUEUE_ISSUES = /^\/rest\/servicedeskapi\/servicedesk\/([^/]+)\/queue\/([^/]+)\/issue$/;

/** JSM's queues: `"<serviceDeskId>/<queueId>"` → the keys in queue order (`FakeSiteData.jsmQueues`). */
export type JsmQueues = Record<string, readonly string[]>;

/** JSM's default page ("Default: 50"), which the fake also serves at most, as the service desk API is seen to. */
const QUEUE_PAGE = 50;

/**
 * `GET {base}/rest/servicedeskapi/servicedesk/{sd}/queue/{q}/issue`: the queue's issues with the
 * fields a queue shows, paged by `start`/`limit` with `isLastPage` (JSM Cloud REST API, "Get issues
 * in queue"); a queue the site data does not list is a 404 in JSM's error shape.
 */
export function jsmQueueIssues(issues: FakeJiraIssue[], req: FakeRequest, queues: JsmQueues | undefined, serviceDesk: string, queue: string, offsetMinutes = 0): FakeResponse {
  if (req.method !== 'GET') return json(405, { errorMessage: 'Method not allowed' });
  const keys = queues?.[`${serviceDesk}/${queue}`];
  if (!keys)
    return json(404, {
      errorMessage: `Queue with ID ${queue} does not exist in service desk ${serviceDesk}, or you cannot see it.`,
      i18nErrorMessage: { i18nKey: 'sd.queue.error.not.found', parameters: [] },
    });
  const q = req.url.searchParams;
  const start = count(q.get('start')) ?? 0;
  const limit = Math.min(count(q.get('limit')) || QUEUE_PAGE, QUEUE_PAGE);
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const page = keys.slice(start, start + limit);
  const isLastPage = start + page.length >= keys.length;
  const base = req.url.origin + req.url.pathname.slice(0, req.url.pathname.indexOf('/rest/'));
  const link = (from: number) => `${base}/rest/servicedeskapi/servicedesk/${serviceDesk}/queue/${queue}/issue?start=${from}&limit=${limit}`;
  return json(200, {
    _expands: [],
    size: page.length,
    start,
    limit,
    isLastPage,
    _links: { base: `${base}/rest/servicedeskapi`, context: '', ...(isLastPage ? {} : { next: link(start + page.length) }), ...(start > 0 ? { prev: link(Math.max(0, start - limit)) } : {}) },
    values: page.map((key) => {
      const issue = byKey.get(key);
      const id = issue ? String(issue.id) : bareId(key);
      const fields = issue ? { summary: issue.summary, issuetype: { id: '10004', name: issue.issueType, subtask: false }, created: jiraDate(issue.created, offsetMinutes) } : {};
      return { id, key, self: `${base}/rest/api/2/issue/${id}`, fields };
    }),
  });
}

/** What one bulk-changelog call may name (Atlassian's limits), and its page size by default and at most. */
const CHANGELOG_ISSUES = 1000;
const CHANGELOG_FIELDS = 10;
const CHANGELOG_DEFAULT_PAGE = 1000;
const CHANGELOG_MAX_PAGE = 10000;

/**
 * Cloud `POST /rest/api/3/changelog/bulkfetch`: the changelogs of up to 1,000 issues (by id or key;
 * unknown ones are left out), filtered by `fieldIds`, sorted by date then issue id and paged by
 * `nextPageToken` across all of them, so one issue's histories may span pages. Each page groups its
 * histories by issue.
 */
export function jiraBulkChangelog(issues: FakeJiraIssue[], req: FakeRequest): FakeResponse {
  if (req.method !== 'POST') return json(405, { errorMessages: ['Method not allowed'] });
  const refused = xsrfRefusal(req);
  if (refused) return refused;
  let body: { issueIdsOrKeys?: unknown; fieldIds?: unknown; maxResults?: unknown; nextPageToken?: unknown };
  try {
    body = JSON.parse(req.body ?? '{}') as typeof body;
  } catch {
    return json(400, { errorMessages: ['Invalid request payload.'] });
  }
  const asked = Array.isArray(body.issueIdsOrKeys) ? body.issueIdsOrKeys.map(String) : [];
  if (asked.length === 0) return json(400, { errorMessages: ['You must provide at least one issue ID or key.'] });
  if (asked.length > CHANGELOG_ISSUES) return json(400, { errorMessages: ['You may only load changelogs for a maximum of 1,000 issues by ID or key at a time.'] });
  const fieldIds = Array.isArray(body.fieldIds) ? body.fieldIds.map(String) : undefined;
  if (fieldIds && fieldIds.length > CHANGELOG_FIELDS) return json(400, { errorMessages: ['You may only filter changelogs by a maximum of 10 field IDs.'] });
  const offset = offsetOf(typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined);
  if (offset === null) return json(400, { errorMessages: ['The nextPageToken is invalid.'] });
  const wanted = new Set(asked.map((k) => k.toUpperCase()));
  const selected = issues.filter((i) => wanted.has(i.key) || wanted.has(String(i.id)));
  // Every history here changes the status alone: a filter without it leaves none.
  const all = fieldIds && !fieldIds.includes('status') ? [] : selected.flatMap((issue) => issue.history.map((h, i) => ({ issue, i, at: h.at })));
  all.sort((a, b) => a.at - b.at || a.issue.id - b.issue.id);
  const size = Math.min(count(body.maxResults) || CHANGELOG_DEFAULT_PAGE, CHANGELOG_MAX_PAGE);
  const page = all.slice(offset, offset + size);
  const logs = new Map<string, object[]>();
  for (const { issue, i } of page) {
    const id = String(issue.id);
    logs.set(id, [...(logs.get(id) ?? []), historyJson(issue, i, { flavour: 'cloud', offsetMinutes: 0 })]);
  }
  const more = offset + page.length < all.length;
  return json(200, {
    issueChangeLogs: [...logs].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
    ...(more ? { nextPageToken: pageToken(offset + page.length) } : {}),
  });
}

/**
 * `GET /rest/api/2/field`, trimmed to a few of the fields a real site lists: system fields and the
 * JSM request type (its type key is what identifies it; the id differs between sites).
 */
export function jiraFields(): FakeResponse {
  const system = (id: string, name: string, type: string) => ({
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [id],
    schema: { type, system: id },
  });
  const n = Number(REQUEST_TYPE_FIELD.split('_')[1]);
  const body = [
    system('summary', 'Summary', 'string'),
    system('status', 'Status', 'status'),
    system('priority', 'Priority', 'priority'),
    {
      id: 'customfield_10020',
      key: 'customfield_10020',
      name: 'Sprint',
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: ['cf[10020]', 'Sprint'],
      schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
    },
    {
      id: REQUEST_TYPE_FIELD,
      key: REQUEST_TYPE_FIELD,
      name: 'Request Type',
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${n}]`, 'Request Type'],
      schema: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin', customId: n },
    },
  ];
  return { status: 200, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(body) };
}

/**
 * `GET /rest/api/{3|2}/issue/{key}/comment?startAt&maxResults&orderBy=created`: one issue's
 * comments, oldest first, paged (at most 100 a page, Cloud's documented default and most), in the
 * documented `PageOfComments` shape.
 */
export function jiraComments(issues: FakeJiraIssue[], key: string, req: FakeRequest, flavour: 'cloud' | 'dc', offsetMinutes = 0): FakeResponse {
  const issue = issues.find((i) => i.key === key.toUpperCase());
  if (!issue) return json(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  const startAt = Math.max(0, Number(req.url.searchParams.get('startAt') ?? 0) || 0);
  const maxResults = Math.min(100, Math.max(1, Number(req.url.searchParams.get('maxResults') ?? 100) || 100));
  const all = [...(issue.comments ?? [])].sort((a, b) => a.at - b.at);
  const page = all.slice(startAt, startAt + maxResults);
  return json(200, { startAt, maxResults, total: all.length, comments: page.map((c) => commentJson(c, issue, req.url.origin, { flavour, offsetMinutes })) });
}
