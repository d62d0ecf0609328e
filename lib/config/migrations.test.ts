import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigVersionError, migrateToLatest, migrateWith } from './migrate';
import { MIGRATIONS, type Migration } from './migrations/index';
import { LATEST_VERSION } from './schema';
import { expectOk } from './test-helpers';
import { validateConfig } from './validate';

const migrationsDir = new URL('./migrations/', import.meta.url);
const versionsDir = new URL('./__fixtures__/versions/', import.meta.url);
const STEP_FILE = /^v(\d{3})-to-v(\d{3})\.ts$/;
const EXAMPLE_FILE = /^v(\d+)\.json$/;

const stepFiles = readdirSync(migrationsDir).filter((f) => STEP_FILE.test(f));
const examples = readdirSync(versionsDir)
  .filter((f) => EXAMPLE_FILE.test(f))
  .map((f) => ({ file: f, version: Number(EXAMPLE_FILE.exec(f)![1]) }));

describe('every frozen example migrates to the latest version and validates', () => {
  it('there is a frozen example for every version from 1 to the latest', () => {
    expect(examples.map((e) => e.version).sort((a, b) => a - b)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });

  // One generated test per frozen example (read-frog style): adding a version adds a test.
  it.each(examples)('$file', ({ file, version }) => {
    const doc: unknown = JSON.parse(readFileSync(new URL(file, versionsDir), 'utf8'));
    const migrated = migrateToLatest(doc);
    expect(migrated.from).toBe(version);
    expect(migrated.doc.version).toBe(LATEST_VERSION);
    const result = expectOk(validateConfig(migrated.doc));
    expect(result.warnings).toEqual([]);
  });
});

describe('meta: migration files, registry and examples agree', () => {
  it('every migration file is registered, and every registered step has its file', () => {
    const fromFiles = stepFiles.map((f) => STEP_FILE.exec(f)!.slice(1, 3).map(Number)).sort((a, b) => a[0]! - b[0]!);
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual(fromFiles);
  });

  it('the steps form one chain 1 → 2 → … → latest', () => {
    MIGRATIONS.forEach((m, i) => expect([m.from, m.to]).toEqual([i + 1, i + 2]));
    expect(1 + MIGRATIONS.length).toBe(LATEST_VERSION);
  });

  it.each(stepFiles.length > 0 ? stepFiles : ['(no migration yet)'])('%s has a frozen example of its source version', (file) => {
    if (!STEP_FILE.test(file)) return;
    const from = Number(STEP_FILE.exec(file)![1]);
    expect(examples.map((e) => e.version)).toContain(from);
  });
});

describe('migrateToLatest refuses what it cannot read', () => {
  it.each([
    [{ policies: [] }, 'This file has no "version"; add "version": 1 at the top.'],
    [{ version: 3, policies: [] }, 'This file is version 3; this SLA Lens understands up to version 1. Update the extension.'],
    [{ version: '1' }, '"version" must be a whole number such as 1; found "1".'],
    [{ version: 0 }, '"version" must be a whole number such as 1; found 0.'],
    [{ version: 1.5 }, '"version" must be a whole number such as 1; found 1.5.'],
    [null, 'An SLA configuration must be an object with "version" and "policies" at the top.'],
    [[{ version: 1 }], 'An SLA configuration must be an object with "version" and "policies" at the top.'],
  ])('%j', (doc, message) => {
    expect(() => migrateToLatest(doc)).toThrow(new ConfigVersionError(message));
  });

  it('a current document passes through unchanged', () => {
    const doc = { version: 1, policies: [] };
    expect(migrateToLatest(doc)).toEqual({ doc, from: 1 });
  });
});

describe('the chain, with steps that do not exist yet', () => {
  const steps: Migration[] = [
    { from: 1, to: 2, migrate: ({ rules, ...rest }) => ({ ...rest, policies: rules }) },
    { from: 2, to: 3, migrate: (doc) => ({ ...doc, policies: (doc.policies as Array<{ id: string }>).map((p) => ({ ...p, id: p.id.toLowerCase() })) }) },
  ];

  it("runs every step from the document's version, in order, and stamps each version", () => {
    expect(migrateWith({ version: 1, rules: [{ id: 'A' }] }, steps, 3)).toEqual({ doc: { version: 3, policies: [{ id: 'a' }] }, from: 1 });
    expect(migrateWith({ version: 2, policies: [{ id: 'B' }] }, steps, 3)).toEqual({ doc: { version: 3, policies: [{ id: 'b' }] }, from: 2 });
  });

  it('a gap in the registry is a programming error, not a silent skip', () => {
    expect(() => migrateWith({ version: 1 }, [steps[1]!], 3)).toThrow('No migration from config version 1 to 2');
  });
});
