import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, XlicError, leiChecksumValid, validateBytes } from '../packages/core/src/index.js';
import type { EndUseDeclaration, License } from '../packages/core/src/index.js';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

/** One test vector of examples/index.json (format in examples/README.md). */
export interface Vector {
  file: string;
  description: string;
  kind: string | null;
  expect: { valid: true } | { valid: false; codes: string[] } | { error: string };
}

const vectors = JSON.parse(readFileSync(`${examplesDir}index.json`, 'utf8')) as Vector[];
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(examplesDir + file));
const json = <T>(file: string): T => JSON.parse(readFileSync(examplesDir + file, 'utf8')) as T;
const valid = vectors.filter((v) => 'valid' in v.expect && v.expect.valid);
const validOf = (kind: string) => valid.filter((v) => v.kind === kind);

describe('examples/index.json', () => {
  it('is well-formed', () => {
    const files = new Set<string>();
    for (const v of vectors) {
      expect(Object.keys(v).sort()).toEqual(['description', 'expect', 'file', 'kind']);
      expect(v.description.length).toBeGreaterThan(10);
      expect(v.kind === null || (DOCUMENT_KINDS as readonly string[]).includes(v.kind)).toBe(true);
      const e = v.expect as Record<string, unknown>;
      if ('error' in e) expect(Object.keys(e)).toEqual(['error']);
      else if (e['valid'] === true) expect(Object.keys(e)).toEqual(['valid']);
      else {
        expect(Object.keys(e).sort()).toEqual(['codes', 'valid']);
        expect((e['codes'] as string[]).length).toBeGreaterThan(0);
      }
      expect(files.has(v.file)).toBe(false);
      files.add(v.file);
      expect(statSync(examplesDir + v.file).isFile()).toBe(true);
    }
  });

  it('lists every file of the example folders it covers', () => {
    for (const dir of ['licenses', 'declarations', 'parties', 'lists', 'invalid']) {
      for (const f of readdirSync(examplesDir + dir)) expect(vectors.map((v) => v.file)).toContain(`${dir}/${f}`);
    }
  });

  it('has the examples the foundation issue asks for', () => {
    expect(validOf('license').length).toBeGreaterThanOrEqual(6);
    expect(validOf('end-use-declaration').length).toBeGreaterThanOrEqual(3);
    expect(validOf('party').length).toBeGreaterThanOrEqual(2);
    expect(vectors.filter((v) => v.file.startsWith('invalid/')).length).toBeGreaterThanOrEqual(20);
    const licenses = validOf('license').map((v) => json<License>(v.file));
    const types = new Set(licenses.map((l) => l.licenseType));
    for (const t of ['individual', 'global', 'humanitarian-exemption', 'emergency-temporary']) expect(types).toContain(t);
    expect(licenses.some((l) => l.items.length >= 25)).toBe(true);
    expect(licenses.some((l) => (l.intermediateConsignees?.length ?? 0) > 0)).toBe(true);
    expect(licenses.some((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l.exporter.legalName) && l.exporter.legalNameLatin)).toBe(true);
    const declarations = validOf('end-use-declaration').map((v) => json<EndUseDeclaration>(v.file));
    expect(declarations.some((d) => d.certification?.authority.country === d.endUse.location.country)).toBe(true);
  });
});

describe.each(vectors.map((v) => [v.file, v] as const))('%s', (_file, v) => {
  it(v.description, () => {
    const bytes = read(v.file);
    if ('error' in v.expect) {
      let thrown: unknown;
      try {
        validateBytes(bytes);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(XlicError);
      expect((thrown as XlicError).code).toBe(v.expect.error);
      return;
    }
    const r = validateBytes(bytes);
    if (v.kind !== null) expect(r.kind).toBe(v.kind);
    if (v.expect.valid) {
      expect(r.findings).toEqual([]);
      expect(r.valid).toBe(true);
    } else {
      expect(r.valid).toBe(false);
      expect([...new Set(r.findings.map((f) => f.code))].sort()).toEqual([...v.expect.codes].sort());
    }
  });
});

describe('consistency of the valid examples', () => {
  const licenses = validOf('license').map((v) => ({ file: v.file, l: json<License>(v.file) }));
  const declarations = validOf('end-use-declaration').map((v) => ({ file: v.file, d: json<EndUseDeclaration>(v.file) }));

  it.each(licenses)('$file stays valid past the test date and has realistic dates', ({ l }) => {
    expect(Date.parse(l.validity.validUntil)).toBeGreaterThan(Date.parse('2027-01-01T00:00:00Z'));
    expect(l.issuedAt.startsWith('2026-')).toBe(true);
  });

  it.each(licenses)('$file references end-use declarations by the SHA-256 of their signed payload (compact JSON, as xlic sign writes it)', ({ l }) => {
    for (const ref of l.endUseDeclarations ?? []) {
      const match = declarations.find(({ d }) => d.id === ref.id);
      expect(match, ref.id).toBeDefined();
      expect(createHash('sha256').update(JSON.stringify(JSON.parse(new TextDecoder().decode(read(match!.file))))).digest('hex')).toBe(ref.sha256);
      // the declarant is one of the licence's end users
      expect(l.endUsers.map((u) => u.legalName)).toContain(match!.d.declarant.legalName);
    }
  });

  it('uses LEIs with valid check digits everywhere (independent of the validator run)', () => {
    const leis = [...readdirSync(examplesDir + 'licenses'), ...readdirSync(examplesDir + 'declarations').map((f) => `../declarations/${f}`)]
      .flatMap((f) => [...readFileSync(`${examplesDir}licenses/${f}`, 'utf8').matchAll(/"scheme": "LEI",\s*"value": "([A-Z0-9]{20})"/g)].map((m) => m[1]!));
    expect(leis.length).toBeGreaterThan(10);
    for (const lei of leis) expect(leiChecksumValid(lei), lei).toBe(true);
  });

  it('the emergency authorization is reviewed 48 hours after issue; the humanitarian decision is due within 24 to 48 hours', () => {
    const hours = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / 3_600_000;
    const emergency = licenses.find(({ l }) => l.licenseType === 'emergency-temporary')!.l;
    expect(hours(emergency.issuedAt, emergency.exceptional!.reviewDate)).toBe(48);
    const humanitarian = licenses.find(({ l }) => l.licenseType === 'humanitarian-exemption')!.l;
    const decision = hours(humanitarian.exceptional!.requestedAt, humanitarian.exceptional!.decisionDeadline);
    expect(decision).toBeGreaterThanOrEqual(24);
    expect(decision).toBeLessThanOrEqual(48);
  });
});
