import type { TicketFacts } from '../sla/index';
import type { LabelSet, Match } from './schema';
import { NAME_KEYS } from './schema-match';
import type { ApplicablePolicy, ResolvedConfig, ResolvedPolicy, ResolvedTarget } from './types';
import type { MetricName } from './metrics';

/**
 * Which policy applies to a ticket, for one metric. This runs for every ticket on a page, twice,
 * so a policy's match is compiled once into plain predicates (cached per policy object, so the
 * resolved config itself stays plain, storable data) and the ticket's names are lower-cased
 * lazily, only when some policy asks for them.
 */
export type { MetricName } from './metrics';

export interface PolicyMatch {
  policy: ApplicablePolicy;
  targetMs: number;
}

type Check = (ticket: TicketView) => boolean;

type Aliased = keyof NonNullable<TicketFacts['aliases']>;
const isAliased = (key: string): key is Aliased => key === 'group' || key === 'organization' || key === 'assignee';

/**
 * What a ticket answers to for a name condition, lower-cased: its name, and for the group,
 * organization and assignee also the alias its source gave (an id, where the tool's own policies
 * name them by id).
 */
export function namesOf(facts: TicketFacts, key: (typeof NAME_KEYS)[number]): string[] {
  const name = facts[key]?.toLowerCase();
  const alias = isAliased(key) ? facts.aliases?.[key] : undefined;
  const aliases = alias !== undefined && alias !== '' ? [alias.toLowerCase()] : [];
  return name === undefined ? aliases : [name, ...aliases];
}

class TicketView {
  private labelSet: Set<string> | undefined;
  private fieldKeys: Map<string, string> | undefined;
  constructor(readonly facts: TicketFacts) {}

  private nameLists: Map<string, string[]> | undefined;

  /** Computed once per key: a ticket is checked against many policies. */
  names(key: (typeof NAME_KEYS)[number]): string[] {
    this.nameLists ??= new Map();
    let names = this.nameLists.get(key);
    if (!names) this.nameLists.set(key, (names = namesOf(this.facts, key)));
    return names;
  }

  get labels(): Set<string> {
    this.labelSet ??= new Set((this.facts.labels ?? []).map((l) => l.toLowerCase()));
    return this.labelSet;
  }

  field(key: string): unknown {
    const fields = this.facts.fields;
    if (!fields) return undefined;
    if (Object.hasOwn(fields, key)) return fields[key];
    this.fieldKeys ??= new Map(Object.keys(fields).map((k) => [k.toLowerCase(), k]));
    const actual = this.fieldKeys.get(key.toLowerCase());
    return actual === undefined ? undefined : fields[actual];
  }
}

const compiled = new WeakMap<ResolvedPolicy, Check[]>();

function checksFor(policy: ResolvedPolicy): Check[] {
  let checks = compiled.get(policy);
  if (!checks) {
    checks = policy.match.flatMap(compileMatch);
    compiled.set(policy, checks);
  }
  return checks;
}

/** A compiled site glob; `steps` counts character comparisons, so tests can bound the work. */
export interface SiteGlob {
  test(host: string, steps?: { count: number }): boolean;
}

/**
 * `*` stands for any run of characters; everything else is literal; case-insensitive. Not a
 * RegExp: `.*` runs backtrack exponentially (`*e*e*e…x` against a host full of e's), and this runs
 * in the background for every ticket. With only `*`, taking each literal part at its leftmost
 * place after the one before is always right, so one pass suffices: at most
 * (host length + 1) × glob length comparisons.
 */
export function siteGlob(glob: string): SiteGlob {
  const parts = glob.trim().toLowerCase().split('*');
  const first = parts[0]!;
  const last = parts.length > 1 ? parts[parts.length - 1]! : null;
  const middle = parts.slice(1, -1).filter((p) => p !== '');
  return {
    test(host, steps = { count: 0 }) {
      const text = host.toLowerCase();
      const at = (part: string, pos: number) => {
        for (let k = 0; k < part.length; k++) {
          steps.count++;
          if (text.charCodeAt(pos + k) !== part.charCodeAt(k)) return false;
        }
        return true;
      };
      if (last === null) return text.length === first.length && at(first, 0);
      if (text.length < first.length + last.length || !at(first, 0)) return false;
      const end = text.length - last.length;
      if (!at(last, end)) return false;
      let pos = first.length;
      for (const part of middle) {
        let found = -1;
        for (let i = pos; i + part.length <= end; i++) {
          steps.count++;
          if (at(part, i)) {
            found = i;
            break;
          }
        }
        if (found === -1) return false;
        pos = found + part.length;
      }
      return true;
    },
  };
}

const list = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

function compileLabels(set: LabelSet): Check[] {
  const checks: Check[] = [];
  const lower = (values: string[] | undefined) => (values ?? []).map((v) => v.toLowerCase());
  const any = lower(set.any);
  const all = lower(set.all);
  const none = lower(set.none);
  if (any.length > 0) checks.push((t) => any.some((l) => t.labels.has(l)));
  if (all.length > 0) checks.push((t) => all.every((l) => t.labels.has(l)));
  if (none.length > 0) checks.push((t) => !none.some((l) => t.labels.has(l)));
  return checks;
}

/** A custom field's value equals `expected` (lower-cased), or one of its values does. */
export function fieldEquals(actual: unknown, expected: string): boolean {
  if (Array.isArray(actual)) return actual.some((v) => fieldEquals(v, expected));
  if (typeof actual === 'string' || typeof actual === 'number' || typeof actual === 'boolean') {
    return String(actual).toLowerCase() === expected;
  }
  return false;
}

export function compileMatch(match: Match): Check[] {
  const checks: Check[] = [];
  if (match.source !== undefined) {
    const source = match.source;
    checks.push((t) => t.facts.source === source);
  }
  if (match.site !== undefined) {
    const globs = list(match.site).map(siteGlob);
    checks.push((t) => globs.some((g) => g.test(t.facts.site)));
  }
  for (const key of NAME_KEYS) {
    if (key === 'site' || match[key] === undefined) continue;
    const allowed = new Set(list(match[key]).map((v) => v.toLowerCase()));
    checks.push((t) => t.names(key).some((value) => allowed.has(value)));
  }
  if (match.labels) checks.push(...compileLabels(match.labels));
  if (match.tags) checks.push(...compileLabels(match.tags));
  for (const [key, value] of Object.entries(match.field ?? {})) {
    const expected = String(value).toLowerCase();
    checks.push((t) => fieldEquals(t.field(key), expected));
  }
  return checks;
}

/** A policy's target in ms for a priority (already lower-cased) and metric: exact priority first, then "*". */
export function targetFor(policy: ResolvedPolicy, priority: string | undefined, metric: MetricName): number | undefined {
  const key = `${metric}Ms` as const;
  const targets = policy.targets;
  if (priority !== undefined && Object.hasOwn(targets, priority)) {
    const ms = (targets[priority] as ResolvedTarget)[key];
    if (ms !== undefined) return ms;
  }
  return Object.hasOwn(targets, '*') ? (targets['*'] as ResolvedTarget)[key] : undefined;
}

/** Whether the ticket meets the policy's match and effective period (targets aside). */
export function policyMatches(policy: ResolvedPolicy, ticket: TicketFacts): boolean {
  return matchesView(policy, new TicketView(ticket));
}

function matchesView(policy: ResolvedPolicy, view: TicketView): boolean {
  const period = policy.effectiveMs;
  if (period) {
    const created = view.facts.created;
    if (period.from !== undefined && created < period.from) return false;
    if (period.until !== undefined && created >= period.until) return false;
  }
  for (const check of checksFor(policy)) if (!check(view)) return false;
  return true;
}

type IndexedKey = Exclude<(typeof NAME_KEYS)[number], 'site'> | 'labels' | 'source';

/**
 * A configuration's policies filed by one required condition each, so a ticket is checked only
 * against policies that could match it. Each policy is filed under its most selective condition
 * that names values (a project, a label, an issue type…): a ticket that meets the policy must
 * have one of those values, so looking up the ticket's own values finds every policy that can
 * match. Policies with no such condition (catch-alls, site- or field-only) are always candidates.
 */
interface PolicyIndex {
  byValue: Map<IndexedKey, Map<string, number[]>>;
  always: number[];
}

const indexes = new WeakMap<ResolvedConfig, PolicyIndex>();

/** The values one condition requires, as [key, values], for every condition of the policy that names values. */
function requirements(policy: ResolvedPolicy): Array<[IndexedKey, string[]]> {
  const out: Array<[IndexedKey, string[]]> = [];
  for (const m of policy.match) {
    if (m.source !== undefined) out.push(['source', [m.source]]);
    for (const key of NAME_KEYS) {
      if (key === 'site' || m[key] === undefined) continue;
      out.push([key, list(m[key]).map((v) => v.toLowerCase())]);
    }
    for (const set of [m.labels, m.tags]) {
      if (set?.any?.length) out.push(['labels', set.any.map((l) => l.toLowerCase())]);
      if (set?.all?.length) out.push(['labels', [set.all[0]!.toLowerCase()]]);
    }
  }
  return out;
}

function indexOf(config: ResolvedConfig): PolicyIndex {
  let index = indexes.get(config);
  if (index) return index;
  const reqs = config.policies.map(requirements);
  const frequency = new Map<string, number>();
  for (const rs of reqs) for (const [key, values] of rs) for (const v of values) frequency.set(`${key}\u0000${v}`, (frequency.get(`${key}\u0000${v}`) ?? 0) + 1);
  index = { byValue: new Map(), always: [] };
  reqs.forEach((rs, i) => {
    let best: [IndexedKey, string[]] | undefined;
    let bestCost = Infinity;
    for (const r of rs) {
      const cost = r[1].reduce((sum, v) => sum + (frequency.get(`${r[0]}\u0000${v}`) ?? 0), 0);
      if (cost < bestCost) [best, bestCost] = [r, cost];
    }
    if (!best) {
      index!.always.push(i);
      return;
    }
    const byKey = index!.byValue.get(best[0]) ?? new Map<string, number[]>();
    index!.byValue.set(best[0], byKey);
    for (const v of new Set(best[1])) byKey.set(v, [...(byKey.get(v) ?? []), i]);
  });
  indexes.set(config, index);
  return index;
}

/** Positions of the policies that could match the ticket, in precedence order. */
function candidates(index: PolicyIndex, view: TicketView): number[] {
  const found: number[][] = [index.always];
  for (const [key, byKey] of index.byValue) {
    if (key === 'labels') {
      for (const label of view.labels) {
        const hit = byKey.get(label);
        if (hit) found.push(hit);
      }
    } else {
      for (const value of key === 'source' ? [view.facts.source] : view.names(key)) {
        const hit = byKey.get(value);
        if (hit) found.push(hit);
      }
    }
  }
  if (found.length === 1) return index.always;
  return [...new Set(found.flat())].sort((a, b) => a - b);
}

/**
 * The first policy, in file order, that matches the ticket and has a target for the metric at the
 * ticket's priority (exact name, case-insensitive, else "*"). A policy that matches but has no such
 * target lets the search go on, as in Zendesk and Jira Service Management.
 */
export function matchPolicy(config: ResolvedConfig, ticket: TicketFacts, metric: MetricName): PolicyMatch | null {
  const priority = ticket.priority?.toLowerCase();
  const view = new TicketView(ticket);
  for (const i of candidates(indexOf(config), view)) {
    const policy = config.policies[i]!;
    if (policy.calendarId === null) continue;
    const targetMs = targetFor(policy, priority, metric);
    if (targetMs === undefined) continue;
    if (matchesView(policy, view)) return { policy: policy as ApplicablePolicy, targetMs };
  }
  return null;
}

/**
 * Whether tickets from `site` are the organisation's: every site is while the configuration
 * declares none (what a configuration without `sites` always meant); otherwise a declared site or
 * a self-hosted one an admin added.
 */
export function isDeclaredSite(config: ResolvedConfig, site: string, selfHosted: ReadonlySet<string>): boolean {
  if (!config.sites?.length || selfHosted.has(site)) return true;
  return config.sites.some((glob) => siteGlob(glob).test(site));
}

/**
 * The configuration as it applies to a site that is not the organisation's: only the policies
 * that name that site in their match, so a vendor's or a customer's Jira gets a badge only where
 * the admin said so.
 */
export function namingSite(config: ResolvedConfig, site: string): ResolvedConfig {
  const names = (match: Match) => match.site !== undefined && [match.site].flat().some((glob) => siteGlob(glob).test(site));
  return { ...config, policies: config.policies.filter((p) => p.match.some(names)) };
}
