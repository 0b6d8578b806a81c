import type { Agency, EndUseDeclaration } from '@xlic/core';
import { parseCertificate } from '@xlic/trust';
import type { CheckList } from './result.js';
import type { CheckedSignature } from './verify-signatures.js';

/** What verification established about an end-use declaration's certification. */
export interface DeclarationStatus {
  /** A valid countersignature of the end-use country's declaration-certifier (and the certification block, if any, names it). */
  certified: boolean;
  certifiedBy?: Agency;
}

const fold = (s: string): string => s.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/**
 * Bind a declaration's signatures to its content (docs/SPEC.md IV): the first signature is the
 * declarant's own (its certificate names the declarant's organization and country); every further
 * signature certifies it and must come from the authority of the end-use country; a certification
 * block must be backed by that authority's signature.
 */
export function checkDeclarationSignatures(doc: EndUseDeclaration, signatures: CheckedSignature[], checks: CheckList, at: Date): DeclarationStatus {
  const first = signatures[0];
  if (first?.anchor && first.header) {
    const subject = parseCertificate(first.header.chain[0]!).subject;
    const names = [doc.declarant.legalName, doc.declarant.legalNameLatin].filter((n): n is string => n !== undefined).map(fold);
    if (subject.country !== doc.declarant.country || subject.organization === undefined || !names.includes(fold(subject.organization))) {
      checks.fail('issuer', 'DECLARANT_MISMATCH', `the declaration is made by ${doc.declarant.legalName} (${doc.declarant.country}) but signed with the certificate of ${subject.organization ?? '?'} (${subject.country ?? '?'})`, 0);
    } else {
      checks.pass('issuer', `signed by the declarant ${subject.organization} (${subject.country}), whose key ${first.anchor.agency.agencyId} (${first.anchor.agency.country}) certified`, 0);
    }
  }
  let certifiedBy: Agency | undefined;
  for (const s of signatures.slice(1)) {
    if (!s.anchor) continue;
    const a = s.anchor.agency;
    if (a.country !== doc.endUse.location.country) {
      checks.fail('issuer', 'DECLARATION_CERTIFIER_MISMATCH', `certified by ${a.agencyId} (${a.country}), which is not the authority of the end-use country ${doc.endUse.location.country}`, s.report.index);
    } else {
      certifiedBy = a;
      checks.pass('issuer', `certified by ${a.name} (${a.agencyId}, ${a.country})`, s.report.index);
    }
  }
  const block = doc.certification;
  if (block && !(certifiedBy && certifiedBy.country === block.authority.country && certifiedBy.agencyId === block.authority.agencyId)) {
    checks.fail('issuer', 'DECLARATION_CERTIFICATION_UNSIGNED', `the declaration says it was certified by ${block.authority.agencyId} (${block.authority.country}, reference ${block.reference}), but carries no valid signature of that authority`);
  }
  if (doc.validUntil && Date.parse(doc.validUntil) < at.getTime()) checks.fail('validity', 'DECLARATION_EXPIRED', `the declaration expired on ${doc.validUntil}`);
  const failed = checks.checks.some((c) => c.status === 'fail');
  return certifiedBy && !failed ? { certified: true, certifiedBy } : { certified: false };
}
