import type { Problem } from '../config/problem';
import { exportActive, rollBack } from '../db/config-store';
import type { SlaLensDatabase } from '../db/database';
import { value } from './value';
import { t } from '../i18n/core';

export type HistoryMessage = { tone: 'success'; text: string } | { tone: 'error'; text: string; problems?: Problem[]; subject?: string };

export interface HistoryDeps {
  /** Saves text as a file (Blob + `<a download>` in the page). */
  download(fileName: string, text: string): void;
  /** Whether the organisation's policy locks the configuration: no rolling back then. */
  locked?(): boolean;
}

/** Version history actions: roll back (as a new version) and export the active document. */
export function createHistoryStore(db: SlaLensDatabase, deps: HistoryDeps) {
  const message = value<HistoryMessage | null>(null);
  /** The version being rolled back to, while it runs. */
  const pending = value<number | null>(null);

  async function rollBackTo(versionId: number): Promise<void> {
    if (pending.get() !== null || deps.locked?.()) return;
    pending.set(versionId);
    message.set(null);
    try {
      const result = await rollBack(db, versionId);
      if ('ok' in result) {
        // The stored document no longer validates (the format moved on): nothing changed.
        const problems = result.ok ? [] : result.errors;
        // Version numbers are ids: written without grouping.
        const version = String(versionId);
        message.set({ tone: 'error', text: t('opt_rollback_invalid', { version }), problems, subject: t('opt_rollback_subject', { version }) });
      } else {
        message.set({ tone: 'success', text: t('opt_rollback_done', { version: String(result.id), from: String(versionId) }) });
      }
    } catch (error) {
      message.set({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      pending.set(null);
    }
  }

  async function exportConfig(): Promise<void> {
    const file = await exportActive(db);
    if (!file) {
      message.set({ tone: 'error', text: t('opt_export_none') });
      return;
    }
    deps.download(file.fileName, file.text);
  }

  return { message, pending, rollBack: rollBackTo, exportConfig, dismiss: () => message.set(null) };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;

/** Offers text as a download without any browser API: a Blob URL on a temporary `<a download>`. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
