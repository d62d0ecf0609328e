import type { ComponentChildren } from 'preact';

/**
 * A translated sentence with elements inside it (`add {sites} to the configuration`, `{sites}`
 * being a `<code>`): each `{name}` left in `text` becomes the element `parts[name]`, wherever
 * the language put it. Text stays text.
 */
export function Words({ text, parts }: { text: string; parts: Readonly<Record<string, ComponentChildren>> }) {
  const pieces = text.split(/\{(\w+)\}/);
  return <>{pieces.map((piece, i) => (i % 2 === 1 ? (parts[piece] ?? `{${piece}}`) : piece))}</>;
}
