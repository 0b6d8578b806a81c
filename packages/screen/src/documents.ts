import { finding, generatedValidators, type Agency, type Address, type Classification, type Code, type CountryCode, type DocumentReference, type Finding, type Identifier, type Party } from '@xlic/core';

// Mirrors of the generated ScreeningList / DenialNotice types (schemas/*.schema.json), built from the
// core types that @xlic/core exports today. Replace with the generated ones once core exports them.

/** One name of a listed party. */
export interface EntryName {
  value: string;
  kind: 'primary' | 'alias' | 'transliteration';
  script?: string;
  language?: string;
}

/** One listed party of a screening list. */
export interface ScreeningEntry {
  id: string;
  names: EntryName[];
  addresses?: Array<{ address: Address; country: CountryCode }>;
  countries?: CountryCode[];
  identifiers?: Identifier[];
  reason: string;
  legalBasis: string;
  listedAt: string;
  delisting?: { at: string; reason: string };
}

/** A screening list (schemas/screening-list.schema.json). */
export interface ScreeningList {
  documentType: 'screening-list';
  schemaVersion: '1.0';
  id: string;
  publisher: Agency;
  sequence: number;
  issuedAt: string;
  nextUpdate: string;
  policy: { onHit: 'fail' | 'escalate'; escalateTo?: string };
  entries: ScreeningEntry[];
}

/** A denial notice (schemas/denial-notice.schema.json). */
export interface DenialNotice {
  documentType: 'denial-notice';
  schemaVersion: '1.0';
  id: string;
  deniedBy: Agency;
  deniedAt: string;
  expiresAt: string;
  status: 'active' | 'withdrawn';
  supersedes?: DocumentReference;
  endUser: Party;
  consignee?: Party;
  items: Array<{ classification: Classification; description?: string }>;
  destination: CountryCode;
  reasonCategory:
    | 'wmd-proliferation'
    | 'military-end-use'
    | 'diversion-risk'
    | 'human-rights'
    | 'regional-stability'
    | 'terrorism-crime'
    | 'sanctions'
    | 'end-user-reliability'
    | 'other';
  consultationContact: { unit: string; email: string; phone?: string };
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}
type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

const KEYWORD_CODES: Record<string, Code> = {
  required: 'SCHEMA_REQUIRED',
  additionalProperties: 'SCHEMA_UNKNOWN_FIELD',
  type: 'SCHEMA_TYPE',
  const: 'SCHEMA_CONST',
  enum: 'SCHEMA_ENUM',
  pattern: 'SCHEMA_PATTERN',
  format: 'SCHEMA_FORMAT',
  minimum: 'SCHEMA_RANGE',
  maximum: 'SCHEMA_RANGE',
  exclusiveMinimum: 'SCHEMA_RANGE',
  exclusiveMaximum: 'SCHEMA_RANGE',
  minLength: 'SCHEMA_TOO_SHORT',
  maxLength: 'SCHEMA_TOO_LONG',
  minItems: 'SCHEMA_TOO_FEW_ITEMS',
  maxItems: 'SCHEMA_TOO_MANY_ITEMS',
  uniqueItems: 'SCHEMA_DUPLICATE_ITEM',
};

function schemaFindings(validator: Validator, doc: unknown): Finding[] {
  if (validator(doc)) return [];
  return (validator.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const field = e.keyword === 'additionalProperties' ? `/${String(e.params['additionalProperty'])}` : '';
      const message = e.keyword === 'required' ? `missing required field "${String(e.params['missingProperty'])}"` : (e.message ?? e.keyword);
      return finding(KEYWORD_CODES[e.keyword] ?? 'SCHEMA_INVALID', e.instancePath + field, message);
    });
}

const time = (s: string): number => Date.parse(s);

/**
 * Validate a screening list against its schema and its rules: nextUpdate after issuedAt,
 * unique entry ids, no de-listing before listing. Returns findings (empty when valid).
 *
 * @example
 * const findings = validateScreeningList(JSON.parse(text));
 * if (findings.length) for (const f of findings) console.log(f.path, f.code, f.message);
 */
export function validateScreeningList(doc: unknown): Finding[] {
  const schema = schemaFindings(generatedValidators.screeningList as Validator, doc);
  if (schema.length > 0) return schema;
  const list = doc as ScreeningList;
  const out: Finding[] = [];
  if (time(list.nextUpdate) <= time(list.issuedAt)) out.push(finding('NEXT_UPDATE_NOT_AFTER_ISSUE', '/nextUpdate', 'nextUpdate is not after issuedAt'));
  const seen = new Set<string>();
  list.entries.forEach((e, i) => {
    if (seen.has(e.id)) out.push(finding('SCREENING_ENTRY_DUPLICATE', `/entries/${i}/id`, `entry id "${e.id}" appears twice`));
    seen.add(e.id);
    if (e.delisting && time(e.delisting.at) < time(e.listedAt)) {
      out.push(finding('SCREENING_DELISTED_BEFORE_LISTED', `/entries/${i}/delisting/at`, `entry "${e.id}" is de-listed before it was listed`));
    }
  });
  return out;
}

/**
 * Validate a denial notice against its schema and its rules: expiresAt after deniedAt, and a
 * notice does not supersede itself. Returns findings (empty when valid).
 *
 * @example
 * if (validateDenialNotice(notice).length === 0) notices.push(notice);
 */
export function validateDenialNotice(doc: unknown): Finding[] {
  const schema = schemaFindings(generatedValidators.denialNotice as Validator, doc);
  if (schema.length > 0) return schema;
  const notice = doc as DenialNotice;
  const out: Finding[] = [];
  if (time(notice.expiresAt) <= time(notice.deniedAt)) out.push(finding('DENIAL_EXPIRY_INVERTED', '/expiresAt', 'expiresAt is not after deniedAt'));
  if (notice.supersedes?.id === notice.id) out.push(finding('SUPERSEDES_ITSELF', '/supersedes/id', 'the notice supersedes itself'));
  return out;
}
