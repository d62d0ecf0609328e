import { t } from '../i18n/core';
import { formatPath } from './path';
import { error, MAX_PROBLEMS, type RawProblem } from './problem';
import type { ConfigV1 } from './schema';
import { clip, quoteList, suggest } from './suggest';
import { resolveExtends, type MergedPolicy } from './extends';
import { holidayRepeats } from './holidays';
import { checkWatch } from './check-watch';
import { checkCreditTiers, creditCapWarnings } from './check-credits';

/**
 * Checks that need the whole document: ids that must be unique, references that must exist,
 * inheritance. Runs only on a document whose shape is already valid.
 */
export function checkDocument(doc: ConfigV1): { problems: RawProblem[]; merged: Array<MergedPolicy | null> } {
  const problems: RawProblem[] = [];
  const calendars = doc.calendars ?? [];

  const calendarAt = new Map<string, number>();
  calendars.forEach((c, i) => {
    if (c.id === '24x7') {
      problems.push(error(['calendars', i, 'id'], t('cfg_calendar_id_reserved')));
    } else if (calendarAt.has(c.id)) {
      problems.push(error(['calendars', i, 'id'], t('cfg_calendar_id_taken', { id: clip(c.id), where: formatPath(['calendars', calendarAt.get(c.id)!]) })));
    } else calendarAt.set(c.id, i);
  });

  problems.push(...holidayRepeats(calendars));

  const policyAt = new Map<string, number>();
  let known: string[] | undefined;
  doc.policies.forEach((p, i) => {
    if (policyAt.has(p.id)) {
      problems.push(error(['policies', i, 'id'], t('cfg_policy_id_taken', { id: clip(p.id), where: formatPath(['policies', policyAt.get(p.id)!]) })));
    } else policyAt.set(p.id, i);

    if (p.calendar !== undefined && p.calendar !== '24x7' && !calendarAt.has(p.calendar)) {
      known ??= [...calendarAt.keys(), '24x7'];
      const hint = problems.length < MAX_PROBLEMS ? suggest(p.calendar, known) : null;
      const vars = { name: clip(p.calendar), calendars: quoteList(known), ...(hint !== null ? { hint } : {}) };
      const message =
        known.length > 1
          ? t(hint !== null ? 'cfg_calendar_undefined_list_hint' : 'cfg_calendar_undefined_list', vars)
          : t(hint !== null ? 'cfg_calendar_undefined_hint' : 'cfg_calendar_undefined', vars);
      problems.push(error(['policies', i, 'calendar'], message));
    }

    // Priorities compare case-insensitively, so "High" and "high" would silently collide.
    const seen = new Map<string, string>();
    for (const key of Object.keys(p.targets ?? {})) {
      const earlier = seen.get(key.toLowerCase());
      if (earlier !== undefined) {
        problems.push(error(['policies', i, 'targets', key], t('cfg_priority_twice', { name: clip(key), other: clip(earlier) }), 'key'));
      } else seen.set(key.toLowerCase(), key);
    }

    const { from, to } = p.effective ?? {};
    if (from !== undefined && to !== undefined && to < from) {
      problems.push(error(['policies', i, 'effective', 'to'], t('cfg_period_reversed', { from, to })));
    }
  });

  problems.push(...checkWatch(doc));
  problems.push(...checkCreditTiers(doc));

  const { merged, problems: inheritance } = resolveExtends(doc.policies);
  problems.push(...inheritance);

  merged.forEach((m, i) => {
    if (m && m.targets.size > 0 && m.calendar === undefined) {
      const own = doc.policies[i]!;
      const message = t(own.extends !== undefined ? 'cfg_no_calendar_or_parent' : 'cfg_no_calendar', { id: clip(own.id) });
      problems.push(error(['policies', i, 'calendar'], message, 'key'));
    }
  });
  problems.push(...creditCapWarnings(doc, merged));
  return { problems, merged };
}
