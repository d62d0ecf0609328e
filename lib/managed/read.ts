/**
 * What an organisation's browser policy (`storage.managed`) asks of SLA Lens (issue 15 §1), read
 * from whatever the browser hands over. Chrome drops values of the wrong type before they arrive
 * (lib/managed/schema.ts); Firefox validates nothing, so anything may arrive there, and a value
 * SLA Lens cannot use is reported in a plain sentence instead of failing the rest. The background
 * reads this on every start: it stays pure and light, with no zod, Dexie or configuration layer.
 */
import type { AlertSettings } from '../db/alerts';
import { MAX_SUBSCRIBED_BYTES } from '../subscription/fetch-config';
import { clampRefresh, REFRESH_CEILING_MINUTES, REFRESH_DEFAULT_MINUTES, REFRESH_FLOOR_MINUTES } from '../subscription/state';
import { formatNumber, t, tp } from '../i18n/core';

/** Browsers and servers commonly refuse longer URLs; a longer value is a pasted file, not an address. */
export const MAX_URL_LENGTH = 2048;
export const MAX_SITES = 200;
/** The same 5 MB as a file imported by hand or downloaded from a configuration URL. */
export const MAX_INLINE_CONFIG_BYTES = MAX_SUBSCRIBED_BYTES;
/** A policy full of junk must not bury the options page in lines. */
export const MAX_IGNORED_LISTED = 50;
/** The alert lead time the options page accepts (lib/db/alerts.ts `alertSettingsFrom`). */
const MAX_LEAD_MINUTES = 24 * 60;

export const MANAGED_KEYS = ['configUrl', 'refreshMinutes', 'config', 'locked', 'sites', 'alerts'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

/** An inline configuration, passed on unchecked: the configuration layer validates it like any import. */
export type ManagedConfig = { kind: 'object'; value: Record<string, unknown> } | { kind: 'text'; value: string };

/** Defaults for the alert settings a team lead has on the options page, each one optional. */
export type ManagedAlertDefaults = Partial<AlertSettings>;

export interface ManagedSettings {
  configUrl?: string;
  refreshMinutes?: number;
  config?: ManagedConfig;
  locked?: boolean;
  /** Lower-case host names, each once. */
  sites?: string[];
  alerts?: ManagedAlertDefaults;
}

export interface ManagedIgnored {
  key: string;
  reason: string;
}

export interface ManagedReading {
  settings: ManagedSettings;
  /** The top-level keys applied, in the order of `MANAGED_KEYS`. */
  inForce: string[];
  /** Keys, sub-keys and list entries that were not applied, each with a sentence that starts with its key. */
  ignored: ManagedIgnored[];
  /** Values applied after a change, such as a refresh interval raised to the floor. */
  notes: string[];
}

interface Collect {
  ignore(key: string, reason: string): void;
  note(text: string): void;
}

/** A value as the admin wrote it, short enough for one line (JSON's own words stay as they are). */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return t('mgd_value_nothing');
  if (Array.isArray(value)) return t('mgd_value_list');
  return typeof value === 'object' ? t('mgd_value_object') : t('mgd_value_typed', { type: typeof value });
}

/** Names written in the policy (host names, setting names), listed without "and". */
const names = (items: readonly string[]) => items.join(t('db_list_comma'));

/** A key from the policy, which may be anything an admin typed. */
function keyShown(key: string): string {
  return key.length > 64 ? `${key.slice(0, 64)}…` : key;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** UTF-8 bytes, without encoding a string that is certainly under or over the limit. */
function overBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).length > limit;
}

const megabytes = (bytes: number) => t('sub_size_mb', { n: formatNumber(bytes / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });

function readConfigUrl(value: unknown, c: Collect): string | undefined {
  const key = 'configUrl';
  const ignore = (reason: string): undefined => void c.ignore(key, reason);
  if (typeof value !== 'string') return ignore(t('mgd_expected_https', { key, value: shown(value) }));
  const text = value.trim();
  if (text === '') return ignore(t('mgd_empty', { key }));
  if (text.length > MAX_URL_LENGTH) return ignore(t('mgd_url_too_long', { key, n: text.length, max: MAX_URL_LENGTH }));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return ignore(t('mgd_not_web_address', { key, value: shown(text) }));
  }
  if (url.protocol !== 'https:') return ignore(t('mgd_not_https', { key, value: shown(text) }));
  // A browser's fetch refuses a URL with credentials in it, so such an address could never load.
  if (url.username || url.password) return ignore(t('mgd_url_credentials', { key }));
  return url.href;
}

function readRefresh(value: unknown, c: Collect): number | undefined {
  const key = 'refreshMinutes';
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    c.ignore(key, t('mgd_expected_minutes', { key, value: shown(value) }));
    return undefined;
  }
  const minutes = clampRefresh(value);
  // The value under the floor as the admin wrote it; the one over the ceiling is large enough to want its separators.
  if (value < REFRESH_FLOOR_MINUTES) c.note(t('mgd_refresh_raised', { key, value: String(value), floor: REFRESH_FLOOR_MINUTES }));
  else if (value > REFRESH_CEILING_MINUTES) c.note(t('mgd_refresh_lowered', { key, value, days: REFRESH_CEILING_MINUTES / 1440, max: REFRESH_CEILING_MINUTES }));
  return minutes;
}

function readConfig(value: unknown, c: Collect): ManagedConfig | undefined {
  const key = 'config';
  const ignore = (reason: string): undefined => void c.ignore(key, reason);
  const max = MAX_INLINE_CONFIG_BYTES / 1024 / 1024;
  if (typeof value === 'string') {
    if (value.trim() === '') return ignore(t('mgd_empty', { key }));
    if (overBytes(value, MAX_INLINE_CONFIG_BYTES)) return ignore(t('mgd_config_too_large', { key, size: megabytes(new TextEncoder().encode(value).length), max }));
    return { kind: 'text', value };
  }
  if (isRecord(value)) {
    // Only Firefox delivers an object; it is measured as the JSON it would be written as.
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return ignore(t('mgd_not_json', { key }));
    }
    if (overBytes(json, MAX_INLINE_CONFIG_BYTES)) return ignore(t('mgd_config_too_large_json', { key, size: megabytes(json.length), max }));
    return { kind: 'object', value };
  }
  return ignore(t('mgd_expected_config', { key, value: shown(value) }));
}

function readBoolean(key: string, value: unknown, c: Collect): boolean | undefined {
  if (typeof value === 'boolean') return value;
  c.ignore(key, t('mgd_expected_boolean', { key, value: shown(value) }));
  return undefined;
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const EXAMPLE_HOST = 'acme.atlassian.net';

/**
 * A host name as permissions and site lists use it, or why the entry is not one: a sentence that
 * starts with `key`, where the entry is in the policy (`sites[2]`).
 */
export function hostName(entry: unknown, key = 'sites'): { host: string } | { problem: string } {
  const example = EXAMPLE_HOST;
  if (typeof entry !== 'string') return { problem: t('mgd_expected_host', { key, example, value: shown(entry) }) };
  const text = entry.trim().toLowerCase();
  if (text === '') return { problem: t('mgd_empty', { key }) };
  if (text.includes('*')) return { problem: t('mgd_host_pattern', { key, value: shown(entry), example }) };
  if (/[/:@?#\\\s]/.test(text)) {
    // The host an admin meant is plain to see in a full address; saying it saves a round trip.
    let meant = '';
    try {
      meant = new URL(text.includes('://') ? text : `https://${text}`).hostname;
    } catch {
      // Nothing to suggest.
    }
    const value = shown(entry);
    return { problem: meant && HOST.test(meant) ? t('mgd_host_not_bare', { key, value, host: meant }) : t('mgd_host_not_bare_example', { key, value, example }) };
  }
  if (HOST.test(text)) return { host: text };
  // A name in another script is allowed in its punycode form, which is what the browser matches.
  if (/[\u0080-\uffff]/.test(text)) {
    try {
      const ascii = new URL(`https://${text}`).hostname;
      if (HOST.test(ascii)) return { host: ascii };
    } catch {
      // Falls through to the problem below.
    }
  }
  return { problem: t('mgd_not_host', { key, value: shown(entry), example }) };
}

/** A list of host names: each bad entry reported on its own, the good ones kept. */
function readHosts(key: string, value: unknown, c: Collect): string[] | undefined {
  if (!Array.isArray(value)) {
    c.ignore(key, t('mgd_expected_hosts', { key, example: EXAMPLE_HOST, value: shown(value) }));
    return undefined;
  }
  if (value.length > MAX_SITES) {
    c.ignore(key, t('mgd_too_many_hosts', { key, n: value.length, max: MAX_SITES }));
    return undefined;
  }
  const hosts = new Set<string>();
  value.forEach((entry: unknown, i) => {
    const read = hostName(entry, `${key}[${i}]`);
    if ('host' in read) hosts.add(read.host);
    else c.ignore(`${key}[${i}]`, read.problem);
  });
  if (value.length > 0 && hosts.size === 0) {
    c.ignore(key, value.length === 1 ? t('mgd_only_entry_not_host', { key }) : tp('mgd_no_entry_is_host', value.length, { key }));
    return undefined;
  }
  return [...hosts];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function readQuietHours(value: unknown, c: Collect): AlertSettings['quietHours'] | undefined {
  const key = 'alerts.quietHours';
  // Firefox's policies.json can say "no quiet hours" with null; Chrome's schema has no null.
  if (value === null) return null;
  const example = '{"from": "19:00", "to": "08:00"}';
  if (!isRecord(value)) {
    c.ignore(key, t('mgd_quiet_expected', { key, example, value: shown(value) }));
    return undefined;
  }
  for (const k of Object.keys(value)) {
    if (k !== 'from' && k !== 'to') c.ignore(`${key}.${keyShown(k)}`, t('mgd_quiet_extra', { key: `${key}.${keyShown(k)}` }));
  }
  const { from, to } = value;
  if (typeof from !== 'string' || typeof to !== 'string' || !HHMM.test(from) || !HHMM.test(to)) {
    c.ignore(key, t('mgd_quiet_expected_pair', { key, example, from: shown(from), to: shown(to) }));
    return undefined;
  }
  if (from === to) {
    c.ignore(key, t('mgd_quiet_none', { key, time: from }));
    return undefined;
  }
  return { from, to };
}

const ALERT_KEYS: ReadonlyArray<keyof AlertSettings> = ['enabled', 'leadMinutes', 'quietHours', 'mutedSites'];

/** Each alert setting on its own: one bad value does not cost the admin the others. */
function readAlerts(value: unknown, c: Collect): ManagedAlertDefaults | undefined {
  if (!isRecord(value)) {
    c.ignore('alerts', t('mgd_expected_alerts', { key: 'alerts', known: names(ALERT_KEYS), value: shown(value) }));
    return undefined;
  }
  const alerts: ManagedAlertDefaults = {};
  for (const k of Object.keys(value)) {
    const v = value[k];
    switch (k) {
      case 'enabled': {
        const enabled = readBoolean('alerts.enabled', v, c);
        if (enabled !== undefined) alerts.enabled = enabled;
        break;
      }
      case 'leadMinutes':
        if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_LEAD_MINUTES) alerts.leadMinutes = v;
        else c.ignore('alerts.leadMinutes', t('mgd_expected_lead', { key: 'alerts.leadMinutes', max: MAX_LEAD_MINUTES, value: shown(v) }));
        break;
      case 'quietHours': {
        const quiet = readQuietHours(v, c);
        if (quiet !== undefined) alerts.quietHours = quiet;
        break;
      }
      case 'mutedSites': {
        const muted = readHosts('alerts.mutedSites', v, c);
        if (muted) alerts.mutedSites = muted;
        break;
      }
      default:
        c.ignore(`alerts.${keyShown(k)}`, t('mgd_unknown_alert', { key: `alerts.${keyShown(k)}`, known: names(ALERT_KEYS) }));
    }
  }
  return Object.keys(alerts).length > 0 ? alerts : undefined;
}

function unknownKey(key: string): string {
  const near = MANAGED_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  return near ? t('mgd_unknown_key_near', { key: keyShown(key), near }) : t('mgd_unknown_key', { key: keyShown(key) });
}

/** The managed policy as SLA Lens applies it. Never throws: `raw` is whatever the browser gave, or undefined. */
export function readManaged(raw: unknown): ManagedReading {
  const settings: ManagedSettings = {};
  const ignored: ManagedIgnored[] = [];
  const notes: string[] = [];
  const c: Collect = { ignore: (key, reason) => void ignored.push({ key, reason }), note: (text) => void notes.push(text) };
  const done = (): ManagedReading => {
    const inForce = MANAGED_KEYS.filter((k) => settings[k] !== undefined);
    const reported = ignored.length > MAX_IGNORED_LISTED ? [...ignored.slice(0, MAX_IGNORED_LISTED), { key: '…', reason: tp('mgd_more_ignored', ignored.length - MAX_IGNORED_LISTED) }] : ignored;
    return { settings, inForce, ignored: reported, notes };
  };

  if (raw === undefined || raw === null) return done();
  if (!isRecord(raw)) {
    c.ignore('(policy)', t('mgd_policy_not_object', { value: shown(raw) }));
    return done();
  }
  try {
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      switch (key) {
        case 'configUrl': {
          const url = readConfigUrl(value, c);
          if (url !== undefined) settings.configUrl = url;
          break;
        }
        case 'refreshMinutes': {
          const minutes = readRefresh(value, c);
          if (minutes !== undefined) settings.refreshMinutes = minutes;
          break;
        }
        case 'config': {
          const config = readConfig(value, c);
          if (config) settings.config = config;
          break;
        }
        case 'locked': {
          const locked = readBoolean('locked', value, c);
          if (locked !== undefined) settings.locked = locked;
          break;
        }
        case 'sites': {
          const sites = readHosts('sites', value, c);
          if (sites) settings.sites = sites;
          break;
        }
        case 'alerts': {
          const alerts = readAlerts(value, c);
          if (alerts) settings.alerts = alerts;
          break;
        }
        default:
          c.ignore(keyShown(key), unknownKey(key));
      }
    }
  } catch {
    // Storage hands over plain data; this only guards against an object whose getters throw.
    c.ignore('(policy)', t('mgd_policy_unreadable'));
  }
  return done();
}

export function isLocked(reading: ManagedReading): boolean {
  return reading.settings.locked === true;
}

/** `30 min`, `4 h`, `7 days`: the subscription's words for a duration. */
function every(minutes: number): string {
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return tp('sub_span_days', minutes / 1440);
  if (minutes >= 120 && minutes % 60 === 0) return tp('sub_span_hours', minutes / 60);
  return tp('sub_span_minutes', minutes);
}

const SITES_NAMED = 5;

function listed(hosts: readonly string[]): string {
  if (hosts.length === 0) return t('mgd_sites_none');
  const named = names(hosts.slice(0, SITES_NAMED));
  return hosts.length > SITES_NAMED ? tp('mgd_sites_more', hosts.length - SITES_NAMED, { sites: named }) : named;
}

function alertWords(a: ManagedAlertDefaults): string {
  const parts: string[] = [];
  if (a.enabled !== undefined) parts.push(t(a.enabled ? 'mgd_alerts_on' : 'mgd_alerts_off'));
  if (a.leadMinutes !== undefined) parts.push(tp('mgd_alerts_lead', a.leadMinutes));
  if (a.quietHours !== undefined) parts.push(a.quietHours ? t('mgd_alerts_quiet', { from: a.quietHours.from, to: a.quietHours.to }) : t('mgd_alerts_no_quiet'));
  if (a.mutedSites !== undefined) parts.push(t('mgd_alerts_muted', { sites: listed(a.mutedSites) }));
  return names(parts);
}

/** The options page's lines about the managed policy; none when there is no policy. */
export function describeManaged(reading: ManagedReading): string[] {
  const { settings, ignored, notes } = reading;
  if (reading.inForce.length === 0 && ignored.length === 0) return [];
  const lines = [t('mgd_managed')];
  const interval = every(settings.refreshMinutes ?? REFRESH_DEFAULT_MINUTES);
  if (settings.configUrl) lines.push(t('mgd_config_from', { url: settings.configUrl, every: interval }));
  else if (settings.refreshMinutes !== undefined) lines.push(t('mgd_url_checked', { every: interval }));
  if (settings.config) lines.push(t('mgd_config_set'));
  if (settings.locked) lines.push(t('mgd_locked'));
  // An empty list declares nothing: the configuration alone says which sites count.
  if (settings.sites) lines.push(settings.sites.length ? t('mgd_sites_set', { sites: listed(settings.sites) }) : t('mgd_no_sites'));
  if (settings.alerts) lines.push(t('mgd_alert_defaults', { settings: alertWords(settings.alerts) }));
  lines.push(...notes);
  for (const i of ignored) lines.push(t('mgd_ignored', { reason: i.reason }));
  return lines;
}
