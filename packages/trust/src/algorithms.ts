/** JOSE algorithm names of the xlic profile and their WebCrypto parameters. */

/** Signature algorithms of the xlic profile (JOSE names). */
export type SigningAlgorithm = 'ES256' | 'ES384' | 'EdDSA' | 'PS256';

/** All profile algorithms; `ES256` is the default. */
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['ES256', 'ES384', 'EdDSA', 'PS256'];

/** RSA modulus size generated for PS256 keys, and the smallest accepted. */
export const RSA_MODULUS_BITS = 3072;

/** WebCrypto key generation parameters for `alg`. */
export function keyGenParams(alg: SigningAlgorithm): EcKeyGenParams | RsaHashedKeyGenParams | Algorithm {
  switch (alg) {
    case 'ES256':
      return { name: 'ECDSA', namedCurve: 'P-256' };
    case 'ES384':
      return { name: 'ECDSA', namedCurve: 'P-384' };
    case 'EdDSA':
      return { name: 'Ed25519' };
    case 'PS256':
      return { name: 'RSA-PSS', modulusLength: RSA_MODULUS_BITS, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  }
}

/** WebCrypto import parameters for a key of `alg` (public or private). */
export function keyImportParams(alg: SigningAlgorithm): EcKeyImportParams | RsaHashedImportParams | Algorithm {
  switch (alg) {
    case 'ES256':
      return { name: 'ECDSA', namedCurve: 'P-256' };
    case 'ES384':
      return { name: 'ECDSA', namedCurve: 'P-384' };
    case 'EdDSA':
      return { name: 'Ed25519' };
    case 'PS256':
      return { name: 'RSA-PSS', hash: 'SHA-256' };
  }
}

/** Parameters @peculiar/x509 needs to sign a certificate or CRL with a key of `alg`. */
export function x509SigningParams(alg: SigningAlgorithm): Algorithm & Record<string, unknown> {
  switch (alg) {
    case 'ES256':
      return { name: 'ECDSA', hash: 'SHA-256' };
    case 'ES384':
      return { name: 'ECDSA', hash: 'SHA-384' };
    case 'EdDSA':
      return { name: 'Ed25519' };
    case 'PS256':
      return { name: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 };
  }
}

/** The profile algorithm of a WebCrypto key, or undefined when the key is outside the profile. */
export function algorithmOfKey(key: CryptoKey): SigningAlgorithm | undefined {
  const a = key.algorithm as Algorithm & { namedCurve?: string; modulusLength?: number; hash?: { name: string } };
  if (a.name === 'ECDSA' && a.namedCurve === 'P-256') return 'ES256';
  if (a.name === 'ECDSA' && a.namedCurve === 'P-384') return 'ES384';
  if (a.name === 'Ed25519') return 'EdDSA';
  if (a.name === 'RSA-PSS' && a.hash?.name === 'SHA-256' && (a.modulusLength ?? 0) >= RSA_MODULUS_BITS) return 'PS256';
  return undefined;
}
