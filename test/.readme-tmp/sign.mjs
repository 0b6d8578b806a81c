import { readFileSync } from 'node:fs';
import { parseJws } from '@xlic/core';
import { signDocument } from '@xlic/sign';
import { createRootCa, issueCertificate, signerCommonName } from '@xlic/trust';

// A throw-away BAFA root and license-signing certificate (an agency uses its own: `xlic pki`).
const agencyName = 'Bundesamt für Wirtschaft und Ausfuhrkontrolle';
const notBefore = new Date('2026-11-01T00:00:00Z');
const root = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName, notBefore });
const cert = await issueCertificate({
  issuer: root,
  purpose: 'license-signing',
  notBefore,
  subject: { country: 'DE', organization: agencyName, organizationalUnit: 'BAFA', commonName: signerCommonName('BAFA', 'license-signing', 1) },
});
const signer = { privateKey: cert.privateKey, algorithm: 'ES256', chain: [cert.certificate] };
const signingTime = new Date('2026-11-23T12:00:00Z');

const license = JSON.parse(readFileSync('examples/licenses/de-bafa-individual-2b001-jp.json', 'utf8'));
const { jws, kind, payloadSha256 } = await signDocument(license, signer, { signingTime });
const { alg, typ, iat } = parseJws(jws).signatures[0].header;
console.log(kind, alg, typ, new Date(iat * 1000).toISOString());
// prints: license ES256 xlic-license+jws 2026-11-23T12:00:00.000Z
console.log(payloadSha256.length); // prints: 64

try {
  await signDocument({ ...license, items: [] }, signer, { signingTime });
} catch (e) {
  console.log(e.code, e.findings[0].path);
}
// prints: SIGN_DOCUMENT_INVALID /items
