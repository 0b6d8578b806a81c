// @xlic/trust: the xlic agency PKI (certificate profile, issuance, CRLs) and RFC 5280 path validation.
// ./x509.js loads reflect-metadata before @peculiar/x509 and hands it our WebCrypto; issue.ts imports it
// on first use only, so verification (which never needs it) starts fast.
export { SIGNING_ALGORITHMS, algorithmOfKey, type SigningAlgorithm } from './algorithms.js';
export {
  MAX_CERTIFICATE_BYTES,
  parseCertificate,
  thumbprint,
  type CertificateExtension,
  type KeyUsage,
  type ParsedCertificate,
} from './certificate.js';
export { issueCrl, parseCrl, type CrlEntry, type IssueCrlOptions, type ParsedCrl, type RevocationReason } from './crl.js';
export {
  INTERMEDIATE_VALIDITY_DAYS,
  ROOT_VALIDITY_DAYS,
  SIGNER_VALIDITY_DAYS,
  createRootCa,
  issueCertificate,
  signerCommonName,
  type CreateRootCaOptions,
  type IssueCertificateOptions,
  type IssuedCertificate,
  type Issuer,
} from './issue.js';
export type { DistinguishedName } from './names.js';
export { EKU_OIDS, PURPOSES, XLIC_ARC, purposeOfOid, type Purpose } from './oids.js';
export {
  DEFAULT_MAX_PATH_LENGTH,
  LIST_PUBLISHER_ROLES,
  PURPOSE_ROLES,
  requiredRole,
  validatePath,
  type PathResult,
  type PathWarning,
  type ValidatePathOptions,
} from './path-validation.js';
export { fromPem, toPem, type PemBlock, type PemLimits } from './pem.js';
export {
  DEFAULT_PBKDF2_ITERATIONS,
  exportPrivateKeyPem,
  importPrivateKeyPem,
  type ExportPrivateKeyOptions,
  type ImportPrivateKeyOptions,
} from './private-key-pem.js';
export { importPublicKey, type PublicKeyInfo } from './public-key.js';
export type { SignatureScheme } from './signature.js';
export {
  TRUST_ROLES,
  buildTrustIndex,
  trustIndexFromPemRoots,
  trustIndexOf,
  type TrustAnchor,
  type TrustIndex,
  type TrustRole,
} from './trust-index.js';
