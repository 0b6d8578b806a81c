// Every resource limit of docs/SPEC.md I.1 "Limits", just under and just over it.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, MAX_SIGNATURES, decodeText, parseJson, parseJws, validateBytes, validateDocument } from '@xlic/core';
import { DEFAULT_MAX_INFLATED_BYTES, PDF_LIMITS, decodeQrPayload, encodeBase45, inspectLicensePdf } from '@xlic/pdf';
import { MAX_X5C, checkHeader, loadTrust, verifyDocument } from '@xlic/verify';
import { DEFAULT_MAX_PATH_LENGTH } from '@xlic/trust';

const repo = resolve(import.meta.dirname, '..');
const read = (p: string) => readFileSync(join(repo, p));
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
};
const padded = (size: number) => {
  const head = new TextEncoder().encode('{"a":1}');
  const out = new Uint8Array(size).fill(0x20);
  out.set(head);
  return out;
};

describe('input size (8 MiB)', () => {
  it('8 388 608 bytes are read; one more is INPUT_TOO_LARGE (decodeText, validateBytes, verifyDocument)', async () => {
    expect(DEFAULT_LIMITS.maxInputBytes).toBe(8 * 1024 * 1024);
    expect(codeOf(() => decodeText(padded(DEFAULT_LIMITS.maxInputBytes)))).toBeUndefined();
    expect(codeOf(() => validateBytes(padded(DEFAULT_LIMITS.maxInputBytes)))).toBe('UNKNOWN_DOCUMENT_KIND');
    expect(codeOf(() => validateBytes(padded(DEFAULT_LIMITS.maxInputBytes + 1)))).toBe('INPUT_TOO_LARGE');
    const ctx = await loadTrust({ pemRoots: [{ name: 'r', text: read('test/adversarial/cases/roots.pem').toString() }] });
    const jws = (n: number) => {
      const b = new Uint8Array(n).fill(0x41);
      b[10] = 0x2e;
      b[20] = 0x2e;
      return b;
    };
    expect((await verifyDocument(jws(DEFAULT_LIMITS.maxInputBytes), ctx)).code).not.toBe('INPUT_TOO_LARGE');
    expect((await verifyDocument(jws(DEFAULT_LIMITS.maxInputBytes + 1), ctx)).code).toBe('INPUT_TOO_LARGE');
  });
});

describe('JSON', () => {
  it('depth 32 parses, 33 is JSON_TOO_DEEP', () => {
    expect(DEFAULT_LIMITS.maxJsonDepth).toBe(32);
    expect(codeOf(() => parseJson('['.repeat(32) + ']'.repeat(32)))).toBeUndefined();
    expect(codeOf(() => parseJson('['.repeat(33) + ']'.repeat(33)))).toBe('JSON_TOO_DEEP');
    expect(codeOf(() => parseJson('{"a":'.repeat(33) + '1' + '}'.repeat(33)))).toBe('JSON_TOO_DEEP');
  });

  it('a string of 1 048 576 code units parses, one more is JSON_STRING_TOO_LONG (values and keys)', () => {
    const n = DEFAULT_LIMITS.maxStringLength;
    expect(n).toBe(1_048_576);
    expect(codeOf(() => parseJson(`"${'x'.repeat(n)}"`))).toBeUndefined();
    expect(codeOf(() => parseJson(`"${'x'.repeat(n + 1)}"`))).toBe('JSON_STRING_TOO_LONG');
    expect(codeOf(() => parseJson(`{"${'k'.repeat(n + 1)}":1}`))).toBe('JSON_STRING_TOO_LONG');
  });

  it('a number of 64 characters parses, 65 is JSON_NUMBER_OUT_OF_RANGE', () => {
    expect(codeOf(() => parseJson('1'.repeat(64)))).toBeUndefined();
    expect(codeOf(() => parseJson('1'.repeat(65)))).toBe('JSON_NUMBER_OUT_OF_RANGE');
    expect(codeOf(() => parseJson('1e308'))).toBeUndefined();
    expect(codeOf(() => parseJson('1e309'))).toBe('JSON_NUMBER_OUT_OF_RANGE');
  });
});

describe('licenses and signatures', () => {
  const license = JSON.parse(read('examples/licenses/de-bafa-individual-2b001-jp.json').toString()) as { items: Array<Record<string, unknown>> };
  it('1000 items are valid, 1001 is SCHEMA_TOO_MANY_ITEMS', () => {
    const withItems = (n: number) => ({ ...license, items: Array.from({ length: n }, (_, i) => ({ ...license.items[0], line: i + 1 })) });
    expect(validateDocument(withItems(1000), 'license').valid).toBe(true);
    const over = validateDocument(withItems(1001), 'license');
    expect(over.findings.map((f) => f.code)).toEqual(['SCHEMA_TOO_MANY_ITEMS']);
  });

  it(`${MAX_SIGNATURES} signatures parse, ${MAX_SIGNATURES + 1} are JWS_MALFORMED`, () => {
    expect(MAX_SIGNATURES).toBe(8);
    const [h, p, s] = read('test/adversarial/cases/control-valid.jws').toString().trim().split('.');
    const jws = (n: number) => JSON.stringify({ payload: p, signatures: Array.from({ length: n }, () => ({ protected: h, signature: s })) });
    expect(parseJws(jws(8)).signatures).toHaveLength(8);
    expect(codeOf(() => parseJws(jws(9)))).toBe('JWS_MALFORMED');
  });

  it(`x5c of ${MAX_X5C} certificates passes the header check, ${MAX_X5C + 1} is JWS_HEADER_INVALID`, () => {
    expect(MAX_X5C).toBe(4);
    const header = (n: number) => ({ alg: 'ES256', typ: 'xlic-license+jws', iat: 1_790_000_000, x5c: Array.from({ length: n }, () => 'MIIB') });
    expect(codeOf(() => checkHeader(header(4)))).toBeUndefined();
    expect(codeOf(() => checkHeader(header(5)))).toBe('JWS_HEADER_INVALID');
  });

  it(`a certificate path of ${DEFAULT_MAX_PATH_LENGTH} (root included) is not refused for length, 5 is CERT_CHAIN_TOO_LONG`, async () => {
    expect(DEFAULT_MAX_PATH_LENGTH).toBe(4);
    const corpus = JSON.parse(read('test/adversarial/cases.json').toString()) as { at: string; cases: Array<{ id: string; file: string }> };
    const ctx = await loadTrust({ pemRoots: [{ name: 'r', text: read('test/adversarial/cases/roots.pem').toString() }], at: new Date(corpus.at) });
    const verify = async (id: string) => verifyDocument(read(corpus.cases.find((c) => c.id === id)!.file), ctx);
    // signer + 2 intermediates + root = 4: fails only on the root's pathLenConstraint 1.
    expect((await verify('chain-path-length')).code).toBe('CERT_PATH_LENGTH');
    expect((await verify('chain-too-long-path')).code).toBe('CERT_CHAIN_TOO_LONG');
  });
});

describe('QR inflation (4 MiB)', () => {
  it('a payload inflating to exactly the limit decodes; one byte more is QR_INFLATE_LIMIT', async () => {
    expect(DEFAULT_MAX_INFLATED_BYTES).toBe(4 * 1024 * 1024);
    const at = 'a'.repeat(DEFAULT_MAX_INFLATED_BYTES);
    // One XL1: text (not split into printable parts): what a forged scan could carry.
    const single = (s: string) => 'XL1:' + encodeBase45(new Uint8Array(deflateSync(s, { level: 9 })));
    expect(decodeQrPayload(single(at))).toHaveLength(DEFAULT_MAX_INFLATED_BYTES);
    expect(codeOf(() => decodeQrPayload(single(at + 'a')))).toBe('QR_INFLATE_LIMIT');
    expect(codeOf(() => decodeQrPayload(single('b'.repeat(1001)), { maxInflatedBytes: 1000 }))).toBe('QR_INFLATE_LIMIT');
    expect(decodeQrPayload(single('b'.repeat(1000)), { maxInflatedBytes: 1000 })).toHaveLength(1000);
  });
});

describe('PDF (8 MiB, 20 000 objects, 16 MiB a stream)', () => {
  const base = new Uint8Array(read('examples/pdf/de-valid.pdf'));
  const codes = async (pdf: Uint8Array) => (await inspectLicensePdf(pdf)).problems.map((p) => p.code);

  it('a PDF of exactly 8 MiB is read; one byte more is PDF_TOO_LARGE', async () => {
    expect(PDF_LIMITS.maxBytes).toBe(8 * 1024 * 1024);
    const pad = (n: number) => {
      const out = new Uint8Array(n).fill(0x0a);
      out.set(base);
      return out;
    };
    expect(await codes(pad(PDF_LIMITS.maxBytes))).not.toContain('PDF_TOO_LARGE');
    expect(await codes(pad(PDF_LIMITS.maxBytes + 1))).toContain('PDF_TOO_LARGE');
  });

  it('20 000 objects are read; 20 001 is PDF_TOO_LARGE', async () => {
    const { createRequire } = await import('node:module');
    const { PDFDocument, PDFNumber } = createRequire(join(repo, 'packages/pdf/package.json'))('pdf-lib') as typeof import('pdf-lib');
    const withObjects = async (n: number) => {
      const doc = await PDFDocument.load(base, { updateMetadata: false });
      const have = doc.context.enumerateIndirectObjects().length;
      for (let i = have; i < n; i++) doc.context.register(PDFNumber.of(i));
      return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    };
    expect(PDF_LIMITS.maxObjects).toBe(20_000);
    expect(await codes(await withObjects(20_000))).not.toContain('PDF_TOO_LARGE');
    expect(await codes(await withObjects(20_001))).toContain('PDF_TOO_LARGE');
  });

  it('an attachment decoding to 16 MiB is read; one byte more is PDF_TOO_LARGE', async () => {
    const { createRequire } = await import('node:module');
    const { PDFDocument, PDFName, PDFString } = createRequire(join(repo, 'packages/pdf/package.json'))('pdf-lib') as typeof import('pdf-lib');
    const withAttachment = async (size: number) => {
      const doc = await PDFDocument.load(base, { updateMetadata: false });
      const stream = doc.context.register(doc.context.stream(new Uint8Array(deflateSync(Buffer.alloc(size, 0x61), { level: 9 })), { Type: 'EmbeddedFile', Filter: 'FlateDecode' }));
      const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of('notes.txt'), UF: PDFString.of('notes.txt'), EF: { F: stream } }));
      (doc.catalog.lookup(PDFName.of('AF')) as import('pdf-lib').PDFArray).push(spec);
      return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    };
    expect(PDF_LIMITS.maxStreamBytes).toBe(16 * 1024 * 1024);
    expect(await codes(await withAttachment(PDF_LIMITS.maxStreamBytes))).not.toContain('PDF_TOO_LARGE');
    expect(await codes(await withAttachment(PDF_LIMITS.maxStreamBytes + 1))).toContain('PDF_TOO_LARGE');
  });
});
