/**
 * `npm run schema`: writes public/sla-config.schema.json from the zod schema in lib/config.
 * A unit test (lib/config/json-schema.test.ts) fails when the committed file drifts from it.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchemaText } from '../lib/config/json-schema';

const target = fileURLToPath(new URL('../public/sla-config.schema.json', import.meta.url));
writeFileSync(target, configJsonSchemaText());
console.log(`wrote ${target}`);
