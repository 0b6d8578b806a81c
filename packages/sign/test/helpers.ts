// A tiny test PKI for signing tests (fixed dates; nothing reads the clock).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { License } from '@xlic/core';
import { createRootCa, issueCertificate, type IssuedCertificate, type Purpose, type SigningAlgorithm } from '@xlic/trust';
import type { Signer } from '../src/signer.js';

export const ROOTS_FROM = new Date('2026-01-01T00:00:00Z');
export const CERTS_FROM = new Date('2026-11-01T00:00:00Z');
export const SIGNED = new Date('2026-11-20T09:30:00Z');

export async function makeRoot(country = 'DE', agencyId = 'BAFA', algorithm: SigningAlgorithm = 'ES256'): Promise<IssuedCertificate> {
  return createRootCa({ country, agencyId, agencyName: `Agency ${agencyId}`, algorithm, notBefore: ROOTS_FROM, validityDays: 3650 });
}

export async function makeSigner(
  root: IssuedCertificate,
  purpose: Exclude<Purpose, 'any'> = 'license-signing',
  o: { algorithm?: SigningAlgorithm; notBefore?: Date; validityDays?: number; n?: number; country?: string; agencyId?: string } = {},
): Promise<Signer & { certificate: Uint8Array }> {
  const algorithm = o.algorithm ?? 'ES256';
  const country = o.country ?? 'DE';
  const agencyId = o.agencyId ?? 'BAFA';
  const cert = await issueCertificate({
    issuer: root,
    purpose,
    algorithm,
    notBefore: o.notBefore ?? CERTS_FROM,
    validityDays: o.validityDays ?? 730,
    subject: { country, organization: `Agency ${agencyId}`, organizationalUnit: agencyId, commonName: `${agencyId} ${purpose} signer ${o.n ?? 1}` },
  });
  return { privateKey: cert.privateKey, algorithm, chain: [cert.certificate], certificate: cert.certificate };
}

const repo = fileURLToPath(new URL('../../../', import.meta.url));
export const readExample = <T = unknown>(rel: string): T => JSON.parse(readFileSync(`${repo}examples/${rel}`, 'utf8')) as T;
export const license = (): License => readExample<License>('licenses/de-bafa-individual-2b001-jp.json');

export const decodePart = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
