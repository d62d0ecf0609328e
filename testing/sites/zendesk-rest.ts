/**
 * The fake Zendesk's REST API, in the documented JSON shapes: Show Many Tickets with the `slas`
 * and `users` sideloads, a ticket's audits (rebuilt from its status history and comments), the
 * groups list, Show Many Organizations, and for watched scopes List Tickets From a View, Count
 * Tickets in View and Export Search Results. Sources: the Tickets, Ticket Audits, audit events,
 * side-loading, Groups, Organizations, Views and Search pages of Zendesk's developer docs and its
 * cursor pagination guide (zendesk-dom.md §7; lib/watch/__fixtures__/zendesk/PROVENANCE.md).
 */
import { zendeskAgentId, zendeskDate, ZENDESK_GROUPS, ZENDESK_ORGANIZATIONS, type FakeZendeskTicket } from './tickets';
import type { FakeRequest, FakeResponse } from './types';

const json = (status: number, body: unknown): FakeResponse => ({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
const notFound = () => json(404, { error: 'RecordNotFound', description: 'Not found' });

const requesterId = (t: FakeZendeskTicket) => 20000 + t.id;
const authorId = (t: FakeZendeskTicket, name: string) => (name === t.requester ? requesterId(t) : zendeskAgentId(name));

/** One ticket in the Tickets API's documented JSON shape (`tickets.json-format.example.json`). */
export function zendeskTicketJson(t: FakeZendeskTicket, origin: string): Record<string, unknown> {
  return {
    url: `${origin}/api/v2/tickets/${t.id}.json`,
    id: t.id,
    external_id: null,
    via: { channel: t.via ?? 'web' },
    created_at: zendeskDate(t.created),
    updated_at: zendeskDate(t.updated),
    generated_timestamp: Math.floor(t.updated / 1000),
    type: t.type,
    subject: t.subject,
    raw_subject: t.subject,
    description: `${t.subject}. Please help.`,
    priority: t.priority,
    status: t.status,
    recipient: 'support@acme.example',
    requester_id: requesterId(t),
    submitter_id: requesterId(t),
    assignee_id: t.assignee ? zendeskAgentId(t.assignee) : null,
    organization_id: t.organizationId ?? null,
    group_id: t.groupId,
    collaborator_ids: [],
    follower_ids: [],
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: t.tags,
    custom_fields: [],
    ticket_form_id: 360000000001,
    brand_id: 360000000002,
    from_messaging_channel: false,
  };
}

/** The `slas` sideload of one ticket (§7.3): `breach_at` and one signed, rounded relative field. */
function slasJson(t: FakeZendeskTicket, now: number): { policy_metrics: object[] } | undefined {
  if (!t.slas) return undefined;
  return {
    policy_metrics: t.slas.map((m) => {
      const relative: Record<string, number> = {};
      if (m.breachAt !== null) {
        const minutes = Math.round((m.breachAt - now) / 60_000);
        if (Math.abs(minutes) < 60) relative.minutes = minutes;
        else if (Math.abs(minutes) < 48 * 60) relative.hours = Math.round(minutes / 60);
        else relative.days = Math.round(minutes / 1440);
      }
      return { breach_at: m.breachAt === null ? null : zendeskDate(m.breachAt), stage: m.stage, metric: m.metric, ...relative };
    }),
  };
}

function userJson(id: number, name: string, role: 'end-user' | 'agent', origin: string): object {
  return {
    id,
    url: `${origin}/api/v2/users/${id}.json`,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@acme.example`,
    role,
    active: true,
    time_zone: 'Eastern Time (US & Canada)',
    iana_time_zone: 'America/New_York',
  };
}

/**
 * `GET /api/v2/tickets/show_many.json?ids=1,2,3[&include=slas,users,groups,organizations]` (up to
 * 100 ids): each sideload only when asked for, holding the records the tickets name (Zendesk's
 * side-loading docs: `tickets.json?include=users,groups`).
 */
export function zendeskShowMany(tickets: FakeZendeskTicket[], req: FakeRequest, now = Date.now()): FakeResponse {
  const ids = (req.url.searchParams.get('ids') ?? '')
    .split(',')
    .filter((s) => s !== '')
    .map(Number);
  if (ids.length > 100 || ids.some((id) => !Number.isInteger(id))) return json(400, { error: 'InvalidParameter', description: 'ids: invalid or more than 100' });
  const include = new Set((req.url.searchParams.get('include') ?? '').split(','));
  const found = tickets.filter((t) => ids.includes(t.id));
  const body: Record<string, unknown> = {
    tickets: found.map((t) => {
      const ticket = zendeskTicketJson(t, req.url.origin);
      const slas = include.has('slas') ? slasJson(t, now) : undefined;
      return slas ? { ...ticket, slas } : ticket;
    }),
    next_page: null,
    previous_page: null,
    count: found.length,
  };
  if (include.has('users')) {
    const users = new Map<number, object>();
    for (const t of found) {
      users.set(requesterId(t), userJson(requesterId(t), t.requester, 'end-user', req.url.origin));
      if (t.assignee) users.set(zendeskAgentId(t.assignee), userJson(zendeskAgentId(t.assignee), t.assignee, 'agent', req.url.origin));
    }
    body.users = [...users.values()];
  }
  const named = (ids: Array<number | null | undefined>, known: Record<number, string>) => [...new Set(ids)].filter((id): id is number => typeof id === 'number' && known[id] !== undefined);
  if (include.has('groups'))
    body.groups = named(
      found.map((t) => t.groupId),
      ZENDESK_GROUPS,
    ).map((id) => groupJson(id, req.url.origin));
  if (include.has('organizations'))
    body.organizations = named(
      found.map((t) => t.organizationId),
      ZENDESK_ORGANIZATIONS,
    ).map((id) => organizationJson(id, req.url.origin));
  return json(200, body);
}

interface Audit {
  id: number;
  ticket_id: number;
  created_at: string;
  author_id: number;
  metadata: object;
  via: object;
  events: object[];
}

/** Every audit of a ticket, oldest first: its creation, each status change, each comment. */
function auditsOf(t: FakeZendeskTicket): Audit[] {
  let eventId = t.id * 1000;
  let auditId = t.id * 100;
  const audit = (at: number, author: number, events: object[], channel = 'web'): Audit & { at: number } => ({
    at,
    id: ++auditId,
    ticket_id: t.id,
    created_at: zendeskDate(at),
    author_id: author,
    metadata: { system: { client: 'Mozilla/5.0', ip_address: '192.0.2.10', location: 'Lisbon, 11, Portugal' }, custom: {} },
    via: { channel, source: { from: {}, to: {}, rel: null } },
    events: events.map((e) => ({ id: ++eventId, ...e })),
  });
  const initial = t.history[0]?.from ?? t.status;
  const agent = t.assignee ? zendeskAgentId(t.assignee) : zendeskAgentId('Support agent');
  const audits = [
    audit(
      t.created,
      requesterId(t),
      [
        { type: 'Comment', author_id: requesterId(t), body: `${t.subject}. Please help.`, html_body: '<p>Please help.</p>', plain_body: 'Please help.', public: true, attachments: [] },
        { type: 'Create', field_name: 'subject', value: t.subject },
        { type: 'Create', field_name: 'status', value: initial },
        { type: 'Create', field_name: 'priority', value: t.priority },
        { type: 'Create', field_name: 'type', value: t.type },
        { type: 'Create', field_name: 'group_id', value: String(t.groupId) },
        {
          type: 'Notification',
          subject: 'Request received',
          body: 'Your request has been received.',
          recipients: [requesterId(t)],
          via: { channel: 'rule', source: { from: { id: 1, title: 'Notify requester of received request' }, rel: 'trigger' } },
        },
      ],
      t.via ?? 'web',
    ),
    ...t.history.map((c) => audit(c.at, agent, [{ type: 'Change', field_name: 'status', value: c.to, previous_value: c.from }])),
    ...(t.comments ?? []).map((c) =>
      audit(c.at, authorId(t, c.author), [
        {
          type: 'Comment',
          author_id: authorId(t, c.author),
          body: c.body,
          html_body: `<p>${c.body.replace(/[&<>"']/g, (x) => `&#${x.charCodeAt(0)};`)}</p>`,
          plain_body: c.body,
          public: c.public,
          attachments: [],
        },
      ]),
    ),
  ];
  return audits.sort((a, b) => a.at - b.at).map(({ at: _at, ...a }) => a);
}

/** `GET /api/v2/tickets/{id}/audits.json`, offset-paginated (`page`, `per_page`; 100 by default). */
export function zendeskAudits(tickets: FakeZendeskTicket[], id: number, req: FakeRequest): FakeResponse {
  const t = tickets.find((x) => x.id === id);
  if (!t) return notFound();
  const all = auditsOf(t);
  const perPage = Math.min(100, Math.max(1, Number(req.url.searchParams.get('per_page') ?? 100) || 100));
  const page = Math.max(1, Number(req.url.searchParams.get('page') ?? 1) || 1);
  const at = (n: number) => `${req.url.origin}/api/v2/tickets/${id}/audits.json?page=${n}&per_page=${perPage}`;
  const more = page * perPage < all.length;
  return json(200, { audits: all.slice((page - 1) * perPage, page * perPage), next_page: more ? at(page + 1) : null, previous_page: page > 1 ? at(page - 1) : null, count: all.length });
}

const stamp = '2025-01-15T09:00:00Z';

/** A group as the Groups API and the tickets' `groups` sideload give it. */
function groupJson(id: number, origin: string): object {
  return {
    url: `${origin}/api/v2/groups/${id}.json`,
    id,
    is_public: true,
    name: ZENDESK_GROUPS[id],
    description: '',
    default: id === 360001,
    deleted: false,
    created_at: stamp,
    updated_at: stamp,
  };
}

/** An organization as the Organizations API and the tickets' `organizations` sideload give it. */
function organizationJson(id: number, origin: string): object {
  return {
    url: `${origin}/api/v2/organizations/${id}.json`,
    id,
    name: ZENDESK_ORGANIZATIONS[id],
    shared_tickets: false,
    shared_comments: false,
    external_id: null,
    created_at: stamp,
    updated_at: stamp,
    domain_names: [],
    details: '',
    notes: '',
    group_id: null,
    tags: [],
    organization_fields: {},
  };
}

/** `GET /api/v2/groups.json`. */
export function zendeskGroups(req: FakeRequest): FakeResponse {
  const groups = Object.keys(ZENDESK_GROUPS).map((id) => groupJson(Number(id), req.url.origin));
  return json(200, { groups, next_page: null, previous_page: null, count: groups.length });
}

/** `GET /api/v2/organizations/show_many.json?ids=1,2` (up to 100 ids). */
export function zendeskOrganizations(req: FakeRequest): FakeResponse {
  const ids = (req.url.searchParams.get('ids') ?? '')
    .split(',')
    .filter((s) => s !== '')
    .map(Number);
  if (ids.length > 100) return json(400, { error: 'InvalidParameter', description: 'ids: more than 100' });
  const organizations = ids.filter((id) => ZENDESK_ORGANIZATIONS[id] !== undefined).map((id) => organizationJson(id, req.url.origin));
  return json(200, { organizations, next_page: null, previous_page: null, count: organizations.length });
}

/** When the bare tickets below were created and last updated. */
const STUB_AT = Date.parse(stamp);

/**
 * The ticket `id` in the Tickets API's shape: the site's own when it holds one, else a bare open
 * ticket, so a view or a search of thousands needs no fixtures (Show Many does not know those).
 */
function ticketOrStub(tickets: FakeZendeskTicket[], id: number, origin: string): Record<string, unknown> {
  const held = tickets.find((t) => t.id === id);
  const stub: FakeZendeskTicket = {
    id,
    subject: `Ticket ${id}`,
    type: 'question',
    priority: 'normal',
    status: 'open',
    tags: [],
    requester: 'Casey Customer',
    groupId: 360001,
    created: STUB_AT,
    updated: STUB_AT,
    history: [],
  };
  return zendeskTicketJson(held ?? stub, origin);
}

const invalidPage = () => json(400, { error: 'InvalidPaginationParameter', description: 'page[size] must be a positive integer, and page[after] a cursor from an earlier page' });

/** The cursor is the fake's own (the offset, base64): opaque to clients, as Zendesk's are. */
const cursorAt = (offset: number) => btoa(JSON.stringify({ offset }));
function offsetOf(cursor: string): number | undefined {
  try {
    const offset = (JSON.parse(atob(cursor)) as { offset?: unknown }).offset;
    return typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0 ? offset : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One cursor page of `items`, as the docs describe cursor pagination: `page[size]` items (at most
 * `maxSize`) after `page[after]`, with `meta.has_more`, `meta.after_cursor`, `meta.before_cursor`
 * and `links.next` (the request's own URL with `page[after]` set) while there is more.
 */
function cursorPage<T>(items: readonly T[], req: FakeRequest, maxSize: number, defaultSize: number): { page: T[]; meta: object; links: object } | null {
  const sizeParam = req.url.searchParams.get('page[size]');
  const size = sizeParam === null ? defaultSize : Number(sizeParam);
  if (!Number.isSafeInteger(size) || size < 1) return null;
  const after = req.url.searchParams.get('page[after]');
  const start = after === null ? 0 : offsetOf(after);
  if (start === undefined) return null;
  const end = Math.min(items.length, start + Math.min(size, maxSize));
  const hasMore = end < items.length;
  const next = new URL(req.url.href);
  next.searchParams.set('page[after]', cursorAt(end));
  return {
    page: items.slice(start, end),
    meta: { has_more: hasMore, after_cursor: end > start ? cursorAt(end) : null, before_cursor: start > 0 ? cursorAt(start) : null },
    links: { next: hasMore ? next.href : null, prev: null },
  };
}

/** The view columns List Tickets From a View sorts by that the watch uses (Views API, "View columns"). */
const VIEW_SORTS = new Set(['updated', 'nice_id', 'created', 'priority', 'status']);

/**
 * `GET /api/v2/views/{id}/tickets`: the view's tickets, cursor-paginated with `page[size]` (at
 * most 100), else offset-paginated (`page`, `per_page`, at most 100), as the Views docs allow
 * both. A view the site does not have answers 404.
 */
export function zendeskViewTickets(tickets: FakeZendeskTicket[], views: Record<string, number[]> | undefined, viewId: string, req: FakeRequest): FakeResponse {
  const listed = views?.[viewId];
  if (!listed) return notFound();
  const origin = req.url.origin;
  const sortBy = req.url.searchParams.get('sort_by');
  const order = req.url.searchParams.get('sort_order') ?? 'desc';
  if ((sortBy !== null && !VIEW_SORTS.has(sortBy)) || (order !== 'asc' && order !== 'desc')) {
    return json(400, { error: 'InvalidValue', description: `sort_by must name a view column (${[...VIEW_SORTS].join(', ')}), sort_order asc or desc` });
  }
  const held = new Map(tickets.map((t) => [t.id, t]));
  const key = (id: number) => (sortBy === 'updated' ? (held.get(id)?.updated ?? STUB_AT) : id);
  // Sorted as asked, ties by id; without sort_by, the view's own order.
  const ids = sortBy === null ? listed : [...listed].sort((a, b) => (order === 'asc' ? 1 : -1) * (key(a) - key(b) || a - b));
  if (!req.url.searchParams.has('page[size]')) {
    const perPage = Math.min(100, Math.max(1, Number(req.url.searchParams.get('per_page') ?? 100) || 100));
    const page = Math.max(1, Number(req.url.searchParams.get('page') ?? 1) || 1);
    // The request's own URL with the page changed, so a sort carries on to the next page.
    const at = (n: number) => {
      const url = new URL(req.url.href);
      url.searchParams.set('page', String(n));
      url.searchParams.set('per_page', String(perPage));
      return url.href;
    };
    const more = page * perPage < ids.length;
    const slice = ids.slice((page - 1) * perPage, page * perPage);
    return json(200, { tickets: slice.map((id) => ticketOrStub(tickets, id, origin)), next_page: more ? at(page + 1) : null, previous_page: page > 1 ? at(page - 1) : null, count: ids.length });
  }
  const paged = cursorPage(ids, req, 100, 100);
  if (!paged) return invalidPage();
  return json(200, { tickets: paged.page.map((id) => ticketOrStub(tickets, id, origin)), meta: paged.meta, links: paged.links });
}

/** `GET /api/v2/views/{id}/count`: always fresh here; `pretty` rounds as the docs' example does (719 → `~700`). */
export function zendeskViewCount(views: Record<string, number[]> | undefined, viewId: string, req: FakeRequest): FakeResponse {
  const ids = views?.[viewId];
  if (!ids) return notFound();
  const value = ids.length;
  const pretty = value < 100 ? String(value) : `~${Math.floor(value / 100) * 100}`;
  return json(200, { view_count: { view_id: Number(viewId), url: `${req.url.origin}/api/v2/views/${viewId}/count.json`, value, pretty, fresh: true } });
}

/** When a solved (or closed) ticket was last solved: its last change into `solved`. */
function solvedAt(ticket: FakeZendeskTicket): number | undefined {
  if (ticket.status !== 'solved' && ticket.status !== 'closed') return undefined;
  return ticket.history.filter((h) => h.to === 'solved').at(-1)?.at;
}

/**
 * `GET /api/v2/search/export?query=…&filter[type]=ticket`: the tickets `searches` gives for the
 * query text, cursor-paginated (`page[size]` at most 1000; 100 when absent, the docs'
 * recommendation); a query it does not name matches nothing, as a real search may. Without
 * `filter[type]`, or with a `type:` in the query, the export refuses (Search docs: "Searches with
 * type in the query string will result in an error"), here as a 400 in the documented error
 * shape. The fake holds only tickets: another `filter[type]` finds nothing. No `count`, as
 * documented. Two queries are answered from the tickets themselves, as the watch and the report
 * ask them: `updated>{n}minutes` and `solved>{day} solved<{day}`.
 */
export function zendeskSearchExport(tickets: FakeZendeskTicket[], searches: Record<string, number[]> | undefined, req: FakeRequest, now = Date.now()): FakeResponse {
  const query = req.url.searchParams.get('query') ?? '';
  const type = req.url.searchParams.get('filter[type]');
  if (query.trim() === '') return json(400, { error: 'invalid', description: 'Invalid search: the query is empty' });
  if (!type) return json(400, { error: 'invalid', description: 'Invalid search: filter[type] is required (ticket, organization, user or group)' });
  if (/(^|\s)type:/i.test(query)) return json(400, { error: 'invalid', description: 'Invalid search: type is not supported in the query string, use filter[type]' });
  // `updated>{n}minutes`: the tickets changed in the last n minutes (the search reference's relative times), which every account answers.
  const recent = /^updated>(\d+)minutes$/.exec(query.trim());
  const changed = recent ? tickets.filter((t) => t.updated > now - Number(recent[1]) * 60_000).map((t) => t.id) : undefined;
  // `solved>YYYY-MM-DD solved<YYYY-MM-DD`: solved after the first day and before the second (days in UTC here; the account's zone on a real one).
  const between = /^solved>(\d{4}-\d{2}-\d{2}) solved<(\d{4}-\d{2}-\d{2})$/.exec(query.trim());
  const solved = between
    ? tickets.filter((t) => {
        const at = solvedAt(t);
        return at !== undefined && at >= Date.parse(`${between[1]}T00:00:00Z`) + 86_400_000 && at < Date.parse(`${between[2]}T00:00:00Z`);
      })
    : undefined;
  const ids = type === 'ticket' ? (changed ?? solved?.map((t) => t.id) ?? searches?.[query] ?? []) : [];
  const paged = cursorPage(ids, req, 1000, 100);
  if (!paged) return invalidPage();
  return json(200, { results: paged.page.map((id) => ({ ...ticketOrStub(tickets, id, req.url.origin), result_type: 'ticket' })), facets: null, meta: paged.meta, links: paged.links });
}
