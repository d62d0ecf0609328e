import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(path.join(tmpdir(), 'sla-lens-demo-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm start (the demo), headless', () => {
  it('loads the sample configuration and writes a screenshot of every demo page and the popup', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/demo.ts', '--headless'], { env: { ...process.env, DEMO_OUT: out }, timeout: 120_000 });
    expect(stdout).toMatch(/Loaded the sample SLA configuration \(public\/sla-config\.sample\.json\) as version 1\./);
    for (const name of ['options', 'jira-queue', 'jira-board', 'zendesk-view', 'zendesk-ticket', 'popup']) {
      const file = path.join(out, `${name}.png`);
      expect(stdout).toContain(file);
      expect(existsSync(file)).toBe(true);
      // A real picture, not an empty file.
      expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      expect(readFileSync(file).length).toBeGreaterThan(5000);
    }
  }, 150_000);
});
