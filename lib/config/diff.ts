import { WEEKDAYS, type CalendarSpec } from '../sla/index';
import { METRICS } from './extends';
import {
  canonical,
  commaList,
  describeMatch,
  formatAging,
  formatCreditTiers,
  formatDuration,
  formatFee,
  formatHoliday,
  formatHours,
  formatPercent,
  formatWarnAt,
  metricLabel,
  priorityLabel,
  scopePhrase,
} from './format';
import { t, uiLocale } from '../i18n/core';
import type { WatchScope } from '../watch/types';
import type { ConfigV1 } from './schema';
import type { ResolvedConfig, ResolvedPolicy } from './types';
import { validateConfig } from './validate';

/** One line of the summary an admin reads before applying a config, and in the amendment history. */
export interface ConfigChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  subject: 'calendar' | 'policy' | 'config';
  /** Calendar or policy id; `""` for the config itself, a watched scope's id for `watch`. */
  id: string;
  /** `name`, `sites`, `watch`, `timeZone`, `week.fri`, `holidays`, `match`, `calendar`, `targets.High.resolution`, `pauseOn`, `warnAt`, `effective`, `objective`, `credits`, `creditCap`, `fee`, `position`. */
  field?: string;
  /** The values as the summary shows them. */
  before?: string;
  after?: string;
  text: string;
}

const DAY_OFFSET = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;

/** "Monday": the weekday's name in the language in use (1 January 2024 was a Monday). */
function dayName(day: keyof typeof DAY_OFFSET): string {
  return new Intl.DateTimeFormat(uiLocale().tag, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + DAY_OFFSET[day]));
}

/**
 * What changes between two configs, in a fixed order: the config's name, sites and watched scopes, then calendars, then
 * policies (removed, added, moved, changed; each in file order). Documents are compared in their
 * resolved form, so a change to a parent policy shows on every child that inherits it — that is
 * what changes for tickets. `null` stands for "no config" (the first import).
 */
export function diffConfigs(before: ResolvedConfig | ConfigV1 | null, after: ResolvedConfig | ConfigV1 | null): ConfigChange[] {
  const a = normalize(before);
  const b = normalize(after);
  const out: ConfigChange[] = [];
  if ((a.name ?? '') !== (b.name ?? '')) {
    out.push({ kind: 'changed', subject: 'config', id: '', field: 'name', ...pair(a.name, b.name), text: t('cfgf_diff_config_name', { before: quoteOrNone(a.name), after: quoteOrNone(b.name) }) });
  }
  const sitesBefore = a.sites ?? [];
  const sitesAfter = b.sites ?? [];
  if (sitesBefore.join('\n') !== sitesAfter.join('\n')) {
    const list = (sites: string[]) => (sites.length === 0 ? undefined : commaList(sites));
    const text =
      sitesAfter.length === 0
        ? t('cfgf_diff_sites_none')
        : sitesBefore.length === 0
          ? t('cfgf_diff_sites_only_was_all', { sites: commaList(sitesAfter) })
          : t('cfgf_diff_sites_only', { sites: commaList(sitesAfter), before: commaList(sitesBefore) });
    out.push({ kind: 'changed', subject: 'config', id: '', field: 'sites', ...pair(list(sitesBefore), list(sitesAfter)), text });
  }
  if ((a.reportZone ?? '') !== (b.reportZone ?? '')) {
    const words = (zone: string | undefined) => zone ?? t('cfgf_diff_report_zone_default');
    const text = t('cfgf_diff_report_zone', { zone: words(b.reportZone), before: words(a.reportZone) });
    out.push({ kind: 'changed', subject: 'config', id: '', field: 'reportZone', ...pair(a.reportZone, b.reportZone), text });
  }
  out.push(...diffWatch(a.watch ?? [], b.watch ?? []));
  out.push(...diffCalendars(a.calendars, b.calendars));
  out.push(...diffPolicies(a.policies, b.policies));
  return out;
}

function normalize(input: ResolvedConfig | ConfigV1 | null): ResolvedConfig {
  if (input === null) return { calendars: {}, policies: [] };
  if (!('version' in input)) return input;
  const result = validateConfig(input);
  if (!result.ok) throw new Error(`diffConfigs needs valid configs: ${result.errors[0]!.path}: ${result.errors[0]!.message}`);
  return result.config;
}

function pair(before: string | undefined, after: string | undefined): { before?: string; after?: string } {
  return { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
}

const quoteOrNone = (s: string | undefined) => (s === undefined || s === '' ? t('cfgf_none_paren') : t('cfgf_quoted', { text: s }));
const orNone = (s: string | undefined) => s ?? t('cfgf_none_paren');

/**
 * Scopes are matched by id, which is their site and query: a scope whose query changed is another
 * scope (removed, added), one whose name changed is renamed. Their order changes nothing watched.
 */
function diffWatch(before: readonly WatchScope[], after: readonly WatchScope[]): ConfigChange[] {
  const out: ConfigChange[] = [];
  const was = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  const named = (s: WatchScope) => (s.name === undefined ? scopePhrase(s) : t('cfgf_diff_watch_named', { name: s.name, scope: scopePhrase(s) }));
  for (const s of before) {
    if (!now.has(s.id)) out.push({ kind: 'removed', subject: 'config', id: s.id, field: 'watch', before: scopePhrase(s), text: t('cfgf_diff_watch_removed', { scope: named(s) }) });
  }
  for (const s of after) {
    if (!was.has(s.id)) out.push({ kind: 'added', subject: 'config', id: s.id, field: 'watch', after: scopePhrase(s), text: t('cfgf_diff_watch_added', { scope: named(s) }) });
  }
  for (const s of after) {
    const old = was.get(s.id);
    if (!old || old.name === s.name) continue;
    const name = (n: string | undefined) => (n === undefined ? t('cfgf_no_name_paren') : t('adm_quoted', { text: n }));
    const text = t('cfgf_diff_watch_renamed', { before: name(old.name), after: name(s.name), scope: scopePhrase(s) });
    out.push({ kind: 'changed', subject: 'config', id: s.id, field: 'watch', ...pair(old.name, s.name), text });
  }
  return out;
}

function diffCalendars(before: Record<string, CalendarSpec>, after: Record<string, CalendarSpec>): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const id of Object.keys(before)) if (!Object.hasOwn(after, id)) out.push({ kind: 'removed', subject: 'calendar', id, text: t('cfgf_diff_calendar_removed', { id }) });
  for (const [id, cal] of Object.entries(after)) {
    if (!Object.hasOwn(before, id)) out.push({ kind: 'added', subject: 'calendar', id, text: t('cfgf_diff_calendar_added', { id, zone: cal.timeZone }) });
  }
  for (const [id, b] of Object.entries(after)) {
    const a = before[id];
    if (!a || !Object.hasOwn(before, id)) continue;
    const changed = (field: string, x: string | undefined, y: string | undefined, change: string) =>
      out.push({ kind: 'changed', subject: 'calendar', id, field, ...pair(x, y), text: t('cfgf_diff_calendar_changed', { id, change }) });
    if ((a.name ?? '') !== (b.name ?? '')) changed('name', a.name, b.name, t('cfgf_diff_cal_name', { before: quoteOrNone(a.name), after: quoteOrNone(b.name) }));
    if (a.timeZone !== b.timeZone) changed('timeZone', a.timeZone, b.timeZone, t('cfgf_diff_cal_zone', { before: a.timeZone, after: b.timeZone }));
    for (const day of WEEKDAYS) {
      const x = formatHours(a.week[day]);
      const y = formatHours(b.week[day]);
      if (x !== y) changed(`week.${day}`, x, y, t('cfgf_diff_cal_hours', { day: dayName(day), before: x, after: y }));
    }
    const was = new Map((a.holidays ?? []).map((h) => [canonical(h), h]));
    const now = new Map((b.holidays ?? []).map((h) => [canonical(h), h]));
    for (const [key, h] of was) if (!now.has(key)) changed('holidays', formatHoliday(h), undefined, t('cfgf_diff_cal_holiday_removed', { holiday: formatHoliday(h) }));
    for (const [key, h] of now) if (!was.has(key)) changed('holidays', undefined, formatHoliday(h), t('cfgf_diff_cal_holiday_added', { holiday: formatHoliday(h) }));
  }
  return out;
}

function diffPolicies(before: ResolvedPolicy[], after: ResolvedPolicy[]): ConfigChange[] {
  const out: ConfigChange[] = [];
  const was = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  for (const p of before) if (!now.has(p.id)) out.push({ kind: 'removed', subject: 'policy', id: p.id, text: t('cfgf_diff_policy_removed', { id: p.id }) });
  for (const p of after) {
    if (!was.has(p.id)) out.push({ kind: 'added', subject: 'policy', id: p.id, after: `${p.index + 1}`, text: t('cfgf_diff_policy_added', { id: p.id, n: p.index + 1 }) });
  }
  const common = after.filter((p) => was.has(p.id)).map((p) => p.id);
  const kept = longestCommonSubsequence(
    before.filter((p) => now.has(p.id)).map((p) => p.id),
    common,
  );
  for (const id of common) {
    if (kept.has(id)) continue;
    const from = was.get(id)!.index + 1;
    const to = now.get(id)!.index + 1;
    out.push({
      kind: 'moved',
      subject: 'policy',
      id,
      field: 'position',
      before: `${from}`,
      after: `${to}`,
      text: t('cfgf_diff_policy_moved', { id, from, to }),
    });
  }
  for (const p of after) {
    const old = was.get(p.id);
    if (old) out.push(...diffPolicy(old, p));
  }
  return out;
}

function diffPolicy(a: ResolvedPolicy, b: ResolvedPolicy): ConfigChange[] {
  const out: ConfigChange[] = [];
  const changed = (field: string, x: string | undefined, y: string | undefined, change: string) =>
    out.push({ kind: 'changed', subject: 'policy', id: b.id, field, ...pair(x, y), text: t('cfgf_diff_policy_changed', { id: b.id, change }) });
  if (a.name !== b.name) changed('name', a.name, b.name, t('cfgf_diff_pol_name', { before: a.name, after: b.name }));
  const ma = describeMatch(a.match);
  const mb = describeMatch(b.match);
  if (canonical(a.match) !== canonical(b.match)) changed('match', ma, mb, t('cfgf_diff_pol_match', { before: ma, after: mb }));
  if (a.calendarId !== b.calendarId) {
    changed('calendar', a.calendarId ?? undefined, b.calendarId ?? undefined, t('cfgf_diff_pol_calendar', { before: orNone(a.calendarId ?? undefined), after: orNone(b.calendarId ?? undefined) }));
  }

  const priorities = [...Object.keys(b.targets), ...Object.keys(a.targets).filter((k) => !Object.hasOwn(b.targets, k))];
  for (const priority of priorities) {
    const ta = Object.hasOwn(a.targets, priority) ? a.targets[priority] : undefined;
    const tb = Object.hasOwn(b.targets, priority) ? b.targets[priority] : undefined;
    const label = (tb ?? ta)!.label;
    for (const metric of METRICS) {
      const x = ta?.[`${metric}Ms`];
      const y = tb?.[`${metric}Ms`];
      if (x === y) continue;
      const what = { priority: priorityLabel(label), metric: metricLabel(metric) };
      const fx = x === undefined ? undefined : formatDuration(x);
      const fy = y === undefined ? undefined : formatDuration(y);
      const text =
        fx === undefined
          ? t('cfgf_diff_pol_target_new', { ...what, time: fy! })
          : fy === undefined
            ? t('cfgf_diff_pol_target_removed', { ...what, time: fx })
            : t('cfgf_diff_pol_target', { ...what, before: fx, after: fy });
      changed(`targets.${label}.${metric}`, fx, fy, text);
    }
  }

  const pa = commaList(a.pauseOn) || t('cfgf_nothing_paren');
  const pb = commaList(b.pauseOn) || t('cfgf_nothing_paren');
  if (pa !== pb) changed('pauseOn', pa, pb, t('cfgf_diff_pol_pause', { before: pa, after: pb }));
  const na = commaList((a.internalNotesCount ?? []).map((m) => metricLabel(m))) || t('cfgf_none_paren');
  const nb = commaList((b.internalNotesCount ?? []).map((m) => metricLabel(m))) || t('cfgf_none_paren');
  if (na !== nb) changed('internalNotesCount', na, nb, t('cfgf_diff_pol_notes', { before: na, after: nb }));
  const ga = formatAging(a.aging);
  const gb = formatAging(b.aging);
  if (ga !== gb) changed('aging', ga, gb, t('cfgf_diff_pol_stale', { before: ga, after: gb }));
  const wa = formatWarnAt(a.warnAt);
  const wb = formatWarnAt(b.warnAt);
  if (wa !== wb) changed('warnAt', wa, wb, t('cfgf_diff_pol_warn', { before: wa, after: wb }));
  const ea = formatPeriod(a.effective);
  const eb = formatPeriod(b.effective);
  if (ea !== eb) changed('effective', ea, eb, t('cfgf_diff_pol_effective', { before: ea, after: eb }));

  const percent = (p: number | undefined) => (p === undefined ? undefined : formatPercent(p));
  const oa = percent(a.objective);
  const ob = percent(b.objective);
  if (oa !== ob) changed('objective', oa, ob, t('cfgf_diff_pol_objective', { before: orNone(oa), after: orNone(ob) }));
  // Tiers are one schedule: a list of per-tier changes would hide that the whole table is replaced.
  const ca = a.credits && formatCreditTiers(a.credits);
  const cb = b.credits && formatCreditTiers(b.credits);
  if (ca !== cb) {
    const text =
      ca === undefined
        ? t('cfgf_diff_pol_credits_added', { after: cb! })
        : cb === undefined
          ? t('cfgf_diff_pol_credits_removed', { before: ca })
          : t('cfgf_diff_pol_credits_changed', { after: cb, before: ca });
    changed('credits', ca, cb, text);
  }
  const capA = percent(a.creditCap);
  const capB = percent(b.creditCap);
  if (capA !== capB) changed('creditCap', capA, capB, t('cfgf_diff_pol_cap', { before: orNone(capA), after: orNone(capB) }));
  const fa = a.fee && formatFee(a.fee);
  const fb = b.fee && formatFee(b.fee);
  if (fa !== fb) changed('fee', fa, fb, t('cfgf_diff_pol_fee', { before: orNone(fa), after: orNone(fb) }));
  return out;
}

function formatPeriod(p: { from?: string; to?: string } | undefined): string {
  if (!p || (p.from === undefined && p.to === undefined)) return t('cfgf_period_always');
  if (p.to === undefined) return t('cfgf_period_from', { from: p.from! });
  if (p.from === undefined) return t('cfgf_period_until', { to: p.to });
  return t('cfgf_date_range', { from: p.from, to: p.to });
}

/**
 * Ids that keep their relative order; the others are reported as moved. On a tie the policy that
 * rose is the one reported: moving a policy up is how an admin gives it precedence.
 */
function longestCommonSubsequence(a: string[], b: string[]): Set<string> {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! > table[i]![j + 1]!) i++;
    else j++;
  }
  return kept;
}
