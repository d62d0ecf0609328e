/**
 * What we upload to addons.mozilla.org passes Mozilla's addons-linter (through `web-ext lint`, as
 * AMO runs it: no --self-hosted, since we publish there) with zero errors, carries the stable gecko
 * id and the data-collection declaration, and ships nothing that is not ours to ship.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_RELEASE_BUILD as FIREFOX_BUILD, GECKO_ID } from '../browser/firefox';

const run = promisify(execFile);
const ROOT = path.resolve('.');
const OUTPUT = path.resolve('.output');
const WEB_EXT = path.resolve('node_modules/.bin/web-ext');
const WXT = path.resolve('node_modules/.bin/wxt');

interface LintMessage {
  code: string;
  message: string;
  description?: string | string[];
  file?: string;
  line?: number;
  column?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

async function lint(sourceDir: string): Promise<LintReport> {
  const args = ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery', '--no-input'];
  // web-ext exits 1 when there are errors, with the report still on stdout.
  const stdout = await run(WEB_EXT, args, { maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => r.stdout,
    (error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`web-ext lint failed without a report:\n${error.stderr ?? String(error)}`);
      return error.stdout;
    },
  );
  return JSON.parse(stdout) as LintReport;
}

const describeMessages = (report: LintReport) =>
  (['errors', 'warnings', 'notices'] as const)
    .flatMap((kind) => report[kind].map((m) => `${kind.slice(0, -1).toUpperCase()} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''}: ${m.message}`))
    .join('\n');

async function listZip(zip: string): Promise<string[]> {
  const { stdout } = await run('zipinfo', ['-1', zip], { maxBuffer: 16 * 1024 * 1024 });
  return stdout.split('\n').filter(Boolean);
}

/** Test output, logs and benchmark results: never shipped. */
const isJunk = (file: string) => /(^|\/)test-results\//.test(file) || /\.log$/.test(file) || /(^|\/)\.bench(\/|$)/.test(file) || /(^|\/)stats(\.html|\/)/.test(file);

let packageName: string;
let packageVersion: string;
let zipPath: string;
let sourcesZipPath: string;
let unzipped: string;
let buildReport: LintReport;
let zipReport: LintReport;

beforeAll(async () => {
  ({ name: packageName, version: packageVersion } = JSON.parse(await readFile('package.json', 'utf8')) as { name: string; version: string });
  zipPath = path.join(OUTPUT, `${packageName}-${packageVersion}-firefox.zip`);
  sourcesZipPath = path.join(OUTPUT, `${packageName}-${packageVersion}-sources.zip`);
  const started = Date.now();
  // The same command the release uses (`npm run zip`): builds .output/firefox-mv3 again and zips it,
  // with the sources zip AMO asks for.
  await run(WXT, ['zip', '-b', 'firefox'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  for (const zip of [zipPath, sourcesZipPath]) {
    expect((await stat(zip)).mtimeMs, `${zip} was not written by wxt zip`).toBeGreaterThanOrEqual(started - 2000);
  }
  unzipped = await mkdtemp(path.join(tmpdir(), 'sla-lens-firefox-zip-'));
  await run('unzip', ['-q', zipPath, '-d', unzipped]);
  [buildReport, zipReport] = await Promise.all([lint(FIREFOX_BUILD), lint(unzipped)]);
}, 120_000);
afterAll(async () => {
  if (unzipped) await rm(unzipped, { recursive: true, force: true });
});

describe('Firefox package for addons.mozilla.org', () => {
  it.each([
    ['the build directory', () => buildReport],
    ['the zip', () => zipReport],
  ])('addons-linter finds no errors in %s', (_name, report) => {
    const r = report();
    // Warnings are allowed, but shown whenever something fails.
    expect(r.errors, describeMessages(r)).toEqual([]);
    expect(r.summary.errors).toBe(0);
  });

  it('warns of nothing but the two library code paths the README explains', () => {
    // Preact's renderer can set innerHTML (only for dangerouslySetInnerHTML, which no component
    // uses), and zod keeps its new Function probe in the bundle (never run: jitless). A new
    // warning fails here until it is explained in the README or fixed.
    const warnings = buildReport.warnings.map((m) => m.code).sort();
    expect(warnings, describeMessages(buildReport)).toEqual(['DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT']);
    expect(buildReport.notices, describeMessages(buildReport)).toEqual([]);
  });

  it('the zip lints the same as the build directory', () => {
    const codes = (r: LintReport) => [...r.errors, ...r.warnings, ...r.notices].map((m) => m.code).sort();
    expect(codes(zipReport), describeMessages(zipReport)).toEqual(codes(buildReport));
  });

  it.each([
    ['the build directory', () => FIREFOX_BUILD],
    ['the zip', () => unzipped],
  ])('the manifest in %s has the stable gecko id and declares no data collection', async (_name, dir) => {
    const manifest = JSON.parse(await readFile(path.join(dir(), 'manifest.json'), 'utf8')) as {
      manifest_version: number;
      browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
    };
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required).toEqual(['none']);
  });

  it('the zip holds the built extension and nothing else', async () => {
    const files = await listZip(zipPath);
    expect(files).toContain('manifest.json');
    expect(files.filter(isJunk)).toEqual([]);
    // Source maps would be allowed, but a production build makes none: notice if that changes.
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('the sources zip for AMO reviewers holds no test output, logs or git-ignored files', async () => {
    const files = (await listZip(sourcesZipPath)).filter((f) => !f.endsWith('/'));
    expect(files).toContain('package.json');
    // Anything git ignores is not source either (failure screenshots, reports, local output…).
    const check = spawnSync('git', ['check-ignore', '--no-index', '--stdin'], { cwd: ROOT, input: files.join('\n'), encoding: 'utf8' });
    expect(check.status, check.stderr).not.toBe(128); // 0: some are ignored, 1: none is
    const ignored = check.stdout.split('\n').filter(Boolean);
    expect([...new Set([...files.filter(isJunk), ...ignored])].sort()).toEqual([]);
  });
});
