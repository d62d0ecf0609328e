import { defineConfig } from 'vitest/config';

// End-to-end suites in real browsers: one file at a time (each launches its own browser), with
// the extension built once beforehand.
export default defineConfig({
  test: {
    include: ['testing/e2e/**/*.e2e.ts'],
    globalSetup: ['testing/e2e/global-setup.ts'],
    // What the suites work out themselves with the product's formatters, they say in English.
    setupFiles: ['testing/setup/i18n.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
