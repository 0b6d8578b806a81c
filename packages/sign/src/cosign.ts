import { FlattenedSign } from 'jose';
import { MAX_SIGNATURES, XlicError, base64Encode, kindOfTyp, parseJws } from '@xlic/core';
import { checkSigner, purposeFor } from './certificate-check.js';
import type { Signer } from './signer.js';

/**
 * Add a countersignature to a signed license (or certify a declaration) without touching the
 * payload: the result is the JWS JSON general serialization with one more signature.
 * The existing signatures are kept byte for byte; verify the result with `verifyDocument`.
 *
 * @example
 * const json = await cosignDocument(compactJws, { privateKey, algorithm: 'ES256', chain: [jpSignerDer] });
 */
export async function cosignDocument(jwsText: string, signer: Signer, options: { signingTime?: Date } = {}): Promise<string> {
  const jws = parseJws(jwsText);
  const typ = jws.signatures[0]!.header['typ'];
  const kind = kindOfTyp(typ);
  if (kind !== 'license' && kind !== 'end-use-declaration') throw new XlicError('SIGN_DOCUMENT_INVALID', `only licenses and end-use declarations are countersigned, not ${String(typ)}`);
  if (jws.signatures.length >= MAX_SIGNATURES) throw new XlicError('SIGN_DOCUMENT_INVALID', `the document already has ${jws.signatures.length} signatures; verifiers accept at most ${MAX_SIGNATURES}`);
  const signerB64 = base64Encode(signer.chain[0] ?? new Uint8Array());
  if (jws.signatures.some((s) => Array.isArray(s.header['x5c']) && s.header['x5c'][0] === signerB64)) {
    throw new XlicError('SIGN_DOCUMENT_INVALID', 'this certificate has already signed the document');
  }
  const signingTime = new Date(Math.floor((options.signingTime ?? new Date()).getTime() / 1000) * 1000);
  await checkSigner(signer, purposeFor(kind, true), signingTime);
  const flat = await new FlattenedSign(jws.payload)
    .setProtectedHeader({ alg: signer.algorithm, typ: typ as string, x5c: signer.chain.map(base64Encode), iat: signingTime.getTime() / 1000 })
    .sign(signer.privateKey);
  if (flat.payload !== jws.payloadB64) throw new XlicError('JWS_MALFORMED', 'the payload is not in canonical base64url; refusing to countersign');
  const signatures = [...jws.signatures.map((s) => ({ protected: s.protectedB64, signature: s.signatureB64 })), { protected: flat.protected!, signature: flat.signature }];
  return JSON.stringify({ payload: jws.payloadB64, signatures });
}
