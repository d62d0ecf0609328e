import { t } from '../../i18n/core';
import { inspectValue } from '../limits';
import { formatPath } from '../path';
import { scheduleFor } from './attach';
import { policiesFromZendesk, type PolicyContext } from './policy';
import { fileLabel, Problems, type Where } from './problems';
import { readInputs, type Item } from './read-inputs';
import { calendarFromSchedule, scheduleLabel, type ScheduleParts } from './schedule';
import type { CalendarV1Like, ConfigV1Like, ImportInput, ImportResult, PolicyV1Like } from './types';

/** The converted configuration's name, in the language of the admin who imports it (who may rename it). */
export function importedConfigName(): string {
  return t('cfgz_config_name');
}

interface ScheduleEntry extends ScheduleParts {
  zendeskId: number | undefined;
  label: string;
}

/**
 * Zendesk's own API output — SLA policies, schedules, holidays, in any mix of files — as an SLA
 * Lens config, version 1. Never throws on bad input: every problem names its file and path.
 * The document is returned only when there is no error; warnings say what was assumed or left out.
 */
export function importZendesk(inputs: ReadonlyArray<ImportInput>): ImportResult {
  const problems = new Problems();
  // JSON.parse reads any depth; the conversion and its messages recurse (String of a nested list).
  for (const input of inputs) {
    const unsafe = inspectValue(input.value);
    if (unsafe) problems.error({ ...(input.fileName === undefined ? {} : { fileName: input.fileName }), path: formatPath(unsafe.path) }, unsafe.message);
  }
  if (problems.errors.length > 0) return { ok: false, errors: problems.errors, warnings: problems.warnings };
  const read = readInputs(inputs, problems);

  const schedules = scheduleEntries(distinct(read.schedules, 'cfgz_schedule_twice', problems));
  for (const attachment of read.attachments) {
    const schedule = scheduleFor(attachment, schedules, problems);
    if (!schedule) continue;
    schedule.holidays.push(...attachment.holidays.map((h) => ({ value: h.value, where: h.where })));
    if (attachment.intervals) {
      if (schedule.workweek) problems.error(attachment.intervals.where, t('cfgz_hours_twice', { schedule: schedule.label, file: fileLabel(schedule.workweek.where) }));
      else schedule.workweek = attachment.intervals;
    }
  }
  const calendars = schedules.map((s) => calendarFromSchedule(s, problems)).filter((c): c is CalendarV1Like => c !== null);

  const policies = convertPolicies(distinct(read.policies, 'cfgz_policy_twice', problems), policyContext(schedules), problems);

  if (problems.errors.length > 0) return { ok: false, errors: problems.errors, warnings: problems.warnings };
  const document: ConfigV1Like = { version: 1, name: importedConfigName(), calendars, policies };
  return { ok: true, document, warnings: problems.warnings };
}

function scheduleEntries(items: Item[]): ScheduleEntry[] {
  const used = new Set<string>();
  return items.map(({ value, where, input }) => {
    // Create/update request bodies carry no id; the input may say which schedule it is.
    const zendeskId = typeof value.id === 'number' ? value.id : input.scheduleId;
    const calendarId = uniqueId(`zendesk-schedule-${zendeskId ?? slug(value.name)}`, used);
    return { schedule: value, where, calendarId, holidays: [], zendeskId, label: scheduleLabel({ ...value, id: zendeskId }) };
  });
}

/**
 * Zendesk applies each ticket's own schedule, falling back to the account's default: its first
 * schedule. Without the tickets we cannot know theirs, so business hours mean the lowest id.
 */
function policyContext(schedules: ScheduleEntry[]): PolicyContext {
  const byId = [...schedules].sort((a, b) => (a.zendeskId ?? Infinity) - (b.zendeskId ?? Infinity));
  const first = byId[0];
  return {
    schedule: first ? { calendarId: first.calendarId, label: first.label } : null,
    scheduleAssumed: schedules.length > 1,
  };
}

function convertPolicies(items: Item[], ctx: PolicyContext, problems: Problems): PolicyV1Like[] {
  // Zendesk matches in `position` order; one without a position was added last.
  const ordered = items.map((item, i) => ({ item, i, position: typeof item.value.position === 'number' ? item.value.position : Infinity })).sort((a, b) => a.position - b.position || a.i - b.i);
  const used = new Set<string>();
  const out: PolicyV1Like[] = [];
  for (const { item } of ordered) {
    const parts = policiesFromZendesk(item.value, item.where, ctx, problems);
    if (!parts) continue;
    const base = typeof item.value.id === 'number' ? `zendesk-${item.value.id}` : `zendesk-${slug(item.value.title)}`;
    const id = uniqueId(
      base,
      used,
      parts.map((p) => p.suffix),
    );
    out.push(...parts.map(({ suffix, policy }) => ({ id: id + suffix, ...policy })));
  }
  return out;
}

/**
 * One object per Zendesk id. A list and a show export of the same object are the same thing
 * and kept once; two different objects under one id cannot both be right, so that is an error.
 */
function distinct(items: Item[], twice: 'cfgz_schedule_twice' | 'cfgz_policy_twice', problems: Problems): Item[] {
  const byId = new Map<number, Item>();
  const out: Item[] = [];
  for (const item of items) {
    const id = item.value.id;
    const earlier = typeof id === 'number' ? byId.get(id) : undefined;
    if (earlier === undefined) {
      if (typeof id === 'number') byId.set(id, item);
      out.push(item);
    } else if (canonicalJson(earlier.value) !== canonicalJson(item.value)) {
      problems.error(idWhere(item.where), t(twice, { id: String(id), file: fileLabel(earlier.where) }));
    }
  }
  return out;
}

function idWhere(where: Where): Where {
  return { ...where, path: where.path === '' ? 'id' : `${where.path}.id` };
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** `"Urgent Incidents!"` → `urgent-incidents`: a valid id part for objects Zendesk gave no id. */
function slug(text: unknown): string {
  const s = (typeof text === 'string' ? text : '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return s === '' ? 'unnamed' : s;
}

/** Where numbering continues for each base, so that n policies of one title cost n steps, not n². */
const nextNumber = new WeakMap<Set<string>, Map<string, number>>();

/** `base`, or `base-2`, `base-3` … so that no id (with any of `suffixes`) is taken twice. */
function uniqueId(base: string, used: Set<string>, suffixes: readonly string[] = ['']): string {
  let id = base;
  let numbers = nextNumber.get(used);
  if (!numbers) nextNumber.set(used, (numbers = new Map()));
  let n = numbers.get(base) ?? 2;
  while (suffixes.some((s) => used.has(id + s))) id = `${base}-${n++}`;
  numbers.set(base, n);
  for (const s of suffixes) used.add(id + s);
  return id;
}
