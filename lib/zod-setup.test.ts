import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

describe('zod never evaluates code in the extension', () => {
  it('the setup turns zod’s code generation off', async () => {
    await import('./zod-setup');
    expect(z.config().jitless).toBe(true);
  });

  it.each(['entrypoints/background.ts', 'entrypoints/options/main.tsx'])('%s imports the setup before anything else', (file) => {
    const first = /^import\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/m.exec(readFileSync(file, 'utf8'));
    expect(first?.[1] ?? first?.[2]).toMatch(/lib\/zod-setup$/);
  });
});
