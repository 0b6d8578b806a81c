import { XlicError, type SignatureAlgorithm } from '@xlic/core';
import type { Signer } from '@xlic/sign';
import { readPrivateKey } from './key-file.js';
import type { PassphraseOptions } from './passphrase.js';
import { readCertificates } from './pem-file.js';

export interface SignerFiles extends PassphraseOptions {
  key?: string;
  cert?: string;
  chain?: string;
}

/** Load the signing key and its certificate chain (signer first, then --chain intermediates). */
export async function loadSigner(files: SignerFiles): Promise<Signer> {
  if (!files.key || !files.cert) throw new XlicError('USAGE', 'signing needs --key <private key PEM> and --cert <certificate PEM>');
  const { privateKey, algorithm } = await readPrivateKey(files.key, files);
  const certs = await readCertificates(files.cert);
  const chain = files.chain ? [...certs, ...(await readCertificates(files.chain))] : certs;
  return { privateKey, algorithm: algorithm as SignatureAlgorithm, chain };
}
