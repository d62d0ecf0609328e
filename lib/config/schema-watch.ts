import { z } from 'zod';
import { t, tp } from '../i18n/core';
import { readHost } from '../sources/host-name';
import { clip } from './suggest';
import { QUERY_KEYS } from './watch';

/**
 * The team's watched scopes (issue 16): queues, filters, views and searches the background lists
 * on their site without a page open. This is the shape of one entry; which query key is given,
 * whether it suits the site, and the entries against each other and the configuration's `sites`
 * are whole-document rules (`check-watch.ts`), so a misspelt key is reported once, not also as a
 * missing query. Patterns sit in `.meta()` for editors; the sentences come from the checks here.
 */

/** One team's queues, not a crawl: each scope costs requests on its site every few minutes. */
export const MAX_WATCH_SCOPES = 50;
export const MAX_SCOPE_NAME_LENGTH = 200;
export const MAX_JQL_LENGTH = 4_000;
export const MAX_SEARCH_LENGTH = 1_000;
/** Jira's and Zendesk's ids are 64-bit numbers: 19 digits at most, 18 in practice (as the options page's form allows). */
export const MAX_ID_DIGITS = 18;

const EXAMPLE_HOST = 'acme.atlassian.net';
/** Why `text` is not one site's host name, or null. Case is free: it is compared lower-cased. */
export function hostProblem(text: string): string | null {
  const value = JSON.stringify(clip(text));
  const example = EXAMPLE_HOST;
  const reading = readHost(text);
  switch (reading.kind) {
    case 'host':
      return null;
    case 'empty':
      return t('cfg_host_empty', { example });
    case 'pattern':
      return t('cfg_host_pattern', { value, example });
    case 'address':
      // The host an admin meant is plain to see in a pasted address; saying it saves a round trip.
      return reading.meant ? t('cfg_host_address_meant', { value, host: reading.meant }) : t('cfg_host_address', { value, example });
    // Pages report a name in another script in its punycode form, so that is the form to write.
    case 'script':
      return t('cfg_host_script', { value, host: reading.ascii });
    case 'invalid':
      return t('cfg_host_invalid', { value, example });
  }
}

const siteSchema = z
  .string()
  .superRefine((site, ctx) => {
    const problem = hostProblem(site);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    description: 'The site\'s host name, such as "acme.atlassian.net" or "acme.zendesk.com" (no https://, path, port or "*"). When the configuration lists "sites", it must be one of them.',
    pattern: '^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$',
    maxLength: 253,
  });

/** What a field holds, as the subject of its messages ("A JQL query is at most …"). */
type Noun = 'cfg_noun_name' | 'cfg_noun_jql' | 'cfg_noun_search' | 'cfg_noun_service_desk_id' | 'cfg_noun_queue_id' | 'cfg_noun_filter_id' | 'cfg_noun_view_id';

/** Text of at most `max` characters that says something: blank text would watch nothing, or the whole site. */
function text(max: number, noun: Noun) {
  return z
    .string()
    .min(1)
    .max(max, { error: (issue) => tp('cfg_text_too_long', max, { subject: t(noun), count: (issue.input as string).length }) })
    .refine((s) => s === '' || s.trim() !== '', { error: () => t('cfg_text_blank', { subject: t(noun) }) });
}

/**
 * A Jira or Zendesk id: a whole number, or its digits as text (ids past 2^53 are exact only as
 * text). The resolved scope holds the digits as text either way.
 */
function numericId(noun: string, subject: Noun, example: string) {
  return (
    z
      .union([
        z
          .int({ error: (issue) => (issue.code === 'too_big' ? t('cfg_id_too_large', { subject: t(subject), value: String(issue.input) }) : undefined) })
          .positive({ error: () => t('cfg_id_not_positive', { subject: t(subject), example }) }),
        z
          .string()
          .max(MAX_ID_DIGITS, { error: () => tp('cfg_id_too_many_digits', MAX_ID_DIGITS, { subject: t(subject) }) })
          .regex(/^0*[1-9][0-9]*$/, { error: (issue) => t('cfg_id_not_digits', { subject: t(subject), example, found: JSON.stringify(clip(String(issue.input))) }) }),
      ])
      // The published JSON Schema's words stay English (public/sla-config.schema.json).
      .meta({ description: `${noun}: a number such as ${example}, or its digits as text.` })
  );
}

export const queueSchema = z
  .strictObject({
    serviceDesk: numericId('A service desk id', 'cfg_noun_service_desk_id', '2').meta({
      description: "The service desk's numeric id (as /rest/servicedeskapi/servicedesk lists it), not the project key.",
    }),
    id: numericId('A queue id', 'cfg_noun_queue_id', '7').meta({ description: "The queue's numeric id: the last number of the queue's address (…/queues/custom/7)." }),
  })
  .meta({ description: 'A Jira Service Management queue: its service desk and its id.' });

export const watchEntrySchema = z
  .strictObject({
    site: siteSchema,
    name: text(MAX_SCOPE_NAME_LENGTH, 'cfg_noun_name').optional().meta({ description: 'What the team calls this scope, shown instead of the query (at most 200 characters).' }),
    jql: text(MAX_JQL_LENGTH, 'cfg_noun_jql').optional().meta({ description: 'Jira: the tickets a JQL query finds, such as "project = SUP AND statusCategory != Done" (at most 4,000 characters).' }),
    filter: numericId('A filter id', 'cfg_noun_filter_id', '10001').optional().meta({ description: "Jira: a saved filter's id (the number in ?filter=10001)." }),
    queue: queueSchema.optional(),
    view: numericId('A view id', 'cfg_noun_view_id', '360001').optional().meta({ description: "Zendesk: a view's id (the number in /agent/filters/360001)." }),
    search: text(MAX_SEARCH_LENGTH, 'cfg_noun_search').optional().meta({ description: 'Zendesk: the tickets a search finds, such as "status<solved group:Tier2" (at most 1,000 characters).' }),
  })
  .meta({
    description:
      'One scope to watch on one site: exactly one of jql, filter or queue (Jira), view or search (Zendesk). *.atlassian.net sites take Jira scopes, *.zendesk.com sites Zendesk scopes; other hosts (self-hosted) either.',
    // Editors flag an entry with no query or two; the extension says which (check-watch.ts).
    oneOf: QUERY_KEYS.map((key) => ({ required: [key] })),
  });

export const watchSchema = z
  .array(watchEntrySchema)
  .max(MAX_WATCH_SCOPES, { error: (issue) => tp('cfg_too_many_watched', MAX_WATCH_SCOPES, { count: (issue.input as unknown[]).length }) })
  .meta({
    description: `The team's scopes to watch (at most ${MAX_WATCH_SCOPES}): Jira queries, saved filters and Service Management queues, Zendesk views and searches, each on one site, so their tickets can be timed without a page open.`,
  });

export type WatchEntryDoc = z.infer<typeof watchEntrySchema>;
