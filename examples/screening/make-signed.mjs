#!/usr/bin/env node
// Generates the signed screening, denial and report fixtures in examples/screening/signed/ (after the build):
//   npx tsc -b packages/sign packages/trust && node examples/screening/make-signed.mjs
// A small allied PKI (JP METI as the verifier, DE BAFA, FR SBDU, US BIS, an impostor "BAFA"), Japan's trust
// list naming screening-list-publisher and denial-publisher roots, signed screening lists (current, older,
// tampered, untrusted, unauthorised), signed denial notices (active, withdrawal, expired, tampered, wrong
// digest), signed licenses and a status list for `xlic report`. Private keys are not kept: every run makes
// a new PKI, so regenerate the whole directory at once. The tests (cli/test/screening.test.ts,
// cli/test/report.test.ts) verify at 2026-11-23T12:00:00Z.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRootCa, issueCertificate, thumbprint, toPem } from '@xlic/trust';
import { signDocument } from '@xlic/sign';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = path.join(here, 'signed');
const ROOTS_FROM = new Date('2025-01-01T00:00:00Z');
const T0 = new Date('2026-01-01T00:00:00Z');
const b64 = (u8) => Buffer.from(u8).toString('base64');
const read = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const clone = (x) => JSON.parse(JSON.stringify(x));
const write = (rel, data) => {
  const file = path.join(out, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data.endsWith('\n') ? data : data + '\n');
};
fs.rmSync(out, { recursive: true, force: true });

async function agency(country, agencyId, name, algorithm, file = `${country.toLowerCase()}-${agencyId.toLowerCase()}`) {
  const ca = await createRootCa({ country, agencyId, agencyName: name, algorithm, notBefore: ROOTS_FROM, validityDays: 3650 });
  const signer = async (purpose) => {
    const cert = await issueCertificate({ issuer: ca, subject: { country, organization: name, organizationalUnit: agencyId, commonName: `${agencyId} ${purpose} signer` }, purpose, algorithm, notBefore: T0, validityDays: 730 });
    return { privateKey: cert.privateKey, algorithm, chain: [cert.certificate] };
  };
  write(`pki/${file}-root.crt.pem`, toPem(ca.certificate, 'CERTIFICATE'));
  return { country, agencyId, name, ca, license: await signer('license-signing'), list: await signer('list-signing') };
}
const ref = (a) => ({ country: a.country, agencyId: a.agencyId, name: a.name });
const entry = async (a, roles) => ({
  agency: ref(a),
  roles,
  certificates: [{ x5c: b64(a.ca.certificate), sha256: await thumbprint(a.ca.certificate) }],
  validFrom: '2025-01-01T00:00:00Z',
  validUntil: '2031-11-01T00:00:00Z',
});
const sign = async (doc, signer, time) => signDocument(doc, signer, { signingTime: new Date(time) });

const jp = await agency('JP', 'METI', 'Ministry of Economy, Trade and Industry', 'EdDSA');
const de = await agency('DE', 'BAFA', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', 'ES256');
const fr = await agency('FR', 'SBDU', 'Service des biens à double usage', 'ES384');
const us = await agency('US', 'BIS', 'Bureau of Industry and Security', 'ES256');
const impostor = await agency('DE', 'BAFA', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', 'ES256', 'impostor-de-bafa');

// Japan's own trust list: who may publish screening lists and denial notices (and issue licenses).
const trustList = {
  documentType: 'trust-list', schemaVersion: '1.0', id: 'JP-METI-TL-SCREENING', sequence: 1,
  publisher: ref(jp), issuedAt: '2026-11-15T00:00:00Z', nextUpdate: '2027-11-15T00:00:00Z',
  entries: [
    await entry(jp, ['trust-list-publisher', 'license-issuer', 'status-publisher', 'screening-list-publisher', 'denial-publisher']),
    await entry(de, ['license-issuer', 'status-publisher', 'screening-list-publisher', 'denial-publisher']),
    await entry(fr, ['license-issuer', 'denial-publisher']),
    await entry(us, ['license-issuer', 'status-publisher']),
  ],
};
write('trust/jp-meti-trust-list.jws', (await sign(trustList, jp.list, '2026-11-15T00:00:00Z')).jws);

// Screening lists.
const bafaList = read('examples/screening/screening-list.json');
write('lists/de-bafa-screening-42.jws', (await sign(bafaList, de.list, bafaList.issuedAt)).jws);
const older = { ...clone(bafaList), sequence: 41, issuedAt: '2026-11-09T08:00:00Z', nextUpdate: '2026-11-23T08:00:00Z', entries: bafaList.entries.filter((e) => e.id !== 'XS-0008') };
write('lists/de-bafa-screening-41.jws', (await sign(older, de.list, older.issuedAt)).jws);
const good = (await sign(bafaList, de.list, bafaList.issuedAt)).jws.split('.');
const tamperedPayload = Buffer.from(JSON.stringify({ ...bafaList, entries: bafaList.entries.filter((e) => e.id !== 'XS-0001') })).toString('base64url');
write('lists/de-bafa-screening-tampered.jws', `${good[0]}.${tamperedPayload}.${good[2]}`);
write('lists/de-bafa-screening-impostor.jws', (await sign(bafaList, impostor.list, bafaList.issuedAt)).jws);
const sbduList = { ...clone(bafaList), id: 'fr-sbdu-screening', publisher: ref(fr), sequence: 1 };
write('lists/fr-sbdu-screening-not-a-publisher.jws', (await sign(sbduList, fr.list, bafaList.issuedAt)).jws);
write('lists/de-bafa-screening-signed-by-meti.jws', (await sign(bafaList, jp.list, bafaList.issuedAt)).jws);
const metiList = {
  documentType: 'screening-list', schemaVersion: '1.0', id: 'jp-meti-end-user-list', publisher: ref(jp), sequence: 7,
  issuedAt: '2026-11-20T00:00:00Z', nextUpdate: '2026-12-20T00:00:00Z', policy: { onHit: 'fail' },
  entries: [
    {
      id: 'JP-EUL-0001',
      names: [{ value: 'Golden Crescent Electronics LLC', kind: 'primary' }, { value: 'شركة الهلال الذهبي للإلكترونيات', kind: 'alias', script: 'Arab', language: 'ar' }],
      countries: ['AE'], reason: 'Diversion of controlled electronics to a military end user.', legalBasis: 'METI End User List, entry 0001', listedAt: '2025-04-01T00:00:00Z',
    },
    {
      id: 'JP-EUL-0002',
      names: [{ value: 'Deccan Steel Process Automation Ltd.', kind: 'primary' }],
      countries: ['IN'], reason: 'Re-export of thermal imaging cameras without authorisation.', legalBasis: 'METI End User List, entry 0002', listedAt: '2026-09-01T00:00:00Z',
    },
  ],
};
write('lists/jp-meti-end-user-list.jws', (await sign(metiList, jp.list, metiList.issuedAt)).jws);

// Denial notices.
const notice = read('examples/screening/denial-fr-sbdu-2026-0117.json');
const active = await sign(notice, fr.list, '2026-05-12T10:00:00Z');
write('denials/fr-sbdu-dn-2026-0117.jws', active.jws);
const withdrawal = { ...read('examples/screening/denial-fr-sbdu-2026-0117-withdrawn.json'), supersedes: { id: notice.id, sha256: active.payloadSha256 } };
write('denials/fr-sbdu-dn-2026-0117-w.jws', (await sign(withdrawal, fr.list, '2026-10-01T09:00:00Z')).jws);
const badDigest = { ...withdrawal, id: 'FR-SBDU-DN-2026-0117-X', supersedes: { id: notice.id, sha256: '0'.repeat(64) } };
write('denials/fr-sbdu-dn-2026-0117-wrong-digest.jws', (await sign(badDigest, fr.list, '2026-10-01T09:00:00Z')).jws);
const expired = { ...clone(notice), id: 'FR-SBDU-DN-2023-0033', deniedAt: '2023-03-01T10:00:00Z', expiresAt: '2026-03-01T10:00:00Z' };
write('denials/fr-sbdu-dn-2023-0033-expired.jws', (await sign(expired, fr.list, '2026-11-01T00:00:00Z')).jws);
const np = active.jws.split('.');
write('denials/fr-sbdu-dn-2026-0117-tampered.jws', `${np[0]}.${Buffer.from(JSON.stringify({ ...notice, expiresAt: '2031-05-12T10:00:00Z' })).toString('base64url')}.${np[2]}`);
const deNotice = {
  documentType: 'denial-notice', schemaVersion: '1.0', id: 'DE-BAFA-DN-2026-0031', deniedBy: ref(de),
  deniedAt: '2026-11-10T09:00:00Z', expiresAt: '2029-11-10T09:00:00Z', status: 'active',
  endUser: { legalName: 'Sergey Ivanovich Kuznetsov', address: { lines: ['Office 1204, Al Moosa Tower 2'], city: 'Dubai' }, country: 'AE' },
  items: [{ classification: { regime: 'eu-dual-use', code: '3A001.a.2' }, description: 'Radiation-hardened integrated circuits' }],
  destination: 'AE', reasonCategory: 'wmd-proliferation',
  consultationContact: { unit: 'BAFA Referat 211', email: 'konsultation@bafa.bund.de' },
};
write('denials/de-bafa-dn-2026-0031.jws', (await sign(deNotice, de.list, deNotice.deniedAt)).jws);

// Parties to screen.
const party = (legalName, country, extra = {}) => ({ legalName, address: { lines: ['1 Example Street'], city: 'Example City' }, country, ...extra });
write('parties/romashka-reordered.json', JSON.stringify(party('Ромашка Технологии ООО', 'RU'), null, 2));
write('parties/schwarzmeer-delisted.json', JSON.stringify(party('Schwarzmeer Handels GmbH', 'DE'), null, 2));
write('parties/golden-crescent-variant.json', JSON.stringify(party('Golden Cresent Electronics L.L.C.', 'AE'), null, 2));
write('parties/clean.json', JSON.stringify(party('Schwarzwald Präzisionsmaschinen GmbH', 'DE'), null, 2));

// Licenses, a status list: what `xlic report` summarises (period 2026-11-01 .. 2026-12-01).
const licenses = [];
const addLicense = async (file, doc, signer) => {
  const signed = await sign(doc, signer, doc.issuedAt);
  write(`licenses/${file}`, signed.jws);
  licenses.push({ file: `licenses/${file}`, id: doc.id, licenseType: doc.licenseType });
  return signed;
};
const deIndividual = read('examples/licenses/de-bafa-individual-2b001-jp.json');
await addLicense('de-individual-2b001-jp.jws', deIndividual, de.license);
await addLicense('de-global-test-measurement.jws', read('examples/licenses/de-bafa-global-test-measurement.json'), de.license);
await addLicense('de-individual-revoked.jws', { ...clone(deIndividual), id: 'DE-BAFA-EA-2026-099001', issuedAt: '2026-11-06T09:00:00+01:00' }, de.license);
const frEmergency = read('examples/licenses/fr-sbdu-emergency-satcom-tr.json');
const deExceptional = (id, licenseType, issuedAt, validUntil, exceptional) => ({ ...clone(frEmergency), id, licenseType, issuer: ref(de), issuedAt, validity: { validFrom: issuedAt, validUntil }, exceptional: { justification: frEmergency.exceptional.justification, ...exceptional } });
await addLicense('de-humanitarian-late.jws', deExceptional('DE-BAFA-HUM-2026-0007', 'humanitarian-exemption', '2026-11-19T10:00:00Z', '2027-05-19T00:00:00Z', { requestedAt: '2026-11-16T08:00:00Z', decisionDeadline: '2026-11-18T08:00:00Z', reviewDate: '2027-02-19T00:00:00Z' }), de.license);
await addLicense('de-emergency-review-missed.jws', deExceptional('DE-BAFA-URG-2026-0011', 'emergency-temporary', '2026-11-03T15:00:00Z', '2027-02-03T00:00:00Z', { requestedAt: '2026-11-03T07:00:00Z', decisionDeadline: '2026-11-03T19:00:00Z', reviewDate: '2026-11-17T00:00:00Z' }), de.license);
const kept = await addLicense('de-emergency-review-kept.jws', deExceptional('DE-BAFA-URG-2026-0012', 'emergency-temporary', '2026-11-04T12:00:00Z', '2027-02-04T00:00:00Z', { requestedAt: '2026-11-04T06:00:00Z', decisionDeadline: '2026-11-04T18:00:00Z', reviewDate: '2026-11-18T00:00:00Z' }), de.license);
const amendment = { ...deExceptional('DE-BAFA-URG-2026-0012-A1', 'emergency-temporary', '2026-11-17T10:00:00Z', '2027-02-04T00:00:00Z', { requestedAt: '2026-11-16T09:00:00Z', decisionDeadline: '2026-11-17T09:00:00Z', reviewDate: '2027-01-17T00:00:00Z' }), supersedes: { id: 'DE-BAFA-URG-2026-0012', sha256: kept.payloadSha256 } };
const amended = await addLicense('de-emergency-amendment.jws', amendment, de.license);
await addLicense('de-individual-october.jws', { ...clone(deIndividual), id: 'DE-BAFA-EA-2026-017002', issuedAt: '2026-10-20T09:00:00+02:00', validity: { validFrom: '2026-10-20T00:00:00+02:00', validUntil: '2028-10-19T23:59:59+02:00' } }, de.license);
await addLicense('us-humanitarian-sy.jws', read('examples/licenses/us-bis-humanitarian-medical-sy.json'), us.license);
await addLicense('fr-emergency-tr.jws', frEmergency, fr.license);
const statusList = {
  documentType: 'status-list', schemaVersion: '1.0', id: 'DE-BAFA-STATUS', sequence: 9, issuer: ref(de),
  issuedAt: '2026-11-22T08:00:00Z', nextUpdate: '2026-11-29T08:00:00Z',
  entries: [
    { licenseId: 'DE-BAFA-EA-2026-099001', status: 'revoked', reason: 'end-use-concern', reasonText: 'Credible information of diversion to a military end user', effectiveAt: '2026-11-22T08:00:00Z' },
    { licenseId: 'DE-BAFA-URG-2026-0012', status: 'amended', reason: 'amendment', effectiveAt: '2026-11-17T10:00:00Z', successor: { id: amendment.id, sha256: amended.payloadSha256 } },
  ],
};
write('status/de-bafa-status.jws', (await sign(statusList, de.list, statusList.issuedAt)).jws);
const olderStatus = { ...clone(statusList), sequence: 8, issuedAt: '2026-11-15T08:00:00Z', nextUpdate: '2026-11-22T08:00:00Z', entries: [] };
write('status/de-bafa-status-8.jws', (await sign(olderStatus, de.list, olderStatus.issuedAt)).jws);

write('index.json', JSON.stringify({
  description: 'Signed screening lists, denial notices, licenses and a status list for `xlic screen`, `xlic sign --denials` and `xlic report`, verified at 2026-11-23T12:00:00Z against trust/jp-meti-trust-list.jws. Generated by examples/screening/make-signed.mjs (a new PKI each run; private keys are not kept).',
  at: '2026-11-23T12:00:00Z',
  trust: ['trust/jp-meti-trust-list.jws'],
  lists: {
    'lists/de-bafa-screening-42.jws': 'BAFA list #42 (examples/screening/screening-list.json), policy escalate: accepted',
    'lists/de-bafa-screening-41.jws': 'BAFA list #41 (older, without XS-0008): ignored when #42 is given (SCREENING_LIST_SUPERSEDED)',
    'lists/de-bafa-screening-tampered.jws': 'payload changed after signing: SCREENING_LIST_REJECTED (JWS_SIGNATURE_INVALID)',
    'lists/de-bafa-screening-impostor.jws': 'signed under an impostor BAFA root: SCREENING_LIST_REJECTED (CERT_UNTRUSTED_ROOT)',
    'lists/fr-sbdu-screening-not-a-publisher.jws': 'SBDU is not trusted as screening-list-publisher: SCREENING_LIST_REJECTED (CERT_ROLE_NOT_TRUSTED)',
    'lists/de-bafa-screening-signed-by-meti.jws': 'BAFA\'s list signed by METI (a screening-list-publisher, but not BAFA): SCREENING_LIST_REJECTED (TRUST_ISSUER_MISMATCH)',
    'lists/jp-meti-end-user-list.jws': 'METI end user list #7, policy fail',
  },
  denials: {
    'denials/fr-sbdu-dn-2026-0117.jws': 'SBDU denial of 2B001 machine tools for Tokai Seimitsu (JP), active until 2029-05-12: blocks DE-BAFA-EA-2026-018274',
    'denials/fr-sbdu-dn-2026-0117-w.jws': 'its withdrawal (supersedes it with the right digest)',
    'denials/fr-sbdu-dn-2026-0117-wrong-digest.jws': 'a withdrawal naming the notice with a wrong digest: DENIAL_NOTICE_REJECTED',
    'denials/fr-sbdu-dn-2023-0033-expired.jws': 'the same transaction denied in 2023, expired 2026-03-01: blocks nothing',
    'denials/fr-sbdu-dn-2026-0117-tampered.jws': 'expiry changed after signing: DENIAL_NOTICE_REJECTED (JWS_SIGNATURE_INVALID)',
    'denials/de-bafa-dn-2026-0031.jws': 'BAFA denial (individual end user, AE, 3A001): counted by xlic report, name never printed',
  },
  licenses,
  status: ['status/de-bafa-status.jws', 'status/de-bafa-status-8.jws'],
}, null, 2));
console.log(`wrote examples/screening/signed/ (${licenses.length} licenses)`);
