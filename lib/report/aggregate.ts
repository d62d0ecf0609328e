/**
 * The report's cells (issue 17 §1): the targets decided in a period, by one breakdown: agreement
 * (a child policy's targets count in its own row and in every ancestor's it `extends`, as service
 * → customer → corporate nest), organisation, priority, metric, site or team. Each cell keeps the
 * targets behind it, so a click can list them.
 */
import { t, type MessageKey } from '../i18n/core';
import { metricWords } from '../view/words';
import { compliancePercent } from './credits';
import type { DecidedTarget } from './decide';
import type { Period } from './periods';

export type Breakdown = 'agreement' | 'organization' | 'priority' | 'metric' | 'site' | 'team';

/** The breakdowns in the order the report offers them, each with its name's message. */
export const BREAKDOWNS: ReadonlyArray<{ id: Breakdown; label: MessageKey }> = [
  { id: 'agreement', label: 'report_agreement' },
  { id: 'organization', label: 'report_organisation' },
  { id: 'priority', label: 'report_priority' },
  { id: 'metric', label: 'report_metric' },
  { id: 'site', label: 'group_site' },
  { id: 'team', label: 'group_team' },
];

/** A breakdown's name in the language in use: `Agreement`, `Priority`… */
export const breakdownLabel = (id: Breakdown): string => t(BREAKDOWNS.find((b) => b.id === id)!.label);

export interface Cell {
  /** The breakdown value: a policy id, an organisation's name, `resolution`…; `''` for none. */
  key: string;
  label: string;
  /** Agreement rows: how deep in the `extends` tree (0: a root). */
  depth: number;
  decided: number;
  met: number;
  missed: number;
  /** Of `decided`, those from approximate figures. */
  approximate: number;
  /** Percent; null when nothing was decided. */
  compliance: number | null;
  targets: DecidedTarget[];
}

/** What aggregate needs of each policy: its name, and the one it extends. */
export interface PolicyNode {
  id: string;
  name: string;
  extends?: string | undefined;
}

/** The targets decided in `period` (`start <= decidedAt < end`). */
export const inPeriod = (targets: readonly DecidedTarget[], period: Pick<Period, 'start' | 'end'>): DecidedTarget[] => targets.filter((t) => t.decidedAt >= period.start && t.decidedAt < period.end);

/** The policy and each one it extends, nearest first; stops at a policy not in `policies` or a loop. */
export function ancestry(policyId: string, policies: ReadonlyMap<string, PolicyNode>): string[] {
  const chain = [policyId];
  for (let p = policies.get(policyId); p?.extends !== undefined && !chain.includes(p.extends); p = policies.get(p.extends)) chain.push(p.extends);
  return chain;
}

export function tally(targets: readonly DecidedTarget[], breakdown: Breakdown, policies: readonly PolicyNode[]): Cell[] {
  const byId = new Map(policies.map((p) => [p.id, p]));
  const cells = new Map<string, Cell>();
  const cellOf = (key: string, label: string, depth = 0): Cell => {
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { key, label, depth, decided: 0, met: 0, missed: 0, approximate: 0, compliance: null, targets: [] }));
    return c;
  };
  for (const target of targets) {
    const keys: Array<[string, string, number]> = [];
    switch (breakdown) {
      case 'agreement': {
        const chain = ancestry(target.policyId, byId);
        chain.forEach((id, i) => keys.push([id, byId.get(id)?.name ?? (id === target.policyId ? target.policyName : id), chain.length - 1 - i]));
        break;
      }
      case 'organization':
        keys.push([target.organization ?? '', target.organization ?? t('report_no_organisation'), 0]);
        break;
      case 'priority':
        keys.push([(target.priority ?? '').toLowerCase(), target.priority ?? t('report_no_priority'), 0]);
        break;
      case 'metric':
        keys.push([target.metric, metricWords(target.metric, true), 0]);
        break;
      case 'site':
        keys.push([target.site, target.site, 0]);
        break;
      case 'team':
        keys.push([target.team ?? '', target.team ?? t('no_team'), 0]);
        break;
    }
    for (const [key, label, depth] of keys) {
      const c = cellOf(key, label, depth);
      c.decided++;
      if (target.outcome === 'met') c.met++;
      else c.missed++;
      if (target.approximate) c.approximate++;
      c.targets.push(target);
    }
  }
  const out = [...cells.values()];
  for (const c of out) c.compliance = compliancePercent(c.met, c.decided);
  return breakdown === 'agreement' ? treeOrder(out, byId) : out.sort((a, b) => b.decided - a.decided || a.label.localeCompare(b.label));
}

/** Parents before their children, siblings by name: the nesting reads as the configuration writes it. */
function treeOrder(cells: Cell[], byId: ReadonlyMap<string, PolicyNode>): Cell[] {
  const present = new Map(cells.map((c) => [c.key, c]));
  const parentOf = (id: string) => {
    const p = byId.get(id)?.extends;
    return p !== undefined && present.has(p) ? p : undefined;
  };
  const children = new Map<string | undefined, Cell[]>();
  for (const c of cells) {
    const p = parentOf(c.key);
    children.set(p, [...(children.get(p) ?? []), c]);
  }
  const out: Cell[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | undefined) => {
    for (const c of (children.get(parent) ?? []).sort((a, b) => a.label.localeCompare(b.label))) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      out.push(c);
      visit(c.key);
    }
  };
  visit(undefined);
  return out;
}
