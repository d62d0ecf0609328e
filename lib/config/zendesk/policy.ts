import { t } from '../../i18n/core';
import { commaList } from '../format';
import { SYSTEM_FIELDS } from './conditions';
import { matchFromFilter } from './match';
import { notesFromSettings, targetsFromMetrics } from './metrics';
import { child, describe, type Problems, type Where } from './problems';
import type { PolicyV1Like, TargetsV1Like } from './types';

export interface PolicyContext {
  /** The calendar that business-hours targets use; null when no schedule was imported. */
  schedule: { calendarId: string; label: string } | null;
  /** Several schedules were imported, so using `schedule` is an assumption the admin must see. */
  scheduleAssumed: boolean;
}

/**
 * One Zendesk SLA policy as one policy of ours — or two, when its targets mix business and
 * calendar hours: a policy has one calendar, so `<id>-business` and `<id>-calendar` follow each
 * other with the same match, each holding its own targets. Since every (metric, priority) target
 * is in exactly one of them and the first policy with a target applies, the pair behaves as the
 * Zendesk policy does. Likewise a field condition with several values gives one policy per value
 * (`<id>-1`, `<id>-2`), same targets.
 *
 * No `pauseOn`: Zendesk's first reply and total resolution time never pause; the metrics that do
 * (requester wait, agent work, pausable update) pause on their own statuses in SLA Lens as in
 * Zendesk, with no `pauseOn` needed. The advanced settings that let internal notes count become
 * `internalNotesCount`. See README.
 */
export function policiesFromZendesk(raw: Record<string, unknown>, where: Where, ctx: PolicyContext, problems: Problems): PolicyPart[] | null {
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (title === '') {
    problems.error(child(where, 'title'), t('cfgz_policy_no_title', { value: describe(raw.title) }));
    return null;
  }
  const label = t('cfgf_quoted', { text: title });
  const matched = matchFromFilter(raw.filter, child(where, 'filter'), label, problems);
  const targets = targetsFromMetrics(raw.policy_metrics, child(where, 'policy_metrics'), label, problems);
  const internalNotes = notesFromSettings(raw.metric_settings, child(where, 'metric_settings'), label, problems);
  if (matched === null || targets === null) return null;

  for (const { field, where: at } of matched.systemFields) {
    const what = Object.hasOwn(SYSTEM_FIELDS, field) ? t(SYSTEM_FIELDS[field]!) : field;
    problems.warn(at, t('cfgz_system_field', { policy: label, what, field }));
  }

  const usesBusiness = Object.keys(targets.business).length > 0;
  const usesCalendar = Object.keys(targets.calendar).length > 0;
  if (usesBusiness && ctx.schedule === null) {
    problems.error(child(where, 'policy_metrics'), t('cfgz_business_no_schedule', { policy: label }));
    return null;
  }
  if (usesBusiness && ctx.scheduleAssumed) {
    problems.warn(child(where, 'policy_metrics'), t('cfgz_schedule_assumed', { policy: label, schedule: ctx.schedule!.label }));
  }

  const description = typeof raw.description === 'string' && raw.description.trim() !== '' ? raw.description : undefined;
  const hours: Array<[suffix: string, name: string, calendar: string, targets: TargetsV1Like]> =
    usesBusiness && usesCalendar
      ? [
          ['-business', t('cfgz_policy_business_hours'), ctx.schedule!.calendarId, targets.business],
          ['-calendar', t('cfgz_policy_calendar_hours'), '24x7', targets.calendar],
        ]
      : usesBusiness
        ? [['', '', ctx.schedule!.calendarId, targets.business]]
        : [['', '', '24x7', targets.calendar]];
  const several = matched.alternatives.length > 1;
  return matched.alternatives.flatMap(({ match, label: valueNote }, i) =>
    hours.map(([hoursSuffix, hoursName, calendar, hoursTargets]): PolicyPart => {
      const notes = [several ? valueNote : undefined, hoursName || undefined].filter((n) => n !== undefined);
      return {
        suffix: (several ? `-${i + 1}` : '') + hoursSuffix,
        policy: {
          name: notes.length > 0 ? t('cfgz_policy_name', { title, notes: commaList(notes) }) : title,
          ...(description === undefined ? {} : { description }),
          match: structuredClone(match),
          calendar,
          targets: structuredClone(hoursTargets),
          ...(internalNotes.length > 0 ? { internalNotesCount: [...internalNotes] } : {}),
        },
      };
    }),
  );
}

/** A converted policy without its id; the caller makes `base + suffix` unique across the file. */
export interface PolicyPart {
  suffix: string;
  policy: Omit<PolicyV1Like, 'id'>;
}
