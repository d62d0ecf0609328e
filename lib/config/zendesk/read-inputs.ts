import { t, type MessageKey } from '../../i18n/core';
import { child, describe, isRecord, type Problems, type Where } from './problems';
import type { ImportInput } from './types';

/** One Zendesk object found in an input, and where. */
export interface Item {
  value: Record<string, unknown>;
  where: Where;
  input: ImportInput;
}

/** The objects of one holidays or workweek body, which must be given their schedule. */
export interface Attachment {
  input: ImportInput;
  where: Where;
  holidays: Item[];
  /** Intervals from a `/workweek` body. */
  intervals?: { value: unknown; where: Where };
}

export interface Inputs {
  policies: Item[];
  schedules: Item[];
  attachments: Attachment[];
}

type Kind = 'policy' | 'schedule' | 'holiday';

/** Response and request bodies: list (`sla_policies`) and single (`sla_policy`) wrappers. */
const WRAPPERS: ReadonlyArray<[key: string, kind: Kind, list: boolean]> = [
  ['sla_policies', 'policy', true],
  ['sla_policy', 'policy', false],
  ['schedules', 'schedule', true],
  ['schedule', 'schedule', false],
  ['holidays', 'holiday', true],
  ['holiday', 'holiday', false],
];

/** Files admins are likely to pick by mistake, with what to do instead. */
const NOT_EXPORTS: ReadonlyArray<[key: string, message: MessageKey]> = [
  ['definitions', 'cfgz_not_export_definitions'],
  ['sla_policy_ids', 'cfgz_not_export_reorder'],
];

/**
 * Whether a parsed JSON body is one of Zendesk's API bodies (an export to convert, or one admins
 * pick by mistake and the importer explains), so a picked file goes to the Zendesk importer.
 */
export function looksLikeZendeskBody(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  return WRAPPERS.some(([key]) => key in value) || NOT_EXPORTS.some(([key]) => key in value);
}

/**
 * Sorts each input's objects into policies, schedules, and holidays/workweeks that still need
 * their schedule. Accepts list, show, create and update bodies, and the bare objects of the docs'
 * "JSON format" sections. A file that is none of these is an error: the admin must know it was
 * not used.
 */
export function readInputs(inputs: readonly ImportInput[], problems: Problems): Inputs {
  const out: Inputs = { policies: [], schedules: [], attachments: [] };
  for (const input of inputs) {
    const root: Where = input.fileName === undefined ? { path: '' } : { fileName: input.fileName, path: '' };
    const value = input.value;
    if (!isRecord(value)) {
      problems.error(root, t('cfgz_not_object', { value: describe(value) }));
      continue;
    }
    const attachment: Attachment = { input, where: root, holidays: [] };
    let found = false;
    for (const [key, kind, list] of WRAPPERS) {
      if (!(key in value)) continue;
      found = true;
      const at = child(root, key);
      const body = value[key];
      if (list && !Array.isArray(body)) problems.error(at, t('cfgz_expected_list', { value: describe(body) }));
      else if (!list && !isRecord(body)) problems.error(at, t('cfgz_expected_object', { value: describe(body) }));
      else if (list) (body as unknown[]).forEach((v, i) => sort(v, child(at, i), kind, input, out, attachment, problems));
      else sort(body, at, kind, input, out, attachment, problems);
    }
    if ('workweek' in value) {
      found = true;
      const at = child(root, 'workweek');
      if (isRecord(value.workweek)) attachment.intervals = { value: value.workweek.intervals, where: child(at, 'intervals') };
      else problems.error(at, t('cfgz_expected_workweek', { value: describe(value.workweek) }));
    }
    if (!found) {
      const bare = bareKind(value);
      if (bare) {
        found = true;
        sort(value, root, bare, input, out, attachment, problems);
      }
    }
    if (!found) {
      const known = NOT_EXPORTS.find(([key]) => key in value);
      problems.error(root, t(known?.[1] ?? 'cfgz_not_sla_export'));
      continue;
    }
    if (attachment.holidays.length > 0 || attachment.intervals) out.attachments.push(attachment);
    if (typeof value.next_page === 'string' && value.next_page !== '') {
      problems.warn(child(root, 'next_page'), t('cfgz_next_page'));
    }
  }
  return out;
}

function sort(value: unknown, where: Where, kind: Kind, input: ImportInput, out: Inputs, attachment: Attachment, problems: Problems): void {
  if (!isRecord(value)) {
    const expected = kind === 'holiday' ? 'cfgz_expected_holiday' : kind === 'policy' ? 'cfgz_expected_policy' : 'cfgz_expected_schedule';
    problems.error(where, t(expected, { value: describe(value) }));
    return;
  }
  const item = { value, where, input };
  if (kind === 'policy') out.policies.push(item);
  else if (kind === 'schedule') out.schedules.push(item);
  else attachment.holidays.push(item);
}

/** The docs' "JSON format" examples print single objects without a wrapper. */
function bareKind(value: Record<string, unknown>): Kind | null {
  if ('policy_metrics' in value || ('filter' in value && 'title' in value)) return 'policy';
  if ('time_zone' in value || 'intervals' in value) return 'schedule';
  if ('start_date' in value) return 'holiday';
  return null;
}
