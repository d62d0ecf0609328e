import type { ConfigVersion, SlaLensDatabase } from '../db/database';
import { applyImport, MAX_CONFIG_BYTES, previewFiles, previewText, StaleImportError, type ImportFile, type ImportPreview } from '../db/config-store';
import type { Problem } from '../config/problem';
import { formatMegabytes } from './format';
import { value } from './value';
import { t, tp } from '../i18n/core';

/** What the import panel shows: nothing, work in progress, a checked preview, or the version just applied. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'busy'; message: string }
  | {
      phase: 'checked';
      preview: ImportPreview;
      /** What was checked: "acme.yaml", "the pasted text", "the sample configuration". */
      subject: string;
      /** Bumped on every check, so the view can move focus to a fresh result. */
      serial: number;
      applying: boolean;
      /** Why the last Apply did not happen (e.g. another tab applied a config first). */
      notice?: string;
    }
  | { phase: 'applied'; version: ConfigVersion };

/** A picked or dropped file: a `File` in the browser, anything with these members in tests. */
export interface PickedFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

export interface ImportDeps {
  /** The sample configuration's text (shipped in `public/`). */
  fetchSample(): Promise<string>;
  /** Lets the browser paint the progress message between steps of a large import. */
  yieldToUi?(): Promise<void>;
  /** Whether the organisation's policy locks the configuration: nothing is applied then. */
  locked?(): boolean;
}

type Input = { kind: 'files'; files: ImportFile[] } | { kind: 'paste'; text: string } | { kind: 'sample'; text: string };

const subjectOf = (input: Input) => (input.kind === 'files' ? input.files.map((f) => f.name).join(', ') : input.kind === 'paste' ? t('opt_import_subject_paste') : t('opt_import_subject_sample'));

/** The most SLA Lens reads at a time, as the messages say it ("5 MB"). */
const limit = () => formatMegabytes(MAX_CONFIG_BYTES, 0);

/** Import: read → check → preview → apply, with progress, stale-preview recovery and no writes until Apply. */
export function createImportStore(db: SlaLensDatabase, deps: ImportDeps) {
  const state = value<ImportState>({ phase: 'idle' });
  const note = value('');
  /** The paste box's text. */
  const draft = value('');
  const yieldToUi = deps.yieldToUi ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 16)));
  let serial = 0;
  let lastInput: Input | null = null;

  /** A newer check or a dismissal supersedes a running one: its result is dropped. */
  let run = 0;
  const busy = (message: string) => state.set({ phase: 'busy', message });

  async function check(input: Input, token: number, notice?: string): Promise<void> {
    busy(t('opt_import_checking'));
    await yieldToUi();
    if (token !== run) return;
    let preview: ImportPreview;
    try {
      if (input.kind === 'files') preview = await previewFiles(db, input.files);
      else if (input.kind === 'sample') preview = await previewText(db, input.text, { kind: 'sample' });
      else {
        // Through previewFiles, so that pasted Zendesk exports convert like dropped ones.
        preview = await previewFiles(db, [{ name: t('opt_import_paste_name'), text: input.text }]);
        if (preview.ok && preview.source.kind === 'file') preview = { ...preview, source: { kind: 'paste' } };
      }
    } catch (error) {
      // Whatever a file does to the checker (a stack overflow, a string past V8's limit, a bug of
      // ours), the panel must leave "Checking…" and say so; nothing was written.
      if (token !== run) return;
      console.error('SLA Lens could not check this configuration', error);
      const reason = error instanceof Error && error.message ? (error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message) : '';
      return refuse(subjectOf(input), [{ severity: 'error', path: '', message: reason ? t('opt_import_check_crashed_reason', { reason }) : t('opt_import_check_crashed') }]);
    }
    if (token !== run) return;
    lastInput = input;
    state.set({ phase: 'checked', preview, subject: subjectOf(input), serial: ++serial, applying: false, ...(notice ? { notice } : {}) });
  }

  function refuse(subject: string, errors: Problem[]) {
    state.set({ phase: 'checked', preview: { ok: false, errors, warnings: [] }, subject, serial: ++serial, applying: false });
  }

  async function checkFiles(files: readonly PickedFile[]): Promise<void> {
    const token = ++run;
    if (files.length === 0) return;
    // Refused before reading: a huge file must not freeze the page.
    const big = files.filter((f) => f.size > MAX_CONFIG_BYTES);
    if (big.length > 0) {
      const errors = big.map((f): Problem => ({ severity: 'error', path: '', message: t('opt_import_file_too_big', { name: f.name, size: formatMegabytes(f.size), limit: limit() }) }));
      return refuse(files.map((f) => f.name).join(', '), errors);
    }
    // The sum too, before reading any: two hundred files of 4.9 MB each are a gigabyte.
    const total = files.reduce((sum, f) => sum + f.size, 0);
    if (total > MAX_CONFIG_BYTES) {
      return refuse(files.map((f) => f.name).join(', '), [{ severity: 'error', path: '', message: tp('opt_import_files_too_big', files.length, { size: formatMegabytes(total), limit: limit() }) }]);
    }
    const read: ImportFile[] = [];
    for (const file of files) {
      busy(t('opt_import_reading', { name: file.name }));
      await yieldToUi();
      if (token !== run) return;
      try {
        read.push({ name: file.name, text: await file.text() });
      } catch {
        return refuse(file.name, [{ severity: 'error', path: '', message: t('opt_import_unreadable', { name: file.name }) }]);
      }
    }
    await check({ kind: 'files', files: read }, token);
  }

  async function checkText(text: string): Promise<void> {
    await check({ kind: 'paste', text }, ++run);
  }

  async function loadSample(): Promise<void> {
    const token = ++run;
    busy(t('opt_import_loading_sample'));
    let text: string;
    try {
      text = await deps.fetchSample();
    } catch {
      return refuse(t('opt_import_subject_sample'), [{ severity: 'error', path: '', message: t('opt_import_sample_failed') }]);
    }
    if (token !== run) return;
    await check({ kind: 'sample', text }, token);
  }

  async function apply(): Promise<ConfigVersion | null> {
    const current = state.get();
    if (current.phase !== 'checked' || !current.preview.ok || current.applying || deps.locked?.()) return null;
    const token = ++run;
    const { notice: _notice, ...checked } = current;
    state.set({ ...checked, applying: true });
    try {
      const version = await applyImport(db, current.preview, note.get());
      if (token !== run) return version;
      note.set('');
      if (lastInput?.kind === 'paste') draft.set('');
      lastInput = null;
      state.set({ phase: 'applied', version });
      return version;
    } catch (error) {
      if (token !== run) return null;
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof StaleImportError && lastInput) await check(lastInput, token, message);
      else state.set({ ...current, applying: false, notice: t('opt_import_not_applied', { error: message }) });
      return null;
    }
  }

  function dismiss(): void {
    run++;
    lastInput = null;
    state.set({ phase: 'idle' });
  }

  return { state, note, draft, checkFiles, checkText, loadSample, apply, dismiss };
}

export type ImportStore = ReturnType<typeof createImportStore>;
