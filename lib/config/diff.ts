import { WEEKDAYS, type CalendarSpec } from '../sla/index';
import { METRICS } from './extends';
import {
  canonical,
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

const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };

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
    out.push({ kind: 'changed', subject: 'config', id: '', field: 'name', ...pair(a.name, b.name), text: `Config name ${quoteOrNone(a.name)} → ${quoteOrNone(b.name)}` });
  }
  const sitesBefore = a.sites ?? [];
  const sitesAfter = b.sites ?? [];
  if (sitesBefore.join('\n') !== sitesAfter.join('\n')) {
    const list = (sites: string[]) => (sites.length === 0 ? undefined : sites.join(', '));
    const text =
      sitesAfter.length === 0
        ? 'Sites: none declared, so every Jira and Zendesk site counts'
        : `Sites: only ${sitesAfter.join(', ')} count${sitesBefore.length === 0 ? ' (before: every site)' : ` (before: ${sitesBefore.join(', ')})`}`;
    out.push({ kind: 'changed', subject: 'config', id: '', field: 'sites', ...pair(list(sitesBefore), list(sitesAfter)), text });
  }
  if ((a.reportZone ?? '') !== (b.reportZone ?? '')) {
    const words = (zone: string | undefined) => zone ?? 'the zone most agreements keep';
    out.push({ kind: 'changed', subject: 'config', id: '', field: 'reportZone', ...pair(a.reportZone, b.reportZone), text: `Report zone: ${words(b.reportZone)} (before: ${words(a.reportZone)})` });
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

const quoteOrNone = (s: string | undefined) => (s === undefined || s === '' ? '(none)' : `"${s}"`);

/**
 * Scopes are matched by id, which is their site and query: a scope whose query changed is another
 * scope (removed, added), one whose name changed is renamed. Their order changes nothing watched.
 */
function diffWatch(before: readonly WatchScope[], after: readonly WatchScope[]): ConfigChange[] {
  const out: ConfigChange[] = [];
  const was = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  const named = (s: WatchScope) => (s.name === undefined ? scopePhrase(s) : `“${s.name}” (${scopePhrase(s)})`);
  for (const s of before) {
    if (!now.has(s.id)) out.push({ kind: 'removed', subject: 'config', id: s.id, field: 'watch', before: scopePhrase(s), text: `Watch: removed ${named(s)}` });
  }
  for (const s of after) {
    if (!was.has(s.id)) out.push({ kind: 'added', subject: 'config', id: s.id, field: 'watch', after: scopePhrase(s), text: `Watch: added ${named(s)}` });
  }
  for (const s of after) {
    const old = was.get(s.id);
    if (!old || old.name === s.name) continue;
    const name = (n: string | undefined) => (n === undefined ? '(no name)' : `“${n}”`);
    out.push({ kind: 'changed', subject: 'config', id: s.id, field: 'watch', ...pair(old.name, s.name), text: `Watch: renamed ${name(old.name)} → ${name(s.name)} (${scopePhrase(s)})` });
  }
  return out;
}

function diffCalendars(before: Record<string, CalendarSpec>, after: Record<string, CalendarSpec>): ConfigChange[] {
  const out: ConfigChange[] = [];
  for (const id of Object.keys(before)) if (!Object.hasOwn(after, id)) out.push({ kind: 'removed', subject: 'calendar', id, text: `Calendar "${id}" removed` });
  for (const [id, cal] of Object.entries(after)) {
    if (!Object.hasOwn(before, id)) out.push({ kind: 'added', subject: 'calendar', id, text: `Calendar "${id}" added (${cal.timeZone})` });
  }
  for (const [id, b] of Object.entries(after)) {
    const a = before[id];
    if (!a || !Object.hasOwn(before, id)) continue;
    const changed = (field: string, x: string | undefined, y: string | undefined, text: string) =>
      out.push({ kind: 'changed', subject: 'calendar', id, field, ...pair(x, y), text: `Calendar "${id}": ${text}` });
    if ((a.name ?? '') !== (b.name ?? '')) changed('name', a.name, b.name, `name ${quoteOrNone(a.name)} → ${quoteOrNone(b.name)}`);
    if (a.timeZone !== b.timeZone) changed('timeZone', a.timeZone, b.timeZone, `time zone ${a.timeZone} → ${b.timeZone}`);
    for (const day of WEEKDAYS) {
      const x = formatHours(a.week[day]);
      const y = formatHours(b.week[day]);
      if (x !== y) changed(`week.${day}`, x, y, `${DAY_NAMES[day]} hours ${x} → ${y}`);
    }
    const was = new Map((a.holidays ?? []).map((h) => [canonical(h), h]));
    const now = new Map((b.holidays ?? []).map((h) => [canonical(h), h]));
    for (const [key, h] of was) if (!now.has(key)) changed('holidays', formatHoliday(h), undefined, `holiday ${formatHoliday(h)} removed`);
    for (const [key, h] of now) if (!was.has(key)) changed('holidays', undefined, formatHoliday(h), `holiday ${formatHoliday(h)} added`);
  }
  return out;
}

function diffPolicies(before: ResolvedPolicy[], after: ResolvedPolicy[]): ConfigChange[] {
  const out: ConfigChange[] = [];
  const was = new Map(before.map((p) => [p.id, p]));
  const now = new Map(after.map((p) => [p.id, p]));
  for (const p of before) if (!now.has(p.id)) out.push({ kind: 'removed', subject: 'policy', id: p.id, text: `Policy "${p.id}" removed` });
  for (const p of after) {
    if (!was.has(p.id)) out.push({ kind: 'added', subject: 'policy', id: p.id, after: `${p.index + 1}`, text: `Policy "${p.id}" added at position ${p.index + 1}` });
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
      text: `Policy "${id}" moved from position ${from} to ${to} (the first matching policy applies)`,
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
  const changed = (field: string, x: string | undefined, y: string | undefined, text: string) =>
    out.push({ kind: 'changed', subject: 'policy', id: b.id, field, ...pair(x, y), text: `Policy "${b.id}": ${text}` });
  if (a.name !== b.name) changed('name', a.name, b.name, `name "${a.name}" → "${b.name}"`);
  const ma = describeMatch(a.match);
  const mb = describeMatch(b.match);
  if (canonical(a.match) !== canonical(b.match)) changed('match', ma, mb, `match ${ma} → ${mb}`);
  if (a.calendarId !== b.calendarId) changed('calendar', a.calendarId ?? undefined, b.calendarId ?? undefined, `calendar ${a.calendarId ?? '(none)'} → ${b.calendarId ?? '(none)'}`);

  const priorities = [...Object.keys(b.targets), ...Object.keys(a.targets).filter((k) => !Object.hasOwn(b.targets, k))];
  for (const priority of priorities) {
    const ta = Object.hasOwn(a.targets, priority) ? a.targets[priority] : undefined;
    const tb = Object.hasOwn(b.targets, priority) ? b.targets[priority] : undefined;
    const label = (tb ?? ta)!.label;
    for (const metric of METRICS) {
      const x = ta?.[`${metric}Ms`];
      const y = tb?.[`${metric}Ms`];
      if (x === y) continue;
      const what = `${priorityLabel(label)} ${metricLabel(metric)} target`;
      const fx = x === undefined ? undefined : formatDuration(x);
      const fy = y === undefined ? undefined : formatDuration(y);
      const text = fx === undefined ? `new ${what} ${fy}` : fy === undefined ? `${what} ${fx} removed` : `${what} ${fx} → ${fy}`;
      changed(`targets.${label}.${metric}`, fx, fy, text);
    }
  }

  const pa = a.pauseOn.join(', ') || '(nothing)';
  const pb = b.pauseOn.join(', ') || '(nothing)';
  if (pa !== pb) changed('pauseOn', pa, pb, `pauses on ${pa} → ${pb}`);
  const na = (a.internalNotesCount ?? []).map((m) => metricLabel(m)).join(', ') || '(none)';
  const nb = (b.internalNotesCount ?? []).map((m) => metricLabel(m)).join(', ') || '(none)';
  if (na !== nb) changed('internalNotesCount', na, nb, `internal notes count for ${na} → ${nb}`);
  const ga = formatAging(a.aging);
  const gb = formatAging(b.aging);
  if (ga !== gb) changed('aging', ga, gb, `flags as stale: ${ga} → ${gb}`);
  const wa = formatWarnAt(a.warnAt);
  const wb = formatWarnAt(b.warnAt);
  if (wa !== wb) changed('warnAt', wa, wb, `warning threshold ${wa} → ${wb}`);
  const ea = formatPeriod(a.effective);
  const eb = formatPeriod(b.effective);
  if (ea !== eb) changed('effective', ea, eb, `effective period ${ea} → ${eb}`);

  const percent = (p: number | undefined) => (p === undefined ? undefined : formatPercent(p));
  const oa = percent(a.objective);
  const ob = percent(b.objective);
  if (oa !== ob) changed('objective', oa, ob, `objective ${oa ?? '(none)'} → ${ob ?? '(none)'}`);
  // Tiers are one schedule: a list of per-tier changes would hide that the whole table is replaced.
  const ca = a.credits && formatCreditTiers(a.credits);
  const cb = b.credits && formatCreditTiers(b.credits);
  if (ca !== cb) {
    const text = ca === undefined ? `credit tiers added: ${cb}` : cb === undefined ? `credit tiers removed (were: ${ca})` : `credit tiers changed: ${cb} (before: ${ca})`;
    changed('credits', ca, cb, text);
  }
  const capA = percent(a.creditCap);
  const capB = percent(b.creditCap);
  if (capA !== capB) changed('creditCap', capA, capB, `credit cap ${capA ?? '(none)'} → ${capB ?? '(none)'}`);
  const fa = a.fee && formatFee(a.fee);
  const fb = b.fee && formatFee(b.fee);
  if (fa !== fb) changed('fee', fa, fb, `fee ${fa ?? '(none)'} → ${fb ?? '(none)'}`);
  return out;
}

function formatPeriod(p: { from?: string; to?: string } | undefined): string {
  if (!p || (p.from === undefined && p.to === undefined)) return 'always';
  if (p.to === undefined) return `from ${p.from}`;
  if (p.from === undefined) return `until ${p.to}`;
  return `${p.from} to ${p.to}`;
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
