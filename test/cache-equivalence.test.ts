// Caches must never change a verdict: the same corpus verified with and without caches gives
// identical results, document by document — including signing times placed exactly on, just
// before and just after certificate, CRL and revocation boundaries.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import { createRootCa, fromPem, issueCertificate, issueCrl, parseCertificate, thumbprint, toPem } from '@xlic/trust';
import { signDocument } from '@xlic/sign';
import { loadTrust, verifyDocument, type LoadTrustOptions } from '@xlic/verify';

const repo = resolve(import.meta.dirname, '..');
const signedDir = join(repo, 'examples/signed');
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');

async function both(options: LoadTrustOptions, documents: Array<string | Uint8Array>) {
  const cached = await loadTrust({ ...options, cache: true });
  const plain = await loadTrust({ ...options, cache: false });
  expect(cached.cache).toBeDefined();
  expect(plain.cache).toBeUndefined();
  // two passes over the cached context: the second one is served from the caches
  for (let pass = 0; pass < 2; pass++) {
    for (const doc of documents) {
      const a = await verifyDocument(doc, cached);
      const b = await verifyDocument(doc, plain);
      expect(a).toEqual(b);
    }
  }
}

describe('cache equivalence', () => {
  it('on every signed test vector', async () => {
    const { vectors } = JSON.parse(readFileSync(join(signedDir, 'index.json'), 'utf8')) as { vectors: Array<{ file: string; at: string; trust: string[]; status: string[]; crl: string[] }> };
    const text = (p: string) => ({ name: p, text: readFileSync(join(signedDir, p), 'utf8') });
    const documents = vectors.map((v) => readFileSync(join(signedDir, v.file), 'utf8'));
    for (const at of [...new Set(vectors.map((v) => v.at))]) {
      const v = vectors.find((x) => x.at === at)!;
      await both({ trustLists: v.trust.map(text), statusLists: v.status.map(text), crls: v.crl.map((c) => ({ name: c, bytes: fromPem(readFileSync(join(signedDir, c), 'utf8'))[0]!.der })), at: new Date(at) }, documents);
    }
  });

  it('on signing times at, before and after every certificate and CRL boundary', async () => {
    const license = JSON.parse(readFileSync(join(repo, 'examples/licenses/de-bafa-individual-2b001-jp.json'), 'utf8'));
    const root = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: license.issuer.name, notBefore: new Date('2026-01-01T00:00:00Z') });
    const subject = { country: 'DE', organization: license.issuer.name, organizationalUnit: 'BAFA', commonName: 'BAFA license-signing signer' };
    const early = await issueCertificate({ issuer: root, subject: { ...subject, commonName: 'early' }, purpose: 'license-signing', notBefore: new Date('2026-10-01T00:00:00Z'), validityDays: 40 });
    const late = await issueCertificate({ issuer: root, subject: { ...subject, commonName: 'late' }, purpose: 'license-signing', notBefore: new Date('2026-11-05T00:00:00Z'), validityDays: 300 });
    const revokedAt = new Date('2026-11-15T00:00:00Z');
    const crl = await issueCrl({ issuer: root, revoked: [{ serialNumber: parseCertificate(late.certificate).serialNumber, revokedAt, reason: 'superseded' }], thisUpdate: new Date('2026-11-15T00:00:00Z'), nextUpdate: new Date('2026-12-15T00:00:00Z'), crlNumber: 1 });
    const list = {
      documentType: 'trust-list', schemaVersion: '1.0', id: 'DE-TL', sequence: 1, publisher: license.issuer, issuedAt: '2026-11-01T00:00:00Z', nextUpdate: '2026-12-30T00:00:00Z',
      entries: [{ agency: license.issuer, roles: ['license-issuer', 'trust-list-publisher'], certificates: [{ x5c: b64(root.certificate), sha256: await thumbprint(root.certificate) }], validFrom: '2026-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' }],
    };
    const listSigner = await issueCertificate({ issuer: root, subject: { ...subject, commonName: 'list' }, purpose: 'list-signing', notBefore: new Date('2026-01-01T00:00:00Z') });
    const { jws: listJws } = await signDocument(list, { privateKey: listSigner.privateKey, algorithm: 'ES256', chain: [listSigner.certificate] }, { signingTime: new Date('2026-11-01T00:00:00Z') });

    const documents: string[] = [];
    const edges = ['2026-10-01T00:00:00Z', '2026-11-05T00:00:00Z', '2026-11-10T00:00:00Z', '2026-11-15T00:00:00Z'].map((t) => Date.parse(t) / 1000);
    for (const signer of [early, late]) {
      for (const edge of edges) {
        for (const delta of [-1, 0, 1]) {
          const header = { alg: 'ES256', typ: 'xlic-license+jws', x5c: [b64(signer.certificate)], iat: edge + delta };
          documents.push(await new CompactSign(new TextEncoder().encode(JSON.stringify(license))).setProtectedHeader(header).sign(signer.privateKey));
        }
      }
    }
    for (const at of ['2026-11-15T00:00:00Z', '2026-11-20T00:00:00Z', '2026-12-15T00:00:00Z', '2026-12-15T00:00:01Z']) {
      await both({ trustLists: [{ name: 'de-tl.jws', text: listJws }], crls: [{ name: 'de.crl', bytes: crl }], at: new Date(at) }, documents);
    }
    // the corpus really spans different outcomes, so equality is not trivial
    const ctx = await loadTrust({ trustLists: [{ name: 'de-tl.jws', text: listJws }], crls: [{ name: 'de.crl', bytes: crl }], at: new Date('2026-11-20T00:00:00Z') });
    const codes = new Set<string>();
    for (const d of documents) {
      const r = await verifyDocument(d, ctx);
      codes.add(`${r.verdict}:${r.code ?? ''}:${r.checks.filter((c) => c.status === 'warn').map((c) => c.code).join(',')}`);
    }
    expect(codes.size).toBeGreaterThanOrEqual(3);
    expect(toPem(crl, 'X509 CRL')).toMatch(/BEGIN X509 CRL/);
  });
});
