/**
 * How much of one ticket the background takes in a message. The background's schema (schema.ts)
 * refuses a ticket over any of these; the adapters keep their facts within them before sending
 * (lib/sources/clamp.ts), so an outsized value from a page or an API costs that value, not the
 * ticket. A plain module: the content script reads it too, and must never load zod.
 */
export const FACT_LIMITS = {
  /** A host name (DNS allows no more). */
  site: 253,
  /** A ticket's key or id. */
  key: 64,
  /** Text people read: a title, an address, a custom field's text. */
  text: 2000,
  /** Anything a policy may name: a status, a priority, a group…, a label, a custom field's id. */
  name: 255,
  /** Labels (Jira) or tags (Zendesk) on one ticket. */
  labels: 200,
  /** Values of one list-valued custom field. */
  fieldValues: 100,
  /** Entries of one ticket's status history. */
  statusHistory: 1000,
  /** Comments on one ticket (times and authors' roles only). */
  comments: 1000,
  /** A vendor's name for one of its own SLA metrics (`first_reply_time`). */
  vendorMetric: 64,
  /** The vendor's own SLA metrics on one ticket. */
  vendorMetrics: 20,
} as const;
