import { CompactSign } from 'jose';
import { JWS_TYP, XlicError, base64Encode, sha256Hex, validateDocument, type SignedKind } from '@xlic/core';
import { checkSigner, purposeFor } from './certificate-check.js';
import type { Signer } from './signer.js';

/** A freshly signed document. */
export interface SignedDocument {
  /** Compact JWS. */
  jws: string;
  kind: SignedKind;
  /** SHA-256 of the payload bytes: the digest other documents use to reference this one. */
  payloadSha256: string;
}

/**
 * Validate, then sign a document as a compact JWS under the xlic profile: protected header
 * with `alg`, the kind's `typ`, the `x5c` chain and the signing time `iat`. An invalid
 * document is never signed (XlicError SIGN_DOCUMENT_INVALID with the findings).
 *
 * @example
 * const { jws } = await signDocument(license, { privateKey, algorithm: 'ES256', chain: [signerDer] });
 */
export async function signDocument(document: unknown, signer: Signer, options: { signingTime?: Date } = {}): Promise<SignedDocument> {
  // Validate exactly what will be signed: the JSON text, not the object (toJSON, getters, undefined members).
  let text: string;
  try {
    text = JSON.stringify(document);
  } catch (cause) {
    throw new XlicError('SIGN_DOCUMENT_INVALID', 'the document cannot be serialized as JSON', { cause });
  }
  const validation = validateDocument(text === undefined ? document : JSON.parse(text));
  if (!validation.valid) {
    const errors = validation.findings.filter((f) => f.severity === 'error');
    throw new XlicError('SIGN_DOCUMENT_INVALID', `the ${validation.kind} is not valid and was not signed: ${errors[0]?.message ?? 'invalid'}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`, { findings: validation.findings });
  }
  const kind = validation.kind;
  if (!(kind in JWS_TYP)) throw new XlicError('SIGN_DOCUMENT_INVALID', `a ${kind} is not signed on its own`);
  const signingTime = new Date(Math.floor((options.signingTime ?? new Date()).getTime() / 1000) * 1000);
  await checkSigner(signer, purposeFor(kind as SignedKind), signingTime);
  const payload = new TextEncoder().encode(text);
  const jws = await new CompactSign(payload)
    .setProtectedHeader({ alg: signer.algorithm, typ: JWS_TYP[kind as SignedKind], x5c: signer.chain.map(base64Encode), iat: signingTime.getTime() / 1000 })
    .sign(signer.privateKey);
  return { jws, kind: kind as SignedKind, payloadSha256: await sha256Hex(payload) };
}
