import { describe, expect, it } from 'vitest';
import type { License } from '../../src/generated/types.js';
import { checkLicense } from '../../src/semantic/license.js';
import { EMERGENCY, example, HUMANITARIAN, LICENSE, US_LICENSE } from '../fixtures.js';

const codes = (doc: License): string[] => checkLicense(doc).map((f) => f.code);
const only = (doc: License) => {
  const found = checkLicense(doc);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('checkLicense', () => {
  it.each([LICENSE, US_LICENSE, HUMANITARIAN, EMERGENCY])('passes the example %s', (file) => {
    expect(checkLicense(example(file))).toEqual([]);
  });

  describe('VALIDITY_WINDOW_INVERTED', () => {
    it('fails when validUntil is before validFrom', () => {
      const l = example<License>(LICENSE);
      l.validity = { validFrom: '2027-12-01T00:00:00+01:00', validUntil: '2027-06-01T00:00:00+02:00' };
      expect(only(l)).toMatchObject({ code: 'VALIDITY_WINDOW_INVERTED', path: '/validity/validUntil', severity: 'error' });
    });
    it('fails when validUntil equals validFrom as instants, whatever the offsets', () => {
      const l = example<License>(LICENSE);
      l.validity = { validFrom: '2027-01-01T00:00:00+01:00', validUntil: '2026-12-31T23:00:00Z' };
      expect(codes(l)).toEqual(['VALIDITY_WINDOW_INVERTED']);
    });
    it('compares instants, not strings: a later instant written with an earlier-looking offset passes', () => {
      const l = example<License>(LICENSE);
      l.validity = { validFrom: '2027-01-01T00:00:00+01:00', validUntil: '2026-12-31T23:30:00Z' };
      expect(codes(l)).toEqual([]);
    });
  });

  describe('ISSUED_AFTER_EXPIRY', () => {
    it('fails when issuedAt is after validUntil', () => {
      const l = example<License>(LICENSE);
      l.issuedAt = '2028-11-12T10:42:00+01:00';
      expect(only(l)).toMatchObject({ code: 'ISSUED_AFTER_EXPIRY', path: '/issuedAt' });
    });
    it('passes when issuedAt equals validUntil, or is before validFrom', () => {
      const l = example<License>(LICENSE);
      l.issuedAt = l.validity.validUntil;
      expect(codes(l)).toEqual([]);
      l.issuedAt = '2026-01-01T00:00:00Z';
      expect(codes(l)).toEqual([]);
    });
  });

  describe('exceptional block', () => {
    it.each([HUMANITARIAN, EMERGENCY])('EXCEPTIONAL_BLOCK_MISSING: %s without it fails at /licenseType', (file) => {
      const l = example<License>(file);
      delete l.exceptional;
      expect(only(l)).toMatchObject({ code: 'EXCEPTIONAL_BLOCK_MISSING', path: '/licenseType' });
    });
    it.each(['individual', 'global', 'general'] as const)('EXCEPTIONAL_BLOCK_FORBIDDEN on a %s licence', (type) => {
      const l = example<License>(EMERGENCY);
      l.licenseType = type;
      expect(only(l)).toMatchObject({ code: 'EXCEPTIONAL_BLOCK_FORBIDDEN', path: '/exceptional' });
    });
    it('DECISION_DEADLINE_BEFORE_REQUEST when the deadline is before or at the request', () => {
      const l = example<License>(EMERGENCY);
      l.exceptional!.decisionDeadline = l.exceptional!.requestedAt;
      expect(only(l)).toMatchObject({ code: 'DECISION_DEADLINE_BEFORE_REQUEST', path: '/exceptional/decisionDeadline' });
      l.exceptional!.decisionDeadline = '2026-11-19T22:40:00+01:00';
      expect(codes(l)).toEqual(['DECISION_DEADLINE_BEFORE_REQUEST']);
    });
    it('REVIEW_DATE_OUT_OF_WINDOW when the review date is after validUntil', () => {
      const l = example<License>(EMERGENCY);
      l.exceptional!.reviewDate = '2027-03-01T00:00:00+01:00';
      expect(only(l)).toMatchObject({ code: 'REVIEW_DATE_OUT_OF_WINDOW', path: '/exceptional/reviewDate' });
    });
    it('REVIEW_DATE_OUT_OF_WINDOW when the review date is at or before issuedAt', () => {
      const l = example<License>(EMERGENCY);
      l.exceptional!.reviewDate = l.issuedAt;
      expect(codes(l)).toEqual(['REVIEW_DATE_OUT_OF_WINDOW']);
    });
    it('passes a review date exactly at validUntil', () => {
      const l = example<License>(EMERGENCY);
      l.exceptional!.reviewDate = l.validity.validUntil;
      expect(codes(l)).toEqual([]);
    });
  });

  describe('DUPLICATE_ITEM_LINE', () => {
    it('reports the repeated line at the later item', () => {
      const l = example<License>(US_LICENSE);
      l.items[2]!.line = 1;
      expect(only(l)).toMatchObject({ code: 'DUPLICATE_ITEM_LINE', path: '/items/2/line' });
      expect(only(l).message).toContain('/items/0');
    });
    it('passes line numbers that are unique but not consecutive', () => {
      const l = example<License>(US_LICENSE);
      l.items.forEach((item, i) => (item.line = (i + 1) * 10));
      expect(codes(l)).toEqual([]);
    });
  });

  describe('PARTY_COUNTRY_NOT_DESTINATION', () => {
    it('fails for a consignee outside the destinations', () => {
      const l = example<License>(LICENSE);
      l.consignee.country = 'CN';
      expect(only(l)).toMatchObject({ code: 'PARTY_COUNTRY_NOT_DESTINATION', path: '/consignee/country' });
    });
    it('fails for each end user outside the destinations', () => {
      const l = example<License>(LICENSE);
      l.endUsers.push({ ...l.endUsers[0]!, country: 'KR' }, { ...l.endUsers[0]!, country: 'TW' });
      expect(checkLicense(l).map((f) => f.path)).toEqual(['/endUsers/1/country', '/endUsers/2/country']);
    });
    it('does not apply to intermediate consignees or the exporter', () => {
      const l = example<License>(US_LICENSE);
      expect(l.intermediateConsignees!.some((p) => !l.destinations.includes(p.country))).toBe(true);
      expect(l.destinations).not.toContain(l.exporter.country);
      expect(codes(l)).toEqual([]);
    });
  });

  describe('SUPERSEDES_ITSELF', () => {
    const digest = 'a'.repeat(64);
    it('fails when supersedes names the licence itself', () => {
      const l = example<License>(LICENSE);
      l.supersedes = { id: l.id, sha256: digest };
      expect(only(l)).toMatchObject({ code: 'SUPERSEDES_ITSELF', path: '/supersedes/id' });
    });
    it('passes when supersedes names another licence', () => {
      const l = example<License>(LICENSE);
      l.supersedes = { id: `${l.id}-A0`, sha256: digest };
      expect(codes(l)).toEqual([]);
    });
  });

  describe('DUPLICATE_DECLARATION_REFERENCE', () => {
    it('fails when a declaration is referenced twice, even with another digest', () => {
      const l = example<License>(LICENSE);
      l.endUseDeclarations!.push({ id: l.endUseDeclarations![0]!.id, sha256: 'b'.repeat(64) });
      expect(only(l)).toMatchObject({ code: 'DUPLICATE_DECLARATION_REFERENCE', path: '/endUseDeclarations/1/id' });
    });
    it('passes distinct references', () => {
      const l = example<License>(LICENSE);
      l.endUseDeclarations!.push({ id: 'OTHER-1', sha256: 'b'.repeat(64) });
      expect(codes(l)).toEqual([]);
    });
  });

  describe('party checks', () => {
    const breakLei = (p: { identifiers?: Array<{ scheme: string; value: string }> }, value = '529900SPM7X3KQ4B2L00'): void => {
      p.identifiers = [{ scheme: 'LEI', value }];
    };
    it('checks the LEIs of exporter, consignee, end users and intermediate consignees', () => {
      const l = example<License>(US_LICENSE);
      breakLei(l.exporter);
      breakLei(l.consignee);
      breakLei(l.endUsers[0]!);
      breakLei(l.intermediateConsignees![1]!);
      expect(checkLicense(l).map((f) => `${f.code} ${f.path}`)).toEqual([
        'LEI_CHECKSUM /exporter/identifiers/0/value',
        'LEI_CHECKSUM /consignee/identifiers/0/value',
        'LEI_CHECKSUM /endUsers/0/identifiers/0/value',
        'LEI_CHECKSUM /intermediateConsignees/1/identifiers/0/value',
      ]);
    });
  });

  it('reports every problem, not only the first', () => {
    const l = example<License>(LICENSE);
    l.validity.validUntil = '2026-11-01T00:00:00+01:00';
    l.issuedAt = '2026-10-30T00:00:00+01:00';
    l.items[1]!.line = 1;
    l.consignee.country = 'CN';
    expect(codes(l).sort()).toEqual(['DUPLICATE_ITEM_LINE', 'PARTY_COUNTRY_NOT_DESTINATION', 'VALIDITY_WINDOW_INVERTED']);
  });
});
