import { z } from 'zod';
import { tp } from '../i18n/core';

/**
 * Which tickets a policy takes. Every key present must hold (AND); a list means any of its
 * values; names compare case-insensitively; an absent or empty match takes every ticket.
 */

const oneOrMore = (what: string) =>
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).meta({ description: `${what}: one name, or a list of names of which any may match (case-insensitive).` });

const labelSet = z
  .strictObject({
    any: z.array(z.string().min(1)).min(1).optional().meta({ description: 'At least one of these must be present.' }),
    all: z.array(z.string().min(1)).min(1).optional().meta({ description: 'Every one of these must be present.' }),
    none: z.array(z.string().min(1)).optional().meta({ description: 'None of these may be present.' }),
  })
  .meta({ id: 'LabelSet', description: 'Labels (Jira) or tags (Zendesk), compared case-insensitively.' });

/** A host name is at most 253 characters. */
export const MAX_SITE_GLOB_LENGTH = 255;
/** "*.acme.*" needs two; more only multiplies the matcher's work per ticket. */
export const MAX_SITE_GLOB_STARS = 8;

export const siteGlobSchema = z
  .string()
  .min(1)
  .max(MAX_SITE_GLOB_LENGTH, { error: () => tp('cfg_site_too_long', MAX_SITE_GLOB_LENGTH) })
  .superRefine((glob, ctx) => {
    const stars = glob.split(/\*+/).length - 1;
    if (stars > MAX_SITE_GLOB_STARS) ctx.addIssue({ code: 'custom', message: tp('cfg_site_glob_stars', stars, { max: MAX_SITE_GLOB_STARS }) });
  });

export const fieldValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const matchSchema = z
  .strictObject({
    source: z.enum(['jira', 'zendesk']).optional().meta({ description: 'The ticketing tool.' }),
    site: z
      .union([siteGlobSchema, z.array(siteGlobSchema).min(1)])
      .meta({ description: 'Host name or glob, such as "*.atlassian.net" or "support.acme.com": one name, or a list of names of which any may match (case-insensitive).' }),
    project: oneOrMore('Jira project key'),
    issueType: oneOrMore('Jira issue type, or Zendesk ticket type'),
    requestType: oneOrMore('Jira Service Management request type'),
    priority: oneOrMore('Priority'),
    status: oneOrMore('Status'),
    group: oneOrMore('Zendesk group'),
    organization: oneOrMore('Organization'),
    assignee: oneOrMore('Assignee'),
    labels: labelSet,
    tags: labelSet,
    field: z.record(z.string(), fieldValueSchema).meta({
      description: 'Custom fields by id or name; each must equal the value (for a list-valued field: contain it). Case-insensitive.',
    }),
  })
  .partial()
  .meta({ description: 'Which tickets this policy takes. All keys must hold; absent or {} takes every ticket.' });

export type Match = z.infer<typeof matchSchema>;
export type LabelSet = z.infer<typeof labelSet>;

/** The keys whose value is one name or a list of names. */
export const NAME_KEYS = ['site', 'project', 'issueType', 'requestType', 'priority', 'status', 'group', 'organization', 'assignee'] as const satisfies ReadonlyArray<keyof Match>;
