import { t, tp } from '../i18n/core';

/**
 * A strict JSON syntax check with readable messages and the exact offset of the fault. The YAML
 * parser reads JSON too, but it forgives what JSON forbids (trailing commas, single quotes,
 * comments), and `JSON.parse` reports positions differently on every engine; an admin who
 * wrote a `.json` file should hear about the comma on line 12, column 5.
 */
export interface SyntaxFault {
  message: string;
  offset: number;
}

class Fault extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Far deeper than any configuration (calendars → holidays → hours → interval is five). The checker,
 * the YAML composer and zod all recurse per level; 100,000 nested brackets overflow the stack.
 */
export const MAX_NESTING = 64;

/** Said wherever nesting is refused (the JSON check, the YAML text before composing). */
export function tooDeepMessage(): string {
  return tp('cfg_too_deep', MAX_NESTING);
}

export function checkJsonSyntax(text: string): SyntaxFault | null {
  let i = 0;
  const ws = () => {
    for (;;) {
      while (i < text.length && ' \t\n\r\uFEFF'.includes(text[i]!)) i++;
      if (text.startsWith('//', i) || text.startsWith('/*', i)) {
        throw new Fault(t('cfg_json_comment'), i);
      }
      return;
    }
  };
  const end = (missing: 'cfg_json_end_value' | 'cfg_json_end_brace' | 'cfg_json_end_bracket' | 'cfg_json_end_colon') => new Fault(t(missing), text.length);

  const string = () => {
    const start = i++;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Fault(t('cfg_json_bad_escape', { escape: `\\${e ?? ''}` }), i);
        continue;
      }
      if (c === '\n' || c === '\r') throw new Fault(t('cfg_json_unclosed_line'), start);
      if (c < ' ') throw new Fault(t('cfg_json_control'), i);
      i++;
    }
    throw new Fault(t('cfg_json_unclosed'), start);
  };

  const value = (): void => {
    ws();
    if (i >= text.length) throw end('cfg_json_end_value');
    const c = text[i]!;
    if (c === '{' || c === '[') {
      if (++depth > MAX_NESTING) throw new Fault(tooDeepMessage(), i);
      if (c === '{') object();
      else array();
      depth--;
      return;
    }
    if (c === '"') return string();
    if (c === "'") throw new Fault(t('cfg_json_single_quotes'), i);
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number && number[0] !== '' && number[0] !== '-') {
      i += number[0].length;
      return;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    throw new Fault(t('cfg_json_unexpected', { token: JSON.stringify(text.slice(i).match(/^[^\s,:{}[\]]{1,20}|^./)![0]) }), i);
  };

  const object = () => {
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (i >= text.length) throw end('cfg_json_end_brace');
      if (text[i] === '}') throw new Fault(t('cfg_json_comma_before_brace'), lastComma);
      if (text[i] === "'") throw new Fault(t('cfg_json_key_single_quotes'), i);
      if (text[i] !== '"') throw new Fault(t('cfg_json_key_unquoted'), i);
      string();
      ws();
      if (text[i] !== ':') throw i >= text.length ? end('cfg_json_end_colon') : new Fault(t('cfg_json_colon'), i);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        lastComma = i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      throw i >= text.length ? end('cfg_json_end_brace') : new Fault(t('cfg_json_expected_comma_brace'), i);
    }
  };

  const array = () => {
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (i >= text.length) throw end('cfg_json_end_bracket');
      if (text[i] === ']') throw new Fault(t('cfg_json_comma_before_bracket'), lastComma);
      value();
      ws();
      if (text[i] === ',') {
        lastComma = i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      throw i >= text.length ? end('cfg_json_end_bracket') : new Fault(t('cfg_json_expected_comma_bracket'), i);
    }
  };

  let lastComma = 0;
  let depth = 0;
  try {
    ws();
    if (i >= text.length) return { message: t('cfg_file_empty'), offset: 0 };
    value();
    ws();
    if (i < text.length) throw new Fault(t('cfg_json_after_end'), i);
    return null;
  } catch (e) {
    // Every message is a sentence of the catalog, its full stop included.
    if (e instanceof Fault) return { message: e.message, offset: e.offset };
    throw e;
  }
}
