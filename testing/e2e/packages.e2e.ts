import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const chromeZip = path.resolve('.output', `${name}-${version}-chrome.zip`);
let entries: string[];

beforeAll(async () => {
  await run('npx', ['wxt', 'zip'], { maxBuffer: 16 * 1024 * 1024 });
  entries = (await run('zipinfo', ['-1', chromeZip])).stdout.split('\n').filter(Boolean);
}, 120_000);

describe('the Chrome package', () => {
  it('holds the extension and nothing else: no test output, logs or sources', () => {
    expect(entries).toContain('manifest.json');
    expect(entries).toContain('content-scripts/content.js');
    expect(entries.filter((e) => /test-results|demo-screenshots|\.log$|\.bench|\.map$|\.tsx?$|node_modules/.test(e))).toEqual([]);
  });

  it('asks for the minimal permissions', async () => {
    const manifest = JSON.parse((await run('unzip', ['-p', chromeZip, 'manifest.json'])).stdout) as Record<string, unknown>;
    // scripting: the content script is registered at runtime for each self-hosted Jira or Zendesk
    // site an admin adds (scripting.registerContentScripts); it grants no access to any page.
    expect(manifest.permissions).toEqual(['storage', 'alarms', 'scripting']);
    // Over HTTPS only (a page served over plain http on these hosts is never read).
    expect(manifest.host_permissions).toEqual(['https://*.atlassian.net/*', 'https://*.zendesk.com/*']);
    // Self-hosted Jira and Zendesk custom domains are requested one site at a time, at runtime, and
    // never more than a site can be: https, or plain http on this machine.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(manifest.incognito).toBe('not_allowed');
    expect(manifest.optional_permissions).toEqual(['notifications']);
    // No page and no other extension may message it; browsers without what it uses are turned away.
    expect(manifest.externally_connectable).toEqual({ ids: [] });
    expect(manifest.minimum_chrome_version).toBe('116');
  });

  it('keeps the content script small: under 40 KB gzipped, without zod or Dexie', async () => {
    const content = (await run('unzip', ['-p', chromeZip, 'content-scripts/content.js'], { maxBuffer: 16 * 1024 * 1024 })).stdout;
    expect(gzipSync(content, { level: 9 }).length).toBeLessThan(40 * 1024);
    expect(content).not.toMatch(/ZodError|\$ZodType|Dexie|IDBKeyRange/);
  });

  it('ships no test marker: a page cannot tell SLA Lens is installed from an attribute the browser suites use', async () => {
    const content = (await run('unzip', ['-p', chromeZip, 'content-scripts/content.js'], { maxBuffer: 16 * 1024 * 1024 })).stdout;
    expect(content).not.toMatch(/slaLens|data-sla-lens/);
    // The suites' own build has it, so this test is about the mode, not a missing feature.
    const e2e = readFileSync(path.resolve('.output/chrome-mv3-e2e/content-scripts/content.js'), 'utf8');
    expect(e2e).toMatch(/slaLens/);
  });
});
