#!/usr/bin/env node
// Generates the signed test vectors in examples/signed/ (run after `pnpm build`):
//   node scripts/make-signed-vectors.mjs
// A small allied PKI (DE BAFA, JP METI, US BIS, FR SBDU, NL customs, an impostor), trust lists,
// a status list and a CRL, then valid and deliberately broken signed licenses, each with the
// verdict and code it must produce at the vector's verification time. Private keys are not kept.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompactSign } from 'jose';
import { createRootCa, issueCertificate, issueCrl, parseCertificate, thumbprint, toPem } from '@xlic/trust';
import { cosignDocument, signDocument } from '@xlic/sign';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'examples/signed');
const ROOTS_FROM = new Date('2025-01-01T00:00:00Z'); // roots created
const T0 = new Date('2026-11-01T00:00:00Z'); // signer certificates issued
const SIGNED = new Date('2026-11-20T09:30:00Z'); // licenses signed
const AT = '2026-11-23T12:00:00Z'; // vectors verified at
const b64 = (u8) => Buffer.from(u8).toString('base64');
const b64u = (u8) => Buffer.from(u8).toString('base64url');
const read = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const write = (rel, data) => {
  const file = path.join(out, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
};

async function agency(country, agencyId, agencyName, algorithm) {
  const ca = await createRootCa({ country, agencyId, agencyName, algorithm, notBefore: ROOTS_FROM, validityDays: 3650 });
  const signer = async (purpose, n, extra = {}) => {
    const cert = await issueCertificate({
      issuer: ca,
      subject: { country, organization: agencyName, organizationalUnit: agencyId, commonName: `${agencyId} ${purpose} signer ${n}` },
      purpose,
      algorithm,
      notBefore: extra.notBefore ?? T0,
      validityDays: extra.validityDays ?? 730,
    });
    return { ...cert, algorithm, chain: [cert.certificate] };
  };
  const a = { country, agencyId, name: agencyName, ca, algorithm, license: await signer('license-signing', 1), list: await signer('list-signing', 1), signer };
  write(`pki/${country.toLowerCase()}-${agencyId.toLowerCase()}-root.crt.pem`, toPem(ca.certificate, 'CERTIFICATE'));
  return a;
}

const entry = async (a, roles) => ({
  agency: { country: a.country, agencyId: a.agencyId, name: a.name },
  roles,
  certificates: [{ x5c: b64(a.ca.certificate), sha256: await thumbprint(a.ca.certificate) }],
  validFrom: '2026-11-01T00:00:00Z',
  validUntil: '2031-11-01T00:00:00Z',
});

const de = await agency('DE', 'BAFA', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', 'ES256');
const jp = await agency('JP', 'METI', 'Ministry of Economy, Trade and Industry', 'EdDSA');
const us = await agency('US', 'BIS', 'Bureau of Industry and Security', 'PS256');
const fr = await agency('FR', 'SBDU', 'Service des biens à double usage', 'ES384');
const nl = await agency('NL', 'DOUANE', 'Douane Nederland', 'ES256');
const impostor = await agency('DE', 'BAFA', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', 'ES256');
fs.renameSync(path.join(out, 'pki/de-bafa-root.crt.pem'), path.join(out, 'pki/impostor-de-bafa-root.crt.pem'));
write('pki/de-bafa-root.crt.pem', toPem(de.ca.certificate, 'CERTIFICATE'));
const sig = (a) => ({ privateKey: a.privateKey, algorithm: a.algorithm, chain: a.chain });

// Japan's national trust list (the verifier's own), and Germany's.
const jpList = {
  documentType: 'trust-list', schemaVersion: '1.0', id: 'JP-METI-TL', sequence: 3,
  publisher: { country: 'JP', agencyId: 'METI', name: jp.name },
  issuedAt: '2026-11-15T00:00:00Z', nextUpdate: '2026-12-15T00:00:00Z',
  entries: [
    await entry(jp, ['license-issuer', 'trust-list-publisher', 'status-publisher', 'declaration-certifier', 'customs']),
    await entry(de, ['license-issuer', 'status-publisher', 'trust-list-publisher']),
    await entry(us, ['license-issuer', 'status-publisher']),
    await entry(fr, ['license-issuer']),
    await entry(nl, ['customs']),
  ],
};
const deList = {
  documentType: 'trust-list', schemaVersion: '1.0', id: 'DE-BAFA-TL', sequence: 7,
  publisher: { country: 'DE', agencyId: 'BAFA', name: de.name },
  issuedAt: '2026-11-15T00:00:00Z', nextUpdate: '2026-12-15T00:00:00Z',
  entries: [await entry(de, ['license-issuer', 'trust-list-publisher', 'status-publisher']), await entry(jp, ['license-issuer', 'status-publisher'])],
};
write('trust/jp-meti-trust-list.jws', (await signDocument(jpList, sig(jp.list), { signingTime: new Date('2026-11-15T00:00:00Z') })).jws + '\n');
write('trust/de-bafa-trust-list.jws', (await signDocument(deList, sig(de.list), { signingTime: new Date('2026-11-15T00:00:00Z') })).jws + '\n');

// Germany's status list (fresh) and an out-of-date one; a CRL revoking a second BAFA signer.
const base = read('examples/licenses/de-bafa-individual-2b001-jp.json');
const revokedLicense = { ...base, id: 'DE-BAFA-EA-2026-099001' };
const statusList = (sequence, issuedAt, nextUpdate) => ({
  documentType: 'status-list', schemaVersion: '1.0', id: 'DE-BAFA-STATUS', sequence,
  issuer: { country: 'DE', agencyId: 'BAFA', name: de.name }, issuedAt, nextUpdate,
  entries: [{ licenseId: revokedLicense.id, status: 'revoked', reason: 'end-use-concern', reasonText: 'Credible information of diversion to a military end user', effectiveAt: '2026-11-22T08:00:00Z' }],
});
write('status/de-bafa-status.jws', (await signDocument(statusList(42, '2026-11-22T08:00:00Z', '2026-11-29T08:00:00Z'), sig(de.list), { signingTime: new Date('2026-11-22T08:00:00Z') })).jws + '\n');
write('status/de-bafa-status-stale.jws', (await signDocument(statusList(41, '2026-11-10T08:00:00Z', '2026-11-17T08:00:00Z'), sig(de.list), { signingTime: new Date('2026-11-10T08:00:00Z') })).jws + '\n');
const revokedSigner = await de.signer('license-signing', 2);
const crl = await issueCrl({ issuer: de.ca, revoked: [{ serialNumber: parseCertificate(revokedSigner.certificate).serialNumber, revokedAt: new Date('2026-11-21T00:00:00Z'), reason: 'keyCompromise' }], thisUpdate: new Date('2026-11-21T00:00:00Z'), nextUpdate: new Date('2026-12-21T00:00:00Z'), crlNumber: 5 });
write('crl/de-bafa.crl.pem', toPem(crl, 'X509 CRL'));

// Raw JWS for cases the signing library refuses to make.
const raw = async (payloadObj, header, key) => new CompactSign(new TextEncoder().encode(JSON.stringify(payloadObj))).setProtectedHeader(header).sign(key);
const hdr = (a, typ = 'xlic-license+jws', extra = {}) => ({ alg: a.algorithm, typ, x5c: a.chain.map(b64), iat: SIGNED.getTime() / 1000, ...extra });
const tamperPart = (jws, index, mutate) => {
  const parts = jws.split('.');
  parts[index] = b64u(Buffer.from(mutate(Buffer.from(parts[index], 'base64url').toString('utf8'))));
  return parts.join('.');
};

const vectors = [];
const TRUST = ['trust/jp-meti-trust-list.jws', 'trust/de-bafa-trust-list.jws'];
const STATUS = ['status/de-bafa-status.jws'];
const CRL = ['crl/de-bafa.crl.pem'];
const add = (file, description, content, expect, extra = {}) => {
  write(file, content.endsWith('\n') ? content : content + '\n');
  vectors.push({ file, description, at: AT, trust: TRUST, status: STATUS, crl: CRL, ...extra, expect });
};

const signedDe = (await signDocument(base, sig(de.license), { signingTime: SIGNED })).jws;
add('licenses/de-valid.jws', 'BAFA license for machine tools to Japan, signed by BAFA (ES256): valid', signedDe, { verdict: 'VALID' });
add('licenses/de-valid-cosigned-jp.json', 'the same license countersigned by METI (EdDSA), JSON serialization: valid, two signatures', await cosignDocument(signedDe, sig(jp.license), { signingTime: new Date('2026-11-21T02:00:00Z') }), { verdict: 'VALID', signatures: 2 });
const usDoc = read('examples/licenses/us-bis-thermal-cameras-in.json');
add('licenses/us-valid-ps256.jws', 'BIS license signed with PS256 (RSA-PSS): valid', (await signDocument(usDoc, sig(us.license), { signingTime: SIGNED })).jws, { verdict: 'VALID', warnings: ['STATUS_UNKNOWN'] });
add('licenses/de-valid-stale-status.jws', 'valid license checked against an out-of-date status list: valid with a warning', signedDe, { verdict: 'VALID', warnings: ['STATUS_STALE'] }, { status: ['status/de-bafa-status-stale.jws'] });
add('licenses/de-stale-status-required-fresh.jws', 'the same with --require-fresh-status: invalid', signedDe, { verdict: 'INVALID', code: 'STATUS_STALE_REQUIRED_FRESH' }, { status: ['status/de-bafa-status-stale.jws'], requireFreshStatus: true });

add('licenses/tampered-payload.jws', 'quantity changed after signing', tamperPart(signedDe, 1, (s) => s.replace('"value":2,', '"value":20,')), { verdict: 'INVALID', code: 'JWS_SIGNATURE_INVALID' });
add('licenses/tampered-header.jws', 'signing time changed in the protected header', tamperPart(signedDe, 0, (s) => s.replace(/"iat":\d+/, `"iat":${SIGNED.getTime() / 1000 - 86400}`)), { verdict: 'INVALID', code: 'JWS_SIGNATURE_INVALID' });
add('licenses/wrong-typ.jws', 'a license signed with the end-use declaration typ', await raw(base, hdr(de.license, 'xlic-declaration+jws'), de.license.privateKey), { verdict: 'INVALID', code: 'JWS_TYP_MISMATCH' });
add('licenses/typ-missing.jws', 'no typ in the header', await raw(base, { alg: 'ES256', x5c: [b64(de.license.certificate)], iat: SIGNED.getTime() / 1000 }, de.license.privateKey), { verdict: 'INVALID', code: 'JWS_TYP_MISSING' });
add('licenses/alg-none.jws', 'unsigned (alg "none")', `${b64u(Buffer.from(JSON.stringify({ alg: 'none', typ: 'xlic-license+jws', x5c: [b64(de.license.certificate)], iat: SIGNED.getTime() / 1000 })))}.${b64u(Buffer.from(JSON.stringify(base)))}.`, { verdict: 'INVALID', code: 'JWS_ALG_NOT_ALLOWED' });
const hmacKey = new TextEncoder().encode(toPem(de.license.certificate, 'CERTIFICATE'));
add('licenses/hmac-public-key.jws', 'HS256 with the signer certificate as the HMAC secret (algorithm confusion)', await raw(base, { alg: 'HS256', typ: 'xlic-license+jws', x5c: [b64(de.license.certificate)], iat: SIGNED.getTime() / 1000 }, hmacKey), { verdict: 'INVALID', code: 'JWS_ALG_NOT_ALLOWED' });
add('licenses/alg-key-mismatch.jws', 'ES256 header over an RSA (PS256) signer certificate', await raw(usDoc, hdr(us.license, 'xlic-license+jws', { alg: 'ES256' }), de.license.privateKey), { verdict: 'INVALID', code: 'JWS_ALG_KEY_MISMATCH' });
const expiredSigner = await de.signer('license-signing', 9, { notBefore: new Date('2025-06-01T00:00:00Z'), validityDays: 90 });
add('licenses/expired-signer.jws', 'signer certificate expired before the signing time', await raw(base, hdr(expiredSigner), expiredSigner.privateKey), { verdict: 'INVALID', code: 'CERT_EXPIRED' });
const future = { ...base, id: 'DE-BAFA-EA-2026-099002', validity: { validFrom: '2027-01-01T00:00:00Z', validUntil: '2028-01-01T00:00:00Z' } };
add('licenses/not-yet-valid.jws', 'license valid only from 2027-01-01', (await signDocument(future, sig(de.license), { signingTime: SIGNED })).jws, { verdict: 'INVALID', code: 'LICENSE_NOT_YET_VALID' });
add('licenses/untrusted-root.jws', 'signed under an impostor "BAFA" root that no trust list names', (await signDocument(base, sig(impostor.license), { signingTime: SIGNED })).jws, { verdict: 'INVALID', code: 'CERT_UNTRUSTED_ROOT' });
const nlDoc = { ...base, id: 'NL-DOUANE-2026-1', issuer: { country: 'NL', agencyId: 'DOUANE', name: nl.name }, destinations: ['JP'] };
add('licenses/root-for-other-role.jws', 'signed under a root trusted only for customs, not for issuing licenses', (await signDocument(nlDoc, sig(nl.license), { signingTime: SIGNED })).jws, { verdict: 'INVALID', code: 'CERT_ROLE_NOT_TRUSTED' });
add('licenses/issuer-country-mismatch.jws', 'names BAFA (DE) as issuer but signed under the French SBDU root', (await signDocument(base, sig(fr.license), { signingTime: SIGNED })).jws, { verdict: 'INVALID', code: 'TRUST_ISSUER_MISMATCH' });
add('licenses/revoked-signer.jws', 'signed with a BAFA certificate revoked by CRL (key compromise)', (await signDocument(base, { privateKey: revokedSigner.privateKey, algorithm: 'ES256', chain: [revokedSigner.certificate] }, { signingTime: SIGNED })).jws, { verdict: 'INVALID', code: 'CERT_REVOKED' });
add('licenses/revoked-license.jws', 'license revoked in BAFA\'s status list', (await signDocument(revokedLicense, sig(de.license), { signingTime: SIGNED })).jws, { verdict: 'INVALID', code: 'LICENSE_REVOKED' });
add('licenses/expired-license.jws', 'the valid license checked in 2029, after it expired', signedDe, { verdict: 'INVALID', code: 'LICENSE_EXPIRED' }, { at: '2028-12-01T00:00:00Z' });
add('licenses/status-typ-over-license.jws', 'a license signed with the status-list typ', await raw(base, hdr(de.license, 'xlic-status-list+jws'), de.license.privateKey), { verdict: 'INVALID', code: 'JWS_TYP_MISMATCH' });
add('licenses/not-a-jws.jws', 'plain text, not a JWS', 'this is not a signed license', { verdict: 'INVALID', code: 'JWS_MALFORMED' });

write('index.json', JSON.stringify({
  description: 'Signed test vectors: verify each file at `at` with the trust lists, status lists and CRLs named (paths relative to examples/signed/), expecting `expect`. Generated by scripts/make-signed-vectors.mjs.',
  vectors,
}, null, 2) + '\n');
console.log(`wrote ${vectors.length} signed vectors to examples/signed/`);
