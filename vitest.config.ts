import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['**/*.test.{ts,tsx}'],
    // Real IndexedDB semantics in Node for the Dexie tests.
    setupFiles: ['testing/setup/fake-indexeddb.ts', 'testing/setup/i18n.ts'],
    exclude: ['**/node_modules/**', '.output/**', '.wxt/**'],
    // Timings never decide a unit test; generous limits only guard against hangs.
    testTimeout: 20_000,
  },
});
