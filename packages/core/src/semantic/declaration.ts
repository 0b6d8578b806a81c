import { finding, type Finding } from '../finding.js';
import type { EndUseDeclaration } from '../generated/types.js';
import { instant } from './dates.js';
import { checkParty } from './party.js';

/** Rules JSON Schema cannot express, for a schema-valid end-use declaration. */
export function checkDeclaration(doc: EndUseDeclaration): Finding[] {
  const out: Finding[] = [...checkParty(doc.declarant, '/declarant')];
  if (doc.exporter) out.push(...checkParty(doc.exporter, '/exporter'));
  if (doc.validUntil && instant(doc.validUntil) <= instant(doc.issuedAt)) out.push(finding('DECLARATION_VALIDITY_INVERTED', '/validUntil', `/validUntil ${doc.validUntil} must be after issuedAt ${doc.issuedAt}`));
  if (doc.endUse.sector === 'military' && doc.assurances.noMilitaryEndUse) out.push(finding('MILITARY_ASSURANCE_CONTRADICTS_SECTOR', '/assurances/noMilitaryEndUse', '/assurances/noMilitaryEndUse is true but the declared end-use sector is military'));
  const c = doc.certification;
  if (c) {
    if (instant(c.certifiedAt) < instant(doc.issuedAt)) out.push(finding('CERTIFICATION_BEFORE_DECLARATION', '/certification/certifiedAt', `/certification/certifiedAt ${c.certifiedAt} is before the declaration was made (${doc.issuedAt})`));
    if (c.authority.country !== doc.endUse.location.country) out.push(finding('CERTIFIER_NOT_END_USE_COUNTRY', '/certification/authority/country', `/certification/authority/country ${c.authority.country} is not the end-use country ${doc.endUse.location.country}`));
  }
  return out;
}
