/**
 * One check of a subscribed configuration against the database: download it (conditionally),
 * validate it exactly as an import, and apply it as the next version when it is valid and new.
 * Whatever goes wrong leaves the configuration in force; the returned state says what happened.
 * Runs in the background (runner.ts); the options page's "Check now" only makes the state due.
 */
import { applyImport, previewText, problemList, StaleImportError } from '../db/config-store';
import type { ConfigVersion, SlaLensDatabase } from '../db/database';
import { fetchConfigFile } from './fetch-config';
import { afterFetch, shouldApply, type ApplyResult, type SubscriptionState } from './state';
import { t, tp } from '../i18n/core';

export interface CheckDeps {
  fetch: typeof fetch;
  now: () => number;
  /** Set by the organisation's policy: nobody is there to confirm, so its file is applied as it is. */
  managed?: boolean;
  timeoutMs?: number;
  /** The content hash of a file waiting for confirmation that the user has just confirmed. */
  confirmed?: string;
}

export interface CheckResult {
  state: SubscriptionState;
  /** The version this check applied, if it applied one. */
  applied?: ConfigVersion;
}

export async function checkSubscription(db: SlaLensDatabase, state: SubscriptionState, deps: CheckDeps): Promise<CheckResult> {
  const outcome = await fetchConfigFile(state.url, state, { fetch: deps.fetch, ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) });
  const done = (result: ApplyResult, applied?: ConfigVersion): CheckResult => ({ state: afterFetch(state, outcome, deps.now(), result), ...(applied ? { applied } : {}) });
  if (outcome.kind === 'failed') return done({ kind: 'failed', message: outcome.message });
  if (outcome.kind === 'not-modified') return done({ kind: 'unchanged' });

  const source = deps.managed ? { kind: 'policy' as const, url: outcome.finalUrl } : { kind: 'subscription' as const, url: outcome.finalUrl, ...(outcome.etag ? { etag: outcome.etag } : {}) };
  const preview = await previewText(db, outcome.text, source);
  if (!preview.ok) return done({ kind: 'invalid', problems: problemList(preview.errors) });
  // The same file as last applied, or what is in force already (an alarm and "Check now" racing,
  // or an admin who imported the same file by hand): nothing to record.
  if (preview.unchanged || !shouldApply(state, preview.hash)) return done({ kind: 'unchanged' });
  // A file that keeps none of the policies in force is more likely the wrong file than an
  // amendment: a person says yes first. A policy has no one to ask, and the organisation chose its file.
  const inForce = await db.policies.count();
  const removed = preview.changes.filter((c) => c.subject === 'policy' && c.kind === 'removed').length;
  if (!deps.managed && deps.confirmed !== preview.hash && inForce > 0 && removed === inForce) {
    return done({
      kind: 'needs-confirmation',
      hash: preview.hash,
      reason: preview.document.policies.length > 0 ? tp('sub_confirm_replace', inForce, { others: preview.document.policies.length }) : tp('sub_confirm_remove', inForce),
    });
  }
  try {
    const applied = await applyImport(db, preview, t('sub_note_updated_from', { url: outcome.finalUrl }));
    return done({ kind: 'applied', hash: preview.hash }, applied);
  } catch (error) {
    // Another route applied a version between the preview and the write: the next check compares again.
    if (error instanceof StaleImportError) return done({ kind: 'failed', message: t('sub_check_raced') });
    throw error;
  }
}
