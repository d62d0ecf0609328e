// Lint: typescript-eslint's recommended rules, and the module map of DESIGN.md as import
// boundaries, so the layering cannot be undone by one careless import (`npm run lint`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make: one regular expression over the import's path, as written. */
const restrict = (files, regex, message, allowTypeImports = false) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx', '**/__fixtures__/**'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex, message, allowTypeImports }] }],
  },
});

const BROWSER = '^#imports$|^wxt(/|$)';
const NODE_MODULES = 'fs|path|os|child_process|crypto|url|util|buffer|stream|events|http|https|net|tls|zlib|worker_threads';
const HEAVY = '^(zod|dexie|yaml)(/|$)';
// The background's side: the database, the configuration layer, the message schema, the tab-status store.
const BACKGROUND_ONLY = `(^|/)(db|config)(/|$)|(^|/)messaging/schema$|(^|/)tabs/page-status$|${HEAVY}`;
// A vendor's knowledge stays in its source folder: the generic layers get it as data.
const VENDOR = '(^|/)sources/(jira|zendesk)(/|$)';
const VENDOR_MESSAGE = 'Vendor knowledge lives in lib/sources/<vendor>; generic layers get it from the adapter, as data.';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'public/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Node scripts.
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  // Browser code runs in pages, extension pages and a service worker, never in Node. WXT's own
  // types bring Node's into the compiler, so the linter keeps them out: no Node module, no Node
  // global. (Core rules, so the layer rules below, which use the typed ones, do not replace them.)
  {
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/__fixtures__/**', 'lib/**/test-helpers.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^node:|^(${NODE_MODULES})(/|$)`, message: 'Browser code never imports Node modules.' }] }],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'setImmediate'].map((name) => ({ name, message: 'Browser code has no Node globals.' })),
      ],
    },
  },
  // The engine is pure: it imports nothing of ours.
  restrict(['lib/sla/**'], `^\\.\\./|${BROWSER}|${HEAVY}`, 'lib/sla is the pure engine: it imports nothing outside itself.'),
  // A ticket's view: the engine, and the words of the language in use (lib/i18n/core, pure too).
  restrict(['lib/view/**'], `^\\.\\./(?!sla(/|$)|i18n/core$)|${BROWSER}|${HEAVY}`, 'lib/view is pure and content-script-safe: it imports only lib/sla and lib/i18n/core.'),
  // The catalog's core is pure (the browser's i18n API is looked up, never imported); only browser.ts touches extension APIs.
  restrict(['lib/i18n/core.ts', 'lib/i18n/locales.ts'], `^\\.\\./(?!\\.\\./public/_locales/)|${BROWSER}|${HEAVY}`, 'lib/i18n/core is pure: its messages and nothing else.'),
  // Presentational components: no database, no browser APIs (types of the popup's read model are fine).
  restrict(['components/**'], `(^|/)lib/db(/|$)|${BROWSER}|^dexie$|${VENDOR}`, 'components/ are presentational: no database, no browser APIs, no vendor knowledge; the entrypoints wire them.', true),
  restrict(['lib/db/**', 'lib/config/**', 'lib/messaging/**', 'lib/tabs/**', 'lib/options/**'], VENDOR, VENDOR_MESSAGE),
  // What the content script loads: never the background's database, configuration, zod, Dexie or YAML.
  restrict(['entrypoints/content/**', 'lib/sources/**'], BACKGROUND_ONLY, 'The content script stays small and safe: no database, configuration layer, zod, Dexie or YAML.'),
  restrict(
    ['lib/overlay/**', 'lib/tabs/tab-status.ts', 'lib/messaging/protocol.ts', 'lib/messaging/types.ts'],
    `${BACKGROUND_ONLY}|${VENDOR}`,
    `The content script stays small and safe: no database, configuration layer, zod, Dexie or YAML. ${VENDOR_MESSAGE}`,
  ),
  // What the sources share knows no vendor.
  restrict(['lib/sources/*.ts'], `^\\./(jira|zendesk)/|${BACKGROUND_ONLY}`, `Shared source code: ${VENDOR_MESSAGE}`),
  // The two sources never reach into each other (and stay content-script-safe: a later entry for
  // the same files replaces the rule, so it says both).
  restrict(['lib/sources/jira/**'], `(^|/)zendesk(/|$)|${BACKGROUND_ONLY}`, 'Jira and Zendesk adapters share only lib/sources and stay content-script-safe.'),
  restrict(['lib/sources/zendesk/**'], `(^|/)jira(/|$)|${BACKGROUND_ONLY}`, 'Jira and Zendesk adapters share only lib/sources and stay content-script-safe.'),
);
