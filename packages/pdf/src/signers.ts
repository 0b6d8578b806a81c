import { base64Decode, kindOfTyp, parseJws, type License } from '@xlic/core';
import { parseCertificate, thumbprint } from '@xlic/trust';
import type { SignerInfo } from './layout-license.js';

/**
 * The signature block of a license, derived from the signed license alone (x5c signer certificates),
 * never from a verifier's trust lists: so every verifier re-renders exactly the page the issuer rendered.
 * The issuer's agency is the license's; countersigners' come from their certificate subject (C, OU, O).
 *
 * @example
 * const signers = await signersFromJws(jws, license);
 */
export async function signersFromJws(jws: string, license: License): Promise<SignerInfo[]> {
  const parsed = parseJws(jws);
  const out: SignerInfo[] = [];
  for (const [i, sig] of parsed.signatures.entries()) {
    if (kindOfTyp(sig.header['typ']) !== 'license') continue;
    const x5c = sig.header['x5c'];
    if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') continue;
    const der = base64Decode(x5c[0], 'JWS_HEADER_INVALID', 'x5c[0]');
    const cert = parseCertificate(der);
    const agency = i === 0
      ? { country: license.issuer.country, agencyId: license.issuer.agencyId, name: license.issuer.name }
      : { country: cert.subject.country ?? '??', agencyId: cert.subject.agencyId ?? cert.subject.organization ?? '?', name: cert.subject.organization ?? cert.subject.text };
    out.push({ agency, subject: cert.subject.text, thumbprint: await thumbprint(der), role: i === 0 ? 'issuer' : 'countersigner' });
  }
  return out;
}
