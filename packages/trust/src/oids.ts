/** Object identifiers of the xlic certificate profile and the standards it builds on. */

/** The xlic arc: a UUID-derived OID (ITU-T X.667), `2.25.<uuid as integer>`. */
export const XLIC_ARC = '2.25.152233983383500352379578609481682438308';

/** What a certificate's key may sign under the xlic profile; `any` skips the EKU check. */
export type Purpose = 'license-signing' | 'declaration-certifying' | 'declaration-signing' | 'list-signing' | 'any';

/** Every purpose except `any`, the ones that have an EKU. */
export const PURPOSES = ['license-signing', 'declaration-certifying', 'declaration-signing', 'list-signing'] as const;

/** Extended key usage OIDs, one per purpose. */
export const EKU_OIDS: Readonly<Record<Exclude<Purpose, 'any'>, string>> = {
  'license-signing': `${XLIC_ARC}.1.1`,
  'declaration-certifying': `${XLIC_ARC}.1.2`,
  'declaration-signing': `${XLIC_ARC}.1.3`,
  'list-signing': `${XLIC_ARC}.1.4`,
};

/** The purpose an xlic EKU OID stands for, if it is one. */
export function purposeOfOid(oid: string): Exclude<Purpose, 'any'> | undefined {
  return PURPOSES.find((p) => EKU_OIDS[p] === oid);
}

export const OID = {
  // attribute types
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  // certificate and CRL extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  cRLNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  authorityKeyIdentifier: '2.5.29.35',
  extendedKeyUsage: '2.5.29.37',
  anyExtendedKeyUsage: '2.5.29.37.0',
  // keys
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  ed25519: '1.3.101.112',
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  mgf1: '1.2.840.113549.1.1.8',
  // signatures and hashes
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  // PKCS#5 v2 (PBES2) for encrypted PKCS#8
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSha1: '1.2.840.113549.2.7',
  hmacWithSha256: '1.2.840.113549.2.9',
  hmacWithSha384: '1.2.840.113549.2.10',
  hmacWithSha512: '1.2.840.113549.2.11',
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
} as const;

/** Certificate extensions path validation understands; any other critical one is rejected. */
export const KNOWN_CERTIFICATE_EXTENSIONS: ReadonlySet<string> = new Set([
  OID.subjectKeyIdentifier,
  OID.keyUsage,
  OID.basicConstraints,
  OID.authorityKeyIdentifier,
  OID.extendedKeyUsage,
]);

/** CRL extensions understood; a critical unknown one (delta CRL, issuing distribution point…) makes the CRL unusable. */
export const KNOWN_CRL_EXTENSIONS: ReadonlySet<string> = new Set([OID.cRLNumber, OID.authorityKeyIdentifier]);

/** CRL entry extensions understood. */
export const KNOWN_CRL_ENTRY_EXTENSIONS: ReadonlySet<string> = new Set([OID.reasonCode, OID.invalidityDate]);
