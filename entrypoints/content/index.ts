import { defineContentScript } from '#imports';
import { BUILT_IN_MATCHES } from '../../lib/sources/sites';

export default defineContentScript({
  matches: BUILT_IN_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Marker for end-to-end tests: proves the script ran and cleaned up after
    // an update/reload (invalidated context) without throwing into the page.
    const root = document.documentElement;
    root.dataset.slaLens = 'active';
    ctx.onInvalidated(() => {
      delete root.dataset.slaLens;
    });
  },
});
