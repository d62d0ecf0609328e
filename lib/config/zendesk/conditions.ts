import { t, type MessageKey } from '../../i18n/core';
import { commaList } from '../format';
import { child, describe, isRecord, type Problems, type Where } from './problems';

/** Match keys whose value is one name or an any-of list. */
export type NameKey = 'issueType' | 'priority' | 'status' | 'group' | 'organization' | 'assignee';

/** What one Zendesk condition requires of a ticket, in terms our match keys can say. */
export type Constraint =
  { kind: 'names'; key: NameKey; values: string[] } | { kind: 'field'; id: string; values: string[]; zendeskField: string } | { kind: 'tags'; mode: 'any' | 'none'; tags: string[] };

/** Zendesk fields that map onto one of our name keys. Ids stay ids: see README. */
const NAME_FIELDS: Readonly<Record<string, NameKey>> = {
  type: 'issueType',
  ticket_type_id: 'issueType',
  priority: 'priority',
  status: 'status',
  group_id: 'group',
  organization_id: 'organization',
  assignee_id: 'assignee',
};

/**
 * Closed, ordered value sets, so `is_not`, `less_than` and `greater_than` become the list of the
 * other values. Order as Zendesk's trigger reference gives it (status: New lowest … Closed).
 * Other keys have open value sets (any group id), so their negations cannot be listed.
 */
const ORDERED: Partial<Record<NameKey, readonly string[]>> = {
  priority: ['low', 'normal', 'high', 'urgent'],
  status: ['new', 'open', 'pending', 'hold', 'solved', 'closed'],
};

/**
 * Ticket attributes we have no match key for; they become `field` conditions under Zendesk's own
 * name, which the Zendesk adapter fills from the REST ticket. Warned about, never dropped.
 */
export const SYSTEM_FIELDS: Readonly<Record<string, MessageKey>> = {
  via_id: 'cfgz_field_channel',
  brand_id: 'cfgz_field_brand',
  ticket_form_id: 'cfgz_field_ticket_form',
  custom_status_id: 'cfgz_field_custom_status',
};

const CUSTOM_FIELD = /^custom_fields_(\d+)$/;

export interface Condition {
  field: string;
  operator: string;
  value: unknown;
}

/** Reads `{field, operator, value}`; reports and returns null when it is not that shape. */
export function readCondition(raw: unknown, where: Where, policy: string, problems: Problems): Condition | null {
  if (!isRecord(raw) || typeof raw.field !== 'string' || typeof raw.operator !== 'string') {
    problems.error(where, t('cfgz_condition_shape', { policy, value: describe(raw) }));
    return null;
  }
  return { field: raw.field, operator: raw.operator, value: raw.value };
}

/** One condition as a constraint, or null after reporting why SLA Lens cannot express it. */
export function constraintFrom(c: Condition, where: Where, policy: string, problems: Problems): Constraint | null {
  const condition = `"${c.field} ${c.operator} ${valueText(c.value)}"`;
  const fail = (at: Where, why: string) => {
    problems.error(at, t('cfgz_condition_fail', { policy, condition, why }));
    return null;
  };

  if (c.field === 'current_tags') {
    if (c.operator !== 'includes' && c.operator !== 'not_includes') {
      return fail(child(where, 'operator'), t('cfgz_why_tags_operator'));
    }
    const tags =
      valuesOf(c.value)
        ?.flatMap((v) => v.split(/\s+/))
        .filter((t) => t !== '') ?? [];
    if (tags.length === 0) return fail(child(where, 'value'), t('cfgz_why_no_tags'));
    // Zendesk: "includes" is "contains at least one of the following", "not_includes" "contains none".
    return { kind: 'tags', mode: c.operator === 'includes' ? 'any' : 'none', tags };
  }

  const customId = CUSTOM_FIELD.exec(c.field)?.[1];
  // Own keys only: `"constructor" in SYSTEM_FIELDS` is true, and NAME_FIELDS.constructor is Object.
  if (customId !== undefined || Object.hasOwn(SYSTEM_FIELDS, c.field)) {
    if (c.operator !== 'is' && c.operator !== 'includes') {
      return fail(child(where, 'operator'), t('cfgz_why_field_operator', { operator: c.operator }));
    }
    const values = valuesOf(c.value);
    if (values === null || values.length === 0 || values.some((v) => v === '')) {
      return fail(child(where, 'value'), t('cfgz_why_field_no_value'));
    }
    return { kind: 'field', id: customId ?? c.field, values, zendeskField: c.field };
  }

  const key = Object.hasOwn(NAME_FIELDS, c.field) ? NAME_FIELDS[c.field] : undefined;
  if (key === undefined) return fail(child(where, 'field'), t('cfgz_why_no_key', { field: c.field }));
  const values = valuesOf(c.value)?.map((v) => (ORDERED[key] || key === 'issueType' ? v.toLowerCase() : v));
  if (values === undefined || values.length === 0) return fail(child(where, 'value'), t('cfgz_why_no_value'));
  if (values.some((v) => v === '')) return fail(child(where, 'value'), t('cfgz_why_empty_value', { field: c.field }));
  if (values.includes('current_user')) return fail(child(where, 'value'), t('cfgz_why_current_user'));

  const order = ORDERED[key];
  if (order) {
    const unknown = values.find((v) => !order.includes(v));
    if (unknown !== undefined) return fail(child(where, 'value'), t('cfgz_why_unknown_value', { value: unknown, field: c.field, values: commaList(order) }));
  }
  switch (c.operator) {
    case 'is':
    case 'includes':
      return { kind: 'names', key, values };
    case 'is_not':
    case 'less_than':
    case 'greater_than': {
      if (!order) return fail(child(where, 'operator'), t('cfgz_why_open_set', { operator: c.operator, field: c.field }));
      if (values.length !== 1 && c.operator !== 'is_not') return fail(child(where, 'value'), t('cfgz_why_one_value'));
      const rank = order.indexOf(values[0]!);
      const kept = order.filter((v, i) => (c.operator === 'is_not' ? !values.includes(v) : c.operator === 'less_than' ? i < rank : i > rank));
      if (kept.length === 0) return fail(where, t('cfgz_why_unsatisfiable'));
      return { kind: 'names', key, values: kept };
    }
    default:
      return fail(child(where, 'operator'), t('cfgz_why_operator', { operator: c.operator, field: c.field }));
  }
}

/** Zendesk sends a value as a string, a number or a list (reference/zendesk-api/PROVENANCE.md). */
function valuesOf(value: unknown): string[] | null {
  const one = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null);
  const list = Array.isArray(value) ? value.map(one) : [one(value)];
  return list.every((v): v is string => v !== null) ? list : null;
}

/** A condition's value as written, for messages: scalars only, so a nested list costs nothing. */
function valueText(value: unknown): string {
  const one = (v: unknown) => (typeof v === 'string' ? (v.length > 64 ? `${v.slice(0, 64)}…` : v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : describe(v));
  return Array.isArray(value) ? value.slice(0, 12).map(one).join(', ') + (value.length > 12 ? ', …' : '') : one(value);
}
