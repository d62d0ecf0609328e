import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { activeVersion, applyImport, previewFiles, previewText } from './config-store';
import { SlaLensDatabase } from './database';

const designExample = readFileSync(new URL('../config/__fixtures__/design-example.json', import.meta.url), 'utf8');
const valid = JSON.parse(designExample) as unknown;

let db: SlaLensDatabase;
beforeAll(async () => {
  db = new SlaLensDatabase('import-fuzz');
  const preview = await previewText(db, designExample, { kind: 'paste' });
  if (!preview.ok) throw new Error('the design example must be valid');
  await applyImport(db, preview);
});
afterAll(async () => {
  await db.delete();
});

async function unchangedAfter(check: () => Promise<void>) {
  const before = { active: (await activeVersion(db))?.id, versions: await db.configVersions.count(), policies: await db.policies.count() };
  await check();
  expect({ active: (await activeVersion(db))?.id, versions: await db.configVersions.count(), policies: await db.policies.count() }).toEqual(before);
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v`. */
function paths(v: Json, at: Array<string | number> = []): Array<Array<string | number>> {
  const here = [at];
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => paths(x, [...at, i])));
  if (v && typeof v === 'object') return here.concat(...Object.entries(v).map(([k, x]) => paths(x, [...at, k])));
  return here;
}

function mutate(doc: Json, path: Array<string | number>, op: 'delete' | 'replace' | 'unknown-key' | 'duplicate', replacement: Json): Json {
  const copy = structuredClone(doc);
  if (path.length === 0) return op === 'replace' ? replacement : copy;
  const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, copy) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1]!;
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (op === 'replace') {
    (parent as Record<string | number, Json>)[key] = replacement;
  } else if (op === 'unknown-key') {
    const target = (parent as Record<string | number, Json>)[key];
    if (target && typeof target === 'object' && !Array.isArray(target)) target.colour = replacement;
  } else if (Array.isArray(parent)) {
    parent.push(structuredClone(parent[Number(key)]!));
  }
  return copy;
}

const anyJson = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;

describe('import never throws and never writes an invalid file', () => {
  it('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const text = new TextDecoder().decode(bytes);
        await unchangedAfter(async () => {
          const preview = await previewFiles(db, [{ name: 'random.bin', text }]);
          expect(preview.ok).toBe(false);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('random text that looks like JSON or YAML', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          anyJson.map((v) => JSON.stringify(v)),
          anyJson.map((v) => toYaml(v)),
        ),
        async (text) => {
          await unchangedAfter(async () => {
            const preview = await previewText(db, text, { kind: 'paste' });
            if (preview.ok) return;
            expect(preview.errors.length).toBeGreaterThan(0);
            for (const e of preview.errors) expect(e.message.length).toBeGreaterThan(0);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random mutations of a valid configuration, in JSON and in YAML', async () => {
    const all = paths(valid as Json);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.constantFrom('delete', 'replace', 'unknown-key', 'duplicate') as fc.Arbitrary<'delete' | 'replace' | 'unknown-key' | 'duplicate'>,
        anyJson,
        fc.boolean(),
        async (path, op, replacement, asYaml) => {
          const doc = mutate(valid as Json, path, op, replacement);
          const text = asYaml ? toYaml(doc) : JSON.stringify(doc, null, 2);
          await unchangedAfter(async () => {
            const preview = await previewText(db, text, { kind: 'paste' });
            if (!preview.ok) {
              expect(preview.errors.length).toBeGreaterThan(0);
              // Every error points somewhere real: a path, and a position when the text has one.
              for (const e of preview.errors) expect(typeof e.path).toBe('string');
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random Zendesk-looking exports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ sla_policies: fc.array(fc.record({ id: fc.integer(), title: fc.string(), filter: anyJson, policy_metrics: fc.array(anyJson, { maxLength: 3 }) }), { maxLength: 3 }) }),
        fc.option(
          fc.record({
            schedules: fc.array(
              fc.record({ id: fc.integer(), name: fc.string(), time_zone: fc.string(), intervals: fc.array(fc.record({ start_time: fc.integer(), end_time: fc.integer() }), { maxLength: 3 }) }),
              { maxLength: 2 },
            ),
          }),
        ),
        async (policies, schedules) => {
          const files = [{ name: 'policies.json', text: JSON.stringify(policies) }];
          if (schedules) files.push({ name: 'schedules.json', text: JSON.stringify(schedules) });
          await unchangedAfter(async () => {
            await previewFiles(db, files);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
