import { t } from '../../i18n/core';
import { andList, commaList, orList } from '../format';
import { constraintFrom, readCondition, type Condition, type Constraint, type NameKey } from './conditions';
import { child, describe, isRecord, type Problems, type Where } from './problems';
import type { MatchV1Like } from './types';

/** Output order of the keys, so files read the same every time. */
const NAME_KEY_ORDER: readonly NameKey[] = ['issueType', 'priority', 'status', 'group', 'organization', 'assignee'];

export interface MatchResult {
  /**
   * Usually one match. A field condition with several values (`custom_status_id includes
   * ["1","2"]`) becomes one match per value, since a config field condition takes one value:
   * consecutive policies with the same targets behave exactly as one any-of policy would.
   */
  alternatives: Array<{ match: MatchV1Like; label?: string }>;
  /** Zendesk system fields kept as `field` conditions (`via_id`), for the caller to warn about. */
  systemFields: Array<{ field: string; where: Where }>;
}

/**
 * A Zendesk `filter` ({all: [...], any: [...]}) as our match, where every key must hold. `all`
 * maps condition by condition; `any` only when all its conditions test the same thing, so that
 * their either-or becomes one any-of list. Anything else is an error naming its path: an
 * approximated filter would put tickets under the wrong policy without anyone noticing.
 */
export function matchFromFilter(filter: unknown, where: Where, policy: string, problems: Problems): MatchResult | null {
  const builder = new MatchBuilder(policy, problems);
  if (filter === undefined || filter === null) return builder.result(where);
  if (!isRecord(filter)) {
    problems.error(where, t('cfgz_filter_shape', { policy, value: describe(filter) }));
    return null;
  }
  const all = readGroup(filter.all, child(where, 'all'), policy, problems);
  const any = readGroup(filter.any, child(where, 'any'), policy, problems);
  if (all === null || any === null) return null;

  let ok = true;
  for (const { constraint, where: at } of all) ok = builder.and(constraint, at) && ok;
  if (any.length > 0) ok = andAny(builder, any, child(where, 'any'), policy, problems) && ok;
  return ok ? builder.result(where) : null;
}

interface Located {
  condition: Condition;
  constraint: Constraint;
  where: Where;
}

function readGroup(group: unknown, where: Where, policy: string, problems: Problems): Located[] | null {
  if (group === undefined || group === null) return [];
  if (!Array.isArray(group)) {
    problems.error(where, t('cfgz_conditions_list', { policy, value: describe(group) }));
    return null;
  }
  const out: Located[] = [];
  let ok = true;
  group.forEach((raw: unknown, i) => {
    const at = child(where, i);
    const condition = readCondition(raw, at, policy, problems);
    const constraint = condition && constraintFrom(condition, at, policy, problems);
    if (condition && constraint) out.push({ condition, constraint, where: at });
    else ok = false;
  });
  return ok ? out : null;
}

function andAny(builder: MatchBuilder, any: Located[], where: Where, policy: string, problems: Problems): boolean {
  const slots = new Set(any.map(({ constraint: c }) => slotOf(c)));
  if (slots.size > 1) {
    const fields = commaList([...new Set(any.map((l) => l.condition.field))]);
    problems.error(where, t('cfgz_any_mixed', { policy, fields }));
    return false;
  }
  const first = any[0]!;
  if (any.length === 1) return builder.and(first.constraint, first.where);
  const c = first.constraint;
  switch (c.kind) {
    case 'names':
      return builder.and({ ...c, values: any.flatMap((l) => (l.constraint as typeof c).values) }, where);
    case 'tags':
      if (c.mode === 'any') return builder.and({ ...c, tags: any.flatMap((l) => (l.constraint as typeof c).tags) }, where);
      problems.error(where, t('cfgz_any_not_includes', { policy }));
      return false;
    case 'field':
      return builder.and({ ...c, values: any.flatMap((l) => (l.constraint as typeof c).values) }, where);
  }
}

/** Conditions in one "any" group combine only when they land in the same slot. */
function slotOf(c: Constraint): string {
  return c.kind === 'names' ? `names:${c.key}` : c.kind === 'field' ? `field:${c.id}` : `tags:${c.mode}`;
}

/** Accumulates constraints that must all hold, intersecting those on the same key. */
class MatchBuilder {
  private readonly names = new Map<NameKey, string[]>();
  private readonly fields = new Map<string, { values: string[]; zendeskField: string }>();
  private readonly systemFields: Array<{ field: string; where: Where }> = [];
  private readonly tagsAll: string[] = [];
  private readonly tagsNone: string[] = [];
  private tagsAny: string[] | null = null;

  constructor(
    private readonly policy: string,
    private readonly problems: Problems,
  ) {}

  and(c: Constraint, where: Where): boolean {
    switch (c.kind) {
      case 'names': {
        const before = this.names.get(c.key);
        const values = unique(before ? c.values.filter((v) => before.some((b) => same(b, v))) : c.values);
        if (values.length === 0) return this.never(where, c.key, before!, c.values);
        this.names.set(c.key, values);
        return true;
      }
      case 'field': {
        const before = this.fields.get(c.id)?.values;
        const values = unique(before ? c.values.filter((v) => before.some((b) => same(b, v))) : c.values);
        if (values.length === 0) return this.never(where, c.zendeskField, before!, c.values);
        this.fields.set(c.id, { values, zendeskField: c.zendeskField });
        if (c.zendeskField !== `custom_fields_${c.id}` && !this.systemFields.some((f) => f.field === c.zendeskField)) {
          this.systemFields.push({ field: c.zendeskField, where });
        }
        return true;
      }
      case 'tags': {
        if (c.mode === 'none') this.tagsNone.push(...c.tags);
        // "At least one of" a single tag is simply that tag.
        else if (unique(c.tags).length === 1) this.tagsAll.push(c.tags[0]!);
        else if (this.tagsAny === null) this.tagsAny = c.tags;
        else {
          this.problems.error(where, t('cfgz_second_any_tags', { policy: this.policy }));
          return false;
        }
        return true;
      }
    }
  }

  result(where: Where): MatchResult | null {
    const match: MatchV1Like = { source: 'zendesk' };
    for (const key of NAME_KEY_ORDER) {
      const values = this.names.get(key);
      if (values) match[key] = values.length === 1 ? values[0]! : values;
    }
    const tags: NonNullable<MatchV1Like['tags']> = {};
    if (this.tagsAny) tags.any = unique(this.tagsAny);
    if (this.tagsAll.length > 0) tags.all = unique(this.tagsAll);
    if (this.tagsNone.length > 0) tags.none = unique(this.tagsNone);
    if (Object.keys(tags).length > 0) match.tags = tags;
    const fields = [...this.fields];
    const single = Object.fromEntries(fields.map(([id, f]) => [id, f.values[0]!]));
    const multi = fields.filter(([, f]) => f.values.length > 1);
    if (multi.length > 1) {
      const fields = andList(multi.map(([, f]) => f.zendeskField));
      this.problems.error(where, t('cfgz_multi_fields', { policy: this.policy, fields }));
      return null;
    }
    const withField = (field: Record<string, string>): MatchV1Like => (fields.length > 0 ? { ...match, field } : { ...match });
    const [split] = multi;
    const alternatives = split ? split[1].values.map((value) => ({ match: withField({ ...single, [split[0]]: value }), label: `${split[1].zendeskField} ${value}` })) : [{ match: withField(single) }];
    return { alternatives, systemFields: this.systemFields };
  }

  /** `field` would have to be one of `first` and also one of `second`, which share no value. */
  private never(where: Where, field: string, first: string[], second: string[]): false {
    this.problems.error(where, t('cfgz_never', { policy: this.policy, field, first: orList(first), second: orList(second) }));
    return false;
  }
}

/** Names compare case-insensitively, as our matcher does. */
function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function unique(values: string[]): string[] {
  return values.filter((v, i) => values.findIndex((w) => same(v, w)) === i);
}
