/**
 * The configuration an organisation's policy carries inline (`config`, issue 15 §1): validated
 * exactly as an import and applied as the next version, recorded as the policy's. It is applied
 * when the policy's file changes, not at every start: an admin who imported another file by hand
 * (where the policy does not lock imports) keeps it until the organisation amends its own.
 */
import type { ManagedConfig } from '../managed/read';
import { applyImport, previewText, problemList, sha256Hex, StaleImportError } from './config-store';
import type { ConfigVersion, SlaLensDatabase } from './database';
import { t } from '../i18n/core';

export interface ManagedConfigResult {
  /** The content hash of the policy's configuration, valid or not: the next start compares with it. */
  textHash: string;
  applied?: ConfigVersion;
  /** Why the policy's configuration was not applied (each with its path); the one in force stays. */
  problems?: Array<{ path: string; message: string }>;
}

/** Applies `config` unless it is the one last applied from the policy (`lastTextHash`) or already in force. */
export async function applyManagedConfig(db: SlaLensDatabase, config: ManagedConfig, lastTextHash: string | undefined): Promise<ManagedConfigResult> {
  const text = config.kind === 'text' ? config.value : JSON.stringify(config.value);
  const hash = await sha256Hex(text);
  if (hash === lastTextHash) return { textHash: hash };
  const preview = await previewText(db, text, { kind: 'policy' });
  if (!preview.ok) return { textHash: hash, problems: problemList(preview.errors) };
  if (preview.unchanged) return { textHash: hash };
  try {
    return { textHash: hash, applied: await applyImport(db, preview, t('db_note_policy')) };
  } catch (error) {
    // Another write won the race: not remembered, so the next start or policy change tries again.
    if (error instanceof StaleImportError) return { textHash: '' };
    throw error;
  }
}
