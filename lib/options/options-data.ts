import type { ResolvedConfig } from '../config/types';
import { activeConfig, activeVersion, history } from '../db/config-store';
import type { ConfigVersion, SlaLensDatabase } from '../db/database';

/** Everything the options page reads from the database, in one consistent snapshot. */
export interface OptionsData {
  active: ConfigVersion | null;
  config: ResolvedConfig | null;
  /** Newest first. */
  versions: ConfigVersion[];
}

export function loadOptionsData(db: SlaLensDatabase): Promise<OptionsData> {
  return db.transaction('r', [db.meta, db.calendars, db.policies, db.configVersions], async () => ({
    active: await activeVersion(db),
    config: await activeConfig(db),
    versions: await history(db),
  }));
}
