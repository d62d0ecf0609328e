/**
 * The fake Jira sites' search APIs, in Atlassian's documented shapes (jira-dom.md §5.2–5.4):
 * Cloud `/rest/api/3/search/jql` (`{isLast, issues}`; comments as ADF; users by `accountId`) and
 * Data Center `/rest/api/2/search` (`{startAt, maxResults, total, issues}`; plain-text comments;
 * users by `name`/`key`). Both honour `fields` and `expand=changelog,names`.
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
    comment: { comments: comments.map((c) => commentJson(c, issue, origin, o)), self: `${api}/issue/${issue.id}/comment`, maxResults: comments.length, total: comments.length, startAt: 0 },
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
      histories: issue.history.map((h, i) => ({
        id: String(20000 + i),
        author: user('Support agent', o.flavour),
        created: date(h.at),
        items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '1', fromString: h.from, to: '2', toString: h.to }],
      })),
    };
  }
  return json;
}

interface SearchParams {
  jql: string;
  /** Undefined when the request names no fields. */
  fields?: string[] | undefined;
  expand: string[];
}

const json = (status: number, body: unknown): FakeResponse => ({ status, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(body) });

function searchParams(req: FakeRequest): SearchParams | FakeResponse {
  if (req.method === 'POST') {
    let body: { jql?: unknown; fields?: unknown; expand?: unknown };
    try {
      body = JSON.parse(req.body ?? '{}') as typeof body;
    } catch {
      return json(400, { errorMessages: ['Invalid request payload.'] });
    }
    const expand = Array.isArray(body.expand) ? body.expand.map(String) : String(body.expand ?? '').split(',');
    return { jql: String(body.jql ?? ''), fields: Array.isArray(body.fields) ? body.fields.map(String) : undefined, expand };
  }
  if (req.method !== 'GET') return json(405, { errorMessages: ['Method not allowed'] });
  const q = req.url.searchParams;
  const fields = q.getAll('fields').flatMap((f) => f.split(','));
  return { jql: q.get('jql') ?? '', fields: fields.length > 0 ? fields : undefined, expand: (q.get('expand') ?? '').split(',') };
}

/** The issues `key in (A, B)` selects, or an error response for any other JQL. */
function select(issues: FakeJiraIssue[], jql: string): FakeJiraIssue[] | FakeResponse {
  const m = /key\s+in\s*\(([^)]*)\)/i.exec(jql);
  if (!m) return json(400, { errorMessages: [`Unbounded JQL queries are not allowed here: ${jql}`] });
  const keys = new Set(m[1]!.split(',').map((k) => k.trim().replace(/^"|"$/g, '').toUpperCase()));
  return issues.filter((i) => keys.has(i.key));
}

/** Cloud `GET|POST /rest/api/3/search/jql` with `jql: key in (A, B)`. */
export function jiraSearch(issues: FakeJiraIssue[], req: FakeRequest): FakeResponse {
  const params = searchParams(req);
  if ('status' in params) return params;
  const found = select(issues, params.jql);
  if ('status' in found) return found;
  const options: IssueJsonOptions = { flavour: 'cloud', fields: params.fields, changelog: params.expand.includes('changelog') };
  return json(200, {
    isLast: true,
    issues: found.map((i) => jiraIssueJson(i, req.url.origin, options)),
    ...(params.expand.includes('names') ? { names: NAMES } : {}),
  });
}

/** Data Center `GET|POST {base}/rest/api/2/search`, in the old paged shape, dates in the server's zone. */
export function jiraDcSearch(issues: FakeJiraIssue[], req: FakeRequest, offsetMinutes: number): FakeResponse {
  const params = searchParams(req);
  if ('status' in params) return params;
  const found = select(issues, params.jql);
  if ('status' in found) return found;
  const options: IssueJsonOptions = { flavour: 'dc', offsetMinutes, fields: params.fields, changelog: params.expand.includes('changelog') };
  // DC may live under a context path: `self` links carry it.
  const base = req.url.origin + req.url.pathname.slice(0, req.url.pathname.indexOf('/rest/'));
  return json(200, {
    expand: 'names,schema',
    startAt: 0,
    maxResults: 50,
    total: found.length,
    issues: found.slice(0, 50).map((i) => jiraIssueJson(i, base, options)),
    ...(params.expand.includes('names') ? { names: NAMES } : {}),
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
