import type { HolidaySpec, Hours, WarnAt } from '../sla/index';
import type { LabelSet, Match } from './schema';
import { metricWords } from '../view/words';
import { BADGE_METRIC, METRIC_NAMES, type MetricName } from './metrics';
import type { ResolvedTarget } from './types';
import type { ScopeQuery, WatchScope } from '../watch/types';

/** Words for values in messages and change summaries, written the way the file writes them. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function formatDuration(ms: number): string {
  const h = Math.floor(ms / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  const s = Math.round((ms % MINUTE) / 1000);
  const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s ? `${s}s` : ''].join('');
  return parts || '0m';
}

export function formatWarnAt(warnAt: WarnAt): string {
  return 'fraction' in warnAt ? `${+(warnAt.fraction * 100).toFixed(4)}%` : `${formatDuration(warnAt.remainingMs)} left`;
}

/** 95 → "95%", 99.5 → "99.5%": as the file writes it (at most two decimals there). */
export function formatPercent(percent: number): string {
  return `${percent}%`;
}

/** "below 95% 5%, below 90% 10%": each tier's threshold, then its credit. */
export function formatCreditTiers(tiers: ReadonlyArray<{ below: number; credit: number }>): string {
  return tiers.map((t) => `below ${formatPercent(t.below)} ${formatPercent(t.credit)}`).join(', ');
}

/** Every decimal written, so two different fees never read the same. */
const amountFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 20 });

/** "12,000 EUR": the amount exactly as written, and the code. */
export function formatFee(fee: { amount: number; currency: string }): string {
  return `${amountFormat.format(fee.amount)} ${fee.currency}`;
}

/** "€12,000", "€12,000.50", "CHF 900": whole amounts without cents. */
export function formatMoney(amount: number, currency: string): string {
  const whole = Number.isInteger(amount) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  return new Intl.NumberFormat('en', { style: 'currency', currency, ...whole }).format(amount);
}

/** "5% of the fee below 95%, 10% below 90%": what each tier owes, for people rather than the file. */
export function describeCredits(tiers: ReadonlyArray<{ below: number; credit: number }>): string {
  return tiers.map((t, i) => `${formatPercent(t.credit)}${i === 0 ? ' of the fee' : ''} below ${formatPercent(t.below)}`).join(', ');
}

/** A configuration metric as people read it: `next reply` (`Next reply` with `capital`). */
export function metricLabel(metric: MetricName, capital = false): string {
  return metricWords(BADGE_METRIC[metric], capital);
}

/** The metrics a targets table shows: first response and resolution always, each other one where some priority has a target for it. */
export function metricsWithTargets(targets: Readonly<Record<string, ResolvedTarget>>): MetricName[] {
  const rows = Object.values(targets);
  return METRIC_NAMES.filter((m) => m === 'firstResponse' || m === 'resolution' || rows.some((t) => t[`${m}Ms`] !== undefined));
}

/** "no public update for 48h; in Waiting for customer or On hold for 72h": when a ticket is flagged as stale. */
export function formatAging(aging: { noPublicUpdateMs?: number; inStatusMs?: number; statuses?: string[] } | undefined): string {
  if (!aging) return 'none';
  const parts: string[] = [];
  if (aging.noPublicUpdateMs !== undefined) parts.push(`no public update for ${formatDuration(aging.noPublicUpdateMs)}`);
  if (aging.inStatusMs !== undefined) parts.push(`${aging.statuses?.length ? `in ${aging.statuses.join(' or ')}` : 'in any open status'} for ${formatDuration(aging.inStatusMs)}`);
  return parts.join('; ');
}

export function priorityLabel(label: string): string {
  return label === '*' ? '* (other priorities)' : label;
}

export function formatHours(hours: Hours | undefined): string {
  return hours && hours.length > 0 ? hours.map(([a, b]) => `${a}–${b}`).join(', ') : 'closed';
}

export function formatHoliday(h: HolidaySpec): string {
  if (typeof h === 'string') return h;
  const name = h.name ? ` (${h.name})` : '';
  if ('from' in h) return `${h.from} to ${h.to}${name}`;
  return h.hours ? `${h.date} open ${formatHours(h.hours)}${name}` : `${h.date}${name}`;
}

function labelText(word: string, set: LabelSet): string[] {
  const out: string[] = [];
  if (set.any) out.push(`${word} any of ${set.any.join(', ')}`);
  if (set.all) out.push(`${word} all of ${set.all.join(', ')}`);
  if (set.none?.length) out.push(`${word} none of ${set.none.join(', ')}`);
  return out;
}

/** "source jira, project SUP, labels any of enterprise"; "every ticket" for no conditions. */
export function describeMatch(matches: readonly Match[]): string {
  const parts: string[] = [];
  for (const m of matches) {
    for (const [key, value] of Object.entries(m)) {
      if (key === 'labels' || key === 'tags') parts.push(...labelText(key, value as LabelSet));
      else if (key === 'field') {
        for (const [f, v] of Object.entries(value as Record<string, unknown>)) parts.push(`field ${f} = ${String(v)}`);
      } else parts.push(`${key} ${Array.isArray(value) ? value.join(' or ') : String(value)}`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : 'every ticket';
}

/**
 * What a watched scope asks its site for, as a label: "Queue 7 of service desk 2", "JQL: project =
 * SUP". Plain text: a query is the admin's (or a page's) text, so callers render it as text only.
 */
export function describeScope(scope: Pick<WatchScope, 'query'>): string {
  const q: ScopeQuery = scope.query;
  switch (q.kind) {
    case 'jql':
      return `JQL: ${q.jql}`;
    case 'filter':
      return `Saved filter ${q.filter}`;
    case 'queue':
      return `Queue ${q.queue} of service desk ${q.serviceDesk}`;
    case 'view':
      return `View ${q.view}`;
    case 'search':
      return `Search: ${q.search}`;
  }
}

/**
 * The scope inside a sentence, site included: "queue 7 of service desk 2 on acme.atlassian.net",
 * "JQL “project = SUP” on acme.atlassian.net" (free text quoted, so the site is not read as part of it).
 */
export function scopePhrase(scope: Pick<WatchScope, 'query' | 'site'>): string {
  const q = scope.query;
  const what =
    q.kind === 'jql'
      ? `JQL “${q.jql}”`
      : q.kind === 'filter'
        ? `saved filter ${q.filter}`
        : q.kind === 'queue'
          ? `queue ${q.queue} of service desk ${q.serviceDesk}`
          : q.kind === 'view'
            ? `view ${q.view}`
            : `search “${q.search}”`;
  return `${what} on ${scope.site}`;
}

/** Keys sorted, so equal values compare equal whatever order the file wrote them in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
