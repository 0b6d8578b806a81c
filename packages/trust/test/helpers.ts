// Test PKI: builds agency roots and signers with the library, and off-profile certificates with @peculiar/x509
// directly (for the failure cases the library refuses to issue).
import { x509SigningParams, type SigningAlgorithm } from '../src/algorithms.js';
import { parseCertificate } from '../src/certificate.js';
import { toArrayBuffer } from '../src/der.js';
import {
  authorityKeyIdentifier,
  basicConstraints,
  computeKeyIdentifier,
  encodeExtension,
  extendedKeyUsage,
  keyUsage,
  subjectKeyIdentifier,
  type ExtensionInput,
} from '../src/extensions-encode.js';
import { createRootCa, issueCertificate, type IssuedCertificate } from '../src/issue.js';
import { generateKeyPair, type KeyPair } from '../src/keys-generate.js';
import { encodeName } from '../src/names.js';
import { EKU_OIDS, type Purpose } from '../src/oids.js';
import { readPublicKeyInfo } from '../src/public-key.js';
import { readDer } from '../src/der.js';
import { thumbprint } from '../src/certificate.js';
import type { TrustAnchor, TrustRole } from '../src/trust-index.js';
import { x509 } from '../src/x509.js';

export const T0 = new Date('2026-01-01T00:00:00Z');
export const SIGNING_TIME = new Date('2026-06-01T12:00:00Z');
export const NOW = new Date('2026-11-23T10:00:00Z');
export const DAY = 86_400_000;

export async function makeRoot(alg: SigningAlgorithm = 'ES256', country = 'DE', agencyId = 'BAFA'): Promise<IssuedCertificate> {
  return createRootCa({ country, agencyId, agencyName: `Agency ${agencyId}`, algorithm: alg, notBefore: T0, validityDays: 3650 });
}

export async function makeSigner(
  issuer: IssuedCertificate,
  purpose: Exclude<Purpose, 'any'> = 'license-signing',
  alg: SigningAlgorithm = 'ES256',
  extra: { notBefore?: Date; validityDays?: number } = {},
): Promise<IssuedCertificate> {
  const c = parseCertificate(issuer.certificate).subject;
  return issueCertificate({
    issuer,
    purpose,
    algorithm: alg,
    notBefore: extra.notBefore ?? T0,
    validityDays: extra.validityDays ?? 365,
    subject: { country: c.country!, organization: c.organization!, organizationalUnit: c.agencyId!, commonName: `${c.agencyId} ${purpose} signer 1` },
  });
}

export async function anchorOf(root: Uint8Array, roles: TrustRole[] = ['license-issuer'], window?: { from: Date; until: Date }): Promise<TrustAnchor> {
  const parsed = parseCertificate(root);
  return {
    certificate: root,
    parsed,
    sha256: await thumbprint(root),
    agency: { country: parsed.subject.country as 'DE', agencyId: parsed.subject.agencyId!, name: parsed.subject.organization! },
    roles,
    validFrom: window?.from ?? T0,
    validUntil: window?.until ?? new Date(T0.getTime() + 3650 * DAY),
    source: 'test#1',
  };
}

/** Options for an arbitrary (possibly off-profile) certificate. */
export interface RawCertOptions {
  cn: string;
  issuer?: { certificate: Uint8Array; privateKey: CryptoKey };
  keys?: KeyPair;
  alg?: SigningAlgorithm;
  notBefore?: Date;
  notAfter?: Date;
  extensions?: (ski: Uint8Array, aki: Uint8Array | undefined) => ExtensionInput[];
  issuerName?: Uint8Array;
}

/** Build any certificate: self-signed when no issuer is given. Signed with the issuer key's algorithm. */
export async function rawCert(o: RawCertOptions): Promise<IssuedCertificate> {
  const alg = o.alg ?? 'ES256';
  const keys = o.keys ?? (await generateKeyPair(alg));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const ski = await computeKeyIdentifier(readPublicKeyInfo(readDer(spki)).keyBits);
  const subject = encodeName({ country: 'DE', organization: 'Agency BAFA', organizationalUnit: 'BAFA', commonName: o.cn });
  let issuerName = subject;
  let aki: Uint8Array | undefined;
  let signingKey = keys.privateKey;
  let signingAlg: SigningAlgorithm = alg;
  if (o.issuer) {
    const ip = parseCertificate(o.issuer.certificate);
    issuerName = ip.subjectDer;
    aki = ip.subjectKeyIdentifier ? Uint8Array.from(Buffer.from(ip.subjectKeyIdentifier, 'hex')) : undefined;
    signingKey = o.issuer.privateKey;
    signingAlg = ip.publicKey.algorithm!;
  }
  const exts = o.extensions ? o.extensions(ski, aki) : signerExtensions(ski, aki, 'license-signing');
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex').replace(/^./, '4'),
    subject: new x509.Name(toArrayBuffer(subject)),
    issuer: new x509.Name(toArrayBuffer(o.issuerName ?? issuerName)),
    notBefore: o.notBefore ?? T0,
    notAfter: o.notAfter ?? new Date(T0.getTime() + 365 * DAY),
    publicKey: toArrayBuffer(spki),
    signingKey,
    signingAlgorithm: x509SigningParams(signingAlg),
    extensions: exts.map((e) => new x509.Extension(toArrayBuffer(encodeExtension(e)))),
  });
  return { certificate: new Uint8Array(cert.rawData), ...keys };
}

export function signerExtensions(ski: Uint8Array, aki: Uint8Array | undefined, purpose: Exclude<Purpose, 'any'>): ExtensionInput[] {
  const exts = [basicConstraints(false), keyUsage(['digitalSignature']), extendedKeyUsage([EKU_OIDS[purpose]]), subjectKeyIdentifier(ski)];
  if (aki) exts.push(authorityKeyIdentifier(aki));
  return exts;
}

export function caExtensions(ski: Uint8Array, aki: Uint8Array | undefined, pathLength?: number): ExtensionInput[] {
  const exts = [basicConstraints(true, pathLength), keyUsage(['keyCertSign', 'cRLSign']), subjectKeyIdentifier(ski)];
  if (aki) exts.push(authorityKeyIdentifier(aki));
  return exts;
}
