/**
 * Imported first by every entry that validates with zod (the background, the options page):
 * zod 4 otherwise probes `new Function` to compile faster validators. Extension pages forbid
 * eval, so the probe only fails, and a strict CSP still reports the caught violation; Mozilla's
 * linter flags the Function constructor. Interpreted validation is fast enough for our messages
 * and files.
 */
import { z } from 'zod';

z.config({ jitless: true });
