import { describe, expect, it } from 'vitest';
import { SIGNING_ALGORITHMS } from '../src/algorithms.js';
import { parseCertificate, thumbprint } from '../src/certificate.js';
import { createRootCa, issueCertificate, signerCommonName } from '../src/issue.js';
import { EKU_OIDS } from '../src/oids.js';
import { importPublicKey } from '../src/public-key.js';
import { validatePath } from '../src/path-validation.js';
import { anchorOf, DAY, makeRoot, makeSigner, NOW, SIGNING_TIME, T0 } from './helpers.js';

describe('createRootCa and issueCertificate', () => {
  for (const alg of SIGNING_ALGORITHMS) {
    it(`issues a ${alg} root and signer that validate for license-signing`, async () => {
      const root = await makeRoot(alg);
      const signer = await makeSigner(root, 'license-signing', alg);
      const result = await validatePath({ chain: [signer.certificate], anchors: [await anchorOf(root.certificate)], signingTime: SIGNING_TIME, now: NOW, purpose: 'license-signing' });
      expect(result).toMatchObject({ ok: true, warnings: [] });
      if (!result.ok) return;
      expect(result.path).toHaveLength(2);
      expect(result.leaf.publicKey.algorithm).toBe(alg);
      // the imported key verifies what the signer's private key signed
      const { key, algorithm } = await importPublicKey(result.leaf.publicKey);
      expect(algorithm).toBe(alg);
      const params = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : alg === 'ES384' ? { name: 'ECDSA', hash: 'SHA-384' } : alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'RSA-PSS', saltLength: 32 };
      const data = new TextEncoder().encode('payload');
      const sig = await crypto.subtle.sign(params, signer.privateKey, data);
      expect(await crypto.subtle.verify(params, key, sig, data)).toBe(true);
    });
  }

  it('signs a certificate with the issuer key algorithm, not the subject key algorithm', async () => {
    const root = await makeRoot('EdDSA');
    const signer = await makeSigner(root, 'license-signing', 'ES384');
    const parsed = parseCertificate(signer.certificate);
    expect(parsed.signatureAlgorithm.description).toBe('Ed25519');
    expect(parsed.publicKey.algorithm).toBe('ES384');
  });

  it('writes the documented root profile', async () => {
    const root = await createRootCa({ country: 'JP', agencyId: 'METI', agencyName: '経済産業省', notBefore: new Date('2026-03-04T05:06:07.890Z') });
    const c = parseCertificate(root.certificate);
    expect(c.subject).toMatchObject({ country: 'JP', organization: '経済産業省', agencyId: 'METI', organizationalUnit: 'METI', commonName: 'METI Root CA 2026' });
    expect(c.subject.text).toBe('C=JP, O=経済産業省, OU=METI, CN=METI Root CA 2026');
    expect(c.selfIssued).toBe(true);
    expect(c.isCa).toBe(true);
    expect(c.pathLength).toBe(1);
    expect(c.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(c.ekus).toBeUndefined();
    expect(c.notBefore.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect(c.notAfter.getTime() - c.notBefore.getTime()).toBe(3650 * DAY);
    expect(c.subjectKeyIdentifier).toMatch(/^[0-9a-f]{40}$/);
    expect(c.extensions.map((e) => [e.oid, e.critical])).toEqual([
      ['2.5.29.19', true],
      ['2.5.29.15', true],
      ['2.5.29.14', false],
    ]);
    expect(root.privateKey.extractable).toBe(true);
    expect(await thumbprint(root.certificate)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes the documented signer profile with the EKU OID read back exactly', async () => {
    const root = await makeRoot();
    const signer = await makeSigner(root, 'declaration-certifying');
    const c = parseCertificate(signer.certificate);
    const r = parseCertificate(root.certificate);
    expect(c.isCa).toBe(false);
    expect(c.keyUsage).toEqual(['digitalSignature']);
    expect(c.ekus).toEqual(['2.25.152233983383500352379578609481682438308.1.2']);
    expect(c.ekus).toEqual([EKU_OIDS['declaration-certifying']]);
    expect(c.purposes).toEqual(['declaration-certifying']);
    expect(c.authorityKeyIdentifier).toBe(r.subjectKeyIdentifier);
    expect(c.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(c.issuer.text).toBe(r.subject.text);
    expect(c.extensions.map((e) => [e.oid, e.critical])).toEqual([
      ['2.5.29.19', true],
      ['2.5.29.15', true],
      ['2.5.29.37', true],
      ['2.5.29.14', false],
      ['2.5.29.35', false],
    ]);
  });

  it('draws a fresh random serial for every certificate', async () => {
    const root = await makeRoot();
    const a = parseCertificate((await makeSigner(root)).certificate).serialNumber;
    const b = parseCertificate((await makeSigner(root)).certificate).serialNumber;
    expect(a).not.toBe(b);
  });

  it('refuses off-profile requests', async () => {
    const root = await makeRoot();
    const subject = { country: 'DE', organization: 'Agency BAFA', organizationalUnit: 'BAFA', commonName: signerCommonName('BAFA', 'license-signing', 1) };
    await expect(issueCertificate({ issuer: root, subject, purpose: 'license-signing', notBefore: T0, validityDays: 826 })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(issueCertificate({ issuer: root, subject, purpose: 'any', notBefore: T0 })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(issueCertificate({ issuer: root, subject, purpose: 'license-signing', notBefore: new Date(T0.getTime() - DAY) })).rejects.toThrow(/within its issuer's validity/);
    const signer = await makeSigner(root);
    await expect(issueCertificate({ issuer: signer, subject, purpose: 'license-signing', notBefore: T0 })).rejects.toThrow(/not a CA/);
    const other = await makeRoot();
    await expect(issueCertificate({ issuer: { certificate: root.certificate, privateKey: other.privateKey }, subject, purpose: 'license-signing', notBefore: T0 })).rejects.toThrow(/does not belong/);
    await expect(createRootCa({ country: 'de', agencyId: 'BAFA', agencyName: 'x' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('issues an intermediate CA (pathLen 0) and validates a three-certificate path', async () => {
    const root = await makeRoot();
    const subject = { country: 'DE', organization: 'Agency BAFA', organizationalUnit: 'BAFA', commonName: 'BAFA Issuing CA 1' };
    const intermediate = await issueCertificate({ issuer: root, subject, purpose: 'license-signing', notBefore: T0, ca: { pathLength: 0 } });
    const ic = parseCertificate(intermediate.certificate);
    expect(ic).toMatchObject({ isCa: true, pathLength: 0, keyUsage: ['keyCertSign', 'cRLSign'], ekus: [EKU_OIDS['license-signing']] });
    const signer = await makeSigner(intermediate);
    const result = await validatePath({ chain: [signer.certificate, intermediate.certificate, root.certificate], anchors: [await anchorOf(root.certificate)], signingTime: SIGNING_TIME, now: NOW, purpose: 'license-signing' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.path.map((p) => p.subject.commonName)).toEqual(['BAFA license-signing signer 1', 'BAFA Issuing CA 1', 'BAFA Root CA 2026']);
    // an intermediate with pathLen 0 cannot certify another CA
    await expect(issueCertificate({ issuer: intermediate, subject: { ...subject, commonName: 'x' }, purpose: 'any', notBefore: T0, ca: { pathLength: 0 } })).rejects.toThrow(/pathLen 0/);
  });
});
