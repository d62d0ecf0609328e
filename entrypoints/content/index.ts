import { defineContentScript } from '#imports';
import { BUILT_IN_MATCHES } from '../../lib/sources/sites';

export default defineContentScript({
  matches: BUILT_IN_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // Marker for end-to-end tests: proves the script ran, and that it cleans up after an update
    // or reload (invalidated context) without throwing into the page.
    const root = document.documentElement;
    root.dataset.slaLens = 'active';
    ctx.onInvalidated(() => {
      delete root.dataset.slaLens;
    });
    // An orphaned content script only learns it is orphaned when its context is checked. The
    // tab's ticker (ctx.setInterval checks the context on every tick) makes an extension update
    // clean up within a second; the overlay will drive badges from this tick.
    ctx.setInterval(() => undefined, 1000);
  },
});
