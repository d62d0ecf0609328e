import { t } from '../i18n/core';
import { MIGRATIONS, type Migration } from './migrations/index';
import { LATEST_VERSION } from './schema';

/** A document whose version this build cannot read; `parseConfigText` shows it at `version`. */
export class ConfigVersionError extends Error {
  readonly path = 'version';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigVersionError';
  }
}

export interface Migrated {
  doc: Record<string, unknown>;
  /** The version the document was written in. */
  from: number;
}

/**
 * Brings a parsed document of any supported version up to the latest, step by step. Refuses, with
 * a sentence for the admin, a document without a usable `version` or one newer than this build
 * understands; it never guesses a version.
 */
export function migrateToLatest(doc: unknown): Migrated {
  return migrateWith(doc, MIGRATIONS, LATEST_VERSION);
}

/** The chain with an explicit registry, so tests can run it with steps that do not exist yet. */
export function migrateWith(doc: unknown, migrations: readonly Migration[], latest: number): Migrated {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new ConfigVersionError(t('cfg_not_an_object'));
  }
  const record = doc as Record<string, unknown>;
  if (!Object.hasOwn(record, 'version')) {
    throw new ConfigVersionError(t('cfg_version_missing', { latest: String(latest) }));
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ConfigVersionError(t('cfg_version_not_whole', { latest: String(latest), found: String(JSON.stringify(version)) }));
  }
  if (version > latest) {
    throw new ConfigVersionError(t('cfg_version_too_new', { version: String(version), latest: String(latest) }));
  }
  let current = record;
  for (let v = version; v < latest; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step || step.to !== v + 1) throw new Error(`No migration from config version ${v} to ${v + 1}`);
    current = { ...step.migrate(current), version: v + 1 };
  }
  return { doc: current, from: version };
}
