import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeVersion, applyImport, previewText } from '../db/config-store';
import { SlaLensDatabase } from '../db/database';
import { createImportStore, type ImportState, type ImportStore, type PickedFile } from './import-store';

const designExample = readFileSync(path.join(import.meta.dirname, '../config/__fixtures__/design-example.json'), 'utf8');

let db: SlaLensDatabase;
beforeEach(() => {
  db = new SlaLensDatabase(`test-import-store-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const file = (name: string, text: string, size = text.length): PickedFile & { text: ReturnType<typeof vi.fn> } => ({
  name,
  size,
  text: vi.fn(async () => text),
});

function recordPhases(store: ReturnType<typeof createImportStore>) {
  const seen: string[] = [];
  store.state.subscribe((s: ImportState) => seen.push(s.phase === 'busy' ? s.message : s.phase));
  return seen;
}

describe('import store', () => {
  it('refuses a file over 5 MB without reading it', async () => {
    const store = createImportStore(db, { fetchSample: async () => '', yieldToUi: async () => {} });
    const huge = file('huge.json', '{}', 6 * 1024 * 1024);
    await store.checkFiles([huge]);
    expect(huge.text).not.toHaveBeenCalled();
    const state = store.state.get();
    expect(state.phase === 'checked' && !state.preview.ok && state.preview.errors.map((e) => e.message)).toEqual(['huge.json is 6.0 MB; SLA Lens reads configuration files of up to 5 MB.']);
  });

  it('refuses files whose sizes add up to more than 5 MB without reading any', async () => {
    const store = createImportStore(db, { fetchSample: async () => '', yieldToUi: async () => {} });
    const picked = Array.from({ length: 200 }, (_, i) => file(`export-${i}.json`, '{}', 4.9 * 1024 * 1024));
    await store.checkFiles(picked);
    for (const f of picked) expect(f.text).not.toHaveBeenCalled();
    const state = store.state.get();
    expect(state.phase === 'checked' && !state.preview.ok && state.preview.errors.map((e) => e.message)).toEqual(['These 200 files are 980.0 MB together; SLA Lens reads up to 5 MB at a time.']);
  });

  it.each([
    ['the file', (store: ImportStore) => store.checkFiles([file('acme.json', designExample)])],
    ['the pasted text', (store: ImportStore) => store.checkText(designExample)],
    ['the sample', (store: ImportStore) => store.loadSample()],
  ])('any exception while checking %s becomes a listed problem, never a panel stuck on "Checking…"', async (_what, check) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // A database whose every read throws stands for whatever the checker may meet.
    const broken = new Proxy(db, {
      get(target, key) {
        if (key === 'meta' || key === 'configVersions' || key === 'transaction') throw new RangeError('Maximum call stack size exceeded');
        return Reflect.get(target, key) as unknown;
      },
    });
    const store = createImportStore(broken, { fetchSample: async () => designExample, yieldToUi: async () => {} });
    await expect(check(store)).resolves.toBeUndefined();
    const state = store.state.get();
    expect(state.phase).toBe('checked');
    expect(state.phase === 'checked' && !state.preview.ok && state.preview.errors.map((e) => e.message)).toEqual([
      'SLA Lens could not check this configuration (Maximum call stack size exceeded). Nothing was changed. If the file is valid, please report this.',
    ]);
  });

  it('says what it is doing, step by step, yielding to the page between steps', async () => {
    const yieldToUi = vi.fn(async () => {});
    const store = createImportStore(db, { fetchSample: async () => '', yieldToUi });
    const seen = recordPhases(store);
    await store.checkFiles([file('acme.json', designExample)]);
    expect(seen).toEqual(['Reading acme.json…', 'Checking…', 'checked']);
    expect(yieldToUi).toHaveBeenCalledTimes(2);
    const state = store.state.get();
    expect(state.phase === 'checked' && state.preview.ok && state.preview.source).toEqual({ kind: 'file', fileName: 'acme.json' });
  });

  it('a newer check supersedes one still running', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const store = createImportStore(db, { fetchSample: async () => '', yieldToUi: () => gate });
    const first = store.checkFiles([file('first.json', designExample)]);
    store.dismiss();
    release();
    await first;
    expect(store.state.get().phase).toBe('idle');
  });

  it('when another page applied a config since the preview: says so, previews again, and applies nothing', async () => {
    const store = createImportStore(db, { fetchSample: async () => '', yieldToUi: async () => {} });
    store.draft.set(designExample);
    await store.checkText(designExample);
    const other = await previewText(db, designExample.replace('Acme support SLAs', 'Other tab'), { kind: 'paste' });
    if (!other.ok) throw new Error('valid');
    await applyImport(db, other);

    expect(await store.apply()).toBeNull();
    const state = store.state.get();
    expect(state.phase).toBe('checked');
    if (state.phase !== 'checked' || !state.preview.ok) throw new Error('expected a fresh preview');
    expect(state.notice).toMatch(/The active configuration changed since this import was previewed/);
    expect(state.preview.basedOn).toBe(1);
    expect(state.preview.changes.map((c) => c.text)).toEqual(['Config name "Other tab" → "Acme support SLAs"']);
    expect((await activeVersion(db))?.document.name).toBe('Other tab');

    const applied = await store.apply();
    expect(applied?.id).toBe(2);
    expect(store.state.get().phase).toBe('applied');
  });

  it('pasted text is recorded as pasted', async () => {
    const store = createImportStore(db, { fetchSample: async () => '', yieldToUi: async () => {} });
    await store.checkText(designExample);
    store.note.set('  why  ');
    const version = await store.apply();
    expect(version?.source).toEqual({ kind: 'paste' });
    expect(version?.note).toBe('why');
    expect(store.note.get()).toBe('');
  });
});
