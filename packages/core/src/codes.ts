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
  // --- end @xlic/trust ---

  // --- @xlic/sign and @xlic/verify: JWS profile and verification (add below, keep this marker) ---
  // --- end @xlic/verify ---

  // --- @xlic/pdf: rendering, attachments and QR (add below, keep this marker) ---
  // --- end @xlic/pdf ---

  // --- @xlic/rules: jurisdiction rules (add below, keep this marker) ---
  // --- end @xlic/rules ---

  // --- @xlic/screen: screening lists and denial notices (add below, keep this marker) ---
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
