/**
 * What the report page and the background say to each other while a period is filled from the
 * sites (issue 17 §3), over a `runtime.connect` port: the page asks once (`FillRequest`), the
 * background answers with its progress after every step and a last word (`done`); the page's
 * `{ type: 'cancel' }` stops the fill, keeping what was read, as does the port closing (the tab
 * closed). Plain code with its own checks: the report page's bundle carries no zod.
 */

export const FILL_PORT = 'sla:fill-period';

/** How far a site's fill got. */
export type FillState = 'waiting' | 'listing' | 'reading' | 'pacing' | 'done' | 'failed' | 'stopped';

export interface SiteFill {
  site: string;
  state: FillState;
  /** Tickets the site says were resolved in the range (known once it is listed). */
  found: number;
  /** Of those, read and recorded. */
  read: number;
  /** Of those read, recorded without their whole history (figures approximate). */
  approximate: number;
  /** One sentence: why the site failed or stopped, or what it is waiting for. */
  message?: string;
}

export interface FillRequest {
  type: 'fill';
  start: number;
  end: number;
}

export const FILL_CANCEL = { type: 'cancel' } as const;

export type FillMessage = { type: 'progress'; sites: SiteFill[]; done: boolean } | { type: 'refused'; message: string };

/** The longest range a fill reads: a year and a month (the report's trend and its periods). */
export const MAX_FILL_RANGE_MS = 400 * 86_400_000;

const STATES: ReadonlySet<string> = new Set<FillState>(['waiting', 'listing', 'reading', 'pacing', 'done', 'failed', 'stopped']);
const count = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const instant = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 8.64e15;

/** A page's request, or null when it is not one the background should act on. */
export function parseFillRequest(value: unknown): FillRequest | null {
  const v = value as Partial<FillRequest> | null;
  if (!v || typeof v !== 'object' || v.type !== 'fill' || !instant(v.start) || !instant(v.end)) return null;
  if (v.end <= v.start || v.end - v.start > MAX_FILL_RANGE_MS) return null;
  return { type: 'fill', start: v.start, end: v.end };
}

function siteFill(value: unknown): SiteFill | null {
  const v = value as Partial<SiteFill> | null;
  if (!v || typeof v !== 'object' || typeof v.site !== 'string' || typeof v.state !== 'string' || !STATES.has(v.state)) return null;
  if (!count(v.found) || !count(v.read) || !count(v.approximate)) return null;
  if (v.message !== undefined && typeof v.message !== 'string') return null;
  return { site: v.site, state: v.state, found: v.found, read: v.read, approximate: v.approximate, ...(v.message !== undefined ? { message: v.message } : {}) };
}

/** The background's message, or null when it is not one. */
export function parseFillMessage(value: unknown): FillMessage | null {
  const v = value as { type?: unknown; sites?: unknown; done?: unknown; message?: unknown } | null;
  if (!v || typeof v !== 'object') return null;
  if (v.type === 'refused') return typeof v.message === 'string' ? { type: 'refused', message: v.message } : null;
  if (v.type !== 'progress' || !Array.isArray(v.sites) || typeof v.done !== 'boolean') return null;
  const sites = v.sites.map(siteFill);
  return sites.every((s): s is SiteFill => s !== null) ? { type: 'progress', sites, done: v.done } : null;
}
