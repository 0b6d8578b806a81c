import { describe, expect, it } from 'vitest';
import { XlicError } from '../src/errors.js';
import { decodeText, parseJson } from '../src/json.js';
import { DEFAULT_LIMITS } from '../src/limits.js';

/** The code of the XlicError `fn` throws (fails the test when it does not throw one). */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(XlicError);
    return (e as XlicError).code;
  }
  throw new Error('expected an XlicError');
}

const nest = (n: number): string => '['.repeat(n) + ']'.repeat(n);
const nestObjects = (n: number): string => '{"a":'.repeat(n - 1) + '{}' + '}'.repeat(n - 1);

describe('parseJson', () => {
  it('parses what JSON.parse parses, for every value type', () => {
    const text = '{"s":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00","n":[0,-0.5,1e3,2E-2,12345678901234567890],"t":true,"f":false,"z":null,"o":{},"a":[]}';
    expect(parseJson(text)).toEqual(JSON.parse(text));
  });

  it('accepts whitespace around values and the four JSON whitespace characters only', () => {
    expect(parseJson(' \t\r\n{ "a" : [ 1 , 2 ] }\n\n')).toEqual({ a: [1, 2] });
    expect(codeOf(() => parseJson('\u00a0{}'))).toBe('JSON_SYNTAX');
    expect(codeOf(() => parseJson('{}\f'))).toBe('JSON_SYNTAX');
  });

  it('accepts top-level scalars (rejected later as not a document)', () => {
    expect(parseJson('"x"')).toBe('x');
    expect(parseJson('42')).toBe(42);
    expect(parseJson('null')).toBeNull();
  });

  describe('duplicate keys', () => {
    it('rejects a repeated key', () => {
      expect(codeOf(() => parseJson('{"id":"A","id":"B"}'))).toBe('JSON_DUPLICATE_KEY');
    });
    it('rejects a repeated key in a nested object', () => {
      expect(codeOf(() => parseJson('{"items":[{"line":1,"line":2}]}'))).toBe('JSON_DUPLICATE_KEY');
    });
    it('compares keys after unescaping', () => {
      expect(codeOf(() => parseJson('{"id":1,"\\u0069d":2}'))).toBe('JSON_DUPLICATE_KEY');
    });
    it('allows the same key in sibling objects', () => {
      expect(parseJson('[{"id":1},{"id":2}]')).toEqual([{ id: 1 }, { id: 2 }]);
    });
    it('rejects a repeated "__proto__" key', () => {
      expect(codeOf(() => parseJson('{"__proto__":1,"__proto__":2}'))).toBe('JSON_DUPLICATE_KEY');
    });
  });

  describe('depth limit', () => {
    it(`accepts ${DEFAULT_LIMITS.maxJsonDepth} nested arrays and objects`, () => {
      expect(() => parseJson(nest(DEFAULT_LIMITS.maxJsonDepth))).not.toThrow();
      expect(() => parseJson(nestObjects(DEFAULT_LIMITS.maxJsonDepth))).not.toThrow();
    });
    it(`rejects ${DEFAULT_LIMITS.maxJsonDepth + 1} nested arrays or objects`, () => {
      expect(codeOf(() => parseJson(nest(DEFAULT_LIMITS.maxJsonDepth + 1)))).toBe('JSON_TOO_DEEP');
      expect(codeOf(() => parseJson(nestObjects(DEFAULT_LIMITS.maxJsonDepth + 1)))).toBe('JSON_TOO_DEEP');
    });
    it('rejects very deep input without overflowing the stack', () => {
      expect(codeOf(() => parseJson(nest(100_000)))).toBe('JSON_TOO_DEEP');
    });
    it('honours a lower caller limit', () => {
      expect(() => parseJson(nest(3), { maxJsonDepth: 3 })).not.toThrow();
      expect(codeOf(() => parseJson(nest(4), { maxJsonDepth: 3 }))).toBe('JSON_TOO_DEEP');
    });
  });

  describe('string length limit', () => {
    const max = DEFAULT_LIMITS.maxStringLength;
    it(`accepts a string of ${max} characters and rejects one of ${max + 1}`, () => {
      expect((parseJson(`"${'x'.repeat(max)}"`) as string).length).toBe(max);
      expect(codeOf(() => parseJson(`"${'x'.repeat(max + 1)}"`))).toBe('JSON_STRING_TOO_LONG');
    });
    it('applies to keys as well as values', () => {
      expect(codeOf(() => parseJson(`{"${'k'.repeat(11)}":1}`, { maxStringLength: 10 }))).toBe('JSON_STRING_TOO_LONG');
      expect(parseJson(`{"${'k'.repeat(10)}":1}`, { maxStringLength: 10 })).toEqual({ kkkkkkkkkk: 1 });
    });
    it('counts unescaped characters, not source characters', () => {
      // 10 escapes of 6 source characters each decode to 10 characters
      expect(parseJson(`"${'\\u0041'.repeat(10)}"`, { maxStringLength: 10 })).toBe('A'.repeat(10));
      expect(codeOf(() => parseJson(`"${'\\u0041'.repeat(11)}"`, { maxStringLength: 10 }))).toBe('JSON_STRING_TOO_LONG');
      expect(codeOf(() => parseJson(`"ab${'\\n'.repeat(9)}"`, { maxStringLength: 10 }))).toBe('JSON_STRING_TOO_LONG');
    });
  });

  describe('numbers', () => {
    it('rejects numbers that overflow to infinity', () => {
      expect(codeOf(() => parseJson('1e400'))).toBe('JSON_NUMBER_OUT_OF_RANGE');
      expect(codeOf(() => parseJson('{"amount":-1e400}'))).toBe('JSON_NUMBER_OUT_OF_RANGE');
      expect(codeOf(() => parseJson('9'.repeat(400)))).toBe('JSON_NUMBER_OUT_OF_RANGE');
    });
    it('accepts the largest finite doubles and tiny numbers', () => {
      expect(parseJson('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
      expect(parseJson('5e-324')).toBe(5e-324);
      expect(parseJson('1e-400')).toBe(0);
    });
    it('rejects a number longer than 64 characters even when finite', () => {
      expect(parseJson(`0.${'1'.repeat(62)}`)).toBeCloseTo(0.111, 3);
      expect(codeOf(() => parseJson(`0.${'1'.repeat(63)}`))).toBe('JSON_NUMBER_OUT_OF_RANGE');
    });
    it.each(['+1', '01', '-', '.5', '1.', '1.e3', '1e', '1e+', '0x10', 'NaN', 'Infinity', '-Infinity', '- 1'])('rejects %j', (t) => {
      expect(codeOf(() => parseJson(t))).toBe('JSON_SYNTAX');
    });
  });

  describe('__proto__ and constructor', () => {
    it('keeps "__proto__" an own data property and never sets the prototype', () => {
      const doc = parseJson('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as Record<string, unknown>;
      expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(doc, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(doc, '__proto__')?.value).toEqual({ polluted: true });
      expect(Object.keys(doc)).toEqual(['__proto__', 'constructor']);
      expect((doc as { polluted?: unknown }).polluted).toBeUndefined();
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    });
    it('keeps a nested "__proto__" inside arrays an own property too', () => {
      const doc = parseJson('[{"__proto__":[1]}]') as Array<Record<string, unknown>>;
      expect(Object.getPrototypeOf(doc[0])).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(doc[0], '__proto__')?.value).toEqual([1]);
    });
  });

  describe('byte-order mark', () => {
    it('ignores one leading BOM', () => {
      expect(parseJson('\ufeff{"a":1}')).toEqual({ a: 1 });
    });
    it('rejects a BOM anywhere else', () => {
      expect(codeOf(() => parseJson('{"a":1}\ufeff'))).toBe('JSON_SYNTAX');
      expect(codeOf(() => parseJson(' \ufeff{}'))).toBe('JSON_SYNTAX');
    });
  });

  describe('trailing data', () => {
    it.each(['{} {}', '{}x', '[1]]', '"a" "b"', 'true false', '{"a":1}}'])('rejects %j', (t) => {
      expect(codeOf(() => parseJson(t))).toBe('JSON_SYNTAX');
    });
  });

  describe('syntax errors', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['empty text', '', /unexpected end of input/],
      ['only whitespace', '  \n', /unexpected end of input/],
      ['unterminated string', '{"a":"abc', /unterminated string/],
      ['raw control character in a string', '"a\tb"', /control character in string/],
      ['raw newline in a string', '"a\nb"', /control character in string/],
      ['unknown escape', '"\\x41"', /bad escape/],
      ['short \\u escape', '"\\u12"', /bad \\u escape/],
      ['non-hex \\u escape', '"\\u12G4"', /bad \\u escape/],
      ['escape at end of input', '"\\', /bad escape|unterminated/],
      ['unquoted key', '{a:1}', /expected a string key/],
      ['single-quoted key', "{'a':1}", /expected a string key/],
      ['single-quoted string', "['a']", /unexpected character/],
      ['missing colon', '{"a" 1}', /expected ":"/],
      ['missing comma in object', '{"a":1 "b":2}', /expected "," or "}"/],
      ['missing comma in array', '[1 2]', /expected "," or "]"/],
      ['trailing comma in object', '{"a":1,}', /expected a string key/],
      ['trailing comma in array', '[1,]', /unexpected character/],
      ['unclosed object', '{"a":1', /expected "," or "}"/],
      ['unclosed array', '[1', /expected "," or "]"/],
      ['line comment', '{"a":1 // note\n}', /expected "," or "}"/],
      ['block comment', '/* x */ {}', /unexpected character/],
      ['bare word', 'license', /unexpected character/],
      ['truncated literal', 'tru', /unexpected character/],
      ['capitalised literal', 'True', /unexpected character/],
      ['undefined', '[undefined]', /unexpected character/],
    ];
    it.each(cases)('%s', (_name, text, message) => {
      try {
        parseJson(text);
        expect.unreachable('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(XlicError);
        expect((e as XlicError).code).toBe('JSON_SYNTAX');
        expect((e as XlicError).message).toMatch(message);
      }
    });
    it('reports line and column of the error', () => {
      expect(() => parseJson('{\n  "a": 1,\n  "b": ?\n}')).toThrow(/at line 3, column 8/);
    });
  });

  it('refuses text longer than the input limit before parsing', () => {
    expect(codeOf(() => parseJson('[1, 2]', { maxInputBytes: 5 }))).toBe('INPUT_TOO_LARGE');
    expect(parseJson('[1,2]', { maxInputBytes: 5 })).toEqual([1, 2]);
  });
});

describe('decodeText', () => {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('decodes UTF-8 in any script', () => {
    expect(decodeText(utf8('{"legalName":"東海精密工業株式会社"}'))).toBe('{"legalName":"東海精密工業株式会社"}');
  });
  it('keeps a leading byte-order mark for parseJson to drop, so exactly one BOM is accepted', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('\ufeff{}');
    expect(parseJson(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])))).toEqual({});
    expect(codeOf(() => parseJson(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x7b, 0x7d]))))).toBe('JSON_SYNTAX');
  });
  it('rejects empty input', () => {
    expect(codeOf(() => decodeText(new Uint8Array()))).toBe('INPUT_EMPTY');
  });
  it('rejects binary input (a NUL byte)', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0x1f, 0x8b, 0x08, 0x00])))).toBe('INPUT_BINARY');
    expect(codeOf(() => decodeText(utf8('{"a":"\u0000"}')))).toBe('INPUT_BINARY');
  });
  it('rejects UTF-16 text (it contains NUL bytes)', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00])))).toBe('INPUT_BINARY');
  });
  it('rejects invalid UTF-8: Latin-1, overlong forms, lone surrogates, truncated sequences', () => {
    for (const bytes of [[0x22, 0xe4, 0x22], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x7b, 0xe6, 0x9d]]) {
      expect(codeOf(() => decodeText(new Uint8Array(bytes)))).toBe('INPUT_NOT_UTF8');
    }
  });
  it('accepts input exactly at the size limit and rejects one byte more', () => {
    expect(decodeText(utf8('[1]'), { maxInputBytes: 3 })).toBe('[1]');
    expect(codeOf(() => decodeText(utf8('[1] '), { maxInputBytes: 3 }))).toBe('INPUT_TOO_LARGE');
  });
});
