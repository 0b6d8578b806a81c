import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { validateDocument, type Rules } from '@xlic/core';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../src/check-rules.js';
import { evaluateRules } from '../src/evaluate-rules.js';
import type { RuleData, RulesEvaluation } from '../src/types.js';
import { jpRules, vectors } from './fixtures.js';

const summary = (r: RulesEvaluation) => ({
  failed: r.failed,
  fired: r.outcomes.filter((o) => o.fired).map((o) => o.ruleId),
  errors: r.outcomes.filter((o) => o.error).map((o) => o.ruleId),
  riskScore: r.riskScore,
  riskLevel: r.riskLevel,
  warnings: r.warnings.map((w) => w.ruleId),
  escalations: r.escalations.map((e) => ({ ruleId: e.ruleId, within: e.within, deadline: e.deadline })),
});

// An independent reading of $defs/ruleData: compile the schemas with ajv at test time.
const schemaDir = fileURLToPath(new URL('../../../schemas/', import.meta.url));
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020, formats: string[]) => void;
const ajv = new Ajv2020({ strict: true, allErrors: true, strictRequired: false });
addFormats(ajv, ['date', 'date-time']);
for (const f of ['common', 'party', 'license', 'end-use-declaration', 'rules']) ajv.addSchema(JSON.parse(readFileSync(`${schemaDir}${f}.schema.json`, 'utf8')));
const validateRuleData = ajv.getSchema('https://xlic.dev/schemas/1.0/rules.schema.json#/$defs/ruleData')!;

describe('examples/rules/vectors.json', () => {
  const rules = jpRules();
  const all = vectors();

  it('cover the six example rules firing and not firing, errors and every risk level', () => {
    const fired = new Set(all.flatMap((v) => v.expect.fired));
    for (let i = 1; i <= 8; i++) expect(fired).toContain(`JP-CUS-00${i}`);
    expect(new Set(all.map((v) => v.expect.riskLevel))).toEqual(new Set(['low', 'medium', 'high']));
    expect(all.some((v) => v.expect.errors.length > 0)).toBe(true);
    expect(all.some((v) => v.expect.escalations.length > 1)).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(20);
  });

  it.each(all)('$description', ({ input, expect: want }) => {
    expect(input.rules).toBe('jp-customs-rules.json');
    if (want.errors.length === 0) {
      // Vectors hold real data: schema-valid documents, as the verifier would build them.
      expect(validateRuleData(input.data), JSON.stringify(validateRuleData.errors)).toBe(true);
      expect(validateDocument(input.data.license).findings).toEqual([]);
      for (const d of input.data.declarations) expect(validateDocument(d.document).findings).toEqual([]);
    }
    const r = evaluateRules(rules, input.data);
    expect(summary(r)).toEqual(want);
    // deterministic: the same input gives the same result
    expect(evaluateRules(rules, input.data)).toEqual(r);
  });
});

describe('evaluateRules', () => {
  const rules = jpRules();
  const base = vectors()[0]!.input.data;

  it('reports every rule in document order with its applicability', () => {
    const r = evaluateRules(rules, base);
    expect(r.outcomes.map((o) => o.ruleId)).toEqual(rules.rules.map((x) => x.id));
    const byId = Object.fromEntries(r.outcomes.map((o) => [o.ruleId, o]));
    expect(byId['JP-CUS-001']).toMatchObject({ applicable: true, fired: true, outcome: { type: 'fail', code: 'TEMP-REVIEW-OVERDUE' } });
    expect(byId['JP-CUS-002']).toEqual({ ruleId: 'JP-CUS-002', description: rules.rules[1]!.description, applicable: false, fired: false });
    expect(byId['JP-CUS-005']).toMatchObject({ applicable: true, fired: false });
    expect(r.failures).toEqual([{ ruleId: 'JP-CUS-001', code: 'TEMP-REVIEW-OVERDUE', reason: rules.rules[0]!.outcome.reason }]);
    expect(r.riskThresholds).toEqual({ medium: 30, high: 60 });
  });

  it('uses the default thresholds (30, 70) when the document has none', () => {
    const noThresholds = jpRules();
    delete noThresholds.riskThresholds;
    const v = vectors().find((x) => x.expect.riskScore === 60)!;
    const r = evaluateRules(noThresholds, v.input.data);
    expect([r.riskScore, r.riskLevel, r.riskThresholds]).toEqual([60, 'medium', { medium: 30, high: 70 }]);
  });

  it('matches appliesTo filters: regimes and prefixes on the same classification, issuer countries', () => {
    const one = (appliesTo: Record<string, unknown>): boolean => {
      const doc = { ...jpRules(), rules: [{ id: 'T', description: 'Test.', appliesTo, condition: { '==': [1, 1] }, outcome: { type: 'warn', reason: 'Test.' } }] } as unknown as Rules;
      return evaluateRules(doc, base).outcomes[0]!.applicable;
    };
    // base license: FR SBDU, TR, items 5A002.a and 6A003.b.4.b under eu-dual-use
    expect(one({})).toBe(true);
    expect(one({ destinations: ['TR', 'AE'] })).toBe(true);
    expect(one({ destinations: ['AE'] })).toBe(false);
    expect(one({ issuerCountries: ['FR'] })).toBe(true);
    expect(one({ issuerCountries: ['JP'] })).toBe(false);
    expect(one({ licenseTypes: ['emergency-temporary'] })).toBe(true);
    expect(one({ licenseTypes: ['individual'] })).toBe(false);
    expect(one({ classificationPrefixes: ['6A003'] })).toBe(true);
    expect(one({ classificationPrefixes: ['6A00'] })).toBe(true);
    expect(one({ classificationPrefixes: ['6a003'] })).toBe(false);
    expect(one({ regimes: ['eu-dual-use'], classificationPrefixes: ['5A002'] })).toBe(true);
    expect(one({ regimes: ['us-eccn'], classificationPrefixes: ['5A002'] })).toBe(false);
    expect(one({ regimes: ['eu-dual-use'], destinations: ['AE'] })).toBe(false);
  });

  it('fails closed on rules that cannot be evaluated, and goes on with the others', () => {
    const doc = jpRules() as unknown as { rules: Array<Record<string, unknown>> };
    doc.rules[4]!['condition'] = { '>': [{ var: 'license.id' }, 1] }; // a string compared as a number
    doc.rules[6]!['outcome'] = { type: 'escalate', reason: 'x' }; // no unit: unchecked document
    doc.rules[7]!['condition'] = { nope: [] };
    const r = evaluateRules(doc as unknown as Rules, base);
    const errs = r.outcomes.filter((o) => o.error);
    expect(errs.map((o) => [o.ruleId, o.error!.path])).toEqual([
      ['JP-CUS-005', '/rules/4/condition/>'],
      ['JP-CUS-007', '/rules/6/outcome'],
      ['JP-CUS-008', '/rules/7/condition/nope'],
    ]);
    for (const o of errs) expect(o).toMatchObject({ fired: true, applicable: true, outcome: { type: 'fail', code: 'RULE_EVALUATION_ERROR' }, error: { code: 'RULE_EVALUATION_ERROR' } });
    expect(r.failed).toBe(true);
    expect(r.failures.map((f) => f.ruleId)).toEqual(['JP-CUS-001', 'JP-CUS-005', 'JP-CUS-007', 'JP-CUS-008']);
  });

  it('fails escalations closed when the verification time is unreadable', () => {
    const v = vectors().find((x) => x.expect.escalations.length === 1 && x.expect.escalations[0]!.ruleId === 'JP-CUS-007')!;
    const r = evaluateRules(jpRules(), { ...v.input.data, verification: { at: 'now' } });
    expect(r.outcomes.find((o) => o.ruleId === 'JP-CUS-007')).toMatchObject({ fired: true, error: { code: 'RULE_EVALUATION_ERROR', path: '/rules/6/outcome/within' } });
    expect(r.escalations).toEqual([]);
  });

  it('throws RULES_INVALID only when there is no array of rules', () => {
    expect(() => evaluateRules({} as Rules, base)).toThrow(expect.objectContaining({ code: 'RULES_INVALID' }));
    expect(() => evaluateRules(null as unknown as Rules, base)).toThrow(expect.objectContaining({ code: 'RULES_INVALID' }));
  });
});

describe('hostile data', () => {
  const rules = jpRules();
  const base = vectors()[0]!.input.data;

  it('never throws and fails closed on data of any shape', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue({ maxDepth: 4 }), (license, anything) => {
        for (const data of [license, { license, declarations: anything, signatures: anything, verification: { at: anything } }, { ...base, declarations: anything }]) {
          const r = evaluateRules(rules, data as unknown as RuleData);
          expect(r.outcomes).toHaveLength(rules.rules.length);
          for (const o of r.outcomes) if (o.error) expect(o.outcome?.type).toBe('fail');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('survives getters that throw, proxies, deep nesting and non-JSON values', () => {
    const trap = new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); } });
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { license: deep };
    const getter = { ...base, license: Object.defineProperty({ ...base.license }, 'licenseType', { get: () => { throw new Error('getter ran'); }, enumerable: true }) };
    for (const data of [trap, { ...base, license: trap }, deep, getter, { ...base, declarations: [() => 1, Symbol('x'), 10n] }, { ...base, license: { ...base.license, items: [{ value: { amount: Number.NaN } }] } }]) {
      const r = evaluateRules(rules, data as RuleData);
      expect(r.outcomes).toHaveLength(rules.rules.length);
      expect(r.failed).toBe(true);
    }
  });

  it('bounds huge arrays by the step limits', () => {
    const huge = { ...base, license: { ...base.license, licenseType: 'individual', items: new Array(5_000_000).fill(base.license.items[0]) } };
    const r = evaluateRules(rules, huge as RuleData);
    const errors = r.outcomes.filter((o) => o.error).map((o) => o.error!.message);
    expect(errors.length).toBeGreaterThan(0);
    for (const m of errors) expect(m).toMatch(/step limit/);
    // a sparse array with a huge length is just as bounded
    const sparse: unknown[] = [];
    sparse.length = 2 ** 32 - 1;
    const s = evaluateRules(rules, { ...base, license: { ...base.license, destinations: sparse, intermediateConsignees: sparse } } as unknown as RuleData);
    expect(s.outcomes.filter((o) => o.error).every((o) => /step limit/.test(o.error!.message))).toBe(true);
    expect(s.failed).toBe(true);
  });

  it('never reaches Object.prototype through var paths or prototype keys in the data', () => {
    const polluted = JSON.parse('{"__proto__": {"licenseType": "humanitarian-exemption"}, "constructor": {"prototype": {"x": 1}}}');
    const doc = {
      ...jpRules(),
      rules: [
        { id: 'P1', description: 'Own property only.', condition: { '==': [{ var: 'license.toString' }, null] }, outcome: { type: 'fail', reason: 'x' } },
        { id: 'P2', description: 'Own property only.', condition: { '==': [{ var: 'license.hasOwnProperty' }, null] }, outcome: { type: 'fail', reason: 'x' } },
        { id: 'P3', description: 'Inherited values are invisible.', condition: { '==': [{ var: 'license.licenseType' }, null] }, outcome: { type: 'fail', reason: 'x' } },
        { id: 'P4', description: 'Forbidden segment.', condition: { '==': [{ var: 'license.__proto__' }, null] }, outcome: { type: 'fail', reason: 'x' } },
      ],
    } as unknown as Rules;
    expect(checkRules(doc).findings.map((f) => [f.path, f.code])).toEqual([['/rules/3/condition/==/0/var', 'RULE_VAR_PATH_INVALID']]);
    const inherited = Object.create({ licenseType: 'general' }) as Record<string, unknown>;
    for (const license of [polluted, inherited]) {
      const r = evaluateRules(doc, { ...base, license } as unknown as RuleData);
      expect(r.outcomes.map((o) => [o.ruleId, o.fired, o.error?.code])).toEqual([
        ['P1', true, undefined],
        ['P2', true, undefined],
        ['P3', true, undefined],
        ['P4', true, 'RULE_EVALUATION_ERROR'],
      ]);
    }
    expect(({} as Record<string, unknown>)['licenseType']).toBeUndefined();
  });
});
