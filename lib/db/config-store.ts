/**
 * The SLA configuration in the database: preview an import against the active configuration,
 * apply it in one transaction (all or nothing), keep every applied version (append-only history),
 * roll back by re-applying an earlier version as a new one, and export the active document.
 */
import { diffConfigs, parseConfigText, validateConfig, type ConfigChange, type ConfigV1, type ParseResult, type Problem, type ResolvedConfig } from '../config/index';
import { canonical } from '../config/format';
import { importZendesk, looksLikeZendeskBody, type ImportProblem } from '../config/zendesk/index';
import { ACTIVE_VERSION_KEY as ACTIVE, activeVersion } from './active-version';
import type { ConfigSource, ConfigVersion, SlaLensDatabase } from './database';
import { withTicketSpace } from './capacity';
import { formatNumber, t } from '../i18n/core';

/** Files larger than this are refused before parsing. */
export const MAX_CONFIG_BYTES = 5 * 1024 * 1024;

export type ImportPreview =
  | {
      ok: true;
      document: ConfigV1;
      config: ResolvedConfig;
      warnings: Problem[];
      /** Against the active configuration (everything is "added" when there is none). */
      changes: ConfigChange[];
      hash: string;
      /** The version this preview was computed against; applying fails if it is no longer active. */
      basedOn: number | null;
      /** Identical to the active configuration. */
      unchanged: boolean;
      source: ConfigSource;
    }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

export class StaleImportError extends Error {
  constructor() {
    super(t('db_import_stale'));
    this.name = 'StaleImportError';
  }
}

/** SHA-256 of `text`, in hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function contentHash(document: ConfigV1): Promise<string> {
  return sha256Hex(canonical(document));
}

/** Refusals as a subscription's or a policy's status keeps them: path and message, at most `max`. */
export function problemList(errors: readonly Problem[], max = 50): Array<{ path: string; message: string }> {
  return errors.slice(0, max).map((p) => ({ path: p.path, message: p.message }));
}

export function tooLarge(bytes: number): Problem | null {
  if (bytes <= MAX_CONFIG_BYTES) return null;
  const size = formatNumber(bytes / 1024 / 1024, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return { severity: 'error', path: '', message: t('db_file_too_large', { size, max: MAX_CONFIG_BYTES / 1024 / 1024 }) };
}

// In its own module so the popup can read it without the parsers (zod, yaml) this one brings.
export { activeConfig, activeVersion } from './active-version';

/** Newest first. */
export function history(db: SlaLensDatabase): Promise<ConfigVersion[]> {
  return db.configVersions.orderBy('id').reverse().toArray();
}

/** Validates a parsed or converted document and compares it with the active configuration. */
export async function previewResult(db: SlaLensDatabase, result: ParseResult, source: ConfigSource): Promise<ImportPreview> {
  if (!result.ok) return result;
  const active = await activeVersion(db);
  const hash = await contentHash(result.document);
  return {
    ok: true,
    document: result.document,
    config: result.config,
    warnings: result.warnings,
    changes: diffConfigs(active?.document ?? null, result.document),
    hash,
    basedOn: active?.id ?? null,
    unchanged: active?.hash === hash,
    source,
  };
}

/** Parses a file's text (JSON or YAML) and previews it. Nothing is written. */
export async function previewText(db: SlaLensDatabase, text: string, source: ConfigSource): Promise<ImportPreview> {
  const size = tooLarge(new TextEncoder().encode(text).length);
  if (size) return { ok: false, errors: [size], warnings: [] };
  return previewResult(db, parseConfigText(text, source.kind === 'file' ? source.fileName : undefined), source);
}

/** Applies a previewed import as the next version, in one transaction. */
export async function applyImport(db: SlaLensDatabase, preview: Extract<ImportPreview, { ok: true }>, note = ''): Promise<ConfigVersion> {
  // The ticket cache shares the quota and is disposable: when the browser is out of space it gives
  // way (capacity.ts), so a full cache never keeps a configuration from being applied.
  const applied = await withTicketSpace(db, () => applyVersion(db, preview, note));
  // Announced by the write itself, once committed, whoever wrote it: open tabs and the stored
  // tickets follow. The version is applied even if announcing it fails.
  await Promise.resolve()
    .then(() => db.onActiveVersion(applied.id))
    .catch((error: unknown) => console.error('SLA Lens could not announce the new configuration version', error));
  return applied;
}

function applyVersion(db: SlaLensDatabase, preview: Extract<ImportPreview, { ok: true }>, note: string): Promise<ConfigVersion> {
  return db.transaction('rw', [db.meta, db.calendars, db.policies, db.configVersions], async () => {
    const active = await activeVersion(db);
    if ((active?.id ?? null) !== preview.basedOn) throw new StaleImportError();
    const version: Omit<ConfigVersion, 'id'> = {
      appliedAt: Date.now(),
      hash: preview.hash,
      source: preview.source,
      note: note.trim(),
      document: preview.document,
      changes: preview.changes,
    };
    const id = (await db.configVersions.add(version as ConfigVersion)) as number;
    await db.calendars.clear();
    await db.policies.clear();
    await db.calendars.bulkAdd(Object.entries(preview.config.calendars).map(([calendarId, spec]) => ({ id: calendarId, spec })));
    await db.policies.bulkAdd(preview.config.policies);
    await db.meta.put({ key: ACTIVE, value: id });
    return { ...version, id };
  });
}

/**
 * Makes an earlier version active again by applying its document as a new version, so the history
 * records the rollback too. The document is validated again: a version that no longer validates
 * (the format moved on) is refused with its problems.
 */
export async function rollBack(db: SlaLensDatabase, versionId: number, note?: string): Promise<ConfigVersion | ImportPreview> {
  const target = await db.configVersions.get(versionId);
  if (!target) throw new Error(t('db_no_version', { version: versionId }));
  const preview = await previewResult(db, validateConfig(target.document), { kind: 'rollback', toVersion: versionId });
  if (!preview.ok) return preview;
  return applyImport(db, preview, note ?? t('db_note_rolled_back', { version: versionId }));
}

/** The active document as a file that imports back to the identical configuration. */
export async function exportActive(db: SlaLensDatabase): Promise<{ fileName: string; text: string } | null> {
  const active = await activeVersion(db);
  if (!active) return null;
  const slug =
    (active.document.name ?? 'sla-config')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'sla-config';
  return { fileName: `${slug}.v${active.id}.json`, text: `${JSON.stringify(active.document, null, 2)}\n` };
}

export interface ImportFile {
  name: string;
  text: string;
}

/** A parsed JSON body that is one of Zendesk's API bodies, else null. */
function zendeskBody(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return looksLikeZendeskBody(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Previews what an admin picked, dropped or pasted: one SLA Lens file (JSON or YAML), or any mix
 * of Zendesk exports (SLA policies, schedules, holidays), converted and then validated like a file.
 */
export async function previewFiles(db: SlaLensDatabase, files: readonly ImportFile[]): Promise<ImportPreview> {
  if (files.length === 0) return { ok: false, errors: [{ severity: 'error', path: '', message: t('db_import_choose_file') }], warnings: [] };
  const size = tooLarge(files.reduce((sum, f) => sum + new TextEncoder().encode(f.text).length, 0));
  if (size) return { ok: false, errors: [size], warnings: [] };

  const zendesk = files.map((f) => zendeskBody(f.text));
  if (zendesk.every((v) => v !== null)) {
    const converted = importZendesk(files.map((f, i) => ({ value: zendesk[i], fileName: f.name })));
    const named = (p: ImportProblem): Problem => ({ severity: p.severity, path: p.path, message: p.fileName ? t('db_problem_in_file', { file: p.fileName, problem: p.message }) : p.message });
    if (!converted.ok) return { ok: false, errors: converted.errors.map(named), warnings: converted.warnings.map(named) };
    const result = validateConfig(converted.document);
    const warnings = [...converted.warnings.map(named), ...result.warnings];
    const source: ConfigSource = { kind: 'zendesk', fileNames: files.map((f) => f.name) };
    return previewResult(db, { ...result, warnings }, source);
  }
  if (files.length > 1) {
    return {
      ok: false,
      errors: [{ severity: 'error', path: '', message: t('db_import_one_file') }],
      warnings: [],
    };
  }
  const [file] = files as [ImportFile];
  return previewText(db, file.text, { kind: 'file', fileName: file.name });
}
