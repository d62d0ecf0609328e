/**
 * One issue from Jira's search APIs → `TicketFacts`: Cloud `/rest/api/3/search/jql` and Data
 * Center `/rest/api/2/search` (same issue shape; DC users have `name`/`key`, comment bodies are
 * strings), with its status changes from the changelog the search embeds (DC) or from Cloud's
 * bulk changelog (`/rest/api/3/changelog/bulkfetch`), read by the one function either way. Field
 * meanings: jira-dom.md §5.4. Responses are untrusted input: every field is
 * checked by hand (no zod in the content script), anything unexpected is left out rather than
 * guessed, and the facts are kept within what the background takes (`clampFacts`).
 */
import type { CommentEvent, StatusChange, TicketFacts } from '../../sla/index';
import { clampFacts } from '../clamp';
import { arr, obj, str, type Json } from '../json';
import { parseJiraDate } from './dates';
import { projectOf } from './dom';
import { isValidIssueKey } from './urls';

const CATEGORIES = new Set(['new', 'indeterminate', 'done']);

export interface ParseContext {
  /** Host name for `TicketFacts.site`. */
  site: string;
  /** Where `/browse/KEY` lives: the origin on Cloud, `ajs-base-url` on DC. */
  baseUrl: string;
  /** The response's `names` (field id → name), when `expand=names` was asked. */
  names?: Json;
}

/** An issue's numeric id, as a string (search answers give a string; the bulk changelog may give either). */
const issueIdOf = (v: unknown): string | undefined => (typeof v === 'string' && /^\d+$/.test(v) ? v : typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? String(v) : undefined);

/** Who a user is, on Cloud (`accountId`) or DC (`key`, `name`). */
const userId = (u: unknown): string | undefined => str(obj(u)?.accountId) ?? str(obj(u)?.key) ?? str(obj(u)?.name);

/** The JSM request type: a `customfield_*` whose value carries `requestType.name`, else the field `names` calls "Request Type". */
function requestTypeOf(fields: Json, names: Json | undefined): string | undefined {
  for (const [id, value] of Object.entries(fields)) {
    if (!id.startsWith('customfield_')) continue;
    const name = str(obj(obj(value)?.requestType)?.name);
    if (name) return name;
  }
  for (const [id, label] of Object.entries(names ?? {})) {
    if (typeof label !== 'string' || !/request type/i.test(label)) continue;
    const value = fields[id];
    const name = str(value) ?? str(obj(value)?.name) ?? str(obj(value)?.value);
    if (name) return name;
  }
  return undefined;
}

interface Change {
  at: number;
  from: string;
  to: string;
}

/**
 * An issue's changelog histories as Jira gave them, whichever way they came: embedded in a search
 * answer (`changelog.histories`, or `values` from the paged endpoint) or from the bulk endpoint
 * (`changeHistories`, gathered across its pages). `complete` when they are all of the issue's.
 */
export interface IssueChangelog {
  histories: readonly unknown[];
  complete: boolean;
}

/** The changelog a search embedded (`expand=changelog`), or null when it embedded none. */
function embeddedChangelog(issue: unknown): IssueChangelog | null {
  const changelog = obj(obj(issue)?.changelog);
  if (!changelog) return null;
  const histories = [...arr(changelog.histories), ...arr(changelog.values)];
  // Search caps the changelog it embeds (jira-dom.md §5.2): `total` says when it did.
  const total = changelog.total;
  return { histories, complete: !(typeof total === 'number' && total > histories.length) };
}

/**
 * When a history happened: a Jira timestamp, or epoch milliseconds, which is how the bulk endpoint
 * has been seen to answer (its schema says a date-time string).
 */
function historyTime(value: unknown): number | null {
  // No Jira history predates 1973: a smaller number is not milliseconds (seconds, most likely).
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 1e11 ? value : null;
  return parseJiraDate(value);
}

/**
 * Status changes, oldest first; null when one of them cannot be read (no time, or a status
 * without its name): a history missing a change would put the pauses in the wrong places.
 */
function statusChanges(histories: readonly unknown[]): Change[] | null {
  const changes: Change[] = [];
  for (const history of histories) {
    const items = arr(obj(history)?.items)
      .map(obj)
      .filter((i): i is Json => i !== undefined && (i.field === 'status' || i.fieldId === 'status'));
    if (items.length === 0) continue;
    const at = historyTime(obj(history)?.created);
    if (at === null) return null;
    for (const i of items) {
      const from = str(i.fromString);
      const to = str(i.toString);
      if (!from || !to) return null;
      changes.push({ at, from, to });
    }
  }
  // Stable sort: the order Jira gives is kept for changes in the same millisecond.
  return changes.sort((a, b) => a.at - b.at);
}

function statusHistory(created: number, current: string | undefined, category: StatusChange['category'], changes: Change[], updated: number | null): StatusChange[] {
  const history: StatusChange[] = [];
  const initial = changes[0]?.from ?? current;
  if (initial) history.push({ at: created, status: initial });
  for (const c of changes) history.push({ at: c.at, status: c.to });
  // A capped changelog may miss the latest changes: the current status is known, its start is not exactly.
  const last = history[history.length - 1];
  if (current && last?.status !== current) history.push({ at: Math.max(last?.at ?? created, updated ?? created), status: current });
  const end = history[history.length - 1];
  if (end && category) end.category = category;
  return history;
}

/**
 * Every comment's time, its author's side and whether the customer saw it (issue 18: next reply,
 * the update metrics and aging read these): public when JSM shows it to the customer
 * (`jsdPublic` not false, no role or group restriction); by the customer when Cloud marks a
 * portal-only customer (`accountType: customer`) or it is the reporter, else by an agent, as
 * first response judges it. Undefined when the search gave only some of them (`total` says more).
 */
function commentsOf(fields: Json): CommentEvent[] | undefined {
  const field = fields.comment;
  if (field === undefined || cutShort(field)) return undefined;
  const comments = commentList(field);
  const reporter = userId(fields.reporter);
  const out: CommentEvent[] = [];
  for (const c of comments.map(obj)) {
    const at = parseJiraDate(c?.created);
    if (!c || at === null) continue;
    const author = userId(c.author);
    const customer = obj(c.author)?.accountType === 'customer' || (author !== undefined && author === reporter);
    out.push({ at, by: customer ? 'end-user' : 'agent', public: c.jsdPublic !== false && !obj(c.visibility) });
  }
  return out;
}

/**
 * The first public comment by an agent: JSM's "first response" (DESIGN: first public reply by an
 * agent). Cloud marks portal-only customers (`accountType: customer`), so a request participant's
 * comment does not count; Data Center does not say, so there anyone but the reporter counts.
 */
function firstResponse(fields: Json): number | null | undefined {
  const field = fields.comment;
  if (field === undefined) return undefined;
  const comments = commentList(field);
  const reporter = userId(fields.reporter);
  if (!reporter) return undefined;
  const times: number[] = [];
  for (const c of comments.map(obj)) {
    // Internal notes (`jsdPublic: false`) and comments restricted to a role or group are not replies to the customer.
    if (!c || c.jsdPublic === false || obj(c.visibility)) continue;
    const author = userId(c.author);
    if (obj(c.author)?.accountType === 'customer') continue;
    const at = parseJiraDate(c.created);
    if (author && author !== reporter && at !== null) times.push(at);
  }
  if (times.length > 0) return Math.min(...times);
  // Search returns the first comments only; with more on the server, "none" is not known.
  return cutShort(field) ? undefined : null;
}

/** The comments a comment field holds: the search's page of them, or the comment API's whole list. */
function commentList(field: unknown): unknown[] {
  return Array.isArray(field) ? field : arr(obj(field)?.comments);
}

/** Whether the search's comment field holds only some of the issue's comments (its `total` says more). */
function cutShort(field: unknown): boolean {
  const total = obj(field)?.total;
  return typeof total === 'number' && total > commentList(field).length;
}

/**
 * What an issue says besides its status changes, read as soon as its search page lands (the page's
 * body, comment bodies included, is then dropped); `finishIssue` makes its facts once the changes
 * are known, whichever way they came.
 */
export interface IssueRead {
  /** Jira's issue id: the bulk changelog names issues by it. */
  id: string | undefined;
  key: string;
  /** The changelog the search embedded, if it embedded one. */
  embedded: IssueChangelog | null;
  /** Everything but what the changes decide (`statusHistory`, `resolvedAt`, `exact`). */
  facts: TicketFacts;
  created: number;
  updated: number | null;
  resolutionDate: number | null;
  categoryChangeDate: number | null;
  /** The search gave only some of the issue's comments: the rest are read from the comment API (`withAllComments`). */
  moreComments?: { reporter: unknown };
}

/** An issue of a search answer, or null when it has no key or no creation time (no clock can run without one). */
export function readIssue(issue: unknown, context: ParseContext): IssueRead | null {
  const key = str(obj(issue)?.key);
  const fields = obj(obj(issue)?.fields);
  if (!key || !isValidIssueKey(key) || !fields) return null;
  const created = parseJiraDate(fields.created);
  if (created === null) return null;

  const status = obj(fields.status);
  const statusName = str(status?.name);
  const categoryKey = str(obj(status?.statusCategory)?.key);
  const category = categoryKey && CATEGORIES.has(categoryKey) ? (categoryKey as StatusChange['category']) : undefined;
  const labels = arr(fields.labels).filter((l): l is string => typeof l === 'string');
  const project = str(obj(fields.project)?.key) ?? projectOf(key);

  const facts: TicketFacts = {
    source: 'jira',
    site: context.site,
    key,
    url: `${context.baseUrl.replace(/\/$/, '')}/browse/${key}`,
    title: str(fields.summary),
    project,
    // A JSM team works a project's queues: the popup groups tickets by it.
    team: project,
    issueType: str(obj(fields.issuetype)?.name),
    requestType: requestTypeOf(fields, context.names),
    priority: str(obj(fields.priority)?.name),
    status: statusName,
    statusCategory: category,
    labels: fields.labels === undefined ? undefined : labels,
    assignee: str(obj(fields.assignee)?.displayName),
    created,
    firstResponseAt: firstResponse(fields),
    comments: commentsOf(fields),
    exact: false,
  };
  return {
    ...(cutShort(fields.comment) ? { moreComments: { reporter: fields.reporter } } : {}),
    id: issueIdOf(obj(issue)?.id),
    key,
    embedded: embeddedChangelog(issue),
    facts,
    created,
    updated: parseJiraDate(fields.updated),
    resolutionDate: parseJiraDate(fields.resolutiondate),
    categoryChangeDate: parseJiraDate(fields.statuscategorychangedate),
  };
}

/**
 * An issue's facts from what its search said and its changelog (null: none known), the one way
 * facts are made: a history from the bulk endpoint gives what the same history embedded would.
 */
export function finishIssue(read: IssueRead, changelog: IssueChangelog | null): TicketFacts {
  const changes = changelog ? statusChanges(changelog.histories) : null;
  const { status, statusCategory: category } = read.facts;
  const facts: TicketFacts = {
    ...read.facts,
    resolvedAt: undefined,
    statusHistory: changes ? statusHistory(read.created, status, category, changes, read.updated) : undefined,
    exact: changes !== null && changelog !== null && changelog.complete,
  };
  if (category === 'done') {
    const intoCurrent = changes?.filter((c) => c.to === status).pop()?.at;
    facts.resolvedAt = read.resolutionDate ?? intoCurrent ?? read.categoryChangeDate ?? undefined;
  } else if (category) {
    facts.resolvedAt = null;
  }
  // Leave out what the response did not say, so callers can tell "absent" from "empty".
  for (const k of Object.keys(facts) as Array<keyof TicketFacts>) if (facts[k] === undefined) delete facts[k];
  return clampFacts(facts);
}

/**
 * The issue as read with all of its comments (the comment API's, in order): its comment timeline
 * and first response judged on the whole thread, as on a search that gave them all.
 */
export function withAllComments(read: IssueRead, comments: readonly unknown[]): IssueRead {
  if (!read.moreComments) return read;
  const fields = { comment: [...comments], reporter: read.moreComments.reporter };
  const { moreComments: _done, ...rest } = read;
  const facts = { ...read.facts, comments: commentsOf(fields), firstResponseAt: firstResponse(fields) };
  for (const k of ['comments', 'firstResponseAt'] as const) if (facts[k] === undefined) delete facts[k];
  return { ...rest, facts };
}

/** `TicketFacts` for one issue with the changelog it embeds, or null when it has no key or no creation time. */
export function parseIssue(issue: unknown, context: ParseContext): TicketFacts | null {
  const read = readIssue(issue, context);
  return read && finishIssue(read, read.embedded);
}

/** Every issue of a search response (`{issues}` on Cloud and DC) that can be read, or null when it is not one. */
export function readSearch(body: unknown, context: Omit<ParseContext, 'names'>): IssueRead[] | null {
  const issues = obj(body)?.issues;
  if (!Array.isArray(issues)) return null;
  const names = obj(obj(body)?.names);
  const withNames: ParseContext = names !== undefined ? { ...context, names } : context;
  return issues.map((issue) => readIssue(issue, withNames)).filter((r): r is IssueRead => r !== null);
}

/** Every issue of a search response with the changelogs it embeds, keyed by issue key; issues that cannot be read are left out. */
export function parseSearch(body: unknown, context: Omit<ParseContext, 'names'>): Map<string, TicketFacts> | null {
  const reads = readSearch(body, context);
  if (!reads) return null;
  return new Map(reads.map((r) => [r.key, finishIssue(r, r.embedded)]));
}

/**
 * One page of `POST /rest/api/3/changelog/bulkfetch` (`{issueChangeLogs: [{issueId,
 * changeHistories}], nextPageToken}`), its histories added to `into` by issue id: the pages run by
 * date across all the issues, so one issue's histories may span several. Gives the next page's
 * token (none on the last page), or null when the page is not of that shape, or names an issue
 * it cannot say which (its histories would be lost).
 */
export function addBulkChangelogPage(body: unknown, into: Map<string, unknown[]>): { nextPageToken?: string } | null {
  const page = obj(body);
  if (!page || !Array.isArray(page.issueChangeLogs)) return null;
  for (const log of page.issueChangeLogs) {
    const id = issueIdOf(obj(log)?.issueId);
    if (id === undefined) return null;
    const histories = into.get(id) ?? [];
    histories.push(...arr(obj(log)?.changeHistories));
    into.set(id, histories);
  }
  const token = str(page.nextPageToken);
  return token !== undefined ? { nextPageToken: token } : {};
}
