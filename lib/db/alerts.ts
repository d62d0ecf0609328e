/**
 * Desktop alerts for team leads: when a ticket's metric turns at-risk or will breach within the
 * lead time, once per ticket and metric, outside quiet hours, on sites not switched off. This
 * module decides and remembers; the background shows them (`browser.notifications`).
 */
import type { BadgeMetric } from '../view/types';
import type { SlaLensDatabase, StoredTicket } from './database';
import type { CalendarSpecs } from '../view/calendars';
import { readView } from '../view/read-view';
import { metricWords } from '../view/words';
import { t, tp } from '../i18n/core';
import { runningUpTo } from './ticket-state';

export const ALERTS_KEY = 'alerts';
const MINUTE = 60_000;

export interface AlertSettings {
  enabled: boolean;
  /** Alert this long before a breach, at the latest (wall-clock minutes). */
  leadMinutes: number;
  /** No alerts from `from` to `to`, local time (`22:00`–`07:00` spans midnight); null: none. */
  quietHours: { from: string; to: string } | null;
  /** Sites (host names) that never alert. */
  mutedSites: string[];
}

export const DEFAULT_ALERTS: AlertSettings = { enabled: false, leadMinutes: 15, quietHours: null, mutedSites: [] };

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The settings as stored, each field checked; anything unusable falls back to its default. */
export function alertSettingsFrom(value: unknown): AlertSettings {
  const v = (value ?? {}) as Partial<Record<keyof AlertSettings, unknown>>;
  const quiet = v.quietHours as { from?: unknown; to?: unknown } | null | undefined;
  return {
    enabled: v.enabled === true,
    leadMinutes: typeof v.leadMinutes === 'number' && Number.isInteger(v.leadMinutes) && v.leadMinutes >= 1 && v.leadMinutes <= 24 * 60 ? v.leadMinutes : DEFAULT_ALERTS.leadMinutes,
    quietHours:
      quiet && typeof quiet.from === 'string' && typeof quiet.to === 'string' && HHMM.test(quiet.from) && HHMM.test(quiet.to) && quiet.from !== quiet.to ? { from: quiet.from, to: quiet.to } : null,
    mutedSites: Array.isArray(v.mutedSites) ? v.mutedSites.filter((s): s is string => typeof s === 'string').slice(0, 500) : [],
  };
}

/**
 * The organisation's alert defaults (its policy's `alerts`), written by the background where the
 * options page reads too: the settings in force until a person saves their own.
 */
export const ALERT_DEFAULTS_KEY = 'alertDefaults';

export interface AlertSettingsInForce {
  settings: AlertSettings;
  /** Where they come from: the person's own, the organisation's defaults, or SLA Lens's. */
  from: 'own' | 'organisation' | 'default';
}

export async function readAlertSettingsInForce(db: SlaLensDatabase): Promise<AlertSettingsInForce> {
  const [own, defaults] = await db.meta.bulkGet([ALERTS_KEY, ALERT_DEFAULTS_KEY]);
  if (own) return { settings: alertSettingsFrom(own.value), from: 'own' };
  if (defaults && typeof defaults.value === 'object' && defaults.value !== null) return { settings: alertSettingsFrom({ ...DEFAULT_ALERTS, ...defaults.value }), from: 'organisation' };
  return { settings: DEFAULT_ALERTS, from: 'default' };
}

export async function readAlertSettings(db: SlaLensDatabase): Promise<AlertSettings> {
  return (await readAlertSettingsInForce(db)).settings;
}

/**
 * Keeps the policy's alert defaults, or removes them when it has none. Only a change is written:
 * the policy is read at every start, and each write wakes the options page's live queries.
 */
export async function writeAlertDefaults(db: SlaLensDatabase, defaults: Partial<AlertSettings> | undefined): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get(ALERT_DEFAULTS_KEY))?.value;
    if (defaults === undefined) {
      if (stored !== undefined) await db.meta.delete(ALERT_DEFAULTS_KEY);
    } else if (JSON.stringify(stored) !== JSON.stringify(defaults)) {
      await db.meta.put({ key: ALERT_DEFAULTS_KEY, value: defaults });
    }
  });
}

export async function saveAlertSettings(db: SlaLensDatabase, settings: AlertSettings): Promise<AlertSettings> {
  const clean = alertSettingsFrom(settings);
  await db.meta.put({ key: ALERTS_KEY, value: clean });
  return clean;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Whether `localMinutes` (minutes since local midnight) falls in the quiet hours. */
export function isQuiet(settings: AlertSettings, localMinutes: number): boolean {
  if (!settings.quietHours) return false;
  const from = minutesOf(settings.quietHours.from);
  const to = minutesOf(settings.quietHours.to);
  return from < to ? localMinutes >= from && localMinutes < to : localMinutes >= from || localMinutes < to;
}

export interface Alert {
  /** Stable per ticket and metric: `sla|site|key|metric`. */
  id: string;
  site: string;
  key: string;
  metric: BadgeMetric;
  url?: string;
  title: string;
  message: string;
  dueAt: number;
}

export function alertId(site: string, key: string, metric: BadgeMetric): string {
  return `sla|${site}|${key}|${metric}`;
}

/** `sla|site|key|metric` back to its parts, or null for another notification. */
export function parseAlertId(id: string): { site: string; key: string; metric: string } | null {
  const parts = id.split('|');
  return parts.length === 4 && parts[0] === 'sla' ? { site: parts[1]!, key: parts[2]!, metric: parts[3]! } : null;
}

/** `First response (Standard) — Printer on fire`, with `(approximate)` when the figures rest on inferred data. */
function alertMessage(metric: string, policy: string, title: string | undefined, exact: boolean): string {
  const words = { metric, policy, title: title ?? '' };
  if (title) return t(exact ? 'db_alert_message_title' : 'db_alert_message_title_approx', words);
  return t(exact ? 'db_alert_message' : 'db_alert_message_approx', words);
}

function alertsFor(row: StoredTicket, calendars: CalendarSpecs, now: number, leadMs: number): Alert[] {
  const out: Alert[] = [];
  // Every clock of the view, not only the shown one: each metric alerts once.
  for (const { clock: c, state: s } of readView(row.view, calendars, now, { moments: false }).clocks) {
    if (row.notified?.includes(c.metric)) continue;
    // Already breached when first seen: the popup shows it; an alert would only be noise.
    const soon = s.state === 'ok' && s.dueAt - now <= leadMs;
    if (s.state !== 'at-risk' && !soon) continue;
    const minutes = Math.max(1, Math.round((s.dueAt - now) / MINUTE));
    out.push({
      id: alertId(row.site, row.key, c.metric),
      site: row.site,
      key: row.key,
      metric: c.metric,
      ...(row.facts.url !== undefined ? { url: row.facts.url } : {}),
      title: minutes < 60 ? tp('db_alert_title_minutes', minutes, { key: row.key }) : t('db_alert_title_hours', { key: row.key, hours: Math.floor(minutes / 60), minutes: minutes % 60 }),
      message: alertMessage(metricWords(c.metric, true), c.policyName || c.policyId, row.facts.title, row.view.exact),
      dueAt: s.dueAt,
    });
  }
  return out;
}

/** At most this many alerts a round, soonest first; the rest are told in one summary. */
export const ALERTS_PER_ROUND = 3;

export interface AlertNotification {
  id: string;
  title: string;
  message: string;
}

/**
 * What one round shows: the first alerts one by one, and one summary naming the rest, so a flood
 * of tickets (a bad morning, or a page that invents them) is one notification more, not fifty.
 */
function planRound(alerts: readonly Alert[], now: number): Array<{ notification: AlertNotification; covers: Alert[] }> {
  const single = alerts.slice(0, ALERTS_PER_ROUND).map((a) => ({ notification: { id: a.id, title: a.title, message: a.message }, covers: [a] }));
  const rest = alerts.slice(ALERTS_PER_ROUND);
  if (rest.length === 0) return single;
  const keys = [...new Set(rest.map((a) => a.key))];
  const named = keys.slice(0, 5).join(t('db_list_comma'));
  const message = keys.length > 5 ? tp('db_alert_summary_more', keys.length - 5, { keys: named }) : t('db_alert_summary', { keys: named });
  return [
    ...single,
    {
      notification: { id: `sla-summary|${now}`, title: tp('db_alert_summary_title', keys.length), message },
      covers: rest,
    },
  ];
}

/**
 * The alerts due at `now`, soonest first, not yet shown. Quiet hours hold them back (a ticket
 * still at risk afterwards alerts then). `localMinutes` is the user's local time of day.
 */
async function dueAlerts(db: SlaLensDatabase, now: number, localMinutes: number): Promise<Alert[]> {
  const settings = await readAlertSettings(db);
  if (!settings.enabled || isQuiet(settings, localMinutes)) return [];
  const leadMs = settings.leadMinutes * MINUTE;
  const muted = new Set(settings.mutedSites);
  return db.transaction('r', [db.tickets, db.calendars], async () => {
    const [risky, soon, calendarRows] = await Promise.all([runningUpTo(db, '[phase+riskAt]', now).toArray(), runningUpTo(db, '[phase+dueAt]', now + leadMs).toArray(), db.calendars.toArray()]);
    const calendars = Object.fromEntries(calendarRows.map((c) => [c.id, c.spec]));
    const rows = new Map<string, StoredTicket>();
    for (const r of [...risky, ...soon]) if (!muted.has(r.site)) rows.set(`${r.site}\u0000${r.key}`, r);
    return [...rows.values()].flatMap((row) => alertsFor(row, calendars, now, leadMs)).sort((a, b) => a.dueAt - b.dueAt);
  });
}

/** Remembers on each ticket that these alerts were shown. */
async function remember(db: SlaLensDatabase, alerts: readonly Alert[]): Promise<void> {
  await db.transaction('rw', db.tickets, async () => {
    for (const a of alerts) {
      const row = await db.tickets.get([a.site, a.key]);
      if (row && !row.notified?.includes(a.metric)) await db.tickets.update([a.site, a.key], { notified: [...(row.notified ?? []), a.metric] });
    }
  });
}

const rounds = new WeakMap<SlaLensDatabase, Promise<unknown>>();

/**
 * Shows this round's alerts through `notify` (planRound) and remembers each only once it was
 * shown: a notification that fails is tried again next round. Rounds take turns, so two that
 * start together never show the same alert twice. Returns what was shown.
 */
export function showDueAlerts(
  db: SlaLensDatabase,
  now: number,
  localMinutes: number,
  notify: (notification: AlertNotification) => Promise<unknown>,
  onError: (error: unknown) => void = () => undefined,
): Promise<Alert[]> {
  const round = async () => {
    const shown: Alert[] = [];
    for (const { notification, covers } of planRound(await dueAlerts(db, now, localMinutes), now)) {
      try {
        await notify(notification);
      } catch (error) {
        onError(error);
        continue;
      }
      await remember(db, covers);
      shown.push(...covers);
    }
    return shown;
  };
  const mine = (rounds.get(db) ?? Promise.resolve()).then(round, round);
  rounds.set(
    db,
    mine.catch(() => undefined),
  );
  return mine;
}
