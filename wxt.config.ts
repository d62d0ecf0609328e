import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { BUILT_IN_MATCHES } from './lib/sources/sites';

export default defineConfig({
  // Explicit imports everywhere: a reader can see where `browser`, `defineBackground`… come from.
  imports: false,
  modules: [],
  // Firefox defaults to MV2 in WXT; we ship one MV3 code path for both browsers.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  // WXT's sources zip (for Mozilla's reviewers) ignores .gitignore: keep test output and local files out.
  zip: { excludeSources: ['test-results/**', 'demo-screenshots/**', 'stats/**', 'stats.html', '**/*.log', '.bench/**'] },
  manifest: ({ browser }) => ({
    // The store listing and the browser's name for the extension, in the browser's language (public/_locales).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: registerContentScripts for self-hosted sites, each added at runtime (lib/sources/site-registry.ts).
    permissions: ['storage', 'alarms', 'scripting'],
    host_permissions: BUILT_IN_MATCHES,
    // Self-hosted Jira and Zendesk custom domains are granted at runtime, per site: exactly what
    // lib/sources/self-hosted.ts can ask for (https sites, and plain http on this machine only).
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    // Tickets seen in private windows are never recorded: SLA Lens does not run there.
    incognito: 'not_allowed',
    // Desktop alerts are opt-in: asked for on the options page when a team lead switches them on.
    optional_permissions: ['notifications'],
    icons: {
      16: 'icon/16.png',
      32: 'icon/32.png',
      48: 'icon/48.png',
      128: 'icon/128.png',
    },
    action: {
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' },
    },
    ...(browser !== 'firefox' && {
      // The overlay uses AbortSignal.any (Chrome 116); older browsers are told before installing.
      minimum_chrome_version: '116',
      // No web page and no other extension may message SLA Lens: it listens to its own content
      // scripts only. (Firefox does not know the key; it has no external messaging for pages.)
      externally_connectable: { ids: [] },
      // What an organisation's policy may set (lib/managed/schema.ts). Firefox reads its
      // enterprise policy without a schema; Chrome drops wrong-typed values against this one.
      storage: { managed_schema: 'managed-schema.json' },
    }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // Stable id: changing it would orphan every installed copy's data.
          id: 'sla-lens@sla-lens.dev',
          // 140 is the first ESR that understands data_collection_permissions.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android learnt data_collection_permissions in 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
