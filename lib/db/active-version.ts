/** Which configuration version is active: what the popup needs of the configuration store. */
import type { ConfigVersion, SlaLensDatabase } from './database';

export const ACTIVE_VERSION_KEY = 'activeConfigVersion';

export async function activeVersion(db: SlaLensDatabase): Promise<ConfigVersion | null> {
  const row = await db.meta.get(ACTIVE_VERSION_KEY);
  if (typeof row?.value !== 'number') return null;
  return (await db.configVersions.get(row.value)) ?? null;
}
