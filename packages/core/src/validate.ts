import { XlicError } from './errors.js';
import type { Finding } from './finding.js';
import * as generated from './generated/validators.js';
import { detectKind, type DocumentKind, type DocumentTypes } from './kinds.js';
import { decodeText, parseJson } from './json.js';
import type { Limits } from './limits.js';
import { resolvePointer } from './pointer.js';
import { mapSchemaErrors, type AjvErrorObject } from './schema-errors.js';
import { checkDeclaration } from './semantic/declaration.js';
import { checkLicense } from './semantic/license.js';
import { checkStatusList, checkTrustList } from './semantic/lists.js';
import { checkParty } from './semantic/party.js';

type CompiledValidator = ((data: unknown) => boolean) & { errors?: AjvErrorObject[] | null };

// Precompiled at build time (scripts/generate.mjs): no schema compilation at start-up.
const VALIDATORS: Record<DocumentKind, CompiledValidator> = {
  license: generated.license as CompiledValidator,
  'end-use-declaration': generated.endUseDeclaration as CompiledValidator,
  'trust-list': generated.trustList as CompiledValidator,
  'status-list': generated.statusList as CompiledValidator,
  bundle: generated.bundle as CompiledValidator,
  rules: generated.rules as CompiledValidator,
  'screening-list': generated.screeningList as CompiledValidator,
  'denial-notice': generated.denialNotice as CompiledValidator,
  dossier: generated.dossier as CompiledValidator,
  party: generated.party as CompiledValidator,
};

const SEMANTIC: { [K in DocumentKind]: (doc: DocumentTypes[K]) => Finding[] } = {
  license: checkLicense,
  'end-use-declaration': checkDeclaration,
  'trust-list': checkTrustList,
  'status-list': checkStatusList,
  bundle: () => [],
  // The rules and screen packages add their own semantic checks (checkRules, validateScreeningList, validateDenialNotice).
  rules: () => [],
  'screening-list': () => [],
  'denial-notice': () => [],
  dossier: () => [], // its documents and links are checked by the verifier (verifyDossier)
  party: (p) => checkParty(p, ''),
};

/** The outcome of validating one document. */
export interface ValidationResult<K extends DocumentKind = DocumentKind> {
  kind: K;
  valid: boolean;
  /** Errors and warnings; `valid` is false exactly when one has severity "error". */
  findings: Finding[];
  /** The document, typed, when valid. */
  document?: DocumentTypes[K];
}

/**
 * Validate a parsed document against its schema, then its semantic rules.
 * The kind is detected from `documentType` unless given. Throws XlicError
 * (UNKNOWN_DOCUMENT_KIND / DOCUMENT_NOT_OBJECT) only when the input is not a document at all.
 *
 * @example
 * const r = validateDocument(JSON.parse(text));
 * if (!r.valid) for (const f of r.findings) console.log(f.path, f.code, f.message);
 */
export function validateDocument<K extends DocumentKind>(doc: unknown, kind?: K): ValidationResult<K> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new XlicError('DOCUMENT_NOT_OBJECT', `the input is JSON but not an object (it is ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc})`);
  }
  const k = (kind ?? detectKind(doc)) as K | undefined;
  if (!k) {
    const t = (doc as Record<string, unknown>)['documentType'];
    throw new XlicError('UNKNOWN_DOCUMENT_KIND', t === undefined ? 'not an xlic document: no "documentType" field' : `unknown documentType ${JSON.stringify(t).slice(0, 60)}`);
  }
  const validator = VALIDATORS[k];
  if (!validator(doc)) {
    const findings = mapSchemaErrors(validator.errors ?? [], (p) => resolvePointer(doc, p).value);
    return { kind: k, valid: false, findings };
  }
  const findings = (SEMANTIC[k] as (d: unknown) => Finding[])(doc);
  const valid = !findings.some((f) => f.severity === 'error');
  return valid ? { kind: k, valid, findings, document: doc as DocumentTypes[K] } : { kind: k, valid, findings };
}

/**
 * Decode, parse (strictly) and validate document bytes in one step.
 * Throws XlicError with an input code when the bytes are not a JSON document.
 */
export function validateBytes(bytes: Uint8Array, limits: Partial<Limits> = {}): ValidationResult {
  return validateDocument(parseJson(decodeText(bytes, limits), limits));
}
