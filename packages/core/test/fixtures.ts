import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file under the repository's examples/ folder. */
export function examplePath(rel: string): string {
  return fileURLToPath(new URL(`../../../examples/${rel}`, import.meta.url));
}

/** A fresh, mutable copy of an example document (tests mutate it freely). */
export function example<T = any>(rel: string): T {
  return JSON.parse(readFileSync(examplePath(rel), 'utf8')) as T;
}

export const LICENSE = 'licenses/de-bafa-individual-2b001-jp.json';
export const US_LICENSE = 'licenses/us-bis-thermal-cameras-in.json';
export const HUMANITARIAN = 'licenses/us-bis-humanitarian-medical-sy.json';
export const EMERGENCY = 'licenses/fr-sbdu-emergency-satcom-tr.json';
export const DECLARATION = 'declarations/tokai-seimitsu-certified-by-meti.json';
export const PARTY = 'parties/tokai-seimitsu-kogyo.json';
export const STATUS_LIST = 'lists/de-bafa-status-list.json';

/** A minimal schema-valid trust list (no entries). */
export function trustList(): any {
  return {
    documentType: 'trust-list',
    schemaVersion: '1.0',
    id: 'DE-BAFA-TRUST',
    sequence: 7,
    publisher: { country: 'DE', agencyId: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' },
    issuedAt: '2026-11-20T08:00:00+01:00',
    nextUpdate: '2026-12-20T08:00:00+01:00',
    entries: [],
  };
}

/** One schema-valid trust-list entry (the certificate is a placeholder; core does not parse it). */
export function trustEntry(): any {
  return {
    agency: { country: 'JP', agencyId: 'METI', name: '経済産業省' },
    roles: ['license-issuer'],
    certificates: [{ x5c: 'MIIBszCCAVmgAwIBAgIU', sha256: '0f4c6d2b8e1a3f5c7d9b0a2e4f6c8d1b3a5e7f9c0d2b4a6e8f1c3d5b7a9e0f21' }],
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2028-01-01T00:00:00Z',
  };
}
