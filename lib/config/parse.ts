import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { checkJsonSyntax } from './json-syntax';
import type { Problem } from './problem';
import { locate } from './source-map';
import type { ParseResult } from './types';
import { validateWith } from './validate';

/**
 * A config file's text, JSON or YAML, to a checked and resolved config. Both go through the YAML
 * parser (JSON is YAML), whose document keeps the source range of every node, so problems found
 * later — unknown fields, bad durations, undefined calendars — still carry line and column.
 * JSON text gets a strict syntax check first: YAML forgives trailing commas and single quotes.
 */
export function parseConfigText(text: string, fileName?: string): ParseResult {
  const lines = new LineCounter();
  const fail = (errors: Problem[], warnings: Problem[] = []): ParseResult => ({ ok: false, errors, warnings });

  if (text.trim() === '') return fail([{ severity: 'error', path: '', message: 'The file is empty.', line: 1, column: 1 }]);

  if (looksLikeJson(text, fileName)) {
    const fault = checkJsonSyntax(text);
    if (fault) {
      return fail([{ severity: 'error', path: '', message: fault.message, ...positionOf(text, fault.offset) }]);
    }
  }

  // `uniqueKeys` (the default) makes a repeated field an error: JSON.parse would keep the last silently.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, version: '1.2' });
  const toSyntax = (e: YAMLError, severity: Problem['severity']): Problem => {
    const { line, col } = lines.linePos(e.pos[0]);
    return { severity, path: '', message: yamlMessage(e, text), line, column: col };
  };
  const warnings = doc.warnings.map((w) => toSyntax(w, 'warning'));
  if (doc.errors.length > 0)
    return fail(
      doc.errors.map((e) => toSyntax(e, 'error')),
      warnings,
    );

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved aliases (*name without &name) and alias bombs surface only here.
    const message = e instanceof Error ? e.message : String(e);
    return fail([{ severity: 'error', path: '', message: `This is not valid YAML: ${message.charAt(0).toLowerCase()}${message.slice(1)}${/[.!?]$/.test(message) ? '' : '.'}` }], warnings);
  }
  return validateWith(value, (p) => locate(doc, lines, p.path, p.at), warnings);
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function looksLikeJson(text: string, fileName: string | undefined): boolean {
  if (fileName !== undefined) {
    if (/\.json$/i.test(fileName)) return true;
    if (/\.ya?ml$/i.test(fileName)) return false;
  }
  return /^\s*[{[]/.test(text.replace(/^\uFEFF/, ''));
}

const YAML_MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: 'Indent YAML with spaces, not tabs.',
  MULTIPLE_DOCS: 'The file holds more than one YAML document (a line with ---); keep one.',
  // In JSON-like flow text ({"a": 1 "b": 2}) the library's own sentence is misleading.
  BLOCK_IN_FLOW: 'A comma or closing bracket is probably missing before this point.',
};

function yamlMessage(e: YAMLError, text: string): string {
  if (e.code === 'DUPLICATE_KEY') {
    // The error marks the start of the repeated key; read the key itself for the message.
    const key = /^(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^:\s,{}[\]]+)/.exec(text.slice(e.pos[0]))?.[0] ?? '';
    const name = key.startsWith("'") ? `"${key.slice(1, -1)}"` : key.startsWith('"') ? key : `"${key}"`;
    return `The field ${name} appears twice in the same object; keep only one.`;
  }
  const known = YAML_MESSAGES[e.code];
  if (known) return known;
  // The library's message ends with its own " at line …" excerpt; we carry line and column separately.
  const own = e.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
  return `This is not valid YAML: ${own.charAt(0).toLowerCase()}${own.slice(1)}${/[.!?]$/.test(own) ? '' : '.'}`;
}
