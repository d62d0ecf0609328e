import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeConfig, activeVersion, applyImport, exportActive, history, MAX_CONFIG_BYTES, previewFiles, previewText, rollBack, StaleImportError, type ImportPreview } from './config-store';
import { SlaLensDatabase } from './database';

const designExample = readFileSync(new URL('../config/__fixtures__/design-example.json', import.meta.url), 'utf8');

/** The design example with one resolution target changed. */
function amended(hours: string): string {
  const doc = JSON.parse(designExample) as { policies: Array<{ targets?: Record<string, { resolution?: string }> }> };
  doc.policies[0]!.targets!.High!.resolution = hours;
  return JSON.stringify(doc, null, 2);
}

function ok(preview: ImportPreview): Extract<ImportPreview, { ok: true }> {
  if (!preview.ok) throw new Error(`expected a valid preview, got ${JSON.stringify(preview.errors)}`);
  return preview;
}

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`config-store-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function snapshot() {
  return {
    active: (await activeVersion(db))?.id ?? null,
    versions: await db.configVersions.count(),
    policies: await db.policies.toArray(),
    calendars: await db.calendars.toArray(),
  };
}

describe('importing a configuration', () => {
  it('previews every policy and calendar as added, then applies them as version 1', async () => {
    const preview = ok(await previewText(db, designExample, { kind: 'file', fileName: 'acme.json' }));
    expect(preview.basedOn).toBeNull();
    expect(preview.changes.filter((c) => c.kind === 'added').map((c) => c.id)).toEqual(expect.arrayContaining(['emea', 'enterprise', 'enterprise-eu', 'zendesk-standard']));
    const version = await applyImport(db, preview, '  First import  ');
    expect(version).toMatchObject({ id: 1, note: 'First import', source: { kind: 'file', fileName: 'acme.json' } });
    expect(version.hash).toMatch(/^[0-9a-f]{64}$/);
    const config = await activeConfig(db);
    expect(config?.policies.map((p) => p.id)).toEqual(['enterprise', 'enterprise-eu', 'zendesk-standard']);
    expect(Object.keys(config!.calendars)).toEqual(['emea']);
    expect(config).toEqual(preview.config);
  });

  it('refuses an invalid file with the path of each problem and changes nothing', async () => {
    await applyImport(db, ok(await previewText(db, designExample, { kind: 'paste' })));
    const before = await snapshot();
    const broken = designExample.replace('"4h"', '"2d"').replace('"timeZone": "Europe/Berlin"', '"timeZone": "Europe/Berlinn"');
    const preview = await previewText(db, broken, { kind: 'paste' });
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['calendars[0].timeZone', 'policies[0].targets.Highest.resolution']));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over 5 MB before parsing it', async () => {
    const huge = `{"version": 1, "policies": [], "padding": "${'x'.repeat(MAX_CONFIG_BYTES)}"}`;
    const preview = await previewText(db, huge, { kind: 'paste' });
    expect(preview).toMatchObject({ ok: false, errors: [{ path: '', message: expect.stringMatching(/5\.0 MB; SLA Lens reads configuration files of up to 5 MB/) }] });
    expect(await db.configVersions.count()).toBe(0);
  });

  it('is all or nothing: a failure in the middle of applying leaves the previous configuration active', async () => {
    await applyImport(db, ok(await previewText(db, designExample, { kind: 'paste' })));
    const before = await snapshot();
    const preview = ok(await previewText(db, amended('6h'), { kind: 'paste' }));
    // Fail the write of the second policy, after the version row, the clears and the calendars.
    db.policies.hook('creating', (_key, policy) => {
      if (policy.id === 'enterprise-eu') throw new Error('disk full');
    });
    await expect(applyImport(db, preview)).rejects.toThrow('disk full');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to apply a preview made against a configuration that is no longer active', async () => {
    const first = ok(await previewText(db, designExample, { kind: 'paste' }));
    const second = ok(await previewText(db, amended('6h'), { kind: 'paste' }));
    await applyImport(db, second);
    await expect(applyImport(db, first)).rejects.toBeInstanceOf(StaleImportError);
    expect(await db.configVersions.count()).toBe(1);
  });

  it('recognises a file identical to the active configuration', async () => {
    await applyImport(db, ok(await previewText(db, designExample, { kind: 'paste' })));
    const again = ok(await previewText(db, JSON.stringify(JSON.parse(designExample)), { kind: 'paste' }));
    expect(again.unchanged).toBe(true);
    expect(again.changes).toEqual([]);
  });
});

describe('history, rollback and export', () => {
  it('keeps every version with the changes from the one before', async () => {
    await applyImport(db, ok(await previewText(db, designExample, { kind: 'paste' })), 'Initial');
    await applyImport(db, ok(await previewText(db, amended('6h'), { kind: 'paste' })), 'Tighter High');
    const versions = await history(db);
    expect(versions.map((v) => [v.id, v.note])).toEqual([
      [2, 'Tighter High'],
      [1, 'Initial'],
    ]);
    // The child inherits the target, so the amendment shows on both.
    expect(versions[0]!.changes.map((c) => c.text)).toEqual(['Policy "enterprise": High resolution target 8h → 6h', 'Policy "enterprise-eu": High resolution target 8h → 6h']);
  });

  it('rolls back by applying the earlier document as a new version', async () => {
    await applyImport(db, ok(await previewText(db, designExample, { kind: 'paste' })));
    const v1Config = await activeConfig(db);
    await applyImport(db, ok(await previewText(db, amended('6h'), { kind: 'paste' })));
    const rolled = await rollBack(db, 1);
    expect(rolled).toMatchObject({ id: 3, source: { kind: 'rollback', toVersion: 1 }, note: 'Rolled back to version 1' });
    expect(await activeConfig(db)).toEqual(v1Config);
    expect((await history(db)).map((v) => v.id)).toEqual([3, 2, 1]);
    expect((await history(db))[0]!.changes.map((c) => c.text)).toEqual(['Policy "enterprise": High resolution target 6h → 8h', 'Policy "enterprise-eu": High resolution target 6h → 8h']);
  });

  it('exports the active configuration to a file that re-imports to the identical configuration', async () => {
    await applyImport(db, ok(await previewText(db, designExample, { kind: 'paste' })));
    const before = await activeConfig(db);
    const file = await exportActive(db);
    expect(file?.fileName).toBe('acme-support-slas.v1.json');
    const again = ok(await previewText(db, file!.text, { kind: 'file', fileName: file!.fileName }));
    expect(again.unchanged).toBe(true);
    expect(again.config).toEqual(before);
  });

  it('exports nothing before any configuration is applied', async () => {
    expect(await exportActive(db)).toBeNull();
    expect(await activeConfig(db)).toBeNull();
  });
});

describe('previewing picked files', () => {
  const zendeskFixture = (name: string) => ({ name, text: readFileSync(new URL(`../config/zendesk/__fixtures__/${name}`, import.meta.url), 'utf8') });

  it("converts Zendesk's exports picked together, naming the files in the source", async () => {
    const preview = ok(await previewFiles(db, [zendeskFixture('sla_policies.list.200.json'), zendeskFixture('schedules.list.200.json')]));
    expect(preview.source).toEqual({ kind: 'zendesk', fileNames: ['sla_policies.list.200.json', 'schedules.list.200.json'] });
    expect(preview.config.policies.every((p) => p.id.startsWith('zendesk-'))).toBe(true);
    expect(preview.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^sla_policies\.list\.200\.json: /)]));
  });

  it('explains a Zendesk body that is not an export instead of reading it as an SLA Lens file', async () => {
    const preview = await previewFiles(db, [zendeskFixture('sla_policies.definitions.200.json')]);
    expect(preview).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/list of the conditions a policy may use/) }] });
  });

  it('refuses several SLA Lens files at once, and an empty pick', async () => {
    const two = await previewFiles(db, [
      { name: 'a.json', text: designExample },
      { name: 'b.json', text: designExample },
    ]);
    expect(two).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/one SLA Lens configuration file at a time/) }] });
    expect(await previewFiles(db, [])).toMatchObject({ ok: false, errors: [{ message: 'Choose a file to import.' }] });
    expect(await db.configVersions.count()).toBe(0);
  });
});

describe('the write announces the active version', () => {
  it('apply and rollback announce the version they made active, once committed; a refused apply announces nothing', async () => {
    const heard: Array<{ id: number; active: number | null }> = [];
    const announcing = new SlaLensDatabase(`config-store-announce-${n++}`, {
      // What the database says when the announcement arrives: the write is already committed.
      onActiveVersion: async (id) => void heard.push({ id, active: (await activeVersion(announcing))?.id ?? null }),
    });
    try {
      const first = ok(await previewText(announcing, designExample, { kind: 'paste' }));
      await applyImport(announcing, first);
      await applyImport(announcing, ok(await previewText(announcing, amended('9h'), { kind: 'paste' })));
      await rollBack(announcing, 1);
      expect(heard).toEqual([
        { id: 1, active: 1 },
        { id: 2, active: 2 },
        { id: 3, active: 3 },
      ]);
      // Based on version 1, but 3 is active: refused, and nothing is announced.
      await expect(applyImport(announcing, first)).rejects.toThrow(StaleImportError);
      expect(heard).toHaveLength(3);
    } finally {
      await announcing.delete();
    }
  });

  it('a failing announcement does not undo the apply', async () => {
    const failing = new SlaLensDatabase(`config-store-announce-${n++}`, { onActiveVersion: () => Promise.reject(new Error('storage is gone')) });
    try {
      const applied = await applyImport(failing, ok(await previewText(failing, designExample, { kind: 'paste' })));
      expect((await activeVersion(failing))?.id).toBe(applied.id);
    } finally {
      await failing.delete();
    }
  });
});
