import { stat } from 'node:fs/promises';
import { XlicError } from '@xlic/core';
import { exportPrivateKeyPem, importPrivateKeyPem, type SigningAlgorithm } from '@xlic/trust';
import { writeFileAtomic } from './atomic-write.js';
import { passphraseFrom, type PassphraseOptions } from './passphrase.js';
import { readInput } from './read-input.js';

/**
 * Read a PKCS#8 private key file. Refused when group or world can read it (KEY_FILE_PERMISSIONS),
 * as ssh does; decrypted with the configured passphrase when encrypted.
 */
export async function readPrivateKey(path: string, options: PassphraseOptions): Promise<{ privateKey: CryptoKey; algorithm: SigningAlgorithm }> {
  const info = await stat(path).catch(() => undefined);
  if (info && (info.mode & 0o077) !== 0) {
    throw new XlicError('KEY_FILE_PERMISSIONS', `${path} is readable by others (mode ${(info.mode & 0o777).toString(8)}); run chmod 600 ${path}`);
  }
  const { bytes } = await readInput(path, 64 * 1024);
  const pem = new TextDecoder().decode(bytes);
  const encrypted = pem.includes('BEGIN ENCRYPTED PRIVATE KEY');
  const passphrase = encrypted ? await passphraseFrom(options, path) : undefined;
  return importPrivateKeyPem(pem, passphrase);
}

/** Write a private key as PKCS#8 PEM with mode 0600, atomically; encrypted when a passphrase is configured. */
export async function writePrivateKey(path: string, key: CryptoKey, options: PassphraseOptions): Promise<{ encrypted: boolean }> {
  const passphrase = await passphraseFrom(options, `new key ${path}`);
  await writeFileAtomic(path, await exportPrivateKeyPem(key, passphrase), { mode: 0o600 });
  return { encrypted: passphrase !== undefined };
}
