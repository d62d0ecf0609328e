import { t, tp } from '../i18n/core';
import type { AgingDoc, CreditTierDoc, Duration, FeeDoc, Match, PolicyDoc } from './schema';
import { error, MAX_PROBLEMS, type RawProblem } from './problem';
import { clip, suggest } from './suggest';
import { METRIC_NAMES, type MetricName, type NoteMetric } from './metrics';

export type Metric = MetricName;
export const METRICS: readonly Metric[] = METRIC_NAMES;

/** A policy with everything it inherits, durations still as written. */
export interface MergedPolicy {
  doc: PolicyDoc;
  /** Indices from the root ancestor down to this policy. */
  chain: number[];
  /** Every non-empty match from the root ancestor down: all must hold (a child narrows its parent). */
  matches: Match[];
  /** By lower-cased priority; `label` is the spelling of the policy that set it last. */
  targets: Map<string, { label: string } & Partial<Record<Metric, Duration>>>;
  name?: string;
  description?: string;
  calendar?: string;
  pauseOn?: string[];
  internalNotesCount?: NoteMetric[];
  warnAt?: Duration;
  aging?: AgingDoc;
  effective?: { from?: string; to?: string };
  objective?: string;
  credits?: CreditTierDoc[];
  creditCap?: string;
  fee?: FeeDoc;
}

/**
 * Organisation → customer → service is three. Each policy walks and copies its whole chain, so
 * without a bound a file of n policies each extending the one before costs n³ steps and n² matches.
 */
export const MAX_EXTENDS_DEPTH = 16;

const INHERITED = ['name', 'description', 'calendar', 'pauseOn', 'internalNotesCount', 'warnAt', 'aging', 'effective', 'objective', 'credits', 'creditCap', 'fee'] as const;

/**
 * Resolves `extends` (multi-level: organisation → customer → service). A child inherits every
 * field it does not set, except `id`; targets merge per priority and per metric; matches add up.
 * A policy whose chain is broken (unknown parent, cycle) resolves to null; the fault is reported
 * once, where it is written.
 */
export function resolveExtends(policies: readonly PolicyDoc[]): { merged: Array<MergedPolicy | null>; problems: RawProblem[] } {
  const byId = new Map<string, number>();
  policies.forEach((p, i) => byId.has(p.id) || byId.set(p.id, i));
  const problems: RawProblem[] = [];
  const reportedCycles = new Set<number>();

  const chains = policies.map((policy, i): number[] | null => {
    const chain = [i];
    let current = policy;
    while (current.extends !== undefined) {
      const parent = byId.get(current.extends);
      if (parent === undefined) {
        if (chain.length === 1) {
          const hint = problems.length < MAX_PROBLEMS ? suggest(current.extends, byId.keys()) : null;
          const vars = { id: clip(policy.id), parent: clip(current.extends) };
          problems.push(error(['policies', i, 'extends'], hint !== null ? t('cfg_extends_unknown_hint', { ...vars, hint }) : t('cfg_extends_unknown', vars)));
        }
        return null;
      }
      const loop = chain.indexOf(parent);
      if (loop !== -1) {
        // chain[k + 1] extends chain[k]; the circle is chain[0..loop]. Each member meets it;
        // report it once, on the member that comes first in the file.
        const members = chain.slice(0, loop + 1);
        const first = Math.min(...members);
        if (members.includes(i) && !reportedCycles.has(first)) {
          members.forEach((m) => reportedCycles.add(m));
          problems.push(error(['policies', first, 'extends'], t('cfg_extends_cycle', { cycle: cycleText(first, policies, byId) })));
        }
        return null;
      }
      if (chain.length > MAX_EXTENDS_DEPTH) {
        problems.push(error(['policies', i, 'extends'], tp('cfg_extends_too_deep', MAX_EXTENDS_DEPTH, { id: clip(policy.id) })));
        return null;
      }
      chain.unshift(parent);
      current = policies[parent]!;
    }
    return chain;
  });

  const merged = chains.map((chain) => (chain ? merge(chain, policies) : null));
  return { merged, problems };
}

/** "a → b → a", following `extends` from the policy at `start`. */
function cycleText(start: number, policies: readonly PolicyDoc[], byId: Map<string, number>): string {
  const names = [policies[start]!.id];
  let at = byId.get(policies[start]!.extends!)!;
  while (at !== start) {
    names.push(policies[at]!.id);
    at = byId.get(policies[at]!.extends!)!;
  }
  names.push(policies[start]!.id);
  return names.join(' → ');
}

function merge(chain: number[], policies: readonly PolicyDoc[]): MergedPolicy {
  const self = policies[chain[chain.length - 1]!]!;
  const out: MergedPolicy = { doc: self, chain, matches: [], targets: new Map() };
  for (const index of chain) {
    const p = policies[index]!;
    if (p.match && Object.keys(p.match).length > 0) out.matches.push(p.match);
    for (const key of INHERITED) if (p[key] !== undefined) (out as unknown as Record<string, unknown>)[key] = p[key];
    for (const [priority, target] of Object.entries(p.targets ?? {})) {
      const lower = priority.toLowerCase();
      const entry = out.targets.get(lower) ?? { label: priority };
      entry.label = priority;
      for (const metric of METRICS) if (target[metric] !== undefined) entry[metric] = target[metric];
      out.targets.set(lower, entry);
    }
  }
  return out;
}
