import { XlicError } from './errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

// The BOM is kept here and dropped once by parseJson, so two BOMs are a syntax error.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode bytes as UTF-8 text, refusing binary data and invalid UTF-8.
 * A leading byte-order mark is dropped.
 */
export function decodeText(bytes: Uint8Array, limits: Partial<Limits> = {}): string {
  const max = limits.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  if (bytes.length > max) throw new XlicError('INPUT_TOO_LARGE', `input is ${bytes.length} bytes; the limit is ${max}`);
  if (bytes.length === 0) throw new XlicError('INPUT_EMPTY', 'input is empty');
  if (bytes.indexOf(0) !== -1) throw new XlicError('INPUT_BINARY', 'input is binary data, not a JSON or JWS document');
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new XlicError('INPUT_NOT_UTF8', 'input is not valid UTF-8 text', { cause });
  }
}

/**
 * Parse JSON strictly: RFC 8259 grammar only, duplicate keys rejected (different parsers
 * disagree on which one wins), nesting depth and string length limited, numbers must be finite.
 * `__proto__` and `constructor` become ordinary own properties, never prototypes.
 *
 * @example
 * const doc = parseJson('{"documentType":"license"}');
 */
export function parseJson(text: string, limits: Partial<Limits> = {}): unknown {
  const maxDepth = limits.maxJsonDepth ?? DEFAULT_LIMITS.maxJsonDepth;
  const maxString = limits.maxStringLength ?? DEFAULT_LIMITS.maxStringLength;
  const maxBytes = limits.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  // UTF-16 length is a lower bound of the UTF-8 size, so this cheap check never refuses valid input.
  if (text.length > maxBytes) throw new XlicError('INPUT_TOO_LARGE', `input is over ${maxBytes} bytes`);
  let i = 0;
  const n = text.length;

  const fail = (msg: string): never => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const col = i - before.lastIndexOf('\n');
    throw new XlicError('JSON_SYNTAX', `not valid JSON: ${msg} at line ${line}, column ${col}`);
  };
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const str = (): string => {
    // at opening quote
    i++;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= n) fail('unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        break;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default: i -= 2; fail('bad escape');
        }
        start = i;
      } else {
        i++;
      }
      if (i - start + out.length > maxString) {
        throw new XlicError('JSON_STRING_TOO_LONG', `a string is longer than ${maxString} characters`);
      }
    }
    if (out.length > maxString) throw new XlicError('JSON_STRING_TOO_LONG', `a string is longer than ${maxString} characters`);
    return out;
  };
  const num = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i] !== undefined && text[i]! >= '1' && text[i]! <= '9') { while (i < n && text[i]! >= '0' && text[i]! <= '9') i++; }
    else fail('bad number');
    if (text[i] === '.') {
      i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) fail('bad number');
      while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i]! >= '0' && text[i]! <= '9')) fail('bad number');
      while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
    }
    if (i - start > 64) throw new XlicError('JSON_NUMBER_OUT_OF_RANGE', 'a number has more than 64 characters');
    const v = Number(text.slice(start, i));
    if (!Number.isFinite(v)) throw new XlicError('JSON_NUMBER_OUT_OF_RANGE', `number ${text.slice(start, i)} is out of range`);
    return v;
  };
  const value = (depth: number): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      if (depth >= maxDepth) throw new XlicError('JSON_TOO_DEEP', `JSON is nested deeper than ${maxDepth} levels`);
      i++;
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a string key');
        const key = str();
        if (seen.has(key)) throw new XlicError('JSON_DUPLICATE_KEY', `duplicate key "${key.slice(0, 60)}"`);
        seen.add(key);
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        const v = value(depth + 1);
        // defineProperty keeps "__proto__" an own data property instead of setting the prototype
        Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      if (depth >= maxDepth) throw new XlicError('JSON_TOO_DEEP', `JSON is nested deeper than ${maxDepth} levels`);
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return arr; }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') return str();
    if (c === 't' && text.startsWith('true', i)) { i += 4; return true; }
    if (c === 'f' && text.startsWith('false', i)) { i += 5; return false; }
    if (c === 'n' && text.startsWith('null', i)) { i += 4; return null; }
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
    return c === undefined ? fail('unexpected end of input') : fail(`unexpected character ${JSON.stringify(c)}`);
  };

  let start = 0;
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  i = start;
  const result = value(0);
  ws();
  if (i < n) fail('unexpected data after the JSON value');
  return result;
}
