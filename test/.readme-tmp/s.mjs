import { readFileSync } from 'node:fs';
import { signDocument } from '@xlic/sign';
import { createRootCa, issueCertificate, signerCommonName } from '@xlic/trust';
import { parseJws } from '@xlic/core';

const agency = { country: 'DE', agencyId: 'BAFA', agencyName: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' };
const root = await createRootCa(agency);
const cert = await issueCertificate({
  issuer: root,
  purpose: 'license-signing',
  subject: { country: 'DE', organization: agency.agencyName, organizationalUnit: 'BAFA', commonName: signerCommonName('BAFA', 'license-signing', 1) },
});
const license = JSON.parse(readFileSync('examples/licenses/de-bafa-individual-2b001-jp.json', 'utf8'));
const signed = await signDocument(license, { privateKey: cert.privateKey, algorithm: 'ES256', chain: [cert.certificate] });
const { typ, alg, x5c } = parseJws(signed.jws).signatures[0].header;
console.log(signed.kind, typ, alg, x5c.length, signed.payloadSha256.length);
try {
  await signDocument({ ...license, items: [] }, { privateKey: cert.privateKey, algorithm: 'ES256', chain: [cert.certificate] });
} catch (e) { console.log(e.code, e.message, e.findings?.length); }
