import { METRICS } from './extends';
import { canonical, metricLabel, priorityLabel } from './format';
import { targetFor, type MetricName } from './match';
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
        problems.push(warning(['policies', j], `Policy "${later.id}" has no targets and no policy extends it, so it never applies; add "targets", or remove it.`));
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
    const who =
      culprits.length === 1
        ? `policy "${first.id}" above it (policies[${first.index}]) matches ${scope(first.match)} and`
        : `policies ${culprits.map((c) => `"${c.id}" (policies[${c.index}])`).join(' and ')} above it match every ticket this one matches and`;
    if (dead.size === pairs.length) {
      const advice = isAncestor(first, later, doc)
        ? `A policy that narrows the one it extends must be listed above it: move "${later.id}" above "${first.id}".`
        : `Move "${later.id}" above "${first.id}", or narrow "${first.id}".`;
      const have = culprits.length === 1 ? 'already has' : 'already have';
      problems.push(warning(['policies', j], `Policy "${later.id}" can never apply: ${who} ${have} a target for every priority and metric it sets. ${advice}`));
    } else {
      const which = pairs.filter((p) => dead.has(p.key)).map((p) => `${priorityLabel(p.label)} ${metricLabel(p.metric)}`);
      const path = doc.policies[j]!.targets ? ['policies', j, 'targets'] : ['policies', j];
      const have = culprits.length === 1 ? 'has' : 'have';
      const cap = who.charAt(0).toUpperCase() + who.slice(1);
      problems.push(warning(path, `These targets of policy "${later.id}" can never apply: ${which.join(', ')}. ${cap} ${have} them first. Its other targets still apply.`));
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

function scope(match: readonly Match[]): string {
  if (match.length === 0) return 'every ticket';
  if (match.every(sourceOnly)) return `every ${match[0]!.source === 'jira' ? 'Jira' : 'Zendesk'} ticket`;
  return 'every ticket this one matches';
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
