// Shared PKI and documents for the property tests: one DE BAFA root (trusted as a PEM root) and
// a license-signing certificate valid through 2026 and 2027.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRootCa, issueCertificate, toPem } from '@xlic/trust';
import { loadTrust, type TrustContext } from '@xlic/verify';
import type { Signer } from '@xlic/sign';

export const repo = resolve(import.meta.dirname, '../..');
export const readJson = <T = Record<string, unknown>>(p: string): T => JSON.parse(readFileSync(join(repo, p), 'utf8')) as T;
export const EXAMPLE_LICENSES = ['examples/licenses/de-bafa-individual-2b001-jp.json', 'examples/licenses/us-bis-thermal-cameras-in.json'];

export interface Pki {
  signer: Signer;
  ctx: (at: Date) => Promise<TrustContext>;
}

/** A root per issuing agency of the example licenses, each with a license signer. */
export async function makePki(agency: { country: string; agencyId: string; name: string }): Promise<Pki> {
  const ca = await createRootCa({ country: agency.country, agencyId: agency.agencyId, agencyName: agency.name, notBefore: new Date('2025-01-01T00:00:00Z'), validityDays: 3650 });
  const cert = await issueCertificate({
    issuer: ca,
    subject: { country: agency.country, organization: agency.name, organizationalUnit: agency.agencyId, commonName: `${agency.agencyId} license-signing signer 1` },
    purpose: 'license-signing',
    notBefore: new Date('2025-12-01T00:00:00Z'),
    validityDays: 800,
  });
  const pem = toPem(ca.certificate, 'CERTIFICATE');
  return {
    signer: { privateKey: cert.privateKey, algorithm: 'ES256', chain: [cert.certificate] },
    ctx: (at) => loadTrust({ pemRoots: [{ name: 'root.pem', text: pem }], at, cache: false }),
  };
}

/** Every JSON Pointer of a JSON value (RFC 6901), the root included. */
export function allPointers(value: unknown, base = ''): string[] {
  const out = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...allPointers(v, `${base}/${i}`)));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...allPointers(v, `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return out;
}
