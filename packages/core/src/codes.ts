/**
 * Every stable code xlic reports, with the class of outcome it belongs to.
 *
 * Codes are API: they are listed in docs/errors.md, may be added, and are never renamed.
 * - `invalid`: the document (or its signature, chain, status) is not acceptable → exit status 1.
 * - `input`: the input could not be read or is not a document at all → exit status 2.
 * - `usage`: the command was called wrongly → exit status 2.
 * - `warning`: reported, never makes a verdict INVALID on its own.
 */
export const CODES = {
  // Input and parsing
  INPUT_NOT_FOUND: 'input',
  INPUT_IS_DIRECTORY: 'input',
  INPUT_UNREADABLE: 'input',
  INPUT_TOO_LARGE: 'input',
  INPUT_EMPTY: 'input',
  INPUT_BINARY: 'input',
  INPUT_NOT_UTF8: 'input',
  JSON_SYNTAX: 'input',
  JSON_DUPLICATE_KEY: 'input',
  JSON_TOO_DEEP: 'input',
  JSON_STRING_TOO_LONG: 'input',
  JSON_NUMBER_OUT_OF_RANGE: 'input',
  DOCUMENT_NOT_OBJECT: 'input',
  UNKNOWN_DOCUMENT_KIND: 'input',
  USAGE: 'usage',

  // Schema validation
  SCHEMA_REQUIRED: 'invalid',
  SCHEMA_UNKNOWN_FIELD: 'invalid',
  SCHEMA_TYPE: 'invalid',
  SCHEMA_CONST: 'invalid',
  SCHEMA_ENUM: 'invalid',
  SCHEMA_PATTERN: 'invalid',
  SCHEMA_FORMAT: 'invalid',
  SCHEMA_RANGE: 'invalid',
  SCHEMA_TOO_SHORT: 'invalid',
  SCHEMA_TOO_LONG: 'invalid',
  SCHEMA_TOO_FEW_ITEMS: 'invalid',
  SCHEMA_TOO_MANY_ITEMS: 'invalid',
  SCHEMA_DUPLICATE_ITEM: 'invalid',
  SCHEMA_INVALID: 'invalid',
  UNKNOWN_COUNTRY_CODE: 'invalid',
  UNKNOWN_CURRENCY_CODE: 'invalid',
  UNKNOWN_UNIT_CODE: 'invalid',
  INVALID_HS_CODE: 'invalid',
  INVALID_CLASSIFICATION_CODE: 'invalid',
  INVALID_IDENTIFIER: 'invalid',
  QUANTITY_NOT_POSITIVE: 'invalid',

  // Semantic checks
  VALIDITY_WINDOW_INVERTED: 'invalid',
  ISSUED_AFTER_EXPIRY: 'invalid',
  EXCEPTIONAL_BLOCK_MISSING: 'invalid',
  EXCEPTIONAL_BLOCK_FORBIDDEN: 'invalid',
  DECISION_DEADLINE_BEFORE_REQUEST: 'invalid',
  REVIEW_DATE_OUT_OF_WINDOW: 'invalid',
  DUPLICATE_ITEM_LINE: 'invalid',
  PARTY_COUNTRY_NOT_DESTINATION: 'invalid',
  SUPERSEDES_ITSELF: 'invalid',
  DUPLICATE_DECLARATION_REFERENCE: 'invalid',
  LEI_CHECKSUM: 'invalid',
  CERTIFICATION_BEFORE_DECLARATION: 'invalid',
  CERTIFIER_NOT_END_USE_COUNTRY: 'invalid',
  DECLARATION_VALIDITY_INVERTED: 'invalid',
  MILITARY_ASSURANCE_CONTRADICTS_SECTOR: 'invalid',
  NEXT_UPDATE_NOT_AFTER_ISSUE: 'invalid',
  TRUST_ENTRY_WINDOW_INVERTED: 'invalid',
  STATUS_SUCCESSOR_MISSING: 'invalid',
  STATUS_DUPLICATE_ENTRY: 'invalid',

  // --- @xlic/trust: PKI and certificate path validation (add below, keep this marker) ---
  PEM_INVALID: 'input',
  KEY_INVALID: 'input',
  KEY_FORMAT_UNSUPPORTED: 'input',
  KEY_PASSPHRASE_REQUIRED: 'usage',
  KEY_PASSPHRASE_WRONG: 'input',
  CERT_PARSE: 'invalid',
  CERT_CHAIN_EMPTY: 'invalid',
  CERT_CHAIN_TOO_LONG: 'invalid',
  CERT_CHAIN_LOOP: 'invalid',
  CERT_NAME_CHAINING: 'invalid',
  CERT_UNTRUSTED_ROOT: 'invalid',
  CERT_ROLE_NOT_TRUSTED: 'invalid',
  CERT_ALGORITHM_UNSUPPORTED: 'invalid',
  CERT_SIGNATURE_INVALID: 'invalid',
  CERT_EXPIRED: 'invalid',
  CERT_NOT_YET_VALID: 'invalid',
  CERT_ROOT_EXPIRED: 'invalid',
  CERT_NOT_CA: 'invalid',
  CERT_SIGNER_IS_CA: 'invalid',
  CERT_PATH_LENGTH: 'invalid',
  CERT_KEY_USAGE: 'invalid',
  CERT_EKU_MISSING: 'invalid',
  CERT_UNKNOWN_CRITICAL_EXTENSION: 'invalid',
  CERT_REVOKED: 'invalid',
  CERT_REVOKED_AFTER_SIGNING: 'warning',
  CRL_INVALID: 'invalid',
  CRL_EXPIRED: 'invalid',
  CRL_STALE: 'warning',
  TRUST_ENTRY_NOT_CURRENT: 'invalid',
  TRUST_THUMBPRINT_MISMATCH: 'invalid',
  TRUST_COUNTRY_MISMATCH: 'invalid',
  TRUST_ROOT_INVALID: 'invalid',
  // --- end @xlic/trust ---

  // --- @xlic/sign and @xlic/verify: JWS profile and verification (add below, keep this marker) ---
  JWS_MALFORMED: 'invalid',
  JWS_HEADER_INVALID: 'invalid',
  JWS_UNPROTECTED_HEADER: 'invalid',
  JWS_ALG_NOT_ALLOWED: 'invalid',
  JWS_ALG_KEY_MISMATCH: 'invalid',
  JWS_TYP_MISSING: 'invalid',
  JWS_TYP_MISMATCH: 'invalid',
  JWS_CRIT_UNSUPPORTED: 'invalid',
  JWS_HEADER_FORBIDDEN: 'invalid',
  JWS_X5C_MISSING: 'invalid',
  JWS_IAT_INVALID: 'invalid',
  JWS_SIGNATURE_INVALID: 'invalid',
  JWS_PAYLOAD_INVALID: 'invalid',
  JWS_SIGNATURES_DISAGREE: 'invalid',
  TRUST_NONE_CONFIGURED: 'usage',
  TRUST_ISSUER_MISMATCH: 'invalid',
  TRUST_LIST_REJECTED: 'input',
  TRUST_LIST_STALE: 'warning',
  LICENSE_NOT_YET_VALID: 'invalid',
  LICENSE_EXPIRED: 'invalid',
  SIGNED_OUTSIDE_VALIDITY: 'invalid',
  SIGNED_IN_FUTURE: 'invalid',
  LICENSE_REVOKED: 'invalid',
  LICENSE_SUSPENDED: 'invalid',
  LICENSE_SUPERSEDED: 'invalid',
  STATUS_STALE: 'warning',
  STATUS_STALE_REQUIRED_FRESH: 'invalid',
  STATUS_MISSING_REQUIRED: 'invalid',
  STATUS_UNKNOWN: 'warning',
  STATUS_LIST_REJECTED: 'input',
  BUNDLE_REJECTED: 'input',
  BUNDLE_AGE: 'warning',
  SIGN_DOCUMENT_INVALID: 'usage',
  SIGN_CERTIFICATE_UNSUITABLE: 'usage',
  SIGN_KEY_MISMATCH: 'usage',
  SEQUENCE_ROLLBACK: 'usage',
  KEY_FILE_PERMISSIONS: 'usage',
  OUTPUT_EXISTS: 'usage',
  LIST_EDIT_INVALID: 'usage',
  LIST_ENTRY_EXISTS: 'usage',
  LIST_ENTRY_NOT_FOUND: 'usage',
  TRUST_ROOT_UNSUITABLE: 'usage',
  STATUS_TRANSITION_REFUSED: 'usage',
  PKI_CA_UNSUITABLE: 'usage',
  PKI_CA_MISMATCH: 'usage',
  // --- end @xlic/verify ---

  // --- @xlic/pdf: rendering, attachments and QR (add below, keep this marker) ---
  PDF_MALFORMED: 'input',
  PDF_FONT_MISSING: 'usage',
  PDF_NO_ATTACHMENT: 'invalid',
  PDF_CONFLICTING_ATTACHMENTS: 'invalid',
  PDF_ACTIVE_CONTENT: 'invalid',
  PDF_INCREMENTAL_UPDATE: 'invalid',
  PDF_QR_MISMATCH: 'invalid',
  PDF_QR_MISSING: 'warning',
  PDF_RENDERING_DIFFERS: 'invalid',
  QR_MALFORMED: 'input',
  QR_INFLATE_LIMIT: 'input',
  QR_PART_MISSING: 'input',
  QR_PART_MISMATCH: 'input',
  QR_TOO_LARGE: 'usage',
  // --- end @xlic/pdf ---

  // --- @xlic/rules: jurisdiction rules (add below, keep this marker) ---
  // --- end @xlic/rules ---

  // --- @xlic/screen: screening lists and denial notices (add below, keep this marker) ---
  SCREENING_LIST_INVALID: 'input',
  SCREENING_LIST_STALE: 'warning',
  SCREENING_LIST_SUPERSEDED: 'warning',
  SCREENING_HIT: 'invalid',
  SCREENING_HIT_ESCALATE: 'invalid',
  SCREENING_HIT_DELISTED: 'warning',
  SCREENING_NAME_SUSPICIOUS: 'warning',
  DENIAL_NOTICE_INVALID: 'input',
  DENIAL_BLOCKS_LICENSE: 'invalid',
  DENIAL_CONSULTED: 'warning',
  // --- end @xlic/screen ---
} as const;

/** A stable xlic error or finding code. */
export type Code = keyof typeof CODES;
/** The outcome class of a code; decides the CLI exit status. */
export type CodeClass = (typeof CODES)[Code];

/** The outcome class of `code`. */
export function classOf(code: Code): CodeClass {
  return CODES[code];
}
