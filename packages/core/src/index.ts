export { CODES, classOf, type Code, type CodeClass } from './codes.js';
export { XlicError, isXlicError } from './errors.js';
export { finding, warning, type Finding } from './finding.js';
export { DEFAULT_LIMITS, type Limits } from './limits.js';
export { decodeText, parseJson } from './json.js';
export { escapeToken, pointer, resolvePointer } from './pointer.js';
export { DOCUMENT_KINDS, detectKind, type DocumentKind, type DocumentTypes } from './kinds.js';
export { validateBytes, validateDocument, type ValidationResult } from './validate.js';
export { leiChecksumValid } from './semantic/party.js';
export type {
  Address,
  Agency,
  Bundle,
  DenialNotice,
  Dossier,
  ScreeningList,
  Classification1 as Classification,
  CountryCode,
  CurrencyCode,
  DocumentReference,
  EndUseDeclaration,
  Identifier1 as Identifier,
  License,
  Money,
  Party,
  Quantity,
  StatusList,
  TrustList,
  UnitCode,
} from './generated/types.js';
export {
  ALLOWED_ALGORITHMS,
  FORBIDDEN_HEADER_PARAMETERS,
  JWS_TYP,
  UNDERSTOOD_CRITICAL,
  isAllowedAlgorithm,
  kindOfTyp,
  type SignatureAlgorithm,
  type SignedKind,
} from './jws-profile.js';
export { parseJws, MAX_SIGNATURES, type ParsedJws, type ParsedSignature } from './jws-parse.js';
export { base64Decode, base64Encode, base64urlDecode, base64urlEncode, sha256Hex } from './base64.js';
export * as generatedValidators from './generated/validators.js';
export type { Rules } from './generated/types.js';
