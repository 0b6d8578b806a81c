import { DEFAULT_LIMITS, XlicError, decodeText, detectKind, isXlicError, parseJson, validateDocument, type Agency, type Code, type DocumentTypes, type SignedKind } from '@xlic/core';
import type { TrustAnchor, TrustIndex, TrustRole } from '@xlic/trust';
import { checkHeader } from './header-policy.js';
import { parseJws, type ParsedJws } from '@xlic/core';
import { CheckList } from './result.js';
import { verifySignatures } from './verify-signatures.js';

type ListKind = 'trust-list' | 'status-list' | 'bundle';

/** A signed list whose signature, chain, role and publisher were checked. */
export interface VerifiedList<K extends ListKind> {
  document: DocumentTypes[K];
  anchor: TrustAnchor;
  checks: CheckList;
}

/** Parse a signed list and validate its payload, without checking the signature yet. */
export function readSignedList<K extends ListKind>(text: string, kind: K, reject: Code, name: string): { jws: ParsedJws; document: DocumentTypes[K] } {
  try {
    const jws = parseJws(text);
    if (jws.signatures.length !== 1) throw new XlicError(reject, `${name}: a signed ${kind} carries exactly one signature`);
    checkHeader(jws.signatures[0]!.header, kind);
    // A bundle embeds whole signed lists as strings: allow strings as large as the input limit.
    const doc = parseJson(decodeText(jws.payload), kind === 'bundle' ? { maxStringLength: DEFAULT_LIMITS.maxInputBytes } : {});
    if (detectKind(doc) !== kind) throw new XlicError('JWS_TYP_MISMATCH', `payload is not a ${kind}`);
    const v = validateDocument(doc, kind);
    if (!v.valid || !v.document) {
      const f = v.findings.find((x) => x.severity === 'error')!;
      throw new XlicError(f.code, `payload is not a valid ${kind}: ${f.message}`);
    }
    return { jws, document: v.document as DocumentTypes[K] };
  } catch (e) {
    if (!isXlicError(e)) throw e;
    if (e.code === reject) throw e;
    throw new XlicError(reject, `${name}: ${e.message} [${e.code}]`, { cause: e });
  }
}

/**
 * Verify the signature on a list already read by readSignedList: the signer must chain,
 * for list-signing, to an anchor in `index` holding `role`, and belong to `publisher`.
 * Throws XlicError(`reject`) with the exact reason otherwise.
 */
export async function checkListSignature<K extends ListKind>(
  read: { jws: ParsedJws; document: DocumentTypes[K] },
  index: TrustIndex,
  crls: Uint8Array[],
  at: Date,
  role: TrustRole,
  publisher: Agency,
  reject: Code,
  name: string,
): Promise<VerifiedList<K>> {
  const checks = new CheckList();
  const { signatures } = await verifySignatures(read.jws, checks, { index, crls, at }, undefined, () => ({ purpose: 'list-signing', role, as: 'signer' }));
  const failure = checks.firstFailure();
  if (failure) throw new XlicError(reject, `${name}: ${failure.message} [${failure.code}]`);
  const anchor = signatures[0]!.anchor!;
  if (anchor.agency.country !== publisher.country || anchor.agency.agencyId !== publisher.agencyId) {
    throw new XlicError(reject, `${name}: signed under the root of ${anchor.agency.agencyId} (${anchor.agency.country}) but published in the name of ${publisher.agencyId} (${publisher.country}) [TRUST_ISSUER_MISMATCH]`);
  }
  return { document: read.document, anchor, checks };
}

/** The kind-specific publisher field of a list. */
export function publisherOf(doc: DocumentTypes['trust-list' | 'status-list' | 'bundle' | 'rules' | 'screening-list' | 'denial-notice']): Agency {
  return 'publisher' in doc ? doc.publisher : 'deniedBy' in doc ? doc.deniedBy : doc.issuer;
}
