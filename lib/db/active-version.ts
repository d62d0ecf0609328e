/** Which configuration version is active: what the popup needs of the configuration store. */
import type { ConfigLabel } from '../view/summary';
import type { ConfigVersion, SlaLensDatabase } from './database';

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
  return { name: version.document.name ?? 'Unnamed configuration', version: version.id, sitesDeclared: (version.document.sites?.length ?? 0) > 0 };
}
