import { describe, expect, it } from 'vitest';
import { resolvePointer } from '../src/pointer.js';
import { mapSchemaErrors, type AjvErrorObject } from '../src/schema-errors.js';
import { validateDocument } from '../src/validate.js';
import { DECLARATION, example, LICENSE, PARTY, STATUS_LIST, trustEntry, trustList } from './fixtures.js';

type Doc = any;
interface Case {
  code: string;
  /** The example document to start from. */
  from: string | (() => Doc);
  /** Turns the example into one that fails with exactly `code` at `path`. */
  fail: (d: Doc) => void;
  path: string;
  /** The nearest passing variation (a boundary, or the corrected value). */
  pass: (d: Doc) => void;
  message?: RegExp;
}

const load = (c: Case): Doc => (typeof c.from === 'string' ? example(c.from) : c.from());

const CASES: Case[] = [
  { code: 'SCHEMA_REQUIRED', from: LICENSE, fail: (d) => delete d.endUse, path: '', pass: () => {}, message: /missing required field "endUse"/ },
  { code: 'SCHEMA_REQUIRED', from: LICENSE, fail: (d) => delete d.items[1].hsCode, path: '/items/1', pass: () => {}, message: /\/items\/1 is missing required field "hsCode"/ },
  { code: 'SCHEMA_REQUIRED', from: PARTY, fail: (d) => delete d.identifiers[0].issuingCountry, path: '/identifiers/0', pass: (d) => (d.identifiers[0].scheme = 'VAT') },
  { code: 'SCHEMA_REQUIRED', from: LICENSE, fail: (d) => (d.items[0].classifications = [{ regime: 'national', code: '0001' }]), path: '/items/0/classifications/0', pass: (d) => (d.items[0].classifications = [{ regime: 'national', code: '0001', list: 'DE Ausfuhrliste Teil I Abschnitt A' }]) },
  { code: 'SCHEMA_UNKNOWN_FIELD', from: LICENSE, fail: (d) => (d.remarks = 'x'), path: '/remarks', pass: (d) => (d.conditions = [{ id: 'R', text: 'x' }]) },
  { code: 'SCHEMA_UNKNOWN_FIELD', from: LICENSE, fail: (d) => (d.items[0].quantity['a/b'] = 1), path: '/items/0/quantity/a~1b', pass: () => {} },
  { code: 'SCHEMA_TYPE', from: LICENSE, fail: (d) => (d.items[0].quantity.value = '2'), path: '/items/0/quantity/value', pass: (d) => (d.items[0].quantity.value = 2) },
  { code: 'SCHEMA_TYPE', from: LICENSE, fail: (d) => (d.items[0].line = 1.5), path: '/items/0/line', pass: (d) => (d.items[0].line = 3), message: /whole number/ },
  { code: 'SCHEMA_TYPE', from: LICENSE, fail: (d) => (d.endUsers = d.endUsers[0]), path: '/endUsers', pass: () => {}, message: /must be an array/ },
  { code: 'SCHEMA_CONST', from: LICENSE, fail: (d) => (d.schemaVersion = '2.0'), path: '/schemaVersion', pass: (d) => (d.schemaVersion = '1.0'), message: /must be "1.0"/ },
  { code: 'SCHEMA_CONST', from: DECLARATION, fail: (d) => (d.assurances.noWmdEndUse = false), path: '/assurances/noWmdEndUse', pass: () => {} },
  { code: 'SCHEMA_ENUM', from: LICENSE, fail: (d) => (d.licenseType = 'open'), path: '/licenseType', pass: (d) => (d.licenseType = 'global'), message: /not one of: individual, global/ },
  { code: 'SCHEMA_ENUM', from: LICENSE, fail: (d) => (d.endUse.sector = 'defence'), path: '/endUse/sector', pass: (d) => (d.endUse.sector = 'research') },
  { code: 'SCHEMA_PATTERN', from: LICENSE, fail: (d) => (d.id = 'DE BAFA 1'), path: '/id', pass: (d) => (d.id = 'DE-BAFA-1') },
  { code: 'SCHEMA_PATTERN', from: LICENSE, fail: (d) => (d.endUseDeclarations[0].sha256 = d.endUseDeclarations[0].sha256.toUpperCase()), path: '/endUseDeclarations/0/sha256', pass: () => {}, message: /SHA-256/ },
  { code: 'SCHEMA_PATTERN', from: LICENSE, fail: (d) => (d.issuer.agencyId = 'bafa'), path: '/issuer/agencyId', pass: (d) => (d.issuer.agencyId = 'BAFA-2') },
  { code: 'SCHEMA_FORMAT', from: LICENSE, fail: (d) => (d.issuedAt = '2026-11-12T10:42:00'), path: '/issuedAt', pass: (d) => (d.issuedAt = '2026-11-12T10:42:00.125-03:30'), message: /RFC 3339/ },
  { code: 'SCHEMA_FORMAT', from: LICENSE, fail: (d) => (d.validity.validFrom = '2026-02-30T00:00:00Z'), path: '/validity/validFrom', pass: (d) => (d.validity.validFrom = '2026-02-28T00:00:00Z') },
  { code: 'SCHEMA_RANGE', from: LICENSE, fail: (d) => (d.items[0].value.amount = -1), path: '/items/0/value/amount', pass: (d) => (d.items[0].value.amount = 0), message: /at least 0/ },
  { code: 'SCHEMA_RANGE', from: LICENSE, fail: (d) => (d.items[0].line = 0), path: '/items/0/line', pass: (d) => (d.items[0].line = 100000) },
  { code: 'SCHEMA_RANGE', from: LICENSE, fail: (d) => (d.items[0].quantity.value = 1e12 + 1), path: '/items/0/quantity/value', pass: (d) => (d.items[0].quantity.value = 1e12), message: /at most/ },
  { code: 'SCHEMA_TOO_SHORT', from: LICENSE, fail: (d) => (d.items[0].description = ''), path: '/items/0/description', pass: (d) => (d.items[0].description = 'x'), message: /must not be empty/ },
  { code: 'SCHEMA_TOO_LONG', from: LICENSE, fail: (d) => (d.items[0].description = 'x'.repeat(1001)), path: '/items/0/description', pass: (d) => (d.items[0].description = 'x'.repeat(1000)) },
  { code: 'SCHEMA_TOO_FEW_ITEMS', from: LICENSE, fail: (d) => (d.items = []), path: '/items', pass: (d) => (d.items = d.items.slice(0, 1)), message: /must not be empty/ },
  { code: 'SCHEMA_TOO_FEW_ITEMS', from: LICENSE, fail: (d) => (d.endUsers = []), path: '/endUsers', pass: () => {} },
  { code: 'SCHEMA_TOO_MANY_ITEMS', from: LICENSE, fail: (d) => (d.items[0].classifications = Array(11).fill(d.items[0].classifications[0])), path: '/items/0/classifications', pass: (d) => (d.items[0].classifications = Array(10).fill(d.items[0].classifications[0])) },
  { code: 'SCHEMA_DUPLICATE_ITEM', from: LICENSE, fail: (d) => (d.destinations = ['JP', 'KR', 'JP']), path: '/destinations/2', pass: (d) => (d.destinations = ['JP', 'KR']), message: /repeats \/destinations\/0/ },
  { code: 'UNKNOWN_COUNTRY_CODE', from: LICENSE, fail: (d) => (d.exporter.country = 'UK'), path: '/exporter/country', pass: (d) => (d.exporter.country = 'GB'), message: /"UK" is not an ISO 3166-1 alpha-2 country code/ },
  { code: 'UNKNOWN_COUNTRY_CODE', from: LICENSE, fail: (d) => (d.destinations = ['JP', 'XK']), path: '/destinations/1', pass: (d) => (d.destinations = ['JP', 'KR']) },
  { code: 'UNKNOWN_COUNTRY_CODE', from: PARTY, fail: (d) => (d.identifiers[0].issuingCountry = 'jp'), path: '/identifiers/0/issuingCountry', pass: () => {} },
  { code: 'UNKNOWN_COUNTRY_CODE', from: DECLARATION, fail: (d) => (d.endUse.location.country = 'EU'), path: '/endUse/location/country', pass: () => {} },
  { code: 'UNKNOWN_CURRENCY_CODE', from: LICENSE, fail: (d) => (d.items[0].value.currency = 'RMB'), path: '/items/0/value/currency', pass: (d) => (d.items[0].value.currency = 'CNY') },
  { code: 'UNKNOWN_CURRENCY_CODE', from: LICENSE, fail: (d) => (d.items[0].value.currency = 'XXX'), path: '/items/0/value/currency', pass: (d) => (d.items[0].value.currency = 'XDR') },
  { code: 'UNKNOWN_UNIT_CODE', from: LICENSE, fail: (d) => (d.items[0].quantity.unit = 'PCS'), path: '/items/0/quantity/unit', pass: (d) => (d.items[0].quantity.unit = 'C62') },
  { code: 'UNKNOWN_UNIT_CODE', from: DECLARATION, fail: (d) => (d.items[0].quantity.unit = 'kgm'), path: '/items/0/quantity/unit', pass: (d) => (d.items[0].quantity.unit = 'KGM') },
  { code: 'INVALID_HS_CODE', from: LICENSE, fail: (d) => (d.items[0].hsCode = '8457.10'), path: '/items/0/hsCode', pass: (d) => (d.items[0].hsCode = '8457101000') },
  { code: 'INVALID_HS_CODE', from: LICENSE, fail: (d) => (d.items[0].hsCode = '84571'), path: '/items/0/hsCode', pass: (d) => (d.items[0].hsCode = '845710') },
  { code: 'INVALID_HS_CODE', from: DECLARATION, fail: (d) => (d.items[0].hsCode = '845710100'), path: '/items/0/hsCode', pass: () => {} },
  { code: 'INVALID_CLASSIFICATION_CODE', from: LICENSE, fail: (d) => (d.items[0].classifications[0].code = '2b001'), path: '/items/0/classifications/0/code', pass: (d) => (d.items[0].classifications[0].code = '2B001') },
  { code: 'INVALID_CLASSIFICATION_CODE', from: LICENSE, fail: (d) => (d.items[0].classifications[0] = { regime: 'us-eccn', code: 'EAR-99' }), path: '/items/0/classifications/0/code', pass: (d) => (d.items[0].classifications[0] = { regime: 'us-eccn', code: 'EAR99' }) },
  { code: 'INVALID_CLASSIFICATION_CODE', from: LICENSE, fail: (d) => (d.items[0].classifications[0] = { regime: 'wassenaar-ml', code: 'ML0' }), path: '/items/0/classifications/0/code', pass: (d) => (d.items[0].classifications[0] = { regime: 'wassenaar-ml', code: 'ML22.a' }) },
  { code: 'INVALID_CLASSIFICATION_CODE', from: LICENSE, fail: (d) => (d.items[0].classifications[0] = { regime: 'eu-dual-use', code: 'EAR99' }), path: '/items/0/classifications/0/code', pass: (d) => (d.items[0].classifications[0] = { regime: 'wassenaar-dual-use', code: '0A001.a' }) },
  { code: 'INVALID_IDENTIFIER', from: PARTY, fail: (d) => (d.identifiers[1].value = d.identifiers[1].value.toLowerCase()), path: '/identifiers/1/value', pass: () => {} },
  { code: 'INVALID_IDENTIFIER', from: LICENSE, fail: (d) => (d.exporter.identifiers[0].value = '4711238'), path: '/exporter/identifiers/0/value', pass: (d) => (d.exporter.identifiers[0].value = 'DE471123800000001') },
  { code: 'INVALID_IDENTIFIER', from: LICENSE, fail: (d) => (d.exporter.identifiers = [{ scheme: 'DUNS', value: '12345678' }]), path: '/exporter/identifiers/0/value', pass: (d) => (d.exporter.identifiers = [{ scheme: 'DUNS', value: '123456789' }]) },
  { code: 'QUANTITY_NOT_POSITIVE', from: LICENSE, fail: (d) => (d.items[0].quantity.value = 0), path: '/items/0/quantity/value', pass: (d) => (d.items[0].quantity.value = 0.001), message: /greater than 0/ },
  { code: 'QUANTITY_NOT_POSITIVE', from: DECLARATION, fail: (d) => (d.items[0].quantity.value = -1), path: '/items/0/quantity/value', pass: () => {} },
  { code: 'SCHEMA_RANGE', from: STATUS_LIST, fail: (d) => (d.sequence = 0), path: '/sequence', pass: (d) => (d.sequence = 1) },
  { code: 'SCHEMA_DUPLICATE_ITEM', from: () => ({ ...trustList(), entries: [trustEntry()] }), fail: (d) => (d.entries[0].roles = ['customs', 'license-issuer', 'customs']), path: '/entries/0/roles/2', pass: (d) => (d.entries[0].roles = ['customs', 'license-issuer']), message: /repeats \/entries\/0\/roles\/0/ },
  { code: 'SCHEMA_PATTERN', from: () => ({ ...trustList(), entries: [trustEntry()] }), fail: (d) => (d.entries[0].certificates[0].x5c = 'MIIB-szCC_'), path: '/entries/0/certificates/0/x5c', pass: (d) => (d.entries[0].certificates[0].x5c = 'MIIB+szCC/w==') },
];

describe('schema error mapping (through validateDocument)', () => {
  describe.each(CASES.map((c, i) => [`${c.code} at ${c.path || '(root)'} #${i}`, c] as const))('%s', (_name, c) => {
    it('fails with exactly this code at this path', () => {
      const doc = load(c);
      c.fail(doc);
      const r = validateDocument(doc);
      expect(r.valid).toBe(false);
      expect(r.document).toBeUndefined();
      expect(r.findings.map((f) => `${f.code} ${f.path}`)).toEqual([`${c.code} ${c.path}`]);
      expect(r.findings[0]!.severity).toBe('error');
      if (c.message) expect(r.findings[0]!.message).toMatch(c.message);
      // every reported path exists in the document (a missing field is reported at its parent)
      expect(resolvePointer(doc, r.findings[0]!.path).found).toBe(true);
    });
    it('passes the nearest correct variation', () => {
      const doc = load(c);
      c.pass(doc);
      const r = validateDocument(doc);
      expect(r.findings).toEqual([]);
      expect(r.valid).toBe(true);
    });
  });

  it('reports all schema errors of a document at once, each once', () => {
    const d = example(LICENSE);
    d.exporter.country = 'UK';
    d.items[0].quantity.unit = 'PCS';
    d.items[1].hsCode = '8466';
    d.remarks = 'x';
    const r = validateDocument(d);
    expect(r.findings.map((f) => f.code).sort()).toEqual(['INVALID_HS_CODE', 'SCHEMA_UNKNOWN_FIELD', 'UNKNOWN_COUNTRY_CODE', 'UNKNOWN_UNIT_CODE']);
  });

  it('does not run semantic rules on a document that fails the schema', () => {
    const d = example(LICENSE);
    d.remarks = 'x';
    d.items[1].line = 1; // would be DUPLICATE_ITEM_LINE
    expect(validateDocument(d).findings.map((f) => f.code)).toEqual(['SCHEMA_UNKNOWN_FIELD']);
  });
});

describe('mapSchemaErrors', () => {
  const err = (keyword: string, instancePath: string, params: Record<string, unknown> = {}, message?: string): AjvErrorObject => ({ keyword, instancePath, schemaPath: '#', params, ...(message ? { message } : {}) });

  it('maps a keyword it does not know to SCHEMA_INVALID, keeping ajv\'s message', () => {
    expect(mapSchemaErrors([err('multipleOf', '/n', { multipleOf: 2 }, 'must be multiple of 2')], () => 3)).toEqual([
      { path: '/n', code: 'SCHEMA_INVALID', message: '/n must be multiple of 2', severity: 'error' },
    ]);
    expect(mapSchemaErrors([err('not', '')], () => 3)[0]).toMatchObject({ code: 'SCHEMA_INVALID', message: 'the document is not valid' });
  });
  it('drops "if" errors (the failing "then" branch is reported instead)', () => {
    expect(mapSchemaErrors([err('if', '/x', { failingKeyword: 'then' })], () => undefined)).toEqual([]);
  });
  it('reports identical findings once', () => {
    const e = err('required', '/a', { missingProperty: 'b' });
    expect(mapSchemaErrors([e, e], () => undefined)).toHaveLength(1);
  });
  it('escapes the unknown field name into the pointer', () => {
    expect(mapSchemaErrors([err('additionalProperties', '/a', { additionalProperty: 'x/y~z' })], () => undefined)[0]!.path).toBe('/a/x~1y~0z');
  });
  it('shortens long values in messages', () => {
    const m = mapSchemaErrors([err('enum', '/licenseType', { allowedValues: ['a'] })], () => 'x'.repeat(200))[0]!.message;
    expect(m.length).toBeLessThan(200);
    expect(m).toContain('...');
  });
});
