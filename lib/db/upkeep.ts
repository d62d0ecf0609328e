/**
 * The background's housekeeping around the ticket store: the toolbar count, re-evaluation when
 * another configuration becomes active, and retention. Browser APIs are passed in, so the logic is
 * tested against fake-indexeddb and a recorded `action`.
 */
import { t } from '../i18n/core';
import { configLabel } from './active-version';
import type { ConfigLabel } from '../view/summary';
import { isDeclaredSite } from '../config/match';
import { withOrgSites } from '../config/org-sites';
import { POPUP_SNAPSHOT_KEY } from '../storage-keys';
import { TOOLBAR_COLOURS } from '../view/colours';
import type { ResolvedConfig } from '../config/index';
import Dexie from 'dexie';
import type { SlaLensDatabase } from './database';
import { activeVersionId } from './active-version';
import { refreshStoredTickets } from './evaluate';
import { pruneOutcomes } from './outcomes';
import { loadPopup, POPUP_FIRST_PAGE, storableSnapshot, type PopupSnapshot } from './popup-query';
import { urgentCounts } from './ticket-state';

export const DAY_MS = 24 * 60 * 60_000;
export const DEFAULT_RETENTION_DAYS = 30;
export const RETENTION_KEY = 'retentionDays';

/** The parts of `browser.action` the toolbar count uses. */
export interface ToolbarAction {
  setBadgeText(details: { text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { color: string }): Promise<void> | void;
  setBadgeTextColor?(details: { color: string }): Promise<void> | void;
  setTitle(details: { title: string }): Promise<void> | void;
}

export interface ToolbarBadge {
  text: string;
  background: string;
  foreground: string;
  title: string;
}

/** Breached + at-risk tickets on the icon, coloured by the worst: red with any breach, else amber. */
export function toolbarBadge(breached: number, atRisk: number): ToolbarBadge {
  const n = breached + atRisk;
  const text = n === 0 ? '' : n > 999 ? '999+' : String(n);
  const parts = [breached > 0 ? t('toolbar_breached', { n: breached }) : '', atRisk > 0 ? t('toolbar_at_risk', { n: atRisk }) : ''].filter(Boolean);
  const title = parts.length === 0 ? t('toolbar_nothing') : t('toolbar_title', { counts: parts.join(', ') });
  const colour = breached > 0 ? TOOLBAR_COLOURS.breached : TOOLBAR_COLOURS.atRisk;
  return { text, background: colour.bg, foreground: colour.fg, title };
}

export async function updateToolbar(db: SlaLensDatabase, action: ToolbarAction, now: number): Promise<ToolbarBadge> {
  const { breached, atRisk } = await urgentCounts(db, now);
  return showToolbarBadge(action, breached, atRisk);
}

/** Puts the count on the icon (for callers that already counted). */
export async function showToolbarBadge(action: ToolbarAction, breached: number, atRisk: number): Promise<ToolbarBadge> {
  const badge = toolbarBadge(breached, atRisk);
  await action.setBadgeText({ text: badge.text });
  await action.setBadgeBackgroundColor({ color: badge.background });
  await action.setBadgeTextColor?.({ color: badge.foreground });
  await action.setTitle({ title: badge.title });
  return badge;
}

export async function retentionDays(db: SlaLensDatabase): Promise<number> {
  const value = (await db.meta.get(RETENTION_KEY))?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 365 ? value : DEFAULT_RETENTION_DAYS;
}

/** Forgets tickets not seen for the retention period. Returns how many were removed. */
export async function pruneTickets(db: SlaLensDatabase, now: number): Promise<number> {
  const days = await retentionDays(db);
  // The decided targets have a retention of their own: a report covers a year, tickets a month.
  await pruneOutcomes(db, now);
  return db.tickets
    .where('lastSeen')
    .below(now - days * DAY_MS)
    .delete();
}

/** Forgets every ticket of `site`, and what they decided: a removed site leaves nothing behind. Returns how many tickets went. */
export async function forgetSite(db: SlaLensDatabase, site: string): Promise<number> {
  await db.decisions.where('[site+key]').between([site, Dexie.minKey], [site, Dexie.maxKey]).delete();
  return db.tickets.where('site').equals(site).delete();
}

/** What the stored tickets were last brought up to date with (`ticketsStamp`). */
export const TICKETS_VERSION_KEY = 'ticketsConfigVersion';

/**
 * The configuration version alone while the policy lists no sites, as stores marked before policy
 * sites existed hold it (they are not evaluated again for nothing); else the version and the
 * policy's sites, whose change declares other sites without a new version.
 */
export function ticketsStamp(version: number | null, policySites: readonly string[]): number | string | null {
  if (policySites.length === 0) return version;
  return `${version ?? 'none'} ${[...new Set(policySites)].sort().join(' ')}`;
}

/**
 * After another configuration became active, or the policy's sites changed, every stored ticket
 * is evaluated again (the caller then counts once, for the toolbar, the popup and alerts alike). A
 * service worker starts often, so this runs only when the stamp differs from the one the store
 * was last brought up to date with (a store from before the mark has none). `config` is the
 * configuration in force; the policy's sites declare the organisation's sites with its own
 * (lib/config/org-sites.ts). Returns whether the tickets were evaluated again.
 */
export async function afterConfigChange(
  db: SlaLensDatabase,
  config: { version: number | null; config: ResolvedConfig | null },
  now: number,
  selfHosted: ReadonlySet<string> = new Set(),
  policySites: readonly string[] = [],
): Promise<boolean> {
  const stamp = ticketsStamp(config.version, policySites);
  const done = (await db.meta.get(TICKETS_VERSION_KEY))?.value;
  const stale = done !== stamp;
  if (stale) {
    // Sites declared by the configuration or the policy: what was kept from any other goes.
    const active = config.config && withOrgSites(config.config, policySites);
    if (active?.sites?.length) {
      const others = (await db.tickets.orderBy('site').uniqueKeys()).map(String).filter((site) => !isDeclaredSite(active, site, selfHosted));
      if (others.length > 0) await db.tickets.where('site').anyOf(others).delete();
    }
    await refreshStoredTickets(db, config, now);
    await db.meta.put({ key: TICKETS_VERSION_KEY, value: stamp });
  }
  return stale;
}

// A version's name never changes: read its document once per version, not on every snapshot.
const labels = new Map<string, ConfigLabel>();

async function activeLabel(db: SlaLensDatabase): Promise<ConfigLabel | null> {
  const id = await activeVersionId(db);
  if (id === null) return null;
  const key = `${db.name}|${id}`;
  let label = labels.get(key);
  if (!label) {
    const version = await db.configVersions.get(id);
    if (!version) return null;
    label = configLabel(version);
    labels.set(key, label);
  }
  return label;
}

/**
 * The popup's first page, as its first paint shows it before the database is open. Returns the
 * snapshot, whose counts serve the toolbar too.
 */
export async function publishPopupSnapshot(db: SlaLensDatabase, store: { set(items: Record<string, unknown>): Promise<void> }, now: number): Promise<PopupSnapshot> {
  const [snapshot, config] = await Promise.all([loadPopup(db, now, { firstPage: POPUP_FIRST_PAGE }), activeLabel(db)]);
  await store.set({ [POPUP_SNAPSHOT_KEY]: storableSnapshot(snapshot, config) });
  return snapshot;
}
