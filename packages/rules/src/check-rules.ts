import { finding, generatedValidators, pointer, type Finding, type Rules } from '@xlic/core';
import { checkCondition } from './check-condition.js';
import { parseInstant } from './instant.js';
import type { RuleLimits } from './operators.js';
import { schemaFindings, type SchemaError } from './schema-findings.js';

type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
// Precompiled from schemas/rules.schema.json by scripts/generate.mjs.
const validateSchema = generatedValidators.rules as Validator;

/** The outcome of checking a rules document. */
export interface RulesCheck {
  /** False exactly when a finding has severity "error". */
  valid: boolean;
  findings: Finding[];
  /** The document, typed, when valid. */
  document?: Rules;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Check a parsed rules document: its schema (schemas/rules.schema.json), then what the schema
 * cannot say: every condition well-formed with known operators within the depth and size limits,
 * unique rule ids, outcome fields consistent with the outcome type, nextUpdate after issuedAt and
 * validFrom, riskThresholds medium below high. Every problem is reported; never throws.
 *
 * @example
 * const r = checkRules(JSON.parse(text));
 * if (!r.valid) for (const f of r.findings) console.log(f.path, f.code, f.message);
 */
export function checkRules(doc: unknown, limits: Partial<RuleLimits> = {}): RulesCheck {
  if (!isObject(doc)) return { valid: false, findings: [finding('DOCUMENT_NOT_OBJECT', '', `a rules document is a JSON object, not ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc}`)] };
  const schemaOk = validateSchema(doc);
  let findings = schemaOk ? [] : schemaFindings(validateSchema.errors ?? []);

  // Conditions are checked in full here (the schema only sees their top operator); where this check
  // finds something, it replaces the schema's less precise findings inside that condition.
  const rules = Array.isArray(doc['rules']) ? (doc['rules'] as unknown[]) : [];
  const conditionFindings: Finding[] = [];
  rules.forEach((rule, i) => {
    if (!isObject(rule) || !('condition' in rule)) return;
    const at = pointer('rules', i, 'condition');
    const found = checkCondition(rule['condition'], at, limits);
    if (found.length === 0) return;
    conditionFindings.push(...found);
    findings = findings.filter((f) => f.path !== at && !f.path.startsWith(`${at}/`));
  });
  findings.push(...conditionFindings);

  if (findings.length === 0) findings.push(...semanticFindings(doc as unknown as Rules));
  findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const valid = !findings.some((f) => f.severity === 'error');
  return valid ? { valid, findings, document: doc as unknown as Rules } : { valid, findings };
}

/** Rules of a schema-valid document that JSON Schema cannot express. */
function semanticFindings(doc: Rules): Finding[] {
  const out: Finding[] = [];
  const issued = parseInstant(doc.issuedAt)!;
  const from = parseInstant(doc.validFrom)!;
  const next = parseInstant(doc.nextUpdate)!;
  if (next <= issued) out.push(finding('NEXT_UPDATE_NOT_AFTER_ISSUE', '/nextUpdate', `/nextUpdate ${doc.nextUpdate} must be after issuedAt ${doc.issuedAt}`));
  if (next <= from) out.push(finding('RULES_WINDOW_INVERTED', '/nextUpdate', `/nextUpdate ${doc.nextUpdate} must be after validFrom ${doc.validFrom}`));
  if (doc.riskThresholds && doc.riskThresholds.medium >= doc.riskThresholds.high) {
    out.push(finding('RULES_THRESHOLDS_INVERTED', '/riskThresholds', `/riskThresholds/medium ${doc.riskThresholds.medium} must be below high ${doc.riskThresholds.high}`));
  }
  const seen = new Map<string, number>();
  doc.rules.forEach((r, i) => {
    const prev = seen.get(r.id);
    if (prev !== undefined) out.push(finding('RULE_ID_DUPLICATE', pointer('rules', i, 'id'), `/rules/${i}/id ${r.id} is already the id of /rules/${prev}`));
    else seen.set(r.id, i);
  });
  return out;
}
