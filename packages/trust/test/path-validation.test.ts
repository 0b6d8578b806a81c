import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../src/certificate.js';
import { basicConstraints, extendedKeyUsage, keyUsage, subjectKeyIdentifier, authorityKeyIdentifier } from '../src/extensions-encode.js';
import { issueCertificate, type IssuedCertificate } from '../src/issue.js';
import { EKU_OIDS } from '../src/oids.js';
import { validatePath, type ValidatePathOptions } from '../src/path-validation.js';
import type { TrustAnchor } from '../src/trust-index.js';
import { anchorOf, caExtensions, DAY, makeRoot, makeSigner, NOW, rawCert, SIGNING_TIME, T0 } from './helpers.js';

let root: IssuedCertificate;
let signer: IssuedCertificate;
let anchor: TrustAnchor;

beforeAll(async () => {
  root = await makeRoot();
  signer = await makeSigner(root);
  anchor = await anchorOf(root.certificate);
});

function run(chain: Uint8Array[], extra: Partial<ValidatePathOptions> = {}) {
  return validatePath({ chain, anchors: [anchor], signingTime: SIGNING_TIME, now: NOW, purpose: 'license-signing', ...extra });
}

describe('validatePath accepts', () => {
  it('a chain without the root and one with it', async () => {
    expect((await run([signer.certificate])).ok).toBe(true);
    const withRoot = await run([signer.certificate, root.certificate]);
    expect(withRoot.ok).toBe(true);
    if (withRoot.ok) expect(withRoot.anchor.sha256).toBe(anchor.sha256);
  });

  it('purpose any without an EKU check', async () => {
    const declSigner = await makeSigner(root, 'declaration-signing');
    expect((await run([declSigner.certificate], { purpose: 'any' })).ok).toBe(true);
  });

  it('a root re-issued with the same name and key as the anchor (the anchor is used)', async () => {
    const reissued = await rawCert({ cn: 'BAFA Root CA 2026', keys: root, extensions: (ski) => caExtensions(ski, undefined, 1) });
    // rawCert names differ from createRootCa (organization), so build the anchor from the re-issued one instead
    const a = await anchorOf(reissued.certificate);
    const leaf = await rawCert({ cn: 'leaf', issuer: reissued });
    const other = await rawCert({ cn: 'BAFA Root CA 2026', keys: root, notBefore: new Date(T0.getTime() + DAY), extensions: (ski) => caExtensions(ski, undefined, 1) });
    const r = await validatePath({ chain: [leaf.certificate, other.certificate], anchors: [a], signingTime: SIGNING_TIME, now: NOW, purpose: 'license-signing' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.path[1]!.der).toEqual(reissued.certificate);
  });
});

describe('validatePath rejects, with a code for each failure', () => {
  it('CERT_CHAIN_EMPTY', async () => {
    expect(await run([])).toMatchObject({ ok: false, code: 'CERT_CHAIN_EMPTY' });
  });

  it('CERT_PARSE for garbage, with the index', async () => {
    expect(await run([signer.certificate, Uint8Array.of(0x30, 0x03, 0x02, 0x01)])).toMatchObject({ ok: false, code: 'CERT_PARSE', certificateIndex: 1 });
    expect(await run([new Uint8Array(100)])).toMatchObject({ ok: false, code: 'CERT_PARSE', certificateIndex: 0 });
  });

  it('CERT_UNTRUSTED_ROOT for a foreign root, included or not', async () => {
    const foreign = await makeRoot('ES256', 'FR', 'DGDDI');
    const foreignSigner = await makeSigner(foreign);
    const r = await run([foreignSigner.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_UNTRUSTED_ROOT' });
    if (!r.ok) expect(r.message).toContain('no trust anchor is named C=FR');
    expect(await run([foreignSigner.certificate, foreign.certificate])).toMatchObject({ ok: false, code: 'CERT_UNTRUSTED_ROOT', certificateIndex: 1 });
  });

  it('CERT_SIGNATURE_INVALID for a certificate forged under the trusted root name', async () => {
    const impostor = await rawCert({ cn: 'BAFA Root CA 2026', extensions: (ski) => caExtensions(ski, undefined, 1) });
    // same issuer name as the real root, no AKI (so only the signature can tell)
    const forged = await rawCert({ cn: 'forged', issuer: impostor, issuerName: parseCertificate(root.certificate).subjectDer, extensions: (ski) => [basicConstraints(false), keyUsage(['digitalSignature']), extendedKeyUsage([EKU_OIDS['license-signing']]), subjectKeyIdentifier(ski)] });
    const r = await run([forged.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_SIGNATURE_INVALID', certificateIndex: 0 });
  });

  it('CERT_SIGNATURE_INVALID for a tampered certificate below an intermediate', async () => {
    const intermediate = await issueCertificate({ issuer: root, subject: { country: 'DE', organization: 'Agency BAFA', commonName: 'BAFA Issuing CA' }, purpose: 'license-signing', notBefore: T0, ca: { pathLength: 0 } });
    const leaf = await makeSigner(intermediate);
    const tampered = leaf.certificate.slice();
    tampered[tampered.length - 10]! ^= 0x01; // inside the signature value
    const r = await run([tampered, intermediate.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_SIGNATURE_INVALID', certificateIndex: 0 });
  });

  it('CERT_NAME_CHAINING when the next certificate is not the issuer', async () => {
    const other = await makeRoot('ES256', 'DE', 'ZOLL');
    expect(await run([signer.certificate, other.certificate])).toMatchObject({ ok: false, code: 'CERT_NAME_CHAINING', certificateIndex: 0 });
  });

  it('CERT_NAME_CHAINING when the authority key identifier names another key', async () => {
    const ca = await rawCert({ cn: 'BAFA Issuing CA', issuer: root, extensions: (ski, aki) => caExtensions(ski, aki, 0) });
    const leaf = await rawCert({
      cn: 'leaf',
      issuer: ca,
      extensions: (ski) => [basicConstraints(false), keyUsage(['digitalSignature']), extendedKeyUsage([EKU_OIDS['license-signing']]), subjectKeyIdentifier(ski), authorityKeyIdentifier(new Uint8Array(20).fill(7))],
    });
    const r = await run([leaf.certificate, ca.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_NAME_CHAINING', certificateIndex: 0 });
    if (!r.ok) expect(r.message).toContain('0707');
  });

  it('CERT_CHAIN_LOOP when a certificate repeats', async () => {
    const ca = await rawCert({ cn: 'BAFA Root CA 2026 loop', issuer: root, extensions: (ski, aki) => caExtensions(ski, aki) });
    expect(await run([signer.certificate, signer.certificate])).toMatchObject({ ok: false, code: 'CERT_CHAIN_LOOP', certificateIndex: 1 });
    expect(await run([ca.certificate, ca.certificate, root.certificate])).toMatchObject({ ok: false, code: 'CERT_CHAIN_LOOP' });
  });

  it('CERT_CHAIN_TOO_LONG beyond maxLength (counting the root)', async () => {
    expect(await run([signer.certificate, signer.certificate, signer.certificate, signer.certificate, signer.certificate])).toMatchObject({ ok: false, code: 'CERT_CHAIN_TOO_LONG' });
    const r = await run([signer.certificate], { maxLength: 1 });
    expect(r).toMatchObject({ ok: false, code: 'CERT_CHAIN_TOO_LONG' });
    if (!r.ok) expect(r.message).toContain('2 certificates counting the root');
  });

  it('CERT_ROLE_NOT_TRUSTED when the root is trusted for another role', async () => {
    const r = await run([signer.certificate], { anchors: [await anchorOf(root.certificate, ['customs'])] });
    expect(r).toMatchObject({ ok: false, code: 'CERT_ROLE_NOT_TRUSTED' });
    if (!r.ok) expect(r.message).toContain('not as license-issuer');
  });

  it('TRUST_ENTRY_NOT_CURRENT when the trust-list window does not include now', async () => {
    const a = await anchorOf(root.certificate, ['license-issuer'], { from: T0, until: new Date('2026-10-01T00:00:00Z') });
    expect(await run([signer.certificate], { anchors: [a] })).toMatchObject({ ok: false, code: 'TRUST_ENTRY_NOT_CURRENT', certificateIndex: 1 });
  });

  it('CERT_EXPIRED when the signer expired before the signing time, with a precise message', async () => {
    const short = await makeSigner(root, 'license-signing', 'ES256', { validityDays: 30 });
    const r = await run([short.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_EXPIRED', certificateIndex: 0 });
    if (!r.ok) expect(r.message).toBe('signer certificate CN=BAFA license-signing signer 1 expired 2026-01-31T00:00:00Z, before the signing time 2026-06-01T12:00:00Z');
  });

  it('accepts a signer that expired after the signing time (chain model)', async () => {
    const short = await makeSigner(root, 'license-signing', 'ES256', { validityDays: 200 });
    expect(parseCertificate(short.certificate).notAfter < NOW).toBe(true);
    expect((await run([short.certificate])).ok).toBe(true);
  });

  it('CERT_NOT_YET_VALID when the signer starts after the signing time', async () => {
    const late = await makeSigner(root, 'license-signing', 'ES256', { notBefore: new Date('2026-07-01T00:00:00Z') });
    expect(await run([late.certificate])).toMatchObject({ ok: false, code: 'CERT_NOT_YET_VALID', certificateIndex: 0 });
  });

  it('CERT_ROOT_EXPIRED when the root is no longer valid now', async () => {
    const r = await run([signer.certificate], { now: new Date('2036-06-01T00:00:00Z'), anchors: [await anchorOf(root.certificate, ['license-issuer'], { from: T0, until: new Date('2040-01-01T00:00:00Z') })] });
    expect(r).toMatchObject({ ok: false, code: 'CERT_ROOT_EXPIRED', certificateIndex: 1 });
  });

  it('CERT_NOT_CA when an issuer is not a CA', async () => {
    const notCa = await rawCert({ cn: 'not a CA', issuer: root, extensions: (ski, aki) => [keyUsage(['keyCertSign', 'cRLSign']), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!)] });
    const leaf = await rawCert({ cn: 'leaf', issuer: notCa });
    expect(await run([leaf.certificate, notCa.certificate])).toMatchObject({ ok: false, code: 'CERT_NOT_CA', certificateIndex: 1 });
  });

  it('CERT_SIGNER_IS_CA when a CA certificate is used as signer', async () => {
    const ca = await rawCert({ cn: 'CA as signer', issuer: root, extensions: (ski, aki) => [basicConstraints(true, 0), keyUsage(['digitalSignature', 'keyCertSign']), extendedKeyUsage([EKU_OIDS['license-signing']]), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!)] });
    expect(await run([ca.certificate])).toMatchObject({ ok: false, code: 'CERT_SIGNER_IS_CA', certificateIndex: 0 });
    // the root itself presented as the signer
    expect(await run([root.certificate])).toMatchObject({ ok: false });
  });

  it('CERT_PATH_LENGTH when intermediates exceed pathLen', async () => {
    const i1 = await rawCert({ cn: 'CA 1', issuer: root, extensions: (ski, aki) => caExtensions(ski, aki, 5) });
    const i2 = await rawCert({ cn: 'CA 2', issuer: i1, extensions: (ski, aki) => caExtensions(ski, aki, 5) });
    const leaf = await rawCert({ cn: 'leaf', issuer: i2 });
    const r = await run([leaf.certificate, i2.certificate, i1.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_PATH_LENGTH', certificateIndex: 3 });
    if (!r.ok) expect(r.message).toContain('allows 1 intermediate CA certificate(s) below it (pathLen), the path has 2');
  });

  it('CERT_KEY_USAGE for a signer without digitalSignature and an issuer without keyCertSign', async () => {
    const noDs = await rawCert({ cn: 'leaf', issuer: root, extensions: (ski, aki) => [basicConstraints(false), keyUsage(['keyEncipherment']), extendedKeyUsage([EKU_OIDS['license-signing']]), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!)] });
    expect(await run([noDs.certificate])).toMatchObject({ ok: false, code: 'CERT_KEY_USAGE', certificateIndex: 0 });
    const noKu = await rawCert({ cn: 'leaf', issuer: root, extensions: (ski, aki) => [basicConstraints(false), extendedKeyUsage([EKU_OIDS['license-signing']]), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!)] });
    expect(await run([noKu.certificate])).toMatchObject({ ok: false, code: 'CERT_KEY_USAGE', certificateIndex: 0 });
    const ca = await rawCert({ cn: 'CA', issuer: root, extensions: (ski, aki) => [basicConstraints(true, 0), keyUsage(['cRLSign']), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!)] });
    const leaf = await rawCert({ cn: 'leaf', issuer: ca });
    expect(await run([leaf.certificate, ca.certificate])).toMatchObject({ ok: false, code: 'CERT_KEY_USAGE', certificateIndex: 1 });
  });

  it('CERT_EKU_MISSING for a signer of another purpose, without EKU, or under a CA restricted to another purpose', async () => {
    const decl = await makeSigner(root, 'declaration-certifying');
    const r = await run([decl.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_EKU_MISSING', certificateIndex: 0 });
    if (!r.ok) expect(r.message).toContain('2.25.152233983383500352379578609481682438308.1.1');
    const none = await rawCert({ cn: 'leaf', issuer: root, extensions: (ski, aki) => [basicConstraints(false), keyUsage(['digitalSignature']), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!)] });
    expect(await run([none.certificate])).toMatchObject({ ok: false, code: 'CERT_EKU_MISSING' });
    const anyEku = await rawCert({ cn: 'leaf', issuer: root, extensions: (ski, aki) => [basicConstraints(false), keyUsage(['digitalSignature']), extendedKeyUsage(['2.5.29.37.0']), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!)] });
    expect(await run([anyEku.certificate])).toMatchObject({ ok: false, code: 'CERT_EKU_MISSING' });
    const ca = await issueCertificate({ issuer: root, subject: { country: 'DE', organization: 'Agency BAFA', commonName: 'declarations CA' }, purpose: 'declaration-certifying', notBefore: T0, ca: { pathLength: 0 } });
    const leaf = await makeSigner(ca, 'license-signing');
    expect(await run([leaf.certificate, ca.certificate])).toMatchObject({ ok: false, code: 'CERT_EKU_MISSING', certificateIndex: 1 });
  });

  it('CERT_UNKNOWN_CRITICAL_EXTENSION', async () => {
    const leaf = await rawCert({
      cn: 'leaf',
      issuer: root,
      extensions: (ski, aki) => [basicConstraints(false), keyUsage(['digitalSignature']), extendedKeyUsage([EKU_OIDS['license-signing']]), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!), { oid: '1.2.3.4.5', critical: true, value: Uint8Array.of(5, 0) }],
    });
    expect(parseCertificate(leaf.certificate).unknownCriticalExtensions).toEqual(['1.2.3.4.5']);
    const r = await run([leaf.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_UNKNOWN_CRITICAL_EXTENSION', certificateIndex: 0 });
    // the same extension marked non-critical is ignored
    const ok = await rawCert({
      cn: 'leaf',
      issuer: root,
      extensions: (ski, aki) => [basicConstraints(false), keyUsage(['digitalSignature']), extendedKeyUsage([EKU_OIDS['license-signing']]), subjectKeyIdentifier(ski), authorityKeyIdentifier(aki!), { oid: '1.2.3.4.5', critical: false, value: Uint8Array.of(5, 0) }],
    });
    expect((await run([ok.certificate])).ok).toBe(true);
  });

  it('CERT_ALGORITHM_UNSUPPORTED for a signer key outside the profile', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const leaf = await rawCert({ cn: 'leaf', issuer: root, keys: { privateKey: pair.privateKey, publicKey: pair.publicKey } });
    const r = await run([leaf.certificate]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_ALGORITHM_UNSUPPORTED', certificateIndex: 0 });
    if (!r.ok) expect(r.message).toContain('EC curve 1.3.132.0.35');
  });

  it('needs a publisher role for list-signing (a programmer mistake throws)', async () => {
    await expect(run([signer.certificate], { purpose: 'list-signing' })).rejects.toMatchObject({ code: 'USAGE' });
    const lister = await makeSigner(root, 'list-signing');
    const a = await anchorOf(root.certificate, ['status-publisher']);
    expect((await run([lister.certificate], { purpose: 'list-signing', role: 'status-publisher', anchors: [a] })).ok).toBe(true);
    expect(await run([lister.certificate], { purpose: 'list-signing', role: 'rules-publisher', anchors: [a] })).toMatchObject({ ok: false, code: 'CERT_ROLE_NOT_TRUSTED' });
  });

  it('is deterministic: the same inputs give the same result', async () => {
    const a = await run([signer.certificate, root.certificate]);
    const b = await run([signer.certificate, root.certificate]);
    expect(a).toEqual(b);
  });
});
