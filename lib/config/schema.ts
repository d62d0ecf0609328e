import { z } from 'zod';
import { t } from '../i18n/core';
import { NOTE_METRICS } from './metrics';
import { canonicalTimeZone, DurationError, parseDuration, parseWarnAt, type WarnAt } from '../sla/index';
import { calendarSchema, dateSchema, idSchema } from './schema-calendar';
import { isDate } from './dates';
import { matchSchema, siteGlobSchema } from './schema-match';
import { creditCapSchema, creditsSchema, feeSchema, objectiveSchema } from './schema-credits';
import { watchSchema } from './schema-watch';

/**
 * The SLA configuration file, version 1 (DESIGN.md, "The config file"). Schema first, types
 * derived. Objects are strict so that a misspelt key is an error rather than a silently ignored
 * setting. No transforms: the document type is the file as written (so `z.toJSONSchema` can
 * publish it); parsing durations into milliseconds happens in `resolve.ts`.
 */

export const LATEST_VERSION = 1;

/**
 * Engine messages start lower-case and sometimes with the value (`"2d": days …`). They are the
 * engine's English (lib/sla imports nothing, the catalog included), so the noun before them is too.
 */
function durationMessage(error: DurationError, noun: string): string {
  const m = error.message;
  if (/^"[^"]*":/.test(m)) return `${noun} ${m}`;
  return m.charAt(0).toUpperCase() + m.slice(1);
}

/**
 * About eleven years. Far beyond any agreement, and far below where milliseconds stop being exact
 * or overflow to Infinity, which Chrome's messaging sends as null and a badge would read as 0 left.
 */
export const MAX_DURATION_HOURS = 100_000;
const MAX_DURATION_MS = MAX_DURATION_HOURS * 3_600_000;

function refineWith(parse: (v: unknown) => number | WarnAt, noun: string, tooLong: 'cfg_duration_too_long' | 'cfg_warn_at_too_long') {
  return (value: unknown, ctx: z.RefinementCtx) => {
    let ms: number | undefined;
    try {
      const parsed = parse(value);
      ms = typeof parsed === 'number' ? parsed : 'remainingMs' in parsed ? parsed.remainingMs : undefined;
    } catch (error) {
      if (!(error instanceof DurationError)) throw error;
      ctx.addIssue({ code: 'custom', message: durationMessage(error, noun) });
      return;
    }
    if (ms !== undefined && !(ms <= MAX_DURATION_MS)) {
      ctx.addIssue({ code: 'custom', message: t(tooLong, { value: String(JSON.stringify(value)), max: MAX_DURATION_HOURS }) });
    }
  };
}

export const durationSchema = z
  .union([z.string(), z.number()])
  .superRefine(refineWith(parseDuration, 'Duration', 'cfg_duration_too_long'))
  .meta({ id: 'Duration', description: 'Business time: "45m", "4h", "1h30m", "PT4H30M", or a number of minutes. Days are not allowed.' });

export const warnAtSchema = z
  .union([z.string(), z.number()])
  .superRefine(refineWith(parseWarnAt, 'Warning threshold', 'cfg_warn_at_too_long'))
  .meta({ description: 'Warn when this share of the target is used ("75%") or this much time is left ("1h"). Default "75%".' });

const targetSchema = z
  .strictObject({
    firstResponse: durationSchema.optional().meta({ description: 'Time to the first public agent reply.' }),
    resolution: durationSchema.optional().meta({ description: 'Time to a done state.' }),
    nextReply: durationSchema.optional().meta({ description: 'Time from the oldest unanswered public comment of the requester to the next public agent reply; every exchange is a cycle of its own.' }),
    periodicUpdate: durationSchema
      .optional()
      .meta({ description: 'Time between public agent comments (the first from the ticket’s creation), whatever the status, until the ticket is solved; every update starts a new cycle.' }),
    pausableUpdate: durationSchema.optional().meta({ description: 'As periodicUpdate, but paused while the ticket is pending (or in a pauseOn status).' }),
    requesterWait: durationSchema
      .optional()
      .meta({ description: 'Time the requester waits: from creation to solved, paused while pending (or in a pauseOn status); resumes when the ticket is reopened.' }),
    agentWork: durationSchema
      .optional()
      .meta({ description: 'Time agents work: from creation to solved, paused while pending or on-hold (or in a pauseOn status); resumes when the ticket is reopened.' }),
  })
  .meta({ description: 'Targets for one priority.' });

/** Aging flags (issue 18 §2): a ticket that nobody has updated, or that sits in a status, for too long. */
const agingSchema = z
  .strictObject({
    noPublicUpdateFor: durationSchema.optional().meta({ description: 'Flag a ticket with no public agent comment (or none since it was created) for this long, in the policy’s calendar.' }),
    inStatusFor: durationSchema.optional().meta({ description: 'Flag a ticket that has been in its status (one of "statuses", or any open status) for this long, in the policy’s calendar.' }),
    statuses: z.array(z.string().min(1)).optional().meta({ description: 'The statuses "inStatusFor" watches (case-insensitive); every status but a done one when absent.' }),
  })
  // A function, so the sentence is said in the language in use when a file is checked, not when this module loads.
  .refine((a) => a.noPublicUpdateFor !== undefined || a.inStatusFor !== undefined, { error: () => t('cfg_aging_empty') })
  .meta({ description: 'When a ticket is flagged as stale: a second, quieter mark beside its badge, counted in the popup.' });

const effectiveDate = dateSchema.superRefine((value, ctx) => {
  if (!isDate(value)) ctx.addIssue({ code: 'custom', message: t('cfg_not_a_date', { value }) });
});

export const policySchema = z
  .strictObject({
    id: idSchema('policy'),
    name: z.string().optional(),
    description: z.string().optional(),
    extends: z.string().optional().meta({ description: "Id of a policy whose fields this one inherits; its match is narrowed by this one's." }),
    match: matchSchema.optional(),
    calendar: z.string().optional().meta({ description: 'A calendar id from "calendars", or "24x7".' }),
    targets: z.record(z.string(), targetSchema).optional().meta({ description: 'Targets by priority name (case-insensitive); "*" applies to every other priority.' }),
    pauseOn: z.array(z.string().min(1)).optional().meta({ description: 'Statuses during which the clocks stop (case-insensitive).' }),
    internalNotesCount: z.array(z.enum(NOTE_METRICS)).optional().meta({
      description:
        'Metrics for which an agent’s internal note counts as a reply or an update, as Zendesk’s advanced settings allow ("nextReply", "periodicUpdate", "pausableUpdate"). Default: only public comments count.',
    }),
    warnAt: warnAtSchema.optional(),
    aging: agingSchema.optional(),
    effective: z
      .strictObject({ from: effectiveDate.optional(), to: effectiveDate.optional() })
      .optional()
      .meta({ description: "The agreement's period, dates inclusive, compared with the ticket's creation in the calendar's zone." }),
    objective: objectiveSchema.optional(),
    credits: creditsSchema.optional(),
    creditCap: creditCapSchema.optional(),
    fee: feeSchema.optional(),
  })
  .meta({ description: 'One SLA policy. The first policy that matches a ticket and has a target for its priority applies.' });

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(LATEST_VERSION).meta({ description: 'Format version of this file.' }),
    name: z.string().optional(),
    description: z.string().optional(),
    sites: z.array(siteGlobSchema).max(100).optional().meta({
      description:
        'The organisation\'s own Jira and Zendesk sites (host names or globs such as "acme.atlassian.net"). Once listed, tickets from any other site are neither recorded nor counted, and are badged only where a policy names their site; self-hosted sites added on the options page always count. Leave out to count every site.',
    }),
    watch: watchSchema.optional(),
    reportZone: z
      .string()
      .superRefine((value, ctx) => {
        if (canonicalTimeZone(value) === null) ctx.addIssue({ code: 'custom', message: t('cfg_not_a_time_zone', { value }) });
      })
      .optional()
      .meta({
        description:
          "Where the SLA report cuts its months when it covers every agreement (IANA time zone). One agreement is always cut in its own calendar's zone. Default: the zone most agreements keep.",
      }),
    calendars: z.array(calendarSchema).optional(),
    policies: z.array(policySchema).meta({ description: 'Ordered: the first matching policy applies.' }),
  })
  .meta({ title: 'SLA Lens configuration', description: 'SLA policies and business calendars for SLA Lens.' });

export type ConfigV1 = z.infer<typeof configSchema>;
export type PolicyDoc = z.infer<typeof policySchema>;
export type TargetDoc = z.infer<typeof targetSchema>;
export type Duration = z.infer<typeof durationSchema>;
export type CreditTierDoc = NonNullable<PolicyDoc['credits']>[number];
export type FeeDoc = NonNullable<PolicyDoc['fee']>;
export type AgingDoc = z.infer<typeof agingSchema>;
export { type CalendarDoc } from './schema-calendar';
export { type Match, type LabelSet } from './schema-match';
export { type WatchEntryDoc } from './schema-watch';
