import { z } from 'zod';
import { configSchema } from './schema';

/**
 * The published JSON Schema of the config format (`public/sla-config.schema.json`), so editors
 * complete and check fields and show each `.meta()` description on hover. Refinements (durations,
 * calendars) cannot be expressed in JSON Schema and are simply left out; the extension checks them.
 */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' });
}

/** The file's exact text: two-space indentation and a final newline, as `npm run schema` writes it. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
