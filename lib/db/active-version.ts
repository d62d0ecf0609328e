/** Which configuration version is active: what the popup needs of the configuration store. */
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
