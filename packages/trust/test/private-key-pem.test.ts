import { describe, expect, it } from 'vitest';
import { SIGNING_ALGORITHMS } from '../src/algorithms.js';
import { generateKeyPair } from '../src/keys-generate.js';
import { exportPrivateKeyPem, importPrivateKeyPem } from '../src/private-key-pem.js';
import { fromPem } from '../src/pem.js';

async function signsLike(a: CryptoKey, publicKey: CryptoKey): Promise<boolean> {
  const params = a.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : a.algorithm.name === 'RSA-PSS' ? { name: 'RSA-PSS', saltLength: 32 } : { name: 'Ed25519' };
  const data = new TextEncoder().encode('x');
  return crypto.subtle.verify(params, publicKey, await crypto.subtle.sign(params, a, data), data);
}

describe('private key PEM', () => {
  for (const alg of SIGNING_ALGORITHMS) {
    it(`round-trips an encrypted ${alg} key and works out its algorithm`, async () => {
      const pair = await generateKeyPair(alg);
      const pem = await exportPrivateKeyPem(pair.privateKey, 'correct horse', { iterations: 1000 });
      expect(fromPem(pem)[0]!.label).toBe('ENCRYPTED PRIVATE KEY');
      const { privateKey, algorithm } = await importPrivateKeyPem(pem, 'correct horse');
      expect(algorithm).toBe(alg);
      expect(privateKey.extractable).toBe(false);
      expect(await signsLike(privateKey, pair.publicKey)).toBe(true);
    });
  }

  it('writes 600000 PBKDF2 iterations by default and reads them back', async () => {
    const pair = await generateKeyPair('ES256');
    const pem = await exportPrivateKeyPem(pair.privateKey, 'pw');
    // iterationCount INTEGER 600000 = 02 03 09 27 c0
    expect(Buffer.from(fromPem(pem)[0]!.der).toString('hex')).toContain('02030927c0');
    expect((await importPrivateKeyPem(pem, 'pw')).algorithm).toBe('ES256');
  });

  it('round-trips an unencrypted key', async () => {
    const pair = await generateKeyPair('EdDSA');
    const pem = await exportPrivateKeyPem(pair.privateKey);
    expect(pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    expect((await importPrivateKeyPem(pem)).algorithm).toBe('EdDSA');
  });

  it('KEY_PASSPHRASE_REQUIRED and KEY_PASSPHRASE_WRONG', async () => {
    const pair = await generateKeyPair('ES384');
    const pem = await exportPrivateKeyPem(pair.privateKey, 'right', { iterations: 1000 });
    await expect(importPrivateKeyPem(pem)).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_REQUIRED' });
    await expect(importPrivateKeyPem(pem, 'wrong')).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG' });
  });

  it('KEY_FORMAT_UNSUPPORTED for legacy labels, KEY_INVALID for garbage, PEM_INVALID for non-PEM', async () => {
    await expect(importPrivateKeyPem('-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----\n')).rejects.toMatchObject({ code: 'KEY_FORMAT_UNSUPPORTED' });
    await expect(importPrivateKeyPem('-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n')).rejects.toMatchObject({ code: 'KEY_INVALID' });
    await expect(importPrivateKeyPem('not a key')).rejects.toMatchObject({ code: 'PEM_INVALID' });
  });

  it('refuses to export a non-extractable key', async () => {
    const pair = await generateKeyPair('ES256');
    const pem = await exportPrivateKeyPem(pair.privateKey);
    const { privateKey } = await importPrivateKeyPem(pem);
    await expect(exportPrivateKeyPem(privateKey)).rejects.toMatchObject({ code: 'USAGE' });
  });
});
