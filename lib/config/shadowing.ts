import { t, type MessageKey } from '../i18n/core';
import { METRICS } from './extends';
import { canonical, metricLabel, priorityLabel } from './format';
import { targetFor, type MetricName } from './match';
import { formatPath } from './path';
import { warning, type RawProblem } from './problem';
import type { ConfigV1, Match } from './schema';
import type { ResolvedPolicy } from './types';

/**
 * Policies (or targets) that can never apply because a policy above them takes every ticket they
 * would: the earlier policy's conditions are all among the later one's (an empty match, a match
 * on the source alone, or the conditions of a parent the later policy extends), it has no
 * effective period, and it has a target for the same priority and metric. First match wins, so
 * the later target is dead. Only provable cases are reported; overlapping but different
 * conditions are not.
 */
export function findUnreachable(doc: ConfigV1, policies: readonly ResolvedPolicy[]): RawProblem[] {
  const problems: RawProblem[] = [];
  const extended = new Set(doc.policies.map((p) => p.extends).filter((id) => id !== undefined));
  const conditions = policies.map(conditionsOf);
  // Only an earlier policy whose every condition the later one also has can cover it, so index
  // the earlier ones by one of their conditions (a catch-all has none) instead of trying all pairs.
  const byAnchor = new Map<string, number[]>();
  const broad: number[] = [];
  conditions.forEach((c, i) => {
    const anchor = c.keys[0];
    if (anchor === undefined) broad.push(i);
    else byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), i]);
  });

  policies.forEach((later, j) => {
    const pairs = targetPairs(later);
    if (pairs.length === 0) {
      if (!extended.has(later.id)) {
        problems.push(warning(['policies', j], t('cfg_never_applies_no_targets', { id: later.id })));
      }
      return;
    }
    const dead = new Map<string, ResolvedPolicy>();
    const mine = conditions[j]!;
    const candidates = [...broad, ...[...mine.keySet].flatMap((k) => byAnchor.get(k) ?? [])].filter((i) => i < j).sort((a, b) => a - b);
    for (const i of new Set(candidates)) {
      const earlier = policies[i]!;
      if (earlier.calendarId === null || earlier.effectiveMs || !covers(conditions[i]!, mine)) continue;
      for (const pair of pairs) {
        if (dead.has(pair.key)) continue;
        const hit = pair.priority === '*' ? targetFor(earlier, undefined, pair.metric) : targetFor(earlier, pair.priority, pair.metric);
        if (hit !== undefined) dead.set(pair.key, earlier);
      }
    }
    if (dead.size === 0) return;
    const culprits = [...new Set(dead.values())];
    const first = culprits[0]!;
    const one = culprits.length === 1;
    // One policy above: which tickets it takes; several: each by id and place, joined two by two as the
    // English has always said them ("a" (policies[0]) and "b" (policies[2]) and "c" (policies[5])).
    const vars = one
      ? { policy: later.id, other: first.id, where: formatPath(['policies', first.index]), tickets: t(scope(first.match)) }
      : { policy: later.id, others: culprits.map((c) => `"${c.id}" (${formatPath(['policies', c.index])})`).reduce((a, b) => t('cfg_list_and', { items: a, last: b })) };
    if (dead.size === pairs.length) {
      const advice = isAncestor(first, later, doc) ? t('cfg_shadowed_advice_child', { policy: later.id, other: first.id }) : t('cfg_shadowed_advice', { policy: later.id, other: first.id });
      problems.push(warning(['policies', j], t(one ? 'cfg_shadowed_policy' : 'cfg_shadowed_policy_by_several', { ...vars, advice })));
    } else {
      const which = pairs.filter((p) => dead.has(p.key)).map((p) => t('cfg_target_name', { priority: priorityLabel(p.label), metric: metricLabel(p.metric) }));
      const path = doc.policies[j]!.targets ? ['policies', j, 'targets'] : ['policies', j];
      problems.push(warning(path, t(one ? 'cfg_shadowed_targets' : 'cfg_shadowed_targets_by_several', { ...vars, targets: which.join(', ') })));
    }
  });
  return problems;
}

interface Pair {
  key: string;
  priority: string;
  label: string;
  metric: MetricName;
}

function targetPairs(policy: ResolvedPolicy): Pair[] {
  if (policy.calendarId === null) return [];
  const out: Pair[] = [];
  for (const [priority, target] of Object.entries(policy.targets)) {
    for (const metric of METRICS) {
      if (target[`${metric}Ms`] !== undefined) out.push({ key: `${priority}\u0000${metric}`, priority, label: target.label, metric });
    }
  }
  return out;
}

function sourceOnly(m: Match): boolean {
  const keys = Object.keys(m);
  return keys.length === 1 && keys[0] === 'source';
}

interface Conditions {
  /** Canonical form of each condition other than a bare source. */
  keys: string[];
  keySet: Set<string>;
  /** Sources named anywhere in the match. */
  sources: Set<string>;
  sourceOnly: Match[];
}

function conditionsOf(policy: ResolvedPolicy): Conditions {
  const keys = policy.match.filter((m) => !sourceOnly(m)).map(canonical);
  return {
    keys,
    keySet: new Set(keys),
    sources: new Set(policy.match.map((m) => m.source).filter((s) => s !== undefined)),
    sourceOnly: policy.match.filter(sourceOnly),
  };
}

/** Every ticket that meets all of `later` also meets all of `earlier`. */
function covers(earlier: Conditions, later: Conditions): boolean {
  return earlier.keys.every((k) => later.keySet.has(k)) && earlier.sourceOnly.every((e) => later.sources.has(e.source!));
}

/** Which tickets an earlier policy takes, as "…matches {tickets}" says it. */
function scope(match: readonly Match[]): MessageKey {
  if (match.length === 0) return 'cfg_tickets_every';
  if (match.every(sourceOnly)) return match[0]!.source === 'jira' ? 'cfg_tickets_every_jira' : 'cfg_tickets_every_zendesk';
  return 'cfg_tickets_every_matched';
}

function isAncestor(candidate: ResolvedPolicy, policy: ResolvedPolicy, doc: ConfigV1): boolean {
  const byId = new Map(doc.policies.map((p) => [p.id, p]));
  const seen = new Set<string>();
  let parent = policy.extends;
  while (parent !== undefined && !seen.has(parent)) {
    if (parent === candidate.id) return true;
    seen.add(parent);
    parent = byId.get(parent)?.extends;
  }
  return false;
}
