/**
 * What the background accepts from a content script (background-only: zod stays out of the
 * content bundle). A page can put anything in the DOM a content script reads, so every message is
 * checked before it touches the database; and it is checked ticket by ticket: one oversized field
 * refuses that ticket, with its reason (its badge says `SLA unknown` and why), never the other 499.
 */
import { openableUrl } from '../view/ticket-url';
import { z } from 'zod';
import type { TicketFacts } from '../sla/index';
import { FACT_LIMITS as L } from './limits';
import type { EvaluateRequest } from './types';

/** The most tickets one message may carry; the overlay sends at most this many at once. */
export const MAX_TICKETS = 500;
const text = (max: number) => z.string().max(max);
const name = text(L.name);
const instant = z.number().finite();
const category = z.enum(['new', 'indeterminate', 'done']);

export const ticketSchema = z.strictObject({
  source: z.enum(['jira', 'zendesk']),
  site: text(L.site),
  key: text(L.key).min(1),
  title: text(L.text).optional(),
  url: text(L.text).optional(),
  project: name.optional(),
  issueType: name.optional(),
  requestType: name.optional(),
  priority: name.optional(),
  status: name.optional(),
  statusCategory: category.optional(),
  labels: z.array(name).max(L.labels).optional(),
  group: name.optional(),
  organization: name.optional(),
  assignee: name.optional(),
  aliases: z.strictObject({ group: name.optional(), organization: name.optional(), assignee: name.optional() }).optional(),
  team: name.optional(),
  fields: z.record(name, z.union([text(L.text), z.number(), z.boolean(), z.null(), z.array(text(L.text)).max(L.fieldValues)])).optional(),
  created: instant,
  resolvedAt: instant.nullable().optional(),
  firstResponseAt: instant.nullable().optional(),
  statusHistory: z
    .array(z.strictObject({ at: instant, status: name, category: category.optional() }))
    .max(L.statusHistory)
    .optional(),
  comments: z
    .array(z.strictObject({ at: instant, by: z.enum(['agent', 'end-user']), public: z.boolean() }))
    .max(L.comments)
    .optional(),
  vendorSla: z
    .array(z.strictObject({ metric: text(L.vendorMetric), stage: z.enum(['active', 'paused', 'achieved']), breachAt: instant.nullable() }))
    .max(L.vendorMetrics)
    .optional(),
  vendorSlaExpected: z.boolean().optional(),
  exact: z.boolean(),
});

// The schema and the type the adapters fill must not drift apart: each must be assignable to the other.
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesFacts: Mutual<z.infer<typeof ticketSchema>, TicketFacts> = true;
void schemaMatchesFacts;

const envelopeSchema = z.strictObject({
  type: z.literal('sla:evaluate'),
  source: z.enum(['jira', 'zendesk']),
  site: text(L.site).min(1),
  tickets: z.array(z.unknown()).max(MAX_TICKETS),
  unreadable: z.array(text(L.key)).max(MAX_TICKETS).optional(),
});

export class InvalidMessageError extends Error {
  constructor(detail: string) {
    super(`SLA Lens refused a message from a page: ${detail}`);
    this.name = 'InvalidMessageError';
  }
}

/** A ticket the background would not take, and why (for its badge). */
export interface RefusedTicket {
  key: string;
  reason: string;
}

export interface CheckedRequest {
  request: EvaluateRequest;
  refused: RefusedTicket[];
}

/** A key we can still name a badge by, from a ticket that failed its check. */
function keyOf(raw: unknown): string | null {
  const key = (raw as { key?: unknown } | null)?.key;
  return typeof key === 'string' && key.length > 0 && key.length <= L.key ? key : null;
}

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'its facts are not in the expected form';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the ticket';
  return `${where}: ${issue.message}`.slice(0, 300);
}

/**
 * The message, checked. The envelope (type, source, site, sizes) must be right or nothing is taken
 * (InvalidMessageError); each ticket is then checked on its own, and one from another site is
 * refused like one with an oversized field.
 */
export function parseEvaluateRequest(message: unknown): CheckedRequest {
  const envelope = envelopeSchema.safeParse(message);
  if (!envelope.success) throw new InvalidMessageError(z.prettifyError(envelope.error).split('\n').slice(0, 3).join(' '));
  const { tickets: raw, ...rest } = envelope.data;
  const tickets: TicketFacts[] = [];
  const refused: RefusedTicket[] = [];
  for (const candidate of raw) {
    const checked = ticketSchema.safeParse(candidate);
    const key = checked.success ? checked.data.key : keyOf(candidate);
    if (!checked.success) {
      if (key !== null) refused.push({ key, reason: reasonOf(checked.error) });
    } else if (checked.data.site !== rest.site || checked.data.source !== rest.source) {
      refused.push({ key: checked.data.key, reason: `it is not from ${rest.site}` });
    } else {
      // A ticket's address is the page's word: kept only when it is an address on this site.
      const { url, ...facts } = checked.data;
      const safe = openableUrl(url, rest.site);
      tickets.push((safe ? { ...facts, url: safe } : facts) as TicketFacts);
    }
  }
  return { request: { ...rest, tickets }, refused };
}
