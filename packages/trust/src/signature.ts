/** Signature algorithms accepted on certificates and CRLs, and verifying them with WebCrypto. */
import { childrenOf, decodeOid, DerError, expectTag, readDer, readUnsigned, TAG, toArrayBuffer, type DerNode } from './der.js';
import { OID } from './oids.js';
import type { PublicKeyInfo } from './public-key.js';

/** A signature algorithm as found in a certificate or CRL. `supported` is false outside the xlic profile. */
export interface SignatureScheme {
  oid: string;
  /** E.g. `ecdsa-with-SHA256`, `Ed25519`, `RSASSA-PSS SHA-256 salt 32`, or the OID. */
  description: string;
  supported: boolean;
  hash?: 'SHA-256' | 'SHA-384';
  saltLength?: number;
}

/** Read a signature AlgorithmIdentifier (never throws for unknown algorithms: they come back unsupported). */
export function readSignatureScheme(node: DerNode): SignatureScheme {
  const [oidNode, params, extra] = childrenOf(expectTag(node, TAG.SEQUENCE, 'signature AlgorithmIdentifier'));
  if (extra !== undefined) throw new DerError('AlgorithmIdentifier has extra fields');
  const oid = decodeOid(expectTag(oidNode, TAG.OID, 'signature algorithm').value);
  switch (oid) {
    case OID.ecdsaWithSha256:
    case OID.ecdsaWithSha384:
      if (params !== undefined) throw new DerError('ECDSA signature algorithm with parameters');
      return oid === OID.ecdsaWithSha256
        ? { oid, description: 'ecdsa-with-SHA256', supported: true, hash: 'SHA-256' }
        : { oid, description: 'ecdsa-with-SHA384', supported: true, hash: 'SHA-384' };
    case OID.ed25519:
      if (params !== undefined) throw new DerError('Ed25519 signature algorithm with parameters');
      return { oid, description: 'Ed25519', supported: true };
    case OID.rsassaPss:
      return readPssParams(oid, params);
    default:
      return { oid, description: `signature algorithm ${oid}`, supported: false };
  }
}

// RSASSA-PSS-params (RFC 4055): only SHA-256 with MGF1-SHA-256 is in the profile.
function readPssParams(oid: string, params: DerNode | undefined): SignatureScheme {
  const unsupported = (why: string): SignatureScheme => ({ oid, description: `RSASSA-PSS ${why}`, supported: false });
  if (params === undefined) return unsupported('without parameters (SHA-1)');
  let hash: string | undefined;
  let mgfHash: string | undefined;
  let salt = 20;
  for (const field of childrenOf(expectTag(params, TAG.SEQUENCE, 'RSASSA-PSS parameters'))) {
    const [inner] = childrenOf(field);
    if (field.tag === 0xa0) hash = decodeOid(expectTag(childrenOf(expectTag(inner, TAG.SEQUENCE))[0], TAG.OID).value);
    else if (field.tag === 0xa1) {
      const [mgf, mgfParams] = childrenOf(expectTag(inner, TAG.SEQUENCE));
      if (decodeOid(expectTag(mgf, TAG.OID).value) !== OID.mgf1) return unsupported('with an unknown mask generation function');
      mgfHash = decodeOid(expectTag(childrenOf(expectTag(mgfParams, TAG.SEQUENCE))[0], TAG.OID).value);
    } else if (field.tag === 0xa2) salt = readUnsigned(inner, 'PSS salt length');
    else if (field.tag === 0xa3) {
      if (readUnsigned(inner, 'PSS trailer field') !== 1) return unsupported('with an unknown trailer field');
    } else throw new DerError('unknown field in RSASSA-PSS parameters');
  }
  if (hash !== OID.sha256 || mgfHash !== OID.sha256) return unsupported('with a hash other than SHA-256');
  if (salt < 32) return unsupported(`with salt length ${salt} (at least 32)`);
  return { oid, description: `RSASSA-PSS SHA-256 salt ${salt}`, supported: true, hash: 'SHA-256', saltLength: salt };
}

/**
 * Verify `signature` over `data` with the signer's public key. Returns false (never throws) when
 * the signature does not verify or the key does not fit the algorithm.
 */
export async function verifySignature(scheme: SignatureScheme, key: PublicKeyInfo, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (!scheme.supported) return false;
  const subtle = globalThis.crypto.subtle;
  try {
    if (scheme.oid === OID.ed25519) {
      if (key.algorithm !== 'EdDSA') return false;
      const k = await subtle.importKey('spki', toArrayBuffer(key.spki), { name: 'Ed25519' }, false, ['verify']);
      return await subtle.verify({ name: 'Ed25519' }, k, toArrayBuffer(signature), toArrayBuffer(data));
    }
    if (scheme.oid === OID.rsassaPss) {
      if (key.algorithm !== 'PS256') return false;
      const k = await subtle.importKey('spki', toArrayBuffer(key.spki), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
      return await subtle.verify({ name: 'RSA-PSS', saltLength: scheme.saltLength! }, k, toArrayBuffer(signature), toArrayBuffer(data));
    }
    // ECDSA: either profile curve with either profile hash (openssl signs P-384 roots with SHA-256 unless told)
    if (key.algorithm !== 'ES256' && key.algorithm !== 'ES384') return false;
    const namedCurve = key.algorithm === 'ES256' ? 'P-256' : 'P-384';
    const raw = ecdsaDerToRaw(signature, namedCurve === 'P-256' ? 32 : 48);
    if (raw === undefined) return false;
    const k = await subtle.importKey('spki', toArrayBuffer(key.spki), { name: 'ECDSA', namedCurve }, false, ['verify']);
    return await subtle.verify({ name: 'ECDSA', hash: scheme.hash! }, k, toArrayBuffer(raw), toArrayBuffer(data));
  } catch {
    return false; // a key WebCrypto refuses cannot vouch for anything
  }
}

/** Ecdsa-Sig-Value (DER SEQUENCE of r, s) to the fixed-size r||s WebCrypto verifies; undefined if malformed. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array | undefined {
  try {
    const [r, s, extra] = childrenOf(readDer(der, TAG.SEQUENCE));
    if (extra !== undefined) return undefined;
    const out = new Uint8Array(size * 2);
    for (const [i, n] of [r, s].entries()) {
      let v = expectTag(n, TAG.INTEGER).value;
      if (v.length === 0 || (v[0]! & 0x80) !== 0) return undefined; // empty or negative
      while (v.length > 1 && v[0] === 0) v = v.subarray(1);
      if (v.length > size) return undefined;
      out.set(v, i * size + (size - v.length));
    }
    return out;
  } catch {
    return undefined;
  }
}
