import type { HolidaySpec, Hours, WarnAt } from '../sla/index';
import type { LabelSet, Match } from './schema';
import { metricWords } from '../view/words';
import { formatNumber, t } from '../i18n/core';
import { BADGE_METRIC, METRIC_NAMES, type MetricName } from './metrics';
import type { ResolvedTarget } from './types';
import type { ScopeQuery, WatchScope } from '../watch/types';

/**
 * Words for values in messages and change summaries, written the way the file writes them. The
 * file's own notation (durations such as `4h30m`, dates, keys such as `labels`) is kept as it is;
 * the words around it are the language in use's (lib/i18n).
 */

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
  return 'fraction' in warnAt ? formatPercent(+(warnAt.fraction * 100).toFixed(4)) : t('cfgf_warn_left', { time: formatDuration(warnAt.remainingMs) });
}

/** Every decimal written, so two different figures never read the same. */
const EVERY_DECIMAL = { maximumFractionDigits: 20 } as const;

/** 95 → "95%", 99.5 → "99.5%": every decimal the file wrote (at most two there), in the language's digits. */
export function formatPercent(percent: number): string {
  return t('cfgf_percent', { n: formatNumber(percent, EVERY_DECIMAL) });
}

/** Items side by side, where no "and" is wanted: "enterprise, eu". */
export function commaList(items: readonly string[]): string {
  return items.join(t('db_list_comma'));
}

/** "High or Urgent or Critical": each further alternative added the way two are joined, so the list reads the same in English whatever its length. */
export function orList(items: readonly string[]): string {
  return items.length === 0 ? '' : items.reduce((first, second) => t('cfgf_or', { first, second }));
}

/** "a and b and c": as `orList`, for things that are all meant. */
export function andList(items: readonly string[]): string {
  return items.length === 0 ? '' : items.reduce((first, second) => t('cfgf_and', { first, second }));
}

/** "below 95% 5%, below 90% 10%": each tier's threshold, then its credit. */
export function formatCreditTiers(tiers: ReadonlyArray<{ below: number; credit: number }>): string {
  return commaList(tiers.map((tier) => t('cfgf_credit_tier_file', { below: formatPercent(tier.below), credit: formatPercent(tier.credit) })));
}

/** "12,000 EUR": the amount exactly as written, and the code. */
export function formatFee(fee: { amount: number; currency: string }): string {
  return t('cfgf_fee', { amount: formatNumber(fee.amount, EVERY_DECIMAL), currency: fee.currency });
}

/** "€12,000", "€12,000.50", "CHF 900": whole amounts without cents. */
export function formatMoney(amount: number, currency: string): string {
  const whole = Number.isInteger(amount) ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  return formatNumber(amount, { style: 'currency', currency, ...whole });
}

/** "5% of the fee below 95%, 10% below 90%": what each tier owes, for people rather than the file. */
export function describeCredits(tiers: ReadonlyArray<{ below: number; credit: number }>): string {
  return commaList(tiers.map((tier, i) => t(i === 0 ? 'agr_credit_tier_first' : 'agr_credit_tier', { credit: formatPercent(tier.credit), below: formatPercent(tier.below) })));
}

/** A configuration metric as people read it: `next reply` (`Next reply` with `capital`). */
export function metricLabel(metric: MetricName, capital = false): string {
  return metricWords(BADGE_METRIC[metric], capital);
}

/** The metrics a targets table shows: first response and resolution always, each other one where some priority has a target for it. */
export function metricsWithTargets(targets: Readonly<Record<string, ResolvedTarget>>): MetricName[] {
  const rows = Object.values(targets);
  return METRIC_NAMES.filter((m) => m === 'firstResponse' || m === 'resolution' || rows.some((row) => row[`${m}Ms`] !== undefined));
}

/** "no public update for 48h; in Waiting for customer or On hold for 72h": when a ticket is flagged as stale. */
export function formatAging(aging: { noPublicUpdateMs?: number; inStatusMs?: number; statuses?: string[] } | undefined): string {
  if (!aging) return t('cfgf_aging_none');
  const parts: string[] = [];
  if (aging.noPublicUpdateMs !== undefined) parts.push(t('cfgf_aging_no_update', { time: formatDuration(aging.noPublicUpdateMs) }));
  if (aging.inStatusMs !== undefined) {
    const time = formatDuration(aging.inStatusMs);
    parts.push(aging.statuses?.length ? t('cfgf_aging_in_statuses', { statuses: orList(aging.statuses), time }) : t('cfgf_aging_any_status', { time }));
  }
  return parts.length === 2 ? t('cfgf_aging_both', { first: parts[0]!, second: parts[1]! }) : (parts[0] ?? '');
}

export function priorityLabel(label: string): string {
  return label === '*' ? t('cfgf_priority_rest') : label;
}

export function formatHours(hours: Hours | undefined): string {
  return hours && hours.length > 0 ? commaList(hours.map(([a, b]) => `${a}–${b}`)) : t('cfgf_hours_closed');
}

export function formatHoliday(h: HolidaySpec): string {
  if (typeof h === 'string') return h;
  const named = (holiday: string) => (h.name ? t('cfgf_holiday_named', { holiday, name: h.name }) : holiday);
  if ('from' in h) return named(t('cfgf_date_range', { from: h.from, to: h.to }));
  return named(h.hours ? t('cfgf_holiday_open', { date: h.date, hours: formatHours(h.hours) }) : h.date);
}

function labelText(key: string, set: LabelSet): string[] {
  const out: string[] = [];
  if (set.any) out.push(t('cfgf_match_any', { key, values: commaList(set.any) }));
  if (set.all) out.push(t('cfgf_match_all', { key, values: commaList(set.all) }));
  if (set.none?.length) out.push(t('cfgf_match_none', { key, values: commaList(set.none) }));
  return out;
}

/** "source jira, project SUP, labels any of enterprise"; "every ticket" for no conditions. */
export function describeMatch(matches: readonly Match[]): string {
  const parts: string[] = [];
  for (const m of matches) {
    for (const [key, value] of Object.entries(m)) {
      if (key === 'labels' || key === 'tags') parts.push(...labelText(key, value as LabelSet));
      else if (key === 'field') {
        for (const [f, v] of Object.entries(value as Record<string, unknown>)) parts.push(t('cfgf_match_field', { field: f, value: String(v) }));
      } else parts.push(t('cfgf_match_is', { key, values: Array.isArray(value) ? orList(value.map(String)) : String(value) }));
    }
  }
  return parts.length > 0 ? commaList(parts) : t('cfgf_match_every');
}

/**
 * What a watched scope asks its site for, as a label: "Queue 7 of service desk 2", "JQL: project =
 * SUP". Plain text: a query is the admin's (or a page's) text, so callers render it as text only.
 */
export function describeScope(scope: Pick<WatchScope, 'query'>): string {
  const q: ScopeQuery = scope.query;
  switch (q.kind) {
    case 'jql':
      return t('cfgf_scope_jql', { jql: q.jql });
    case 'filter':
      return t('cfgf_scope_filter', { filter: q.filter });
    case 'queue':
      return t('cfgf_scope_queue', { queue: q.queue, desk: q.serviceDesk });
    case 'view':
      return t('cfgf_scope_view', { view: q.view });
    case 'search':
      return t('cfgf_scope_search', { search: q.search });
  }
}

/**
 * The scope inside a sentence, site included: "queue 7 of service desk 2 on acme.atlassian.net",
 * "JQL “project = SUP” on acme.atlassian.net" (free text quoted, so the site is not read as part of it).
 */
export function scopePhrase(scope: Pick<WatchScope, 'query' | 'site'>): string {
  const q = scope.query;
  const site = scope.site;
  switch (q.kind) {
    case 'jql':
      return t('cfgf_scope_on_jql', { jql: q.jql, site });
    case 'filter':
      return t('cfgf_scope_on_filter', { filter: q.filter, site });
    case 'queue':
      return t('cfgf_scope_on_queue', { queue: q.queue, desk: q.serviceDesk, site });
    case 'view':
      return t('cfgf_scope_on_view', { view: q.view, site });
    case 'search':
      return t('cfgf_scope_on_search', { search: q.search, site });
  }
}

/** Keys sorted, so equal values compare equal whatever order the file wrote them in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
