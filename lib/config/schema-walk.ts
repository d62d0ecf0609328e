import type { z } from 'zod';
import type { PathSegment } from './path';

/**
 * The field names a strict object accepts at a path, for "did you mean" hints. zod's
 * `unrecognized_keys` issue names the stray key but not the allowed ones, so we read them from the
 * schema's definition (zod 4's documented `_zod.def`). Unions contribute every option's fields.
 */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
}

function def(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strip wrappers that do not change the shape. */
function unwrap(schema: z.ZodType): z.ZodType[] {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
      return d.innerType ? unwrap(d.innerType) : [];
    case 'pipe':
      return d.in ? unwrap(d.in) : [];
    case 'union':
      return (d.options ?? []).flatMap(unwrap);
    default:
      return [schema];
  }
}

function step(schema: z.ZodType, segment: PathSegment): z.ZodType[] {
  const d = def(schema);
  if (d.type === 'object' && typeof segment === 'string') return d.shape?.[segment] ? [d.shape[segment]] : [];
  if (d.type === 'array' && typeof segment === 'number') return d.element ? [d.element] : [];
  if (d.type === 'tuple' && typeof segment === 'number') return d.items?.[segment] ? [d.items[segment]] : [];
  if (d.type === 'record') return d.valueType ? [d.valueType] : [];
  return [];
}

export function allowedKeysAt(root: z.ZodType, path: readonly PathSegment[]): string[] {
  let current = unwrap(root);
  for (const segment of path) current = current.flatMap((s) => step(s, segment)).flatMap(unwrap);
  const keys = new Set<string>();
  for (const s of current) {
    const d = def(s);
    if (d.type === 'object') for (const k of Object.keys(d.shape ?? {})) keys.add(k);
  }
  return [...keys];
}
