/**
 * One issue from Jira's search APIs → `TicketFacts`: Cloud `/rest/api/3/search/jql` and Data
 * Center `/rest/api/2/search` (same issue shape; DC users have `name`/`key`, comment bodies are
 * strings). Field meanings: jira-dom.md §5.4. Responses are untrusted input: every field is
 * checked by hand (no zod in the content script), anything unexpected is left out rather than
 * guessed, and the facts are kept within what the background takes (`clampFacts`).
 */
import type { StatusChange, TicketFacts } from '../../sla/index';
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
  // Undefined where the changelog item does not name the status.
  from?: string | undefined;
  to?: string | undefined;
}

/** Status changes, oldest first, from `changelog.histories` (search) or `values` (the paged endpoint). */
function statusChanges(changelog: Json): Change[] {
  const changes: Change[] = [];
  for (const history of [...arr(changelog.histories), ...arr(changelog.values)]) {
    const at = parseJiraDate(obj(history)?.created);
    if (at === null) continue;
    for (const item of arr(obj(history)?.items)) {
      const i = obj(item);
      if (i && (i.field === 'status' || i.fieldId === 'status')) changes.push({ at, from: str(i.fromString), to: str(i.toString) });
    }
  }
  // Stable sort: the order Jira gives is kept for changes in the same millisecond.
  return changes.sort((a, b) => a.at - b.at);
}

/** Whether Jira returned only part of the changelog (search caps it, jira-dom.md §5.2). */
function truncated(changelog: Json): boolean {
  const total = changelog.total;
  const shown = arr(changelog.histories).length + arr(changelog.values).length;
  return typeof total === 'number' && total > shown;
}

function statusHistory(created: number, current: string | undefined, category: StatusChange['category'], changes: Change[], updated: number | null): StatusChange[] {
  const history: StatusChange[] = [];
  const initial = changes[0]?.from ?? current;
  if (initial) history.push({ at: created, status: initial });
  for (const c of changes) if (c.to) history.push({ at: c.at, status: c.to });
  // A capped changelog may miss the latest changes: the current status is known, its start is not exactly.
  const last = history[history.length - 1];
  if (current && last?.status !== current) history.push({ at: Math.max(last?.at ?? created, updated ?? created), status: current });
  const end = history[history.length - 1];
  if (end && category) end.category = category;
  return history;
}

/**
 * The first public comment by an agent: JSM's "first response" (DESIGN: first public reply by an
 * agent). Cloud marks portal-only customers (`accountType: customer`), so a request participant's
 * comment does not count; Data Center does not say, so there anyone but the reporter counts.
 */
function firstResponse(fields: Json): number | null | undefined {
  const field = fields.comment;
  if (field === undefined) return undefined;
  const comments = Array.isArray(field) ? field : arr(obj(field)?.comments);
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
  const total = obj(field)?.total;
  return typeof total === 'number' && total > comments.length ? undefined : null;
}

/** `TicketFacts` for one issue, or null when it has no key or no creation time (no clock can run without one). */
export function parseIssue(issue: unknown, context: ParseContext): TicketFacts | null {
  const key = str(obj(issue)?.key);
  const fields = obj(obj(issue)?.fields);
  if (!key || !isValidIssueKey(key) || !fields) return null;
  const created = parseJiraDate(fields.created);
  if (created === null) return null;

  const status = obj(fields.status);
  const statusName = str(status?.name);
  const categoryKey = str(obj(status?.statusCategory)?.key);
  const category = categoryKey && CATEGORIES.has(categoryKey) ? (categoryKey as StatusChange['category']) : undefined;
  const changelog = obj(obj(issue)?.changelog);
  const changes = changelog ? statusChanges(changelog) : [];
  const updated = parseJiraDate(fields.updated);
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
    resolvedAt: undefined,
    firstResponseAt: firstResponse(fields),
    statusHistory: changelog ? statusHistory(created, statusName, category, changes, updated) : undefined,
    exact: changelog !== undefined && !truncated(changelog),
  };
  if (category === 'done') {
    const intoCurrent = changes.filter((c) => c.to === statusName).pop()?.at;
    facts.resolvedAt = parseJiraDate(fields.resolutiondate) ?? intoCurrent ?? parseJiraDate(fields.statuscategorychangedate) ?? undefined;
  } else if (category) {
    facts.resolvedAt = null;
  }
  // Leave out what the response did not say, so callers can tell "absent" from "empty".
  for (const k of Object.keys(facts) as Array<keyof TicketFacts>) if (facts[k] === undefined) delete facts[k];
  return clampFacts(facts);
}

/** Every issue of a search response (`{issues}` on Cloud and DC), keyed by issue key; issues that cannot be read are left out. */
export function parseSearch(body: unknown, context: Omit<ParseContext, 'names'>): Map<string, TicketFacts> | null {
  const issues = obj(body)?.issues;
  if (!Array.isArray(issues)) return null;
  const names = obj(obj(body)?.names);
  const withNames: ParseContext = names !== undefined ? { ...context, names } : context;
  const facts = new Map<string, TicketFacts>();
  for (const issue of issues) {
    const f = parseIssue(issue, withNames);
    if (f) facts.set(f.key, f);
  }
  return facts;
}
