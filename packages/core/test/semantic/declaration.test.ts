import { describe, expect, it } from 'vitest';
import type { EndUseDeclaration } from '../../src/generated/types.js';
import { checkDeclaration } from '../../src/semantic/declaration.js';
import { DECLARATION, example } from '../fixtures.js';

const codes = (d: EndUseDeclaration): string[] => checkDeclaration(d).map((f) => f.code);
const decl = (): EndUseDeclaration => example<EndUseDeclaration>(DECLARATION);

describe('checkDeclaration', () => {
  it.each(['declarations/tokai-seimitsu-certified-by-meti.json', 'declarations/deccan-steel-thermal-cameras.json', 'declarations/atlantique-composites-carbon-fibre.json'])(
    'passes the example %s',
    (file) => {
      expect(checkDeclaration(example(file))).toEqual([]);
    },
  );

  describe('DECLARATION_VALIDITY_INVERTED', () => {
    it('fails when validUntil is at or before issuedAt', () => {
      const d = decl();
      d.validUntil = d.issuedAt;
      expect(checkDeclaration(d)).toEqual([expect.objectContaining({ code: 'DECLARATION_VALIDITY_INVERTED', path: '/validUntil' })]);
      d.validUntil = '2025-10-31T23:59:59+09:00';
      expect(codes(d)).toEqual(['DECLARATION_VALIDITY_INVERTED']);
    });
    it('passes without validUntil', () => {
      const d = decl();
      delete d.validUntil;
      expect(codes(d)).toEqual([]);
    });
  });

  describe('MILITARY_ASSURANCE_CONTRADICTS_SECTOR', () => {
    it('fails when the sector is military and noMilitaryEndUse is true', () => {
      const d = decl();
      d.endUse.sector = 'military';
      expect(checkDeclaration(d)).toEqual([expect.objectContaining({ code: 'MILITARY_ASSURANCE_CONTRADICTS_SECTOR', path: '/assurances/noMilitaryEndUse' })]);
    });
    it('passes a declared military end use with noMilitaryEndUse false', () => {
      const d = decl();
      d.endUse.sector = 'military';
      d.assurances.noMilitaryEndUse = false;
      expect(codes(d)).toEqual([]);
    });
    it('passes a civil end use with noMilitaryEndUse false (a stricter statement is not required)', () => {
      const d = decl();
      d.assurances.noMilitaryEndUse = false;
      expect(codes(d)).toEqual([]);
    });
  });

  describe('certification', () => {
    it('CERTIFICATION_BEFORE_DECLARATION when certified before the declaration was made', () => {
      const d = decl();
      d.certification!.certifiedAt = '2026-10-28T10:29:59+09:00';
      expect(checkDeclaration(d)).toEqual([expect.objectContaining({ code: 'CERTIFICATION_BEFORE_DECLARATION', path: '/certification/certifiedAt' })]);
    });
    it('passes certification at the same instant as the declaration', () => {
      const d = decl();
      d.certification!.certifiedAt = '2026-10-28T01:30:00Z';
      expect(codes(d)).toEqual([]);
    });
    it('CERTIFIER_NOT_END_USE_COUNTRY when the authority is not of the end-use country', () => {
      const d = decl();
      d.certification!.authority = { country: 'DE', agencyId: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' };
      expect(checkDeclaration(d)).toEqual([expect.objectContaining({ code: 'CERTIFIER_NOT_END_USE_COUNTRY', path: '/certification/authority/country' })]);
    });
    it('compares with the end-use location, not the declarant address', () => {
      const d = decl();
      d.declarant.country = 'SG';
      expect(codes(d)).toEqual([]);
      d.endUse.location.country = 'SG';
      expect(codes(d)).toEqual(['CERTIFIER_NOT_END_USE_COUNTRY']);
    });
    it('passes an uncertified declaration', () => {
      const d = decl();
      delete d.certification;
      expect(codes(d)).toEqual([]);
    });
  });

  it('checks the LEIs of declarant and exporter', () => {
    const d = decl();
    d.declarant.identifiers = [{ scheme: 'LEI', value: '353800TKSMK7GQ2R4D00' }];
    d.exporter!.identifiers = [{ scheme: 'LEI', value: '529900SPM7X3KQ4B2L00' }];
    expect(checkDeclaration(d).map((f) => `${f.code} ${f.path}`)).toEqual(['LEI_CHECKSUM /declarant/identifiers/0/value', 'LEI_CHECKSUM /exporter/identifiers/0/value']);
  });
});
