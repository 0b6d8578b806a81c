/** Generating key pairs of the profile algorithms. */
import { keyGenParams, type SigningAlgorithm } from './algorithms.js';

/** A key pair; both keys extractable so they can be saved. */
export interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** Generate an extractable key pair for `alg`. */
export async function generateKeyPair(alg: SigningAlgorithm): Promise<KeyPair> {
  const pair = (await globalThis.crypto.subtle.generateKey(keyGenParams(alg), true, ['sign', 'verify'])) as CryptoKeyPair;
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}
