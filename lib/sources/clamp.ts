/**
 * Facts within what the background takes (lib/messaging/limits.ts), applied by both adapters to
 * what their APIs answer and by the overlay to what a page shows: the background refuses a ticket
 * with one outsized value, so the value goes and the ticket stays. Text people only read (a title)
 * is cut; a name a policy may match is left out, never cut, as a shortened name is another name;
 * and since what is left out may have decided the policy or the pauses, the figure then says it
 * is approximate (`exact: false`). A ticket's key is not clamped: adapters send only keys they
 * have validated.
 */
import { FACT_LIMITS as L } from '../messaging/limits';
import type { TicketFacts } from '../sla/index';

type FieldValue = NonNullable<TicketFacts['fields']>[string];

const NAMES = ['project', 'issueType', 'requestType', 'priority', 'status', 'group', 'organization', 'assignee', 'team'] as const;
const ALIASED = ['group', 'organization', 'assignee'] as const;

/** `s` cut to `max` UTF-16 units, never between the two halves of one character. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s.charAt(max - 1)) ? max - 1 : max;
  return s.slice(0, end);
}

/** A custom field's value as the background takes it, or undefined when none of it fits. */
function fieldValue(value: FieldValue): FieldValue | undefined {
  if (typeof value === 'string') return value.length <= L.text ? value : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.filter((v) => v.length <= L.text).slice(0, L.fieldValues);
  return value;
}

export function clampFacts(facts: TicketFacts): TicketFacts {
  const out: TicketFacts = { ...facts };
  let uncertain = false;

  if (out.title !== undefined) out.title = cut(out.title, L.text);
  // An address cut short leads somewhere else.
  if (out.url !== undefined && out.url.length > L.text) delete out.url;
  for (const key of NAMES) {
    const value = out[key];
    if (value !== undefined && value.length > L.name) {
      delete out[key];
      uncertain = true;
    }
  }
  if (out.aliases) {
    const aliases = { ...out.aliases };
    for (const key of ALIASED) {
      const value = aliases[key];
      if (value !== undefined && value.length > L.name) {
        delete aliases[key];
        uncertain = true;
      }
    }
    out.aliases = aliases;
  }
  if (out.labels) {
    const labels = out.labels.filter((l) => l.length <= L.name).slice(0, L.labels);
    if (labels.length !== out.labels.length) {
      out.labels = labels;
      uncertain = true;
    }
  }
  if (out.fields) {
    const fields: Record<string, FieldValue> = {};
    for (const [id, value] of Object.entries(out.fields)) {
      const kept = id.length <= L.name ? fieldValue(value) : undefined;
      if (kept === undefined || (Array.isArray(value) && (kept as string[]).length !== value.length)) uncertain = true;
      if (kept !== undefined) fields[id] = kept;
    }
    out.fields = fields;
  }
  // Part of a history would put the pauses in the wrong places: all of it, or none.
  if (out.statusHistory && (out.statusHistory.length > L.statusHistory || out.statusHistory.some((s) => s.status.length > L.name))) {
    delete out.statusHistory;
    uncertain = true;
  }
  // Likewise the comments: part of a thread would start and stop reply clocks in the wrong places.
  if (out.comments && out.comments.length > L.comments) {
    delete out.comments;
    uncertain = true;
  }
  if (out.vendorSla) out.vendorSla = out.vendorSla.filter((m) => m.metric.length <= L.vendorMetric).slice(0, L.vendorMetrics);

  if (uncertain) out.exact = false;
  return out;
}
