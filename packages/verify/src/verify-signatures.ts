import { isXlicError, type SignedKind } from '@xlic/core';
import { thumbprint, validatePath, type Purpose, type TrustAnchor, type TrustIndex, type TrustRole } from '@xlic/trust';
import { checkHeader, type CheckedHeader } from './header-policy.js';
import type { ParsedJws } from '@xlic/core';
import { CheckList, type SignatureReport } from './result.js';
import { signerKey, verifySignature } from './signature.js';
import type { VerificationCache } from './verification-cache.js';

/** Which certificate purpose and trust-list role a signature needs. */
export interface SignerPolicy {
  purpose: Purpose;
  role: TrustRole;
  /** How the signature is reported. */
  as: SignatureReport['role'];
}

/** Everything needed to check the signatures of one JWS. */
export interface SignatureContext {
  index: TrustIndex;
  /** Verdict-preserving caches; absent: every check is made from scratch. */
  cache?: VerificationCache;
  crls: Uint8Array[];
  at: Date;
  /** Allowed clock skew for signing times in the future, in seconds. */
  skewSeconds?: number;
}

/** A signature that was checked, with what it established. */
export interface CheckedSignature {
  report: SignatureReport;
  header?: CheckedHeader;
  anchor?: TrustAnchor;
}

/**
 * Check every signature of `jws` under the xlic profile: header policy, signature value,
 * certificate path to a trust anchor holding the role `policyFor` names. All checks are
 * recorded in `checks`; nothing throws for a bad signature.
 */
export async function verifySignatures(
  jws: ParsedJws,
  checks: CheckList,
  ctx: SignatureContext,
  expected: SignedKind | undefined,
  policyFor: (index: number, kind: SignedKind) => SignerPolicy,
): Promise<{ kind?: SignedKind; signatures: CheckedSignature[] }> {
  const out: CheckedSignature[] = [];
  let kind: SignedKind | undefined = expected;
  for (const [i, sig] of jws.signatures.entries()) {
    // With several signatures each message says which one; with one, the check name says enough.
    const n = jws.signatures.length > 1 ? ` ${i + 1}` : '';
    const of = n ? `signature${n}: ` : '';
    const report: SignatureReport = { index: i, role: 'signer', valid: false };
    out.push({ report });
    let header: CheckedHeader;
    try {
      header = checkHeader(sig.header, kind);
    } catch (e) {
      if (!isXlicError(e)) throw e;
      checks.fail('header', e.code, `${of}${e.message}`, i);
      continue;
    }
    kind ??= header.kind;
    out[i]!.header = header;
    const policy = policyFor(i, header.kind);
    report.role = policy.as;
    report.alg = header.alg;
    report.signingTime = header.signingTime.toISOString();
    checks.pass('header', `${of}${header.alg}, typ ${header.typ}, signed ${report.signingTime}`, i);

    let key: CryptoKey;
    try {
      const signerDer = header.chain[0]!;
      key = ctx.cache ? await ctx.cache.key(header.x5c[0]!, header.alg, () => signerKey(signerDer, header.alg)) : await signerKey(signerDer, header.alg);
    } catch (e) {
      if (!isXlicError(e)) throw e;
      checks.fail('signature', e.code, `${of}${e.message}`, i);
      continue;
    }
    if (!(await verifySignature(sig.protectedB64, jws.payloadB64, sig.signatureB64, key, header.alg))) {
      checks.fail('signature', 'JWS_SIGNATURE_INVALID', `${of}the signature does not match the document (tampered payload or header, or wrong key)`, i);
      continue;
    }
    checks.pass('signature', `${of}${header.alg} signature matches`, i);

    const skew = (ctx.skewSeconds ?? 300) * 1000;
    if (header.signingTime.getTime() > ctx.at.getTime() + skew) {
      checks.fail('signature', 'SIGNED_IN_FUTURE', `${of}signing time ${report.signingTime} is after the verification time ${ctx.at.toISOString()}`, i);
      continue;
    }

    const pathOptions = { chain: header.chain, anchors: ctx.index.anchors(), role: policy.role, signingTime: header.signingTime, now: ctx.at, purpose: policy.purpose, crls: ctx.crls };
    const path = ctx.cache ? await ctx.cache.validatePath(pathOptions, header.x5c) : await validatePath(pathOptions);
    for (const w of path.warnings) checks.warn('chain', w.code, `${of}${w.message}`, i);
    if (!path.ok) {
      checks.fail('chain', path.code, `${of}${path.message}`, i);
      continue;
    }
    const leafDer = path.leaf.der;
    const leafSha256 = ctx.cache ? await ctx.cache.thumbprint(header.x5c[0]!, () => thumbprint(leafDer)) : await thumbprint(leafDer);
    report.signer = { subject: path.leaf.subject.text, thumbprint: leafSha256, serialNumber: path.leaf.serialNumber, notAfter: path.leaf.notAfter.toISOString() };
    report.anchor = { agency: path.anchor.agency, subject: path.anchor.parsed.subject.text, thumbprint: path.anchor.sha256, roles: [...path.anchor.roles], source: path.anchor.source };
    out[i]!.anchor = path.anchor;
    checks.pass('chain', `${of}${path.leaf.subject.text} chains to ${path.anchor.parsed.subject.text} (${path.anchor.agency.agencyId}, ${path.anchor.agency.country}), trusted as ${policy.role} by ${path.anchor.source}`, i);
    report.valid = true;
  }
  return kind ? { kind, signatures: out } : { signatures: out };
}
