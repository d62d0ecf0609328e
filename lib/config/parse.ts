import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { t, type MessageKey } from '../i18n/core';
import { checkJsonSyntax, tooDeepMessage } from './json-syntax';
import { documentFaults, nestingFault } from './limits';
import { MAX_PROBLEMS, type Problem } from './problem';
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

  if (text.trim() === '') return fail([{ severity: 'error', path: '', message: t('cfg_file_empty'), line: 1, column: 1 }]);

  if (looksLikeJson(text, fileName)) {
    const fault = checkJsonSyntax(text);
    if (fault) {
      return fail([{ severity: 'error', path: '', message: fault.message, ...positionOf(text, fault.offset) }]);
    }
  }

  const deep = nestingFault(text);
  if (deep !== null) return fail([{ severity: 'error', path: '', message: tooDeepMessage(), ...positionOf(text, deep) }]);

  // A repeated field is an error (JSON.parse would keep the last silently), found by
  // `documentFaults` in linear time rather than by yaml's quadratic `uniqueKeys`.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, version: '1.2', uniqueKeys: false });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const toSyntax = (e: YAMLError, severity: Problem['severity']): Problem => ({ severity, path: '', message: yamlMessage(e), ...at(e.pos[0]) });
  const warnings = doc.warnings.map((w) => toSyntax(w, 'warning'));
  const faults = documentFaults(doc).map((f): Problem & { offset: number } => ({ severity: 'error', path: '', message: f.message, ...at(f.offset), offset: f.offset }));
  if (doc.errors.length > 0 || faults.length > 0) {
    const errors = [...doc.errors.map((e) => ({ ...toSyntax(e, 'error'), offset: e.pos[0] })), ...faults].sort((a, b) => a.offset - b.offset);
    return fail(
      errors.slice(0, MAX_PROBLEMS).map(({ offset: _offset, ...p }) => p),
      warnings,
    );
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Unresolved aliases (*name without &name) and nested alias bombs surface only here. Flat
    // copies within this count are weighed by `inspectValue` in `validateWith`.
    const message = e instanceof Error ? e.message : String(e);
    return fail([{ severity: 'error', path: '', message: notYaml(message) }], warnings);
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

const YAML_MESSAGES: Record<string, MessageKey> = {
  TAB_AS_INDENT: 'cfg_yaml_tabs',
  MULTIPLE_DOCS: 'cfg_yaml_many_documents',
  // In JSON-like flow text ({"a": 1 "b": 2}) the library's own sentence is misleading.
  BLOCK_IN_FLOW: 'cfg_yaml_block_in_flow',
};

function yamlMessage(e: YAMLError): string {
  const known = YAML_MESSAGES[e.code];
  if (known) return t(known);
  // The library's message ends with its own " at line …" excerpt; we carry line and column separately.
  return notYaml(e.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim());
}

/** The YAML library's own sentence (English: it has no other), after ours. */
function notYaml(own: string): string {
  return t('cfg_yaml_invalid', { detail: `${own.charAt(0).toLowerCase()}${own.slice(1)}${/[.!?]$/.test(own) ? '' : '.'}` });
}
