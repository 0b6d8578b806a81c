/** SubjectPublicKeyInfo: which profile algorithm a key belongs to, and importing it into WebCrypto. */
import { XlicError } from '@xlic/core';
import { keyImportParams, RSA_MODULUS_BITS, type SigningAlgorithm } from './algorithms.js';
import { childrenOf, decodeOid, DerError, expectTag, readBitStringBytes, readDer, TAG, toArrayBuffer, type DerNode } from './der.js';
import { OID } from './oids.js';

/** What a certificate's public key is. */
export interface PublicKeyInfo {
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** The key type as found: `EC P-256`, `Ed25519`, `RSA 3072`, or the key algorithm OID. */
  description: string;
  /** The JOSE algorithm this key signs with under the xlic profile; undefined when the key is outside the profile. */
  algorithm: SigningAlgorithm | undefined;
  /** The subjectPublicKey bits (used for key identifiers). */
  keyBits: Uint8Array;
}

/** Read a SubjectPublicKeyInfo node. */
export function readPublicKeyInfo(node: DerNode): PublicKeyInfo {
  const [algId, bits, extra] = childrenOf(expectTag(node, TAG.SEQUENCE, 'SubjectPublicKeyInfo'));
  if (extra !== undefined) throw new DerError('SubjectPublicKeyInfo has extra fields');
  const [oidNode, params] = childrenOf(expectTag(algId, TAG.SEQUENCE, 'public key AlgorithmIdentifier'));
  const oid = decodeOid(expectTag(oidNode, TAG.OID, 'public key algorithm').value);
  const keyBits = readBitStringBytes(bits, 'subjectPublicKey');
  const base = { spki: node.bytes, keyBits };
  if (oid === OID.ecPublicKey) {
    const curve = decodeOid(expectTag(params, TAG.OID, 'EC named curve').value);
    if (curve === OID.p256) return { ...base, description: 'EC P-256', algorithm: 'ES256' };
    if (curve === OID.p384) return { ...base, description: 'EC P-384', algorithm: 'ES384' };
    return { ...base, description: `EC curve ${curve}`, algorithm: undefined };
  }
  if (oid === OID.ed25519) {
    if (params !== undefined) throw new DerError('Ed25519 key with parameters');
    return { ...base, description: 'Ed25519', algorithm: 'EdDSA' };
  }
  if (oid === OID.rsaEncryption) {
    const [n] = childrenOf(readDer(keyBits, TAG.SEQUENCE));
    const modulus = expectTag(n, TAG.INTEGER, 'RSA modulus').value;
    const bitsLength = (modulus[0] === 0 ? modulus.length - 1 : modulus.length) * 8;
    return { ...base, description: `RSA ${bitsLength}`, algorithm: bitsLength >= RSA_MODULUS_BITS ? 'PS256' : undefined };
  }
  return { ...base, description: `key algorithm ${oid}`, algorithm: undefined };
}

/**
 * Import a certificate's public key into WebCrypto for verifying signatures of its profile algorithm
 * (the key to hand to `jose.compactVerify` with the `alg` in `info.algorithm`).
 *
 * @example
 * const { key, algorithm } = await importPublicKey(parseCertificate(der).publicKey);
 */
export async function importPublicKey(info: PublicKeyInfo): Promise<{ key: CryptoKey; algorithm: SigningAlgorithm }> {
  if (info.algorithm === undefined) throw new XlicError('CERT_ALGORITHM_UNSUPPORTED', `public key ${info.description} is outside the xlic profile`);
  const key = await globalThis.crypto.subtle.importKey('spki', toArrayBuffer(info.spki), keyImportParams(info.algorithm), true, ['verify']);
  return { key, algorithm: info.algorithm };
}
