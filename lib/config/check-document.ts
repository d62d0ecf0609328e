import { error, MAX_PROBLEMS, type RawProblem } from './problem';
import type { ConfigV1 } from './schema';
import { clip, didYouMean, quoteList } from './suggest';
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
      problems.push(error(['calendars', i, 'id'], '"24x7" is the built-in always-open calendar; give this calendar another id.'));
    } else if (calendarAt.has(c.id)) {
      problems.push(error(['calendars', i, 'id'], `Calendar id "${clip(c.id)}" is already used by calendars[${calendarAt.get(c.id)}]; ids must be unique.`));
    } else calendarAt.set(c.id, i);
  });

  problems.push(...holidayRepeats(calendars));

  const policyAt = new Map<string, number>();
  let known: string[] | undefined;
  doc.policies.forEach((p, i) => {
    if (policyAt.has(p.id)) {
      problems.push(error(['policies', i, 'id'], `Policy id "${clip(p.id)}" is already used by policies[${policyAt.get(p.id)}]; ids must be unique.`));
    } else policyAt.set(p.id, i);

    if (p.calendar !== undefined && p.calendar !== '24x7' && !calendarAt.has(p.calendar)) {
      known ??= [...calendarAt.keys(), '24x7'];
      const hint = problems.length < MAX_PROBLEMS ? didYouMean(p.calendar, known) : '';
      problems.push(
        error(
          ['policies', i, 'calendar'],
          `Calendar "${clip(p.calendar)}" is not defined; use ${known.length > 1 ? 'one of ' : ''}${quoteList(known)}${hint ? `.${hint.replace(' — d', ' D')}` : '.'}`,
        ),
      );
    }

    // Priorities compare case-insensitively, so "High" and "high" would silently collide.
    const seen = new Map<string, string>();
    for (const key of Object.keys(p.targets ?? {})) {
      const earlier = seen.get(key.toLowerCase());
      if (earlier !== undefined) {
        problems.push(error(['policies', i, 'targets', key], `Priority "${clip(key)}" is listed twice (also as "${clip(earlier)}"); priority names compare case-insensitively.`, 'key'));
      } else seen.set(key.toLowerCase(), key);
    }

    const { from, to } = p.effective ?? {};
    if (from !== undefined && to !== undefined && to < from) {
      problems.push(error(['policies', i, 'effective', 'to'], `The period ends (${to}) before it starts (${from}).`));
    }
  });

  problems.push(...checkWatch(doc));
  problems.push(...checkCreditTiers(doc));

  const { merged, problems: inheritance } = resolveExtends(doc.policies);
  problems.push(...inheritance);

  merged.forEach((m, i) => {
    if (m && m.targets.size > 0 && m.calendar === undefined) {
      const own = doc.policies[i]!;
      const via = own.extends !== undefined ? ' (or on a policy it extends)' : '';
      problems.push(error(['policies', i, 'calendar'], `Policy "${clip(own.id)}" has targets but no calendar; add "calendar" with a calendar id or "24x7"${via}.`, 'key'));
    }
  });
  problems.push(...creditCapWarnings(doc, merged));
  return { problems, merged };
}
