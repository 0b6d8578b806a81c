import { CompactSign, compactVerify, importX509 } from 'jose';
import { XlicError, base64Encode, type SignedKind } from '@xlic/core';
import { parseCertificate, type Purpose } from '@xlic/trust';
import type { Signer } from './signer.js';

/** The certificate purpose each kind of document is signed for (docs/SPEC.md, "Roles"). */
export function purposeFor(kind: SignedKind, countersign = false): Purpose {
  switch (kind) {
    case 'license':
      return 'license-signing';
    case 'end-use-declaration':
      return countersign ? 'declaration-certifying' : 'declaration-signing';
    default:
      return 'list-signing';
  }
}

/**
 * Refuse to sign with a certificate that verifiers would reject anyway: not for this purpose,
 * a CA certificate, outside its validity at the signing time, or not matching the private key.
 */
export async function checkSigner(signer: Signer, purpose: Purpose, signingTime: Date): Promise<void> {
  if (Number.isNaN(signingTime.getTime())) throw new XlicError('USAGE', 'the signing time is not a valid date');
  const der = signer.chain[0];
  if (!der) throw new XlicError('SIGN_CERTIFICATE_UNSUITABLE', 'no signer certificate given');
  const cert = parseCertificate(der);
  if (cert.isCa) throw new XlicError('SIGN_CERTIFICATE_UNSUITABLE', `${cert.subject.text} is a CA certificate; sign with a document-signer certificate issued from it`);
  if (purpose !== 'any' && !cert.purposes.includes(purpose)) throw new XlicError('SIGN_CERTIFICATE_UNSUITABLE', `${cert.subject.text} is not certified for ${purpose}`);
  if (signingTime < cert.notBefore || signingTime > cert.notAfter) {
    throw new XlicError('SIGN_CERTIFICATE_UNSUITABLE', `${cert.subject.text} is valid from ${cert.notBefore.toISOString()} to ${cert.notAfter.toISOString()}, not at ${signingTime.toISOString()}`);
  }
  // Prove the private key belongs to the certificate before anything is published.
  const probe = new TextEncoder().encode('xlic key check');
  try {
    const jws = await new CompactSign(probe).setProtectedHeader({ alg: signer.algorithm }).sign(signer.privateKey);
    const pub = await importX509(`-----BEGIN CERTIFICATE-----\n${base64Encode(der)}\n-----END CERTIFICATE-----`, signer.algorithm);
    await compactVerify(jws, pub, { algorithms: [signer.algorithm] });
  } catch (cause) {
    throw new XlicError('SIGN_KEY_MISMATCH', `the private key does not belong to ${cert.subject.text} or does not fit ${signer.algorithm}`, { cause });
  }
}
