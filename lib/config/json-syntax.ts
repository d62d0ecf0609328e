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

export const tooDeepMessage = `Lists and objects are nested more than ${MAX_NESTING} levels deep here; an SLA Lens configuration needs far fewer. Check for a missing closing bracket`;

const VALUE_HINT = 'expected a value: text in double quotes, a number, true, false, null, an object {…} or a list […]';

export function checkJsonSyntax(text: string): SyntaxFault | null {
  let i = 0;
  const ws = () => {
    for (;;) {
      while (i < text.length && ' \t\n\r\uFEFF'.includes(text[i]!)) i++;
      if (text.startsWith('//', i) || text.startsWith('/*', i)) {
        throw new Fault('JSON does not allow comments; remove this comment, or save the file as YAML (.yaml)', i);
      }
      return;
    }
  };
  const end = (what: string) => new Fault(`The file ends too early: ${what} is missing`, text.length);

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
        else throw new Fault(`"\\${e ?? ''}" is not a valid escape in JSON text; write "\\\\" for a backslash`, i);
        continue;
      }
      if (c === '\n' || c === '\r') throw new Fault('This text has no closing double quote before the end of the line', start);
      if (c < ' ') throw new Fault('Control characters must be escaped inside JSON text (write \\t for a tab)', i);
      i++;
    }
    throw new Fault('This text has no closing double quote', start);
  };

  const value = (): void => {
    ws();
    if (i >= text.length) throw end('a value');
    const c = text[i]!;
    if (c === '{' || c === '[') {
      if (++depth > MAX_NESTING) throw new Fault(tooDeepMessage, i);
      if (c === '{') object();
      else array();
      depth--;
      return;
    }
    if (c === '"') return string();
    if (c === "'") throw new Fault('Text must be in double quotes ("…"); single quotes are not JSON', i);
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
    throw new Fault(`Unexpected ${JSON.stringify(text.slice(i).match(/^[^\s,:{}[\]]{1,20}|^./)![0])}; ${VALUE_HINT}`, i);
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
      if (i >= text.length) throw end('a closing }');
      if (text[i] === '}') throw new Fault('Remove this comma: JSON does not allow a comma before }', lastComma);
      if (text[i] === "'") throw new Fault('Field names must be in double quotes ("name"); single quotes are not JSON', i);
      if (text[i] !== '"') throw new Fault('Field names must be in double quotes, like "name"', i);
      string();
      ws();
      if (text[i] !== ':') throw i >= text.length ? end('a ":"') : new Fault('Expected a ":" after the field name', i);
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
      throw i >= text.length ? end('a closing }') : new Fault('Expected a comma or a closing } here', i);
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
      if (i >= text.length) throw end('a closing ]');
      if (text[i] === ']') throw new Fault('Remove this comma: JSON does not allow a comma before ]', lastComma);
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
      throw i >= text.length ? end('a closing ]') : new Fault('Expected a comma or a closing ] here', i);
    }
  };

  let lastComma = 0;
  let depth = 0;
  try {
    ws();
    if (i >= text.length) return { message: 'The file is empty', offset: 0 };
    value();
    ws();
    if (i < text.length) throw new Fault('Unexpected text after the end of the JSON document', i);
    return null;
  } catch (e) {
    if (e instanceof Fault) return { message: e.message.endsWith('.') ? e.message : `${e.message}.`, offset: e.offset };
    throw e;
  }
}
