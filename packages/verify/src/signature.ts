import { XlicError, base64urlDecode, isXlicError, type SignatureAlgorithm } from '@xlic/core';
import { importPublicKey, parseCertificate } from '@xlic/trust';

/** WebCrypto verification parameters per JOSE algorithm (RFC 7518 §3). */
const VERIFY_PARAMS: Record<SignatureAlgorithm, AlgorithmIdentifier | EcdsaParams | RsaPssParams> = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  ES384: { name: 'ECDSA', hash: 'SHA-384' },
  EdDSA: { name: 'Ed25519' },
  PS256: { name: 'RSA-PSS', saltLength: 32 },
};

/** Raw signature sizes for the fixed-size algorithms (ECDSA r||s, Ed25519). */
const SIGNATURE_BYTES: Partial<Record<SignatureAlgorithm, number>> = { ES256: 64, ES384: 96, EdDSA: 64 };

/**
 * Import the signer's public key from its certificate for `alg`; a key of another type (an ES256
 * header over an RSA key, say) is refused with JWS_ALG_KEY_MISMATCH. Keys outside the xlic
 * profile (RSA under 3072 bits, other curves) are refused too.
 */
export async function signerKey(der: Uint8Array, alg: SignatureAlgorithm): Promise<CryptoKey> {
  let imported: Awaited<ReturnType<typeof importPublicKey>>;
  try {
    imported = await importPublicKey(parseCertificate(der).publicKey);
  } catch (cause) {
    if (isXlicError(cause) && cause.code === 'CERT_PARSE') throw cause;
    throw new XlicError('JWS_ALG_KEY_MISMATCH', `the signer certificate's key cannot be used with ${alg}${isXlicError(cause) ? `: ${cause.message}` : ''}`, { cause });
  }
  if (imported.algorithm !== alg) throw new XlicError('JWS_ALG_KEY_MISMATCH', `the header says ${alg} but the signer certificate holds a ${imported.algorithm} key`);
  return imported.key;
}

const encoder = new TextEncoder();

/**
 * Verify one JWS signature over `protected || "." || payload` (RFC 7515 §5.2) with WebCrypto.
 * The header and the base64url encodings were already checked strictly by parseJws/checkHeader,
 * so nothing is decoded twice; false when the signature does not match.
 */
export async function verifySignature(protectedB64: string, payloadB64: string, signatureB64: string, key: CryptoKey, alg: SignatureAlgorithm): Promise<boolean> {
  let signature: Uint8Array;
  try {
    signature = base64urlDecode(signatureB64, 'JWS_MALFORMED', 'JWS signature');
  } catch {
    return false;
  }
  const size = SIGNATURE_BYTES[alg];
  if (signature.length === 0 || (size !== undefined && signature.length !== size)) return false;
  try {
    return await crypto.subtle.verify(VERIFY_PARAMS[alg], key, signature as Uint8Array<ArrayBuffer>, encoder.encode(`${protectedB64}.${payloadB64}`));
  } catch {
    return false;
  }
}
