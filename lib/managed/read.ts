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

const count = (n: number) => n.toLocaleString('en');

/** A value as the admin wrote it, short enough for one line. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

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

const megabytes = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MB`;

function readConfigUrl(value: unknown, c: Collect): string | undefined {
  const ignore = (reason: string): undefined => void c.ignore('configUrl', `configUrl: ${reason}`);
  if (typeof value !== 'string') return ignore(`expected an https:// address, got ${shown(value)}`);
  const text = value.trim();
  if (text === '') return ignore('is empty');
  if (text.length > MAX_URL_LENGTH) return ignore(`is ${count(text.length)} characters long; an address has at most ${count(MAX_URL_LENGTH)}`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return ignore(`${shown(text)} is not a web address`);
  }
  if (url.protocol !== 'https:') return ignore(`SLA Lens only loads a configuration over https, and ${shown(text)} is not an https:// address`);
  // A browser's fetch refuses a URL with credentials in it, so such an address could never load.
  if (url.username || url.password) return ignore('the address holds a user name or password, which browsers refuse to fetch; publish the file at an address without one');
  return url.href;
}

function readRefresh(value: unknown, c: Collect): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    c.ignore('refreshMinutes', `refreshMinutes: expected a whole number of minutes, got ${shown(value)}`);
    return undefined;
  }
  const minutes = clampRefresh(value);
  if (value < REFRESH_FLOOR_MINUTES) c.note(`refreshMinutes ${value} raised to the ${REFRESH_FLOOR_MINUTES}-minute floor`);
  else if (value > REFRESH_CEILING_MINUTES) c.note(`refreshMinutes ${count(value)} lowered to the 7-day ceiling (${count(REFRESH_CEILING_MINUTES)} minutes)`);
  return minutes;
}

function readConfig(value: unknown, c: Collect): ManagedConfig | undefined {
  const ignore = (reason: string): undefined => void c.ignore('config', `config: ${reason}`);
  const tooLarge = (size: string) => ignore(`is ${size}; SLA Lens reads configurations of up to ${MAX_INLINE_CONFIG_BYTES / 1024 / 1024} MB`);
  if (typeof value === 'string') {
    if (value.trim() === '') return ignore('is empty');
    if (overBytes(value, MAX_INLINE_CONFIG_BYTES)) return tooLarge(megabytes(new TextEncoder().encode(value).length));
    return { kind: 'text', value };
  }
  if (isRecord(value)) {
    // Only Firefox delivers an object; it is measured as the JSON it would be written as.
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return ignore('could not be read as JSON');
    }
    if (overBytes(json, MAX_INLINE_CONFIG_BYTES)) return tooLarge(`${megabytes(json.length)} as JSON`);
    return { kind: 'object', value };
  }
  return ignore(`expected an SLA configuration (an object, or its JSON or YAML text), got ${shown(value)}`);
}

function readBoolean(key: string, value: unknown, c: Collect): boolean | undefined {
  if (typeof value === 'boolean') return value;
  c.ignore(key, `${key}: expected true or false, got ${shown(value)}`);
  return undefined;
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const EXAMPLE_HOST = 'acme.atlassian.net';

/** A host name as permissions and site lists use it, or why the entry is not one. */
export function hostName(entry: unknown): { host: string } | { problem: string } {
  if (typeof entry !== 'string') return { problem: `expected a host name such as ${EXAMPLE_HOST}, got ${shown(entry)}` };
  const text = entry.trim().toLowerCase();
  if (text === '') return { problem: 'is empty' };
  if (text.includes('*')) return { problem: `${shown(entry)} is a pattern; list each site's host name, such as ${EXAMPLE_HOST}` };
  if (/[/:@?#\\\s]/.test(text)) {
    // The host an admin meant is plain to see in a full address; saying it saves a round trip.
    let meant = '';
    try {
      meant = new URL(text.includes('://') ? text : `https://${text}`).hostname;
    } catch {
      // Nothing to suggest.
    }
    const hint = meant && HOST.test(meant) ? `write ${meant}` : `write the name alone, such as ${EXAMPLE_HOST}`;
    return { problem: `${shown(entry)} is not a host name (no https://, path or port): ${hint}` };
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
  return { problem: `${shown(entry)} is not a host name such as ${EXAMPLE_HOST}` };
}

/** A list of host names: each bad entry reported on its own, the good ones kept. */
function readHosts(key: string, value: unknown, c: Collect): string[] | undefined {
  if (!Array.isArray(value)) {
    c.ignore(key, `${key}: expected a list of host names such as ${EXAMPLE_HOST}, got ${shown(value)}`);
    return undefined;
  }
  if (value.length > MAX_SITES) {
    c.ignore(key, `${key}: has ${count(value.length)} entries and SLA Lens reads at most ${MAX_SITES}, so none were applied`);
    return undefined;
  }
  const hosts = new Set<string>();
  value.forEach((entry: unknown, i) => {
    const read = hostName(entry);
    if ('host' in read) hosts.add(read.host);
    else c.ignore(`${key}[${i}]`, `${key}[${i}]: ${read.problem}`);
  });
  if (value.length > 0 && hosts.size === 0) {
    c.ignore(key, `${key}: ${value.length === 1 ? 'its one entry is not' : `none of its ${value.length} entries is`} a host name, so it was not applied`);
    return undefined;
  }
  return [...hosts];
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

function readQuietHours(value: unknown, c: Collect): AlertSettings['quietHours'] | undefined {
  const key = 'alerts.quietHours';
  // Firefox's policies.json can say "no quiet hours" with null; Chrome's schema has no null.
  if (value === null) return null;
  const expected = `expected "from" and "to" times written HH:MM, such as {"from": "19:00", "to": "08:00"}`;
  if (!isRecord(value)) {
    c.ignore(key, `${key}: ${expected}, got ${shown(value)}`);
    return undefined;
  }
  for (const k of Object.keys(value)) {
    if (k !== 'from' && k !== 'to') c.ignore(`${key}.${keyShown(k)}`, `${key}.${keyShown(k)}: not part of quiet hours, which have only "from" and "to"`);
  }
  const { from, to } = value;
  if (typeof from !== 'string' || typeof to !== 'string' || !HHMM.test(from) || !HHMM.test(to)) {
    c.ignore(key, `${key}: ${expected}, got from ${shown(from)} and to ${shown(to)}`);
    return undefined;
  }
  if (from === to) {
    c.ignore(key, `${key}: "from" and "to" are both ${from}, which leaves no quiet time`);
    return undefined;
  }
  return { from, to };
}

const ALERT_KEYS: ReadonlyArray<keyof AlertSettings> = ['enabled', 'leadMinutes', 'quietHours', 'mutedSites'];

/** Each alert setting on its own: one bad value does not cost the admin the others. */
function readAlerts(value: unknown, c: Collect): ManagedAlertDefaults | undefined {
  if (!isRecord(value)) {
    c.ignore('alerts', `alerts: expected an object of alert settings (${ALERT_KEYS.join(', ')}), got ${shown(value)}`);
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
        else c.ignore('alerts.leadMinutes', `alerts.leadMinutes: expected a whole number of minutes from 1 to ${count(MAX_LEAD_MINUTES)}, got ${shown(v)}`);
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
        c.ignore(`alerts.${keyShown(k)}`, `alerts.${keyShown(k)}: not an alert setting SLA Lens knows (${ALERT_KEYS.join(', ')})`);
    }
  }
  return Object.keys(alerts).length > 0 ? alerts : undefined;
}

function unknownKey(key: string): string {
  const near = MANAGED_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  return `${keyShown(key)}: not a setting SLA Lens knows${near ? `; did you mean ${near}?` : ''}`;
}

/** The managed policy as SLA Lens applies it. Never throws: `raw` is whatever the browser gave, or undefined. */
export function readManaged(raw: unknown): ManagedReading {
  const settings: ManagedSettings = {};
  const ignored: ManagedIgnored[] = [];
  const notes: string[] = [];
  const c: Collect = { ignore: (key, reason) => void ignored.push({ key, reason }), note: (text) => void notes.push(text) };
  const done = (): ManagedReading => {
    const inForce = MANAGED_KEYS.filter((k) => settings[k] !== undefined);
    const reported =
      ignored.length > MAX_IGNORED_LISTED ? [...ignored.slice(0, MAX_IGNORED_LISTED), { key: '…', reason: `${count(ignored.length - MAX_IGNORED_LISTED)} more settings or entries` }] : ignored;
    return { settings, inForce, ignored: reported, notes };
  };

  if (raw === undefined || raw === null) return done();
  if (!isRecord(raw)) {
    c.ignore('(policy)', `the whole policy: expected an object of named settings, got ${shown(raw)}`);
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
    c.ignore('(policy)', 'the whole policy: it could not be read');
  }
  return done();
}

export function isLocked(reading: ManagedReading): boolean {
  return reading.settings.locked === true;
}

function every(minutes: number): string {
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return `${minutes / 1440} days`;
  if (minutes >= 120 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

const SITES_NAMED = 5;

function listed(hosts: readonly string[]): string {
  if (hosts.length === 0) return 'none';
  const named = hosts.slice(0, SITES_NAMED).join(', ');
  return hosts.length > SITES_NAMED ? `${named} and ${hosts.length - SITES_NAMED} more` : named;
}

function alertWords(a: ManagedAlertDefaults): string {
  const parts: string[] = [];
  if (a.enabled !== undefined) parts.push(a.enabled ? 'alerts on' : 'alerts off');
  if (a.leadMinutes !== undefined) parts.push(`${a.leadMinutes} min before a breach`);
  if (a.quietHours !== undefined) parts.push(a.quietHours ? `quiet hours ${a.quietHours.from}–${a.quietHours.to}` : 'no quiet hours');
  if (a.mutedSites !== undefined) parts.push(`muted sites: ${listed(a.mutedSites)}`);
  return parts.join(', ');
}

/** The options page's lines about the managed policy; none when there is no policy. */
export function describeManaged(reading: ManagedReading): string[] {
  const { settings, ignored, notes } = reading;
  if (reading.inForce.length === 0 && ignored.length === 0) return [];
  const lines = ['Managed by your organisation'];
  const checked = `checked every ${every(settings.refreshMinutes ?? REFRESH_DEFAULT_MINUTES)}`;
  if (settings.configUrl) lines.push(`Configuration from ${settings.configUrl}, ${checked}`);
  else if (settings.refreshMinutes !== undefined) lines.push(`A configuration URL is ${checked}`);
  if (settings.config) lines.push('The SLA configuration is set by your organisation');
  if (settings.locked) lines.push('Import and roll back are turned off by your organisation');
  // An empty list declares nothing: the configuration alone says which sites count.
  if (settings.sites) lines.push(settings.sites.length ? `Sites set by your organisation: ${listed(settings.sites)}` : 'Your organisation lists no sites: the configuration says which sites count');
  if (settings.alerts) lines.push(`Alert defaults set by your organisation: ${alertWords(settings.alerts)}`);
  lines.push(...notes);
  for (const i of ignored) lines.push(`Ignored ${i.reason}`);
  return lines;
}
