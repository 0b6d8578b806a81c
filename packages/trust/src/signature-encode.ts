/** Signing DER structures (CRLs) directly with WebCrypto: the AlgorithmIdentifier and the signature value encoding. */
import { keyImportParams, type SigningAlgorithm } from './algorithms.js';
import { concatBytes, encodeOid, encodeSequence, encodeTlv, encodeUnsigned, TAG, toArrayBuffer } from './der.js';
import { OID } from './oids.js';

const NULL = encodeTlv(TAG.NULL, new Uint8Array());

/** The signature AlgorithmIdentifier the xlic profile writes for `alg`. */
export function signatureAlgorithmIdentifier(alg: SigningAlgorithm): Uint8Array {
  switch (alg) {
    case 'ES256':
      return encodeSequence(encodeOid(OID.ecdsaWithSha256));
    case 'ES384':
      return encodeSequence(encodeOid(OID.ecdsaWithSha384));
    case 'EdDSA':
      return encodeSequence(encodeOid(OID.ed25519));
    case 'PS256': {
      const sha256 = encodeSequence(encodeOid(OID.sha256), NULL);
      return encodeSequence(
        encodeOid(OID.rsassaPss),
        encodeSequence(encodeTlv(0xa0, sha256), encodeTlv(0xa1, encodeSequence(encodeOid(OID.mgf1), sha256)), encodeTlv(0xa2, encodeUnsigned(32))),
      );
    }
  }
}

/** Sign `tbs` and return the signatureValue contents (ECDSA as DER Ecdsa-Sig-Value). */
export async function signTbs(alg: SigningAlgorithm, key: CryptoKey, tbs: Uint8Array): Promise<Uint8Array> {
  const base = keyImportParams(alg);
  const params = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : alg === 'ES384' ? { name: 'ECDSA', hash: 'SHA-384' } : alg === 'PS256' ? { name: 'RSA-PSS', saltLength: 32 } : base;
  const sig = new Uint8Array(await globalThis.crypto.subtle.sign(params, key, toArrayBuffer(tbs)));
  if (alg !== 'ES256' && alg !== 'ES384') return sig;
  const half = sig.length / 2;
  return encodeSequence(derInteger(sig.subarray(0, half)), derInteger(sig.subarray(half)));
}

function derInteger(unsigned: Uint8Array): Uint8Array {
  let i = 0;
  while (i < unsigned.length - 1 && unsigned[i] === 0) i++;
  const v = unsigned.subarray(i);
  return encodeTlv(TAG.INTEGER, v[0]! & 0x80 ? concatBytes(Uint8Array.of(0), v) : v);
}

/** X.509 Time: UTCTime through 2049, GeneralizedTime from 2050 (RFC 5280 4.1.2.5). */
export function encodeTime(d: Date): Uint8Array {
  const iso = d.toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const year = d.getUTCFullYear();
  if (year >= 1950 && year < 2050) return encodeTlv(TAG.UTC_TIME, new TextEncoder().encode(`${digits.slice(2)}Z`));
  return encodeTlv(TAG.GENERALIZED_TIME, new TextEncoder().encode(`${digits}Z`));
}
