import type { Code } from './codes.js';
import { finding, type Finding } from './finding.js';
import { pointer } from './pointer.js';

/** The shape of an ajv error object (kept local so core does not type-depend on ajv). */
export interface AjvErrorObject {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * Domain codes for values of the shared definitions, recognised by where they sit in a document
 * (standalone validators report paths relative to each referenced definition, not its name).
 */
const BY_PLACE: Array<{ at: RegExp; keywords: readonly string[]; code: Code; what: string }> = [
  { at: /\/(country|issuingCountry)$|\/destinations\/\d+$/, keywords: ['enum'], code: 'UNKNOWN_COUNTRY_CODE', what: 'an ISO 3166-1 alpha-2 country code' },
  { at: /\/currency$/, keywords: ['enum'], code: 'UNKNOWN_CURRENCY_CODE', what: 'an ISO 4217 currency code' },
  { at: /\/unit$/, keywords: ['enum'], code: 'UNKNOWN_UNIT_CODE', what: 'a UN/ECE Recommendation 20 unit code listed in docs/SPEC.md' },
  { at: /\/hsCode$/, keywords: ['pattern'], code: 'INVALID_HS_CODE', what: 'a Harmonized System code of 6, 8 or 10 digits' },
  { at: /\/classifications\/\d+\/code$/, keywords: ['pattern'], code: 'INVALID_CLASSIFICATION_CODE', what: 'a classification code in the notation of its regime (e.g. 2B001.a, EAR99, ML10.a)' },
  { at: /\/identifiers\/\d+\/value$/, keywords: ['pattern'], code: 'INVALID_IDENTIFIER', what: 'an identifier in the format of its scheme' },
  { at: /\/quantity\/value$/, keywords: ['exclusiveMinimum'], code: 'QUANTITY_NOT_POSITIVE', what: 'greater than 0' },
  { at: /\/sha256$/, keywords: ['pattern'], code: 'SCHEMA_PATTERN', what: '64 lowercase hexadecimal characters (SHA-256)' },
  { at: /(^|\/)(id|licenseId)$/, keywords: ['pattern'], code: 'SCHEMA_PATTERN', what: 'an identifier of letters, digits and . _ : / - (at most 80 characters)' },
];

function placeRule(path: string, keyword: string): { code: Code; what: string } | undefined {
  return BY_PLACE.find((r) => r.keywords.includes(keyword) && r.at.test(path));
}

const FORMATS: Record<string, string> = {
  'date-time': 'an RFC 3339 date-time with offset, such as 2026-11-23T09:00:00Z',
  date: 'an RFC 3339 date such as 2026-11-23',
};

function show(value: unknown): string {
  const s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function where(path: string): string {
  return path === '' ? 'the document' : path;
}

/**
 * Turn ajv errors into findings a person understands, e.g.
 * `/items/2/quantity/value must be greater than 0` with code `QUANTITY_NOT_POSITIVE`.
 * Every finding's path exists in the document (a missing field is reported at its parent).
 */
export function mapSchemaErrors(errors: readonly AjvErrorObject[], valueAt: (path: string) => unknown): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding): void => {
    const key = `${f.path}\u0000${f.code}\u0000${f.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  };
  for (const e of errors) {
    const path = e.instancePath;
    const byDef = placeRule(path, e.keyword);
    switch (e.keyword) {
      case 'if':
        break; // reported through the failing "then" branch
      case 'required':
        push(finding('SCHEMA_REQUIRED', path, `${where(path)} is missing required field "${String(e.params['missingProperty'])}"`));
        break;
      case 'additionalProperties': {
        const key = String(e.params['additionalProperty']);
        push(finding('SCHEMA_UNKNOWN_FIELD', path + pointer(key), `${path + pointer(key)} is not a known field here`));
        break;
      }
      case 'type':
        push(finding('SCHEMA_TYPE', path, `${where(path)} must be ${article(String(e.params['type']))}`));
        break;
      case 'const':
        push(finding('SCHEMA_CONST', path, `${where(path)} must be ${show(e.params['allowedValue'])}`));
        break;
      case 'enum': {
        const v = valueAt(path);
        if (byDef) push(finding(byDef.code, path, `${where(path)} ${show(v)} is not ${byDef.what}`));
        else {
          const allowed = (e.params['allowedValues'] as unknown[]).map((x) => String(x)).join(', ');
          push(finding('SCHEMA_ENUM', path, `${where(path)} ${show(v)} is not one of: ${allowed}`));
        }
        break;
      }
      case 'pattern':
      case 'format': {
        const v = valueAt(path);
        if (byDef) push(finding(byDef.code, path, `${where(path)} ${show(v)} is not ${byDef.what}`));
        else if (e.keyword === 'format') push(finding('SCHEMA_FORMAT', path, `${where(path)} ${show(v)} is not ${FORMATS[String(e.params['format'])] ?? `a valid ${String(e.params['format'])}`}`));
        else push(finding('SCHEMA_PATTERN', path, `${where(path)} ${show(v)} does not match the pattern ${String(e.params['pattern'])}`));
        break;
      }
      case 'exclusiveMinimum':
      case 'minimum':
      case 'exclusiveMaximum':
      case 'maximum': {
        const limit = e.params['limit'];
        const phrase = { exclusiveMinimum: 'greater than', minimum: 'at least', exclusiveMaximum: 'less than', maximum: 'at most' }[e.keyword];
        const code: Code = byDef?.code ?? 'SCHEMA_RANGE';
        push(finding(code, path, `${where(path)} must be ${phrase} ${String(limit)}`));
        break;
      }
      case 'minLength':
        push(finding('SCHEMA_TOO_SHORT', path, e.params['limit'] === 1 ? `${where(path)} must not be empty` : `${where(path)} must have at least ${String(e.params['limit'])} characters`));
        break;
      case 'maxLength':
        push(finding('SCHEMA_TOO_LONG', path, `${where(path)} must have at most ${String(e.params['limit'])} characters`));
        break;
      case 'minItems':
        push(finding('SCHEMA_TOO_FEW_ITEMS', path, e.params['limit'] === 1 ? `${where(path)} must not be empty` : `${where(path)} must have at least ${String(e.params['limit'])} entries`));
        break;
      case 'maxItems':
        push(finding('SCHEMA_TOO_MANY_ITEMS', path, `${where(path)} must have at most ${String(e.params['limit'])} entries`));
        break;
      case 'uniqueItems': {
        // ajv's i and j come in either order depending on the item type: report at the later index
        const [first, repeat] = [Number(e.params['i']), Number(e.params['j'])].sort((a, b) => a - b);
        push(finding('SCHEMA_DUPLICATE_ITEM', `${path}/${repeat}`, `${path}/${repeat} repeats ${path}/${first}`));
        break;
      }
      default:
        push(finding('SCHEMA_INVALID', path, `${where(path)} ${e.message ?? 'is not valid'}`));
    }
  }
  return out;
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'an object', array: 'an array', string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'null' };
  return names[type] ?? type;
}
