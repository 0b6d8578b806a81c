// Cross-checks with the openssl CLI (an independent X.509 implementation).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGNING_ALGORITHMS } from '../src/algorithms.js';
import { parseCertificate } from '../src/certificate.js';
import { issueCrl } from '../src/crl.js';
import { createRootCa, issueCertificate } from '../src/issue.js';
import { EKU_OIDS } from '../src/oids.js';
import { validatePath } from '../src/path-validation.js';
import { fromPem, toPem } from '../src/pem.js';
import { exportPrivateKeyPem, importPrivateKeyPem } from '../src/private-key-pem.js';
import { generateKeyPair } from '../src/keys-generate.js';
import { anchorOf } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'xlic-trust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function openssl(args: string[], input?: string): { out: string; err: string; status: number } {
  const r = spawnSync('openssl', args, { cwd: dir, input, encoding: 'utf8' });
  return { out: r.stdout, err: r.stderr, status: r.status ?? 1 };
}
const file = (name: string, text: string | Uint8Array): string => {
  writeFileSync(join(dir, name), text);
  return name;
};

describe('openssl-made certificates validate with xlic', () => {
  it('(a) a root and a leaf with the license-signing EKU from openssl req/x509', async () => {
    file(
      'root.cnf',
      ['[req]', 'distinguished_name = dn', 'prompt = no', 'x509_extensions = v3', '[dn]', 'C = DE', 'O = Agency BAFA', 'OU = BAFA', 'CN = BAFA Root CA openssl',
        '[v3]', 'basicConstraints = critical,CA:true,pathlen:1', 'keyUsage = critical,keyCertSign,cRLSign', 'subjectKeyIdentifier = hash'].join('\n'),
    );
    file('leaf.ext', ['basicConstraints = critical,CA:FALSE', 'keyUsage = critical,digitalSignature', `extendedKeyUsage = critical,${EKU_OIDS['license-signing']}`, 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid'].join('\n'));
    expect(openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'o-root.key']).status).toBe(0);
    expect(openssl(['req', '-x509', '-new', '-config', 'root.cnf', '-key', 'o-root.key', '-sha256', '-days', '3650', '-out', 'o-root.pem']).status).toBe(0);
    expect(openssl(['genpkey', '-algorithm', 'ED25519', '-out', 'o-leaf.key']).status).toBe(0);
    expect(openssl(['req', '-new', '-key', 'o-leaf.key', '-subj', '/C=DE/O=Agency BAFA/OU=BAFA/CN=BAFA license-signing signer 1', '-out', 'o-leaf.csr']).status).toBe(0);
    const signed = openssl(['x509', '-req', '-in', 'o-leaf.csr', '-CA', 'o-root.pem', '-CAkey', 'o-root.key', '-set_serial', '0x5a5a5a5a5a5a5a5a', '-days', '365', '-sha256', '-extfile', 'leaf.ext', '-out', 'o-leaf.pem']);
    expect(signed.status).toBe(0);
    const root = fromPem(readFileSync(join(dir, 'o-root.pem'), 'utf8'))[0]!.der;
    const leaf = fromPem(readFileSync(join(dir, 'o-leaf.pem'), 'utf8'))[0]!.der;
    expect(parseCertificate(leaf).ekus).toEqual([EKU_OIDS['license-signing']]);
    const now = new Date();
    const anchor = { ...(await anchorOf(root)), validFrom: new Date(now.getTime() - 60_000), validUntil: new Date(now.getTime() + 86_400_000) };
    const result = await validatePath({ chain: [leaf], anchors: [anchor], signingTime: now, now, purpose: 'license-signing' });
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.leaf.publicKey.algorithm).toBe('EdDSA');
    // and the same leaf is not a declaration certifier
    expect(await validatePath({ chain: [leaf], anchors: [{ ...anchor, roles: ['declaration-certifier'] }], signingTime: now, now, purpose: 'declaration-certifying' })).toMatchObject({ ok: false, code: 'CERT_EKU_MISSING' });
  });
});

describe('xlic-made certificates, CRLs and keys work with openssl', () => {
  for (const alg of SIGNING_ALGORITHMS) {
    it(`(b) openssl verify accepts a ${alg} root + intermediate + signer and shows the EKU OID`, async () => {
      const root = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: 'Bundesamt für Wirtschaft', algorithm: alg });
      const inter = await issueCertificate({ issuer: root, algorithm: alg, purpose: 'license-signing', ca: { pathLength: 0 }, subject: { country: 'DE', organization: 'Bundesamt für Wirtschaft', organizationalUnit: 'BAFA', commonName: 'BAFA Issuing CA 1' } });
      const signer = await issueCertificate({ issuer: inter, algorithm: alg, purpose: 'license-signing', subject: { country: 'DE', organization: 'Bundesamt für Wirtschaft', organizationalUnit: 'BAFA', commonName: 'BAFA license-signing signer 1' } });
      const direct = await issueCertificate({ issuer: root, algorithm: alg, purpose: 'list-signing', subject: { country: 'DE', organization: 'Bundesamt für Wirtschaft', organizationalUnit: 'BAFA', commonName: 'BAFA list-signing signer 1' } });
      file(`${alg}-root.pem`, toPem(root.certificate, 'CERTIFICATE'));
      file(`${alg}-inter.pem`, toPem(inter.certificate, 'CERTIFICATE'));
      file(`${alg}-signer.pem`, toPem(signer.certificate, 'CERTIFICATE'));
      file(`${alg}-direct.pem`, toPem(direct.certificate, 'CERTIFICATE'));
      expect(openssl(['verify', '-CAfile', `${alg}-root.pem`, `${alg}-direct.pem`])).toMatchObject({ status: 0, out: `${alg}-direct.pem: OK\n` });
      expect(openssl(['verify', '-CAfile', `${alg}-root.pem`, '-untrusted', `${alg}-inter.pem`, `${alg}-signer.pem`])).toMatchObject({ status: 0, out: `${alg}-signer.pem: OK\n` });
      // negative control: without the intermediate openssl cannot build the path
      expect(openssl(['verify', '-CAfile', `${alg}-root.pem`, `${alg}-signer.pem`]).status).not.toBe(0);
      const text = openssl(['x509', '-in', `${alg}-direct.pem`, '-noout', '-text']).out;
      expect(text).toMatch(/X509v3 Extended Key Usage: critical\s+2\.25\.152233983383500352379578609481682438308\.1\.4\n/);
      expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
      expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
      const rootText = openssl(['x509', '-in', `${alg}-root.pem`, '-noout', '-text', '-nameopt', 'utf8']).out;
      expect(rootText).toContain('Subject: C=DE, O=Bundesamt für Wirtschaft, OU=BAFA, CN=BAFA Root CA');
      expect(rootText).toMatch(/X509v3 Basic Constraints: critical\s+CA:TRUE, pathlen:1/);
      expect(rootText).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    });
  }

  it('(c) openssl crl -verify accepts an xlic CRL, and openssl verify -crl_check sees the revocation', async () => {
    const root = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: 'Agency BAFA' });
    const signer = await issueCertificate({ issuer: root, purpose: 'license-signing', subject: { country: 'DE', organization: 'Agency BAFA', organizationalUnit: 'BAFA', commonName: 'BAFA license-signing signer 1' } });
    const other = await issueCertificate({ issuer: root, purpose: 'license-signing', subject: { country: 'DE', organization: 'Agency BAFA', organizationalUnit: 'BAFA', commonName: 'BAFA license-signing signer 2' } });
    const now = new Date();
    const crl = await issueCrl({
      issuer: root,
      revoked: [
        { serialNumber: parseCertificate(signer.certificate).serialNumber, revokedAt: new Date(now.getTime() - 1000), reason: 'keyCompromise' },
        { serialNumber: '0102', revokedAt: new Date(now.getTime() - 2000) },
      ],
      thisUpdate: new Date(now.getTime() - 60_000),
      nextUpdate: new Date(now.getTime() + 7 * 86_400_000),
      crlNumber: 3,
    });
    file('c-root.pem', toPem(root.certificate, 'CERTIFICATE'));
    file('c-signer.pem', toPem(signer.certificate, 'CERTIFICATE'));
    file('c-other.pem', toPem(other.certificate, 'CERTIFICATE'));
    file('c.crl', toPem(crl, 'X509 CRL'));
    const verified = openssl(['crl', '-in', 'c.crl', '-CAfile', 'c-root.pem', '-noout', '-verify']);
    expect(verified).toMatchObject({ status: 0, err: 'verify OK\n' });
    const text = openssl(['crl', '-in', 'c.crl', '-noout', '-text']).out;
    expect(text).toContain('X509v3 CRL Number: \n                3');
    expect(text).toContain('Key Compromise');
    const revoked = openssl(['verify', '-crl_check', '-CAfile', 'c-root.pem', '-CRLfile', 'c.crl', 'c-signer.pem']);
    expect(revoked.status).not.toBe(0);
    expect(revoked.out + revoked.err).toContain('certificate revoked');
    expect(openssl(['verify', '-crl_check', '-CAfile', 'c-root.pem', '-CRLfile', 'c.crl', 'c-other.pem'])).toMatchObject({ status: 0 });
    // a CRL signed by another key fails openssl's check too (the check is real)
    const impostor = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: 'Agency BAFA' });
    file('c-impostor.crl', toPem(await issueCrl({ issuer: impostor, revoked: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), crlNumber: 1 }), 'X509 CRL'));
    // (openssl crl exits 0 here and reports on stderr)
    expect(openssl(['crl', '-in', 'c-impostor.crl', '-CAfile', 'c-root.pem', '-noout', '-verify']).err).toContain('verify failure');
  });

  for (const alg of SIGNING_ALGORITHMS) {
    it(`(d) ${alg}: xlic's encrypted PKCS#8 opens with openssl pkey, and openssl's pkcs8 -v2 aes-256-cbc opens in xlic`, async () => {
      const pair = await generateKeyPair(alg);
      const spkiPem = toPem(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)), 'PUBLIC KEY');
      file(`${alg}-x.key`, await exportPrivateKeyPem(pair.privateKey, 'pass phrase!'));
      const opened = openssl(['pkey', '-in', `${alg}-x.key`, '-passin', 'pass:pass phrase!', '-pubout']);
      expect(opened.status).toBe(0);
      expect(opened.out).toBe(spkiPem);
      expect(openssl(['pkey', '-in', `${alg}-x.key`, '-passin', 'pass:wrong', '-pubout']).status).not.toBe(0);

      file(`${alg}-plain.key`, await exportPrivateKeyPem(pair.privateKey));
      const enc = openssl(['pkcs8', '-topk8', '-v2', 'aes-256-cbc', '-in', `${alg}-plain.key`, '-passout', 'pass:s3cret']);
      expect(enc.out).toContain('-----BEGIN ENCRYPTED PRIVATE KEY-----');
      const { privateKey, algorithm } = await importPrivateKeyPem(enc.out, 's3cret', { extractable: true });
      expect(algorithm).toBe(alg);
      expect(new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey))).toEqual(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)));
      await expect(importPrivateKeyPem(enc.out, 'S3cret')).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG' });
    });
  }

  it('(d) reads openssl PBES2 with AES-128 and HMAC-SHA512, and keys openssl generated itself', async () => {
    expect(openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', 'g.key']).status).toBe(0);
    const enc = openssl(['pkcs8', '-topk8', '-v2', 'aes-128-cbc', '-v2prf', 'hmacWithSHA512', '-in', 'g.key', '-passout', 'pass:pw']);
    expect((await importPrivateKeyPem(enc.out, 'pw')).algorithm).toBe('ES384');
    expect(openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'small.key']).status).toBe(0);
    await expect(importPrivateKeyPem(readFileSync(join(dir, 'small.key'), 'utf8'))).rejects.toMatchObject({ code: 'KEY_FORMAT_UNSUPPORTED' });
  });
});
