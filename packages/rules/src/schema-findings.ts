import { finding, pointer, type Code, type Finding } from '@xlic/core';

/** The fields of an ajv error object that matter here. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const OUTCOME = /^\/rules\/\d+\/outcome$/;
const OUTCOME_FIELD = /^\/rules\/\d+\/outcome\/(score|unit|within)$/;
const COUNTRY = /\/(country|destinations\/\d+|issuerCountries\/\d+)$/;
const where = (path: string): string => (path === '' ? 'the document' : path);

/**
 * Findings for the schema errors of a rules document, with the codes core uses for the same
 * keywords, and RULE_OUTCOME_INCONSISTENT for the outcome's type-dependent fields (score, unit, within).
 */
export function schemaFindings(errors: readonly SchemaError[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  const push = (code: Code, path: string, message: string): void => {
    const key = `${path}\u0000${code}\u0000${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(finding(code, path, message));
  };
  for (const e of errors) {
    const path = e.instancePath;
    const p = e.params;
    switch (e.keyword) {
      case 'if':
        break; // reported through the failing then/else branch
      case 'required': {
        const field = String(p['missingProperty']);
        if (OUTCOME.test(path) && ['score', 'unit', 'within'].includes(field)) push('RULE_OUTCOME_INCONSISTENT', path, `${path} of type ${field === 'score' ? 'risk' : 'escalate'} needs "${field}"`);
        else push('SCHEMA_REQUIRED', path, `${where(path)} is missing required field "${field}"`);
        break;
      }
      case 'false schema':
        if (OUTCOME_FIELD.test(path)) push('RULE_OUTCOME_INCONSISTENT', path, `${path} is only allowed in ${path.endsWith('score') ? 'risk' : 'escalate'} outcomes`);
        else push('SCHEMA_UNKNOWN_FIELD', path, `${path} is not allowed here`);
        break;
      case 'additionalProperties': {
        const at = path + pointer(String(p['additionalProperty']));
        push('SCHEMA_UNKNOWN_FIELD', at, `${at} is not a known field here`);
        break;
      }
      case 'type':
        push('SCHEMA_TYPE', path, `${where(path)} must be of type ${String(p['type'])}`);
        break;
      case 'const':
        push('SCHEMA_CONST', path, `${where(path)} must be ${JSON.stringify(p['allowedValue'])}`);
        break;
      case 'enum':
        if (COUNTRY.test(path)) push('UNKNOWN_COUNTRY_CODE', path, `${path} is not an ISO 3166-1 alpha-2 country code`);
        else push('SCHEMA_ENUM', path, `${where(path)} is not one of: ${(p['allowedValues'] as unknown[]).map(String).join(', ')}`);
        break;
      case 'pattern':
        push('SCHEMA_PATTERN', path, `${where(path)} does not match the pattern ${String(p['pattern'])}`);
        break;
      case 'format':
        push('SCHEMA_FORMAT', path, `${where(path)} is not an RFC 3339 date-time with offset, such as 2026-11-23T09:00:00Z`);
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        push('SCHEMA_RANGE', path, `${where(path)} must be ${String(p['comparison'])} ${String(p['limit'])}`);
        break;
      case 'minLength':
        push('SCHEMA_TOO_SHORT', path, `${where(path)} must have at least ${String(p['limit'])} characters`);
        break;
      case 'maxLength':
        push('SCHEMA_TOO_LONG', path, `${where(path)} must have at most ${String(p['limit'])} characters`);
        break;
      case 'minItems':
        push('SCHEMA_TOO_FEW_ITEMS', path, `${where(path)} must have at least ${String(p['limit'])} entries`);
        break;
      case 'maxItems':
        push('SCHEMA_TOO_MANY_ITEMS', path, `${where(path)} must have at most ${String(p['limit'])} entries`);
        break;
      case 'uniqueItems': {
        const [first, repeat] = [Number(p['i']), Number(p['j'])].sort((a, b) => a - b);
        push('SCHEMA_DUPLICATE_ITEM', `${path}/${repeat}`, `${path}/${repeat} repeats ${path}/${first}`);
        break;
      }
      default:
        push('SCHEMA_INVALID', path, `${where(path)} ${e.message ?? 'is not valid'}`);
    }
  }
  return out;
}
