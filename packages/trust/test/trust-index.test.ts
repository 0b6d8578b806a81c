import type { TrustList } from '@xlic/core';
import { describe, expect, it } from 'vitest';
import { thumbprint } from '../src/certificate.js';
import { validatePath } from '../src/path-validation.js';
import { encodeBase64, toPem } from '../src/pem.js';
import { buildTrustIndex, trustIndexFromPemRoots } from '../src/trust-index.js';
import { makeRoot, makeSigner, NOW, rawCert, SIGNING_TIME } from './helpers.js';

async function listWith(root: Uint8Array, overrides: { country?: string; sha256?: string; roles?: string[]; validUntil?: string } = {}): Promise<TrustList> {
  return {
    documentType: 'trust-list',
    schemaVersion: '1.0',
    id: 'urn:xlic:trust-list:de',
    publisher: { country: 'DE', agencyId: 'BAFA', name: 'Agency BAFA' },
    sequence: 42,
    issuedAt: '2026-11-01T00:00:00Z',
    nextUpdate: '2026-12-01T00:00:00Z',
    entries: [
      {
        agency: { country: overrides.country ?? 'DE', agencyId: 'BAFA', name: 'Agency BAFA' },
        roles: overrides.roles ?? ['license-issuer', 'status-publisher'],
        certificates: [{ x5c: encodeBase64(root), sha256: overrides.sha256 ?? (await thumbprint(root)) }],
        validFrom: '2026-01-01T00:00:00Z',
        validUntil: overrides.validUntil ?? '2027-12-31T00:00:00Z',
      },
    ],
  } as TrustList;
}

describe('buildTrustIndex', () => {
  it('makes anchors with agency, roles, window and source, usable by validatePath', async () => {
    const root = await makeRoot();
    const index = await buildTrustIndex([{ list: await listWith(root.certificate) }]);
    const [anchor] = index.anchors();
    expect(anchor).toMatchObject({ sha256: await thumbprint(root.certificate), roles: ['license-issuer', 'status-publisher'], source: 'urn:xlic:trust-list:de#42', agency: { country: 'DE', agencyId: 'BAFA' } });
    expect(anchor!.validUntil.toISOString()).toBe('2027-12-31T00:00:00.000Z');
    expect(index.anchorsForRole('status-publisher')).toHaveLength(1);
    expect(index.anchorsForRole('customs')).toHaveLength(0);
    const signer = await makeSigner(root);
    expect((await validatePath({ chain: [signer.certificate], anchors: index.anchors(), signingTime: SIGNING_TIME, now: NOW, purpose: 'license-signing' })).ok).toBe(true);
    const lapsed = await buildTrustIndex([{ list: await listWith(root.certificate, { validUntil: '2026-11-01T00:00:00Z' }), source: 'DE#41' }]);
    const r = await validatePath({ chain: [signer.certificate], anchors: lapsed.anchors(), signingTime: SIGNING_TIME, now: NOW, purpose: 'license-signing' });
    expect(r).toMatchObject({ ok: false, code: 'TRUST_ENTRY_NOT_CURRENT' });
    if (!r.ok) expect(r.message).toContain('DE#41');
  });

  it('TRUST_THUMBPRINT_MISMATCH, TRUST_COUNTRY_MISMATCH, TRUST_ROOT_INVALID', async () => {
    const root = await makeRoot();
    await expect(buildTrustIndex([{ list: await listWith(root.certificate, { sha256: '0'.repeat(64) }) }])).rejects.toMatchObject({ code: 'TRUST_THUMBPRINT_MISMATCH' });
    await expect(buildTrustIndex([{ list: await listWith(root.certificate, { country: 'FR' }) }])).rejects.toMatchObject({ code: 'TRUST_COUNTRY_MISMATCH' });
    const signer = await makeSigner(root);
    await expect(buildTrustIndex([{ list: await listWith(signer.certificate) }])).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID' });
    await expect(buildTrustIndex([{ list: await listWith(new Uint8Array([1, 2, 3])) }])).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID' });
  });
});

describe('trustIndexFromPemRoots', () => {
  it('trusts each root for license-issuer in its subject country, agency from O and OU', async () => {
    const de = await makeRoot('ES256', 'DE', 'BAFA');
    const jp = await makeRoot('EdDSA', 'JP', 'METI');
    const index = await trustIndexFromPemRoots(toPem(de.certificate, 'CERTIFICATE') + toPem(jp.certificate, 'CERTIFICATE'), 'roots.pem');
    expect(index.anchors().map((a) => [a.agency, a.roles, a.source])).toEqual([
      [{ country: 'DE', agencyId: 'BAFA', name: 'Agency BAFA' }, ['license-issuer'], 'roots.pem'],
      [{ country: 'JP', agencyId: 'METI', name: 'Agency METI' }, ['license-issuer'], 'roots.pem'],
    ]);
  });

  it('refuses roots without an agency id and non-certificate blocks', async () => {
    const root = await makeRoot();
    await expect(trustIndexFromPemRoots(toPem(root.certificate, 'X509 CRL'), 'x.pem')).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID' });
    const leaf = await rawCert({ cn: 'not a CA', issuer: root });
    await expect(trustIndexFromPemRoots(toPem(leaf.certificate, 'CERTIFICATE'), 'x.pem')).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID' });
  });
});
