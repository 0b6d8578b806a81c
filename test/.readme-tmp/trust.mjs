import { createRootCa, issueCertificate, signerCommonName, toPem, trustIndexFromPemRoots, validatePath } from '@xlic/trust';

const agencyName = 'Bundesamt für Wirtschaft und Ausfuhrkontrolle';
const notBefore = new Date('2026-11-01T00:00:00Z');
const root = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName, notBefore });
const signer = await issueCertificate({
  issuer: root,
  purpose: 'license-signing',
  notBefore,
  subject: { country: 'DE', organization: agencyName, organizationalUnit: 'BAFA', commonName: signerCommonName('BAFA', 'license-signing', 1) },
});

// A verifier takes its anchors from signed trust lists (buildTrustIndex); a PEM root works for a start.
const index = await trustIndexFromPemRoots(toPem(root.certificate, 'CERTIFICATE'), 'bafa-root.pem');
const anchors = index.anchorsForRole('license-issuer');
const now = new Date('2026-11-23T12:00:00Z');

const ok = await validatePath({ chain: [signer.certificate], anchors, purpose: 'license-signing', signingTime: now, now });
console.log(ok.ok, ok.leaf.subject.text);
// prints: true C=DE, O=Bundesamt für Wirtschaft und Ausfuhrkontrolle, OU=BAFA, CN=BAFA license-signing signer 1

const late = await validatePath({ chain: [signer.certificate], anchors, purpose: 'license-signing', signingTime: new Date('2028-01-01T00:00:00Z'), now });
console.log(late.ok, late.code);
// prints: false CERT_EXPIRED
