/**
 * One ticket from Zendesk's Tickets API (Show Many, with the `slas` and `users` sideloads) and its
 * audits → `TicketFacts`. Field meanings: zendesk-dom.md §7.2–7.3 and Zendesk's Tickets, Ticket
 * Audits and audit events docs. Responses are untrusted input: every field is checked by hand (no
 * zod in the content script), and anything unexpected is left out rather than guessed. The facts
 * are kept within what the background takes by the sources' shared `clampFacts`.
 */
import type { AuditTrail } from '../../messaging/audit-trails';
import type { CommentEvent, StatusChange, TicketFacts, VendorSlaMetric } from '../../sla/index';
import { clampFacts } from '../clamp';
import { arr, idOf, obj, str, type Json } from '../json';
import { isValidTicketKey } from './urls';

type FieldValue = NonNullable<TicketFacts['fields']>[string];

/** Zendesk's timestamps: ISO 8601 in UTC, `2026-11-26T14:02:31Z`. */
export function parseZendeskDate(v: unknown): number | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/**
 * Zendesk's statuses, or with custom statuses their category (the `status` field holds it, §7.2):
 * solved and closed are done. So a custom status counts through its category, and pause rules
 * name the category (`pending`, `hold`).
 */
export function categoryOf(status: string): NonNullable<StatusChange['category']> {
  if (status === 'solved' || status === 'closed') return 'done';
  return status === 'new' ? 'new' : 'indeterminate';
}

/**
 * `via.channel` → `via_id`, which SLA policy conditions use (Zendesk's "Via types reference"). The
 * channel may be a via type (`mail`), the id itself, or what the reference calls "ticket created
 * by": only `email` names one id there (`web` and `api` name several, so they are left out).
 */
const VIA_IDS: Readonly<Record<string, number>> = {
  web_form: 0,
  mail: 4,
  email: 4,
  web_service: 5,
  rule: 8,
  linked_problem: 9,
  group_deletion: 10,
  user_change: 11,
  user_deletion: 12,
  group_change: 13,
  resource_push: 14,
  iphone: 15,
  get_satisfaction: 16,
  dropbox: 17,
  merge: 19,
  batch: 20,
  recovered_from_suspended_tickets: 21,
  automatic_solution_suggestions: 22,
  twitter_favorite: 23,
  topic: 24,
  user_merge: 25,
  twitter_dm: 26,
  closed_ticket: 27,
  logmein_rescue: 28,
  chat: 29,
  twitter: 30,
  ticket_sharing: 31,
  macro_reference: 32,
  voicemail: 33,
  phone_call_inbound: 34,
  phone_call_outbound: 35,
  blog: 36,
  text_message: 37,
  facebook_post: 38,
  import: 39,
  github: 40,
  facebook_message: 41,
};

function viaId(via: unknown): number | undefined {
  const channel = obj(via)?.channel;
  if (typeof channel === 'number') return Number.isSafeInteger(channel) && channel >= 0 ? channel : undefined;
  if (typeof channel !== 'string') return undefined;
  if (/^\d{1,4}$/.test(channel)) return Number(channel);
  return Object.hasOwn(VIA_IDS, channel) ? VIA_IDS[channel] : undefined;
}

/** A custom field's value, when it is of a kind a policy can test (text, a number, a yes/no, a list of text). */
function fieldValue(v: unknown): FieldValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}

/**
 * Custom fields by id (`"27642"`, as the Zendesk import writes `custom_fields_<id>` conditions),
 * and the system fields a policy can test without a match key of their own, under Zendesk's names
 * (lib/config/zendesk/README.md): `via_id`, `brand_id`, `ticket_form_id`, `custom_status_id`, and
 * the ids behind the group, organization and assignee names.
 */
function fieldsOf(ticket: Json): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  for (const f of arr(ticket.custom_fields).map(obj)) {
    const fid = idOf(f?.id);
    const value = fieldValue(f?.value);
    if (fid !== undefined && value !== undefined && value !== null) fields[String(fid)] = value;
  }
  for (const name of ['group_id', 'organization_id', 'assignee_id', 'brand_id', 'ticket_form_id', 'custom_status_id']) {
    const value = idOf(ticket[name]);
    if (value !== undefined) fields[name] = value;
  }
  const via = viaId(ticket.via);
  if (via !== undefined) fields.via_id = via;
  return fields;
}

/**
 * The `slas` sideload (§7.3): absent means unknown (Zendesk may ignore the include), not "no SLA";
 * `{policy_metrics: []}` means no targets. Items that do not look like the reported shape are dropped.
 */
function vendorSlaOf(slas: unknown): VendorSlaMetric[] | undefined {
  const metrics = obj(slas)?.policy_metrics;
  if (!Array.isArray(metrics)) return undefined;
  const out: VendorSlaMetric[] = [];
  for (const m of metrics.map(obj)) {
    const metric = str(m?.metric);
    const stage = m?.stage;
    if (!metric || (stage !== 'active' && stage !== 'paused' && stage !== 'achieved')) continue;
    out.push({ metric, stage, breachAt: parseZendeskDate(m?.breach_at) });
  }
  return out;
}

// What the audits say: the tabs and the background exchange it, so the messaging layer defines it.
export type { AuditTrail };

/** A ticket's audits as Zendesk returns them → its `AuditTrail`: Change/Create events with `field_name: "status"`, Comment events. */
export function readAuditTrail(audits: readonly unknown[], complete: boolean): AuditTrail {
  const trail: AuditTrail = { changes: [], comments: [], complete };
  const dated = audits.map(obj).flatMap((a) => {
    const at = parseZendeskDate(a?.created_at);
    return a && at !== null ? [{ a, at }] : [];
  });
  // Stable: Zendesk's order is kept for audits in the same second.
  dated.sort((x, y) => x.at - y.at);
  for (const { a, at } of dated) {
    const events = arr(a.events).map(obj);
    const creation = events.some((e) => e?.type === 'Create');
    for (const e of events) {
      if (!e) continue;
      if (e.field_name === 'status') {
        const value = str(e.value);
        if (e.type === 'Create' && value) trail.initial ??= value;
        if (e.type === 'Change' && value) trail.changes.push({ at, from: str(e.previous_value), to: value });
      } else if (e.type === 'Comment' && !creation) {
        const author = idOf(e.author_id) ?? idOf(a.author_id);
        // What the comment says is never kept: only when, by whom, and whether the requester saw it.
        trail.comments.push(e.public === true ? { at, author } : { at, author, public: false });
      }
    }
  }
  return trail;
}

export interface ParseContext {
  /** Host name for `TicketFacts.site`. */
  site: string;
  /** Where `/agent/tickets/{id}` lives. */
  origin: string;
  /** Names by id, as far as they could be read. */
  groups?: ReadonlyMap<number, string | null>;
  organizations?: ReadonlyMap<number, string | null>;
  /** The `users` sideload: names by id. */
  users?: ReadonlyMap<number, string>;
}

/**
 * `TicketFacts` for one ticket, or null when it has no id or no creation time (no clock can run
 * without one). `trail` is what its audits say (`readAuditTrail`), or null when they could not be
 * read: then there is no status history, the first reply is unknown, and the facts are not exact.
 */
export function parseTicket(ticket: unknown, context: ParseContext, trail: AuditTrail | null): TicketFacts | null {
  const t = obj(ticket);
  const tid = idOf(t?.id);
  if (!t || tid === undefined || !isValidTicketKey(String(tid))) return null;
  const created = parseZendeskDate(t.created_at);
  if (created === null) return null;
  const updated = parseZendeskDate(t.updated_at) ?? created;
  const status = str(t.status)?.toLowerCase();
  let exact = trail !== null && trail.complete;

  // Names, not ids, as hand-written policies use them; a name that could not be read leaves the
  // policy match uncertain, so the figure says it is approximate.
  const nameOf = (map: ReadonlyMap<number, string | null> | undefined, key: unknown): string | undefined => {
    const ref = idOf(key);
    if (ref === undefined) return undefined;
    const name = map?.get(ref);
    if (typeof name !== 'string' || name === '') {
      exact = false;
      return undefined;
    }
    return name;
  };
  const group = nameOf(context.groups, t.group_id);
  const organization = nameOf(context.organizations, t.organization_id);
  const assigneeId = idOf(t.assignee_id);
  const assignee = assigneeId === undefined ? undefined : str(context.users?.get(assigneeId));
  // Zendesk's own policies, and so imported ones, name these three by id. Given even when empty:
  // facts without aliases are ones recorded before there were any (lib/config/match.ts).
  const aliases: NonNullable<TicketFacts['aliases']> = {};
  for (const key of ['group', 'organization', 'assignee'] as const) {
    const ref = idOf(t[`${key}_id`]);
    if (ref !== undefined) aliases[key] = String(ref);
  }

  let statusHistory: StatusChange[] | undefined;
  let firstResponseAt: number | null | undefined;
  let commentEvents: CommentEvent[] | undefined;
  if (trail) {
    const { initial, changes, comments } = trail;
    const first = initial ?? changes[0]?.from ?? status;
    statusHistory = first ? [{ at: created, status: first }] : [];
    for (const c of changes) {
      const last = statusHistory[statusHistory.length - 1];
      if (c.to !== last?.status) statusHistory.push({ at: Math.max(c.at, last?.at ?? created), status: c.to });
    }
    // Audits that disagree with the ticket (a change not yet listed): its status is known, since when is not.
    const last = statusHistory[statusHistory.length - 1];
    if (status && last?.status !== status) {
      statusHistory.push({ at: Math.max(last?.at ?? created, updated), status });
      exact = false;
    }
    for (const entry of statusHistory) entry.category = categoryOf(entry.status);

    // "By an agent" is inferred as "not by the requester": an audit names its author's id, not
    // their role. So a public comment by a CC'd end user would count as a reply.
    const requester = idOf(t.requester_id);
    const replies = comments.filter((c) => c.public !== false && c.author !== undefined && c.author !== requester && c.at > created).map((c) => c.at);
    if (requester === undefined) firstResponseAt = undefined;
    else if (replies.length > 0) firstResponseAt = Math.min(...replies);
    else firstResponseAt = trail.complete ? null : undefined;
    // The same inference for next reply and the updates: the requester is the end user, anyone else an agent.
    if (requester !== undefined && trail.complete) {
      commentEvents = comments
        .filter((c) => c.author !== undefined && c.at >= created)
        .map((c): CommentEvent => ({ at: c.at, by: c.author === requester ? 'end-user' : 'agent', public: c.public !== false }));
    }
  }

  let resolvedAt: number | null | undefined;
  if (status && categoryOf(status) === 'done') {
    // When it entered its current run of done statuses (solved, then closed, is one run).
    let i = statusHistory ? statusHistory.length - 1 : -1;
    while (i > 0 && statusHistory![i - 1]!.category === 'done') i--;
    resolvedAt = i >= 0 ? statusHistory![i]!.at : updated;
  } else if (status) {
    resolvedAt = null;
  }

  const tags = arr(t.tags).filter((l): l is string => typeof l === 'string' && l !== '');
  const fields = fieldsOf(t);
  const facts: TicketFacts = {
    source: 'zendesk',
    site: context.site,
    key: String(tid),
    url: `${context.origin}/agent/tickets/${tid}`,
    title: str(t.subject),
    issueType: str(t.type)?.toLowerCase(),
    priority: str(t.priority)?.toLowerCase(),
    status,
    statusCategory: status === undefined ? undefined : categoryOf(status),
    labels: t.tags === undefined ? undefined : tags,
    group,
    organization,
    assignee,
    aliases,
    // Agents are grouped into Zendesk groups: the popup groups tickets by them.
    team: group,
    fields: Object.keys(fields).length > 0 ? fields : undefined,
    created,
    resolvedAt,
    firstResponseAt,
    statusHistory,
    comments: commentEvents,
    vendorSla: vendorSlaOf(t.slas),
    vendorSlaExpected: true,
    exact,
  };
  // Leave out what the response did not say, so callers can tell "absent" from "empty".
  for (const k of Object.keys(facts) as Array<keyof TicketFacts>) if (facts[k] === undefined) delete facts[k];
  return clampFacts(facts);
}
