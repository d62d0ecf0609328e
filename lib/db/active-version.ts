/**
 * Which configuration is active: what the popup and the agreements page need of the configuration
 * store, without the parsers (zod, yaml) the store's import path brings (lib/config/watch.ts is
 * plain code for that reason).
 */
import type { ResolvedConfig } from '../config/types';
import { withWatch } from '../config/watch';
import type { ConfigLabel } from '../view/summary';
import type { ConfigVersion, SlaLensDatabase } from './database';
import { t } from '../i18n/core';

export const ACTIVE_VERSION_KEY = 'activeConfigVersion';

/** The active version's id: one small row, for callers that need no more (every message, every snapshot). */
export async function activeVersionId(db: SlaLensDatabase): Promise<number | null> {
  const row = await db.meta.get(ACTIVE_VERSION_KEY);
  return typeof row?.value === 'number' ? row.value : null;
}

export async function activeVersion(db: SlaLensDatabase): Promise<ConfigVersion | null> {
  const id = await activeVersionId(db);
  return id === null ? null : ((await db.configVersions.get(id)) ?? null);
}

/** How the popup names a version: its name, its number, and whether it lists the organisation's sites. */
export function configLabel(version: ConfigVersion): ConfigLabel {
  return { name: version.document.name ?? t('db_unnamed_config'), version: version.id, sitesDeclared: (version.document.sites?.length ?? 0) > 0 };
}

/** The active configuration as the background, the popup and the agreements page use it. */
export async function activeConfig(db: SlaLensDatabase): Promise<ResolvedConfig | null> {
  return db.transaction('r', [db.meta, db.calendars, db.policies, db.configVersions], async () => {
    const version = await activeVersion(db);
    if (!version) return null;
    const [calendars, policies] = await Promise.all([db.calendars.toArray(), db.policies.orderBy('index').toArray()]);
    return {
      ...(version.document.name !== undefined ? { name: version.document.name } : {}),
      ...(version.document.description !== undefined ? { description: version.document.description } : {}),
      ...(version.document.sites?.length ? { sites: version.document.sites } : {}),
      ...(version.document.reportZone !== undefined ? { reportZone: version.document.reportZone } : {}),
      ...withWatch(version.document),
      calendars: Object.fromEntries(calendars.map((c) => [c.id, c.spec])),
      policies,
    };
  });
}
