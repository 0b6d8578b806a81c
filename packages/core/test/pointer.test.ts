import { describe, expect, it } from 'vitest';
import { escapeToken, pointer, resolvePointer } from '../src/pointer.js';

describe('escapeToken', () => {
  it('escapes "~" as ~0 and "/" as ~1 (RFC 6901), "~" first', () => {
    expect(escapeToken('a/b~c')).toBe('a~1b~0c');
    expect(escapeToken('~1')).toBe('~01');
    expect(escapeToken(7)).toBe('7');
    expect(escapeToken('')).toBe('');
  });
});

describe('pointer', () => {
  it('joins tokens', () => {
    expect(pointer('items', 0, 'quantity', 'value')).toBe('/items/0/quantity/value');
    expect(pointer()).toBe('');
    expect(pointer('a/b', '')).toBe('/a~1b/');
  });
});

describe('resolvePointer', () => {
  const doc = { items: [{ line: 1 }, { line: 2 }], 'a/b': { '~1': 'tilde-one' }, '': 'empty key', n: null, __proto__x: 0 };

  it('resolves the root, members and array indexes', () => {
    expect(resolvePointer(doc, '')).toEqual({ found: true, value: doc });
    expect(resolvePointer(doc, '/items/1/line')).toEqual({ found: true, value: 2 });
    expect(resolvePointer(doc, '/n')).toEqual({ found: true, value: null });
    expect(resolvePointer(doc, '/')).toEqual({ found: true, value: 'empty key' });
  });
  it('unescapes ~1 before ~0', () => {
    expect(resolvePointer(doc, '/a~1b/~01')).toEqual({ found: true, value: 'tilde-one' });
  });
  it('round-trips with pointer()', () => {
    expect(resolvePointer(doc, pointer('a/b', '~1')).value).toBe('tilde-one');
  });
  it.each(['/missing', '/items/2', '/items/-', '/items/01', '/items/1/line/x', '/items/+1', 'items', '/n/x', '/toString', '/items/length'])(
    'does not find %j',
    (p) => {
      expect(resolvePointer(doc, p).found).toBe(false);
    },
  );
  it('finds "__proto__" only as an own property', () => {
    const own = JSON.parse('{"__proto__":{"x":1}}');
    expect(resolvePointer(own, '/__proto__/x')).toEqual({ found: true, value: 1 });
    expect(resolvePointer({}, '/__proto__').found).toBe(false);
  });
});
