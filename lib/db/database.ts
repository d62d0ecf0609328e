import Dexie, { type EntityTable } from 'dexie';

/** The extension's one IndexedDB database, in the extension origin (shared by background, popup, options). */
export const DATABASE_NAME = 'sla-lens';

/** Small key/value facts: which config version is active, settings. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export class SlaLensDatabase extends Dexie {
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Every schema change adds a version with its upgrade and a test that upgrades real data.
    this.version(1).stores({ meta: 'key' });
  }
}
