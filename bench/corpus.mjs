// Builds a benchmark corpus: licenses signed by 20 signers of 4 jurisdictions, a trust list naming
// the 4 roots, and a status list; written to a directory (default bench/.corpus, not committed).
import fs from 'node:fs';
import path from 'node:path';
import { CompactSign } from 'jose';
import { createRootCa, issueCertificate, thumbprint } from '@xlic/trust';
import { signDocument } from '@xlic/sign';

const b64 = (u) => Buffer.from(u).toString('base64');
const JURISDICTIONS = [
  { country: 'DE', agencyId: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', alg: 'ES256' },
  { country: 'JP', agencyId: 'METI', name: 'Ministry of Economy, Trade and Industry', alg: 'ES256' },
  { country: 'FR', agencyId: 'SBDU', name: 'Service des biens à double usage', alg: 'ES256' },
  { country: 'US', agencyId: 'BIS', name: 'Bureau of Industry and Security', alg: 'ES256' },
];
export const AT = '2026-11-23T12:00:00Z';

/** Create the corpus in `dir` with `count` licenses; returns the paths and trust files. */
export async function buildCorpus(dir, count, base, { signersPer = 5 } = {}) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'licenses'), { recursive: true });
  const notBefore = new Date('2026-11-01T00:00:00Z');
  const agencies = [];
  for (const j of JURISDICTIONS) {
    const root = await createRootCa({ country: j.country, agencyId: j.agencyId, agencyName: j.name, algorithm: j.alg, notBefore: new Date('2026-01-01T00:00:00Z') });
    const subject = (cn) => ({ country: j.country, organization: j.name, organizationalUnit: j.agencyId, commonName: cn });
    const signers = [];
    for (let i = 0; i < signersPer; i++) signers.push(await issueCertificate({ issuer: root, subject: subject(`${j.agencyId} license-signing signer ${i + 1}`), purpose: 'license-signing', algorithm: j.alg, notBefore }));
    const list = await issueCertificate({ issuer: root, subject: subject(`${j.agencyId} list-signing signer`), purpose: 'list-signing', algorithm: j.alg, notBefore });
    agencies.push({ ...j, root, signers, list });
  }
  const de = agencies[0];
  const trustList = {
    documentType: 'trust-list', schemaVersion: '1.0', id: 'BENCH-TL', sequence: 1, publisher: { country: de.country, agencyId: de.agencyId, name: de.name },
    issuedAt: '2026-11-15T00:00:00Z', nextUpdate: '2026-12-15T00:00:00Z',
    entries: await Promise.all(agencies.map(async (a) => ({ agency: { country: a.country, agencyId: a.agencyId, name: a.name }, roles: ['license-issuer', 'status-publisher', 'trust-list-publisher'], certificates: [{ x5c: b64(a.root.certificate), sha256: await thumbprint(a.root.certificate) }], validFrom: '2026-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' }))),
  };
  const sig = (c) => ({ privateKey: c.privateKey, algorithm: de.alg, chain: [c.certificate] });
  fs.writeFileSync(path.join(dir, 'trust.jws'), (await signDocument(trustList, sig(de.list), { signingTime: new Date('2026-11-15T00:00:00Z') })).jws);
  const status = { documentType: 'status-list', schemaVersion: '1.0', id: 'BENCH-DE-STATUS', sequence: 1, issuer: trustList.publisher, issuedAt: '2026-11-22T00:00:00Z', nextUpdate: '2026-11-29T00:00:00Z', entries: Array.from({ length: 50 }, (_, i) => ({ licenseId: `DE-BENCH-${String(i * 97).padStart(6, '0')}`, status: 'revoked', reason: 'compliance', effectiveAt: '2026-11-21T00:00:00Z' })) };
  fs.writeFileSync(path.join(dir, 'status.jws'), (await signDocument(status, sig(de.list), { signingTime: new Date('2026-11-22T00:00:00Z') })).jws);

  const files = [];
  const iat0 = Date.parse('2026-11-20T00:00:00Z') / 1000;
  for (let n = 0; n < count; n++) {
    const a = agencies[n % agencies.length];
    const signer = a.signers[Math.floor(n / agencies.length) % a.signers.length];
    const license = { ...base, id: `${a.country}-BENCH-${String(n).padStart(6, '0')}`, issuer: { country: a.country, agencyId: a.agencyId, name: a.name } };
    const header = { alg: a.alg, typ: 'xlic-license+jws', x5c: [b64(signer.certificate)], iat: iat0 + n };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(license))).setProtectedHeader(header).sign(signer.privateKey);
    const file = path.join(dir, 'licenses', `${String(n).padStart(6, '0')}.jws`);
    fs.writeFileSync(file, jws);
    files.push(file);
  }
  return { files, trust: path.join(dir, 'trust.jws'), status: path.join(dir, 'status.jws') };
}
