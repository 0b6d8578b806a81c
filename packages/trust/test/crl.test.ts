import { beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../src/certificate.js';
import { issueCrl, parseCrl } from '../src/crl.js';
import type { IssuedCertificate } from '../src/issue.js';
import { validatePath, type ValidatePathOptions } from '../src/path-validation.js';
import type { TrustAnchor } from '../src/trust-index.js';
import { anchorOf, DAY, makeRoot, makeSigner, NOW, SIGNING_TIME } from './helpers.js';

let root: IssuedCertificate;
let signer: IssuedCertificate;
let serial: string;
let anchor: TrustAnchor;
const thisUpdate = new Date('2026-11-20T00:00:00Z');
const nextUpdate = new Date('2026-11-27T00:00:00Z');

beforeAll(async () => {
  root = await makeRoot();
  signer = await makeSigner(root);
  serial = parseCertificate(signer.certificate).serialNumber;
  anchor = await anchorOf(root.certificate);
});

function run(crls: Uint8Array[], extra: Partial<ValidatePathOptions> = {}) {
  return validatePath({ chain: [signer.certificate], anchors: [anchor], signingTime: SIGNING_TIME, now: NOW, purpose: 'license-signing', crls, ...extra });
}

describe('issueCrl and parseCrl', () => {
  it('writes a v2 CRL with number, AKI, dates and reasons', async () => {
    const der = await issueCrl({
      issuer: root,
      revoked: [
        { serialNumber: serial, revokedAt: new Date('2026-03-01T00:00:00Z'), reason: 'keyCompromise' },
        { serialNumber: '0a0b', revokedAt: new Date('2026-04-01T00:00:00Z') },
      ],
      thisUpdate,
      nextUpdate,
      crlNumber: 7,
    });
    const crl = parseCrl(der);
    expect(crl.issuer.text).toBe(parseCertificate(root.certificate).subject.text);
    expect(crl.crlNumber).toBe('7');
    expect(crl.authorityKeyIdentifier).toBe(parseCertificate(root.certificate).subjectKeyIdentifier);
    expect(crl.thisUpdate).toEqual(thisUpdate);
    expect(crl.nextUpdate).toEqual(nextUpdate);
    expect(crl.entries).toEqual([
      { serialNumber: serial, revokedAt: new Date('2026-03-01T00:00:00Z'), reason: 'keyCompromise', invalidityDate: undefined },
      { serialNumber: '0a0b', revokedAt: new Date('2026-04-01T00:00:00Z'), reason: 'unspecified', invalidityDate: undefined },
    ]);
  });

  it('refuses a signer certificate as CRL issuer, and garbage as CRL', async () => {
    await expect(issueCrl({ issuer: signer, revoked: [], thisUpdate, nextUpdate, crlNumber: 1 })).rejects.toMatchObject({ code: 'USAGE' });
    expect(() => parseCrl(Uint8Array.of(1, 2, 3))).toThrow(expect.objectContaining({ code: 'CRL_INVALID' }));
  });
});

describe('revocation in validatePath', () => {
  it('passes with a fresh CRL that does not list the signer', async () => {
    const crl = await issueCrl({ issuer: root, revoked: [{ serialNumber: '01', revokedAt: thisUpdate }], thisUpdate, nextUpdate, crlNumber: 1 });
    expect(await run([crl])).toMatchObject({ ok: true, warnings: [] });
  });

  it('CERT_REVOKED with date and reason', async () => {
    const crl = await issueCrl({ issuer: root, revoked: [{ serialNumber: serial, revokedAt: new Date('2026-03-01T00:00:00Z'), reason: 'keyCompromise' }], thisUpdate, nextUpdate, crlNumber: 2 });
    const r = await run([crl]);
    expect(r).toMatchObject({ ok: false, code: 'CERT_REVOKED', certificateIndex: 0 });
    if (!r.ok) expect(r.message).toContain(`(serial ${serial}) was revoked 2026-03-01T00:00:00Z, reason keyCompromise`);
  });

  it('CERT_REVOKED for key compromise even after the signing time', async () => {
    const crl = await issueCrl({ issuer: root, revoked: [{ serialNumber: serial, revokedAt: new Date('2026-09-01T00:00:00Z'), reason: 'keyCompromise' }], thisUpdate, nextUpdate, crlNumber: 3 });
    expect(await run([crl])).toMatchObject({ ok: false, code: 'CERT_REVOKED' });
  });

  it('only warns (CERT_REVOKED_AFTER_SIGNING) when a key was superseded after the signing time', async () => {
    const crl = await issueCrl({ issuer: root, revoked: [{ serialNumber: serial, revokedAt: new Date('2026-09-01T00:00:00Z'), reason: 'superseded' }], thisUpdate, nextUpdate, crlNumber: 4 });
    const r = await run([crl]);
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['CERT_REVOKED_AFTER_SIGNING']);
  });

  it('warns CRL_STALE past nextUpdate, and fails CRL_EXPIRED when fresh CRLs are required', async () => {
    const crl = await issueCrl({ issuer: root, revoked: [], thisUpdate: new Date('2026-10-01T00:00:00Z'), nextUpdate: new Date('2026-10-08T00:00:00Z'), crlNumber: 5 });
    const r = await run([crl]);
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'CRL_STALE', certificateIndex: 1 })]);
    expect(await run([crl], { requireFreshCrl: true })).toMatchObject({ ok: false, code: 'CRL_EXPIRED' });
    // a newer fresh CRL from the same issuer makes the old one irrelevant
    const fresh = await issueCrl({ issuer: root, revoked: [], thisUpdate, nextUpdate, crlNumber: 6 });
    expect(await run([crl, fresh], { requireFreshCrl: true })).toMatchObject({ ok: true, warnings: [] });
  });

  it('CRL_INVALID for a CRL whose signature does not verify with the issuer key', async () => {
    const impostor = await makeRoot(); // same name as root, different key, different SKI
    const forged = await issueCrl({ issuer: impostor, revoked: [], thisUpdate, nextUpdate, crlNumber: 9 });
    // the AKI points at another key: not this issuer's CRL, ignored
    expect((await run([forged])).ok).toBe(true);
    // strip the AKI match by tampering the signature of a genuine CRL instead
    const genuine = await issueCrl({ issuer: root, revoked: [], thisUpdate, nextUpdate, crlNumber: 10 });
    const tampered = genuine.slice();
    tampered[tampered.length - 5]! ^= 0x01;
    expect(await run([tampered])).toMatchObject({ ok: false, code: 'CRL_INVALID', certificateIndex: 1 });
  });

  it('CRL_INVALID for unparseable CRL bytes and for a CRL dated in the future', async () => {
    expect(await run([Uint8Array.of(0x30, 0x00)])).toMatchObject({ ok: false, code: 'CRL_INVALID' });
    const future = await issueCrl({ issuer: root, revoked: [], thisUpdate: new Date(NOW.getTime() + DAY), nextUpdate: new Date(NOW.getTime() + 8 * DAY), crlNumber: 11 });
    expect(await run([future])).toMatchObject({ ok: false, code: 'CRL_INVALID' });
  });
});
