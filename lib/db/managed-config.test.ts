import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeVersion, applyImport, history, previewText } from './config-store';
import { SlaLensDatabase } from './database';
import { applyManagedConfig } from './managed-config';

const designExample = readFileSync(new URL('../config/__fixtures__/design-example.json', import.meta.url), 'utf8');

let db: SlaLensDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlaLensDatabase(`managed-config-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe("the organisation's inline configuration", () => {
  it('is applied once, as the policy’s, whether it comes as text or as an object', async () => {
    const first = await applyManagedConfig(db, { kind: 'text', value: designExample }, undefined);
    expect(first.applied?.source).toEqual({ kind: 'policy' });
    expect(first.applied?.note).toBe('Set by your organisation’s policy');
    // The next start: the same policy, nothing recorded.
    const again = await applyManagedConfig(db, { kind: 'text', value: designExample }, first.textHash);
    expect(again.applied).toBeUndefined();
    // The same configuration as an object (Firefox's policies.json): in force already, nothing recorded.
    const asObject = await applyManagedConfig(db, { kind: 'object', value: JSON.parse(designExample) as Record<string, unknown> }, first.textHash);
    expect(asObject.applied).toBeUndefined();
    expect((await history(db)).length).toBe(1);
  });

  it('is refused with each problem’s path when invalid, and the configuration in force stays', async () => {
    await applyManagedConfig(db, { kind: 'text', value: designExample }, undefined);
    const doc = JSON.parse(designExample) as { policies: Array<{ calendar?: string }> };
    doc.policies[0]!.calendar = 'no-such-calendar';
    const bad = await applyManagedConfig(db, { kind: 'object', value: doc as unknown as Record<string, unknown> }, 'previous');
    expect(bad.applied).toBeUndefined();
    expect(bad.problems?.some((p) => p.path.startsWith('policies[0]'))).toBe(true);
    expect((await activeVersion(db))?.id).toBe(1);
  });

  it('leaves a file imported by hand in force until the policy itself changes', async () => {
    const first = await applyManagedConfig(db, { kind: 'text', value: designExample }, undefined);
    const doc = JSON.parse(designExample) as { name?: string };
    doc.name = 'Imported by hand';
    const preview = await previewText(db, JSON.stringify(doc), { kind: 'paste' });
    if (!preview.ok) throw new Error('must be valid');
    await applyImport(db, preview);
    const restart = await applyManagedConfig(db, { kind: 'text', value: designExample }, first.textHash);
    expect(restart.applied).toBeUndefined();
    expect((await activeVersion(db))?.source).toEqual({ kind: 'paste' });
    const amended = await applyManagedConfig(db, { kind: 'text', value: designExample.replace('"version": 1', '"version": 1 ') }, first.textHash);
    expect(amended.applied?.source).toEqual({ kind: 'policy' });
  });
});
