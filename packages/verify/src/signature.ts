import { flattenedVerify, importX509 } from 'jose';
import { XlicError, type SignatureAlgorithm } from '@xlic/core';
import { base64Encode } from '@xlic/core';

/** Import the signer's public key from its certificate for `alg`; refuses a key of another type. */
export async function signerKey(der: Uint8Array, alg: SignatureAlgorithm): Promise<CryptoKey> {
  const pem = `-----BEGIN CERTIFICATE-----\n${base64Encode(der)}\n-----END CERTIFICATE-----`;
  try {
    const key = await importX509(pem, alg);
    if (alg === 'PS256' && key.algorithm.name === 'RSA-PSS' && (key.algorithm as RsaHashedKeyAlgorithm).modulusLength < 2048) {
      throw new XlicError('JWS_ALG_KEY_MISMATCH', 'RSA signer keys must have at least 2048 bits');
    }
    return key;
  } catch (cause) {
    if (cause instanceof XlicError) throw cause;
    throw new XlicError('JWS_ALG_KEY_MISMATCH', `the signer certificate's key cannot be used with ${alg}`, { cause });
  }
}

/** Verify one signature (protected header + payload) with `key`; false when it does not match. */
export async function verifySignature(protectedB64: string, payloadB64: string, signatureB64: string, key: CryptoKey, alg: SignatureAlgorithm): Promise<boolean> {
  try {
    await flattenedVerify({ protected: protectedB64, payload: payloadB64, signature: signatureB64 }, key, { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}
