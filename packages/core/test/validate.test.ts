import { describe, expect, it } from 'vitest';
import { XlicError } from '../src/errors.js';
import { validateBytes, validateDocument } from '../src/validate.js';
import { DECLARATION, example, LICENSE, PARTY, STATUS_LIST, trustList } from './fixtures.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(XlicError);
    return (e as XlicError).code;
  }
  throw new Error('expected an XlicError');
}

describe('validateDocument', () => {
  it.each([
    [LICENSE, 'license'],
    [DECLARATION, 'end-use-declaration'],
    [PARTY, 'party'],
    [STATUS_LIST, 'status-list'],
  ])('detects the kind of %s and returns the typed document when valid', (file, kind) => {
    const doc = example(file);
    const r = validateDocument(doc);
    expect(r).toEqual({ kind, valid: true, findings: [], document: doc });
  });

  it('validates a trust list', () => {
    expect(validateDocument(trustList()).valid).toBe(true);
  });

  it('leaves out the document when invalid', () => {
    const doc = example(LICENSE);
    doc.items = [];
    const r = validateDocument(doc);
    expect(r.valid).toBe(false);
    expect('document' in r).toBe(false);
  });

  it('uses an explicit kind instead of detecting one', () => {
    const party = example(PARTY);
    expect(validateDocument(party, 'party').valid).toBe(true);
    const asLicense = validateDocument(party, 'license');
    expect(asLicense.kind).toBe('license');
    expect(asLicense.valid).toBe(false);
    expect(asLicense.findings.map((f) => f.code)).toContain('SCHEMA_REQUIRED');
  });

  it('treats a party with a documentType field as a document of that kind, never as a party', () => {
    const party = { ...example(PARTY), documentType: 'license' };
    expect(validateDocument(party).kind).toBe('license');
  });

  it.each([
    ['an array', [], 'DOCUMENT_NOT_OBJECT', /an array/],
    ['null', null, 'DOCUMENT_NOT_OBJECT', /null/],
    ['a string', 'license', 'DOCUMENT_NOT_OBJECT', /string/],
    ['a number', 3, 'DOCUMENT_NOT_OBJECT', /number/],
    ['an object without documentType', { id: 'X' }, 'UNKNOWN_DOCUMENT_KIND', /no "documentType"/],
    ['an unknown documentType', { documentType: 'licence' }, 'UNKNOWN_DOCUMENT_KIND', /unknown documentType "licence"/],
  ])('throws for %s', (_what, doc, code, message) => {
    expect(thrownCode(() => validateDocument(doc))).toBe(code);
    expect(() => validateDocument(doc)).toThrow(message);
  });

  it('never mutates the document it validates', () => {
    const doc = example(LICENSE);
    const before = JSON.stringify(doc);
    validateDocument(doc);
    doc.items[1].line = 1;
    validateDocument(doc);
    doc.items[1].line = 2;
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('can be called many times (validators keep no state between documents)', () => {
    const bad = example(LICENSE);
    bad.exporter.country = 'UK';
    expect(validateDocument(bad).valid).toBe(false);
    expect(validateDocument(example(LICENSE)).valid).toBe(true);
    expect(validateDocument(bad).findings).toHaveLength(1);
  });
});

describe('validateBytes', () => {
  it('decodes, parses and validates', () => {
    const r = validateBytes(bytes(JSON.stringify(example(LICENSE))));
    expect(r.valid).toBe(true);
    expect(r.kind).toBe('license');
  });
  it('accepts a UTF-8 byte-order mark', () => {
    expect(validateBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(JSON.stringify(example(PARTY)))])).valid).toBe(true);
  });
  it.each([
    ['empty input', '', 'INPUT_EMPTY'],
    ['not JSON', 'Ausfuhrgenehmigung', 'JSON_SYNTAX'],
    ['a duplicate key', '{"documentType":"license","documentType":"party"}', 'JSON_DUPLICATE_KEY'],
    ['an array', '[]', 'DOCUMENT_NOT_OBJECT'],
    ['an unknown kind', '{"documentType":"permit"}', 'UNKNOWN_DOCUMENT_KIND'],
  ])('throws an input error for %s', (_what, text, code) => {
    expect(thrownCode(() => validateBytes(bytes(text)))).toBe(code);
  });
  it('applies caller limits to decoding and parsing', () => {
    const text = JSON.stringify(example(PARTY));
    expect(thrownCode(() => validateBytes(bytes(text), { maxInputBytes: 100 }))).toBe('INPUT_TOO_LARGE');
    expect(thrownCode(() => validateBytes(bytes(text), { maxJsonDepth: 2 }))).toBe('JSON_TOO_DEEP');
    expect(thrownCode(() => validateBytes(bytes(text), { maxStringLength: 10 }))).toBe('JSON_STRING_TOO_LONG');
    expect(validateBytes(bytes(text), { maxJsonDepth: 4 }).valid).toBe(true);
  });
});
