import type { SignatureAlgorithm } from '@xlic/core';

/** What a signing agency (or end user) signs with. */
export interface Signer {
  privateKey: CryptoKey;
  algorithm: SignatureAlgorithm;
  /** DER certificates, signer first, then intermediates; the root is left out (trust lists carry it). */
  chain: Uint8Array[];
}
